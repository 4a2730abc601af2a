"""Builders of published content for the public-site tests: one of each post type, with real
image and document files, created and published the way editors do (revision → publish)."""

import datetime
import io
import itertools

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Page

from page_types.models import (
    AnnouncementPage,
    FormFilePage,
    GalleryAlbumPage,
    NewsArticlePage,
    OfficialDocumentPage,
    PlanPage,
    StandardPage,
    WeeklyMenuPage,
    WeeklySchedulePage,
)

_n = itertools.count(1)


def section(school, key):
    """The section page of a school at a blueprint path such as "tin-tuc" or "ke-hoach/thoi-khoa-bieu"."""
    page = Page.objects.get(pk=school.root_page_id)
    for slug in key.split("/"):
        page = page.get_children().get(slug=slug)
    return page.specific


def make_image(school=None, title="Ảnh", colour=(29, 78, 137), size=(1200, 800)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    image = Image(
        title=title,
        file=ImageFile(buffer, name=f"anh-{next(_n)}.jpg"),
        collection=school.collection if school else Collection.get_first_root_node(),
    )
    image.save()
    return image


def fresh(image):
    """A separate instance of an image: ImageBlock writes its alt text onto the instance, so
    two blocks sharing one object would share one alt text."""
    return Image.objects.get(pk=image.pk)


def make_document(school, title="Tài liệu", size=250 * 1024, ext="pdf"):
    document = Document(
        title=title,
        file=ContentFile(b"%PDF-1.4\n" + b"0" * (size - 9), name=f"tep-{next(_n)}.{ext}"),
        collection=school.collection,
    )
    document.save()
    return document


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def monday(offset_weeks=0):
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(weeks=offset_weeks)


def news(school, title="Lễ khai giảng năm học mới", image=True, **fields):
    defaults = {
        "title": title,
        "slug": f"tin-{next(_n)}",
        "intro": "Sáng nay, toàn trường long trọng tổ chức lễ khai giảng.",
        "category": "hoat-dong",
        "date": timezone.localdate(),
    }
    defaults.update(fields)
    if image and "lead_image" not in defaults:
        defaults["lead_image"] = make_image(school, title=f"Ảnh {title}")
    return publish(section(school, "tin-tuc"), NewsArticlePage(**defaults))


def announcement(school, title="Họp phụ huynh đầu năm", **fields):
    defaults = {"title": title, "slug": f"thong-bao-{next(_n)}", "date": timezone.localdate()}
    defaults.update(fields)
    return publish(section(school, "thong-bao"), AnnouncementPage(**defaults))


def full_school_content(school):
    """One published instance of every post type of a school, with key fields to look for."""
    photo = make_image(school, title="Học sinh trồng cây", colour=(40, 120, 60))
    pdf = make_document(school, title="Kế hoạch năm học")
    created = {}
    created["news"] = news(
        school,
        title="Học sinh trồng cây xanh",
        intro="Các em học sinh khối 5 trồng cây trong sân trường.",
        body=[
            ("heading", "Một buổi sáng ý nghĩa"),
            ("paragraph", "<p>Các em đã trồng 50 cây xanh.</p>"),
            (
                "figure",
                {
                    "image": {"image": photo, "alt_text": "Học sinh tưới cây", "decorative": False},
                    "caption": "Các em tưới cây sau khi trồng",
                },
            ),
            ("quote", {"text": "Vì lợi ích mười năm trồng cây.", "attribution": "Hồ Chí Minh"}),
            ("document", {"document": pdf, "label": "Kế hoạch trồng cây"}),
            (
                "table",
                {
                    "caption": "Số cây theo lớp",
                    "columns": [
                        {"type": "text", "heading": "Lớp"},
                        {"type": "number", "heading": "Số cây"},
                    ],
                    "rows": [{"values": ["5A", 20]}, {"values": ["5B", 30]}],
                },
            ),
            (
                "people",
                {
                    "heading": "Giáo viên phụ trách",
                    "people": [
                        {
                            "name": "Trần Thị Bình",
                            "role": "Tổng phụ trách Đội",
                            "phone": "0909 123 456",
                            "email": "binh@example.vn",
                        }
                    ],
                },
            ),
        ],
        gallery=[
            (
                "figure",
                {
                    "image": {
                        "image": fresh(photo),
                        "alt_text": "Cây mới trồng",
                        "decorative": False,
                    },
                    "caption": "Hàng cây mới",
                },
            ),
        ],
        attachments=[("attachment", {"document": pdf, "label": "Danh sách lớp tham gia"})],
    )
    created["announcement"] = announcement(
        school,
        title="Lịch họp phụ huynh học kỳ I",
        audience="grade",
        audience_detail="Khối 5",
        priority="important",
        valid_until=timezone.localdate() + datetime.timedelta(days=10),
        body=[("paragraph", "<p>Kính mời quý phụ huynh dự họp.</p>")],
        attachments=[("attachment", {"document": pdf, "label": "Giấy mời họp"})],
    )
    created["document"] = publish(
        section(school, "van-ban"),
        OfficialDocumentPage(
            title="Quyết định thành lập Ban đại diện cha mẹ học sinh",
            slug=f"van-ban-{next(_n)}",
            number="15/QĐ-TH",
            doc_type="quyet-dinh",
            issuer_level="truong",
            issuer_name="Trường Tiểu học",
            issued_on=datetime.date(2024, 9, 5),
            signer="Nguyễn Văn An",
            summary="Về việc thành lập Ban đại diện cha mẹ học sinh năm học 2024-2025",
            file=pdf,
        ),
    )
    created["form"] = publish(
        section(school, "bieu-mau"),
        FormFilePage(
            title="Đơn xin nghỉ học",
            slug=f"don-{next(_n)}",
            description="Phụ huynh điền đơn và nộp cho giáo viên chủ nhiệm.",
            file=make_document(school, title="Đơn xin nghỉ học", size=40 * 1024, ext="docx"),
        ),
    )
    created["plan"] = publish(
        section(school, "ke-hoach"),
        PlanPage(
            title="Kế hoạch giáo dục tháng 10",
            slug=f"ke-hoach-{next(_n)}",
            period="month",
            period_start=datetime.date(2024, 10, 1),
            period_end=datetime.date(2024, 10, 31),
            body=[("paragraph", "<p>Chủ điểm: Trường học thân thiện.</p>")],
        ),
    )
    timetable = section(school, "ke-hoach").get_children().filter(slug="thoi-khoa-bieu").first()
    if timetable is not None:
        created["timetable"] = publish(
            timetable.specific,
            PlanPage(
                title="Thời khóa biểu học kỳ I",
                slug=f"tkb-{next(_n)}",
                period="term",
                period_start=datetime.date(2024, 9, 5),
            ),
        )
    if section_exists(school, "thuc-don"):
        created["menu"] = publish(
            section(school, "thuc-don"),
            WeeklyMenuPage(
                title="Thực đơn tuần này",
                slug=f"thuc-don-{next(_n)}",
                week_start=monday(),
                days=[
                    (
                        "day",
                        {
                            "day": "tue",
                            "breakfast": "Bún bò",
                            "lunch": "Cơm, canh chua cá lóc",
                            "afternoon": "Sữa chua",
                        },
                    ),
                    (
                        "day",
                        {
                            "day": "mon",
                            "breakfast": "Cháo thịt bằm",
                            "lunch": "Cơm, thịt kho trứng",
                            "afternoon": "Chuối",
                        },
                    ),
                ],
                note="Thực đơn có thể thay đổi theo mùa.",
            ),
        )
    created["schedule"] = publish(
        section(school, "lich-cong-tac"),
        WeeklySchedulePage(
            title="Lịch công tác tuần",
            slug=f"lich-{next(_n)}",
            week_start=monday(),
            days=[
                (
                    "day",
                    {
                        "day": "mon",
                        "entries": [
                            {
                                "time": "07:00",
                                "content": "Chào cờ đầu tuần",
                                "lead": "Hiệu trưởng",
                                "location": "Sân trường",
                            },
                        ],
                    },
                ),
            ],
        ),
    )
    if section_exists(school, "thu-vien-anh"):
        created["album"] = publish(
            section(school, "thu-vien-anh"),
            GalleryAlbumPage(
                title="Ngày hội đọc sách",
                slug=f"album-{next(_n)}",
                images=[
                    (
                        "figure",
                        {
                            "image": {
                                "image": fresh(photo),
                                "alt_text": "Thư viện",
                                "decorative": False,
                            },
                            "caption": "Góc đọc sách",
                        },
                    )
                ],
            ),
        )
    created["history"] = section(school, "gioi-thieu/lich-su")
    created["history"].body = [("paragraph", "<p>Trường được thành lập năm 1975.</p>")]
    created["history"].save_revision().publish()
    created["parents_page"] = (
        publish(
            section(school, "goc-phu-huynh"),
            StandardPage(title="Ban đại diện cha mẹ học sinh", slug=f"cmhs-{next(_n)}"),
        )
        if section_exists(school, "goc-phu-huynh")
        else None
    )
    created["admissions_news"] = publish(
        section(school, "tuyen-sinh"),
        NewsArticlePage(
            title="Thông báo tuyển sinh lớp 1",
            slug=f"tuyen-sinh-{next(_n)}",
            category="tuyen-sinh",
            intro="Nhà trường thông báo kế hoạch tuyển sinh lớp 1.",
        ),
    )
    return created


def section_exists(school, key):
    try:
        section(school, key)
    except Page.DoesNotExist:
        return False
    return True
