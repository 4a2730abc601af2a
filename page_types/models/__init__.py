"""The page types of the mandated structure, a module per section."""

from .announcements import AnnouncementIndexPage, AnnouncementPage, Audience, Priority
from .base import MandatedSection, PortalPage, SectionPage, is_mandated
from .blueprint import BlueprintSection, LevelUse
from .contact import ContactFormField, ContactPage
from .disclosure import DisclosureIndexPage, DisclosureItemPage, DisclosureYearPage
from .documents import DocumentIndexPage, FormFilePage, FormsIndexPage, OfficialDocumentPage
from .gallery import GalleryAlbumPage, GalleryIndexPage
from .home import OfficeHomePage, SchoolDirectoryPage, SchoolHomePage
from .menus import MenuIndexPage, WeeklyMenuPage
from .news import AdmissionsPage, NewsArticlePage, NewsCategory, NewsIndexPage
from .plans import Period, PlanIndexPage, PlanPage
from .schedule import ScheduleIndexPage, WeeklySchedulePage
from .standard import StandardPage

__all__ = [
    "AdmissionsPage",
    "AnnouncementIndexPage",
    "AnnouncementPage",
    "Audience",
    "BlueprintSection",
    "ContactFormField",
    "ContactPage",
    "DisclosureIndexPage",
    "DisclosureItemPage",
    "DisclosureYearPage",
    "DocumentIndexPage",
    "FormFilePage",
    "FormsIndexPage",
    "GalleryAlbumPage",
    "GalleryIndexPage",
    "LevelUse",
    "MandatedSection",
    "MenuIndexPage",
    "NewsArticlePage",
    "NewsCategory",
    "NewsIndexPage",
    "OfficeHomePage",
    "OfficialDocumentPage",
    "Period",
    "PlanIndexPage",
    "PlanPage",
    "PortalPage",
    "Priority",
    "ScheduleIndexPage",
    "SchoolDirectoryPage",
    "SchoolHomePage",
    "SectionPage",
    "StandardPage",
    "WeeklyMenuPage",
    "WeeklySchedulePage",
    "is_mandated",
]
