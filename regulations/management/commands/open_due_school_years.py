"""python manage.py open_due_school_years [--as-of YYYY-MM-DD]: the daily job that opens the
school years whose opening day has come (1 August unless the office set another day)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from ...year_opening import open_due_school_years


class Command(BaseCommand):
    help = (
        "Mở các năm học đã đến ngày mở (mặc định 1/8, Phòng/Sở có thể đổi) cho mọi trường chưa "
        "có: trang công khai của năm học và các mục công khai. Chạy hằng ngày; chạy lại không "
        "tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("--as-of", help="Tính như vào ngày này (YYYY-MM-DD); mặc định hôm nay")

    def handle(self, *args, as_of=None, **options):
        today = None
        if as_of:
            try:
                today = datetime.date.fromisoformat(as_of)
            except ValueError as error:
                raise CommandError(
                    f"Ngày “{as_of}” không hợp lệ; viết dạng YYYY-MM-DD, ví dụ 2026-08-01."
                ) from error
        result = open_due_school_years(today)
        if not result.total:
            self.stdout.write("Không có năm học nào cần mở.")
            return
        for year, count in sorted(result.opened.items()):
            self.stdout.write(self.style.SUCCESS(f"Năm học {year}: đã mở cho {count} trường."))
        self.stdout.write(f"{result.slots} mục công khai mới.")
