"""For a lawful request only (decree 13/2023): a school's subscribers with their consent, as
CSV on standard output. Run by the platform team on the server; no admin screen shows addresses."""

import csv

from django.core.management.base import BaseCommand, CommandError

from subscriptions.models import Subscriber
from tenants.models import School


class Command(BaseCommand):
    help = "Xuất danh sách người nhận tin của một trường (chỉ khi có yêu cầu hợp pháp)."

    def add_arguments(self, parser):
        parser.add_argument("--school", required=True, help="Mã trường")
        parser.add_argument("--reason", required=True, help="Căn cứ yêu cầu (ghi vào nhật ký)")

    def handle(self, *args, school, reason, **options):
        found = School.objects.filter(code=school).first()
        if found is None:
            raise CommandError(f"Không có trường mã {school}.")
        writer = csv.writer(self.stdout)
        writer.writerow(["email", "xac_nhan", "dong_y_luc", "muc_dich", "cach_nhan"])
        rows = Subscriber.objects.filter(school=found).order_by("pk")
        for s in rows:
            writer.writerow(
                [s.email, s.confirmed_at or "", s.consent_at or "", s.consent_purpose, s.frequency]
            )
        self.stderr.write(f"Đã xuất {rows.count()} địa chỉ của {found.code}; căn cứ: {reason}")
