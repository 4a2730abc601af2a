"""The demo's Vietnamese texts, read from ``fixtures/demo/texts/*.json``.

``news.json`` (articles by topic, closings, thin posts) and ``school.json`` (announcements,
documents, forms, introduction, menus, schedules…) were written for school year 2016-2017: their
years are placeholders (``{y1}`` = the year the school year starts, ``{y2}`` the next, ``{y0}``
the one before…; ``{tet_name}``, ``{tet_from}``…) and their dates (``when``, ``date``,
``issued_on``, ``effective_on``) are reference dates, moved into the year being built by
``DemoYear.day``. ``office.json`` is the office's own 2016 history and stays as written."""

import datetime
import json
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

from django.core.exceptions import ImproperlyConfigured

from .data import FIXTURES

TEXTS = FIXTURES / "texts"
DATE_FIELDS = ("when", "date", "issued_on", "effective_on", "valid_until")


@dataclass(frozen=True)
class Topic:
    """A news topic: ``when`` is the event's day (None for an everyday article)."""

    key: str
    category: str
    levels: tuple
    titles: tuple
    paragraphs: tuple  # slots; each slot a tuple of variants
    when: datetime.date | None = None
    scene: str | None = None  # image scene (media.SCENES) used as lead image
    months: tuple = ()  # everyday articles that only make sense in some months


@lru_cache(maxsize=4)
def _raw(name):
    path = TEXTS / f"{name}.json"
    try:
        with path.open(encoding="utf-8") as handle:
            return handle.read()
    except OSError as error:
        raise ImproperlyConfigured(f"Thiếu tệp văn bản mẫu {path}.") from error


def _decode(name, year):
    text = _raw(name)
    if year is not None:
        for token, value in year.tokens.items():
            # The placeholders sit inside JSON strings; their values need no escaping.
            text = text.replace(token, value)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(
            f"Tệp {name}.json không đúng định dạng JSON (dòng {error.lineno}): {error.msg}."
        ) from error
    return _dates(data, year)


def _dates(value, year, key=None):
    if isinstance(value, dict):
        return {k: _dates(v, year, k) for k, v in value.items()}
    if isinstance(value, list):
        return tuple(_dates(v, year) for v in value)
    if key in DATE_FIELDS and isinstance(value, str):
        day = datetime.date.fromisoformat(value)
        return year.day(day) if year is not None else day
    return value


def _topic(data):
    return Topic(
        key=data["key"],
        category=data["category"],
        levels=tuple(data["levels"]),
        titles=tuple(data["titles"]),
        paragraphs=tuple(tuple(slot) for slot in data["paragraphs"]),
        when=data.get("when"),
        scene=data.get("scene"),
        months=tuple(data.get("months") or ()),
    )


def school_texts(year):
    """Everything a school publishes in ``year`` (a ``DemoYear``), as attributes named like the
    keys of the files (``TOPICS``, ``ANNOUNCEMENTS``…)."""
    news = _decode("news", year)
    school = _decode("school", year)
    topics = tuple(_topic(t) for t in news["TOPICS"])
    # JSON keys are strings; the themes are looked up by month number.
    school["MN_THEMES"] = {int(month): theme for month, theme in school["MN_THEMES"].items()}
    return SimpleNamespace(
        **school,
        CLOSINGS=news["CLOSINGS"],
        THIN_POSTS=news["THIN_POSTS"],
        TOPICS=topics,
        TOPICS_BY_KEY={t.key: t for t in topics},
    )


def office_texts():
    """The office's news and documents (2016, unchanged)."""
    return SimpleNamespace(**_decode("office", None))
