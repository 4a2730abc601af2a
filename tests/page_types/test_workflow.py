"""Editors submit; the school's approvers (Ban giám hiệu) publish. Through the admin's HTTP
endpoints, as the browser would."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from page_types.models import MandatedSection, NewsArticlePage
from tenants.models import Membership

OFFICE = "portal.test"


def news_index(school):
    return MandatedSection.objects.get(school=school, key="tin-tuc").page


def article_data(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "05/09/2024",
            "category": "hoat-dong",
            "intro": "Sáng nay học sinh toàn trường dự lễ khai giảng.",
            "body": streamfield([("paragraph", rich_text("<p>Buổi lễ diễn ra trang trọng.</p>"))]),
            "gallery": streamfield([]),
            "attachments": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def create_article(client, school, title="Lễ khai giảng năm học 2024-2025", action=None):
    slug = "le-khai-giang"
    data = article_data(title, slug, **({action: "1"} if action else {}))
    response = client.post(
        reverse(
            "wagtailadmin_pages:add", args=("page_types", "newsarticlepage", news_index(school).pk)
        ),
        data,
        HTTP_HOST=OFFICE,
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    return NewsArticlePage.objects.get(title=title)


def submit(client, page):
    data = article_data(page.title, page.slug, **{"action-submit": "1"})
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), data, HTTP_HOST=OFFICE
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    page.refresh_from_db()
    return page


def task_state_of(page):
    return TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def assert_refused(response):
    """Wagtail's admin answers a PermissionDenied with 403, or a redirect to the dashboard
    with an error message; our tenant guard may answer 404."""
    if response.status_code == 302:
        assert response["Location"] == "/admin/", response["Location"]
    else:
        assert response.status_code in (403, 404), response.status_code


def approve_url(page, task_state, action="approve"):
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


@pytest.fixture
def other_approver(make_member, other_school):
    return make_member(Membership.Role.APPROVER, school=other_school, username="hieutruong-b")


def test_editor_cannot_publish_directly(client, editor, school):
    client.force_login(editor)
    page = create_article(client, school, action="action-publish")
    assert not page.live
    assert page.has_unpublished_changes
    # Publishing an existing draft from the edit view does not publish either.
    data = article_data(page.title, page.slug, **{"action-publish": "1"})
    client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data, HTTP_HOST=OFFICE)
    page.refresh_from_db()
    assert not page.live
    # Nor does the bulk publish action.
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={page.pk}&next=/admin/"
    )
    client.post(url, {}, HTTP_HOST=OFFICE)
    page.refresh_from_db()
    assert not page.live
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)), HTTP_HOST=OFFICE)
    assert 'name="action-publish"' not in edit.content.decode()
    assert 'name="action-submit"' in edit.content.decode()


def test_submission_reaches_only_this_schools_approvers(
    client,
    editor,
    approver,
    school,
    other_school,
    other_approver,
    django_capture_on_commit_callbacks,
):
    client.force_login(editor)
    page = create_article(client, school)
    with django_capture_on_commit_callbacks(execute=True):
        page = submit(client, page)
    assert not page.live
    state = task_state_of(page)
    assert state.task.specific.__class__.__name__ == "SchoolApprovalTask"

    # The approvers' queue: school A's approver sees it, school B's does not.
    assert list(TaskState.objects.reviewable_by(approver)) == [state]
    assert not TaskState.objects.reviewable_by(other_approver).exists()
    assert not TaskState.objects.reviewable_by(editor).exists()
    client.force_login(approver)
    dashboard = client.get(reverse("wagtailadmin_home"), HTTP_HOST=OFFICE).content.decode()
    assert "Lễ khai giảng năm học 2024-2025" in dashboard
    assert approve_url(page, state) in dashboard
    client.force_login(other_approver)
    dashboard = client.get(reverse("wagtailadmin_home"), HTTP_HOST=OFFICE).content.decode()
    assert "Lễ khai giảng" not in dashboard

    # An e-mail to school A's approver only, in Vietnamese, with the edit link.
    [message] = [m for m in mail.outbox if "Bài chờ duyệt" in m.subject]
    assert message.to == [approver.email]
    assert message.subject == (
        "[Trường Tiểu học Tân Thông] Bài chờ duyệt: Lễ khai giảng năm học 2024-2025"
    )
    assert "bientap vừa gửi trang “Lễ khai giảng năm học 2024-2025”" in message.body
    assert f"http://portal.test/admin/pages/{page.pk}/edit/" in message.body
    assert not any(other_approver.email in m.to for m in mail.outbox)


def test_approver_opts_out_of_the_email(
    client, editor, approver, school, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(approver)
    profile.submitted_notifications = False
    profile.save()
    client.force_login(editor)
    page = create_article(client, school)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page)
    assert not [m for m in mail.outbox if "Bài chờ duyệt" in m.subject]


def test_approval_publishes(client, editor, approver, school):
    client.force_login(editor)
    page = submit(client, create_article(client, school))
    state = task_state_of(page)
    # The editor cannot approve their own submission.
    assert_refused(client.post(approve_url(page, state), HTTP_HOST=OFFICE))
    page.refresh_from_db()
    assert not page.live

    client.force_login(approver)
    response = client.post(approve_url(page, state), HTTP_HOST=OFFICE)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert not page.has_unpublished_changes
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_APPROVED
    assert page.get_latest_revision().user == editor
    public = client.get(
        page.url_path.replace(school.root_page.url_path, "/"), HTTP_HOST=school.hostname
    )
    assert public.status_code == 200
    assert "Lễ khai giảng năm học 2024-2025" in public.content.decode()


def test_approver_can_request_changes(client, editor, approver, school):
    client.force_login(editor)
    page = submit(client, create_article(client, school))
    state = task_state_of(page)
    client.force_login(approver)
    response = client.post(
        approve_url(page, state, "reject"), {"comment": "Thêm ảnh lễ chào cờ"}, HTTP_HOST=OFFICE
    )
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_REJECTED
    page.refresh_from_db()
    assert not page.live


def test_approver_of_another_school_cannot_approve(
    client, editor, approver, school, other_school, other_approver
):
    client.force_login(editor)
    page = submit(client, create_article(client, school))
    state = task_state_of(page)
    client.force_login(other_approver)
    assert_refused(client.post(approve_url(page, state), HTTP_HOST=OFFICE))
    page.refresh_from_db()
    assert not page.live
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS
    # Not by the edit view's own workflow action either.
    data = article_data(page.title, page.slug, **{"action-workflow-action": "1"})
    data["workflow-action-name"] = "approve"
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), data, HTTP_HOST=OFFICE
    )
    assert response.status_code in (302, 403, 404)
    page.refresh_from_db()
    assert not page.live


def test_task_state_of_another_school_cannot_ride_on_an_own_page(
    client, make_member, editor, approver, school, other_school, other_approver
):
    """Wagtail checks the action against the page in the URL; the task itself checks the
    page of the task state it acts on."""
    other_editor = make_member(Membership.Role.EDITOR, school=other_school, username="bientap-b")
    client.force_login(editor)
    own = submit(client, create_article(client, school))
    client.force_login(other_editor)
    theirs = submit(client, create_article(client, other_school, title="Hội thao trường B"))
    their_state = task_state_of(theirs)

    client.force_login(approver)
    assert_refused(client.post(approve_url(own, their_state), HTTP_HOST=OFFICE))
    theirs.refresh_from_db()
    assert not theirs.live
    # The task refuses even when called directly, whatever view calls it.
    with pytest.raises(PermissionDenied):
        their_state.task.specific.on_action(their_state, approver, "approve")
    theirs.refresh_from_db()
    assert not theirs.live


def test_workflow_is_the_shared_one_for_every_section(school, other_school):
    pages = Page.objects.filter(depth=3)
    workflows = {page.get_workflow().pk for page in pages}
    assert len(workflows) == 1
