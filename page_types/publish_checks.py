"""Checks before publishing: warnings, with the reason, that the author may override.

Apps register checks with the Wagtail hook `register_publish_check`: a function taking the page
as the form would save it (not yet saved) and its parent page, returning a list of
`PublishWarning`. This module
registers the checks of what a page carries (pictures without meaningful alt text, PDFs without
a text layer, files too heavy for mobile data); the audit registers its own (thin, backdated,
near-duplicate text) with the rubric's thresholds. Refusals (an urgent announcement without
expiry) stay validation errors of the model: they cannot be overridden.

The page form (publish_review.py) runs the checks only when the editor screen asks for them (the
marker its panel renders) on publish or submit; an override is logged as OVERRIDE_ACTION with
the warnings, and the panel shows those warnings to the approver."""

import functools
import re
import zlib
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

HOOK = "register_publish_check"
OVERRIDE_ACTION = "page_types.publish_warnings_overridden"
# The hidden field the edit screen's panel renders: checks run for the editor screen only, so
# publishing from code (imports, the demo loader, tests) is never held up by a warning.
MARKER_FIELD = "publish_checks"
OVERRIDE_FIELD = "publish_warnings_override"
# Files bigger than this cost parents on mobile data too much (override with the setting).
DEFAULT_MOBILE_FILE_SIZE = 5 * 1024 * 1024


@dataclass(frozen=True)
class PublishWarning:
    code: str
    message: str

    def as_dict(self):
        return asdict(self)


def collect_warnings(page, parent):
    """Every registered check's warnings for `page` (under `parent`), in registration order."""
    found = []
    for check in hooks.get_hooks(HOOK):
        found.extend(check(page, parent) or [])
    return found


def mobile_file_size():
    return getattr(settings, "PORTAL_MOBILE_FILE_SIZE", DEFAULT_MOBILE_FILE_SIZE)


# --- what a page carries ------------------------------------------------------------------

_EMBED = re.compile(r"<embed\b[^>]*>", re.IGNORECASE)
_DOC_LINK = re.compile(r"<a\b[^>]*linktype=\"document\"[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"([\w-]+)=\"([^\"]*)\"")


@dataclass
class Carried:
    images: list  # [(image, alt text or None when the image's own applies, decorative)]
    documents: list


def _rich_text(source, out, image_ids, document_ids):
    for tag in _EMBED.findall(source or ""):
        attrs = dict(_ATTR.findall(tag))
        if attrs.get("embedtype") == "image" and attrs.get("id", "").isdigit():
            image_ids.append((int(attrs["id"]), attrs.get("alt", "")))
    for tag in _DOC_LINK.findall(source or ""):
        attrs = dict(_ATTR.findall(tag))
        if attrs.get("id", "").isdigit():
            document_ids.append(int(attrs["id"]))


def _walk(value, out, image_ids, document_ids):
    Image, Document = get_image_model(), get_document_model()
    if isinstance(value, Image):
        out.images.append(
            (
                value,
                getattr(value, "contextual_alt_text", None),
                getattr(value, "decorative", False),
            )
        )
    elif isinstance(value, Document):
        out.documents.append(value)
    elif isinstance(value, RichText):
        _rich_text(value.source, out, image_ids, document_ids)
    elif isinstance(value, StreamValue):
        for child in value:
            _walk(child.value, out, image_ids, document_ids)
    elif isinstance(value, (StructValue, dict)):
        for child in value.values():
            _walk(child, out, image_ids, document_ids)
    elif isinstance(value, (ListValue, list, tuple)):
        for child in value:
            _walk(child, out, image_ids, document_ids)


def carried(page):
    """The images (with the alt text given where they are used) and documents of a page."""
    Image, Document = get_image_model(), get_document_model()
    out = Carried(images=[], documents=[])
    image_ids, document_ids = [], []
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            _walk(getattr(page, field.name), out, image_ids, document_ids)
        elif isinstance(field, RichTextField):
            _rich_text(getattr(page, field.name), out, image_ids, document_ids)
        elif isinstance(field, models.ForeignKey) and field.related_model in (Image, Document):
            related = getattr(page, field.name, None)
            if related is not None:
                _walk(related, out, image_ids, document_ids)
    if image_ids:
        images = Image.objects.in_bulk([pk for pk, _alt in image_ids])
        out.images += [(images[pk], alt, False) for pk, alt in image_ids if pk in images]
    if document_ids:
        documents = Document.objects.in_bulk(document_ids)
        out.documents += [documents[pk] for pk in document_ids if pk in documents]
    seen = set()
    out.documents = [d for d in out.documents if not (d.pk in seen or seen.add(d.pk))]
    return out


