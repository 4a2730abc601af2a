"""Blueprints belong to an authority (DESIGN decision 10): two offices share an instance, each
edits only its own version; a school follows its nearest office's version, else the instance
default, which only superusers edit; a sub-office may refine a copy; roll-outs are one task
per school."""

import datetime

import pytest
from django.urls import reverse

from audit.engine import run_audit
from page_types.blueprint import sections_for
from page_types.blueprint.ownership import create_own_blueprint
from page_types.blueprint.rollout import roll_out_to_school
from page_types.models import BlueprintSection, MandatedSection
from tenants.models import Authority, Membership, School
from tenants.provisioning import create_authority

pytestmark = pytest.mark.django_db
ADMIN_HOST = {"HTTP_HOST": "portal.test"}


def url(name, *args, owner=None):
    address = reverse(f"page_types_blueprint:{name}", args=args)
    return address if owner is None else f"{address}?owner={owner}"


def row_of(owner, slug):
    return BlueprintSection.objects.get(owner=owner, parent=None, slug=slug)


def edit_data(row, **changes):
    data = {
        "title": row.title,
        "parent": row.parent_id or "",
        "slug": row.slug,
        "page_type": row.page_type,
        "sort_order": row.sort_order,
        "for_mn": row.for_mn,
        "for_th": row.for_th,
        "for_thcs": row.for_thcs,
        "cadence_days": row.cadence_days or "",
    }
    if row.meals_only:
        data["meals_only"] = "on"
    if row.expects_items:
        data["expects_items"] = "on"
    data.update(changes)
    return data


def added_section(title, slug):
    return {
        "title": title,
        "slug": slug,
        "page_type": "page_types.StandardPage",
        "sort_order": 125,
        "for_mn": "required",
        "for_th": "required",
        "for_thcs": "required",
        "cadence_days": "",
    }


def keys(school):
    return set(MandatedSection.objects.filter(school=school).values_list("key", flat=True))


@pytest.fixture
def offices(authority):
    """A (PGD-CUCHI) and B (PGD-HOCMON), both top-level, and A1, a commune office under A."""
    other, _ = create_authority("PGD-HOCMON", "Phòng Giáo dục và Đào tạo huyện Hóc Môn")
    commune, _ = create_authority("XA-TANTHONG", "UBND xã Tân Thông", parent_code=authority.code)
    return authority, other, commune


@pytest.fixture
def login(client, make_member):
    def log_in(role=Membership.Role.ADMIN, authority=None, user=None):
        client.force_login(user or make_member(role, authority=authority))
        return client

    return log_in


def test_an_office_admin_cannot_touch_another_offices_blueprint_nor_the_default(
    offices, login, make_member
):
    a, b, _commune = offices
    create_own_blueprint(a)
    create_own_blueprint(b)
    # B's admin makes a change of B's own (it must not show on A's screens).
    b_client = login(authority=b)
    b_news = row_of(b, "tin-tuc")
    b_client.post(url("edit", b_news.pk), edit_data(b_news, cadence_days=12), **ADMIN_HOST)
    b_client.post(url("add", owner=b.pk), added_section("Góc Hóc Môn", "goc-hoc-mon"), **ADMIN_HOST)
    b_added = row_of(b, "goc-hoc-mon")

    client = login(authority=a)
    default_news = row_of(None, "tin-tuc")
    for target in (b_news, b_added, default_news):
        for name in ("edit", "delete"):
            assert client.get(url(name, target.pk), **ADMIN_HOST).status_code == 403, name
            response = client.post(
                url(name, target.pk), edit_data(target, cadence_days=1), **ADMIN_HOST
            )
            assert response.status_code == 403, name
    for name in ("history", "usage"):
        assert client.get(url(name, b_news.pk), **ADMIN_HOST).status_code == 403, name
        assert client.get(url(name, default_news.pk), **ADMIN_HOST).status_code == 200, name
    for owner in (b.pk, "default"):
        assert client.get(url("add", owner=owner), **ADMIN_HOST).status_code == 403
        new = added_section("Chen ngang", "chen-ngang")
        assert client.post(url("add", owner=owner), new, **ADMIN_HOST).status_code == 403
    assert client.get(url("index", owner=b.pk), **ADMIN_HOST).status_code == 403
    assert client.post(url("own", b.pk), **ADMIN_HOST).status_code == 403

    b_news.refresh_from_db()
    default_news.refresh_from_db()
    assert (b_news.cadence_days, default_news.cadence_days) == (12, 7)
    assert BlueprintSection.objects.filter(owner=b, slug="goc-hoc-mon").exists()
    assert not BlueprintSection.objects.filter(slug="chen-ngang").exists()
    # Nothing of B on A's own screens: the listing, the default's, the change log.
    for page in (url("index"), url("index", owner="default"), url("changes")):
        html = client.get(page, **ADMIN_HOST).content.decode()
        assert "Góc Hóc Môn" not in html and "Hóc Môn" not in html, page
    # A's own version is A's to edit.
    a_news = row_of(a, "tin-tuc")
    response = client.post(url("edit", a_news.pk), edit_data(a_news, cadence_days=9), **ADMIN_HOST)
    assert response.status_code == 302


