"""retain_years(5): published TT09_2024 items stay online; an office admin may override with a
reason, which is recorded and logged."""

import datetime
from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from regulations.models import RetentionOverride
from regulations.retention import retained_pages
from regulations.wagtail_hooks import check_item
from tenants.models import Membership

from .conftest import at, publish, slot

pytestmark = pytest.mark.django_db
ADMIN_HOST = {"HTTP_HOST": "portal.test"}


@pytest.fixture
def world(opened, approver_of, make_member, authority):
    school = opened("TH", "2024-2025")
    approver = approver_of(school)
    d4 = slot(school, "2024-2025", "TT09_2024.D4")
    publish(d4, at(2024, 9, 16), user=approver)
    office_admin = make_member(Membership.Role.ADMIN, authority=authority)
    return SimpleNamespace(school=school, approver=approver, d4=d4, office_admin=office_admin)


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_retention_period_is_five_years_from_first_publication(world):
    [retained] = retained_pages([world.d4])
    assert retained.until == datetime.date(2029, 9, 16)
    assert retained_pages([world.d4], today=datetime.date(2029, 9, 17)) == []
    # The year page and the whole section are protected through their children.
    assert retained_pages([world.d4.get_parent()])[0].page.pk == world.d4.pk


def test_approver_cannot_unpublish_and_gets_a_clear_message(client, world):
    client.force_login(world.approver)
    url = reverse("wagtailadmin_pages:unpublish", args=[world.d4.pk])
    response = client.post(url, **ADMIN_HOST)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[world.d4.pk])
    [message] = messages_of(response)
    assert "Không thể ngừng xuất bản" in message
    assert "ít nhất 5 năm" in message and "16/09/2024" in message and "16/09/2029" in message
    world.d4.refresh_from_db()
    assert world.d4.live
    assert not RetentionOverride.objects.exists()


def test_bulk_unpublish_is_refused(client, world):
    client.force_login(world.approver)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
    response = client.post(f"{url}?id={world.d4.pk}&next=/admin/", **ADMIN_HOST)
    assert response.status_code == 302
    assert any("Thao tác hàng loạt" in m for m in messages_of(response))
    world.d4.refresh_from_db()
    assert world.d4.live


def test_office_admin_overrides_with_a_reason_and_it_is_logged(client, world):
    client.force_login(world.office_admin)
    unpublish_url = reverse("wagtailadmin_pages:unpublish", args=[world.d4.pk])
    response = client.post(unpublish_url, **ADMIN_HOST)
    override_url = reverse("regulations_retention_override", args=[world.d4.pk, "unpublish"])
    assert response.status_code == 302 and response["Location"].startswith(override_url)
    form = client.get(response["Location"], **ADMIN_HOST)
    assert form.status_code == 200
    assert "Lý do gỡ trước thời hạn lưu giữ" in form.content.decode()
    # No reason, no override.
    empty = client.post(override_url, {"reason": "", "next": unpublish_url}, **ADMIN_HOST)
    assert empty.status_code == 200 and "Phải ghi lý do" in empty.content.decode()
    assert not RetentionOverride.objects.exists()
    reason = "Công văn 123/GDĐT cho phép gỡ bản sai số liệu để đăng lại."
    done = client.post(override_url, {"reason": reason, "next": unpublish_url}, **ADMIN_HOST)
    assert done.status_code == 302 and done["Location"] == unpublish_url
    override = RetentionOverride.objects.get()
    assert (override.page_id, override.action, override.reason) == (
        world.d4.pk,
        "unpublish",
        reason,
    )
    assert override.user == world.office_admin and override.school == world.school
    entry = PageLogEntry.objects.get(page_id=world.d4.pk, action="regulations.retention_override")
    assert entry.user == world.office_admin and entry.data["reason"] == reason
    assert reason in entry.message
    # Now the unpublish goes through, once.
    response = client.post(unpublish_url, **ADMIN_HOST)
    world.d4.refresh_from_db()
    assert not world.d4.live
    # The override record cannot be changed either.
    with pytest.raises(PermissionError):
        override.save()
    with pytest.raises(PermissionError):
        override.delete()


def test_delete_of_a_retained_item_needs_the_override_even_for_superusers(
    client, world, django_user_model
):
    root = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "matkhau-12345")
    client.force_login(root)
    response = client.get(reverse("wagtailadmin_pages:delete", args=[world.d4.pk]), **ADMIN_HOST)
    assert response.status_code == 302
    assert response["Location"].startswith(
        reverse("regulations_retention_override", args=[world.d4.pk, "delete"])
    )
    # Deleting the school-year page would take the item with it: refused the same way.
    year_id = world.d4.get_parent().pk
    response = client.get(reverse("wagtailadmin_pages:delete", args=[year_id]), **ADMIN_HOST)
    assert response["Location"].startswith(
        reverse("regulations_retention_override", args=[year_id, "delete"])
    )
    assert Page.objects.filter(pk=world.d4.pk).exists()


def test_override_screen_is_for_office_admins_only(client, world):
    client.force_login(world.approver)
    url = reverse("regulations_retention_override", args=[world.d4.pk, "delete"])
    # Wagtail turns the refusal into a redirect to the dashboard with an error message.
    for response in (
        client.get(url, **ADMIN_HOST),
        client.post(url, {"reason": "x" * 20}, **ADMIN_HOST),
    ):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not RetentionOverride.objects.exists()


def test_old_profiles_have_no_retention(client, opened, approver_of):
    school = opened("TH", "2016-2017")
    approver = approver_of(school)
    bm05 = slot(school, "2016-2017", "TT09_2009.BM05")
    publish(bm05, at(2016, 6, 20), user=approver)
    assert retained_pages([bm05]) == []
    client.force_login(approver)
    client.post(reverse("wagtailadmin_pages:unpublish", args=[bm05.pk]), **ADMIN_HOST)
    bm05.refresh_from_db()
    assert not bm05.live


def test_expiry_date_inside_retention_is_refused(world):
    errors = {}
    form = SimpleNamespace(
        instance=world.d4,
        cleaned_data={"expire_at": timezone.make_aware(datetime.datetime(2027, 1, 1))},
        add_error=lambda field, message: errors.setdefault(field, message),
    )
    check_item(form)
    assert "16/09/2029" in errors["expire_at"]
    errors.clear()
    form.cleaned_data = {"expire_at": timezone.make_aware(datetime.datetime(2030, 1, 1))}
    check_item(form)
    assert errors == {}


def test_wrong_file_format_is_refused(world):
    annual = slot(world.school, "2024-2025", "TT09_2024.BCTN")
    errors = {}
    form = SimpleNamespace(
        instance=annual,
        cleaned_data={"file": SimpleNamespace(file_extension="docx")},
        add_error=lambda field, message: errors.setdefault(field, message),
    )
    check_item(form)
    assert "chỉ nhận tệp PDF" in errors["file"] and "DOCX" in errors["file"]
    with mock.patch.object(form, "cleaned_data", {"file": SimpleNamespace(file_extension="pdf")}):
        errors.clear()
        check_item(form)
    assert errors == {}
