from django.core.management.base import BaseCommand
from django.utils import timezone

from audit import engine
from audit.access import OFFICE_ROLES
from audit.views import cached_run
from tenants.models import Authority, School


class Command(BaseCommand):
    help = (
        "Tính sẵn bảng theo dõi của từng Phòng/Sở vào bộ nhớ đệm (chạy định kỳ, ví dụ 4 phút "
        "một lần) để trang theo dõi mở ngay, kể cả với hàng nghìn trường."
    )

    def handle(self, *args, **options):
        started = timezone.now()
        scopes = [(School.objects.all(), "all")]
        # The scope key of an office user with one membership is its authority's path (as in
        # views.office_scope); users with several memberships are computed on their first visit.
        for authority in Authority.objects.filter(memberships__role__in=OFFICE_ROLES).distinct():
            scopes.append((authority.schools_in_subtree(), f"paths:{authority.path}"))
        for schools, key in scopes:
            as_of, _moved = engine.default_as_of(schools)
            cached_run(schools, as_of, key, table_only=True, refresh=True)
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(f"Đã tính sẵn {len(scopes)} bảng theo dõi trong {seconds:.1f} giây.")
