"""python manage.py open_school_year 2016-2017 [--authority CODE] [--school CODE]"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants.models import Authority, School

from ...calendars import valid_school_year
from ...year_opening import open_school_year


class Command(BaseCommand):
    help = (
        "Mở năm học: tạo trang công khai của năm học và các mục công khai (bản nháp) cho từng "
        "trường. Chạy lại nhiều lần không tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("school_year", help="Năm học, ví dụ 2016-2017")
        parser.add_argument("--authority", help="Chỉ các trường thuộc đơn vị này (cả cấp dưới)")
        parser.add_argument("--school", help="Chỉ một trường (mã trường)")

    def handle(self, *args, school_year, authority=None, school=None, **options):
        if not valid_school_year(school_year):
            raise CommandError(f"Năm học “{school_year}” không hợp lệ; viết dạng 2016-2017.")
        schools = School.objects.filter(is_active=True).select_related("authority", "root_page")
        if authority:
            office = Authority.objects.filter(code=authority).first()
            if office is None:
                raise CommandError(f"Không có đơn vị quản lý mã “{authority}”.")
            schools = schools.filter(authority__path__startswith=office.path)
        if school:
            schools = schools.filter(code=school)
            if not schools.exists():
                raise CommandError(
                    f"Không có trường mã “{school}” (hoặc trường đã ngừng hoạt động)."
                )
        opened = slots = 0
        for target in schools.order_by("code"):
            try:
                result = open_school_year(target, school_year)
            except ValidationError as exc:
                raise CommandError(f"{target.code}: {' '.join(exc.messages)}") from exc
            opened += result.created_year
            slots += len(result.created_slots)
            if options["verbosity"] >= 2:
                self.stdout.write(
                    f"{target.code}: {result.checklist.profile.code}, "
                    f"{len(result.created_slots)} mục mới"
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"Năm học {school_year}: {schools.count()} trường; "
                f"{opened} trang năm học mới, {slots} mục công khai mới."
            )
        )
