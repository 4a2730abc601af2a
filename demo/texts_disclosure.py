"""What a demo school writes in its disclosure slots, by kind of item: under Thông tư
09/2009/TT-BGDĐT ("3 công khai") forms BM01–04 (MN), 05–08 (TH), 09–12 (THCS), accreditation (KD)
and finance (TC); under Thông tư 09/2024/TT-BGDĐT the articles Điều 4–9 and the annual report.

The regulations app creates the slots (``open_school_year``); this module only fills them. The
words are data (``fixtures/demo/texts/disclosure.json``); the numbers are derived here from the
school's size, so every school's tables differ, and the September update changes them a little."""

import json
from functools import lru_cache

from .data import FIXTURES

KINDS = ("commitment", "results", "facilities", "staff")
# Thông tư 09/2024: Điều 4 general information, 5 finance, 6/8 conditions, 7/9 plan and results,
# the annual report.
KINDS_2024 = {
    "D4": "commitment",
    "D5": "finance",
    "D6": "staff",
    "D8": "facilities",
    "D7": "results",
    "D9": "results",
    "BCTN": "accreditation",
}


@lru_cache(maxsize=1)
def _texts():
    return json.loads((FIXTURES / "texts" / "disclosure.json").read_text(encoding="utf-8"))


def kind_of(code):
    suffix = code.rpartition(".")[2]
    if suffix.startswith("BM") and suffix[2:].isdigit():
        return KINDS[(int(suffix[2:]) - 1) % 4]
    return {"KD": "accreditation", "TC": "finance", **KINDS_2024}.get(suffix, "generic")


def _split(total, parts, rng):
    """Split a total into ``parts`` plausible, unequal counts."""
    weights = [rng.uniform(0.85, 1.15) for _ in range(parts)]
    counts = [int(total * w / sum(weights)) for w in weights]
    counts[-1] += total - sum(counts)
    return counts


def _by_level(choices, level):
    return choices.get(level, choices.get("other"))


def _fill(templates, values):
    return [text.format(**values) for text in templates]


def _thousands(number):
    return f"{number:,}".replace(",", ".")


def content(kind, level, stats, rng, stage, first_year):
    """Paragraphs and a table (columns, rows) for one item.

    ``stats``: pupils, classes, staff, school, commune, principal; ``stage``: "june" (first
    publication) or "september" (the start-of-year update). The random draws come in a fixed
    order per kind, so a school's tables are the same at every load."""
    texts = _texts()
    pupils = stats["pupils"] + (rng.randint(8, 30) if stage == "september" else 0)
    grades = texts["grades"][level]
    word = _by_level(texts["words"], level)
    values = {
        "school": stats["school"],
        "commune": stats["commune"],
        "word": word,
        "Word": word.capitalize(),
        "level_name": texts["level_names"][level],
        "first_year": first_year,
        "school_year": f"{first_year}-{first_year + 1}",
        "previous": f"{first_year - 1}-{first_year}",
        "following": f"{first_year + 1}-{first_year + 2}",
    }
    values["when"] = texts["when"][stage].format(first_year=first_year)
    spec = texts.get(kind, texts["generic"])
    if kind == "commitment":
        rows = [_fill(row, values) for row in spec["rows"]]
        return _fill(spec["paragraphs"], values), (spec["columns"], rows)
    if kind == "results":
        return _fill(spec["paragraphs"], values), (
            [*spec["columns"], *grades],
            _results_rows(spec, level, pupils, grades, rng),
        )
    if kind == "facilities":
        rooms = stats["classes"] + rng.randint(0, 3)
        area = rng.randint(6000, 14000)
        values.update(
            rooms=rooms,
            per_room=f"{pupils / max(rooms, 1):.0f}",
            area=_thousands(area),
            area_per_pupil=f"{area / max(pupils, 1):.1f}",
            functional_rooms=rng.randint(4, 7),
            yard=_thousands(rng.randint(1500, 4000)),
            toilets=rng.randint(6, 12),
            computers=rng.randint(12, 40),
        )
        rows = [_fill(row, values) for row in spec["rows"]]
        return _fill(spec["paragraphs"], values), (spec["columns"], rows)
    if kind == "staff":
        staff = stats["staff"] + (rng.randint(1, 3) if stage == "september" else 0)
        return _fill(spec["paragraphs"], values), (spec["columns"], _staff_rows(spec, level, staff))
    if kind == "accreditation":
        year = first_year - rng.choice((1, 2, 3, 4))
        values.update(year=year, year_before=year - 1, plan_end=first_year + 4)
        rows = [_fill(row, values) for row in spec["rows"]]
        return _fill(spec["paragraphs"], values), (spec["columns"], rows)
    if kind == "finance":
        serves_meals = level == "MN" or stats.get("serves_meals")
        values["meals"] = spec["meals"]["meals" if serves_meals else "no_meals"]
        values["fee"] = (
            spec["fee_free"]
            if level == "TH"
            else spec["fee_month"].format(fee=rng.choice((30, 40, 60)))
        )
        values["meal_price"] = rng.choice((18, 20, 22, 25))
        values["hygiene"] = rng.choice((20, 25, 30))
        values["revenue"] = rng.randint(900, 2600)
        values["income_whole"] = rng.randint(7, 9)
        values["income_tenth"] = rng.randint(0, 9)
        rows = [_fill(row, values) for row in spec["rows"]]
        return _fill(spec["paragraphs"], values), (spec["columns"], rows)
    return _fill(texts["generic"]["paragraphs"], values), None


