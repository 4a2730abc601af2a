"""The dashboard and the drill-down in the admin: who sees what, and what they see."""

import datetime

import pytest
from django.conf import settings
from openpyxl import load_workbook

from audit.models import Rubric
from tenants.models import Membership
from tenants.provisioning import create_authority

from .history import add_news, moment

HOST = settings.PORTAL_DOMAIN


@pytest.fixture
def offices(make_school, make_member, authority):
    create_authority("PGD-KHAC", "Phòng Giáo dục huyện Khác")
    mine = make_school("TH", name="Trường Tiểu học Chăm Chỉ")
    quiet = make_school("MN", name="Trường Mầm non Im Lặng")
    foreign = make_school("TH", name="Trường Tiểu học Xa Lạ", authority_code="PGD-KHAC")
    add_news(mine, moment(2016, 11, 21), title="Hội thi giáo viên dạy giỏi")
    add_news(foreign, moment(2016, 11, 22), title="Bài của trường xa lạ")
    office = make_member(Membership.Role.ADMIN, authority=authority, username="phong-admin")
    approver = make_member(Membership.Role.APPROVER, school=mine, username="bgh-cham-chi")
    editor = make_member(Membership.Role.EDITOR, school=mine, username="bt-cham-chi")
    return {
        "mine": mine,
        "quiet": quiet,
        "foreign": foreign,
        "office": office,
        "approver": approver,
        "editor": editor,
    }


def get(client, user, url):
    client.force_login(user)
    return client.get(url, HTTP_HOST=HOST)


def test_office_dashboard_shows_its_schools_only(client, offices):
    response = get(client, offices["office"], "/admin/audit/?as_of=25/11/2016")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Trường Tiểu học Chăm Chỉ" in body
    assert "Trường Mầm non Im Lặng" in body
    assert "Xa Lạ" not in body
    assert "tính đến 25/11/2016" in body
    assert 'role="img"' in body and "<title" in body  # sparklines are labelled SVG
    tiles = response.context["tiles"]
    assert tiles["schools"] == 2
    assert tiles["never_updated"] == 1
    assert sum(tiles["bands"].values()) == 2
    # Filters and sorting.
    response = get(client, offices["office"], "/admin/audit/?as_of=2016-11-25&level=MN")
    assert [r["name"] for r in response.context["rows"]] == ["Trường Mầm non Im Lặng"]
    response = get(client, offices["office"], "/admin/audit/?as_of=2016-11-25&sort=name")
    assert [r["name"] for r in response.context["rows"]] == [
        "Trường Mầm non Im Lặng",
        "Trường Tiểu học Chăm Chỉ",
    ]
    band = response.context["rows"][0]["band"]
    response = get(client, offices["office"], f"/admin/audit/?as_of=2016-11-25&band={band}")
    assert all(r["band"] == band for r in response.context["rows"])


def test_bad_as_of_is_explained(client, offices):
    response = get(client, offices["office"], "/admin/audit/?as_of=31/02/2016")
    assert response.status_code == 200
    assert "“31/02/2016” không hợp lệ" in response.content.decode()


def test_default_as_of_is_the_end_of_the_last_active_school_year(client, offices):
    response = get(client, offices["office"], "/admin/audit/")
    assert response.context["as_of"] == datetime.date(2017, 5, 31)
    assert "31/05/2017" in response.context["as_of_note"]


def test_drill_down_has_every_metric_flag_and_evidence(client, offices):
    mine = offices["mine"]
    response = get(client, offices["office"], f"/admin/audit/school/{mine.pk}/?as_of=2016-11-25")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Hội thi giáo viên dạy giỏi" in body  # in the evidence list
    assert "21/11/2016 08:00" in body  # its real publication time
    assert f"http://{mine.hostname}/tin-tuc/" in body
    for label in ("Cấu trúc", "Số lượng bài", "Đều đặn", "Công khai đầy đủ", "Trừ điểm chiếu lệ"):
        assert label in body
    assert "audit-heatmap" in body and "<desc" in body
    assert response.context["row"]["posts"]["school_year"] == 1


