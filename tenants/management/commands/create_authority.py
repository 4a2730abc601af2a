from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tenants.authority_tree import infer_kind, move_authority
from tenants.models import Authority
from tenants.provisioning import create_authority


class Command(BaseCommand):
    help = (
        "Tạo (hoặc cập nhật) một đơn vị quản lý: Sở, Phòng GD&ĐT hoặc phòng cấp xã. Với đơn vị "
        "đã có, --parent chuyển đơn vị (cùng các đơn vị trực thuộc) về dưới đơn vị cấp trên đó "
        "và --kind đổi loại đơn vị."
    )

    def add_arguments(self, parser):
        parser.add_argument("--code", required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument("--parent", default=None, help="mã đơn vị cấp trên")
        parser.add_argument(
            "--kind",
            choices=Authority.Kind.values,
            default=None,
            help="so, phong hoặc xa; bỏ trống thì suy ra từ tên (“Sở …”, “Phòng Giáo dục …”, "
            "“Phòng Văn hóa – Xã hội …”)",
        )

    def handle(self, *args, code, name, parent, kind, **options):
        parent_authority = None
        if parent:
            parent_authority = Authority.objects.filter(code=parent).first()
            if parent_authority is None:
                raise CommandError(f"Không có đơn vị quản lý mã “{parent}”.")
        existing = Authority.objects.filter(code=code).first()
        if existing is None and kind is None:
            kind = infer_kind(name)
            if kind is None:
                raise CommandError(
                    f"Không suy ra được loại đơn vị từ tên “{name}”: "
                    "thêm --kind so, --kind phong hoặc --kind xa."
                )
        try:
            # One transaction: a refused move leaves nothing changed (not even the name).
            with transaction.atomic():
                authority, created, changes = self._apply(
                    code, name, parent, parent_authority, kind
                )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        verb = "Đã tạo" if created else "Đã cập nhật"
        detail = f" ({'; '.join(changes)})" if changes else ""
        self.stdout.write(
            f"{verb} đơn vị {authority.code}: {authority.name} — "
            f"{authority.get_kind_display()}, {authority.path.rstrip('/')}{detail}"
        )

    def _apply(self, code, name, parent, parent_authority, kind):
        authority, created = create_authority(code, name, parent_code=parent, kind=kind)
        changes = []
        if not created and kind and authority.kind != kind:
            authority.kind = kind
            authority.save(update_fields=["kind"])
            changes.append(f"loại: {authority.get_kind_display()}")
        moved = not created and parent_authority is not None
        if moved and move_authority(authority, parent_authority):
            changes.append(f"đơn vị cấp trên: {parent_authority.code}")
        return authority, created, changes
