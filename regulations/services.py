"""The regulations app's public entry points, for the other apps and the commands.

Each concern lives in its own module: ``catalogue`` (items, profiles, yearly deadlines),
``year_opening`` (opening a school year, by hand or on its day), ``log_reading`` (the publication
log per page), ``statuses`` (yearly items), ``recurring`` (monthly/weekly items), ``deadlines``
(what is due next) and ``public_display``. Statuses are a pure function of (log, catalogue or
pinned versions, calendars, as-of date); batch functions run a fixed number of queries whatever
the number of schools."""

from .calendars import school_weeks, school_year_bounds, school_year_of
from .catalogue import Catalogue, ItemSpec, profile_for, slot_slug, yearly_deadline
from .deadlines import (
    Due,
    deadlines_many,
    overdue_items,
    overdue_items_many,
    upcoming_deadlines,
    upcoming_deadlines_many,
)
from .log_reading import PageLog
from .public_display import missing_items_public, year_page_specs
from .recurring import Period, recurring_details, recurring_summaries, recurring_summary
from .statuses import (
    DRAFT,
    LATE,
    LIVE_STATUSES,
    MISSING,
    NEEDS_UPDATE,
    PUBLISHED,
    STATUS_LABELS,
    ItemStatus,
    YearStatus,
    disclosure_summaries,
    disclosure_summary,
    evaluate,
    year_status,
    year_statuses,
)
from .year_opening import OpenResult, ensure_catalogue, open_school_year, prefilled_table

__all__ = [
    "DRAFT",
    "LATE",
    "LIVE_STATUSES",
    "MISSING",
    "NEEDS_UPDATE",
    "PUBLISHED",
    "STATUS_LABELS",
    "Catalogue",
    "Due",
    "ItemSpec",
    "ItemStatus",
    "OpenResult",
    "PageLog",
    "Period",
    "YearStatus",
    "deadlines_many",
    "disclosure_summaries",
    "disclosure_summary",
    "ensure_catalogue",
    "evaluate",
    "missing_items_public",
    "open_school_year",
    "overdue_items",
    "overdue_items_many",
    "prefilled_table",
    "profile_for",
    "recurring_details",
    "recurring_summaries",
    "recurring_summary",
    "school_weeks",
    "school_year_bounds",
    "school_year_of",
    "slot_slug",
    "upcoming_deadlines",
    "upcoming_deadlines_many",
    "year_page_specs",
    "year_status",
    "year_statuses",
    "yearly_deadline",
]
