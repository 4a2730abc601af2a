"""The blueprint as data an office admin adjusts in the admin (/admin/blueprint/): what the
screens allow and refuse, and how provisioning, the roll-out and the audit follow the change."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse

from audit import table
from audit.engine import run_audit
from page_types.blueprint import DEFAULT_BLUEPRINT, load_blueprint, sections_for, store
from page_types.blueprint.ownership import create_own_blueprint
from page_types.models import BlueprintSection, MandatedSection, NewsIndexPage
from tenants.models import Level, Membership, School
from tenants.provisioning import create_authority
from tests.audit.history import add_news, moment

pytestmark = pytest.mark.django_db
ADMIN_HOST = {"HTTP_HOST": "portal.test"}
FORM_FIELDS = (
    "title",
    "parent",
    "slug",
    "page_type",
    "sort_order",
    "for_mn",
    "for_th",
    "for_thcs",
    "cadence_days",
)
KINDS = [(level, meals) for level in Level.values for meals in (False, True)]


def row(key):
    """The row at `key` of the office's own version when it has one, else of the instance
    default (in these tests at most one authority has its own version)."""
    parent, _, slug = key.rpartition("/")
    rows = BlueprintSection.objects.order_by(F("owner_id").desc(nulls_last=True))
    if parent:
        return rows.filter(parent__slug=parent, parent__parent=None, slug=slug).first()
    return rows.filter(parent=None, slug=slug).first()


def form_data(section=None, **changes):
    """What the edit form posts: the row's current values, with `changes` on top."""
    data = {}
    if section is not None:
        for name in FORM_FIELDS:
            value = getattr(section, "parent_id" if name == "parent" else name)
            data[name] = "" if value is None else value
        for flag in ("meals_only", "expects_items"):
            if getattr(section, flag):
                data[flag] = "on"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not False}


def new_section(**changes):
    data = {
        "title": "Hoạt động ngoại khóa",
        "slug": "hoat-dong-ngoai-khoa",
        "page_type": "page_types.NewsIndexPage",
        "sort_order": 125,
        "for_mn": "required",
        "for_th": "required",
        "for_thcs": "required",
        "cadence_days": 30,
        "expects_items": "on",
    }
    return form_data(**{**data, **changes})


def url(name, *args):
    return reverse(f"page_types_blueprint:{name}", args=args)


@pytest.fixture
def office_admin(make_member, authority):
    return make_member(Membership.Role.ADMIN, authority=authority, username="phong-quantri")


@pytest.fixture
def admin_client(client, office_admin, authority):
    """The office admin, their office with its own version of the blueprint (the instance
    default is the superusers')."""
    create_own_blueprint(authority)
    client.force_login(office_admin)
    return client


def seed_count(sections=DEFAULT_BLUEPRINT):
    return sum(1 + seed_count(section.children) for section in sections)


def section_keys(school):
    return set(MandatedSection.objects.filter(school=school).values_list("key", flat=True))


def audit_sections(school, as_of):
    run = run_audit(School.objects.filter(pk=school.pk), as_of)
    return {s["slug"]: s for s in run.rows[0]["sections"]}


# The seed ------------------------------------------------------------------------------------


def test_the_seeded_rows_are_the_shipped_blueprint():
    # The rows themselves: no fallback hides an empty table.
    seeded = BlueprintSection.objects.filter(owner=None, built_in=True)
    assert seeded.count() == seed_count() > 0
    assert set(seeded.filter(parent=None).values_list("slug", flat=True)) == {
        section.slug for section in DEFAULT_BLUEPRINT
    }
    assert not BlueprintSection.objects.filter(owner__isnull=False).exists()
    assert load_blueprint() == DEFAULT_BLUEPRINT
    for level, meals in KINDS:
        assert list(sections_for(level, meals)) == list(
            sections_for(level, meals, sections=DEFAULT_BLUEPRINT)
        )
    assert BlueprintSection.objects.filter(built_in=False).count() == 0


# Screens -------------------------------------------------------------------------------------


