"""One demo school's school year, published according to its behaviour profile (dates below are
those of 2016-2017, the reference year; ``DemoYear.day`` moves them into the year being built).

Profiles (``fixtures/demo/profiles.csv``):

- ``diligent``: news nearly every school week, menus/plans/work schedules before the week starts,
  disclosures published in June and updated in September, every section filled.
- ``middling``: a post every other week or so, recurring items often late, disclosures late
  (July–August, after the June deadline).
- ``stale``: a few posts in September–October, then almost nothing; disclosures missing.
- ``show`` ("chiếu lệ"): long silences, then bursts of posts within 24 hours right before the
  structure deadline (25/11) and before the office's inspection (13/03): thin posts,
  posts copied from another school, posts dated weeks before they were really published, pages
  re-published without any change.
"""

import datetime

from django.core.exceptions import ImproperlyConfigured
from wagtail.contrib.forms.models import FormSubmission

from page_types.models import (
    DisclosureItemPage,
    DisclosureYearPage,
    FormFilePage,
    GalleryAlbumPage,
    MandatedSection,
    NewsArticlePage,
    OfficialDocumentPage,
    PlanPage,
    WeeklyMenuPage,
    WeeklySchedulePage,
)
from page_types.models.announcements import AnnouncementPage
from tenants.clock import at, monday_of, simulated_now
from tenants.models import Level

from . import media, texts_disclosure
from .publishing import paragraph_blocks, paragraphs_html, table_block
from .texts import school_texts
from .years import WEEKDAYS, moment, seeded, vn_date, weekday_name

DAY = datetime.timedelta(days=1)
MINUTE = datetime.timedelta(minutes=1)
MN, TH, THCS = Level.MN, Level.TH, Level.THCS
OFFICE = "tin-tu-phong"  # the news category of articles shared from the office
# When the schools' sites were set up (before the June disclosures).
SITE_SETUP = datetime.date(2016, 5, 20)
# The two bursts of the "for show" schools: the evening before the structure deadline and
# before the office's inspection.
BURSTS = (
    datetime.date(2016, 11, 23),
    datetime.date(2017, 3, 9),
)
LEVEL_NAMES = {MN: "mầm non", TH: "tiểu học", THCS: "trung học cơ sở"}


