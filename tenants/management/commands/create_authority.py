from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants.models import Authority
from tenants.provisioning import create_authority


class Command(BaseCommand):
    help = "Tạo (hoặc cập nhật) một đơn vị quản lý: Sở, Phòng GD&ĐT hoặc phòng cấp xã."

    def add_arguments(self, parser):
        parser.add_argument("--code", required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument("--parent", default=None, help="mã đơn vị cấp trên")
        parser.add_argument("--kind", choices=Authority.Kind.values, default=None)

    def handle(self, *args, code, name, parent, kind, **options):
        try:
            authority, created = create_authority(code, name, parent_code=parent, kind=kind)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        verb = "Đã tạo" if created else "Đã cập nhật"
        self.stdout.write(f"{verb} đơn vị {authority.code}: {authority.name}")
