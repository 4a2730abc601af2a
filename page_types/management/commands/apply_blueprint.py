from django.core.management.base import BaseCommand, CommandError

from page_types.blueprint import apply_to_schools
from tenants.models import Authority, School


class Command(BaseCommand):
    help = (
        "Bổ sung các mục bắt buộc còn thiếu theo cấu trúc chuẩn (đang áp dụng, gồm cả thay đổi "
        "của Phòng/Sở) cho các trường đã có; không bao giờ xóa hay đổi tên nội dung."
    )

    def add_arguments(self, parser):
        parser.add_argument("--school", help="mã trường (mặc định: mọi trường)")
        parser.add_argument(
            "--authority", help="mã đơn vị quản lý: chỉ các trường thuộc đơn vị này"
        )

    def handle(self, *args, school=None, authority=None, **options):
        schools = School.objects.all()
        if school:
            schools = schools.filter(code=school)
            if not schools.exists():
                raise CommandError(f"Không có trường mã “{school}”.")
        if authority:
            office = Authority.objects.filter(code=authority).first()
            if office is None:
                raise CommandError(f"Không có đơn vị quản lý mã “{authority}”.")
            schools = schools.filter(authority__path__startswith=office.path)
        # Each school in its own transaction: a failure leaves the schools done so far done.
        result = apply_to_schools(schools)
        for item, titles in result.changed:
            self.stdout.write(
                f"{item.code} {item.name}: thêm {len(titles)} mục ({', '.join(titles)})"
            )
        self.stdout.write(f"Xong: thêm {result.pages} mục cho {result.schools} trường.")
