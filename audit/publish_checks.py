"""The audit's checks before publishing (page_types/publish_checks.py): what the office's
dashboard would later flag as "only for show" (flags.py), told to the author first, with the
thresholds of the rubric that scores the school: thin text, a displayed date backdated too far,
text very similar to an earlier post of the same school (the audit's MinHash, duplicates.py).

The audit flags these on a page's first publication only (later edits are updates, not posts),
so a page already published is not checked."""

from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail import hooks

from page_types.publish_checks import HOOK, PublishWarning
from tenants.clock import local_date, local_today
from tenants.models import School

from .duplicates import band_buckets, similarity
from .flags import date_text
from .models import ActivityEvent, EventKind, MinHashBand
from .rubric_choice import rubric_for
from .text import content_facts, thin_exempt_models


def _school(page, parent):
    return School.for_page(parent if page.pk is None else page)


def _first_publication(page):
    return getattr(page, "is_post", False) and not page.first_published_at


def _publish_day(page):
    """The day the audit will date the post: its scheduled go-live, else today."""
    return local_date(page.go_live_at) if page.go_live_at else local_today()


def _earlier_duplicate(school, page, signature, threshold):
    """The same school's most similar earlier post at or above the threshold, or None."""
    match = Q()
    for band, bucket in band_buckets(signature):
        match |= Q(band=band, bucket=bucket)
    candidates = ActivityEvent.objects.filter(
        pk__in=MinHashBand.objects.filter(match).values("event_id"),
        kind=EventKind.POST,
        school=school,
    ).only("title", "timestamp", "minhash", "page_id")
    if page.pk:
        candidates = candidates.exclude(page_id=page.pk)
    best = None
    for other in candidates:
        sim = similarity(signature, other.minhash)
        if sim >= threshold and (best is None or sim > best[1]):
            best = (other, sim)
    return best


def check_posts(page, parent):
    if not _first_publication(page):
        return []
    school = _school(page, parent)
    if school is None:
        return []
    rubric = rubric_for(school)
    model = type(page)
    facts = content_facts(model, page.serializable_data(), with_signature=True)
    warnings = []
    if (
        model._meta.label_lower not in thin_exempt_models()
        and facts.word_count < rubric.thin_min_words
        and facts.attachment_count == 0
        and facts.image_count <= rubric.thin_max_images
    ):
        warnings.append(
            PublishWarning(
                "thin",
                _(
                    "Bài sơ sài: nội dung mới có %(words)s chữ (cần từ %(min)s chữ, hoặc thêm "
                    "ảnh, tệp đính kèm). Phòng/Sở sẽ thấy bài bị đánh dấu “Bài sơ sài”; hãy viết "
                    "thêm ở ô “Nội dung”."
                )
                % {"words": facts.word_count, "min": rubric.thin_min_words},
            )
        )
    if facts.displayed_date:
        lag = (_publish_day(page) - facts.displayed_date).days
        if lag > rubric.backdated_days:
            warnings.append(
                PublishWarning(
                    "backdated",
                    _(
                        "Lùi ngày đăng: ô “Ngày” ghi %(shown)s, sớm hơn ngày đăng %(lag)s ngày "
                        "(quá %(limit)s ngày). Nếu bài đăng hôm nay, hãy sửa ngày cho đúng."
                    )
                    % {
                        "shown": date_text(facts.displayed_date),
                        "lag": lag,
                        "limit": rubric.backdated_days,
                    },
                )
            )
    if facts.minhash is not None and not facts.shared_from_office:
        found = _earlier_duplicate(school, page, facts.minhash, rubric.duplicate_similarity)
        if found:
            other, sim = found
            warnings.append(
                PublishWarning(
                    "duplicate",
                    _(
                        "Bài trùng lặp: nội dung giống %(pct)s%% bài “%(title)s” trường đã đăng "
                        "ngày %(day)s. Hãy viết nội dung mới cho sự việc này."
                    )
                    % {
                        "pct": round(sim * 100),
                        "title": other.title,
                        "day": date_text(local_date(other.timestamp)),
                    },
                )
            )
    return warnings


hooks.register(HOOK, check_posts)
