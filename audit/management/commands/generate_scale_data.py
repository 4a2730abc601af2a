"""A province-size data set for the benchmarks (bench/audit, bench/office_screens).

A Sở above commune offices, each office with an admin and an auditor, and schools made by the
same provisioning as an import (`create_schools`: groups, permissions, collections, sites and
the blueprint's page trees), so the office admins hold their rights as a real office's do
(through the authority tree, no row per school). Then a year of publication history:
bulk-created publication-log rows (`PageLogEntry`, the ledger's source) with the ledger rows
and daily rollup derived from them by the ledger's own pure functions. The posts' pages and revisions are not created, so `audit_rebuild` keeps
the stored facts, as for deleted pages. Deterministic for a given seed."""

import datetime
import functools
import random
import struct
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from audit.classification import event_fields, post_gaps, rollup_rows
from audit.duplicates import NUM_PERM, band_buckets
from audit.models import ActivityEvent, DailyActivity, EventKind, MinHashBand
from audit.rebuild import analyze
from page_types.blueprint.seed import DEFAULT_BLUEPRINT
from page_types.models import MandatedSection
from tenants.clock import monday_of
from tenants.importing import BATCH_SIZE
from tenants.models import Authority, Level, School
from tenants.provisioning import SchoolData, add_member, create_authority, create_schools

PROVINCE = "SO-BENCH"
PASSWORD = "bench-matkhau-123"  # the benchmark's logins, local data only
HISTORY_END = datetime.date(2025, 5, 31)
HISTORY_DAYS = 365
# Share of the year's posts by blueprint section (the post type each holds is the blueprint's).
POST_SHARES = {
    "tin-tuc": 0.55,
    "thong-bao": 0.15,
    "van-ban": 0.07,
    "ke-hoach": 0.08,
    "thuc-don": 0.08,
    "lich-cong-tac": 0.07,
}


@functools.cache
def post_model(key):
    """The post type a blueprint section holds: the one post type its index page allows."""
    section = next(section for section in DEFAULT_BLUEPRINT if section.slug == key)
    (model,) = (m for m in section.model.allowed_subpage_models() if getattr(m, "is_post", False))
    return model._meta.label_lower


# Share of schools by behaviour, and mean posts per active week.
PROFILES = (
    ("diligent", 0.45, 1.8),
    ("average", 0.35, 0.9),
    ("stale", 0.1, 0.8),
    ("show", 0.1, 0.3),
)


