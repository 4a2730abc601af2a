"""The mandated sections stay where the blueprint put them: a school's editor or approver
cannot delete, move, unpublish, hide or re-slug them; ordinary posts remain theirs."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from page_types.models import MandatedSection, NewsArticlePage
from tenants.models import Membership

OFFICE = "portal.test"
SCHOOL_ROLES = [Membership.Role.EDITOR, Membership.Role.APPROVER]


def section(school, key):
    return MandatedSection.objects.get(school=school, key=key).page.specific


def assert_refused(response):
    if response.status_code == 302:
        assert response["Location"] == "/admin/", response["Location"]
    else:
        assert response.status_code in (403, 404), response.status_code


def post(client, name, *args, data=None):
    return client.post(reverse(name, args=args), data or {}, HTTP_HOST=OFFICE)


def bulk(client, action, *pages, data=None):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    query = "&".join(f"id={p.pk}" for p in pages)
    return client.post(f"{url}?{query}&next=/admin/", data or {}, HTTP_HOST=OFFICE)


def snapshot(school):
    return sorted(
        Page.objects.filter(path__startswith=school.root_page.path).values_list(
            "pk", "path", "slug", "url_path", "live"
        )
    )


@pytest.fixture
def user_of(make_member, school):
    def make(role):
        return make_member(role, school=school)

    return make


@pytest.mark.parametrize("role", SCHOOL_ROLES)
def test_mandated_sections_cannot_be_deleted_moved_or_unpublished(client, user_of, school, role):
    client.force_login(user_of(role))
    history = section(school, "gioi-thieu/lich-su")  # a leaf: Wagtail's own rule allows it
    news = section(school, "tin-tuc")
    before = snapshot(school)

    for page in (history, news):
        assert_refused(
            client.get(reverse("wagtailadmin_pages:delete", args=(page.pk,)), HTTP_HOST=OFFICE)
        )
        assert_refused(post(client, "wagtailadmin_pages:delete", page.pk))
        assert_refused(post(client, "wagtailadmin_pages:unpublish", page.pk))
        assert_refused(
            client.get(reverse("wagtailadmin_pages:move", args=(page.pk,)), HTTP_HOST=OFFICE)
        )
        assert_refused(
            post(
                client, "wagtailadmin_pages:move_confirm", page.pk, section(school, "gioi-thieu").pk
            )
        )
    for action in ("delete", "unpublish"):
        bulk(client, action, history, news)
    bulk(client, "move", history, data={"chooser": section(school, "goc-phu-huynh").pk})
    assert snapshot(school) == before


@pytest.mark.parametrize("role", SCHOOL_ROLES)
def test_the_school_home_cannot_be_taken_down(client, user_of, school, role):
    client.force_login(user_of(role))
    home = school.root_page
    before = snapshot(school)
    assert_refused(post(client, "wagtailadmin_pages:delete", home.pk))
    response = post(
        client, "wagtailadmin_pages:unpublish", home.pk, data={"include_descendants": "on"}
    )
    assert_refused(response)
    bulk(client, "unpublish", home, data={"include_descendants": "on"})
    assert snapshot(school) == before


@pytest.mark.parametrize("role", SCHOOL_ROLES)
def test_mandated_sections_cannot_be_hidden_behind_a_restriction(client, user_of, school, role):
    client.force_login(user_of(role))
    disclosure = section(school, "cong-khai")
    response = post(
        client,
        "wagtailadmin_pages:set_privacy",
        disclosure.pk,
        data={"restriction_type": "password", "password": "bimat123"},
    )
    if response.status_code == 200 and response["Content-Type"].startswith("application/json"):
        assert response.json().get("step") != "set_privacy_done"
    else:
        assert_refused(response)
    assert not PageViewRestriction.objects.filter(page=disclosure).exists()
    assert not PageViewRestriction.objects.filter(page=school.root_page).exists()


def edit_data(page, **changes):
    values = {
        "title": page.title,
        "slug": page.slug,
        "intro": rich_text("<p>Giới thiệu mới</p>"),
        "comments": inline_formset([]),
        **changes,
    }
    return nested_form_data(values)


@pytest.mark.parametrize("role", SCHOOL_ROLES)
def test_slug_and_expiry_of_a_mandated_section_are_fixed(client, user_of, school, role):
    user = user_of(role)
    client.force_login(user)
    news = section(school, "tin-tuc")
    action = "action-publish" if role == Membership.Role.APPROVER else "action-submit"
    data = edit_data(news, slug="tin-tuc-moi", expire_at="01/01/2031 00:00", **{action: "1"})
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(news.pk,)), data, HTTP_HOST=OFFICE
    )
    # Saved (the changed title/intro are accepted) but the protected fields kept their values.
    assert response.status_code == 302, response.context["form"].errors
    news.refresh_from_db()
    assert news.slug == "tin-tuc"
    assert news.url_path.endswith("/tin-tuc/")
    assert news.live
    assert news.expire_at is None
    latest = news.get_latest_revision_as_object()
    assert latest.slug == "tin-tuc"
    assert latest.expire_at is None
    # The title and introduction remain the school's to write.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(news.pk,)), HTTP_HOST=OFFICE)
    assert "không đổi được đường dẫn" in edit.content.decode()


def publish_article(school, title, owner=None):
    article = NewsArticlePage(title=title, owner=owner)
    section(school, "tin-tuc").add_child(instance=article)
    article.save_revision(user=owner).publish()
    return article


def test_approver_deletes_an_ordinary_article(client, make_member, school):
    approver = make_member(Membership.Role.APPROVER, school=school)
    article = publish_article(school, "Tin đăng nhầm")
    client.force_login(approver)
    response = post(client, "wagtailadmin_pages:delete", article.pk)
    assert response.status_code == 302
    assert response["Location"] != "/admin/"
    assert not Page.objects.filter(pk=article.pk).exists()


def test_editor_deletes_their_own_draft(client, editor, school):
    draft = NewsArticlePage(title="Bản nháp bỏ", live=False, owner=editor)
    section(school, "tin-tuc").add_child(instance=draft)
    client.force_login(editor)
    response = post(client, "wagtailadmin_pages:delete", draft.pk)
    assert response.status_code == 302
    assert not Page.objects.filter(pk=draft.pk).exists()


def test_superuser_can_restructure(client, school):
    root = get_user_model().objects.create_superuser("quantri", "qt@example.vn", "matkhau-123456")
    client.force_login(root)
    history = section(school, "gioi-thieu/lich-su")
    response = post(client, "wagtailadmin_pages:unpublish", history.pk)
    assert response.status_code == 302
    history.refresh_from_db()
    assert not history.live
    response = post(client, "wagtailadmin_pages:delete", history.pk)
    assert response.status_code == 302
    assert not Page.objects.filter(pk=history.pk).exists()
    assert not MandatedSection.objects.filter(key="gioi-thieu/lich-su", school=school).exists()
