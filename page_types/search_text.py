"""What a page says, as plain text: indexed folded for search, shown raw in result excerpts.

Read from every text field the page's own model declares (not Wagtail's internals), so a new
page type is searchable without a list to keep up to date: char and text fields (not choices,
slugs or codes), rich text and stream fields through their own `get_searchable_content`."""

from django.db import models
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from tenants.vietnamese import fold

# Fields of our models that are identifiers or settings, not prose a parent searches.
SKIPPED = {"brand_color", "item_code", "profile_code", "school_year", "audience", "map_url"}
# Enough text for an excerpt and a fair rank; a 200-page PDF transcript is not indexed whole.
MAX_TEXT = 20_000


def _field_text(page, field):
    value = getattr(page, field.attname, None)
    if not value:
        return []
    if isinstance(field, StreamField | RichTextField):
        return [strip_tags(str(part)) for part in field.get_searchable_content(value)]
    return [str(value)]


def _text_fields(model):
    for field in model._meta.concrete_fields:
        if field.model is Page or field.name in SKIPPED or field.choices:
            continue
        if isinstance(field, StreamField | RichTextField | models.TextField) or (
            isinstance(field, models.CharField) and not isinstance(field, models.SlugField)
        ):
            yield field


def page_text(page):
    """The page's prose (search description first), without its title, as one string."""
    parts = [page.search_description] if page.search_description else []
    for field in _text_fields(type(page)):
        parts.extend(_field_text(page, field))
    text = " ".join(" ".join(p.split()) for p in parts if p and p.strip())
    return text[:MAX_TEXT]


def folded_text(page):
    return fold(page_text(page))
