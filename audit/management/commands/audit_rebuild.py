from django.core.management.base import BaseCommand

from audit.models import DailyActivity
from audit.rebuild import rebuild


class Command(BaseCommand):
    help = (
        "Dựng lại sổ theo dõi cập nhật và bảng tổng hợp theo ngày từ nhật ký xuất bản của "
        "Wagtail (PageLogEntry)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--full",
            action="store_true",
            help="Tính lại cả chữ ký MinHash của mọi bài (chậm hơn).",
        )

    def handle(self, *args, **options):
        count = rebuild(full=options["full"])
        self.stdout.write(
            f"Đã dựng lại {count} sự kiện, {DailyActivity.objects.count()} dòng tổng hợp theo ngày."
        )