def test_office_admin_sees_the_blueprint_screens_in_vietnamese(admin_client):
    index = admin_client.get(url("index"), **ADMIN_HOST)
    html = index.content.decode()
    assert index.status_code == 200
    for text in (
        "Cấu trúc trang trường",
        "Giới thiệu",
        "— Lịch sử",
        "gioi-thieu/lich-su",
        "Chuyên mục tin tức",
        "7 ngày",
        "Khi cần",
        "MN: bắt buộc, TH: tùy chọn, THCS: tùy chọn (tùy chọn: chỉ trường bán trú)",
        "Có sẵn",
        "Áp dụng cho các trường hiện có",
        "Lịch sử thay đổi",
    ):
        assert text in html, text
    add = admin_client.get(url("add"), **ADMIN_HOST).content.decode()
    for text in ("Đường dẫn", "Loại trang", "Mầm non", "Chu kỳ cập nhật (ngày)", "Bắt buộc"):
        assert text in add, text
    assert "Chuyên mục công khai" not in add  # one per school: not for added sections
    edit = admin_client.get(url("edit", row("tin-tuc").pk), **ADMIN_HOST)
    assert edit.status_code == 200
    assert "mã nguồn của cổng dùng tới" in edit.content.decode()  # why slug/type are locked
    for name in ("apply", "changes"):
        response = admin_client.get(url(name), **ADMIN_HOST)
        assert response.status_code == 200, name
    assert "Thêm vào trang của" in admin_client.get(url("apply"), **ADMIN_HOST).content.decode()
    home = admin_client.get(reverse("wagtailadmin_home"), **ADMIN_HOST).content.decode()
    assert '"url": "/admin/blueprint/"' in home  # the settings menu item (sidebar JSON)


@pytest.mark.parametrize("role", [Membership.Role.EDITOR, Membership.Role.APPROVER])
def test_school_users_get_403_on_every_blueprint_url(client, make_member, school, role):
    client.force_login(make_member(role, school=school))
    pk = row("tin-tuc").pk
    urls = [url(n) for n in ("index", "index_results", "add", "apply", "changes")]
    urls += [url(n, pk) for n in ("edit", "delete", "history", "history_results", "usage")]
    for target in urls:
        assert client.get(target, **ADMIN_HOST).status_code == 403, target
        assert client.post(target, new_section(), **ADMIN_HOST).status_code == 403, target
    home = client.get(reverse("wagtailadmin_home"), **ADMIN_HOST).content.decode()
    assert "/admin/blueprint/" not in home
    assert not BlueprintSection.objects.filter(slug="hoat-dong-ngoai-khoa").exists()
    assert row("tin-tuc").cadence_days == 7


def test_auditor_only_looks(client, make_member, authority, school):
    client.force_login(make_member(Membership.Role.AUDITOR, authority=authority))
    pk = row("tin-tuc").pk
    for target in (url("index"), url("history", pk), url("changes")):
        assert client.get(target, **ADMIN_HOST).status_code == 200, target
    assert "Tin tức – Sự kiện" in client.get(url("index"), **ADMIN_HOST).content.decode()
    assert (
        "Áp dụng cho các trường hiện có"
        not in client.get(url("index"), **ADMIN_HOST).content.decode()
    )
    for target in (url("add"), url("edit", pk), url("delete", pk), url("apply")):
        assert client.get(target, **ADMIN_HOST).status_code == 403, target
        assert client.post(target, new_section(), **ADMIN_HOST).status_code == 403, target
    assert row("tin-tuc").cadence_days == 7


def test_admin_of_a_subordinate_office_rolls_out_to_its_own_schools_but_cannot_edit(
    client, make_member, make_school, authority, django_capture_on_commit_callbacks
):
    commune, _ = create_authority("UBND-TANTHONG", "UBND xã Tân Thông", parent_code=authority.code)
    own = make_school("TH", authority_code=commune.code)
    other = make_school("TH")
    BlueprintSection.objects.create(
        title="Câu lạc bộ", slug="cau-lac-bo", page_type="page_types.StandardPage"
    )
    client.force_login(make_member(Membership.Role.ADMIN, authority=commune))
    assert client.get(url("index"), **ADMIN_HOST).status_code == 200
    assert client.get(url("add"), **ADMIN_HOST).status_code == 403
    pk = row("tin-tuc").pk
    edit = client.post(url("edit", pk), form_data(row("tin-tuc"), cadence_days=30), **ADMIN_HOST)
    assert edit.status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("apply"), **ADMIN_HOST)
    assert response.status_code == 200
    assert "cau-lac-bo" in section_keys(own)
    assert "cau-lac-bo" not in section_keys(other)


