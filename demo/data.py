"""Reading the demo's tabular data from ``fixtures/demo/``: the office, the schools (in the same
CSV format as the school import), each school's behaviour profile and its staff."""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "demo"
SCHOOL_COLUMNS = (
    "code",
    "name",
    "level",
    "authority",
    "slug",
    "address",
    "phone",
    "email",
    "principal",
)
PROFILE_COLUMNS = (
    "slug",
    "profile",
    "serves_meals",
    "commune",
    "founded",
    "pupils",
    "classes",
    "staff",
    "brand_color",
    "motto",
    "note",
)
STAFF_COLUMNS = ("slug", "account", "name", "role", "phone", "email")
PROFILES = ("diligent", "middling", "stale", "show")
PROFILE_LABELS = {
    "diligent": "chăm chỉ",
    "middling": "trung bình",
    "stale": "bỏ trống",
    "show": "chiếu lệ",
}


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    phone: str
    email: str
    account: str  # "hieutruong", "bientap" or ""


@dataclass
class DemoSchool:
    ordinal: int
    row: dict  # the schools.csv row (import format)
    profile: str
    serves_meals: bool
    commune: str
    founded: int
    pupils: int
    classes: int
    staff: int
    brand_color: str
    motto: str
    note: str
    people: list = field(default_factory=list)

    @property
    def slug(self):
        return self.row["slug"]

    @property
    def level(self):
        return self.row["level"]

    @property
    def name(self):
        return self.row["name"]

    def person(self, account):
        return next(p for p in self.people if p.account == account)

    @property
    def leaders(self):
        return [p for p in self.people if "Hiệu trưởng" in p.role]


@dataclass(frozen=True)
class Office:
    code: str
    name: str
    address: str
    phone: str
    email: str
    head: str
    head_title: str
    deputy: str
    deputy_title: str
    admin_name: str
    auditor_name: str


def _read(name, columns):
    path = FIXTURES / name
    if not path.exists():
        raise ImproperlyConfigured(f"Thiếu tệp dữ liệu mẫu {path}.")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            raise ImproperlyConfigured(f"Tệp {path.name} thiếu cột: {', '.join(missing)}.")
        rows = []
        for line, row in enumerate(reader, start=2):
            empty = [
                c
                for c in columns
                if c not in ("note", "serves_meals", "account") and not (row[c] or "").strip()
            ]
            if empty:
                raise ImproperlyConfigured(
                    f"Tệp {path.name}, dòng {line}: thiếu giá trị cột {', '.join(empty)}."
                )
            rows.append({k: (v or "").strip() for k, v in row.items()})
        return rows


def load_office():
    values = {row["field"]: row["value"] for row in _read("office.csv", ("field", "value"))}
    try:
        return Office(**values)
    except TypeError as error:
        raise ImproperlyConfigured(f"Tệp office.csv không đúng các trường: {error}") from error


def load_schools(limit=None):
    """Demo schools in file order (the first rows cover every level and profile)."""
    schools = _read("schools.csv", SCHOOL_COLUMNS)
    profiles = {row["slug"]: row for row in _read("profiles.csv", PROFILE_COLUMNS)}
    staff = _read("staff.csv", STAFF_COLUMNS)
    result = []
    for ordinal, row in enumerate(schools):
        profile = profiles.get(row["slug"])
        if profile is None:
            raise ImproperlyConfigured(f"profiles.csv không có trường “{row['slug']}”.")
        if profile["profile"] not in PROFILES:
            raise ImproperlyConfigured(
                f"profiles.csv, trường “{row['slug']}”: hồ sơ “{profile['profile']}” không hợp lệ "
                f"({', '.join(PROFILES)})."
            )
        school = DemoSchool(
            ordinal=ordinal,
            row={c: row[c] for c in SCHOOL_COLUMNS},
            profile=profile["profile"],
            serves_meals=profile["serves_meals"].lower() in ("yes", "true", "1"),
            commune=profile["commune"],
            founded=int(profile["founded"]),
            pupils=int(profile["pupils"]),
            classes=int(profile["classes"]),
            staff=int(profile["staff"]),
            brand_color=profile["brand_color"],
            motto=profile["motto"],
            note=profile["note"],
            people=[
                Person(p["name"], p["role"], p["phone"], p["email"], p["account"])
                for p in staff
                if p["slug"] == row["slug"]
            ],
        )
        for account in ("hieutruong", "bientap"):
            if not any(p.account == account for p in school.people):
                raise ImproperlyConfigured(
                    f"staff.csv: trường “{school.slug}” thiếu người có tài khoản “{account}”."
                )
        result.append(school)
    return result[:limit] if limit else result
