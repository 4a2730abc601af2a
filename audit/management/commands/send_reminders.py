from django.core.management.base import BaseCommand
from django.utils import timezone

from audit.reminders import send_reminders

from .audit_report import parse_as_of


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc việc hằng tuần cho Ban giám hiệu các trường và cho Phòng/Sở "
        "(mỗi thư chỉ gửi một lần trong một tuần)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--as-of", help="Ngày tính số liệu, dạng YYYY-MM-DD (mặc định: hôm nay)."
        )

    def handle(self, *args, **options):
        as_of = parse_as_of(options["as_of"]) if options["as_of"] else timezone.localdate()
        outcome = send_reminders(as_of)
        self.stdout.write(
            f"Đã gửi {len(outcome.sent)} thư; bỏ qua {len(outcome.skipped)} thư đã gửi trong tuần."
        )
