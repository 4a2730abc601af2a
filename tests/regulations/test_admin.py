"""Office screens (catalogue, calendars) and the editor's checklist panel on the admin home."""

import pytest
from django.urls import reverse
from django.utils import timezone

from regulations.calendars import school_year_of
from regulations.models import Item, SchoolYearCalendar
from tenants.models import Authority, Membership
from tenants.provisioning import create_authority

pytestmark = pytest.mark.django_db
ADMIN_HOST = {"HTTP_HOST": "portal.test"}


def item_form_data(item, **changes):
    data = {
        "profile": item.profile_id,
        "code": item.code,
        "title": item.title,
        "group": item.group,
        "description": item.description,
        "kind": item.kind,
        "sort_order": item.sort_order,
        "source": item.source,
        "accepted_formats": item.accepted_formats,
        "columns": "\n".join(item.columns),
        "rows": "\n".join(item.rows),
        "deadline_rule": item.deadline_rule,
        "update_rule": item.update_rule,
        "retention_rule": item.retention_rule,
        "confidence": item.confidence,
        "notes": item.notes,
    }
    for flag in ("for_mn", "for_th", "for_thcs", "meals_only", "is_active"):
        if getattr(item, flag):
            data[flag] = "on"
    data.update(changes)
    return data


def test_office_admin_edits_an_item_and_a_version_is_kept(client, authority, make_member):
    admin = make_member(Membership.Role.ADMIN, authority=authority)
    client.force_login(admin)
    item = Item.objects.get(code="TT09_2009.BM10")
    url = reverse("regulations_items:edit", args=[item.pk])
    assert client.get(url, **ADMIN_HOST).status_code == 200
    columns = "STT\nNội dung\nTổng số\nLớp 6\nLớp 7\nLớp 8\nLớp 9\nGhi chú"
    response = client.post(url, item_form_data(item, columns=columns, confidence="A"), **ADMIN_HOST)
    assert response.status_code == 302, response.content.decode()[:2000]
    item.refresh_from_db()
    assert item.columns[-1] == "Ghi chú" and item.version == 2
    latest = item.versions.get(version=2)
    assert latest.created_by == admin and latest.data["confidence"] == "A"
    assert item.versions.get(version=1).data["columns"][-1] == "Lớp 9"


def test_a_wrong_rule_is_refused_in_vietnamese(client, authority, make_member):
    client.force_login(make_member(Membership.Role.ADMIN, authority=authority))
    item = Item.objects.get(code="TT09_2024.KH_THANG")
    response = client.post(
        reverse("regulations_items:edit", args=[item.pk]),
        item_form_data(item, deadline_rule="monthly_before_day(40)"),
        **ADMIN_HOST,
    )
    assert response.status_code == 200
    assert "phải từ 1 đến 28" in response.content.decode()
    item.refresh_from_db()
    assert item.deadline_rule == "monthly_before_day(25)" and item.version == 1


