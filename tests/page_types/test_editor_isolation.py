"""A school's editor works on their school only: the other school's pages, images and documents
are out of reach in the admin (the full sweep of every admin URL lives in tests/tenants)."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from page_types.models import MandatedSection, NewsArticlePage
from tenants.models import Membership

OFFICE = "portal.test"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return buffer.getvalue()


def fill(school, label):
    """A news article, an image and a document in the school."""
    index = MandatedSection.objects.get(school=school, key="tin-tuc").page
    article = index.add_child(instance=NewsArticlePage(title=f"Tin của {label}", live=False))
    article.save_revision().publish()
    image = Image.objects.create(
        title=f"Ảnh của {label}",
        description=f"Ảnh sân trường {label}",
        file=ImageFile(io.BytesIO(png()), name=f"{label}.png"),
        collection=school.collection,
    )
    document = Document.objects.create(
        title=f"Kế hoạch của {label}",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"{label}.pdf"),
        collection=school.collection,
    )
    return {"page": article, "image": image, "document": document}


@pytest.fixture
def content(school, other_school):
    return {"a": fill(school, "truong-a"), "b": fill(other_school, "truong-b")}


def get(client, name, *args):
    return client.get(reverse(name, args=args), HTTP_HOST=OFFICE)


def body_of(response):
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]  # the chooser modals answer JSON around their HTML
    return response.content.decode()


def assert_refused(response):
    if response.status_code == 302:
        assert response["Location"] == "/admin/", response["Location"]
    else:
        assert response.status_code in (403, 404), response.status_code


@pytest.mark.parametrize("role", [Membership.Role.EDITOR, Membership.Role.APPROVER])
def test_own_school_is_editable_other_school_is_not(client, make_member, school, content, role):
    user = make_member(role, school=school)
    client.force_login(user)
    a, b = content["a"], content["b"]

    assert get(client, "wagtailadmin_pages:edit", a["page"].pk).status_code == 200
    assert get(client, "wagtailimages:edit", a["image"].pk).status_code == 200
    assert get(client, "wagtaildocs:edit", a["document"].pk).status_code == 200

    assert_refused(get(client, "wagtailadmin_pages:edit", b["page"].pk))
    assert_refused(get(client, "wagtailimages:edit", b["image"].pk))
    assert_refused(get(client, "wagtaildocs:edit", b["document"].pk))
    assert_refused(get(client, "wagtailadmin_pages:add_subpage", b["page"].get_parent().pk))
    assert_refused(get(client, "wagtailadmin_pages:delete", b["page"].pk))


def test_editor_cannot_change_the_other_schools_objects(client, editor, content):
    client.force_login(editor)
    b = content["b"]
    response = client.post(
        reverse("wagtailimages:edit", args=(b["image"].pk,)),
        {"title": "Đã sửa", "description": "Đã sửa", "collection": b["image"].collection_id},
        HTTP_HOST=OFFICE,
    )
    assert_refused(response)
    response = client.post(
        reverse("wagtaildocs:delete", args=(b["document"].pk,)), HTTP_HOST=OFFICE
    )
    assert_refused(response)
    response = client.post(reverse("wagtailimages:delete", args=(b["image"].pk,)), HTTP_HOST=OFFICE)
    assert_refused(response)
    assert Image.objects.get(pk=b["image"].pk).title == "Ảnh của truong-b"
    assert Document.objects.filter(pk=b["document"].pk).exists()
    # Nor upload into the other school's collection.
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Lạc chỗ",
            "collection": b["document"].collection_id,
            "file": ContentFile(b"%PDF-1.4\n", name="lac.pdf"),
        },
        HTTP_HOST=OFFICE,
    )
    # With a single permitted collection Wagtail drops the field: the file lands in A's.
    assert (
        not Document.objects.filter(collection=b["document"].collection)
        .exclude(pk=b["document"].pk)
        .exists()
    )
    assert set(Document.objects.filter(title="Lạc chỗ").values_list("collection", flat=True)) <= {
        content["a"]["document"].collection_id
    }


def test_listings_and_choosers_show_only_own_media(client, editor, content):
    client.force_login(editor)
    for name in ("wagtailimages:index", "wagtailimages_chooser:choose"):
        body = body_of(get(client, name))
        assert "Ảnh của truong-a" in body, name
        assert "truong-b" not in body, name
    for name in ("wagtaildocs:index", "wagtaildocs_chooser:choose"):
        body = body_of(get(client, name))
        assert "Kế hoạch của truong-a" in body, name
        assert "truong-b" not in body, name


def test_explorer_at_the_root_shows_only_the_own_site(client, editor, school, other_school):
    client.force_login(editor)
    root = Page.get_first_root_node()
    response = client.get(reverse("wagtailadmin_explore", args=(root.pk,)), HTTP_HOST=OFFICE)
    if response.status_code == 302:
        response = client.get(response["Location"], HTTP_HOST=OFFICE)
    assert response.status_code == 200
    body = response.content.decode()
    assert school.name in body
    assert other_school.name not in body
    assert "Phòng Giáo dục và Đào tạo huyện Củ Chi" not in body
    # The explorer of the other school's home is refused.
    assert_refused(get(client, "wagtailadmin_explore", other_school.root_page_id))
    body = get(client, "wagtailadmin_explore_root").content.decode()
    assert other_school.name not in body
