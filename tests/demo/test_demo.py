"""The demo data (``load_demo``, ``demo_logins``): what a visitor, an office auditor and the
audit see after ``make run``.

The full demo is loaded once for the ``TestFullDemo`` class, with the clock on 01/12/2026 (inside
a transaction rolled back at the end, so other test modules start clean): school year 2026-2027
up to that day and 2025-2026 complete. The reduced ``--schools N`` variant covers idempotency,
resuming and atomicity."""

import datetime
import io
from collections import defaultdict

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

from demo import data as demo_data
from demo.loader import DEMO_PASSWORD
from demo.years import DemoYear
from page_types.models import (
    AnnouncementPage,
    DisclosureItemPage,
    DisclosureYearPage,
    MandatedSection,
    NewsArticlePage,
    WeeklyMenuPage,
)
from tenants.clock import TZ, at, monday_of, simulated_now
from tenants.models import Authority, Membership, School

TODAY = datetime.date(2026, 12, 1)
NOW = at(TODAY, 18, 0)
# The complete year before today's: 2025-2026.
YEAR_FROM = datetime.datetime(2025, 9, 1, tzinfo=TZ)
YEAR_TO = datetime.datetime(2026, 6, 1, tzinfo=TZ)
# The structure deadline of letter 1636 (25/11/2016) as the demo moves it into 2025-2026.
DEADLINE = at(DemoYear(2025).day(datetime.date(2016, 11, 25)), 0, 0)


def load(*args, now=NOW):
    out = io.StringIO()
    with simulated_now(now):
        call_command("load_demo", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "log": PageLogEntry.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": Membership.objects.count(),
        "schools": School.objects.count(),
    }


def _post_models():
    from django.apps import apps

    return [
        m
        for m in apps.get_app_config("page_types").get_models()
        if issubclass(m, Page) and getattr(m, "is_post", False)
    ]


def first_publications(school, start=YEAR_FROM, end=YEAR_TO):
    """Real first-publication times of a school's posts, from Wagtail's log only."""
    post_ids = set()
    for model in _post_models():
        post_ids |= set(model.objects.descendant_of(school.root_page).values_list("pk", flat=True))
    first = {}
    for page_id, stamp in (
        PageLogEntry.objects.filter(page_id__in=post_ids, action="wagtail.publish")
        .order_by("timestamp")
        .values_list("page_id", "timestamp")
    ):
        first.setdefault(page_id, stamp)
    return sorted(t for t in first.values() if start <= t < end)


@pytest.fixture(scope="class")
def full_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo, loaded once for the class and rolled back afterwards."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            output = load()
            yield {"output": output, "counts": counts()}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.mark.usefixtures("full_demo")
