from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants.models import Authority, Membership, School
from tenants.provisioning import add_member


class Command(BaseCommand):
    help = "Tạo người dùng (nếu chưa có) và giao vai trò ở một trường hoặc một đơn vị quản lý."

    def add_arguments(self, parser):
        parser.add_argument("username")
        scope = parser.add_mutually_exclusive_group(required=True)
        scope.add_argument("--school", help="mã trường")
        scope.add_argument("--authority", help="mã đơn vị quản lý")
        parser.add_argument("--role", required=True, choices=Membership.Role.values)
        parser.add_argument("--email", default="")
        parser.add_argument("--password", default=None)

    def handle(self, *args, username, school, authority, role, email, password, **options):
        target_school = target_authority = None
        if school:
            target_school = School.objects.filter(code=school).first()
            if target_school is None:
                raise CommandError(f"Không có trường mã “{school}”.")
        else:
            target_authority = Authority.objects.filter(code=authority).first()
            if target_authority is None:
                raise CommandError(f"Không có đơn vị quản lý mã “{authority}”.")
        try:
            user, created = add_member(
                username,
                role,
                school=target_school,
                authority=target_authority,
                email=email,
                password=password,
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        where = target_school or target_authority
        verb = "Đã tạo" if created else "Đã cập nhật"
        self.stdout.write(f"{verb} {user.username}: {Membership.Role(role).label} – {where}")
