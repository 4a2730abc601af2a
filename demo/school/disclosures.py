"""The public disclosures (công khai) of the year: the slots the regulations app opened, filled in June
and updated in September (or late, or never) by profile."""

import datetime

from page_types.models import (
    DisclosureItemPage,
    DisclosureYearPage,
)

from .. import texts_disclosure
from ..publishing import paragraphs_html, table_block
from ..years import seeded
from .common import (
    DAY,
    MINUTE,
)


class DisclosuresMixin:
    """Methods of SchoolLoader (school/__init__.py)."""

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
