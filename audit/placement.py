"""Where a page of the log belongs: its school, its blueprint section, its model's traits and
its address inside the school's site. Office pages belong to no school and are left out."""

from dataclasses import dataclass
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from page_types.models import MandatedSection, SectionPage
from tenants.models import School

STEP = Page.steplen
CHUNK = 500


@dataclass(frozen=True)
class PageContext:
    school_id: int
    section_key: str
    page_model: str
    is_post: bool
    is_item: bool
    url_path: str


@lru_cache(maxsize=256)
def model_for_content_type(content_type_id):
    if content_type_id is None:
        return None
    return ContentType.objects.get_for_id(content_type_id).model_class()


def resolve_contexts(page_ids):
    """{page_id: PageContext} for existing pages of school sites (office pages are skipped)."""
    result = {}
    page_ids = list(page_ids)
    for start in range(0, len(page_ids), CHUNK):
        pages = list(
            Page.objects.filter(pk__in=page_ids[start : start + CHUNK]).values(
                "id", "path", "depth", "content_type_id", "url_path"
            )
        )
        roots = {p["path"][: 2 * STEP] for p in pages if p["depth"] >= 2}
        schools = {
            row["root_page__path"]: (row["id"], row["root_page__url_path"])
            for row in School.objects.filter(root_page__path__in=roots).values(
                "id", "root_page__path", "root_page__url_path"
            )
        }
        ancestor_paths = {
            p["path"][: STEP * depth] for p in pages for depth in range(3, p["depth"] + 1)
        }
        keys = dict(
            MandatedSection.objects.filter(
                page__path__in=ancestor_paths, school__isnull=False
            ).values_list("page__path", "key")
        )
        for page in pages:
            school = schools.get(page["path"][: 2 * STEP])
            model = model_for_content_type(page["content_type_id"])
            if school is None or model is None:
                continue
            key = ""
            for depth in range(page["depth"], 2, -1):
                key = keys.get(page["path"][: STEP * depth], "")
                if key:
                    break
            own_section = page["path"] in keys
            root_url = school[1] or "/"
            url = page["url_path"] or ""
            result[page["id"]] = PageContext(
                school_id=school[0],
                section_key=key,
                page_model=model._meta.label_lower,
                is_post=bool(getattr(model, "is_post", False)),
                is_item=page["depth"] > 2
                and not own_section
                and not issubclass(model, SectionPage),
                url_path="/" + url[len(root_url) :] if url.startswith(root_url) else url,
            )
    return result
