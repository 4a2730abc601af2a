from django.core.management.base import BaseCommand

from subscriptions.tasks import send_weekly_digests


class Command(BaseCommand):
    help = "Gửi bản tin tuần cho phụ huynh chọn nhận hằng tuần (chạy mỗi tuần, ví dụ sáng thứ Hai)."

    def handle(self, *args, **options):
        result = send_weekly_digests.enqueue()
        self.stdout.write(f"Đã xếp hàng gửi bản tin tuần ({result.status}).")