# Changing a cadence --------------------------------------------------------------------------


def test_a_changed_cadence_changes_the_audit(admin_client, make_school):
    school = make_school("TH")
    add_news(school, moment(2016, 9, 12))
    as_of = datetime.date(2016, 9, 30)
    assert audit_sections(school, as_of)["tin-tuc"]["status"] == "stale"  # weekly: 18 days old

    news = row("tin-tuc")
    response = admin_client.post(
        url("edit", news.pk), form_data(news, cadence_days=30), **ADMIN_HOST
    )
    assert response.status_code == 302, response.content.decode()[:3000]

    sections = audit_sections(school, as_of)
    assert sections["tin-tuc"]["status"] == "fresh"
    assert sections["tin-tuc"]["cadence_days"] == 30
    assert audit_sections(school, datetime.date(2016, 10, 20))["tin-tuc"]["status"] == "stale"


def test_the_dashboard_table_is_recomputed_after_a_blueprint_change(admin_client, make_school):
    schools = [make_school("TH"), make_school("MN")]
    add_news(schools[0], moment(2016, 9, 12))
    as_of = datetime.date(2016, 9, 30)
    assert table.table_run(School.objects.all(), as_of).recomputed == 2
    assert table.table_run(School.objects.all(), as_of).recomputed == 0  # stored lines reused

    parents = row("goc-phu-huynh")  # optional everywhere: now required, and missing nowhere
    data = form_data(parents, for_th="required", for_mn="required", for_thcs="required")
    admin_client.post(url("edit", parents.pk), data, **ADMIN_HOST)

    run = table.table_run(School.objects.all(), as_of)
    assert run.recomputed == 2
    expected = {r["school_id"]: r["score"] for r in run_audit(School.objects.all(), as_of).rows}
    assert {r["school_id"]: r["score"] for r in run.rows} == expected


def test_every_change_is_in_the_change_log(admin_client, office_admin):
    news = row("tin-tuc")
    admin_client.post(url("edit", news.pk), form_data(news, cadence_days=14), **ADMIN_HOST)
    admin_client.post(url("add"), new_section(), **ADMIN_HOST)
    added = row("hoat-dong-ngoai-khoa")
    admin_client.post(url("delete", added.pk), **ADMIN_HOST)

    html = admin_client.get(url("changes"), **ADMIN_HOST).content.decode()
    assert "Chu kỳ cập nhật (ngày): 7 → 14" in html
    assert html.count("Hoạt động ngoại khóa") >= 2  # created, then deleted
    assert office_admin.get_username() in html or office_admin.get_full_name() in html
    history = admin_client.get(url("history", news.pk), **ADMIN_HOST).content.decode()
    assert "7 → 14" in history


# Adding a section ----------------------------------------------------------------------------


