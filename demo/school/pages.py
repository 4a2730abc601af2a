"""The school's standing pages: home, introduction, contact, gallery, admissions, parents' corner and
the feedback form, with the changes a profile makes to them through the year."""

import datetime

from wagtail.contrib.forms.models import FormSubmission

from page_types.models import (
    GalleryAlbumPage,
)
from tenants.clock import simulated_now

from .. import media
from ..publishing import paragraph_blocks, paragraphs_html, table_block
from ..years import moment
from .common import (
    DAY,
    MINUTE,
    MN,
    TH,
)


class SitePagesMixin:
    """Methods of SchoolLoader (school/__init__.py)."""

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
