"""The audit's stable outputs: the JSON contract of audit.md, and the same table as CSV and XLSX.
Same input, same bytes: keys and rows sorted, numbers rounded, XLSX timestamps fixed."""

import csv
import datetime
import io
import json

from django.utils.translation import gettext as _

from tenants.spreadsheet import safe_row

from .scoring import CRITERIA, CRITERION_LABELS


def _iso(day):
    return day.isoformat() if day else None


def school_entry(row):
    return {
        "code": row["code"],
        "name": row["name"],
        "level": row["level"],
        "authority": row["authority"],
        "score": row["score"],
        "band": row["band"],
        "rank_in_level": row["rank_in_level"],
        "last_update": _iso(row["last_update"]),
        "days_since_update": row["days_since_update"],
        "posts": {
            "7d": row["posts"]["7d"],
            "30d": row["posts"]["30d"],
            "90d": row["posts"]["90d"],
            "school_year": row["posts"]["school_year"],
            "target": row["posts"]["target"],
        },
        "active_weeks_12": row["active_weeks_12"],
        "sections": [
            {
                "slug": s["slug"],
                "present": s["present"],
                "items": s["items"],
                "last_update": _iso(s["last_update"]),
                "status": s["status"],
            }
            for s in row["sections"]
        ],
        "disclosure": {
            "profile": row["disclosure"]["profile"],
            "required": row["disclosure"]["required"],
            "published": row["disclosure"]["published"],
            "on_time": row["disclosure"]["on_time"],
            "late": row["disclosure"]["late"],
            "missing": sorted(row["disclosure"]["missing"]),
        },
        "recurring": {
            "required": row["recurring"]["required"],
            "on_time": row["recurring"]["on_time"],
        },
        "directives": {
            "due": row["directives"]["due"],
            "on_time": row["directives"]["on_time"],
        },
        "flags": [
            {"kind": f["kind"], "url": f["url"], "published_at": f["published_at"]}
            for f in row["flags"]
        ],
        # Points per criterion; null: nothing was due ("không áp dụng", rubric rules 2).
        "points": {
            name: _signless_zero(row["points"][name]) for name in (*CRITERION_NAMES, "penalty")
        },
        # Only for a school scored with another rubric than the report's (its office's own).
        **({"rubric": row["rubric"]} if "rubric" in row else {}),
    }


CRITERION_NAMES = tuple(name for name, _field in CRITERIA)


def _signless_zero(value):
    """0.0 for -0.0 (a penalty of nothing): PostgreSQL's jsonb stores it as 0, so the report
    read from stored lines would differ by a byte from a full computation."""
    return 0.0 if isinstance(value, float) and value == 0 else value


# A school's entry as stored (audit/table.py): its JSON text without the rank, which depends on
# the other schools, cut where the rank goes. JSON never writes a raw control character (they
# are escaped inside strings), so this one cannot occur in the text itself.
RANK_CUT = "\x1f"
_ENCODE = {"ensure_ascii": False, "sort_keys": True, "separators": (",", ":")}


def _dumps(value):
    # Compact: the C encoder (10× faster on a province's report) only serves indent=None.
    return json.dumps(value, **_ENCODE)


def encode_entry(entry):
    """The stored text of an entry (without its "rank_in_level", put in by `entry_text`)."""
    head = _dumps({k: v for k, v in entry.items() if k < "rank_in_level"})
    tail = _dumps({k: v for k, v in entry.items() if k > "rank_in_level"})
    return head[:-1] + RANK_CUT + tail[1:]


def entry_text(row):
    """The JSON text of a stored line's entry with the line's rank: the bytes `_dumps` gives
    for the decoded entry (keys sorted: the rank sits between "posts" and "recurring")."""
    head, tail = row["entry"].split(RANK_CUT)
    text = f'{head},"rank_in_level":{row["rank_in_level"]:d},{tail}'
    if "rubric" in row:
        # Scored with its own office's rubric, not the report's: rare, decoded and said.
        return _dumps({**json.loads(text), "rubric": row["rubric"]})
    return text


def entry_of(row):
    """A school's entry: from a stored table line (audit/table.py), whose rank is the whole
    scope's, or computed from an audit row."""
    if "entry" in row:
        return json.loads(entry_text(row))
    return school_entry(row)


def _heading(run):
    return {
        "as_of": run.as_of.isoformat(),
        "school_year": run.school_year,
        "rubric": {"code": run.rubric.code, "version": run.rubric.version},
    }


def report_dict(run):
    """`run`: an `engine.AuditRun` or a `table.TableRun` (the same JSON from either)."""
    return {**_heading(run), "schools": [entry_of(row) for row in run.rows]}


def report_json(run):
    if run.rows and all("entry" in row for row in run.rows):
        # Stored lines: their entries' texts joined, the same bytes as encoding the whole
        # ("schools" is the last key).
        schools = ",".join(entry_text(row) for row in run.rows)
        return f'{_dumps(_heading(run))[:-1]},"schools":[{schools}]}}\n'
    return _dumps(report_dict(run)) + "\n"