class TestFullDemo:
    def test_load_reports(self, db, full_demo):
        # How long it takes is measured by `time manage.py load_demo`, not asserted here.
        assert "Đã nạp dữ liệu mẫu" in full_demo["output"]
        assert "12 trường mới" in full_demo["output"]

    def test_office_and_schools_per_level(self, db):
        authority = Authority.objects.get(code="PGD-CUCHI")
        assert authority.name == "Phòng Giáo dục và Đào tạo huyện Củ Chi"
        schools = authority.schools_in_subtree()
        by_level = defaultdict(int)
        for school in schools:
            by_level[school.level] += 1
            assert len(school.code) == 8 and school.code.isdigit()
            assert school.email.endswith("@cuchi.edu.vn")
            assert school.site_id and school.collection_id and school.principal
        assert by_level["MN"] >= 3 and by_level["TH"] >= 3 and by_level["THCS"] >= 3
        assert schools.count() == len(demo_data.load_schools())
        assert School.objects.get(slug="th-tan-an-hoi").serves_meals

    def test_diligent_schools_post_far_more_than_stale_ones(self, db):
        profiles = {d.slug: d.profile for d in demo_data.load_schools()}
        posts = {
            s.slug: len(first_publications(s)) for s in School.objects.filter(slug__in=profiles)
        }
        diligent = [posts[s] for s, p in profiles.items() if p == "diligent"]
        stale = [posts[s] for s, p in profiles.items() if p == "stale"]
        assert min(diligent) >= 40, posts
        assert min(diligent) >= 4 * max(stale), posts
        # Stale schools: a few posts in September–October, then almost nothing.
        november = datetime.datetime(2025, 11, 1, tzinfo=TZ)
        for school in School.objects.filter(
            slug__in=[s for s, p in profiles.items() if p == "stale"]
        ):
            assert len(first_publications(school, start=november)) <= 2, school.slug

    def test_diligent_school_posts_nearly_every_school_week(self, db):
        school = School.objects.get(slug="thcs-tan-thong-hoi")
        weeks = {
            (t.astimezone(TZ).date() - datetime.timedelta(days=t.astimezone(TZ).weekday()))
            for t in first_publications(school)
        }
        assert len(weeks) >= 30, sorted(weeks)

    def test_log_carries_simulated_times_up_to_the_load(self, db):
        demo_roots = [s.root_page for s in School.objects.all()]
        office_root = Authority.objects.get(code="PGD-CUCHI").site.root_page
        page_ids = set()
        for root in demo_roots:
            page_ids |= set(
                Page.objects.descendant_of(root, inclusive=True).values_list("pk", flat=True)
            )
        entries = PageLogEntry.objects.filter(page_id__in=page_ids)
        assert entries.filter(action="wagtail.publish").count() > 800
        # The office's site is its 2016-2017 history (letter 1636); the schools show the
        # last two school years; nothing happens after the moment of the load.
        office = PageLogEntry.objects.filter(page__path__startswith=office_root.path)
        assert set(office.values_list("timestamp__year", flat=True)) <= {2016, 2017}
        school_years = set(
            entries.filter(action="wagtail.publish").values_list("timestamp__year", flat=True)
        )
        assert school_years == {2025, 2026}, school_years
        assert not entries.filter(timestamp__gt=NOW).exists()
        assert not Revision.objects.filter(created_at__gt=NOW).exists()
        # Mostly during working hours, local time.
        hours = [
            t.astimezone(TZ).hour
            for t in entries.filter(action="wagtail.publish").values_list("timestamp", flat=True)
        ]
        assert sum(7 <= h < 18 for h in hours) / len(hours) > 0.8

    def test_alive_today_banner_menus_and_recent_updates(self, db, client):
        school = School.objects.get(slug="th-tan-an-hoi")
        urgent = AnnouncementPage.objects.descendant_of(school.root_page).live()
        urgent = urgent.filter(priority="urgent", date__lte=TODAY, valid_until__gte=TODAY)
        assert urgent.exists()
        html = client.get("/", HTTP_HOST=school.hostname).content.decode()
        assert 'class="urgent"' in html and urgent.first().title in html
        # This week's menu was published before the week began.
        menu = WeeklyMenuPage.objects.descendant_of(school.root_page).live()
        this_week = menu.get(week_start=monday_of(TODAY))
        assert this_week.first_published_at < at(monday_of(TODAY), 0, 0)
        # Some school updated in the last 7 days.
        week_ago = NOW - datetime.timedelta(days=7)
        assert PageLogEntry.objects.filter(
            action="wagtail.publish", timestamp__gt=week_ago, timestamp__lte=NOW
        ).exists()

    def test_this_years_texts_say_this_year(self, db):
        this_year = NewsArticlePage.objects.live().filter(
            first_published_at__gte=at(datetime.date(2026, 8, 1), 0, 0)
        )
        assert this_year.count() > 30
        for page in this_year:
            text = f"{page.title} {page.intro} " + " ".join(str(b.value) for b in page.body)
            assert "2016" not in text and "2015-2016" not in text, page.title
            assert "2025-2026" not in text or "2026-2027" in text, page.title
        plan = School.objects.get(slug="thcs-tan-thong-hoi").root_page.get_descendants()
        assert plan.filter(title="Kế hoạch năm học 2026-2027").live().exists()

    def test_output_names_each_schools_profile(self, full_demo):
        for label in ("(chăm chỉ)", "(trung bình)", "(chiếu lệ)", "(bỏ trống)"):
            assert label in full_demo["output"]
        assert "năm học 2025-2026, 2026-2027" in full_demo["output"]

    def test_publications_are_attributed_to_the_school_staff(self, db):
        school = School.objects.get(slug="th-tan-an-hoi")
        article = NewsArticlePage.objects.descendant_of(school.root_page).live().first()
        publish = PageLogEntry.objects.filter(page=article, action="wagtail.publish").get()
        assert publish.user.username == "th-tan-an-hoi.hieutruong"
        revision = Revision.page_revisions.filter(object_id=str(article.pk)).first()
        assert revision.user.username == "th-tan-an-hoi.bientap"
        assert article.owner.username == "th-tan-an-hoi.bientap"

    def test_for_show_school_bursts_backdates_copies_and_republishes(self, db):
        school = School.objects.get(slug="thcs-an-nhon-tay")
        posts = first_publications(school, datetime.datetime(2025, 6, 1, tzinfo=TZ), YEAR_TO)
        before_deadline = [
            t for t in posts if DEADLINE - datetime.timedelta(days=2) <= t < DEADLINE
        ]
        assert len(before_deadline) >= 8
        assert max(before_deadline) - min(before_deadline) <= datetime.timedelta(hours=24)
        silent_before = [
            t
            for t in posts
            if min(before_deadline) - datetime.timedelta(days=21) <= t < min(before_deadline)
        ]
        assert not silent_before
        backdated = [
            a
            for a in NewsArticlePage.objects.descendant_of(school.root_page).live()
            if (a.first_published_at.astimezone(TZ).date() - a.date).days > 7
        ]
        assert len(backdated) >= 5
        thin = [
            a
            for a in NewsArticlePage.objects.descendant_of(school.root_page).live()
            if len(" ".join(b.render_as_block() for b in a.body).split()) < 40 and not a.attachments
        ]
        assert len(thin) >= 3
        # Copied word for word from another school's earlier article.
        others = {
            (a.title, a.intro): a.first_published_at
            for a in NewsArticlePage.objects.live().exclude(path__startswith=school.root_page.path)
        }
        copied = [
            a
            for a in NewsArticlePage.objects.descendant_of(school.root_page).live()
            if others.get((a.title, a.intro), a.first_published_at) < a.first_published_at
        ]
        assert len(copied) >= 2
        unchanged = PageLogEntry.objects.filter(
            page__path__startswith=school.root_page.path,
            action="wagtail.publish",
            content_changed=False,
        )
        assert unchanged.count() >= 3

    def test_disclosures_filled_to_different_degrees(self, db):
        def slots(slug):
            school = School.objects.get(slug=slug)
            index = MandatedSection.objects.get(school=school, key="cong-khai").page
            year = DisclosureYearPage.objects.child_of(index).get(school_year="2025-2026")
            assert year.profile_code == "TT09_2024"
            assert year.live
            return DisclosureItemPage.objects.child_of(year)

        diligent = slots("thcs-tan-thong-hoi")
        codes = set(diligent.values_list("item_code", flat=True))
        assert {"TT09_2024.D4", "TT09_2024.D5", "TT09_2024.D8", "TT09_2024.D9"} <= codes
        assert all(p.live and p.file_id for p in diligent)
        for page in diligent:
            stamps = list(
                PageLogEntry.objects.filter(page=page, action="wagtail.publish")
                .order_by("timestamp")
                .values_list("timestamp", flat=True)
            )
            assert stamps[0].astimezone(TZ).month == 6 and stamps[0].year == 2025
            assert any(s.astimezone(TZ).month == 9 for s in stamps[1:])
        assert (
            DisclosureItemPage.objects.child_of(diligent.first().get_parent())
            .filter(slug="tt09-2024-d4")
            .exists()
        )
        stale = slots("thcs-phuoc-hiep")
        assert stale.filter(live=True).count() <= 1 < stale.count()

    def test_images_and_documents_live_in_the_school_collection(self, db):
        school = School.objects.get(slug="mn-phu-hoa-dong")
        images = get_image_model().objects.filter(collection=school.collection)
        assert images.count() >= 5
        image = images.exclude(title__startswith="Logo").first()
        assert image.description.startswith("Ảnh minh họa") and image.width == 1200
        documents = get_document_model().objects.filter(collection=school.collection)
        pdf = documents.first()
        with pdf.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"
        menu = school.root_page.get_descendants().type(
            __import__("page_types.models", fromlist=["WeeklyMenuPage"]).WeeklyMenuPage
        )
        assert menu.count() >= 30

    def test_demo_accounts(self, db):
        User = get_user_model()
        admin = User.objects.get(username="admin")
        assert admin.is_superuser and admin.check_password(DEMO_PASSWORD)
        office = Membership.objects.get(user__username="phong.quantri")
        assert office.role == Membership.Role.ADMIN and office.authority.code == "PGD-CUCHI"
        auditor = Membership.objects.get(user__username="phong.kiemtra")
        assert auditor.role == Membership.Role.AUDITOR
        for school in School.objects.all():
            editor = User.objects.get(username=f"{school.slug}.bientap")
            approver = User.objects.get(username=f"{school.slug}.hieutruong")
            assert editor.check_password(DEMO_PASSWORD)
            assert editor.memberships.get().role == Membership.Role.EDITOR
            assert approver.memberships.get().school == school
            assert approver.get_full_name() == school.principal

    def test_every_blueprint_section_of_every_school_answers(self, db, client):
        failures = []
        for section in MandatedSection.objects.filter(school__isnull=False).select_related(
            "school", "page"
        ):
            response = client.get(
                section.page.url_path[len(section.school.root_page.url_path) - 1 :],
                HTTP_HOST=section.school.hostname,
            )
            if response.status_code != 200:
                failures.append((section.school.slug, section.key, response.status_code))
        assert not failures, failures

    def test_posts_and_office_pages_answer(self, db, client):
        office = Authority.objects.get(code="PGD-CUCHI")
        from django.conf import settings

        assert client.get("/", HTTP_HOST=settings.PORTAL_DOMAIN).status_code == 200
        letter = (
            office.site.root_page.get_descendants().live().filter(title__contains="1636").first()
        )
        assert letter is not None
        school = School.objects.get(slug="th-tan-an-hoi")
        root = school.root_page
        for page in root.get_descendants().live().order_by("?")[:25]:
            path = page.url_path[len(root.url_path) - 1 :]
            assert client.get(path, HTTP_HOST=school.hostname).status_code == 200, path

    def test_directives_answered_as_each_profile_would(self, db):
        """Three directives this year (a 1636-like structure one, admissions post,
        acknowledgement), each school's status from the log matching its profile."""
        from mandates.models import Action, Directive
        from mandates.progress import verdicts
        from mandates.status import Status

        directives = {d.action: d for d in Directive.objects.all()}
        assert set(directives) == set(Action.values)
        profiles = {d.slug: d.profile for d in demo_data.load_schools()}
        for action, directive in directives.items():
            targets = list(directive.targets.select_related("school"))
            assert len(targets) == 12
            judged = verdicts(directive, targets, NOW)
            by_profile = {}
            for target in targets:
                by_profile.setdefault(profiles[target.school.slug], set()).add(
                    (judged[target.pk].status, judged[target.pk].on_time)
                )
            if action == Action.PUBLISH_POST:
                assert by_profile["diligent"] == {(Status.DONE, True)}
                assert by_profile["middling"] == {(Status.DONE, False)}
                assert by_profile["stale"] == {(Status.OVERDUE, False)}
                assert by_profile["show"] == {(Status.OVERDUE, False)}
            if action == Action.ACKNOWLEDGE:  # due 06/12: still open for some today
                assert by_profile["diligent"] == {(Status.DONE, True)}
                assert by_profile["middling"] == {(Status.SEEN, False)}
                assert by_profile["stale"] == {(Status.UNSEEN, False)}
        statuses = {
            v.status
            for d in directives.values()
            for v in verdicts(d, list(d.targets.all()), NOW).values()
        }
        assert {Status.DONE, Status.OVERDUE} <= statuses

    def test_second_run_duplicates_nothing_and_is_quick(self, db, full_demo):
        before = counts()
        output = load()
        assert "đã có sẵn" in output
        assert counts() == before == full_demo["counts"]

    def test_demo_logins_prints_addresses_and_accounts(self, db):
        out = io.StringIO()
        call_command("demo_logins", "--port", "8123", stdout=out)
        text = out.getvalue()
        assert "http://portal.test:8123/" in text
        assert "http://portal.test:8123/admin/" in text
        for school in School.objects.all():
            assert f"http://{school.slug}.portal.test:8123/" in text
            assert f"{school.slug}.hieutruong" in text
        assert DEMO_PASSWORD in text
        assert "phong.kiemtra" in text and "Mầm non" in text


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_reduced_demo_loads_resumes_and_is_idempotent(db, media_root):
    output = load("--schools", "1")
    assert "1 trường mới" in output
    before = counts()
    assert "đã có sẵn" in load("--schools", "1")
    assert counts() == before
    # A larger run later adds only what is missing: the first school is left as it was.
    first = School.objects.get()
    articles = NewsArticlePage.objects.descendant_of(first.root_page).count()
    assert "2 trường mới" in load("--schools", "3")
    assert {s.level for s in School.objects.all()} == {"MN", "TH", "THCS"}
    assert NewsArticlePage.objects.descendant_of(first.root_page).count() == articles
    assert Authority.objects.filter(code="PGD-CUCHI").count() == 1
    assert get_user_model().objects.filter(username="phong.quantri").count() == 1
    assert get_user_model().objects.filter(username__endswith=".hieutruong").count() == 3


def test_failure_leaves_nothing_half_loaded(db, media_root, monkeypatch):
    from demo import school as school_module

    def failing(self):
        raise RuntimeError("hỏng giữa chừng")

    # The school's home, introduction and contact pages are published, then the news fail.
    monkeypatch.setattr(school_module.SchoolLoader, "news", failing)
    with pytest.raises(RuntimeError):
        load("--schools", "1")
    assert not School.objects.exists()
    assert not Authority.objects.filter(code="PGD-CUCHI").exists()
    assert not PageLogEntry.objects.exists()
    assert not any(p.is_file() for p in media_root.rglob("*"))


def test_bad_option_is_refused(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--schools"):
        load("--schools", "0")
