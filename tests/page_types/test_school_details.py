"""Re-importing a school with a new name or contact details: the home page title and the contact
page's copies follow and go live, without overwriting what the school wrote itself."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry

from page_types.models import ContactPage, MandatedSection
from page_types.school_details import SYNC_ACTION
from tenants.models import School

pytestmark = pytest.mark.django_db

HEADER = "code,name,level,authority,slug,address,phone,email,principal"
OLD = {
    "name": "Trường Tiểu học Tân Thạnh Đông",
    "address": "Ấp 3 xã Tân Thạnh Đông",
    "phone": "028 3790 1111",
    "email": "thtanthanhdong@cuchi.edu.vn",
}
NEW = {
    "name": "Trường Tiểu học Tân Thạnh Đông 2",
    "address": "Số 12 đường Tỉnh lộ 15",
    "phone": "028 3790 2222",
    "email": "thttd2@cuchi.edu.vn",
}


def import_school(tmp_path, details):
    path = tmp_path / "truong.csv"
    row = (
        f"79785001,{details['name']},TH,PGD-CUCHI,th-tan-thanh-dong,"
        f"{details['address']},{details['phone']},{details['email']},Lê Văn Tư"
    )
    path.write_text(f"{HEADER}\n{row}\n", encoding="utf-8")
    call_command("import_schools", str(path), stdout=StringIO())
    return School.objects.get(code="79785001")


@pytest.fixture
def imported(authority, tmp_path):
    return import_school(tmp_path, OLD)


def contact_of(school):
    section = MandatedSection.objects.get(school=school, key="lien-he")
    return ContactPage.objects.get(pk=section.page_id)


def home_of(school):
    return Page.objects.get(pk=school.root_page_id).specific


def public_html(client, school, path="/"):
    response = client.get(path, HTTP_HOST=school.hostname)
    assert response.status_code == 200
    return response.content.decode()


def test_reimport_updates_home_title_and_contact_page_on_the_public_site(
    client, imported, tmp_path
):
    contact = contact_of(imported)
    assert (contact.address, contact.to_address) == (OLD["address"], OLD["email"])
    # Seen once before the change: the public pages are not stuck on the old values.
    assert OLD["address"] in public_html(client, imported, "/lien-he/")
    publications = PageLogEntry.objects.filter(action="wagtail.publish").count()

    school = import_school(tmp_path, NEW)

    home = home_of(school)
    assert home.title == NEW["name"] and not home.has_unpublished_changes
    assert home.get_latest_revision().as_object().title == NEW["name"]
    assert f'<meta property="og:title" content="{NEW["name"]}">' in public_html(client, school)
    contact = contact_of(school)
    assert (contact.address, contact.phone, contact.email, contact.to_address) == (
        NEW["address"],
        NEW["phone"],
        NEW["email"],
        NEW["email"],
    )
    assert contact.subject == f"Góp ý gửi {NEW['name']}"
    assert not contact.has_unpublished_changes
    html = public_html(client, school, "/lien-he/")
    for value in (NEW["address"], NEW["phone"], NEW["email"]):
        assert value in html
    assert OLD["address"] not in html
    # Logged as the office's change, not as a publication the audit credits to the school.
    assert PageLogEntry.objects.filter(action=SYNC_ACTION, page=contact).exists()
    assert PageLogEntry.objects.filter(action="wagtail.publish").count() == publications


def test_reimport_keeps_what_the_school_changed_itself(imported, tmp_path):
    contact = contact_of(imported)
    contact.phone = "0909 123 456 (đường dây nóng)"
    contact.subject = "Thư góp ý của phụ huynh"
    contact.save_revision().publish()

    school = import_school(tmp_path, NEW)

    contact = contact_of(school)
    assert contact.phone == "0909 123 456 (đường dây nóng)"
    assert contact.subject == "Thư góp ý của phụ huynh"
    assert (contact.address, contact.email) == (NEW["address"], NEW["email"])


def test_reimport_keeps_an_editors_pending_draft(imported, tmp_path):
    contact = contact_of(imported)
    contact.intro = "<p>Bản nháp lời giới thiệu mới</p>"
    contact.save_revision()

    school = import_school(tmp_path, NEW)

    contact = contact_of(school)
    assert contact.address == NEW["address"]
    assert "Bản nháp" not in contact.intro  # the draft is not published by the import
    assert contact.has_unpublished_changes
    draft = contact.get_latest_revision_as_object()
    assert draft.intro == "<p>Bản nháp lời giới thiệu mới</p>"
    assert draft.address == NEW["address"]


def test_unchanged_reimport_writes_no_revision(imported, tmp_path):
    contact = contact_of(imported)
    revisions = (contact.revisions.count(), home_of(imported).revisions.count())
    import_school(tmp_path, OLD)
    assert (contact.revisions.count(), home_of(imported).revisions.count()) == revisions


def test_page_update_failure_rolls_back_the_school(imported, tmp_path, monkeypatch):
    import page_types.school_details as school_details

    def broken(page, copies):
        raise RuntimeError("page update failed")

    monkeypatch.setattr(school_details, "update_page", broken)
    with pytest.raises(RuntimeError):
        import_school(tmp_path, NEW)
    imported.refresh_from_db()
    assert imported.name == OLD["name"]
    assert imported.site.site_name == OLD["name"]


def test_page_in_moderation_gets_the_change_and_keeps_its_draft(imported, tmp_path, editor):
    """Publishing ends a pending review (Wagtail's rule); the submitted content stays as the
    draft, with the new details, for the editor to submit again."""
    contact = contact_of(imported)
    contact.intro = "<p>Lời giới thiệu chờ duyệt</p>"
    contact.save_revision(user=editor)
    contact.get_workflow().start(contact, editor)

    school = import_school(tmp_path, NEW)

    contact = contact_of(school)
    assert contact.address == NEW["address"]
    assert contact.current_workflow_state is None
    draft = contact.get_latest_revision_as_object()
    assert (draft.intro, draft.address) == ("<p>Lời giới thiệu chờ duyệt</p>", NEW["address"])


def test_history_names_the_change(client, imported, tmp_path, django_user_model):
    school = import_school(tmp_path, NEW)
    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "x-Mat-khau-9")
    client.force_login(admin)
    response = client.get(f"/admin/pages/{contact_of(school).pk}/history/", HTTP_HOST="portal.test")
    assert response.status_code == 200
    assert "Cập nhật theo thông tin trường do Phòng/Sở nhập" in response.content.decode()