def test_catalogue_is_edited_only_by_top_level_offices(client, authority, make_member):
    create_authority(
        "XA-TANTHONG", "Phòng Văn hóa – Xã hội xã Tân Thông", parent_code=authority.code
    )
    local_admin = make_member(
        Membership.Role.ADMIN, authority=Authority.objects.get(code="XA-TANTHONG")
    )
    client.force_login(local_admin)
    item = Item.objects.get(code="TT09_2009.BM10")
    assert client.get(reverse("regulations_items:index"), **ADMIN_HOST).status_code == 200
    response = client.post(
        reverse("regulations_items:edit", args=[item.pk]), item_form_data(item), **ADMIN_HOST
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    # Its own school-year calendar it may set.
    response = client.post(
        reverse("regulations_calendars:add"),
        {
            "authority": local_admin.memberships.get().authority_id,
            "school_year": "2016-2017",
            "start": "05/09/2016",
            "end": "31/05/2017",
            "breaks-TOTAL_FORMS": "1",
            "breaks-INITIAL_FORMS": "0",
            "breaks-MIN_NUM_FORMS": "0",
            "breaks-MAX_NUM_FORMS": "1000",
            "breaks-0-name": "Nghỉ Tết Nguyên đán",
            "breaks-0-start": "23/01/2017",
            "breaks-0-end": "05/02/2017",
            "breaks-0-ORDER": "1",
            "breaks-0-id": "",
            "breaks-0-DELETE": "",
        },
        **ADMIN_HOST,
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    calendar = SchoolYearCalendar.objects.get()
    assert calendar.breaks.get().name == "Nghỉ Tết Nguyên đán"


def test_calendars_are_scoped_to_the_offices_subtree(client, authority, make_member):
    other, _ = create_authority("PGD-HOCMON", "Phòng Giáo dục và Đào tạo huyện Hóc Môn")
    SchoolYearCalendar.objects.create(
        authority=other, school_year="2016-2017", start="2016-09-05", end="2017-05-31"
    )
    mine = SchoolYearCalendar.objects.create(
        authority=authority, school_year="2017-2018", start="2017-09-05", end="2018-05-31"
    )
    client.force_login(make_member(Membership.Role.ADMIN, authority=authority))
    body = client.get(reverse("regulations_calendars:index"), **ADMIN_HOST).content.decode()
    assert "2017-2018" in body and "Hóc Môn" not in body
    hidden = SchoolYearCalendar.objects.get(authority=other)
    assert (
        client.get(
            reverse("regulations_calendars:edit", args=[hidden.pk]), **ADMIN_HOST
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("regulations_calendars:edit", args=[mine.pk]), **ADMIN_HOST).status_code
        == 200
    )


def test_school_users_cannot_open_office_screens(client, editor):
    client.force_login(editor)
    for name in (
        "regulations_items:index",
        "regulations_calendars:index",
        "regulations_profiles:index",
    ):
        response = client.get(reverse(name), **ADMIN_HOST)
        assert response.status_code == 302 and response["Location"] == "/admin/"


def test_editor_sees_own_schools_checklist_on_the_dashboard(client, school, other_school, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"), **ADMIN_HOST)
    body = response.content.decode()
    year = school_year_of(timezone.localdate())
    assert f"Công khai năm học {year} – {school.name}" in body
    assert "Điều 4 – Thông tin chung" in body and "Chưa có" in body
    from page_types.models import DisclosureItemPage

    d4 = DisclosureItemPage.objects.get(
        item_code="TT09_2024.D4", url_path__startswith=school.root_page.url_path
    )
    assert reverse("wagtailadmin_pages:edit", args=[d4.pk]) in body
    assert other_school.name not in body
    other_d4 = DisclosureItemPage.objects.get(
        item_code="TT09_2024.D4", url_path__startswith=other_school.root_page.url_path
    )
    assert reverse("wagtailadmin_pages:edit", args=[other_d4.pk]) not in body


def test_office_staff_get_no_school_panel(client, authority, make_member, school):
    client.force_login(make_member(Membership.Role.AUDITOR, authority=authority))
    body = client.get(reverse("wagtailadmin_home"), **ADMIN_HOST).content.decode()
    assert "disclosure-checklist" not in body


def test_instance_wide_days_are_edited_by_top_level_offices_only(client, authority, make_member):
    import datetime

    from regulations.models import DeclaredDay

    create_authority(
        "XA-PHUHOA", "Phòng Văn hóa – Xã hội xã Phú Hòa Đông", parent_code=authority.code
    )
    shared = DeclaredDay.objects.create(
        date=datetime.date(2017, 1, 25), kind=DeclaredDay.Kind.OFF, reason="Nghỉ bù Tết"
    )
    local = make_member(Membership.Role.ADMIN, authority=Authority.objects.get(code="XA-PHUHOA"))
    client.force_login(local)
    listing = client.get(reverse("regulations_declared_days:index"), **ADMIN_HOST)
    assert "Nghỉ bù Tết" in listing.content.decode()
    edit = reverse("regulations_declared_days:edit", args=[shared.pk])
    assert client.get(edit, **ADMIN_HOST).status_code == 404
    client.force_login(make_member(Membership.Role.ADMIN, authority=authority))
    assert client.get(edit, **ADMIN_HOST).status_code == 200
