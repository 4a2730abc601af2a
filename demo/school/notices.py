"""Announcements (this week's urgent notice included), official documents and downloadable forms."""

import datetime

from page_types.models import (
    FormFilePage,
    OfficialDocumentPage,
)
from page_types.models.announcements import AnnouncementPage

from .. import media
from ..publishing import paragraph_blocks
from ..years import seeded
from .common import (
    DAY,
    MINUTE,
    article_context,
)


class NoticesMixin:
    """Methods of SchoolLoader (school/__init__.py)."""

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
