"""Benchmark of a province-size import (not a test): `import_schools` of N generated schools.

Writes a CSV of N schools spread over the given authorities (or over a Sở and Phòng offices it
creates), then runs the `import_schools` command on it in this process and prints the wall time.
Codes and slugs start at --start, so the same database can take several runs."""

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

COLUMNS = ("code", "name", "level", "authority", "slug", "address", "phone", "email", "principal")
LEVELS = ("MN", "TH", "THCS")
LEVEL_NAMES = {"MN": "Mầm non", "TH": "Tiểu học", "THCS": "THCS"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=3500)
    parser.add_argument("--start", type=int, default=1, help="number of the first school")
    parser.add_argument(
        "--authorities",
        default="",
        help="comma-separated codes of existing offices (default: create SO-IMP and 35 Phòng)",
    )
    parser.add_argument("--progress", action="store_true", help="pass --progress to the command")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tenants.models import Authority, School
    from tenants.provisioning import create_authority

    codes = [c.strip() for c in args.authorities.split(",") if c.strip()]
    if not codes:
        create_authority("SO-IMP", "Sở Giáo dục và Đào tạo (đo nhập liệu)", kind=Authority.Kind.SO)
        for i in range(1, 36):
            create_authority(f"PGD-IMP-{i:02d}", f"Phòng GD&ĐT số {i}", parent_code="SO-IMP")
        codes = [f"PGD-IMP-{i:02d}" for i in range(1, 36)]
    before = School.objects.count()
    with tempfile.NamedTemporaryFile("w", suffix=".csv", newline="", delete=False) as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for n in range(args.start, args.start + args.schools):
            level = LEVELS[n % 3]
            writer.writerow(
                [
                    f"I{n:07d}",
                    f"Trường {LEVEL_NAMES[level]} nhập số {n}",
                    level,
                    codes[(n - args.start) * len(codes) // args.schools],
                    f"imp-{n}",
                    f"Số {n}, đường Nhập Liệu",
                    "028 3790 0000",
                    f"imp{n}@example.vn",
                    "Nguyễn Văn A",
                ]
            )
    command = [handle.name] + (["--progress"] if args.progress else [])
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("import_schools", *command, stdout=quiet)
    elapsed = time.perf_counter() - started
    os.unlink(handle.name)
    print(
        f"import_schools: {args.schools} trường vào cơ sở dữ liệu {connection.vendor} có "
        f"{before} trường: {elapsed:.1f} s ({elapsed / args.schools:.3f} s một trường)"
    )


if __name__ == "__main__":
    main()
