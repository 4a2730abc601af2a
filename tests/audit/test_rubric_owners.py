"""Rubrics belong to an authority (DESIGN decision 10): each office edits only its own; a school
is scored with its nearest office's rubric, else the instance default, which only superusers
edit; the report names one rubric at its top and, per school, any other it used."""

import io
import json

import pytest
from django.conf import settings
from django.core.management import call_command

from audit.models import Rubric
from audit.rubric_choice import create_own_rubric, rubric_for
from tenants.models import Membership
from tenants.provisioning import create_authority

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": settings.PORTAL_DOMAIN}


def form(rubric, **changes):
    data = {name: getattr(rubric, name) for name in rubric.new_version_data()}
    data.pop("code")
    data.update(changes)
    return data


def report(*args):
    out = io.StringIO()
    call_command("audit_report", "--as-of", "2016-11-25", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def offices(authority):
    other, _ = create_authority("PGD-HOCMON", "Phòng Giáo dục và Đào tạo huyện Hóc Môn")
    commune, _ = create_authority("XA-TANTHONG", "UBND xã Tân Thông", parent_code=authority.code)
    return authority, other, commune


def test_an_office_edits_its_own_rubric_and_nobody_elses(
    client, make_member, offices, django_user_model
):
    a, b, _commune = offices
    client.force_login(make_member(Membership.Role.ADMIN, authority=b))
    response = client.post(f"/admin/audit/rubric/own/{b.pk}/", **HOST)
    assert response.status_code == 302
    b_rubric = Rubric.objects.get(owner=b)
    assert (b_rubric.code, b_rubric.version, b_rubric.posts_target) == ("PGD-HOCMON", 1, 40)
    response = client.post(
        f"/admin/audit/rubric/edit/{b_rubric.pk}/",
        form(b_rubric, note="Hóc Môn: 20 bài", posts_target=20),
        **HOST,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    b_latest = Rubric.objects.get(owner=b, version=2)
    assert b_latest.posts_target == 20 and b_latest.code == "PGD-HOCMON"

    default = Rubric.current()
    client.force_login(make_member(Membership.Role.ADMIN, authority=a))
    for target in (b_latest, default):
        edit = f"/admin/audit/rubric/edit/{target.pk}/"
        assert client.get(edit, **HOST).status_code == 403
        assert client.post(edit, form(target, posts_target=1), **HOST).status_code == 403
    assert client.get(f"/admin/audit/rubric/inspect/{b_latest.pk}/", **HOST).status_code == 403
    assert client.post(f"/admin/audit/rubric/own/{b.pk}/", **HOST).status_code == 403
    listing = client.get("/admin/audit/rubric/", **HOST).content.decode()
    assert "PGD-HOCMON" not in listing and "Hóc Môn" not in listing
    assert f"/admin/audit/rubric/own/{a.pk}/" in listing  # A may make its own
    assert Rubric.objects.filter(posts_target=1).count() == 0
    assert Rubric.objects.filter(owner=b).count() == 2

    root = django_user_model.objects.create_superuser("goc", "goc@example.vn", "x")
    client.force_login(root)
    response = client.post(
        f"/admin/audit/rubric/edit/{default.pk}/", form(default, posts_target=45), **HOST
    )
    assert response.status_code == 302
    assert Rubric.current().posts_target == 45 and Rubric.current().owner is None


def test_each_school_is_scored_with_its_nearest_offices_rubric(offices, make_school):
    a, b, commune = offices
    lone, _ = create_authority("PGD-CANGIO", "Phòng Giáo dục và Đào tạo huyện Cần Giờ")
    a_rubric = create_own_rubric(a)
    b_rubric = create_own_rubric(b)
    b_rubric = Rubric.objects.create(**{**b_rubric.new_version_data(), "posts_target": 20}, owner=b)
    school_a = make_school("TH", authority_code=a.code)
    school_commune = make_school("TH", authority_code=commune.code)
    school_b = make_school("TH", authority_code=b.code)
    school_lone = make_school("TH", authority_code=lone.code)
    assert rubric_for(school_a) == a_rubric
    assert rubric_for(school_commune) == a_rubric  # no rubric of its own: its parent's
    assert rubric_for(school_b) == b_rubric
    assert rubric_for(school_lone) == Rubric.current()

    data = report()
    default = {"code": "default", "version": Rubric.current().version}
    assert data["rubric"] == default  # several rubrics used: the default names the report
    rows = {row["code"]: row for row in data["schools"]}
    assert rows[school_a.code]["rubric"] == {"code": "PGD-CUCHI", "version": 1}
    assert rows[school_commune.code]["rubric"] == {"code": "PGD-CUCHI", "version": 1}
    assert rows[school_b.code]["rubric"] == {"code": "PGD-HOCMON", "version": 2}
    assert "rubric" not in rows[school_lone.code]  # scored with the report's
    # B's target is half the others' (20 posts a year against 40).
    target_b = rows[school_b.code]["posts"]["target"]
    assert target_b > 0
    assert rows[school_lone.code]["posts"]["target"] == pytest.approx(2 * target_b, abs=0.1)

    only_b = report("--authority", b.code)
    assert only_b["rubric"] == {"code": "PGD-HOCMON", "version": 2}
    assert ["rubric" in row for row in only_b["schools"]] == [False]


def test_an_inspection_states_the_rubric_each_school_was_scored_with(
    offices, make_school, make_member
):
    import datetime

    from audit.inspections import open_inspection

    a, _b, commune = offices
    create_own_rubric(commune)
    school_a = make_school("TH", authority_code=a.code)
    school_commune = make_school("TH", authority_code=commune.code)
    inspector = make_member(Membership.Role.AUDITOR, authority=a)
    inspection = open_inspection(
        "Kiểm tra học kỳ I", a, [school_a, school_commune], datetime.date(2016, 11, 25), inspector
    )
    default = {"code": "default", "version": Rubric.current().version}
    assert inspection.rubric == Rubric.current()
    snapshots = {i.school_id: i.snapshot for i in inspection.schools.all()}
    assert snapshots[school_a.pk]["rubric"] == default
    assert snapshots[school_commune.pk]["rubric"] == {"code": "XA-TANTHONG", "version": 1}
