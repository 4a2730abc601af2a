"""`audit_report`: the JSON contract of audit.md, deterministic, and the same numbers in CSV and
XLSX."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tenants.provisioning import create_authority

from .history import add_news, moment

SCHOOL_KEYS = {
    "code",
    "name",
    "level",
    "authority",
    "score",
    "band",
    "rank_in_level",
    "last_update",
    "days_since_update",
    "posts",
    "active_weeks_12",
    "sections",
    "disclosure",
    "recurring",
    "directives",
    "flags",
    "points",
}
CRITERIA = (
    "structure",
    "volume",
    "regularity",
    "recency",
    "disclosure_completeness",
    "disclosure_timeliness",
    "recurring",
    "directives",
)


def report(*args):
    out = io.StringIO()
    call_command("audit_report", "--as-of", "2016-11-25", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def two_schools(make_school):
    first = make_school("TH", name="Trường Tiểu học Một")
    second = make_school("MN", name="Trường Mầm non Hai")
    add_news(first, moment(2016, 11, 2), date=datetime.date(2016, 10, 1))
    add_news(first, moment(2016, 11, 20))
    add_news(second, moment(2016, 11, 21), text="Ảnh hoạt động")
    return first, second


def test_json_follows_the_contract_and_is_deterministic(two_schools):
    first, second = two_schools
    text = report()
    assert report() == text
    data = json.loads(text)
    assert set(data) == {"as_of", "school_year", "rubric", "schools"}
    assert data["as_of"] == "2016-11-25"
    assert data["school_year"] == "2016-2017"
    assert data["rubric"] == {"code": "default", "version": 3}
    schools = {s["code"]: s for s in data["schools"]}
    assert set(schools) == {first.code, second.code}
    one = schools[first.code]
    assert set(one) == SCHOOL_KEYS
    assert one["level"] == "TH" and one["authority"] == "PGD-CUCHI"
    assert one["last_update"] == "2016-11-20" and one["days_since_update"] == 5
    assert one["posts"] == {"7d": 1, "30d": 2, "90d": 2, "school_year": 2, "target": 13.0}
    assert set(one["sections"][0]) == {"slug", "present", "items", "last_update", "status"}
    assert set(one["disclosure"]) == {
        "profile",
        "required",
        "published",
        "on_time",
        "late",
        "missing",
    }
    assert set(one["recurring"]) == {"required", "on_time"}
    assert one["flags"] == [
        {
            "kind": "backdated",
            "url": f"http://{first.hostname}/tin-tuc/{first_slug(first)}/",
            "published_at": "2016-11-02T08:00:00+07:00",
        }
    ]
    assert [f["kind"] for f in schools[second.code]["flags"]] == ["thin"]
    assert isinstance(one["score"], float) and round(one["score"], 1) == one["score"]
    assert set(one["points"]) == {*CRITERIA, "penalty"}
    assert one["points"]["penalty"] == -1.0  # one flagged (backdated) post


LABELS = (
    "Cấu trúc",
    "Số lượng bài",
    "Đều đặn",
    "Cập nhật gần đây",
    "Công khai đầy đủ",
    "Công khai đúng hạn",
    "Kế hoạch, thực đơn định kỳ",
    "Thực hiện chỉ đạo",
)


def first_slug(school):
    from page_types.models import NewsArticlePage

    return NewsArticlePage.objects.descendant_of(school.root_page).order_by("pk").first().slug


def test_csv_and_xlsx_carry_the_json_numbers(two_schools, tmp_path):
    data = json.loads(report())
    report("--format", "csv", "--output", str(tmp_path / "bang.csv"))
    report("--format", "xlsx", "--output", str(tmp_path / "bang.xlsx"))
    with open(tmp_path / "bang.csv", encoding="utf-8-sig") as handle:
        csv_rows = list(csv.reader(handle))
    sheet = load_workbook(tmp_path / "bang.xlsx").worksheets[0]
    xlsx_rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert csv_rows[0] == xlsx_rows[0]
    header = xlsx_rows[0]
    assert len(csv_rows) == len(xlsx_rows) == len(data["schools"]) + 1
    for school, csv_row, xlsx_row in zip(data["schools"], csv_rows[1:], xlsx_rows[1:], strict=True):
        as_csv = dict(zip(header, csv_row, strict=True))
        as_xlsx = dict(zip(header, xlsx_row, strict=True))
        assert as_csv["Mã trường"] == as_xlsx["Mã trường"] == school["code"]
        assert float(as_csv["Điểm"]) == as_xlsx["Điểm"] == school["score"]
        assert as_csv["Xếp loại"] == as_xlsx["Xếp loại"] == school["band"]
        assert int(as_csv["Hạng trong cấp học"]) == as_xlsx["Hạng trong cấp học"]
        assert as_xlsx["Hạng trong cấp học"] == school["rank_in_level"]
        last = school["last_update"]
        if last:
            day = datetime.date.fromisoformat(last)
            assert as_csv["Cập nhật gần nhất"] == day.strftime("%d/%m/%Y")
            assert as_xlsx["Cập nhật gần nhất"].date() == day
            assert int(as_csv["Số ngày chưa cập nhật"]) == as_xlsx["Số ngày chưa cập nhật"]
            assert as_xlsx["Số ngày chưa cập nhật"] == school["days_since_update"]
        for header_name, key in (
            ("Bài 7 ngày", "7d"),
            ("Bài 30 ngày", "30d"),
            ("Bài 90 ngày", "90d"),
            ("Bài trong năm học", "school_year"),
        ):
            assert int(as_csv[header_name]) == as_xlsx[header_name] == school["posts"][key]
        assert float(as_csv["Chỉ tiêu đến nay"]) == as_xlsx["Chỉ tiêu đến nay"]
        assert as_xlsx["Chỉ tiêu đến nay"] == school["posts"]["target"]
        weeks = "Số tuần có bài (12 tuần học gần nhất)"
        assert int(as_csv[weeks]) == as_xlsx[weeks] == school["active_weeks_12"]
        for header_name, key in (
            ("Công khai: phải có", "required"),
            ("Công khai: đã có", "published"),
            ("Công khai: đúng hạn", "on_time"),
            ("Công khai: trễ hạn", "late"),
        ):
            assert int(as_csv[header_name]) == as_xlsx[header_name] == school["disclosure"][key]
        missing = "; ".join(school["disclosure"]["missing"])
        assert as_csv["Công khai: còn thiếu"] == (as_xlsx["Công khai: còn thiếu"] or "") == missing
        assert int(as_csv["Định kỳ: phải có"]) == school["recurring"]["required"]
        assert as_xlsx["Định kỳ: đúng hạn"] == school["recurring"]["on_time"]
        assert int(as_csv["Dấu hiệu chiếu lệ"]) == as_xlsx["Dấu hiệu chiếu lệ"]
        assert as_xlsx["Dấu hiệu chiếu lệ"] == len(school["flags"])
        for name, label in zip(CRITERIA, LABELS, strict=True):
            points = school["points"][name]
            column = f"Điểm: {label}"
            if points is None:
                assert as_csv[column] == as_xlsx[column] == "không áp dụng"
            else:
                assert float(as_csv[column]) == as_xlsx[column] == points
        assert float(as_csv["Điểm trừ chiếu lệ"]) == school["points"]["penalty"]
    info = load_workbook(tmp_path / "bang.xlsx").worksheets[1]
    values = {row[0]: row[1] for row in info.iter_rows(values_only=True)}
    assert values["Phiên bản bộ tiêu chí"] == 3
    assert values["Năm học"] == "2016-2017"


def test_authority_filter_and_clear_errors(two_schools, make_school):
    create_authority("PGD-KHAC", "Phòng khác")
    other = make_school("THCS", authority_code="PGD-KHAC")
    codes = {s["code"] for s in json.loads(report("--authority", "PGD-KHAC"))["schools"]}
    assert codes == {other.code}
    with pytest.raises(CommandError, match="--authority"):
        report("--authority", "KHONG-CO")
    with pytest.raises(CommandError, match="--as-of"):
        call_command("audit_report", "--as-of", "25/11/2016", stdout=io.StringIO())
    with pytest.raises(CommandError, match="--format"):
        report("--format", "pdf")


def test_the_report_reads_the_dashboards_stored_lines(two_schools):
    """`audit_report` reads the lines the dashboard stores (audit/table.py), recomputing only
    schools whose data changed, and gives the same JSON as a full computation."""
    from audit import table
    from audit.engine import run_audit
    from audit.models import StoredRow
    from audit.report import report_json
    from tenants.models import School

    first, _second = two_schools
    as_of = datetime.date(2016, 11, 25)

    def full():
        return report_json(run_audit(School.objects.all(), as_of))

    assert report() == full()
    assert StoredRow.objects.filter(as_of=as_of).count() == 2
    assert table.table_run(School.objects.all(), as_of).recomputed == 0
    add_news(first, moment(2016, 11, 23))  # one school changes: its line only is recomputed
    assert table.table_run(School.objects.all(), as_of).recomputed == 1
    assert report() == full()
    # A line stored before lines carried their report entry is recomputed, not misread.
    line = StoredRow.objects.get(school=first, as_of=as_of)
    line.row = {k: v for k, v in line.row.items() if k != "report"}
    line.save()
    assert table.table_run(School.objects.all(), as_of).recomputed == 1
    assert report() == full()