def test_office_cannot_open_another_offices_school(client, offices):
    foreign = offices["foreign"]
    for url in (f"/admin/audit/school/{foreign.pk}/", f"/admin/audit/school/{foreign.pk}/print/"):
        response = get(client, offices["office"], url)
        assert response.status_code == 403
        assert "Xa Lạ" not in response.content.decode()


def test_school_approver_sees_own_school_only(client, offices):
    approver, mine, quiet = offices["approver"], offices["mine"], offices["quiet"]
    response = get(client, approver, "/admin/audit/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/audit/school/{mine.pk}/"
    assert get(client, approver, f"/admin/audit/school/{mine.pk}/").status_code == 200
    assert get(client, approver, f"/admin/audit/school/{mine.pk}/print/").status_code == 200
    for url in (
        f"/admin/audit/school/{quiet.pk}/",
        f"/admin/audit/school/{offices['foreign'].pk}/",
        f"/admin/audit/school/{quiet.pk}/print/",
        "/admin/audit/export/csv/",
        "/admin/inspections/",
    ):
        response = get(client, approver, url)
        assert response.status_code == 403, url
        assert "Im Lặng" not in response.content.decode()
    # The rubric is readable, not editable.
    assert get(client, approver, "/admin/audit/rubric/").status_code == 200
    rubric = Rubric.current()
    assert get(client, approver, f"/admin/audit/rubric/inspect/{rubric.pk}/").status_code == 200
    assert get(client, approver, f"/admin/audit/rubric/edit/{rubric.pk}/").status_code != 200


def test_school_editor_sees_own_school_only(client, offices):
    """Editors see their own school's score and breakdown, as its approvers do (issue 13)."""
    editor, mine, quiet = offices["editor"], offices["mine"], offices["quiet"]
    response = get(client, editor, "/admin/audit/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/audit/school/{mine.pk}/"
    page = get(client, editor, f"/admin/audit/school/{mine.pk}/")
    assert page.status_code == 200
    assert "/100" in page.content.decode().replace(" ", "")
    for url in (
        f"/admin/audit/school/{quiet.pk}/",
        f"/admin/audit/school/{offices['foreign'].pk}/",
        "/admin/audit/export/csv/",
        "/admin/inspections/",
    ):
        response = get(client, editor, url)
        assert response.status_code == 403, url
        assert "Im Lặng" not in response.content.decode()


def test_exports_follow_the_filters(client, offices, tmp_path):
    response = get(client, offices["office"], "/admin/audit/export/xlsx/?as_of=2016-11-25")
    assert response.status_code == 200
    path = tmp_path / "x.xlsx"
    path.write_bytes(response.content)
    rows = list(load_workbook(path).worksheets[0].iter_rows(values_only=True))
    assert {r[1] for r in rows[1:]} == {"Trường Tiểu học Chăm Chỉ", "Trường Mầm non Im Lặng"}
    response = get(client, offices["office"], "/admin/audit/export/csv/?as_of=2016-11-25&level=TH")
    text = response.content.decode("utf-8-sig")
    assert "Chăm Chỉ" in text and "Im Lặng" not in text and "Xa Lạ" not in text
    assert response["Content-Disposition"].endswith('2016-11-25.csv"')


def test_menu_item_for_office_and_school_staff(client, offices):
    # The sidebar is rendered from JSON props: look for the menu item's name.
    for user in (offices["office"], offices["approver"], offices["editor"]):
        assert "theo-doi-cap-nhat" in get(client, user, "/admin/").content.decode()


def test_audit_warm_precomputes_the_dashboard(client, offices, monkeypatch):
    import io

    from django.core.management import call_command

    from audit import engine

    out = io.StringIO()
    call_command("audit_warm", stdout=out)
    assert "Đã tính sẵn" in out.getvalue()

    def must_not_run(*args, **kwargs):
        raise AssertionError("the dashboard should come from the warmed cache")

    monkeypatch.setattr(engine, "run_audit", must_not_run)
    response = get(client, offices["office"], "/admin/audit/")
    assert response.status_code == 200
    assert "Trường Tiểu học Chăm Chỉ" in response.content.decode()
