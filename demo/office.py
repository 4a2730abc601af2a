"""The office's own site (Phòng GD&ĐT huyện Củ Chi): its news, its letters (among them
1636/GDĐT-VP itself, 16/11/2016), announcements to the schools, and the PDFs shared with them."""

import datetime

from wagtail.models import Collection

from page_types.models import (
    AnnouncementPage,
    MandatedSection,
    NewsArticlePage,
    OfficialDocumentPage,
)
from page_types.models.documents import DocType
from tenants.clock import at

from . import media
from .data import FIXTURES
from .publishing import paragraph_blocks, paragraphs_html, vn_slug
from .texts import office_texts
from .years import REFERENCE_YEAR, DemoYear, moment, seeded

MINUTE = datetime.timedelta(minutes=1)
# The office's own content is its 2016-2017 history (the year of letter 1636).
HISTORY = DemoYear(REFERENCE_YEAR)
TEXTS = office_texts()
SEED_1636 = FIXTURES / "cong-van-1636-GDDT-VP-2016.txt"
ISSUERS = {
    "phong": ("UBND huyện Củ Chi", "Phòng Giáo dục và Đào tạo", "Củ Chi"),
    "so": ("UBND Thành phố Hồ Chí Minh", "Sở Giáo dục và Đào tạo", "Thành phố Hồ Chí Minh"),
    "bo": ("", "Bộ Giáo dục và Đào tạo", "Hà Nội"),
    "ubnd": ("", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
}


def letter_1636():
    """(recipients line, body paragraphs) of letter 1636/GDĐT-VP, from the verbatim text."""
    lines = [line.strip() for line in SEED_1636.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    start = next(i for i, line in enumerate(lines) if line.startswith("Căn cứ"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận"))
    recipients = next(line for line in lines if line.startswith("Kính gửi"))
    body = [" ".join(line.split()) for line in lines[start:end]]
    return recipients, body


class OfficeMedia:
    """The office's documents and the parents' forms as PDFs, each drawn once per load."""

    news = TEXTS.OFFICE_NEWS

    def __init__(self, office):
        self.office = office
        self._pdfs = {}

    def context(self):
        return {
            "office_head": self.office.head,
            "office_head_title": self.office.head_title,
            "office_deputy": self.office.deputy,
            "office_deputy_title": self.office.deputy_title,
        }

    def document_spec(self, key):
        spec = dict(next(d for d in TEXTS.OFFICE_DOCUMENTS if d["key"] == key))
        label = DocType(spec["doc_type"]).label
        spec["signer"] = spec["signer"].format_map(self.context())
        spec["title"] = f"{label} số {spec['number']} – {spec['summary'].rstrip('.')}"
        spec["slug"] = vn_slug(f"{label}-{spec['number']}")
        return spec

    def pdf(self, key):
        if key not in self._pdfs:
            spec = self.document_spec(key)
            parent, org, place = ISSUERS[spec["issuer_level"]]
            issued = spec["issued_on"]
            if spec.get("seed_text"):
                recipients, paragraphs = letter_1636()
                paragraphs = [recipients, *paragraphs]
            else:
                paragraphs = list(spec["paragraphs"])
            # Names are given only for the (fictional) office staff, not for higher authorities.
            signer_title, signer_name = spec["signer"], ""
            if spec["issuer_level"] == "phong":
                signer_title, signer_name = self._phong_signer(spec["signer"])
            self._pdfs[key] = media.render_pdf(
                org_parent=parent,
                org=org,
                number=spec["number"],
                place_date=f"{place}, ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}",
                title=DocType(spec["doc_type"]).label,
                subtitle=spec["summary"],
                paragraphs=paragraphs,
                signer_title=signer_title,
                signer_name=signer_name,
                recipients=("Như trên", "Lưu VT"),
            )
        return self._pdfs[key]

    def _phong_signer(self, signer):
        if signer.startswith(self.office.deputy_title):
            return f"KT. Trưởng phòng – {self.office.deputy_title}", self.office.deputy
        return self.office.head_title, self.office.head

    def form_pdf(self, spec):
        key = f"form:{spec['key']}"
        if key not in self._pdfs:
            self._pdfs[key] = media.render_pdf(
                org_parent="",
                org="",
                place_date="........, ngày ..... tháng ..... năm 20.....",
                title=spec["title"],
                paragraphs=[
                    "Kính gửi: Ban Giám hiệu Trường ............................................"
                ],
                fields=spec["fields"],
                signer_title="Người làm đơn",
                signer_name="(Ký và ghi rõ họ tên)",
            )
        return self._pdfs[key]


class OfficeLoader:
    def __init__(self, authority, office, user, publisher, office_media):
        self.authority = authority
        self.office = office
        self.user = user
        self.pub = publisher
        self.media = office_media
        self.rng = seeded(authority.code, "office")
        self.root = authority.site.root_page.specific
        self.sections = {
            ms.key.removeprefix("office/"): ms.page.specific
            for ms in MandatedSection.objects.filter(
                school=None, key__startswith="office/", page__path__startswith=self.root.path
            ).select_related("page")
        }
        root_collection = Collection.get_first_root_node()
        self.collection = (
            root_collection.get_children().filter(name=authority.name).first() or root_collection
        )

    def publish(self, section, page, day, start=(8, 0), end=(10, 30), refs=False):
        created = moment(self.rng, day, start, end)
        return self.pub.create(
            self.sections[section],
            page,
            author=self.user,
            approver=self.user,
            created=created,
            published=created + self.rng.randint(5, 40) * MINUTE,
            refs=refs,
        )

    def load(self):
        self.home()
        images = {}
        for item in TEXTS.OFFICE_NEWS:
            day = HISTORY.working_day_on_or_after(item["when"])
            scene = item["scene"]
            if scene not in images:
                caption = media.scene_caption(scene)
                images[scene] = self.pub.image(
                    name=f"phong-{scene}.jpg",
                    data=media.scene_jpeg(scene),
                    title=f"{caption} – Phòng GD&ĐT Củ Chi",
                    description=f"Ảnh minh họa: {caption.lower()}",
                    collection=self.collection,
                    user=self.user,
                    when=at(day, 8, 0),
                    size=(media.WIDTH, media.HEIGHT),
                )
            page = NewsArticlePage(
                title=item["title"],
                date=item["when"],
                category="tin-tu-phong",
                intro=item["paragraphs"][0],
                body=paragraph_blocks(item["paragraphs"][1:]),
                lead_image=images[scene],
            )
            self.publish("tin-tuc", page, day, (9, 0), (16, 0), refs=True)
        for spec in TEXTS.OFFICE_DOCUMENTS:
            resolved = self.media.document_spec(spec["key"])
            day = HISTORY.working_day_on_or_after(
                max(resolved["issued_on"], HISTORY.start - 4 * datetime.timedelta(days=1))
            )
            document = self.pub.document(
                name=f"phong-{resolved['slug']}.pdf",
                data=self.media.pdf(spec["key"]),
                title=resolved["title"],
                collection=self.collection,
                user=self.user,
                when=at(day, 7, 45),
            )
            body = ""
            if spec.get("seed_text"):
                recipients, paragraphs = letter_1636()
                body = paragraphs_html([recipients, *paragraphs])
            page = OfficialDocumentPage(
                title=resolved["title"][:250],
                number=resolved["number"],
                doc_type=resolved["doc_type"],
                issuer_level=resolved["issuer_level"],
                issuer_name=resolved["issuer_name"],
                issued_on=resolved["issued_on"],
                effective_on=resolved.get("effective_on"),
                signer=resolved["signer"],
                summary=resolved["summary"],
                file=document,
                body=body,
            )
            self.publish("van-ban", page, day, refs=True)
        for spec in TEXTS.OFFICE_ANNOUNCEMENTS:
            page = AnnouncementPage(
                title=spec["title"],
                date=spec["date"],
                priority=spec["priority"],
                valid_until=spec["valid_until"],
                body=paragraph_blocks(spec["paragraphs"]),
            )
            self.publish("thong-bao", page, spec["date"])
        self.contact()

    def home(self):
        when = at(datetime.date(2016, 5, 16), 9, 30)

        def change(page):
            page.motto = "Vì một nền giáo dục minh bạch, gần gũi phụ huynh"
            page.welcome = paragraphs_html(
                [
                    f"Trang thông tin của {self.office.name}: tin tức, văn bản chỉ đạo, danh bạ "
                    "các trường mầm non, tiểu học, trung học cơ sở trên địa bàn huyện và tình hình "
                    "cập nhật trang thông tin của từng trường."
                ]
            )

        self.pub.update(
            self.root, change, author=self.user, edited=when, published=when + 2 * MINUTE
        )
        if "truong-hoc" in self.sections:
            self.pub.update(
                self.sections["truong-hoc"],
                lambda page: setattr(
                    page,
                    "intro",
                    paragraphs_html(
                        [
                            "Địa chỉ trang thông tin điện tử của từng trường, theo cấp học và xã. "
                            "Nhà trường in mã QR để phụ huynh truy cập nhanh."
                        ]
                    ),
                ),
                author=self.user,
                edited=when + 5 * MINUTE,
                published=when + 6 * MINUTE,
            )

    def contact(self):
        if "lien-he" not in self.sections:
            return
        when = at(datetime.date(2016, 9, 6), 10, 0)
        office = self.office

        def change(page):
            page.address = office.address
            page.phone = office.phone
            page.email = office.email
            page.intro = paragraphs_html(
                [f"Liên hệ {office.name}. Giờ tiếp công dân: sáng thứ Năm hằng tuần."]
            )
            page.map_url = (
                "https://www.google.com/maps/search/?api=1&query="
                + office.address.replace(" ", "+")
            )

        self.pub.update(
            self.sections["lien-he"], change, author=self.user, edited=when, published=when + MINUTE
        )
