from django.conf import settings
from django.core.management.base import BaseCommand

from subscriptions.tasks import purge_unconfirmed


class Command(BaseCommand):
    help = (
        "Xóa các địa chỉ đăng ký nhận tin chưa được xác nhận sau "
        f"{settings.SUBSCRIPTIONS_UNCONFIRMED_DAYS} ngày (chạy hằng ngày)."
    )

    def handle(self, *args, **options):
        erased = purge_unconfirmed.call()
        self.stdout.write(f"Đã xóa {erased} địa chỉ chưa xác nhận.")
