"""python manage.py disclosure_status --school CODE [--school-year 2016-2017]
[--as-of YYYY-MM-DD] [--format json|text]"""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tenants.models import School

from ...calendars import valid_school_year
from ...recurring import recurring_details
from ...statuses import STATUS_LABELS, year_status


class Command(BaseCommand):
    help = "Tình trạng công khai của một trường theo năm học, dựng lại từ nhật ký xuất bản."

    def add_arguments(self, parser):
        parser.add_argument("--school", required=True, help="Mã trường")
        parser.add_argument("--school-year", help="Năm học, ví dụ 2016-2017 (mặc định: theo ngày)")
        parser.add_argument("--as-of", help="Tính đến ngày YYYY-MM-DD (mặc định: hôm nay)")
        parser.add_argument("--format", choices=("json", "text"), default="json")

    def handle(self, *args, **options):
        school = School.objects.filter(code=options["school"]).select_related("authority").first()
        if school is None:
            raise CommandError(f"Không có trường mã “{options['school']}”.")
        as_of = timezone.localdate()
        if options["as_of"]:
            try:
                as_of = datetime.date.fromisoformat(options["as_of"])
            except ValueError as exc:
                raise CommandError(
                    f"--as-of “{options['as_of']}” không hợp lệ; viết dạng YYYY-MM-DD."
                ) from exc
        school_year = options["school_year"]
        if school_year and not valid_school_year(school_year):
            raise CommandError(f"--school-year “{school_year}” không hợp lệ; viết dạng 2016-2017.")
        year = year_status(school, as_of, school_year)
        periods = recurring_details([school], as_of, year.school_year).get(school.pk, [])
        data = year.as_dict()
        data["as_of"] = as_of.isoformat()
        data["recurring"] = _recurring(periods, as_of)
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{school.code} {school.name} – năm học {year.school_year} – {data['profile']} "
            f"(tính đến {as_of:%d/%m/%Y})"
        )
        for item in year.items:
            published = (
                timezone.localtime(item.published_at).strftime("%d/%m/%Y")
                if item.published_at
                else "—"
            )
            self.stdout.write(
                f"  {item.code:<22} {STATUS_LABELS[item.status]!s:<28} "
                f"hạn {item.deadline:%d/%m/%Y}  công khai {published}"
            )
        for entry in data["recurring"]:
            self.stdout.write(
                f"  {entry['code']:<22} định kỳ: {entry['on_time']}/{entry['required']} kỳ đúng hạn"
            )


def _recurring(periods, as_of):
    out = {}
    for period in periods:
        entry = out.setdefault(
            period.spec.code,
            {"code": period.spec.code, "title": period.spec.title, "required": 0, "on_time": 0},
        )
        if period.deadline < as_of:
            entry["required"] += 1
            entry["on_time"] += period.on_time
    return list(out.values())
