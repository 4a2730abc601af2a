"""Every publication of a disclosure item leaves an immutable evidence record."""

import hashlib
import os
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.urls import NoReverseMatch, reverse
from wagtail.documents import get_document_model

from regulations.models import PublicationEvidence
from tenants.models import Membership
from tenants.provisioning import create_authority

from .conftest import at, publish, slot

pytestmark = pytest.mark.django_db
ADMIN_HOST = {"HTTP_HOST": "portal.test"}
PDF = b"%PDF-1.4\n% Bao cao thuong nien 2023\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def published(opened, approver_of):
    school = opened("TH", "2024-2025")
    approver = approver_of(school)
    document = get_document_model()(
        title="Báo cáo thường niên 2023",
        file=ContentFile(PDF, name="bao-cao-thuong-nien-2023.pdf"),
        collection=school.collection,
    )
    document.save()
    page = slot(school, "2024-2025", "TT09_2024.BCTN")
    page.file = document
    revision = publish(page, at(2024, 9, 20, 8, 15), user=approver)
    return SimpleNamespace(school=school, approver=approver, page=page, revision=revision)


def test_publication_writes_evidence_with_the_files_hash(published):
    evidence = PublicationEvidence.objects.get()
    assert evidence.school == published.school
    assert (evidence.item_code, evidence.school_year) == ("TT09_2024.BCTN", "2024-2025")
    assert evidence.page_id == published.page.pk
    assert evidence.revision_id == published.revision.pk
    # The stored name (storage may add a suffix to keep names unique).
    assert evidence.file_name == os.path.basename(published.page.file.file.name)
    assert evidence.file_name.startswith("bao-cao-thuong-nien-2023")
    assert evidence.file_size == len(PDF)
    assert evidence.file_sha256 == hashlib.sha256(PDF).hexdigest()
    assert len(evidence.content_sha256) == 64
    assert evidence.published_at == at(2024, 9, 20, 8, 15)
    assert evidence.user == published.approver
    assert evidence.url.endswith("/cong-khai/2024-2025/tt09-2024-bctn/")
    # A re-publication is a new record; the first stays as it was.
    publish(published.page, at(2024, 10, 1), user=published.approver)
    assert PublicationEvidence.objects.count() == 2
    assert PublicationEvidence.objects.order_by("pk").first().published_at == evidence.published_at


def test_evidence_cannot_be_changed_or_deleted_through_the_orm(published):
    evidence = PublicationEvidence.objects.get()
    evidence.file_sha256 = "0" * 64
    with pytest.raises(PermissionError):
        evidence.save()
    with pytest.raises(PermissionError):
        evidence.delete()
    with pytest.raises(PermissionError):
        PublicationEvidence.objects.filter(pk=evidence.pk).update(file_sha256="0" * 64)
    with pytest.raises(PermissionError):
        PublicationEvidence.objects.all().delete()
    evidence.refresh_from_db()
    assert evidence.file_sha256 == hashlib.sha256(PDF).hexdigest()


def test_office_lists_evidence_per_school_and_year_but_nobody_edits_it(
    client, published, make_member, authority
):
    office_admin = make_member(Membership.Role.ADMIN, authority=authority)
    auditor = make_member(Membership.Role.AUDITOR, authority=authority)
    evidence = PublicationEvidence.objects.get()
    index = reverse("regulations_evidence:index")
    for user in (office_admin, auditor):
        client.force_login(user)
        response = client.get(
            index, {"school": published.school.pk, "school_year": "2024-2025"}, **ADMIN_HOST
        )
        assert response.status_code == 200
        assert evidence.file_sha256[:12] in response.content.decode()
        inspect = client.get(
            reverse("regulations_evidence:inspect", args=[evidence.pk]), **ADMIN_HOST
        )
        assert inspect.status_code == 200 and evidence.file_sha256 in inspect.content.decode()
    # There is no edit, delete or add screen at all.
    for name, args in (("edit", [evidence.pk]), ("delete", [evidence.pk]), ("add", [])):
        with pytest.raises(NoReverseMatch):
            reverse(f"regulations_evidence:{name}", args=args)
    for path in (f"edit/{evidence.pk}/", f"delete/{evidence.pk}/", "new/"):
        response = client.post(index + path, {"file_sha256": "0"}, **ADMIN_HOST)
        assert response.status_code in (403, 404)  # no such screen
    evidence.refresh_from_db()
    assert evidence.file_sha256 == hashlib.sha256(PDF).hexdigest()


def test_evidence_is_hidden_from_schools_and_other_offices(client, published, make_member):
    create_authority("PGD-KHAC", "Phòng Giáo dục và Đào tạo khác")
    from tenants.models import Authority

    other_admin = make_member(
        Membership.Role.ADMIN, authority=Authority.objects.get(code="PGD-KHAC")
    )
    evidence = PublicationEvidence.objects.get()
    client.force_login(other_admin)
    response = client.get(reverse("regulations_evidence:index"), **ADMIN_HOST)
    assert response.status_code == 200
    assert evidence.file_sha256[:12] not in response.content.decode()
    inspect = reverse("regulations_evidence:inspect", args=[evidence.pk])
    assert client.get(inspect, **ADMIN_HOST).status_code == 404
    client.force_login(published.approver)
    response = client.get(reverse("regulations_evidence:index"), **ADMIN_HOST)
    assert response.status_code == 302 and response["Location"] == "/admin/"
