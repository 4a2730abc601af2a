"""Building publication histories at known times: real Wagtail publishes with
`django.utils.timezone.now` patched, so the log rows carry the times the tests choose.
(Shared by tests/audit and the browser test tests/e2e/test_audit_dashboard.py.)"""

import datetime
import itertools
from contextlib import contextmanager
from unittest import mock

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from page_types.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    MandatedSection,
    NewsArticlePage,
    NewsIndexPage,
    WeeklyMenuPage,
)

_slugs = itertools.count(1)

LOREM = (
    "Sáng nay nhà trường tổ chức buổi sinh hoạt dưới cờ với chủ đề an toàn giao thông "
    "các em học sinh được nghe báo cáo viên chia sẻ kinh nghiệm tham gia giao thông an toàn "
    "và cùng nhau thực hành đội mũ bảo hiểm đúng cách trước sự chứng kiến của phụ huynh"
)


def moment(year, month, day, hour=8, minute=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


@contextmanager
def at(when):
    """Everything inside happens at `when` (an aware datetime) as far as Wagtail can tell."""
    with mock.patch("django.utils.timezone.now", return_value=when):
        yield


def words(n, seed=0):
    """n distinct-enough Vietnamese-looking words (texts with different seeds differ)."""
    base = LOREM.split()
    return " ".join(f"{base[(i + seed) % len(base)]}{(i * 7 + seed * 13) % 97}" for i in range(n))


def section(school, key):
    return MandatedSection.objects.get(school=school, key=key).page.specific


def publish(page, when):
    with at(when):
        page.save_revision().publish()
    return page


def add_news(
    school,
    when,
    title=None,
    text=None,
    date=None,
    attachments=0,
    shared=False,
    parent_key="tin-tuc",
):
    """Create and publish a news article at `when`."""
    index = section(school, parent_key)
    assert isinstance(index, NewsIndexPage) or parent_key == "tuyen-sinh"
    n = next(_slugs)
    body = [("paragraph", f"<p>{text if text is not None else words(60, seed=n)}</p>")]
    files = []
    for i in range(attachments):
        document = Document.objects.create(
            title=f"Tệp {n}-{i}", file=ContentFile(b"%PDF-1.4 test", name=f"tep-{n}-{i}.pdf")
        )
        files.append(("attachment", {"document": document, "label": ""}))
    with at(when):
        page = NewsArticlePage(
            title=title or f"Bài số {n}",
            slug=f"bai-{n}",
            date=date or timezone.localtime(when).date(),
            body=body,
            attachments=files,
            shared_from_office=shared,
            live=False,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    return page


def add_announcement(school, when, text=None):
    index = section(school, "thong-bao")
    assert isinstance(index, AnnouncementIndexPage)
    n = next(_slugs)
    with at(when):
        page = AnnouncementPage(
            title=f"Thông báo {n}",
            slug=f"thong-bao-{n}",
            body=[("paragraph", f"<p>{text if text is not None else words(50, seed=n)}</p>")],
            live=False,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    return page


def add_menu(school, when, monday):
    index = section(school, "thuc-don")
    n = next(_slugs)
    with at(when):
        page = WeeklyMenuPage(
            title=f"Thực đơn tuần {monday:%d/%m/%Y}",
            slug=f"thuc-don-{n}",
            week_start=monday,
            days=[
                ("day", {"day": "mon", "breakfast": "", "lunch": "Cơm, canh chua", "afternoon": ""})
            ],
            live=False,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    return page


def add_schedule(school, when, monday):
    from page_types.models import WeeklySchedulePage

    index = section(school, "lich-cong-tac")
    n = next(_slugs)
    entry = {"time": "07:30", "content": "Họp giao ban", "lead": "", "location": ""}
    with at(when):
        page = WeeklySchedulePage(
            title=f"Lịch công tác tuần {monday:%d/%m/%Y}",
            slug=f"lich-{n}",
            week_start=monday,
            days=[("day", {"day": "mon", "entries": [entry]})],
            live=False,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    return page