def test_each_school_follows_its_nearest_offices_blueprint(
    offices, login, make_school, django_capture_on_commit_callbacks
):
    a, b, commune = offices
    lone, _ = create_authority("PGD-CANGIO", "Phòng Giáo dục và Đào tạo huyện Cần Giờ")
    create_own_blueprint(a)
    create_own_blueprint(b)
    a_client = login(authority=a)
    response = a_client.post(
        url("add", owner=a.pk), added_section("Câu lạc bộ", "cau-lac-bo"), **ADMIN_HOST
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    login(authority=b).post(
        url("add", owner=b.pk), added_section("Góc Hóc Môn", "goc-hoc-mon"), **ADMIN_HOST
    )

    school_a = make_school("TH", authority_code=a.code)
    school_commune = make_school("TH", authority_code=commune.code)  # no version of its own
    school_b = make_school("TH", authority_code=b.code)
    school_lone = make_school("TH", authority_code=lone.code)  # the instance default
    assert "cau-lac-bo" in keys(school_a) and "goc-hoc-mon" not in keys(school_a)
    assert "cau-lac-bo" in keys(school_commune) and "goc-hoc-mon" not in keys(school_commune)
    assert "goc-hoc-mon" in keys(school_b) and "cau-lac-bo" not in keys(school_b)
    assert not {"cau-lac-bo", "goc-hoc-mon"} & keys(school_lone)

    # The audit measures each against its own blueprint.
    run = run_audit(School.objects.all(), datetime.date(2016, 11, 25))
    sections = {r["code"]: {s["slug"] for s in r["sections"]} for r in run.rows}
    assert "cau-lac-bo" in sections[school_commune.code]
    assert "cau-lac-bo" not in sections[school_b.code]
    assert "goc-hoc-mon" in sections[school_b.code]
    assert not {"cau-lac-bo", "goc-hoc-mon"} & sections[school_lone.code]

    # A roll-out by B's admin reaches B's schools only, with B's blueprint.
    BlueprintSection.objects.create(
        owner=b, title="Tư vấn", slug="tu-van", page_type="page_types.StandardPage"
    )
    with django_capture_on_commit_callbacks(execute=True):
        login(authority=b).post(url("apply"), **ADMIN_HOST)
    assert "tu-van" in keys(school_b)
    assert "tu-van" not in keys(school_a) | keys(school_commune) | keys(school_lone)


def test_a_sub_office_refines_a_copy_of_the_blueprint_it_follows(offices, login, make_school):
    a, _b, commune = offices
    create_own_blueprint(a)
    BlueprintSection.objects.create(
        owner=a, title="Câu lạc bộ", slug="cau-lac-bo", page_type="page_types.StandardPage"
    )
    school = make_school("TH", authority_code=commune.code)
    client = login(authority=commune)
    index = client.get(url("index"), **ADMIN_HOST).content.decode()
    assert "Tạo cấu trúc riêng cho UBND xã Tân Thông" in index
    a_news = row_of(a, "tin-tuc")
    response = client.post(url("edit", a_news.pk), edit_data(a_news, cadence_days=30), **ADMIN_HOST)
    assert response.status_code == 403  # A's version is A's admins'

    response = client.post(url("own", commune.pk), follow=True, **ADMIN_HOST)
    assert "Đã tạo cấu trúc riêng cho UBND xã Tân Thông" in response.content.decode()
    copied = BlueprintSection.objects.filter(owner=commune)
    assert copied.count() == BlueprintSection.objects.filter(owner=a).count()
    assert copied.filter(slug="cau-lac-bo").exists()  # a copy of A's, not of the default
    assert copied.filter(parent__slug="gioi-thieu", slug="lich-su", parent__owner=commune).exists()
    assert client.post(url("own", commune.pk), **ADMIN_HOST).status_code == 302  # said, not done
    assert BlueprintSection.objects.filter(owner=commune).count() == copied.count()

    own_news = row_of(commune, "tin-tuc")
    response = client.post(
        url("edit", own_news.pk), edit_data(own_news, cadence_days=30), **ADMIN_HOST
    )
    assert response.status_code == 302
    assert dict(sections_for("TH", authority=commune))["tin-tuc"].cadence_days == 30
    assert dict(sections_for("TH", authority=a))["tin-tuc"].cadence_days == 7
    assert "cau-lac-bo" in keys(school)  # its sections stayed what they were
    changes = client.get(url("changes"), **ADMIN_HOST).content.decode()
    assert "Tạo cấu trúc trang trường riêng cho UBND xã Tân Thông" in changes
    # A's admins cover the commune: they may edit its version too.
    a_client = login(authority=a)
    response = a_client.post(
        url("edit", own_news.pk), edit_data(own_news, cadence_days=14), **ADMIN_HOST
    )
    assert response.status_code == 302


def test_only_a_superuser_edits_the_instance_default(
    offices, login, make_school, django_user_model
):
    a, _b, _commune = offices
    lone, _ = create_authority("PGD-CANGIO", "Phòng Giáo dục và Đào tạo huyện Cần Giờ")
    create_own_blueprint(a)
    default_news = row_of(None, "tin-tuc")
    response = login(authority=a).post(
        url("edit", default_news.pk), edit_data(default_news, cadence_days=14), **ADMIN_HOST
    )
    assert response.status_code == 403
    root = django_user_model.objects.create_superuser("goc", "goc@example.vn", "x")
    client = login(user=root)
    assert (
        "Cấu trúc mặc định của hệ thống" in client.get(url("index"), **ADMIN_HOST).content.decode()
    )
    response = client.post(
        url("edit", default_news.pk), edit_data(default_news, cadence_days=14), **ADMIN_HOST
    )
    assert response.status_code == 302
    assert dict(sections_for("TH", authority=lone))["tin-tuc"].cadence_days == 14
    assert dict(sections_for("TH", authority=a))["tin-tuc"].cadence_days == 7


def test_auditors_see_their_own_lineage_only(offices, login):
    a, b, commune = offices
    create_own_blueprint(b)
    client = login(Membership.Role.AUDITOR, authority=commune)
    assert client.get(url("index"), **ADMIN_HOST).status_code == 200  # the default, followed
    assert client.get(url("index", owner=b.pk), **ADMIN_HOST).status_code == 403
    b_news = row_of(b, "tin-tuc")
    assert client.get(url("history", b_news.pk), **ADMIN_HOST).status_code == 403
    assert client.post(url("own", commune.pk), **ADMIN_HOST).status_code == 403
    assert not BlueprintSection.objects.filter(owner=commune).exists()
    assert Authority.objects.filter(pk=a.pk).exists()


def test_a_roll_out_is_one_idempotent_task_per_school_and_resumes(
    admin_client_a, make_school, django_capture_on_commit_callbacks
):
    client, a = admin_client_a
    first, second = make_school("TH"), make_school("MN")
    BlueprintSection.objects.create(
        owner=a, title="Câu lạc bộ", slug="cau-lac-bo", page_type="page_types.StandardPage"
    )
    # A roll-out cut short: only the first school's task ran.
    assert roll_out_to_school.enqueue(first.pk).return_value == ["Câu lạc bộ"]
    assert roll_out_to_school.enqueue(first.pk).return_value == []  # again: nothing twice
    assert "cau-lac-bo" not in keys(second)

    with django_capture_on_commit_callbacks(execute=False) as queued:
        client.post(url("apply"), **ADMIN_HOST)
    assert len(queued) == 2 and "cau-lac-bo" not in keys(second)  # nothing before commit
    for callback in queued:
        callback()
    assert "cau-lac-bo" in keys(second)
    assert first.root_page.get_children().filter(slug="cau-lac-bo").count() == 1


@pytest.fixture
def admin_client_a(client, make_member, authority):
    create_own_blueprint(authority)
    client.force_login(make_member(Membership.Role.ADMIN, authority=authority))
    return client, authority
