import datetime
import sys

from django.core.management.base import BaseCommand, CommandError

from audit import table
from audit.engine import without_gc
from audit.report import report_csv, report_json, report_xlsx
from tenants.clock import local_today
from tenants.models import Authority, School


def parse_as_of(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"--as-of: “{value}” không phải ngày hợp lệ (viết dạng YYYY-MM-DD, ví dụ 2016-11-25)."
        ) from None


class Command(BaseCommand):
    help = "Kết quả theo dõi cập nhật của các trường (JSON, CSV hoặc XLSX), tính đến một ngày."
    # A read-only report: the system checks (they load every URL pattern, so every admin
    # view module) were a third of the command's time; `check` and the deployment run them.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--as-of", help="Ngày tính số liệu, dạng YYYY-MM-DD (mặc định: hôm nay)."
        )
        parser.add_argument(
            "--authority", help="Mã đơn vị quản lý: chỉ các trường thuộc đơn vị này."
        )
        parser.add_argument("--format", default="json", help="json, csv hoặc xlsx (mặc định json).")
        parser.add_argument("--output", help="Ghi ra tệp thay vì ra màn hình.")

    def handle(self, *args, **options):
        fmt = (options["format"] or "json").lower()
        if fmt not in ("json", "csv", "xlsx"):
            raise CommandError(f"--format: “{fmt}” không hỗ trợ; chọn json, csv hoặc xlsx.")
        as_of = parse_as_of(options["as_of"]) if options["as_of"] else local_today()
        schools = School.objects.all()
        if options["authority"]:
            authority = Authority.objects.filter(code=options["authority"]).first()
            if authority is None:
                raise CommandError(
                    f"--authority: không có đơn vị quản lý mã “{options['authority']}”."
                )
            schools = authority.schools_in_subtree()
        with without_gc():
            # The dashboard's stored lines: only schools whose data changed are recomputed.
            run = table.table_run(schools, as_of)
            if fmt == "json":
                data = report_json(run).encode("utf-8")
            elif fmt == "csv":
                data = report_csv(run).encode("utf-8")
            else:
                data = report_xlsx(run)
        if options["output"]:
            with open(options["output"], "wb") as handle:
                handle.write(data)
            self.stderr.write(f"Đã ghi {len(run.rows)} trường vào {options['output']}.")
        elif fmt == "xlsx":
            if sys.stdout.isatty():
                raise CommandError("--output: tệp XLSX cần một tên tệp để ghi.")
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            self.stdout.write(data.decode("utf-8"), ending="")