def _date_text(day):
    return day.strftime("%d/%m/%Y") if day else ""


# (header, value of a JSON school entry). The table carries the JSON's numbers, nothing else.
def columns():
    return [
        (_("Mã trường"), lambda s: s["code"]),
        (_("Tên trường"), lambda s: s["name"]),
        (_("Cấp học"), lambda s: s["level"]),
        (_("Đơn vị quản lý"), lambda s: s["authority"]),
        (_("Điểm"), lambda s: s["score"]),
        (_("Xếp loại"), lambda s: s["band"]),
        (_("Hạng trong cấp học"), lambda s: s["rank_in_level"]),
        (_("Cập nhật gần nhất"), lambda s: _parse(s["last_update"])),
        (_("Số ngày chưa cập nhật"), lambda s: s["days_since_update"]),
        (_("Bài 7 ngày"), lambda s: s["posts"]["7d"]),
        (_("Bài 30 ngày"), lambda s: s["posts"]["30d"]),
        (_("Bài 90 ngày"), lambda s: s["posts"]["90d"]),
        (_("Bài trong năm học"), lambda s: s["posts"]["school_year"]),
        (_("Chỉ tiêu đến nay"), lambda s: s["posts"]["target"]),
        (_("Số tuần có bài (12 tuần học gần nhất)"), lambda s: s["active_weeks_12"]),
        (
            _("Mục thiếu hoặc trống"),
            lambda s: sum(1 for x in s["sections"] if x["status"] in ("missing", "empty")),
        ),
        (_("Mục chậm cập nhật"), lambda s: sum(1 for x in s["sections"] if x["status"] == "stale")),
        (_("Quy định công khai"), lambda s: s["disclosure"]["profile"]),
        (_("Công khai: phải có"), lambda s: s["disclosure"]["required"]),
        (_("Công khai: đã có"), lambda s: s["disclosure"]["published"]),
        (_("Công khai: đúng hạn"), lambda s: s["disclosure"]["on_time"]),
        (_("Công khai: trễ hạn"), lambda s: s["disclosure"]["late"]),
        (_("Công khai: còn thiếu"), lambda s: "; ".join(s["disclosure"]["missing"])),
        (_("Định kỳ: phải có"), lambda s: s["recurring"]["required"]),
        (_("Định kỳ: đúng hạn"), lambda s: s["recurring"]["on_time"]),
        (_("Chỉ đạo: đến hạn"), lambda s: s["directives"]["due"]),
        (_("Chỉ đạo: đúng hạn"), lambda s: s["directives"]["on_time"]),
        (_("Dấu hiệu chiếu lệ"), lambda s: len(s["flags"])),
        *[
            (_("Điểm: %(criterion)s") % {"criterion": label}, _points_of(name))
            for name, label in ((n, CRITERION_LABELS[n]) for n in CRITERION_NAMES)
        ],
        (_("Điểm trừ chiếu lệ"), lambda s: s["points"]["penalty"]),
    ]


def _points_of(name):
    not_applicable = _("không áp dụng")
    return lambda s: not_applicable if s["points"][name] is None else s["points"][name]


def _parse(text):
    return datetime.date.fromisoformat(text) if text else None


def table(run):
    """(headers, rows) with typed values (dates as date, numbers as numbers)."""
    cols = columns()
    data = report_dict(run)
    return [h for h, _get in cols], [[get(s) for _h, get in cols] for s in data["schools"]]


def report_csv(run):
    headers, rows = table(run)
    buffer = io.StringIO()
    # A BOM so spreadsheet programs read the Vietnamese text as UTF-8.
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(safe_row(headers))
    for row in rows:
        writer.writerow(
            safe_row(
                _date_text(v) if isinstance(v, datetime.date) else ("" if v is None else v)
                for v in row
            )
        )
    return buffer.getvalue()


def report_xlsx(run):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    headers, rows = table(run)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Theo dõi cập nhật")
    sheet.append(safe_row(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(safe_row(row))
    for column, header in enumerate(headers, start=1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = 40 if column == 2 else max(10, len(header) // 2 + 4)
        for cell in sheet[letter][1:]:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "C2"
    info = workbook.create_sheet(_("Thông tin"))
    info.append([_("Số liệu tính đến ngày"), run.as_of])
    info["B1"].number_format = "DD/MM/YYYY"
    info.append([_("Năm học"), run.school_year])
    info.append([_("Bộ tiêu chí"), run.rubric.code])
    info.append([_("Phiên bản bộ tiêu chí"), run.rubric.version])
    info.append([_("Số trường"), len(rows)])
    info.column_dimensions["A"].width = 28
    info.column_dimensions["B"].width = 20
    # Fixed document times: the same audit gives the same file.
    moment = datetime.datetime.combine(run.as_of, datetime.time())
    workbook.properties.created = moment
    workbook.properties.modified = moment
    workbook.properties.creator = "school-portal audit"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
