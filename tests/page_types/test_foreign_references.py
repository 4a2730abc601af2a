"""A hand-made POST can name any image, document or page id; content referring to another
school's media must be refused on save."""

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from page_types.models import NewsArticlePage
from page_types.references import foreign_references


def _image(school):
    return Image.objects.create(
        title=f"Ảnh {school.name}", file=get_test_image_file(), collection=school.collection
    )


def _document(school):
    return Document.objects.create(
        title=f"Tài liệu {school.name}",
        file=SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4 test"),
        collection=school.collection,
    )


def _body(image):
    field = NewsArticlePage._meta.get_field("body")
    return field.stream_block.to_python(
        [
            {
                "type": "figure",
                "value": {
                    "image": {"image": image.pk, "alt_text": "Ảnh", "decorative": False},
                    "caption": "",
                },
            }
        ]
    )


def test_own_media_is_accepted(school, editor):
    cleaned = {
        "body": _body(_image(school)),
        "intro": RichText(f'<p><a linktype="document" id="{_document(school).pk}">tệp</a></p>'),
    }
    assert foreign_references(cleaned, editor) == []


def test_other_schools_image_in_a_block_is_refused(school, other_school, editor):
    assert foreign_references({"body": _body(_image(other_school))}, editor) == ["body"]


def test_other_schools_document_and_page_in_rich_text_are_refused(school, other_school, editor):
    document = _document(other_school)
    link = f'<p><a linktype="document" id="{document.pk}">tệp</a></p>'
    page_link = f'<p><a linktype="page" id="{other_school.root_page_id}">trang</a></p>'
    assert foreign_references({"intro": RichText(link)}, editor) == ["intro"]
    assert foreign_references({"welcome": page_link}, editor) == ["welcome"]


def test_links_to_the_office_site_are_allowed(school, editor, authority):
    office_home = authority.site.root_page
    assert (
        foreign_references({"intro": f'<a linktype="page" id="{office_home.pk}">Phòng</a>'}, editor)
        == []
    )
