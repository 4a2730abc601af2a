"""``manage.py demo_logins --port N``: where the demo answers and how to log in, in Vietnamese."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from demo import data, loader
from regulations.models import Checklist
from tenants.models import Authority, Level, Membership, School


def address(hostname, port):
    suffix = "" if port == 80 else f":{port}"
    return f"http://{hostname}{suffix}/"


class Command(BaseCommand):
    help = "In địa chỉ trang của Phòng, các trường và bảng tài khoản demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--port", type=int, default=None, help="Cổng của máy chủ (mặc định PORTAL_PORT)."
        )

    def handle(self, *args, **options):
        port = options["port"] or settings.PORTAL_PORT
        if not 0 < port < 65536:
            raise CommandError("--port phải nằm trong khoảng 1–65535.")
        domain = settings.PORTAL_DOMAIN
        office = data.load_office()
        demos = {d.slug: d for d in data.load_schools()}
        authority = Authority.objects.filter(code=office.code).first()
        schools = list(School.objects.filter(slug__in=demos).order_by("level", "name"))
        out = self.stdout.write
        if authority is None or not schools:
            out("Chưa có dữ liệu mẫu. Chạy: python manage.py load_demo (hoặc make run).")
            return
        years = sorted(
            # The years whose disclosure page the demo kept (not provisioning's empty one).
            set(
                Checklist.objects.filter(school__in=schools, year_page__isnull=False).values_list(
                    "school_year", flat=True
                )
            )
        )
        title = "CỔNG THÔNG TIN TRƯỜNG HỌC – DỮ LIỆU MẪU NĂM HỌC " + ", ".join(years)
        out(title)
        out("=" * len(title))
        out(f"Trang của Phòng:  {address(domain, port)}   ({authority.name})")
        out(
            f"Trang quản trị:   {address(domain, port)}admin/   (đăng nhập bằng tài khoản bên dưới)"
        )
        out("")
        out(f"Các trường ({len(schools)}):")
        width = max(len(s.name) for s in schools) + 2
        for level in Level:
            group = [s for s in schools if s.level == level.value]
            if not group:
                continue
            out(f"  {level.label}")
            for school in group:
                profile = data.PROFILE_LABELS[demos[school.slug].profile]
                meals = ", bán trú" if school.serves_meals and school.level != "MN" else ""
                out(
                    f"    {school.name.ljust(width)}{address(school.hostname, port).ljust(46)}"
                    f"({profile}{meals})"
                )
        out("")
        out(f"Tài khoản demo – mật khẩu chung: {loader.DEMO_PASSWORD}")
        rows = [("Tên đăng nhập", "Vai trò", "Đơn vị")]
        User = get_user_model()
        if User.objects.filter(username=loader.SUPERUSER, is_superuser=True).exists():
            rows.append((loader.SUPERUSER, "Quản trị hệ thống (toàn quyền)", "—"))
        memberships = (
            Membership.objects.filter(user__username__in=self._usernames(demos))
            .select_related("user", "school", "authority")
            .order_by("school__level", "school__name", "-role")
        )
        office_rows, school_rows = [], []
        for m in memberships:
            unit = m.school.name if m.school_id else m.authority.name
            (school_rows if m.school_id else office_rows).append(
                (m.user.username, str(m.get_role_display()), unit)
            )
        rows += office_rows + school_rows
        widths = [max(len(r[i]) for r in rows) + 2 for i in range(2)]
        for index, (username, role, unit) in enumerate(rows):
            out(f"  {username.ljust(widths[0])}{role.ljust(widths[1])}{unit}")
            if index == 0:
                out("  " + "-" * (widths[0] + widths[1] + len(unit) + 10))
        out("")
        out(
            "Mở trang quản trị ở địa chỉ của Phòng; mỗi tài khoản chỉ thấy dữ liệu của đơn vị mình."
        )

    def _usernames(self, demos):
        names = [loader.OFFICE_ADMIN, loader.OFFICE_AUDITOR]
        for slug in demos:
            names += [loader.editor_username(slug), loader.approver_username(slug)]
        return names
