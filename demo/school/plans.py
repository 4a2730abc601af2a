"""What recurs: the year plan, monthly and weekly plans, timetables, weekly menus and work schedules,
each on time or late as the profile says."""

import datetime

from page_types.models import (
    PlanPage,
    WeeklyMenuPage,
    WeeklySchedulePage,
)

from .. import media
from ..publishing import paragraph_blocks, table_block
from ..years import WEEKDAYS, seeded, vn_date
from .common import (
    DAY,
    MINUTE,
    MN,
    article_context,
    class_names,
    topic_text,
)


class RecurringMixin:
    """Methods of SchoolLoader (school/__init__.py)."""

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
