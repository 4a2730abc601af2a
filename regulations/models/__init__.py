"""Regulation profiles as data: items, deadline rules, calendars, per-school checklists, and the
immutable publication evidence. Logic lives in rules.py, calendars.py and the modules services.py
lists. The models are grouped by what they record (the modules below); importers name them from
here."""

from .disclosure_items import (
    Confidence,
    Item,
    ItemKind,
    ItemVersion,
    Profile,
    ProfileOverride,
    RecurringSource,
)
from .evidence import (
    Checklist,
    ChecklistEntry,
    PublicationEvidence,
    RetentionOverride,
)
from .immutable import (
    ImmutableModel,
    ImmutableQuerySet,
)
from .school_years import (
    CalendarBreak,
    DeclaredDay,
    SchoolYearCalendar,
    SchoolYearOpening,
)

__all__ = [
    "CalendarBreak",
    "Checklist",
    "ChecklistEntry",
    "Confidence",
    "DeclaredDay",
    "ImmutableModel",
    "ImmutableQuerySet",
    "Item",
    "ItemKind",
    "ItemVersion",
    "Profile",
    "ProfileOverride",
    "PublicationEvidence",
    "RecurringSource",
    "RetentionOverride",
    "SchoolYearCalendar",
    "SchoolYearOpening",
]
