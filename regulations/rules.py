"""Deadline rules, written in the catalogue as text such as ``monthly_before_day(25)``.

A deadline here is the *last day* on which publishing is on time (local date, inclusive):
"before 30 June" → 29 June; "before the 25th" → the 24th; "before Saturday" → Friday.
"""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tenants.clock import monday_of

YEARLY_JUNE_UPDATE_SEPTEMBER = "yearly_june_update_september"
YEARLY_BEFORE_JUNE_30 = "yearly_before_june_30"
MONTHLY_BEFORE_DAY = "monthly_before_day"
WEEKLY_BEFORE_SATURDAY = "weekly_before_saturday"
WITHIN_WORKING_DAYS = "within_working_days"
RETAIN_YEARS = "retain_years"

# name → (needs an integer argument, allowed range)
_SIGNATURES = {
    YEARLY_JUNE_UPDATE_SEPTEMBER: None,
    YEARLY_BEFORE_JUNE_30: None,
    MONTHLY_BEFORE_DAY: (1, 28),
    WEEKLY_BEFORE_SATURDAY: None,
    WITHIN_WORKING_DAYS: (1, 90),
    RETAIN_YEARS: (1, 50),
}
DEADLINE_RULES = (
    YEARLY_JUNE_UPDATE_SEPTEMBER,
    YEARLY_BEFORE_JUNE_30,
    MONTHLY_BEFORE_DAY,
    WEEKLY_BEFORE_SATURDAY,
)
UPDATE_RULES = (WITHIN_WORKING_DAYS,)
RETENTION_RULES = (RETAIN_YEARS,)

_PATTERN = re.compile(r"^\s*([a-z_0-9]+)\s*(?:\(\s*(\d+)\s*\))?\s*$")


@dataclass(frozen=True)
class Rule:
    name: str
    arg: int | None = None

    def __str__(self):
        return f"{self.name}({self.arg})" if self.arg is not None else self.name


def parse(text):
    """Rule from its text; a clear Vietnamese ValidationError when it is not one we know."""
    match = _PATTERN.match(text or "")
    if not match or match.group(1) not in _SIGNATURES:
        raise ValidationError(
            _("Quy tắc “%(rule)s” không hợp lệ. Các quy tắc: %(known)s.")
            % {"rule": text, "known": ", ".join(_known_forms())}
        )
    name, arg = match.group(1), match.group(2)
    bounds = _SIGNATURES[name]
    if bounds is None:
        if arg is not None:
            raise ValidationError(_("Quy tắc “%(rule)s” không có tham số.") % {"rule": name})
        return Rule(name)
    if arg is None:
        raise ValidationError(
            _("Quy tắc “%(rule)s” cần một số trong ngoặc, ví dụ %(rule)s(%(low)s).")
            % {"rule": name, "low": bounds[1] if name == MONTHLY_BEFORE_DAY else bounds[0]}
        )
    value = int(arg)
    if not bounds[0] <= value <= bounds[1]:
        raise ValidationError(
            _("Tham số của “%(rule)s” phải từ %(low)s đến %(high)s.")
            % {"rule": name, "low": bounds[0], "high": bounds[1]}
        )
    return Rule(name, value)


def parse_or_none(text):
    return parse(text) if text else None


def describe(text):
    """The rule in words an editor reads ("Hằng tháng, trước ngày 25 của tháng trước"); the raw
    text when it is not a rule we know, so a typo stays visible."""
    try:
        rule = parse(text)
    except ValidationError:
        return text or ""
    labels = {
        YEARLY_JUNE_UPDATE_SEPTEMBER: _("Hằng năm trong tháng 6, cập nhật trong tháng 9"),
        YEARLY_BEFORE_JUNE_30: _("Hằng năm, trước ngày 30/6"),
        MONTHLY_BEFORE_DAY: _("Hằng tháng, trước ngày %(n)s của tháng trước"),
        WEEKLY_BEFORE_SATURDAY: _("Hằng tuần, trước thứ Bảy của tuần trước"),
        WITHIN_WORKING_DAYS: _("Trong %(n)s ngày làm việc kể từ khi có thay đổi"),
        RETAIN_YEARS: _("Lưu giữ trực tuyến %(n)s năm"),
    }
    return labels[rule.name] % {"n": rule.arg} if rule.arg is not None else labels[rule.name]


def _known_forms():
    return [
        YEARLY_JUNE_UPDATE_SEPTEMBER,
        YEARLY_BEFORE_JUNE_30,
        "monthly_before_day(25)",
        WEEKLY_BEFORE_SATURDAY,
        "within_working_days(10)",
        "retain_years(5)",
    ]


def start_year(school_year):
    """2016 for "2016-2017"."""
    return int(school_year[:4])


def yearly_deadline(rule, school_year):
    """Last on-time day of a yearly item of the school year Y-(Y+1)."""
    year = start_year(school_year)
    if rule.name == YEARLY_JUNE_UPDATE_SEPTEMBER:
        return datetime.date(year, 6, 30)  # "published in June"
    if rule.name == YEARLY_BEFORE_JUNE_30:
        return datetime.date(year, 6, 29)  # "before 30 June"
    raise ValueError(f"{rule} is not a yearly rule")


def september_window(school_year):
    """The start-of-year update window of TT09_2009/TT36_2017 items: 1–30 September Y."""
    year = start_year(school_year)
    return datetime.date(year, 9, 1), datetime.date(year, 9, 30)


def month_deadline(rule, month_first_day):
    """Plan for month M: before day N of month M-1 → last on-time day N-1 of M-1."""
    previous = (month_first_day.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    return previous.replace(day=rule.arg) - datetime.timedelta(days=1)


def week_deadline(week_monday):
    """Plan/menu for week W: before the Saturday of week W-1 → last on-time day is Friday W-1."""
    monday = monday_of(week_monday)
    return monday - datetime.timedelta(days=3)


def retention_end(rule, published_on):
    """Last day a publication must stay online under retain_years(N)."""
    try:
        return published_on.replace(year=published_on.year + rule.arg)
    except ValueError:  # 29 February
        return published_on.replace(year=published_on.year + rule.arg, day=28)