class Command(BaseCommand):
    help = "Tạo bộ dữ liệu quy mô tỉnh (đơn vị, trường, trang mục, một năm lịch sử đăng bài) để đo hiệu năng."

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, default=3500)
        parser.add_argument("--per-authority", type=int, default=35)
        parser.add_argument("--seed", type=int, default=2016)

    def handle(self, *args, **options):
        if options["schools"] < 1:
            raise CommandError("--schools: cần ít nhất 1 trường.")
        if Authority.objects.filter(code=PROVINCE).exists():
            raise CommandError(
                f"Đã có đơn vị {PROVINCE}: bộ dữ liệu đã được tạo; dùng một cơ sở dữ liệu mới."
            )
        rng = random.Random(options["seed"])
        started = timezone.now()
        with transaction.atomic():
            province, _ = create_authority(
                PROVINCE, "Sở Giáo dục và Đào tạo (dữ liệu đo hiệu năng)", kind=Authority.Kind.SO
            )
            count = options["schools"]
            per = max(1, options["per_authority"])
            communes = []
            for i in range((count + per - 1) // per):
                commune, _ = create_authority(
                    f"XA-{i + 1:03d}",
                    f"Phòng Văn hóa – Xã hội xã số {i + 1}",
                    parent_code=PROVINCE,
                    kind=Authority.Kind.XA,
                )
                communes.append(commune)
            self._members(province, communes)
        schools = self._schools(count, communes, rng)
        with transaction.atomic():
            add_member("bench-1.bientap", "editor", school=schools[0], password=PASSWORD)
            events = self._history(schools, rng)
        # Fresh statistics, or PostgreSQL plans the audit's queries for empty tables.
        analyze(ActivityEvent, DailyActivity, School, Page, MandatedSection)
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(
            f"Đã tạo {len(communes)} đơn vị cấp xã, {len(schools)} trường, {events} sự kiện "
            f"trong {seconds:.0f} giây. Đăng nhập đo hiệu năng (mật khẩu {PASSWORD}): "
            "bench-admin (Sở), bench-xa-001.quantri (xã số 1), bench-1.bientap (trường số 1)."
        )

    def _members(self, province, communes):
        """An admin and an auditor for every office; passwords only for the bench's logins
        (hashing one costs a third of a second)."""
        add_member("bench-admin", "admin", authority=province, password=PASSWORD)
        add_member("bench-so.kiemtra", "auditor", authority=province)
        for n, office in enumerate(communes):
            login = office.code.lower()
            add_member(
                f"bench-{login}.quantri",
                "admin",
                authority=office,
                password=PASSWORD if n == 0 else None,
            )
            add_member(f"bench-{login}.kiemtra", "auditor", authority=office)

    def _schools(self, count, communes, rng):
        """Through the import's provisioning, one transaction per batch."""
        levels = [Level.MN] * 45 + [Level.TH] * 35 + [Level.THCS] * 20
        rows = []
        for i in range(count):
            level = levels[i % len(levels)]
            rows.append(
                SchoolData(
                    code=f"B{i + 1:06d}",
                    name=f"Trường {Level(level).label} số {i + 1}",
                    level=level,
                    authority=communes[i * len(communes) // count].code,
                    slug=f"bench-{i + 1}",
                    extra={"serves_meals": level == Level.MN or rng.random() < 0.5},
                )
            )
        schools = []
        for start in range(0, count, BATCH_SIZE):
            schools += create_schools(rows[start : start + BATCH_SIZE])
            self.stderr.write(f"\r{len(schools)}/{count} trường", ending="")
        self.stderr.write("")
        return schools

    def _log_entries(self, events):
        """The publication log behind the events (bulk-created, as the ledger's source)."""
        content_types = {
            model: ContentType.objects.get_by_natural_key(*model.split("."))
            for model in map(post_model, POST_SHARES)
        }
        entries = [
            PageLogEntry(
                page_id=event.page_id,
                content_type=content_types[event.page_model],
                label=event.title,
                action="wagtail.publish",
                timestamp=event.timestamp,
                data={},
                content_changed=event.kind != EventKind.UNCHANGED,
            )
            for event in events
        ]
        PageLogEntry.objects.bulk_create(entries, batch_size=5000)
        for event, entry in zip(events, entries, strict=True):
            event.log_entry_id = entry.pk

    def _history(self, schools, rng):
        start = HISTORY_END - datetime.timedelta(days=HISTORY_DAYS - 1)
        tz = timezone.get_current_timezone()
        next_page = 10_000_000
        all_events = []
        for school in schools:
            name, _share, rate = _pick(rng, PROFILES)
            events = []
            day = start
            while day <= HISTORY_END:
                monday = monday_of(day)
                summer = day.month in (6, 7, 8)
                weekly = rate * (0.2 if summer else 1.0)
                if name == "stale" and day > datetime.date(2024, 11, 30):
                    weekly = 0.05
                posts = _poisson(rng, weekly)
                burst = name == "show" and day.month in (11, 4) and 14 <= day.day < 21
                if burst:
                    posts += 9  # crammed into one afternoon before an inspection
                for _ in range(posts):
                    offset = 3 if burst else rng.randrange(0, 5)
                    hour = rng.randrange(13, 17) if burst else rng.randrange(7, 17)
                    when = datetime.datetime.combine(
                        monday + datetime.timedelta(days=offset),
                        datetime.time(hour, rng.randrange(0, 60)),
                        tzinfo=tz,
                    )
                    if when.date() > HISTORY_END or when.date() < start:
                        continue
                    key = _pick(rng, list(POST_SHARES.items()))[0]
                    if key == "thuc-don" and not school.serves_meals:
                        key = "tin-tuc"
                    next_page += 1
                    words = (
                        rng.randrange(8, 25)
                        if name == "show" and rng.random() < 0.5
                        else rng.randrange(60, 400)
                    )
                    events.append(
                        _event(school, key, next_page, when, EventKind.POST, words, rng, name)
                    )
                    post_hash = events[-1].content_hash
                    if rng.random() < 0.25:
                        later = when + datetime.timedelta(days=rng.randrange(0, 10), hours=1)
                        kind = (
                            EventKind.UNCHANGED
                            if name == "show" and rng.random() < 0.5
                            else EventKind.UPDATE
                        )
                        if later.date() <= HISTORY_END:
                            again = _event(school, key, next_page, later, kind, words, rng, name)
                            # An unchanged re-publication has the digest of what was published.
                            again.content_hash = (
                                post_hash if kind == EventKind.UNCHANGED else _digest(rng)
                            )
                            events.append(again)
                day += datetime.timedelta(days=7)
            events.sort(key=lambda e: e.timestamp)
            posts = [e for e in events if e.kind == EventKind.POST]
            for post, gap in zip(
                posts, post_gaps([(e.timestamp, e.log_entry_id) for e in posts]), strict=True
            ):
                post.gap_seconds = gap
            all_events.extend(events)
        # Copies: a share of the for-show schools' news repeat an earlier post of another school.
        # Originals and copies carry MinHash signatures that agree on the stated share of
        # positions, so `audit_rebuild` finds the same pairs again.
        news = [e for e in all_events if e.kind == EventKind.POST and e.section_key == "tin-tuc"]
        news.sort(key=lambda e: e.timestamp)
        copies = []
        copied = set()  # a copy is never the original of another (rebuild picks the earliest)
        for event in news:
            if event.extra_show and rng.random() < 0.15:
                original = news[rng.randrange(0, max(1, len(news) // 50))]
                if (
                    original.timestamp < event.timestamp
                    and original.school_id != event.school_id
                    and id(original) not in copied
                ):
                    if original.minhash is None:
                        original.minhash = _signature(rng)
                    similarity = rng.choice((0.9140625, 0.953125, 1.0))
                    event.minhash = _signature(rng, like=original.minhash, share=similarity)
                    copies.append((event, original, similarity))
                    copied.add(id(event))
        self._log_entries(all_events)
        ActivityEvent.objects.bulk_create(all_events, batch_size=5000)
        for event, original, similarity in copies:
            event.duplicate_of_id = original.pk
            event.duplicate_similarity = similarity
        copies = [event for event, _original, _similarity in copies]
        ActivityEvent.objects.bulk_update(
            copies, ["duplicate_of", "duplicate_similarity"], batch_size=2000
        )
        MinHashBand.objects.bulk_create(
            [
                MinHashBand(event_id=event.pk, band=band, bucket=bucket)
                for event in all_events
                if event.minhash
                for band, bucket in band_buckets(event.minhash)
            ],
            batch_size=5000,
        )
        rows = rollup_rows(all_events)
        DailyActivity.objects.bulk_create(
            [
                DailyActivity(school_id=s, day=d, section_key=k, **counters)
                for (s, d, k), counters in rows.items()
            ],
            batch_size=5000,
        )
        return len(all_events)


def _digest(rng):
    return f"{rng.getrandbits(160):040x}"


def _signature(rng, like=None, share=1.0):
    """A MinHash signature: random, or agreeing with `like` on `share` of its positions."""
    values = [rng.getrandbits(61) for _ in range(NUM_PERM)]
    if like is not None:
        kept = round(share * NUM_PERM)
        values[:kept] = struct.unpack(f"<{NUM_PERM}Q", like)[:kept]
    return struct.pack(f"<{NUM_PERM}Q", *values)


def _pick(rng, weighted):
    """An item of [(value, weight, …)] chosen with probability proportional to its weight."""
    mark = rng.random() * sum(item[1] for item in weighted)
    for item in weighted:
        mark -= item[1]
        if mark <= 0:
            return item
    return weighted[-1]


def _poisson(rng, mean):
    # Knuth's method: small means only.
    limit, k, p = pow(2.718281828, -mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _event(school, key, page_id, when, kind, words, rng, profile):
    """A ledger row as the ledger makes it (`event_fields`) from a generated log row."""
    day = timezone.localtime(when).date()
    lag = 0
    if profile == "show" and kind == EventKind.POST and rng.random() < 0.2:
        lag = rng.randrange(8, 40)
    row = SimpleNamespace(
        log_entry_id=None,
        context=SimpleNamespace(
            school_id=school.pk,
            section_key=key,
            page_model=post_model(key),
            is_item=True,
            url_path=f"/{key}/bai-{page_id}/",
        ),
        moved_from_section="",
        moved_from_school_id=None,
        page_id=page_id,
        title=f"Bài {page_id}",
        kind=kind,
        timestamp=when,
        revision_id=None,
        content_hash=_digest(rng),
        displayed_date=day - datetime.timedelta(days=lag),
        # Menus and weekly schedules are for the next week.
        period_start=monday_of(day) + datetime.timedelta(days=7)
        if key in ("thuc-don", "lich-cong-tac")
        else None,
        word_count=words,
        attachment_count=0 if words < 30 else rng.randrange(0, 2),
        image_count=rng.randrange(0, 3),
        minhash=None,
        shared_from_office=False,
        live_after=True,
        items_delta=1 if kind == EventKind.POST else 0,
    )
    event = ActivityEvent(**event_fields(row))
    event.extra_show = profile == "show"
    return event
