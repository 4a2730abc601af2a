from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from page_types.blueprint import ensure_sections
from tenants.models import Authority, School


class Command(BaseCommand):
    help = (
        "Bổ sung các mục bắt buộc còn thiếu theo cấu trúc chuẩn cho các trường đã có; "
        "không bao giờ xóa nội dung."
    )

    def add_arguments(self, parser):
        parser.add_argument("--school", help="mã trường (mặc định: mọi trường)")
        parser.add_argument(
            "--authority", help="mã đơn vị quản lý: chỉ các trường thuộc đơn vị này"
        )

    def handle(self, *args, school=None, authority=None, **options):
        schools = School.objects.filter(root_page__isnull=False).select_related("root_page")
        if school:
            schools = schools.filter(code=school)
            if not schools.exists():
                raise CommandError(f"Không có trường mã “{school}”.")
        if authority:
            office = Authority.objects.filter(code=authority).first()
            if office is None:
                raise CommandError(f"Không có đơn vị quản lý mã “{authority}”.")
            schools = schools.filter(authority__path__startswith=office.path)
        total = 0
        for item in schools:
            with transaction.atomic():
                added = ensure_sections(item, item.root_page.specific)
            total += len(added)
            if added:
                titles = ", ".join(page.title for page in added)
                self.stdout.write(f"{item.code} {item.name}: thêm {len(added)} mục ({titles})")
        self.stdout.write(f"Xong: thêm {total} mục cho {schools.count()} trường.")
