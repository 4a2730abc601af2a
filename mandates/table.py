"""A directive's status table: one row per target school the viewer may see, with counts per
status, filters and CSV/XLSX files (cells made safe by tenants/spreadsheet.py)."""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from wagtail.models import Page

from tenants.clock import TZ
from tenants.spreadsheet import safe_row

from .progress import verdicts
from .status import Status, Verdict


@dataclass
class Row:
    target: object
    verdict: Verdict
    page: object = None

    @property
    def school(self):
        return self.target.school


def status_rows(directive, targets, moment):
    targets = list(targets.select_related("school", "school__authority"))
    judged = verdicts(directive, targets, moment)
    page_ids = {v.page_id for v in judged.values() if v.page_id}
    pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids)}
    rows = [Row(t, judged[t.pk], pages.get(judged[t.pk].page_id)) for t in targets]
    rows.sort(key=lambda r: (r.school.level, r.school.name))
    return rows


def counts(rows):
    result = {value: 0 for value in Status.values}
    for row in rows:
        result[row.verdict.status] += 1
    result["late"] = sum(1 for r in rows if r.verdict.late)
    result["total"] = len(rows)
    return result


def filter_rows(rows, status="", level="", authority=""):
    if status in Status.values:
        rows = [r for r in rows if r.verdict.status == status]
    elif status == "late":
        rows = [r for r in rows if r.verdict.late]
    if level:
        rows = [r for r in rows if r.school.level == level]
    if authority:
        rows = [r for r in rows if r.school.authority.code == authority]
    return rows


def _local(moment):
    return moment.astimezone(TZ).strftime("%d/%m/%Y %H:%M") if moment else ""


def header():
    return [
        _("Mã trường"),
        _("Trường"),
        _("Cấp học"),
        _("Đơn vị quản lý"),
        _("Trạng thái"),
        _("Đúng hạn"),
        _("Thực hiện lúc"),
        _("Bài đã đăng"),
        _("Xem lúc"),
    ]


def cells(row):
    verdict = row.verdict
    on_time = ""
    if verdict.status == Status.DONE:
        on_time = _("Đúng hạn") if verdict.on_time else _("Trễ hạn")
    return safe_row(
        [
            row.school.code,
            row.school.name,
            row.school.get_level_display(),
            row.school.authority.name,
            str(verdict.label),
            on_time,
            _local(verdict.done_at),
            row.page.full_url or row.page.title if row.page else "",
            _local(row.target.seen_at),
        ]
    )


def as_csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row(header()))
    for row in rows:
        writer.writerow(cells(row))
    # A byte-order mark: spreadsheet programs then read the Vietnamese as UTF-8.
    return "\ufeff" + buffer.getvalue()


def as_xlsx(rows, title):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = _("Tình hình thực hiện")[:31]
    sheet.append(safe_row([title]))
    sheet.append(safe_row(header()))
    for row in rows:
        sheet.append(cells(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
