"""Adding many new pages at once, as `add_child` makes them one by one.

A province's import is thousands of schools of ~25 pages each, and `add_child` costs a dozen
queries a page (validation, the parent's locale, the last sibling's path, an insert into each
table, the log row): most of a school's provisioning time. Here a batch of new pages is
planned in Python (treebeard's materialised paths, depth and numchild; Wagtail's url_path,
draft title and locale) and written with one insert per table, so a batch costs the same
number of queries whatever its size.

Pages get exactly what `add_child` gives a new page and nothing more: no revision, one
`wagtail.create` log row each (which no reader of the log counts as a publication), and no
search entry or post_save signal; callers index the pages in bulk and announce them with a
batch signal (tenants' `schools_provisioned`)."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F, Max
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry


class PageTree:
    """New pages under existing pages (or under pages added to the same tree before them).

    tree = PageTree(); home = tree.add(root, HomePage(...)); tree.add(home, StandardPage(...))
    tree.save()  # every page now has its id, path, depth, numchild and url_path"""

    def __init__(self):
        self._children = defaultdict(list)  # id(parent) -> its new children, in order
        self._parents = {}  # id(parent) -> parent
        self.pages = []

    def add(self, parent, page):
        self._parents[id(parent)] = parent
        self._children[id(parent)].append(page)
        self.pages.append(page)
        return page

    @transaction.atomic
    def save(self):
        if not self.pages:
            return []
        new = {id(page) for page in self.pages}
        existing = [p for key, p in self._parents.items() if key not in new]
        if any(parent.pk is None for parent in existing):
            raise ValueError("A parent is neither saved nor added to this tree before.")
        last_paths = _last_child_paths(existing)
        self._refuse_taken_slugs(existing)
        for parent in existing:
            self._place_children(parent, last_paths.get(parent.path))
        for page in self.pages:
            _clean(page)
        _insert(self.pages)
        _log_creation(self.pages)
        # The existing parents gained children: one UPDATE per distinct count.
        by_count = defaultdict(list)
        for parent in existing:
            count = len(self._children[id(parent)])
            by_count[count].append(parent.pk)
            parent.numchild += count
        for count, pks in by_count.items():
            Page.objects.filter(pk__in=pks).update(numchild=F("numchild") + count)
        return self.pages

    def _place_children(self, parent, last_path):
        """Paths as treebeard's add_child gives them: after the last existing child."""
        children = self._children.get(id(parent), [])
        first = Page._str2int(last_path[-Page.steplen :]) + 1 if last_path else 1
        depth = parent.depth + 1
        slugs = set()
        for n, page in enumerate(children):
            if page.slug in slugs:
                raise ValidationError({"slug": _slug_taken(page.slug, parent)})
            slugs.add(page.slug)
            page.path = Page._get_path(parent.path, depth, first + n)
            page.depth = depth
            page.numchild = len(self._children.get(id(page), []))
            page.set_url_path(parent)
            if not page.draft_title:
                page.draft_title = page.title
            if page.locale_id is None:
                page.locale_id = parent.locale_id
            self._place_children(page, None)

    def _refuse_taken_slugs(self, existing):
        """A new page may not take a slug its existing parent's children already use (as
        Wagtail's validation refuses): one query for the whole batch."""
        wanted = {
            (parent.path, page.slug) for parent in existing for page in self._children[id(parent)]
        }
        if not wanted:
            return
        taken = set()
        for depth, paths in _by_depth(existing).items():
            taken |= set(
                Page.objects.annotate(parent_path=Substr("path", 1, depth * Page.steplen))
                .filter(
                    depth=depth + 1,
                    parent_path__in=paths,
                    slug__in={slug for _path, slug in wanted},
                )
                .values_list("parent_path", "slug")
            )
        for parent in existing:
            for page in self._children[id(parent)]:
                if (parent.path, page.slug) in taken:
                    raise ValidationError({"slug": _slug_taken(page.slug, parent)})


def _slug_taken(slug, parent):
    return _("Đường dẫn “%(slug)s” đã có dưới trang “%(parent)s”.") % {
        "slug": slug,
        "parent": parent.title,
    }


def _by_depth(parents):
    groups = defaultdict(list)
    for parent in parents:
        groups[parent.depth].append(parent.path)
    return groups


def _last_child_paths(parents):
    """{parent path: path of its last child} for these saved pages, one query per depth."""
    found = {}
    for depth, paths in _by_depth(parents).items():
        rows = (
            Page.objects.annotate(parent_path=Substr("path", 1, depth * Page.steplen))
            .filter(depth=depth + 1, parent_path__in=paths)
            .values("parent_path")
            .annotate(last=Max("path"))
            .values_list("parent_path", "last")
        )
        found.update(rows)
    return found


def _clean(page):
    """What Wagtail's save validates, without its queries: a live page's field values (its
    relations are ours), a draft's title. Slugs are checked by the tree above."""
    if page.live:
        page.clean_fields(exclude=[f.name for f in page._meta.fields if f.is_relation])
    else:
        page.title = page._meta.get_field("title").clean(page.title, page)


def _insert(pages):
    """The base rows in one bulk insert, then each concrete table below Page in one insert
    per model (Django's bulk_create refuses multi-table inheritance; the ids are known)."""
    Page.objects.bulk_create(pages)
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, objs in by_model.items():
        for concrete in reversed([model, *model._meta.get_parent_list()]):
            if concrete is Page or concrete._meta.proxy:
                continue
            ptr = concrete._meta.pk
            for obj in objs:
                setattr(obj, ptr.attname, obj.id)
            fields = [f for f in concrete._meta.local_concrete_fields if not f.generated]
            size = max(1, connection.ops.bulk_batch_size(fields, objs))
            for start in range(0, len(objs), size):
                concrete._base_manager._insert(objs[start : start + size], fields=fields)
    for page in pages:
        page._state.adding = False
        page._state.db = Page.objects.db


def _log_creation(pages):
    """The `wagtail.create` row Page.save writes for a new page (user: its owner, else the
    log context's), one bulk insert."""
    context = get_active_log_context()
    now = timezone.now()
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
                label=page.get_admin_display_title(),
                action="wagtail.create",
                timestamp=now,
                data={},
                page_id=page.pk,
                user_id=page.owner_id or getattr(context.user, "pk", None),
                uuid=context.uuid,
                content_changed=True,
            )
            for page in pages
        ],
        batch_size=2000,
    )
