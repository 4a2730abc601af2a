"""Exports are safe to open: formula-like text is written as text, characters XML forbids are
dropped, and the office's XLSX export never fails on a school's name (issue 10)."""

import csv
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from tenants.models import Membership, School
from tenants.spreadsheet import safe_cell

EVIL = '=HYPERLINK("http://evil","x")'


@pytest.mark.parametrize(
    "value,expected",
    [
        (EVIL, "'" + EVIL),
        ("+84 28 3790", "'+84 28 3790"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("Trường\x07\x08 Hoa Sen", "Trường Hoa Sen"),
        ("Trường Tiểu học", "Trường Tiểu học"),
        (-3, -3),
        (2.5, 2.5),
        (None, None),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


@pytest.fixture
def hostile_schools(make_school):
    # Names stored before the import refused them (or written straight to the database).
    first = make_school("TH")
    second = make_school("MN")
    School.objects.filter(pk=first.pk).update(name=EVIL)
    School.objects.filter(pk=second.pk).update(name="Trường\x07\x08 Mầm non")
    return first, second


@pytest.mark.django_db
def test_admin_xlsx_export_opens_with_names_as_text(
    client, hostile_schools, make_member, authority
):
    client.force_login(make_member(Membership.Role.ADMIN, authority=authority))
    response = client.get("/admin/audit/export/xlsx/?as_of=2016-11-25", HTTP_HOST="portal.test")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    names = {row[1].value for row in sheet.iter_rows(min_row=2)}
    assert names == {"'" + EVIL, "Trường Mầm non"}
    for row in sheet.iter_rows(min_row=2):
        assert row[1].data_type == "s"


@pytest.mark.django_db
def test_command_csv_and_xlsx_write_names_as_text(hostile_schools, tmp_path):
    out = io.StringIO()
    call_command("audit_report", "--as-of", "2016-11-25", "--format", "csv", stdout=out)
    rows = list(csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    names = {row[1] for row in rows[1:]}
    assert names == {"'" + EVIL, "Trường Mầm non"}
    path = tmp_path / "bang.xlsx"
    call_command("audit_report", "--as-of", "2016-11-25", "--format", "xlsx", "--output", str(path))
    sheet = load_workbook(path).worksheets[0]
    assert {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)} == names
