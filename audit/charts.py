"""Server-side SVG charts: a sparkline of weekly posts and a day-by-day heatmap of a school year.
Each has a <title> and <desc> (role="img"), so a screen reader gets the figures in words."""

import datetime
import itertools
from xml.sax.saxutils import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from tenants.clock import monday_of

_ids = itertools.count(1)
COLOURS = ("#e4e7eb", "#b7e1c1", "#6cc08b", "#2e9d5b", "#17663a")
NON_SCHOOL = "#f2f2f2"
WEEKDAYS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")


def _colour(count):
    if count <= 0:
        return COLOURS[0]
    if count == 1:
        return COLOURS[1]
    if count <= 3:
        return COLOURS[2]
    if count <= 6:
        return COLOURS[3]
    return COLOURS[4]


def _svg(width, height, title, desc, body, css_class):
    n = next(_ids)
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="svg-t{n} svg-d{n}"><title id="svg-t{n}">{escape(title)}</title>'
        f'<desc id="svg-d{n}">{escape(desc)}</desc>{body}</svg>'
    )


def calendar_weeks(start, end):
    monday = monday_of(start)
    weeks = []
    while monday <= end:
        weeks.append(monday)
        monday += datetime.timedelta(days=7)
    return weeks


def sparkline(counts, weeks, school_weeks, as_of, name):
    """Bars of posts per week. counts {monday: posts}; weeks: every Monday of the year."""
    bar, gap, height = 2, 1, 24
    peak = max([counts.get(w, 0) for w in weeks] + [1])
    parts = []
    for i, week in enumerate(weeks):
        x = i * (bar + gap)
        if week > as_of:
            continue
        if week not in school_weeks:
            parts.append(
                f'<rect x="{x}" y="{height - 2}" width="{bar}" height="2" fill="#d0d0d0"/>'
            )
            continue
        value = counts.get(week, 0)
        h = max(1, round((height - 2) * value / peak)) if value else 1
        colour = "#2e7d4f" if value else "#e0a3a3"
        parts.append(f'<rect x="{x}" y="{height - h}" width="{bar}" height="{h}" fill="{colour}"/>')
    total = sum(v for w, v in counts.items() if w <= as_of)
    active = sum(1 for w in school_weeks if w <= as_of and counts.get(w))
    elapsed = sum(1 for w in school_weeks if w <= as_of)
    title = _("Số bài mỗi tuần của %(name)s") % {"name": name}
    desc = _(
        "%(total)s bài; %(active)s trên %(elapsed)s tuần học đã qua có bài; "
        "nhiều nhất %(peak)s bài một tuần."
    ) % {"total": total, "active": active, "elapsed": elapsed, "peak": peak if total else 0}
    width = max(1, len(weeks) * (bar + gap))
    return _svg(width, height, title, desc, "".join(parts), "audit-sparkline")


def heatmap(daily, start, end, school_weeks, as_of, name):
    """Columns = weeks, rows = Monday…Sunday; a cell per day coloured by the posts of that day;
    weeks outside the school calendar (summer, Tết) greyed; weekly totals underneath."""
    cell, gap, left, top = 13, 2, 26, 18
    weeks = calendar_weeks(start, end)
    width = left + len(weeks) * (cell + gap) + 4
    height = top + 7 * (cell + gap) + 20
    parts = []
    for row, label in enumerate(WEEKDAYS):
        if row in (0, 2, 4, 6):
            y = top + row * (cell + gap) + cell - 2
            parts.append(f'<text x="0" y="{y}" class="lbl">{label}</text>')
    last_month = None
    for col, monday in enumerate(weeks):
        x = left + col * (cell + gap)
        if monday.month != last_month:
            parts.append(f'<text x="{x}" y="11" class="lbl">T{monday.month}</text>')
            last_month = monday.month
        in_school = monday in school_weeks
        week_total = 0
        for row in range(7):
            day = monday + datetime.timedelta(days=row)
            y = top + row * (cell + gap)
            if day > as_of or day < start or day > end:
                parts.append(
                    f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="none" '
                    f'stroke="#e4e7eb"/>'
                )
                continue
            count = daily.get(day, 0)
            week_total += count
            fill = _colour(count) if in_school or count else NON_SCHOOL
            tip = _("%(day)s: %(count)s bài") % {"day": day.strftime("%d/%m/%Y"), "count": count}
            if not in_school:
                tip += " " + _("(không phải tuần học)")
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" rx="2" fill="{fill}">'
                f"<title>{escape(tip)}</title></rect>"
            )
        if not in_school and monday <= as_of:
            parts.append(
                f'<line x1="{x}" y1="{top}" x2="{x + cell}" y2="{top + 7 * (cell + gap) - gap}" '
                f'stroke="#c8c8c8"/>'
            )
        if week_total and monday <= as_of:
            parts.append(
                f'<text x="{x + cell / 2}" y="{height - 6}" class="num" '
                f'text-anchor="middle">{week_total}</text>'
            )
    style = "<style>.lbl{font:10px sans-serif;fill:#555}.num{font:9px sans-serif;fill:#333}</style>"
    posted = sum(v for d, v in daily.items() if d <= as_of)
    active = sum(
        1
        for w in school_weeks
        if w <= as_of and any(daily.get(w + datetime.timedelta(days=i)) for i in range(7))
    )
    elapsed = sum(1 for w in school_weeks if w <= as_of)
    title = _("Bài đăng theo ngày trong năm học của %(name)s") % {"name": name}
    desc = _(
        "Từ %(start)s đến %(as_of)s: %(posts)s bài; %(active)s trên %(elapsed)s tuần học có bài. "
        "Ô xám gạch chéo: tuần nghỉ (hè, Tết)."
    ) % {
        "start": start.strftime("%d/%m/%Y"),
        "as_of": min(as_of, end).strftime("%d/%m/%Y"),
        "posts": posted,
        "active": active,
        "elapsed": elapsed,
    }
    return _svg(width, height, title, desc, style + "".join(parts), "audit-heatmap")
