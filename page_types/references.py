"""Which images, documents and pages a page's content refers to, and whether the editor may
use them. Choosers only offer the user's own school, but a hand-made POST can name any id:
StreamField blocks and rich text must be checked on save too."""

import re

from django.utils.translation import gettext as _
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page
from wagtail.rich_text import RichText

RICH_TEXT_REFERENCE = re.compile(
    r'<(?:embed|a)\b[^>]*?(?:embedtype|linktype)="(image|document|page)"[^>]*?\bid="(\d+)"'
)


def _rich_text_refs(source):
    for kind, pk in RICH_TEXT_REFERENCE.findall(source or ""):
        yield kind, int(pk)


def iter_references(value):
    """Yield ("image"|"document"|"page", id) for everything a field value points at."""
    if isinstance(value, AbstractImage):
        yield "image", value.pk
    elif isinstance(value, AbstractDocument):
        yield "document", value.pk
    elif isinstance(value, Page):
        yield "page", value.pk
    elif isinstance(value, RichText):
        yield from _rich_text_refs(value.source)
    elif isinstance(value, str):
        yield from _rich_text_refs(value)
    elif isinstance(value, StreamValue):
        for child in value:
            yield from iter_references(child.value)
    elif isinstance(value, (StructValue, dict)):
        for child in value.values():
            yield from iter_references(child)
    elif isinstance(value, (ListValue, list, tuple)):
        for child in value:
            yield from iter_references(getattr(child, "value", child))


def foreign_references(cleaned_data, user):
    """Field names whose content refers to media or pages outside the user's school."""
    from django.apps import apps

    from tenants.isolation.scope import office_collection_ids, scope_for_user

    if user is None or user.is_superuser:
        return []
    scope = scope_for_user(user)
    if scope.unrestricted:
        return []
    allowed_collections = set(scope.collection_ids) | set(office_collection_ids())
    bad = []
    for name, value in cleaned_data.items():
        refs = {}
        for kind, pk in iter_references(value):
            refs.setdefault(kind, set()).add(pk)
        if not refs:
            continue
        models = (
            ("image", apps.get_model("wagtailimages", "Image")),
            ("document", apps.get_model("wagtaildocs", "Document")),
        )
        for kind, model in models:
            ids = refs.get(kind)
            if (
                ids
                and model.objects.filter(pk__in=ids)
                .exclude(collection_id__in=allowed_collections)
                .exists()
            ):
                bad.append(name)
        page_ids = refs.get("page")
        if page_ids:
            # Links to the office site are fine: schools relay the office's letters.
            office_roots = tuple(_office_root_paths())
            outside = Page.objects.filter(pk__in=page_ids).exclude(scope.page_q()).only("path")
            if any(not page.path.startswith(office_roots) for page in outside):
                bad.append(name)
    return sorted(set(bad))


def _office_root_paths():
    from tenants.models import Authority

    return list(
        Authority.objects.filter(site__isnull=False).values_list("site__root_page__path", flat=True)
    )


def reference_error():
    return _("Nội dung có ảnh, tài liệu hoặc liên kết trang không thuộc trường của bạn.")
