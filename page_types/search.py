"""Public search (/tim-kiem/): the live, public pages of the host's own site, ranked.

The index holds each page's folded title and text (PortalPage.search_fields), and the query is
folded the same way, so one normalisation serves SQLite's FTS5 and PostgreSQL's tsvector and
no database extension (unaccent) is needed. Excerpts come from the page's own text, with the
folded matches mapped back to the original characters for highlighting."""

import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page

from tenants.models import Authority, School
from tenants.vietnamese import MAX_QUERY_LENGTH, fold_with_offsets, query_terms

from .search_text import page_text

PER_PAGE = 10
# The scope parameter on the office host: its own pages, or every school of the office.
SCOPE_SCHOOLS = "truong"
EXCERPT_CHARS = 240


@dataclass
class Hit:
    title: object
    url: str
    excerpt: object
    kind: str
    school_name: str = ""


def _office_school_roots(site):
    authority = Authority.objects.filter(site_id=site.pk).first()
    if authority is None:
        return School.objects.none()
    return authority.schools_in_subtree().filter(is_active=True, root_page__isnull=False)


def base_queryset(site, scope=""):
    """Live, public pages a reader of this host may find: its own site, or (office host,
    scope "truong") the sites of the office's schools."""
    pages = Page.objects.live().public()
    if site.hostname == settings.PORTAL_DOMAIN and scope == SCOPE_SCHOOLS:
        paths = list(_office_school_roots(site).values_list("root_page__path", flat=True))
        if not paths:
            return pages.none()
        prefix = Q()
        for path in paths:
            prefix |= Q(path__startswith=path)
        return pages.filter(prefix)
    return pages.descendant_of(site.root_page, inclusive=True)


def run_search(site, query, scope=""):
    terms = query_terms(query[:MAX_QUERY_LENGTH])
    if not terms:
        return terms, None
    pages = base_queryset(site, scope)
    if connection.vendor == "sqlite":
        return terms, _sqlite_ranked(pages, " ".join(terms))
    # PostgreSQL: ts_rank with the title's boost, then the newest (highest id) first.
    return terms, pages.search(" ".join(terms), operator="and")


def _sqlite_ranked(pages, text):
    """Matches ordered as PostgreSQL's ranking orders them in practice: pages whose title has
    every term first, then the newest first. Wagtail's SQLite ranking multiplies the bm25
    scores (negative numbers) of the terms, so for two or more terms its order is noise, and
    it weighs the title like the body. The matching itself is the backend's (FTS5)."""
    everything = pages.search(text, operator="and", order_by_relevance=False).get_queryset()
    in_title = pages.search(
        text, fields=["title"], operator="and", order_by_relevance=False
    ).get_queryset()
    return everything.annotate(
        title_hit=ExpressionWrapper(Q(pk__in=in_title.values("pk")), BooleanField())
    ).order_by("-title_hit", F("first_published_at").desc(nulls_last=True), "-pk")


def highlight(text, terms, width=EXCERPT_CHARS):
    """A window of `text` around the first match, every term wrapped in <mark>, escaped."""
    folded, offsets = fold_with_offsets(text)
    original = unicodedata.normalize("NFC", text)
    spans = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            # Whole words only, as the index matches them ("tru" is not in "trường").
            if (start == 0 or not folded[start - 1].isalnum()) and (
                end == len(folded) or not folded[end].isalnum()
            ):
                spans.append((offsets[start], offsets[end - 1] + 1))
            start = folded.find(term, end)
    spans.sort()
    if spans:
        first = spans[0][0]
        begin = max(0, first - width // 3)
        # Start on a word boundary.
        if begin:
            space = original.rfind(" ", 0, begin)
            begin = space + 1 if space != -1 and begin - space < 30 else begin
    else:
        begin = 0
    stop = min(len(original), begin + width)
    out = ["…" if begin else ""]
    cursor = begin
    for start, end in spans:
        if end <= cursor or start >= stop:
            continue
        start = max(start, cursor)
        out.append(escape(original[cursor:start]))
        out.append(f"<mark>{escape(original[start : min(end, stop)])}</mark>")
        cursor = min(end, stop)
    out.append(escape(original[cursor:stop]))
    if stop < len(original):
        out.append("…")
    return mark_safe("".join(out))  # every piece above is escaped


def _school_hosts(pages):
    roots = {page.path[: 2 * Page.steplen] for page in pages}
    schools = School.objects.filter(root_page__path__in=roots).select_related("root_page")
    return {s.root_page.path: s for s in schools}


def hits_for(pages, terms, site, across_schools=False):
    """Result rows for one page of results: specific pages loaded in one query per type."""
    ids = [page.pk for page in pages]
    specific = {p.pk: p for p in Page.objects.filter(pk__in=ids).specific()}
    schools = _school_hosts(pages) if across_schools else {}
    root_url_path = site.root_page.url_path
    hits = []
    for pk in ids:
        page = specific.get(pk)
        if page is None:
            continue
        school = schools.get(page.path[: 2 * Page.steplen])
        if school is not None:
            url = school.root_url + "/" + page.url_path[len(school.root_page.url_path) :]
        else:
            url = "/" + page.url_path[len(root_url_path) :]
        hits.append(
            Hit(
                title=highlight(page.title, terms, width=500),
                url=url,
                excerpt=highlight(page_text(page), terms),
                kind=str(page._meta.verbose_name),
                school_name=school.name if school else "",
            )
        )
    return hits


def paginate(results, number):
    paginator = Paginator(results, PER_PAGE)
    return paginator.get_page(number)
