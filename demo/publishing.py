"""Publishing the way an editor and an approver do in the admin, at a simulated time.

A page is created as a draft and a revision is saved by its author; the approver publishes the
revision. Wagtail then writes the create and publish log entries, the revisions and the
first/last publication times itself, all stamped with the simulated clock.

Search and reference indexing are deferred to the end of the load: done once per object instead
of on each of the three saves of a publish, which keeps the whole demo load short."""

import hashlib
import html
import json
import re
from collections import Counter, defaultdict
from contextlib import contextmanager, suppress

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import ForeignKey
from django.db.models.signals import post_save
from django.utils.text import slugify
from modelsearch.backends import get_search_backends
from modelsearch.index import class_is_indexed, get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import LogContext
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from tenants.clock import simulated_now


@contextmanager
def remembered_foreign_keys():
    """Model validation checks each foreign key with a query, twice per publication (page save
    and publish). Nothing is deleted during the load, so a key found once is remembered."""
    original = ForeignKey.validate
    found = set()

    def validate(field, value, model_instance):
        if value is None or field.remote_field.limit_choices_to:
            return original(field, value, model_instance)
        key = (field.remote_field.model, field.remote_field.field_name, value)
        if key not in found:
            original(field, value, model_instance)
            found.add(key)

    ForeignKey.validate = validate
    try:
        yield
    finally:
        ForeignKey.validate = original


@contextmanager
def deferred_indexing():
    """Suspend search and reference indexing on save; ``Publisher.index`` catches up."""
    disconnected = [
        model
        for model in get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def vn_slug(text, max_length=80):
    """An ASCII slug from Vietnamese text (đ → d, diacritics dropped)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return slugify(text)[:max_length].strip("-") or "trang"


def paragraphs_html(paragraphs):
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


def paragraph_blocks(paragraphs):
    return [{"type": "paragraph", "value": paragraphs_html([p])} for p in paragraphs]


def table_block(columns, rows, caption=""):
    return {
        "type": "table",
        "value": {
            "columns": [{"type": "text", "heading": c} for c in columns],
            "rows": [{"values": [str(v) for v in row]} for row in rows],
            "caption": caption,
        },
    }


def word_count(text):
    return len(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", text)))


def _content(page):
    """The page's content, without the block ids a StreamField gives every new block."""

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "id"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    data = page.serializable_data()
    for name, value in data.items():
        if isinstance(value, str) and value.startswith("[{"):
            with suppress(ValueError):
                data[name] = strip(json.loads(value))
    return strip(data)


class Publisher:
    """Creates and publishes pages and media, remembering what to index afterwards."""

    def __init__(self):
        self.touched = defaultdict(set)  # model class → pks to put in the search index
        self.referencing = set()  # pages whose references (images, documents, pages) to index
        self.files = []  # storage names written; removed again if the load fails
        self.counts = Counter()
        self._slugs = {}
        # Nothing happens after the horizon (the moment of the load): a page created before it
        # but published after stays a draft; anything later is not made at all.
        self.horizon = None

    def happened(self, moment):
        return self.horizon is None or moment <= self.horizon

    # ------------------------------------------------------------ pages
    def unique_slug(self, parent, text):
        used = self._slugs.get(parent.pk)
        if used is None:
            used = set(Page.objects.child_of(parent).values_list("slug", flat=True))
            self._slugs[parent.pk] = used
        base = vn_slug(text)
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        return slug

    def create(self, parent, page, *, author, created, approver=None, published=None, refs=False):
        """Add ``page`` under ``parent`` as a draft by ``author``; publish it if asked.
        None if ``created`` is after the horizon."""
        if not self.happened(created):
            return None
        if published is not None and not self.happened(published):
            published = None
        if not page.slug:
            page.slug = self.unique_slug(parent, page.title)
        else:
            self._slugs.setdefault(parent.pk, set()).add(page.slug)
        page.owner = author
        page.live = False
        with simulated_now(created), LogContext(user=author):
            parent.add_child(instance=page)
            # add_child has just run full_clean; the revision needs no second one.
            revision = page.save_revision(user=author, clean=False)
        if published is not None:
            self.publish_revision(revision, approver or author, published)
            self.counts[type(page).__name__] += 1
        self.touch(page, refs)
        return page

    def publish_revision(self, revision, user, when, changed=True):
        with simulated_now(when), LogContext(user=user):
            revision.publish(user=user, changed=changed)

    def update(self, page, change, *, author, edited, approver=None, published=None, refs=False):
        """Edit a page (``change`` mutates a fresh copy), save a revision, publish it; nothing
        if ``edited`` is after the horizon or the change changes nothing."""
        if not self.happened(edited):
            return page
        if published is not None and not self.happened(published):
            published = None
        page = Page.objects.get(pk=page.pk).specific
        before = _content(page)
        change(page)
        if page.live and _content(page) == before:
            # Last year's text again: an editor would not publish it a second time.
            return page
        with simulated_now(edited), LogContext(user=author):
            revision = page.save_revision(user=author)
        if published is not None:
            self.publish_revision(revision, approver or author, published)
        self.touch(page, refs)
        return page

    def republish_unchanged(self, page, *, user, when):
        """Publish the page again with nothing changed (a "for show" update)."""
        if not self.happened(when):
            return page
        page = Page.objects.get(pk=page.pk).specific
        with simulated_now(when), LogContext(user=user):
            revision = page.save_revision(user=user, changed=False)
            revision.publish(user=user, changed=False)
        self.counts["republished_unchanged"] += 1
        return page

    def touch(self, obj, refs=False):
        model = type(obj)
        if class_is_indexed(model):
            self.touched[model].add(obj.pk)
        if refs:
            self.referencing.add((model, obj.pk))

    def touch_tree(self, root):
        """Everything under ``root`` (pages built by provisioning) goes in the index too."""
        for page in Page.objects.descendant_of(root, inclusive=True).specific():
            self.touch(page)

    # ------------------------------------------------------------ media
    def image(self, *, name, data, title, description, collection, user, when, size):
        Image = get_image_model()
        image = Image(
            title=title,
            description=description,
            collection=collection,
            uploaded_by_user=user,
            width=size[0],
            height=size[1],
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),  # (Wagtail's own hash)
        )
        with simulated_now(when):
            image.file.save(name, ContentFile(data), save=False)
            self.files.append(image.file.name)
            # Django re-reads the dimensions from the just-consumed buffer and gets nothing.
            image.width, image.height = size
            image.save()
        self.touch(image)
        self.counts["images"] += 1
        return image

    def document(self, *, name, data, title, collection, user, when):
        Document = get_document_model()
        document = Document(
            title=title,
            collection=collection,
            uploaded_by_user=user,
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),  # (Wagtail's own hash)
        )
        with simulated_now(when):
            document.file.save(name, ContentFile(data), save=False)
            self.files.append(document.file.name)
            document.save()
        self.touch(document)
        self.counts["documents"] += 1
        return document

    def remove_files(self):
        for name in self.files:
            default_storage.delete(name)
        self.files.clear()

    # ------------------------------------------------------------ indexes
    def index(self):
        """Search entries and reference records for everything created, once each."""
        backends = list(get_search_backends(with_auto_update=True))
        for model, pks in self.touched.items():
            objects = list(model.objects.filter(pk__in=pks))
            for backend in backends:
                backend.add_bulk(model, objects)
        by_model = defaultdict(list)
        for model, pk in self.referencing:
            by_model[model].append(pk)
        for model, pks in by_model.items():
            for obj in model.objects.filter(pk__in=pks):
                ReferenceIndex.create_or_update_for_object(obj)