# --- alt text -----------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)
# What cameras, phones and scanners name files: not a description of the picture.
_FILE_LIKE = re.compile(
    r"^(img|dsc|dscn|dcim|pxl|photo|image|anh|hinh|screenshot|scan|zalo|fb)?[\W_]*[\d\W_]*"
    r"(\.(jpe?g|png|gif|webp|heic|bmp|tiff?))?$",
    re.IGNORECASE,
)
MIN_ALT_WORDS = 2


def meaningful_alt(text, image):
    """Whether an alt text describes the picture: two words or more, not a file name."""
    text = (text or "").strip()
    if len(_WORD.findall(text)) < MIN_ALT_WORDS:
        return False
    if _FILE_LIKE.match(text.replace(" ", "_")):
        return False
    stem = (getattr(image.file, "name", "") or "").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return text.lower().replace(" ", "_") != stem.lower()


def _image_alt(image, contextual):
    if contextual:
        return contextual
    return getattr(image, "description", "") or image.title


def check_alt_text(page, parent):
    warnings = []
    for image, contextual, decorative in carried(page).images:
        if decorative:
            continue  # The author said it carries nothing: an empty alt is right.
        alt = _image_alt(image, contextual)
        if not meaningful_alt(alt, image):
            warnings.append(
                PublishWarning(
                    "alt_text",
                    _(
                        "Ảnh “%(title)s” chưa có mô tả thay thế có nghĩa (đang là “%(alt)s”): "
                        "ghi một câu tả nội dung ảnh ở ô “Văn bản thay thế” của khối ảnh hoặc ở "
                        "“Mô tả ảnh” trong thư viện ảnh, để trình đọc màn hình đọc cho người "
                        "khiếm thị."
                    )
                    % {"title": image.title, "alt": alt or ""},
                )
            )
    return warnings


# --- documents ----------------------------------------------------------------------------

_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
_TEXT_SHOWING = re.compile(rb"\bBT\b.*?(\bTj\b|\bTJ\b|'|\")", re.DOTALL)
_FONT = re.compile(rb"/Font\b")


def _inflate(data):
    try:
        return zlib.decompressobj().decompress(data, 50 * 1024 * 1024)
    except zlib.error:
        return data


def pdf_has_text(data):
    """Whether a PDF shows any text (a font and a text-showing operator in a content stream).
    A scanned page is only pictures: parents' phones can neither search nor read it aloud.
    A cheap scan of the file's streams, enough to tell a scan from a typed document."""
    has_font = bool(_FONT.search(data))
    has_text = False
    for match in _STREAM.finditer(data):
        stream = _inflate(match.group(1))
        has_font = has_font or bool(_FONT.search(stream))
        if _TEXT_SHOWING.search(stream):
            has_text = True
        if has_font and has_text:
            return True
    return False


@functools.lru_cache(maxsize=256)
def _pdf_text_layer(document_pk, file_hash):
    document = get_document_model().objects.get(pk=document_pk)
    with document.open_file() as handle:
        return pdf_has_text(handle.read())


def check_documents(page, parent):
    warnings = []
    limit = mobile_file_size()
    for document in carried(page).documents:
        size = document.get_file_size() or 0
        if size > limit:
            warnings.append(
                PublishWarning(
                    "file_size",
                    _(
                        "Tệp “%(title)s” nặng %(size)s, quá %(limit)s: phụ huynh xem bằng dữ liệu "
                        "di động khó tải về. Hãy nén hoặc chia nhỏ tệp rồi chọn lại ở ô tệp "
                        "đính kèm."
                    )
                    % {
                        "title": document.title,
                        "size": filesizeformat(size),
                        "limit": filesizeformat(limit),
                    },
                )
            )
        if document.file_extension.lower() == "pdf":
            try:
                has_text = _pdf_text_layer(document.pk, document.file_hash or str(size))
            except (OSError, ValueError):
                continue  # The file is missing from storage: nothing to tell the author.
            if not has_text:
                warnings.append(
                    PublishWarning(
                        "pdf_text",
                        _(
                            "Tệp “%(title)s” là bản chụp (PDF không có lớp chữ): điện thoại của "
                            "phụ huynh không tìm được chữ và không đọc to được. Nên đính kèm bản "
                            "PDF xuất từ Word/Excel, hoặc nhận dạng chữ (OCR) trước khi tải lên."
                        )
                        % {"title": document.title},
                    )
                )
    return warnings


hooks.register(HOOK, check_alt_text)
hooks.register(HOOK, check_documents)