def _results_rows(spec, level, pupils, grades, rng):
    counts = _split(pupils, len(grades), rng)
    good = [int(c * rng.uniform(0.42, 0.6)) for c in counts]
    fair = [int(c * rng.uniform(0.28, 0.38)) for c in counts]
    rest = [c - g - f for c, g, f in zip(counts, good, fair, strict=False)]
    total = ["1", _by_level(spec["total_label"], level), str(pupils), *map(str, counts)]
    if level == "MN":
        labels = spec["mn_labels"]
        return [
            total,
            [
                "2",
                labels[0],
                str(sum(good) + sum(fair)),
                *[str(g + f) for g, f in zip(good, fair, strict=False)],
            ],
            ["3", labels[1], str(sum(1 for _ in counts)), *["1" for _ in counts]],
            ["4", labels[2], str(pupils), *map(str, counts)],
        ]
    # Primary schools assess by completion (TT30/2014), lower-secondary by grade bands.
    bands = spec["bands"][level]
    return [
        total,
        ["2", bands[0], str(sum(good)), *map(str, good)],
        ["3", bands[1], str(sum(fair)), *map(str, fair)],
        ["4", bands[2], str(sum(rest)), *map(str, rest)],
        [
            "5",
            spec["promoted"][level],
            str(pupils - 3),
            *[str(c - (1 if i < 3 else 0)) for i, c in enumerate(counts)],
        ],
    ]


def _staff_rows(spec, level, staff):
    managers = 3 if level != "MN" or staff > 35 else 2
    others = max(6, staff // 6)
    teachers = staff - managers - others
    total, management, teaching, support = spec["row_labels"]
    return [
        [
            "1",
            total,
            str(staff),
            str(int(staff * 0.62)),
            str(int(staff * 0.2)),
            str(staff - int(staff * 0.62) - int(staff * 0.2)),
            str(int(staff * 0.7)),
        ],
        ["2", management, str(managers), str(managers), "0", "0", str(managers)],
        [
            "3",
            teaching,
            str(teachers),
            str(int(teachers * 0.66)),
            str(int(teachers * 0.22)),
            str(teachers - int(teachers * 0.66) - int(teachers * 0.22)),
            str(int(teachers * 0.72)),
        ],
        [
            "4",
            support,
            str(others),
            str(others // 3),
            str(others // 3),
            str(others - 2 * (others // 3)),
            "—",
        ],
    ]
