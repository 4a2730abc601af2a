"""The school loader itself: its state, the helpers its parts share (times, images, PDFs, page
creation) and `load`, which runs the parts in order. The parts are the mixins beside it."""

from django.core.exceptions import ImproperlyConfigured

from page_types.models import (
    MandatedSection,
)
from tenants.clock import at

from .. import media
from ..texts import school_texts
from ..years import moment, seeded
from .common import (
    BURSTS,
    DAY,
    MINUTE,
    SITE_SETUP,
    base_context,
)
from .disclosures import DisclosuresMixin
from .news import NewsMixin
from .notices import NoticesMixin
from .pages import SitePagesMixin
from .plans import RecurringMixin


class SchoolLoader(SitePagesMixin, NewsMixin, NoticesMixin, RecurringMixin, DisclosuresMixin):
    def __init__(
        self, demo, school, year, *, editor, approver, publisher, office, office_media, peers
    ):
        self.demo = demo
        self.y = year
        self.t = school_texts(year)
        self.school = school
        self.level = school.level
        self.profile = demo.profile
        self.editor = editor
        self.approver = approver
        self.pub = publisher
        self.office = office
        self.office_media = office_media
        self.peers = peers
        self.rng = seeded(demo.slug, "plan", year.first)
        self.ctx = base_context(demo, office, year)
        self.sections = {
            ms.key: ms.page.specific
            for ms in MandatedSection.objects.filter(school=school).select_related("page")
        }
        self.weeks = year.weeks
        self.images = {}
        self.articles = {}  # topic key → NewsArticlePage, for the unchanged re-publications
        self.bursts = tuple(year.day(b) for b in BURSTS)
        self.site_setup = at(year.day(SITE_SETUP), 9, 0)
        self.posts_in_burst = {burst: 0 for burst in self.bursts}

    # ------------------------------------------------------------ helpers

    def fmt(self, text, **extra):
        return text.format_map({**self.ctx, **extra}) if extra else text.format_map(self.ctx)

    def times(self, day, start=(7, 30), end=(16, 0), delay=(10, 120)):
        """(created by the editor, published by the approver) on a given day."""
        created = moment(self.rng, day, start, end)
        return created, created + self.rng.randint(*delay) * MINUTE

    def burst_times(self, burst, count):
        """``count`` moments within 24 hours: the evening of ``burst`` and the next working day."""
        slots = []
        for _ in range(count):
            if self.rng.random() < 0.45:
                slots.append(moment(self.rng, burst, (19, 30), (23, 40)))
            else:
                slots.append(moment(self.rng, burst + DAY, (7, 15), (16, 40)))
        return sorted(slots)

    def image_for(self, scene, when):
        if not self.pub.happened(when):
            return None
        if scene not in self.images:
            caption = media.scene_caption(scene)
            self.images[scene] = self.pub.image(
                name=f"{self.demo.slug}-{scene}.jpg",
                data=media.scene_jpeg(scene),
                title=f"{caption} – {self.demo.name}",
                description=f"Ảnh minh họa: {caption.lower()} tại {self.demo.name}",
                collection=self.school.collection,
                user=self.editor,
                when=when,
                size=(media.WIDTH, media.HEIGHT),
            )
        return self.images[scene]

    def pdf(self, key, doc_title, when, **document):
        if not self.pub.happened(when):
            return None
        data = media.render_pdf(
            org_parent="Phòng GD&ĐT huyện Củ Chi",
            org=self.demo.name,
            signer_title=document.pop("signer_title", "Hiệu trưởng"),
            signer_name=document.pop("signer_name", self.ctx["principal"]),
            **document,
        )
        return self.pub.document(
            name=f"{self.demo.slug}-{key}.pdf",
            data=data,
            title=doc_title,
            collection=self.school.collection,
            user=self.editor,
            when=when,
        )

    def place_date(self, day):
        return f"Củ Chi, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"

    def create(self, section, page, created, published, refs=False, author=None):
        return self.pub.create(
            self.sections[section],
            page,
            author=author or self.editor,
            approver=self.approver,
            created=created,
            published=published,
            refs=refs,
        )

    def count_burst(self, when):
        for burst in self.bursts:
            start = at(burst, 0, 0)
            if start <= when < start + 2 * DAY:
                self.posts_in_burst[burst] += 1

    # ------------------------------------------------------------ the year

    def load(self):
        self.home()
        self.introduction()
        self.contact()
        self.news()
        self.announcements()
        self.documents()
        self.forms()
        self.plans()
        self.menus()
        self.schedules()
        self.disclosures()
        self.gallery()
        self.admissions()
        self.parents_corner()
        self.feedback()
        if self.profile == "show":
            self.unchanged_republications()
            # The audit's burst rule needs at least 8 posts within 24 hours; keep the data honest.
            thin = {
                burst: n
                for burst, n in self.posts_in_burst.items()
                if n < 8 and self.pub.happened(at(burst + 2 * DAY, 0))
            }
            if thin:
                raise ImproperlyConfigured(
                    f"{self.demo.slug}: đợt đăng dồn {thin} có dưới 8 bài, không đúng hồ sơ "
                    "“chiếu lệ”."
                )
        if self.profile == "diligent":
            self.draft_in_progress()

    # ------------------------------------------------------------ home and introduction
