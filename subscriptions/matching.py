"""Which subscribers a published page is for: its kind (news or announcement) and audience."""

from page_types.models import AnnouncementPage, Audience, NewsArticlePage
from tenants.vietnamese import fold

NEWS, ANNOUNCEMENTS = "news", "announcements"
KINDS = {NEWS: NewsArticlePage, ANNOUNCEMENTS: AnnouncementPage}


def kind_of(page):
    if isinstance(page, AnnouncementPage):
        return ANNOUNCEMENTS
    if isinstance(page, NewsArticlePage):
        return NEWS
    return None


def wants(subscriber, page):
    kind = kind_of(page)
    if kind == NEWS:
        return subscriber.wants_news
    if kind != ANNOUNCEMENTS or not subscriber.wants_announcements:
        return False
    if not subscriber.audience or page.audience == Audience.ALL:
        return True
    return fold(subscriber.audience).split() == fold(page.audience_detail).split()