def test_an_added_section_reaches_new_schools_and_is_rolled_out_once(
    admin_client, make_school, django_capture_on_commit_callbacks
):
    existing = make_school("TH")
    news_index = MandatedSection.objects.get(school=existing, key="tin-tuc").page
    renamed = MandatedSection.objects.get(school=existing, key="gioi-thieu").page
    post = add_news(existing, moment(2016, 9, 12))

    response = admin_client.post(url("add"), new_section(), **ADMIN_HOST)
    assert response.status_code == 302, response.content.decode()[:3000]
    intro = row("gioi-thieu")
    admin_client.post(url("edit", intro.pk), form_data(intro, title="Về trường"), **ADMIN_HOST)

    fresh = make_school("TH")
    page = MandatedSection.objects.get(school=fresh, key="hoat-dong-ngoai-khoa").page.specific
    assert isinstance(page, NewsIndexPage) and page.title == "Hoạt động ngoại khóa"
    assert MandatedSection.objects.get(school=fresh, key="gioi-thieu").page.title == "Về trường"
    assert "hoat-dong-ngoai-khoa" not in section_keys(existing)

    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = admin_client.post(url("apply"), **ADMIN_HOST)
    assert response.status_code == 200
    assert "Đã xếp lịch bổ sung các mục còn thiếu cho 2 trường" in response.content.decode()
    # One task per school, queued once the request committed (beside the page-cache purges).
    rollouts = [c for c in queued if "roll_out_to_school" in repr(c)]
    assert len(rollouts) == 2
    changes = admin_client.get(url("changes"), **ADMIN_HOST).content.decode()
    assert f"Bổ sung 1 mục cho {existing.name}: Hoạt động ngoại khóa" in changes
    assert f"cho {fresh.name}" not in changes  # it had everything: nothing logged
    added = MandatedSection.objects.get(school=existing, key="hoat-dong-ngoai-khoa").page
    assert added.get_parent().pk == existing.root_page_id and added.live
    # Nothing existing was touched: same pages, same titles, the post still there.
    renamed.refresh_from_db()
    assert renamed.title == "Giới thiệu"
    news_index.refresh_from_db()
    assert news_index.get_children().filter(pk=post.pk, live=True).exists()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url("apply"), **ADMIN_HOST)
    changes = admin_client.get(url("changes"), **ADMIN_HOST).content.decode()
    assert changes.count(f"Bổ sung 1 mục cho {existing.name}") == 1  # nothing added twice
    assert existing.root_page.get_children().filter(slug="hoat-dong-ngoai-khoa").count() == 1
    call_command("apply_blueprint")  # the command reads the same blueprint: nothing left to add
    assert existing.root_page.get_children().filter(slug="hoat-dong-ngoai-khoa").count() == 1


def test_an_added_child_section_goes_under_its_parent(admin_client, make_school):
    school = make_school("MN")
    parent = row("gioi-thieu")
    data = new_section(
        title="Thành tích", slug="thanh-tich", page_type="page_types.StandardPage", parent=parent.pk
    )
    data.pop("expects_items")
    response = admin_client.post(url("add"), data, **ADMIN_HOST)
    assert response.status_code == 302, response.content.decode()[:3000]
    call_command("apply_blueprint", school=school.code)
    page = MandatedSection.objects.get(school=school, key="gioi-thieu/thanh-tich").page
    assert (
        page.get_parent().pk == MandatedSection.objects.get(school=school, key="gioi-thieu").page_id
    )


def test_an_added_section_may_be_deleted_and_the_schools_keep_their_pages(
    admin_client, make_school
):
    admin_client.post(url("add"), new_section(), **ADMIN_HOST)
    school = make_school("THCS")
    page = MandatedSection.objects.get(school=school, key="hoat-dong-ngoai-khoa").page
    added = row("hoat-dong-ngoai-khoa")
    confirm = admin_client.get(url("delete", added.pk), **ADMIN_HOST).content.decode()
    assert "vẫn giữ nguyên" in confirm
    response = admin_client.post(url("delete", added.pk), **ADMIN_HOST)
    assert response.status_code == 302
    assert not BlueprintSection.objects.filter(pk=added.pk).exists()
    page.refresh_from_db()
    assert page.live  # the page stays, no longer a protected mandated section
    assert "hoat-dong-ngoai-khoa" not in section_keys(school)
    assert "hoat-dong-ngoai-khoa" not in section_keys(make_school("THCS"))


# What is refused -----------------------------------------------------------------------------


def test_a_built_in_section_cannot_be_deleted(admin_client):
    disclosure = row("cong-khai")
    response = admin_client.post(url("delete", disclosure.pk), follow=True, **ADMIN_HOST)
    assert "có sẵn trong cấu trúc chuẩn nên không xóa được" in response.content.decode()
    assert BlueprintSection.objects.filter(pk=disclosure.pk).exists()
    edit = admin_client.get(url("edit", disclosure.pk), **ADMIN_HOST).content.decode()
    assert url("delete", disclosure.pk) not in edit


