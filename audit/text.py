"""What the audit reads from a revision's content: a digest to tell real changes from unchanged
re-publishes, the words, images and attachments a post carries, its displayed date, and the
MinHash signature of its text (audit/duplicates.py) so near-duplicates can be found."""

import functools
import hashlib
import html
import json
import re
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import COMMENTS_RELATION_NAME, Page

from .duplicates import minhash

# Page fields that are bookkeeping, not content: a change there is not an update.
_CONTENT_BASE_FIELDS = {"title", "slug", "seo_title", "search_description"}
PAGE_META_FIELDS = frozenset(
    f.name for f in Page._meta.get_fields() if f.name not in _CONTENT_BASE_FIELDS
) | {COMMENTS_RELATION_NAME, "pk", "comments", "page_ptr"}


def _labels_with(trait):
    return frozenset(
        model._meta.label_lower for model in apps.get_models() if getattr(model, trait, False)
    )


@functools.cache
def thin_exempt_models():
    """Labels of the page types whose shape is their content: never "thin" (`is_structured`)."""
    return _labels_with("is_structured")


@functools.cache
def duplicate_checked_models():
    """Labels of the narrative page types compared for copies (`compared_for_duplicates`)."""
    return _labels_with("compared_for_duplicates")


_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+", re.UNICODE)
_DOC_LINK = re.compile(r"<a[^>]*linktype=\"document\"", re.IGNORECASE)
_IMAGE_EMBED = re.compile(r"<embed[^>]*embedtype=\"image\"", re.IGNORECASE)


@dataclass
class ContentFacts:
    content_hash: str
    word_count: int
    attachment_count: int
    image_count: int
    displayed_date: object  # datetime.date | None
    period_start: object  # datetime.date | None: the week/month a menu, plan or schedule is for
    shared_from_office: bool
    minhash: bytes | None


class _Collector:
    def __init__(self):
        self.texts = []
        self.images = 0
        self.attachments = 0

    def rich_text(self, value):
        if not value:
            return
        self.attachments += len(_DOC_LINK.findall(value))
        self.images += len(_IMAGE_EMBED.findall(value))
        self.texts.append(html.unescape(_TAG.sub(" ", value)))

    def plain(self, value):
        if value:
            self.texts.append(str(value))


def _stream_items(raw):
    for item in raw or []:
        if isinstance(item, dict):
            yield item.get("type"), item.get("value")
        elif isinstance(item, (list, tuple)) and len(item) >= 2:
            yield item[0], item[1]


def _walk(block, raw, out):
    if raw is None:
        return
    if isinstance(block, ImageBlock):
        image = raw.get("image") if isinstance(raw, dict) else raw
        if image:
            out.images += 1
    elif isinstance(block, ImageChooserBlock):
        out.images += 1 if raw else 0
    elif isinstance(block, DocumentChooserBlock):
        out.attachments += 1 if raw else 0
    elif isinstance(block, blocks.StreamBlock):
        for name, value in _stream_items(raw):
            child = block.child_blocks.get(name)
            if child is not None:
                _walk(child, value, out)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            value = item.get("value") if isinstance(item, dict) and "type" in item else item
            _walk(block.child_block, value, out)
    elif isinstance(block, TypedTableBlock):
        columns = [block.child_blocks.get(c.get("type")) for c in raw.get("columns", [])]
        for column in raw.get("columns", []):
            out.plain(column.get("heading"))
        for row in raw.get("rows", []):
            for child, value in zip(columns, row.get("values", []), strict=False):
                if child is not None:
                    _walk(child, value, out)
        out.plain(raw.get("caption"))
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                _walk(child, raw.get(name), out)
    elif isinstance(block, blocks.RichTextBlock):
        out.rich_text(raw)
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        out.plain(raw)


def _load_stream(raw):
    if isinstance(raw, str):
        try:
            return json.loads(raw) if raw else []
        except ValueError:
            return []
    return raw or []


def _strip_ids(value):
    """Stream block ids change on every save of some editors; they are not content."""
    if isinstance(value, list):
        return [_strip_ids(v) for v in value]
    if isinstance(value, dict):
        return {k: _strip_ids(v) for k, v in value.items() if k != "id"}
    return value


def _model_fields(model):
    return [f for f in model._meta.concrete_fields if f.name not in PAGE_META_FIELDS]


def content_digest(model, content):
    """A hash of what a reader sees: equal digests mean an unchanged re-publish."""
    stream_names = {f.name for f in _model_fields(model) if isinstance(f, StreamField)}
    data = {}
    for key, value in content.items():
        if key in PAGE_META_FIELDS:
            continue
        if key in stream_names:
            value = _strip_ids(_load_stream(value))
        elif isinstance(value, list):
            # Child relations (form fields…): their own ids and page pointers are bookkeeping.
            value = [
                {k: v for k, v in row.items() if k not in ("pk", "id", "page")}
                if isinstance(row, dict)
                else row
                for row in value
            ]
        data[key] = value
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()


def _is_model_fk(field, label):
    return isinstance(field, models.ForeignKey) and field.related_model._meta.label_lower == label


def content_facts(model, content, with_signature=False):
    """Facts of one revision of a page of `model` (its specific class). The MinHash signature is
    computed only when asked (first publications of narrative posts): it is the costly part."""
    from django.conf import settings
    from django.utils.dateparse import parse_date

    image_label = settings.WAGTAILIMAGES_IMAGE_MODEL.lower()
    document_label = getattr(settings, "WAGTAILDOCS_DOCUMENT_MODEL", "wagtaildocs.Document")
    out = _Collector()
    displayed = None
    period_start = None
    shared = False
    for field in _model_fields(model):
        value = content.get(field.name)
        if isinstance(field, StreamField):
            _walk(field.stream_block, _load_stream(value), out)
        elif isinstance(field, RichTextField):
            out.rich_text(value)
        elif isinstance(field, models.TextField):
            out.plain(value)
        elif _is_model_fk(field, image_label):
            out.images += 1 if value else 0
        elif _is_model_fk(field, document_label.lower()):
            out.attachments += 1 if value else 0
        elif field.name == "date" and isinstance(field, models.DateField) and value:
            displayed = parse_date(value) if isinstance(value, str) else value
        elif field.name in ("week_start", "period_start") and value:
            period_start = parse_date(value) if isinstance(value, str) else value
        elif field.name == "shared_from_office":
            shared = bool(value)
    text = " ".join(out.texts)
    words = _WORD.findall(text)
    signature = None
    if with_signature and model._meta.label_lower in duplicate_checked_models():
        signature = minhash(_WORD.findall(f"{content.get('title', '')} {text}"))
    return ContentFacts(
        content_hash=content_digest(model, content),
        word_count=len(words),
        attachment_count=out.attachments,
        image_count=out.images,
        displayed_date=displayed,
        period_start=period_start,
        shared_from_office=shared,
        minhash=signature,
    )
