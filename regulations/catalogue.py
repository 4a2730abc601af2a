"""The disclosure catalogue as computations read it: items (a pinned version or the current
row), profiles by school year with the offices' overrides, and yearly deadlines."""

import datetime
from dataclasses import dataclass
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import rules
from .calendars import (
    Calendars,
)
from .models import Item, ItemKind, Profile, ProfileOverride


@lru_cache(maxsize=256)
def _rule(text):
    return rules.parse(text) if text else None


@dataclass(frozen=True)
class ItemSpec:
    """One catalogue item as a checklist sees it (a pinned version or the current row)."""

    code: str
    title: str
    kind: str
    group: str
    source: str
    for_levels: tuple
    meals_only: bool
    deadline_rule: str
    update_rule: str
    retention_rule: str
    sort_order: int
    columns: tuple = ()
    rows: tuple = ()
    accepted_formats: str = "pdf,xlsx,docx"
    description: str = ""

    @classmethod
    def from_data(cls, data):
        return cls(
            code=data["code"],
            title=data["title"],
            kind=data["kind"],
            group=data.get("group", ""),
            source=data.get("source", ""),
            for_levels=tuple(
                level
                for level, key in (("MN", "for_mn"), ("TH", "for_th"), ("THCS", "for_thcs"))
                if data.get(key)
            ),
            meals_only=bool(data.get("meals_only")),
            deadline_rule=data["deadline_rule"],
            update_rule=data.get("update_rule", ""),
            retention_rule=data.get("retention_rule", ""),
            sort_order=data.get("sort_order", 0),
            columns=tuple(data.get("columns") or ()),
            rows=tuple(data.get("rows") or ()),
            accepted_formats=data.get("accepted_formats", ""),
            description=data.get("description", ""),
        )

    @property
    def recurring(self):
        return self.kind == ItemKind.RECURRING

    @property
    def deadline(self):
        return _rule(self.deadline_rule)

    @property
    def update(self):
        return _rule(self.update_rule)

    @property
    def retention(self):
        return _rule(self.retention_rule)

    def applies_to(self, level, serves_meals):
        if level not in self.for_levels:
            return False
        return not (self.meals_only and level != "MN" and not serves_meals)


def slot_slug(code):
    """TT09_2009.BM05 → tt09-2009-bm05."""
    return slugify(code.lower().replace(".", "-").replace("_", "-"))


class Catalogue:
    """Profiles, overrides and current items, loaded once per computation."""

    def __init__(self):
        self.profiles = {p.pk: p for p in Profile.objects.all()}
        self.by_code = {p.code: p for p in self.profiles.values()}
        self._overrides = {}
        for authority_id, school_year, profile_id in ProfileOverride.objects.values_list(
            "authority_id", "school_year", "profile_id"
        ):
            self._overrides[(authority_id, school_year)] = profile_id
        self._items = None
        self._applicable = {}
        self._profile_cache = {}

    def profile_for(self, chain, school_year):
        """The profile of a school year: an office's override (nearest first), else the
        profile in force on 1 September of the year."""
        key = (tuple(chain), school_year)
        if key not in self._profile_cache:
            self._profile_cache[key] = self._profile_for(chain, school_year)
        return self._profile_cache[key]

    def _profile_for(self, chain, school_year):
        for authority_id in reversed(chain):
            if (authority_id, school_year) in self._overrides:
                return self.profiles[self._overrides[(authority_id, school_year)]]
        first_september = datetime.date(int(school_year[:4]), 9, 1)
        ordered = sorted(self.profiles.values(), key=lambda p: p.valid_from)
        if not ordered:
            raise ValidationError(_("Chưa có quy định công khai nào trong danh mục."))
        in_force = [p for p in ordered if p.in_force_on(first_september)]
        if in_force:
            return in_force[-1]
        earlier = [p for p in ordered if p.valid_from <= first_september]
        return earlier[-1] if earlier else ordered[0]

    def current_specs(self, profile):
        """[(Item, ItemSpec)] of the profile's active items, in catalogue order."""
        if self._items is None:
            self._items = {}
            for item in Item.objects.filter(is_active=True).select_related("profile"):
                self._items.setdefault(item.profile_id, []).append(
                    (item, ItemSpec.from_data(item.snapshot()))
                )
            for pairs in self._items.values():
                pairs.sort(key=lambda pair: (pair[1].sort_order, pair[1].code))
        return self._items.get(profile.pk, [])

    def applicable_specs(self, profile, level, serves_meals):
        """The current specs a school of this level needs (cached: many schools share it)."""
        key = (profile.pk, level, bool(serves_meals))
        if key not in self._applicable:
            self._applicable[key] = [
                spec
                for _item, spec in self.current_specs(profile)
                if spec.applies_to(level, serves_meals)
            ]
        return self._applicable[key]


def profile_for(authority, school_year):
    """The Profile a school year of this authority follows."""
    calendars = Calendars([])
    return Catalogue().profile_for(calendars.chain(authority.pk), school_year)


def yearly_deadline(spec, school_year, profile):
    return _yearly_deadline(
        spec.deadline_rule, school_year, profile.valid_from, profile.transition_deadline
    )


@lru_cache(maxsize=1024)
def _yearly_deadline(rule_text, school_year, valid_from, transition_deadline):
    due = rules.yearly_deadline(_rule(rule_text), school_year)
    if due < valid_from and transition_deadline:
        due = max(due, transition_deadline)
    return due
