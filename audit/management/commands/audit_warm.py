from django.core.management.base import BaseCommand
from django.utils import timezone

from audit import activity, table
from audit.access import OFFICE_ROLES
from tenants.models import Authority, School


class Command(BaseCommand):
    help = (
        "Tính sẵn bảng theo dõi của mọi trường cho ngày mặc định của từng Phòng/Sở (chạy định kỳ, "
        "ví dụ sau nửa đêm và vài phút một lần) để trang theo dõi mở ngay, kể cả với hàng nghìn "
        "trường; xóa các dòng đã tính quá 7 ngày."
    )

    def handle(self, *args, **options):
        started = timezone.now()
        # Lines are stored per school, so one pass per distinct default date serves every
        # office's dashboard; lines still valid are not recomputed.
        scopes = [School.objects.all()] + [
            authority.schools_in_subtree()
            for authority in Authority.objects.filter(memberships__role__in=OFFICE_ROLES).distinct()
        ]
        days = sorted({activity.default_as_of(schools)[0] for schools in scopes})
        recomputed = sum(table.table_run(School.objects.all(), day).recomputed for day in days)
        pruned = table.prune()
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(
            f"Đã tính sẵn bảng theo dõi cho {len(days)} ngày ({recomputed} dòng tính lại, "
            f"{pruned} dòng cũ đã xóa) trong {seconds:.1f} giây."
        )