def class_names(demo):
    level, classes = demo.level, demo.classes
    if level == MN:
        per = max(2, classes // 4)
        return [f"{g} {i}" for g in ("Mầm", "Chồi", "Lá") for i in range(1, per + 1)]
    grades = range(1, 6) if level == TH else range(6, 10)
    per = max(2, classes // len(grades))
    if level == TH:
        return [f"{g}/{i}" for g in grades for i in range(1, per + 1)]
    return [f"{g}A{i}" for g in grades for i in range(1, per + 1)]


def base_context(demo, office, year):
    level = demo.level
    mn = level == MN
    principal = demo.person("hieutruong").name
    vices = [p.name for p in demo.people if p.role.startswith("Phó Hiệu trưởng")]
    top = {"MN": "lớp Lá", "TH": "khối 5", "THCS": "khối 9"}[level]
    return {
        "school": demo.name,
        "short": demo.name.removeprefix("Trường ").strip(),
        "commune": demo.commune,
        "principal": principal,
        "vice": vices[0] if vices else principal,
        "editor": demo.person("bientap").name,
        "pupils": "các bé" if mn else "học sinh",
        "Pupils": "Các bé" if mn else "Học sinh",
        "pupil_word": "trẻ" if mn else "học sinh",
        "teachers": "cô giáo" if mn else "giáo viên",
        "parents": "phụ huynh" if mn else "cha mẹ học sinh",
        "n_pupils": demo.pupils,
        "n_classes": demo.classes,
        "n_staff": demo.staff,
        "top_grade": top,
        "top_grade_cap": top,
        "top_grade_label": top[0].upper() + top[1:],
        "first_grade": {"MN": "lớp Mầm", "TH": "khối 1", "THCS": "khối 6"}[level],
        "level_name": LEVEL_NAMES[level],
        "founded": demo.founded,
        "motto": demo.motto,
        "phone": demo.row["phone"],
        "office_head": office.head,
        "office_head_title": office.head_title,
        "office_deputy": office.deputy,
        "office_deputy_title": office.deputy_title,
        "school_year": year.label,
    }


def article_context(demo, office, year, day, rng):
    ctx = base_context(demo, office, year)
    names = class_names(demo)
    a, b = rng.sample(names, 2)
    ctx.update(
        date=vn_date(day),
        weekday=weekday_name(day),
        month=f"{day.month}/{day.year}",
        n1=rng.randint(3, 9),
        n2=rng.randint(10, 30),
        n3=rng.randint(40, 120),
        class_a=f"lớp {a}",
        class_b=f"lớp {b}",
        class_a_cap=f"Lớp {a}",
        class_b_cap=f"Lớp {b}",
        class_a_label=f"Lớp {a}",
    )
    return ctx


def variant(rng, options, year):
    """One of ``options``: chosen per school by ``rng``, and a different one each year, so a
    school's article on the same event is not last year's text again."""
    return options[(rng.randrange(len(options)) + year.offset) % len(options)]


def topic_text(demo, office, year, texts, topic, day):
    """(title, intro, body paragraphs) of a school's article on a topic. Deterministic per
    (school, topic, year), so a school copying another one's article gets exactly its text."""
    rng = seeded(demo.slug, topic.key)
    ctx = article_context(demo, office, year, day, rng)
    title = variant(rng, topic.titles, year).format_map(ctx)
    paragraphs = [variant(rng, slot, year).format_map(ctx) for slot in topic.paragraphs]
    closings = texts.CLOSINGS
    index = demo.ordinal * 5 + texts.TOPICS.index(topic) + 3 * year.offset
    closing = closings[index % len(closings)].format_map(ctx)
    return title, paragraphs[0], paragraphs[1:] + [closing]


class SchoolLoader:
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
    def home(self):
        root = self.school.root_page.specific
        if type(root).objects.filter(pk=root.pk, logo__isnull=False).exists():
            return  # set up with the site, in the first year built
        logo = self.pub.image(
            name=f"{self.demo.slug}-logo.png",
            data=media.logo_png(media.initials(self.demo.name), self.demo.brand_color),
            title=f"Logo {self.demo.name}",
            description=f"Logo {self.demo.name}",
            collection=self.school.collection,
            user=self.approver,
            when=self.site_setup,
            size=(320, 320),
        )
        sections = self.sections
        links = []
        if self.profile in ("diligent", "middling"):
            for key, label in (
                ("thuc-don", "Thực đơn tuần"),
                ("cong-khai", "Công khai"),
                ("tuyen-sinh", "Tuyển sinh"),
                ("bieu-mau", "Biểu mẫu"),
                ("lien-he", "Hỏi đáp – Góp ý"),
            ):
                if key in sections:
                    links.append(
                        {
                            "type": "link",
                            "value": {"label": label, "page": sections[key].pk, "url": ""},
                        }
                    )

        def change(page):
            page.logo = logo
            page.brand_color = self.demo.brand_color
            page.motto = self.demo.motto
            page.welcome = paragraphs_html(
                [
                    self.fmt(
                        "Chào mừng {parents} và các em đến với trang thông tin điện tử của "
                        "{school}. Tại đây nhà trường cập nhật tin tức, thông báo, kế hoạch, "
                        "thực đơn và các nội dung công khai theo quy định."
                    )
                ]
            )
            page.quick_links = links

        self.pub.update(
            self.school.root_page,
            change,
            author=self.approver,
            edited=self.site_setup,
            published=self.site_setup + 5 * MINUTE,
            refs=True,
        )

    def introduction(self):
        keys = self.t.INTRO_BY_PROFILE[self.profile]
        if self.profile == "diligent":
            day = self.y.working_day_on_or_after(self.y.day(datetime.date(2016, 8, 22)))
        elif self.profile == "middling":
            day = self.y.day(datetime.date(2016, 9, 20))
        elif self.profile == "stale":
            day = self.y.day(datetime.date(2016, 9, 7))
        else:
            day = None
        show_times = iter(self.burst_times(self.bursts[0], len(keys))) if day is None else None
        for key in keys:
            section = "gioi-thieu" if key == "gioi-thieu" else f"gioi-thieu/{key}"
            if section not in self.sections:
                continue
            if day is None:
                edited = next(show_times)
                published = edited + 3 * MINUTE
            else:
                edited, published = self.times(day)
            self.pub.update(
                self.sections[section],
                self._intro_change(key, thin=self.profile == "show"),
                author=self.editor,
                edited=edited,
                approver=self.approver,
                published=published,
            )
        if self.profile == "diligent" and "gioi-thieu/ban-giam-hieu" in self.sections:
            # The start-of-year update: the leadership's phone numbers were completed.
            edited, published = self.times(self.y.day(datetime.date(2016, 9, 12)))
            self.pub.update(
                self.sections["gioi-thieu/ban-giam-hieu"],
                self._intro_change("ban-giam-hieu", updated=True),
                author=self.editor,
                edited=edited,
                approver=self.approver,
                published=published,
            )

    def _intro_change(self, key, thin=False, updated=False):
        spec = self.t.INTRO[key]

        def change(page):
            page.intro = paragraphs_html([self.fmt(spec["intro"])])
            blocks = []
            if "paragraphs" in spec and not thin:
                blocks += paragraph_blocks([self.fmt(p) for p in spec["paragraphs"]])
            if "sections" in spec:
                for heading, text in spec["sections"]:
                    blocks.append({"type": "heading", "value": heading})
                    blocks += paragraph_blocks([self.fmt(text)])
            if "units" in spec:
                items = "".join(f"<li>{u}</li>" for u in spec["units"][self.level])
                blocks.append({"type": "paragraph", "value": f"<ul>{items}</ul>"})
            if key == "ban-giam-hieu":
                people = [
                    {
                        "name": p.name,
                        "role": p.role,
                        "phone": p.phone if (updated or p.account == "hieutruong") else "",
                        "email": p.email,
                        "photo": None,
                    }
                    for p in self.demo.leaders
                ]
                blocks.append(
                    {"type": "people", "value": {"heading": "Ban giám hiệu", "people": people}}
                )
            if key == "doi-ngu":
                staff = self.demo.staff
                managers = len(self.demo.leaders)
                others = max(6, staff // 6)
                teachers = staff - managers - others
                blocks.append(
                    table_block(
                        ["Bộ phận", "Số người", "Trình độ đạt chuẩn", "Trên chuẩn"],
                        [
                            ["Cán bộ quản lý", managers, managers, managers],
                            ["Giáo viên", teachers, teachers, int(teachers * 0.68)],
                            ["Nhân viên", others, others, others // 3],
                            [
                                "Tổng cộng",
                                staff,
                                staff,
                                managers + int(teachers * 0.68) + others // 3,
                            ],
                        ],
                        caption=f"Đội ngũ năm học {self.y.label}",
                    )
                )
            page.body = blocks

        return change

    def contact(self):
        if self.profile == "stale":
            return
        page = self.sections["lien-he"]
        if self.profile == "show":
            edited = self.burst_times(self.bursts[0], 1)[0]
            published = edited + 4 * MINUTE
        else:
            day = (
                self.y.day(datetime.date(2016, 8, 25))
                if self.profile == "diligent"
                else self.y.day(datetime.date(2016, 9, 21))
            )
            edited, published = self.times(day)
        query = self.demo.row["address"].replace(" ", "+")

        def change(p):
            p.intro = paragraphs_html(
                [
                    self.fmt(
                        "{parents} cần hỏi đáp, góp ý với nhà trường xin điền vào mẫu dưới đây; "
                        "Ban giám hiệu sẽ trả lời trong vòng 3 ngày làm việc."
                    )
                ]
            )
            p.map_url = f"https://www.google.com/maps/search/?api=1&query={query}"
            p.thank_you_text = (
                "<p>Nhà trường đã nhận được ý kiến của quý phụ huynh. Xin cảm ơn!</p>"
            )

        self.pub.update(
            page,
            change,
            author=self.editor,
            edited=edited,
            approver=self.approver,
            published=published,
        )

    # ------------------------------------------------------------ news
    def news(self):
        getattr(self, f"_news_{self.profile}")()

    def article(
        self,
        topic,
        display,
        created,
        published,
        *,
        scene=True,
        short=False,
        source=None,
        attachments=(),
    ):
        demo = source or self.demo
        title, intro, body = topic_text(
            demo, self.office, self.y, self.t, topic, topic.when or display
        )
        if short:
            body = body[:1]
        page = NewsArticlePage(
            title=title,
            date=display,
            category=topic.category,
            intro=intro[:500],
            body=paragraph_blocks(body),
        )
        refs = False
        if scene and topic.scene:
            page.lead_image = self.image_for(topic.scene, created)
            refs = True
        attachments = [(doc, label) for doc, label in attachments if doc is not None]
        if attachments:
            page.attachments = [
                {"type": "attachment", "value": {"document": doc.pk, "label": label}}
                for doc, label in attachments
            ]
            refs = True
        page = self.create("tin-tuc", page, created, published, refs=refs)
        self.articles.setdefault(topic.key, page)
        self.count_burst(published)
        return page

    def thin_post(self, index, created, published, display):
        title, text = self.t.THIN_POSTS[index % len(self.t.THIN_POSTS)]
        ctx = article_context(
            self.demo, self.office, self.y, display, seeded(self.demo.slug, "thin", index)
        )
        page = NewsArticlePage(
            title=title.format_map(ctx),
            date=display,
            category="hoat-dong",
            intro="",
            body=paragraph_blocks([text.format_map(ctx)]),
        )
        self.create("tin-tuc", page, created, published)
        self.count_burst(published)

    def shared_office_news(self, key, delay_days=1):
        if not self.y.is_reference:
            return  # the office's news are those of 2016-2017
        item = next(n for n in self.office_media.news if n["key"] == key)
        day = self.y.working_day_on_or_after(item["when"] + delay_days * DAY)
        created, published = self.times(day, (7, 30), (10, 30))
        page = NewsArticlePage(
            title=item["title"],
            date=day,
            category=OFFICE,
            intro=item["paragraphs"][0],
            body=paragraph_blocks(item["paragraphs"][1:]),
            shared_from_office=True,
        )
        self.create("tin-tuc", page, created, published)

    def _events(self):
        return [t for t in self.t.TOPICS if t.when and self.level in t.levels]

    def _everyday(self):
        topics = [t for t in self.t.TOPICS if not t.when and self.level in t.levels]
        self.rng.shuffle(topics)
        return topics

    def _pick_everyday(self, topics, day):
        """The next everyday topic that suits the month (and remove it from the list)."""
        for index in range(len(topics) - 1, -1, -1):
            if not topics[index].months or day.month in topics[index].months:
                return topics.pop(index)
        return None

    def _publish_day(self, day):
        """Events on a Saturday are written up the same day; Sundays and holidays the next
        working day."""
        if day.weekday() == 5:
            return day
        return self.y.working_day_on_or_after(day)

    def _news_diligent(self):
        events = self._events()
        everyday = self._everyday()
        by_week = {}
        for topic in events:
            monday = monday_of(topic.when)
            by_week.setdefault(monday, []).append(topic)
        quiet = [w for w in self.weeks[3:] if w not in by_week]
        skipped = set(self.rng.sample(quiet, min(2, len(quiet))))
        for week in self.weeks:
            if week in skipped:
                continue
            for topic in by_week.get(week, []):
                day = self._publish_day(topic.when)
                created, published = self.times(day, (10, 0), (16, 0))
                attachments = ()
                if topic.key == "so-ket-hk1":
                    report = self.pdf(
                        "bao-cao-so-ket-hk1",
                        f"Báo cáo sơ kết học kỳ I năm học {self.y.label}",
                        created,
                        number=f"{self.rng.randint(10, 40)}/BC-{media.initials(self.demo.name)}",
                        place_date=self.place_date(topic.when),
                        title=f"Báo cáo sơ kết học kỳ I năm học {self.y.label}",
                        paragraphs=[
                            text.format_map(
                                article_context(
                                    self.demo, self.office, self.y, topic.when, self.rng
                                )
                            )
                            for _, text in self.year_plan_sections()
                        ],
                        recipients=("Phòng GD&ĐT huyện Củ Chi", "Lưu VT"),
                    )
                    attachments = ((report, "Báo cáo sơ kết học kỳ I"),)
                self.article(
                    topic,
                    topic.when,
                    created,
                    published,
                    scene=self.rng.random() < 0.8,
                    attachments=attachments,
                )
            # Weeks without an event get an everyday article most of the time; the menus,
            # plans and work schedules keep the other weeks active.
            if everyday and week not in by_week and self.rng.random() < 0.75:
                day = self.y.working_day_on_or_after(week + self.rng.randint(1, 4) * DAY)
                topic = self._pick_everyday(everyday, day)
                if topic is None or day >= week + 5 * DAY or day > self.y.end:
                    continue
                created, published = self.times(day, (8, 0), (16, 0))
                self.article(topic, day, created, published, scene=self.rng.random() < 0.6)
        for key in ("phong-nhac-tien-do", "phong-ke-hoach-kiem-tra"):
            self.shared_office_news(key)

    def _news_middling(self):
        for topic in self._events():
            if self.rng.random() > 0.6:
                continue
            day = self.y.working_day_on_or_after(topic.when + self.rng.randint(1, 4) * DAY)
            if (day - topic.when).days > 6 or day > self.y.end:
                continue
            created, published = self.times(day, (9, 0), (16, 30), delay=(60, 600))
            self.article(topic, topic.when, created, published, scene=self.rng.random() < 0.5)
        everyday = self._everyday()
        for week in self.weeks:
            if everyday and self.rng.random() < 0.2:
                day = self.y.working_day_on_or_after(week + self.rng.randint(1, 4) * DAY)
                topic = self._pick_everyday(everyday, day)
                if topic is None or day > self.y.end:
                    continue
                created, published = self.times(day, (9, 0), (16, 30), delay=(60, 600))
                self.article(topic, day, created, published, scene=False)
        self.shared_office_news("phong-nhac-tien-do", delay_days=3)

    def _news_stale(self):
        keys = ["khai-giang", "hop-phu-huynh", "trung-thu", "an-toan-giao-thong"]
        if self.demo.ordinal % 2 == 0:
            keys.append("phu-nu-20-10")
        for key in keys:
            topic = self.t.TOPICS_BY_KEY[key]
            day = self.y.working_day_on_or_after(topic.when + self.rng.randint(0, 2) * DAY)
            created, published = self.times(day, (9, 0), (16, 0), delay=(30, 240))
            self.article(topic, topic.when, created, published, scene=key == "khai-giang")
        if self.demo.ordinal % 2 == 1:
            topic = self.t.TOPICS_BY_KEY["hoi-xuan"]
            created, published = self.times(topic.when, (14, 0), (16, 0))
            self.article(topic, topic.when, created, published, scene=False, short=True)

    def _copy_source(self, topic):
        """A diligent school (of the same level if possible) whose article on ``topic`` the
        "for show" school copies."""
        candidates = [
            p for p in self.peers if p.profile == "diligent" and self.level in topic.levels
        ]
        same = [p for p in candidates if p.level == self.level and topic.when]
        pool = same or [p for p in candidates if p.level in topic.levels]
        return pool[0] if pool else None

    def _news_show(self):
        level_topics = {t.key for t in self._events()}
        for key, delay in (("khai-giang", 0), ("trung-thu", 2)):
            topic = self.t.TOPICS_BY_KEY[key]
            day = self.y.working_day_on_or_after(topic.when + delay * DAY)
            created, published = self.times(day, (15, 0), (17, 30))
            self.article(topic, topic.when, created, published, scene=key == "khai-giang")
        plans = (
            (
                self.bursts[0],
                (
                    "hop-phu-huynh",
                    "an-toan-giao-thong",
                    "hoi-nghi-vien-chuc",
                    "phu-nu-20-10",
                    "pccc",
                ),
                ("hoi-giang", "nha-giao-20-11"),
            ),
            (
                self.bursts[1],
                (
                    "so-ket-hk1",
                    "hoi-xuan",
                    "sau-tet",
                    "qdnd-22-12",
                    "hoi-khoe-phu-dong",
                    "be-khoe-be-ngoan",
                ),
                ("chuyen-de-hk2", "phu-nu-8-3"),
            ),
        )
        thin_index = 0
        for burst, own, copied in plans:
            own = [k for k in own if k in level_topics]
            copied = [k for k in copied if k in level_topics]
            moments = iter(self.burst_times(burst, len(own) + len(copied) + 3))
            for key in own:
                created = next(moments)
                topic = self.t.TOPICS_BY_KEY[key]
                # Written weeks later, dated on the day of the event: "backdated".
                self.article(
                    topic, topic.when, created, created + 4 * MINUTE, scene=False, short=True
                )
            for key in copied:
                created = next(moments)
                topic = self.t.TOPICS_BY_KEY[key]
                source = self._copy_source(topic)
                self.article(
                    topic,
                    topic.when,
                    created,
                    created + 3 * MINUTE,
                    scene=False,
                    source=source,
                )
            for _ in range(3):
                created = next(moments)
                self.thin_post(thin_index, created, created + 2 * MINUTE, created.date())
                thin_index += 1
        topic = self.t.TOPICS_BY_KEY["tong-ket"]
        created, published = self.times(topic.when + DAY, (9, 0), (11, 0))
        self.article(topic, topic.when, created, published, scene=True, short=True)

    # ------------------------------------------------------------ announcements
    def announcements(self):
        applicable = [a for a in self.t.ANNOUNCEMENTS if self.level in a["levels"]]
        plan = {
            "diligent": [(a, 0) for a in applicable],
            "middling": [
                (a, self.rng.randint(0, 2))
                for a in applicable
                if a["key"] in ("hop-phu-huynh", "khoan-thu", "nghi-tet", "tuyen-sinh")
            ],
            "stale": [(a, 1) for a in applicable if a["key"] == "hop-phu-huynh"],
            "show": [(a, 0) for a in applicable if a["key"] == "nghi-tet"],
        }[self.profile]
        for spec, delay in plan:
            day = self.y.working_day_on_or_after(spec["date"] + delay * DAY)
            created, published = self.times(day, (7, 30), (10, 30), delay=(10, 60))
            self.announcement(spec, day, created, published)
        if self.profile == "show":
            spec = next(a for a in applicable if a["key"] == "khoan-thu")
            created = self.burst_times(self.bursts[0], 1)[0]
            self.announcement(spec, spec["date"], created, created + 5 * MINUTE)
        self.current_announcement()

    def current_announcement(self):
        """An urgent notice of the last few days, still valid on the day of the load: the banner
        a visitor sees today."""
        horizon = self.y.horizon
        if horizon is None or self.profile not in ("diligent", "middling"):
            return
        day = self.y.working_day_on_or_before(horizon.date() - 2 * DAY)
        if day < self.y.start:
            return
        created, published = self.times(day, (7, 0), (9, 0), delay=(10, 40))
        self.announcement(self.t.CURRENT_ANNOUNCEMENT, day, created, published)

    def announcement(self, spec, display, created, published):
        ctx = article_context(
            self.demo, self.office, self.y, display, seeded(self.demo.slug, spec["key"])
        )
        detail = spec.get("detail", "")
        valid = spec.get("valid_days")
        page = AnnouncementPage(
            title=spec["title"].format_map(ctx),
            date=display,
            audience=spec["audience"],
            audience_detail=ctx.get(detail, detail) if spec["audience"] != "all" else "",
            priority=spec["priority"],
            valid_until=display + valid * DAY if valid else None,
            body=paragraph_blocks(
                [
                    self.t.ANNOUNCEMENT_OPENINGS[
                        (self.demo.ordinal + len(spec["key"]) + self.y.offset) % 4
                    ].format_map(ctx),
                    *(p.format_map(ctx) for p in spec["paragraphs"]),
                    self.t.ANNOUNCEMENT_CONTACTS[
                        (self.demo.ordinal * 3 + len(spec["key"]) + self.y.offset) % 4
                    ].format_map(ctx),
                ]
            ),
        )
        self.create("thong-bao", page, created, published)
        self.count_burst(published)

    # ------------------------------------------------------------ documents
    def documents(self):
        # The office's letters of 2016 are reposted in their own year only.
        reposts = self.t.SCHOOL_REPOSTS[self.profile] if self.y.is_reference else ()
        burst = iter(self.burst_times(self.bursts[0], 4))
        for key in reposts:
            spec = self.office_media.document_spec(key)
            issued = spec["issued_on"]
            if self.profile == "show":
                created = next(burst)
                published = created + 5 * MINUTE
            else:
                delay = {"diligent": (1, 2), "middling": (3, 6), "stale": (2, 5)}[self.profile]
                day = max(
                    issued + self.rng.randint(*delay) * DAY,
                    self.y.start + self.rng.randint(1, 4) * DAY,
                )
                created, published = self.times(
                    self.y.working_day_on_or_after(day), (8, 0), (16, 0)
                )
            if not self.pub.happened(created):
                continue
            document = self.pub.document(
                name=f"{self.demo.slug}-{spec['slug']}.pdf",
                data=self.office_media.pdf(key),
                title=spec["title"],
                collection=self.school.collection,
                user=self.editor,
                when=created,
            )
            self.official_document(spec, document, created, published)
        for index, key in enumerate(self.t.OWN_DOCUMENTS_BY_PROFILE[self.profile]):
            spec = next(d for d in self.t.OWN_DOCUMENTS if d["key"] == key)
            issued = spec["issued_on"]
            if self.profile == "show":
                created = next(burst)
                published = created + 5 * MINUTE
            else:
                lag = 0 if self.profile == "diligent" else self.rng.randint(2, 5)
                created, published = self.times(self.y.working_day_on_or_after(issued + lag * DAY))
            abbr = media.initials(self.demo.name)
            number = spec["number"].format(seq=10 + index * 7 + self.demo.ordinal, abbr=abbr)
            summary = self.fmt(spec["summary"])
            label = {"quyet-dinh": "Quyết định", "ke-hoach": "Kế hoạch"}[spec["doc_type"]]
            document = self.pdf(
                key,
                f"{label} {number}",
                created,
                number=number,
                place_date=self.place_date(issued),
                title=label,
                subtitle=summary,
                paragraphs=[self.fmt(p) for p in spec["paragraphs"]],
                recipients=(
                    "Phòng GD&ĐT huyện Củ Chi",
                    "Như Điều 3" if label == "Quyết định" else "CB-GV-NV",
                    "Lưu VT",
                ),
            )
            resolved = {
                **spec,
                "number": number,
                "summary": summary,
                "issuer_level": "truong",
                "issuer_name": self.demo.name,
                "signer": f"Hiệu trưởng {self.ctx['principal']}",
                "title": f"{label} số {number} – {summary.rstrip('.')}",
            }
            self.official_document(resolved, document, created, published)

    def official_document(self, spec, document, created, published):
        page = OfficialDocumentPage(
            title=spec["title"][:250],
            number=spec["number"],
            doc_type=spec["doc_type"],
            issuer_level=spec["issuer_level"],
            issuer_name=spec["issuer_name"],
            issued_on=spec["issued_on"],
            effective_on=spec.get("effective_on"),
            signer=self.fmt(spec["signer"]),
            summary=spec["summary"],
            file=document,
        )
        self.create("van-ban", page, created, published, refs=True)
        self.count_burst(published)

    # ------------------------------------------------------------ forms
    def forms(self):
        wanted = [f for f in self.t.FORMS if self.level in f["levels"]][
            : self.t.FORMS_BY_PROFILE[self.profile]
        ]
        if not wanted:
            return
        if self.profile == "show":
            moments = self.burst_times(self.bursts[0], len(wanted))
        else:
            first = (
                self.y.day(datetime.date(2016, 10, 28))
                if self.profile == "diligent"
                else self.y.day(datetime.date(2016, 11, 14))
            )
            moments = [
                self.times(self.y.working_day_on_or_after(first + i * DAY))[0]
                for i in range(len(wanted))
            ]
        for spec, created in zip(wanted, moments, strict=False):
            if not self.pub.happened(created):
                continue
            document = self.pub.document(
                name=f"{self.demo.slug}-{spec['key']}.pdf",
                data=self.office_media.form_pdf(spec),
                title=spec["title"],
                collection=self.school.collection,
                user=self.editor,
                when=created,
            )
            page = FormFilePage(
                title=spec["title"], description=self.fmt(spec["description"]), file=document
            )
            self.create("bieu-mau", page, created, created + 20 * MINUTE, refs=True)

    # ------------------------------------------------------------ plans
    def plans(self):
        self.year_plan()
        if self.level == MN:
            self.monthly_plans()
            self.weekly_plans()
        elif "ke-hoach/thoi-khoa-bieu" in self.sections:
            self.timetables()

    def year_plan(self):
        when = {
            "diligent": self.y.day(datetime.date(2016, 9, 15)),
            "middling": self.y.day(datetime.date(2016, 10, 10)),
            "stale": self.y.day(datetime.date(2016, 9, 26)),
            "show": None,
        }[self.profile]
        if when is None:
            created = self.burst_times(self.bursts[0], 1)[0]
            published = created + 6 * MINUTE
        else:
            created, published = self.times(when)
        ctx = article_context(
            self.demo, self.office, self.y, self.y.start, seeded(self.demo.slug, "year-plan")
        )
        body = []
        for heading, text in self.year_plan_sections():
            body.append({"type": "heading", "value": heading})
            body += paragraph_blocks([text.format_map(ctx)])
        attachments = []
        document = None
        if self.profile != "show":
            document = self.pdf(
                "ke-hoach-nam-hoc",
                f"Kế hoạch năm học {self.y.label}",
                created,
                number=f"{20 + self.demo.ordinal}/KH-{media.initials(self.demo.name)}",
                place_date=self.place_date(created.date()),
                title=f"Kế hoạch năm học {self.y.label}",
                paragraphs=[text.format_map(ctx) for _, text in self.year_plan_sections()],
                recipients=("Phòng GD&ĐT huyện Củ Chi", "CB-GV-NV", "Lưu VT"),
            )
        if document is not None:
            attachments = [
                {
                    "type": "attachment",
                    "value": {"document": document.pk, "label": "Kế hoạch năm học (PDF)"},
                }
            ]
        page = PlanPage(
            title=f"Kế hoạch năm học {self.y.label}",
            period="year",
            period_start=self.y.start,
            period_end=self.y.end,
            body=body,
            attachments=attachments,
        )
        self.create("ke-hoach", page, created, published, refs=bool(attachments))
        self.count_burst(published)

    def year_plan_sections(self):
        """(heading, text) of the year plan: each year in other words than the year before."""
        return [(heading, texts[self.y.offset % 2]) for heading, texts in self.t.YEAR_PLAN_SECTIONS]

    def monthly_plans(self):
        for year, month in self.y.months():
            first = datetime.date(year, month, 1)
            previous = first - DAY
            if self.profile == "diligent":
                day = self.y.working_day_on_or_before(
                    previous.replace(day=self.rng.randint(20, 24))
                )
                created, published = self.times(day)
            elif self.profile == "middling":
                if self.rng.random() < 0.22:
                    continue
                late = self.rng.random() < 0.5
                day = first + self.rng.randint(0, 3) * DAY if late else previous.replace(day=23)
                created, published = self.times(self.y.working_day_on_or_after(day))
            elif self.profile == "stale":
                if (year, month) != (self.y.first, 9):
                    continue
                created, published = self.times(self.y.day(datetime.date(2016, 9, 6)))
            else:
                burst = {
                    (self.y.first, 11): self.bursts[0],
                    (self.y.first, 12): self.bursts[0],
                    (self.y.first + 1, 3): self.bursts[1],
                    (self.y.first + 1, 4): self.bursts[1],
                }.get((year, month))
                if burst is None:
                    continue
                created = self.burst_times(burst, 1)[0]
                published = created + 4 * MINUTE
            theme = self.t.MN_THEMES[month]
            last = (first.replace(day=28) + 4 * DAY).replace(day=1) - DAY
            goals = "; ".join(g.lower() for g in self.rng.sample(self.t.MN_WEEK_ACTIVITIES, 5))
            page = PlanPage(
                slug=f"ke-hoach-thang-{month:02d}-{year}",
                title=f"Kế hoạch giáo dục tháng {month}/{year} – Chủ đề “{theme}”",
                period="month",
                period_start=first,
                period_end=last,
                body=[
                    {"type": "heading", "value": f"Chủ đề: {theme}"},
                    *paragraph_blocks(
                        [
                            self.fmt(text, theme=theme, goals=goals)
                            for text in self.t.MONTHLY_PLAN[self.y.offset % 2]
                        ]
                    ),
                ],
            )
            self.create("ke-hoach", page, created, published)
            self.count_burst(published)

    def weekly_plans(self):
        for number, week in enumerate(self.weeks, start=1):
            timing = self._recurring_timing(
                week, number, share={"diligent": 0.96, "middling": 0.25}
            )
            if timing is None:
                continue
            created, published = timing
            theme = self.t.MN_THEMES[week.month]
            activities = self.rng.sample(self.t.MN_WEEK_ACTIVITIES, 5)
            rows = [
                [name, activity]
                for name, activity in zip(
                    ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu"), activities, strict=False
                )
            ]
            page = PlanPage(
                slug=f"ke-hoach-tuan-{week:%d-%m-%Y}",
                title=f"Kế hoạch tuần {number} ({week:%d/%m} – {vn_date(week + 4 * DAY)})",
                period="week",
                period_start=week,
                period_end=week + 4 * DAY,
                body=[
                    *paragraph_blocks(
                        [f"Chủ đề: {theme}. Áp dụng cho các lớp mẫu giáo của {self.demo.name}."]
                    ),
                    table_block(["Ngày", "Hoạt động chính"], rows),
                ],
            )
            self.create("ke-hoach", page, created, published)
            self.count_burst(published)

    def _recurring_timing(self, week, number, share):
        """When a weekly item (menu, weekly plan) for ``week`` is published, or None."""
        if self.profile == "diligent":
            if self.rng.random() > share["diligent"]:
                return None
            day = self.y.working_day_on_or_before(week - self.rng.choice((3, 4)) * DAY)
            return self.times(day, (13, 30), (16, 45))
        if self.profile == "middling":
            if self.rng.random() > share["middling"]:
                return None
            if self.rng.random() < 0.5:
                return self.times(self.y.working_day_on_or_after(week), (7, 0), (9, 0))
            return self.times(self.y.working_day_on_or_before(week - 3 * DAY), (14, 0), (16, 30))
        if self.profile == "stale":
            if number > 3:
                return None
            return self.times(self.y.working_day_on_or_after(week), (7, 30), (10, 0))
        # "show": menus and plans for the weeks around each burst, all published in the burst.
        for burst in self.bursts:
            if burst - 10 * DAY <= week <= burst + 5 * DAY:
                created = self.burst_times(burst, 1)[0]
                return created, created + 3 * MINUTE
        return None

    def timetables(self):
        terms = (
            (
                "I",
                self.y.start,
                self.y.day(datetime.date(2017, 1, 14)),
                self.y.day(datetime.date(2016, 9, 1)),
            ),
            (
                "II",
                self.y.day(datetime.date(2017, 1, 16)),
                self.y.end,
                self.y.day(datetime.date(2017, 1, 13)),
            ),
        )
        subjects = self.t.TIMETABLE_SUBJECTS[self.level]
        for index, (term, start, end, due) in enumerate(terms):
            if self.profile == "diligent":
                created, published = self.times(due)
            elif self.profile == "middling":
                if index:
                    continue
                created, published = self.times(self.y.day(datetime.date(2016, 9, 12)))
            elif self.profile == "stale":
                if index:
                    continue
                created, published = self.times(self.y.day(datetime.date(2016, 9, 8)))
            else:
                created = self.burst_times(self.bursts[index], 1)[0]
                published = created + 4 * MINUTE
            cls = self.rng.choice(class_names(self.demo))
            rows = [[f"Tiết {n}", *self.rng.sample(subjects, 5)] for n in range(1, 6)]
            page = PlanPage(
                title=f"Thời khóa biểu học kỳ {term} năm học {self.y.label}",
                period="term",
                period_start=start,
                period_end=end,
                body=[
                    *paragraph_blocks(
                        [
                            f"Thời khóa biểu áp dụng từ ngày {vn_date(start)}. Bảng dưới đây là "
                            f"thời khóa biểu buổi sáng của lớp {cls}; thời khóa biểu các lớp khác "
                            "niêm yết tại bảng tin nhà trường."
                        ]
                    ),
                    table_block(
                        ["Tiết", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu"], rows
                    ),
                ],
            )
            self.create("ke-hoach/thoi-khoa-bieu", page, created, published)
            self.count_burst(published)

    # ------------------------------------------------------------ menus and work schedules
    def menus(self):
        if "thuc-don" not in self.sections:
            return
        days = ("mon", "tue", "wed", "thu", "fri")
        for number, week in enumerate(self.weeks, start=1):
            timing = self._recurring_timing(
                week, number, share={"diligent": 0.97, "middling": 0.65}
            )
            if timing is None:
                continue
            created, published = timing
            mains = self.rng.sample(self.t.MAIN_DISHES, 5)
            soups = self.rng.sample(self.t.SOUPS, 5)
            breakfasts = self.rng.sample(self.t.BREAKFASTS, 5)
            afternoons = self.rng.sample(self.t.AFTERNOONS, 5)
            meals = []
            for i, day in enumerate(days):
                dishes = (mains[i], soups[i], self.rng.choice(self.t.SIDES))
                lunch = (
                    "Cơm trắng, "
                    + ", ".join(d[0].lower() + d[1:] for d in dishes)
                    + f"; tráng miệng: {self.rng.choice(self.t.DESSERTS).lower()}"
                )
                meals.append(
                    {
                        "type": "day",
                        "value": {
                            "day": day,
                            "breakfast": breakfasts[i] if self.level == MN else "",
                            "lunch": lunch,
                            "afternoon": afternoons[i],
                        },
                    }
                )
            page = WeeklyMenuPage(
                slug=f"thuc-don-tuan-{week:%d-%m-%Y}",
                title=f"Thực đơn tuần {number} ({week:%d/%m} – {vn_date(week + 5 * DAY)})",
                week_start=week,
                days=meals,
                note="Thực đơn có thể thay đổi theo mùa vụ; nhà trường sẽ thông báo khi điều chỉnh.",
            )
            self.create("thuc-don", page, created, published)
            self.count_burst(published)

    def schedules(self):
        teams = self.t.SCHEDULE_TEAMS[self.level]
        events = self._events()
        for number, week in enumerate(self.weeks, start=1):
            timing = self._schedule_timing(week, number)
            if timing is None:
                continue
            created, published = timing
            ctx = article_context(
                self.demo, self.office, self.y, week, seeded(self.demo.slug, "week", number)
            )
            entries = {d: [] for d in WEEKDAYS[:6]}
            for day, time, content, lead, location in self.t.SCHEDULE_ROUTINE:
                entries[day].append((time, content, lead, location))
            for day, time, content, lead, location in self.rng.sample(self.t.SCHEDULE_POOL, 5):
                entries[day].append(
                    (
                        time,
                        content.format(team=self.rng.choice(teams), **ctx),
                        lead,
                        location.format(**ctx),
                    )
                )
            for topic in events:
                if week <= topic.when < week + 7 * DAY:
                    title = topic_text(self.demo, self.office, self.y, self.t, topic, topic.when)[0]
                    entries[WEEKDAYS[topic.when.weekday()]].append(
                        ("07:30", f"Tổ chức: {title}", "Ban giám hiệu", "Sân trường")
                    )
            leads = {
                "Hiệu trưởng": self.ctx["principal"],
                "Phó Hiệu trưởng": self.ctx["vice"],
            }
            days = [
                {
                    "type": "day",
                    "value": {
                        "day": day,
                        "entries": [
                            {
                                "time": time,
                                "content": content,
                                "lead": f"{lead} {leads[lead]}" if lead in leads else lead,
                                "location": location,
                            }
                            for time, content, lead, location in sorted(items)
                        ],
                    },
                }
                for day, items in entries.items()
                if items
            ]
            page = WeeklySchedulePage(
                slug=f"lich-cong-tac-tuan-{week:%d-%m-%Y}",
                title=f"Lịch công tác tuần {number} ({week:%d/%m} – {vn_date(week + 6 * DAY)})",
                week_start=week,
                days=days,
            )
            self.create("lich-cong-tac", page, created, published, author=self.approver)
            self.count_burst(published)

    def _schedule_timing(self, week, number):
        if self.profile == "diligent":
            if self.rng.random() > 0.96:
                return None
            friday = self.y.working_day_on_or_before(week - 3 * DAY)
            return self.times(friday - self.rng.choice((0, 0, 1)) * DAY, (14, 30), (16, 45))
        if self.profile == "middling":
            if self.rng.random() > 0.35:
                return None
            if self.rng.random() < 0.4:
                return self.times(
                    self.y.working_day_on_or_before(week - 3 * DAY), (15, 0), (16, 45)
                )
            return self.times(self.y.working_day_on_or_after(week), (7, 0), (8, 30))
        if self.profile == "stale":
            if number > 2:
                return None
            return self.times(self.y.working_day_on_or_after(week), (7, 30), (9, 0))
        for burst in self.bursts:
            if burst - 3 * DAY <= week <= burst + 5 * DAY:
                created = self.burst_times(burst, 1)[0]
                return created, created + 3 * MINUTE
        return None

    # ------------------------------------------------------------ disclosures
    def disclosure_year(self):
        """The year's disclosure page and its slots, as ``open_school_year`` made them."""
        index = self.sections["cong-khai"]
        year = DisclosureYearPage.objects.child_of(index).get(school_year=self.y.label)
        slots = DisclosureItemPage.objects.child_of(year).exclude(item_code="").order_by("path")
        return year, sorted(slots, key=lambda slot: slot.item_code)

    def disclosures(self):
        year, slots = self.disclosure_year()
        stats = {
            "pupils": self.demo.pupils,
            "classes": self.demo.classes,
            "staff": self.demo.staff,
            "school": self.demo.name,
            "commune": self.demo.commune,
            "serves_meals": self.demo.serves_meals,
        }
        schedule = []  # (slot, first publication, update or None)
        if self.profile == "diligent":
            for slot in slots:
                first = self.y.working_day_on_or_after(
                    self.y.day(datetime.date(2016, 6, self.rng.randint(13, 27)))
                )
                update = self.y.working_day_on_or_after(
                    self.y.day(datetime.date(2016, 9, self.rng.randint(12, 23)))
                )
                schedule.append((slot, self.times(first), self.times(update)))
        elif self.profile == "middling":
            for i, slot in enumerate(slots):
                day = self.y.working_day_on_or_after(
                    self.y.day(datetime.date(2016, 7, 4)) + (i * 6 + self.rng.randint(0, 4)) * DAY
                )
                schedule.append((slot, self.times(day), None))
        elif self.profile == "stale":
            day = self.y.day(datetime.date(2016, 10, 5))
            schedule.append((slots[0], self.times(day), None))
        else:
            first, second = slots[:3], slots[3:]
            for group, burst in ((first, self.bursts[0]), (second, self.bursts[1])):
                for slot, created in zip(group, self.burst_times(burst, len(group)), strict=False):
                    schedule.append((slot, (created, created + 4 * MINUTE), None))
        if not schedule:
            return
        earliest = min(times[0] for _, times, _ in schedule)
        if not year.live:
            self.pub.update(
                year,
                self._year_change(year.profile_code),
                author=self.approver,
                edited=earliest - 30 * MINUTE,
                published=earliest - 25 * MINUTE,
            )
        for slot, (created, published), update in schedule:
            kind = texts_disclosure.kind_of(slot.item_code)
            self.pub.update(
                slot,
                self._disclosure_change(
                    slot, kind, stats, "june" if update else "september", created
                ),
                author=self.editor,
                edited=created,
                approver=self.approver,
                published=published,
                refs=True,
            )
            self.pub.counts["DisclosureItemPage"] += 1
            self.count_burst(published)
            if update:
                edited, republished = update
                self.pub.update(
                    slot,
                    self._disclosure_change(slot, kind, stats, "september", edited),
                    author=self.editor,
                    edited=edited,
                    approver=self.approver,
                    published=republished,
                    refs=True,
                )
        self.disclosed = [slot for slot, _, _ in schedule]

    def _year_change(self, profile_code):
        if profile_code == "TT09_2024":
            text = (
                f"Công khai năm học {self.y.label} theo Thông tư 09/2024/TT-BGDĐT của Bộ Giáo dục "
                "và Đào tạo: thông tin chung, thu chi tài chính, điều kiện bảo đảm chất lượng, kế "
                "hoạch và kết quả hoạt động, báo cáo thường niên."
            )
        else:
            circular = {"TT36_2017": "36/2017"}.get(profile_code, "09/2009")
            text = (
                f"Công khai năm học {self.y.label} theo Thông tư {circular}/TT-BGDĐT của Bộ Giáo "
                "dục và Đào tạo: cam kết chất lượng, điều kiện đảm bảo chất lượng và thu chi tài "
                "chính."
            )

        def change(page):
            page.intro = paragraphs_html([text])

        return change

    def _disclosure_change(self, slot, kind, stats, stage, when):
        rng = seeded(self.demo.slug, slot.item_code, stage, self.y.first)
        paragraphs, table = texts_disclosure.content(
            kind, self.level, stats, rng, stage, self.y.first
        )
        label = f"tháng 6/{self.y.first}" if stage == "june" else f"cập nhật tháng 9/{self.y.first}"
        thin = self.profile == "show"
        document = None
        if not thin or kind in ("commitment", "finance"):
            document = self.pdf(
                f"{slot.slug}-{stage}",
                f"{slot.title} ({label})",
                when,
                place_date=self.place_date(when.date()),
                title=slot.title.split(" – ")[-1],
                subtitle=f"Năm học {self.y.label}",
                paragraphs=paragraphs,
                table=table,
            )

        def change(page):
            page.body = paragraphs_html(paragraphs)
            page.file = document
            if table and not thin:
                page.table = [table_block(*table, caption=f"Số liệu {label}")]

        return change

    # ------------------------------------------------------------ gallery, admissions, parents
    def gallery(self):
        albums = {
            "diligent": (
                (
                    f"Lễ khai giảng năm học {self.y.label}",
                    self.y.day(datetime.date(2016, 9, 5)),
                    ("khai-giang", "co", "san-truong"),
                ),
                (
                    "Kỷ niệm ngày Nhà giáo Việt Nam 20/11",
                    self.y.day(datetime.date(2016, 11, 18)),
                    ("nha-giao", "hoa", "van-nghe"),
                ),
            ),
            "middling": (
                (
                    f"Lễ khai giảng năm học {self.y.label}",
                    self.y.day(datetime.date(2016, 9, 5)),
                    ("khai-giang", "co"),
                ),
            ),
            "show": (
                (
                    f"Lễ khai giảng năm học {self.y.label}",
                    self.y.day(datetime.date(2016, 9, 5)),
                    ("khai-giang", "san-truong"),
                ),
            ),
            "stale": (),
        }[self.profile]
        for title, day, scenes in albums:
            if self.profile == "show":
                created = self.burst_times(self.bursts[0], 1)[0]
                published = created + 3 * MINUTE
            else:
                created, published = self.times(
                    self.y.working_day_on_or_after(day + DAY), (14, 0), (16, 30)
                )
            if not self.pub.happened(created):
                continue
            figures = []
            for scene in scenes:
                image = self.image_for(scene, created)
                figures.append(
                    {
                        "type": "figure",
                        "value": {
                            "image": {
                                "image": image.pk,
                                "decorative": False,
                                "alt_text": image.description,
                            },
                            "caption": f"{media.scene_caption(scene)} – {self.demo.name}",
                        },
                    }
                )
            page = GalleryAlbumPage(title=title, date=day, images=figures)
            self.create("thu-vien-anh", page, created, published, refs=True)

    def admissions(self):
        if self.profile == "stale":
            return
        spec = self.t.ADMISSIONS[self.level]
        first_classes = max(2, self.demo.classes // (4 if self.level != TH else 5))
        ctx = {
            "n_first_classes": first_classes,
            "n_first": first_classes * (35 if self.level != MN else 30),
        }
        if self.profile == "show":
            edited = self.burst_times(self.bursts[1], 1)[0]
            published = edited + 3 * MINUTE
            sections = spec["sections"][:1]
        else:
            day = (
                self.y.day(datetime.date(2017, 5, 8))
                if self.profile == "diligent"
                else self.y.day(datetime.date(2017, 5, 22))
            )
            edited, published = self.times(day)
            sections = spec["sections"]

        def change(page):
            page.intro = paragraphs_html([self.fmt(spec["intro"], **ctx)])
            blocks = []
            for heading, text in sections:
                blocks.append({"type": "heading", "value": heading})
                blocks += paragraph_blocks([self.fmt(text, **ctx)])
            page.body = blocks

        self.pub.update(
            self.sections["tuyen-sinh"],
            change,
            author=self.editor,
            edited=edited,
            approver=self.approver,
            published=published,
        )

    def parents_corner(self):
        if self.profile != "diligent" or "goc-phu-huynh" not in self.sections:
            return
        edited, published = self.times(self.y.day(datetime.date(2016, 10, 10)))

        def change(page):
            page.intro = paragraphs_html([self.fmt(self.t.PARENTS_CORNER[0])])
            page.body = paragraph_blocks([self.fmt(self.t.PARENTS_CORNER[1])])

        self.pub.update(
            self.sections["goc-phu-huynh"],
            change,
            author=self.editor,
            edited=edited,
            approver=self.approver,
            published=published,
        )

    def feedback(self):
        count = {"diligent": 4, "middling": 2, "show": 1, "stale": 2}[self.profile]
        contact = self.sections["lien-he"]
        fields = list(
            contact.form_fields.order_by("sort_order").values_list("clean_name", flat=True)
        )
        if len(fields) < 4:
            return
        for i in range(count):
            name, reach, subject, message = self.t.FEEDBACK[
                (self.demo.ordinal * 3 + i) % len(self.t.FEEDBACK)
            ]
            day = self.y.working_day_on_or_after(
                self.y.start + (20 + i * 61 + self.rng.randint(0, 9)) * DAY
            )
            sent = moment(self.rng, day, (19, 0), (21, 30))
            if not self.pub.happened(sent):
                continue
            with simulated_now(sent):
                FormSubmission.objects.create(
                    page=contact,
                    form_data=dict(zip(fields, (name, reach, subject, message), strict=False)),
                )

    # ------------------------------------------------------------ for show / in progress
    def unchanged_republications(self):
        """Pages published again without any change, to look busy before the inspection and at
        the end of the year."""
        targets = [self.sections["gioi-thieu"], self.articles.get("khai-giang")]
        targets += getattr(self, "disclosed", [])[:1]
        moments = self.burst_times(self.bursts[1], len(targets))
        for page, when in zip(targets, moments, strict=False):
            if page is not None:
                self.pub.republish_unchanged(page, user=self.approver, when=when)
        end = at(self.y.day(datetime.date(2017, 5, 22)), 16, 10)
        for offset, page in enumerate(getattr(self, "disclosed", [])[1:3]):
            self.pub.republish_unchanged(page, user=self.approver, when=end + offset * 2 * MINUTE)

    def draft_in_progress(self):
        """An article an editor is still writing at the end of May (never published)."""
        day = self.y.day(datetime.date(2017, 5, 30))
        page = NewsArticlePage(
            title=f"Kế hoạch hoạt động hè {self.y.first + 1}",
            date=day,
            category="doan-doi",
            intro=self.fmt(
                "Nhà trường xây dựng kế hoạch sinh hoạt hè "
                f"{self.y.first + 1} cho {{pupils}} tại địa phương."
            ),
            body=paragraph_blocks(
                [self.fmt("Bản nháp: đang lấy ý kiến Ban giám hiệu và Ban đại diện {parents}.")]
            ),
        )
        self.pub.create(self.sections["tin-tuc"], page, author=self.editor, created=at(day, 15, 20))
