"""The demo's profiles tell the truth at any date of a school year: loaded with the clock at six
dates of 2026-2027 (early September, November, the Tết week, March, late May, mid July), every
school's band is that of its profile, and some school updated in the last 7 days.

The reduced demo (the first five schools: every profile, every level) is built by the same
profile code as the full one. Bands as the spec gives them for rubric version 2:
diligent Xuất sắc or Tốt; average Tốt, Khá or Trung bình; for-show Trung bình or Yếu;
stale Yếu."""

import datetime
import io

import pytest
from django.core.management import call_command

from audit.engine import run_audit
from demo import data as demo_data
from tenants.clock import at, simulated_now
from tenants.models import School

SCHOOLS = 5
BANDS = {
    "diligent": {"Xuất sắc", "Tốt"},
    "middling": {"Tốt", "Khá", "Trung bình"},
    "show": {"Trung bình", "Yếu"},
    "stale": {"Yếu"},
}
DATES = {
    "early-september": datetime.date(2026, 9, 8),
    "november": datetime.date(2026, 11, 20),
    "tet-week": datetime.date(2027, 2, 12),  # the break week of Tết Đinh Mùi (6/2/2027)
    "march": datetime.date(2027, 3, 19),
    "late-may": datetime.date(2027, 5, 26),
    "mid-july": datetime.date(2027, 7, 15),
}


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize("day", DATES.values(), ids=DATES.keys())
def test_every_school_has_its_profiles_band(db, media_root, day):
    with simulated_now(at(day, 18, 0)):
        call_command("load_demo", "--schools", str(SCHOOLS), stdout=io.StringIO())
        run = run_audit(School.objects.all(), as_of=day)
    profiles = {d.slug: d.profile for d in demo_data.load_schools(SCHOOLS)}
    assert set(profiles.values()) == set(BANDS)
    assert run.school_year == "2026-2027"
    wrong = {
        row["school"].slug: (profiles[row["school"].slug], row["score"], row["band"])
        for row in run.rows
        if row["band"] not in BANDS[profiles[row["school"].slug]]
    }
    assert not wrong, wrong
    recent = [
        row
        for row in run.rows
        if row["days_since_update"] is not None and row["days_since_update"] <= 7
    ]
    assert recent, [(row["school"].slug, row["days_since_update"]) for row in run.rows]
