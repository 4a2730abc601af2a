"""News through the year by profile: diligent weekly posts, the middling and stale rhythms, and the
"for show" bursts (thin, copied, backdated posts), plus the office's shared articles."""

import datetime

from page_types.models import (
    NewsArticlePage,
)
from tenants.clock import at, monday_of

from .. import media
from ..publishing import paragraph_blocks
from ..years import seeded
from .common import (
    DAY,
    MINUTE,
    OFFICE,
    article_context,
    topic_text,
)


class NewsMixin:
    """Methods of SchoolLoader (school/__init__.py)."""

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