@pytest.mark.parametrize(
    ("field", "value"),
    [("slug", "cong-khai-moi"), ("page_type", "page_types.StandardPage"), ("parent", "gioi-thieu")],
)
def test_a_built_in_section_keeps_its_slug_page_type_and_parent(admin_client, field, value):
    disclosure = row("cong-khai")
    if field == "parent":
        value = row(value).pk
    response = admin_client.post(
        url("edit", disclosure.pk), form_data(disclosure, **{field: value}), **ADMIN_HOST
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Không đổi được" in errors[field][0] and "Công khai" in errors[field][0]
    disclosure.refresh_from_db()
    assert (disclosure.slug, disclosure.page_type, disclosure.parent_id) == (
        "cong-khai",
        "page_types.DisclosureIndexPage",
        None,
    )


def test_a_built_in_section_stays_in_its_levels(admin_client, authority):
    menus = row("thuc-don")
    response = admin_client.post(
        url("edit", menus.pk), form_data(menus, for_mn="none"), **ADMIN_HOST
    )
    assert "chỉ chọn “Bắt buộc” hoặc “Tùy chọn”" in response.context["form"].errors["for_mn"][0]
    response = admin_client.post(
        url("edit", menus.pk), form_data(menus, for_mn="optional"), **ADMIN_HOST
    )
    assert response.status_code == 302
    assert "thuc-don" not in dict(sections_for("MN", serves_meals=False, authority=authority))
    assert "thuc-don" in dict(sections_for("MN", serves_meals=False))  # the default: unchanged


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"slug": "Hoạt động"}, "slug", "chỉ gồm chữ thường không dấu"),
        ({"slug": "hoat_dong"}, "slug", "chỉ gồm chữ thường không dấu"),
        ({"slug": "tin-tuc"}, "slug", "đã dùng cho mục “Tin tức – Sự kiện” cùng cấp"),
        ({"slug": "admin"}, "slug", "trùng với địa chỉ dành riêng"),
        (
            {"page_type": "page_types.DisclosureIndexPage"},
            "page_type",
            "Hãy chọn một lựa chọn hợp lệ",
        ),
        ({"parent": "tin-tuc"}, "page_type", "không đặt được dưới mục “Tin tức – Sự kiện”"),
        ({"cadence_days": "0"}, "cadence_days", "lớn hơn hoặc bằng với 1"),
    ],
)
def test_bad_input_gets_a_field_error_in_vietnamese(admin_client, changes, field, message):
    if "parent" in changes:
        changes["parent"] = row(changes["parent"]).pk
    response = admin_client.post(url("add"), new_section(**changes), **ADMIN_HOST)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors.get(field, [])), errors
    assert not BlueprintSection.objects.filter(built_in=False).exists()


def test_a_rolled_out_section_keeps_its_slug(admin_client, make_school):
    admin_client.post(url("add"), new_section(), **ADMIN_HOST)
    make_school("TH")
    added = row("hoat-dong-ngoai-khoa")
    response = admin_client.post(
        url("edit", added.pk), form_data(added, slug="ngoai-khoa"), **ADMIN_HOST
    )
    assert "đã được tạo ở 1 trường" in response.context["form"].errors["slug"][0]


# The per-process copy ------------------------------------------------------------------------


def test_a_change_made_by_another_process_is_seen_once_its_stamp_is_read(monkeypatch):
    assert dict(sections_for("TH"))["tin-tuc"].cadence_days == 7
    # Another process: the row changes without this process's signal, the stamp moves.
    BlueprintSection.objects.filter(slug="tin-tuc", parent=None).update(cadence_days=10)
    assert dict(sections_for("TH"))["tin-tuc"].cadence_days == 7  # still this process's copy
    cache.set(store.VERSION_KEY, "another-process")
    monkeypatch.setattr(store, "RECHECK_SECONDS", 0)
    assert dict(sections_for("TH"))["tin-tuc"].cadence_days == 10
