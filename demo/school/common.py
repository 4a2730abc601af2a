"""What the school loader's parts share: time steps, the profiles' burst days, level names and
the texts' context."""

import datetime

from tenants.models import Level

from ..years import seeded, vn_date, weekday_name

DAY = datetime.timedelta(days=1)
MINUTE = datetime.timedelta(minutes=1)
MN, TH, THCS = Level.MN, Level.TH, Level.THCS
OFFICE = "tin-tu-phong"  # the news category of articles shared from the office
# When the schools' sites were set up (before the June disclosures).
SITE_SETUP = datetime.date(2016, 5, 20)
# The two bursts of the "for show" schools: the evening before the structure deadline and
# before the office's inspection.
BURSTS = (
    datetime.date(2016, 11, 23),
    datetime.date(2017, 3, 9),
)
LEVEL_NAMES = {MN: "mầm non", TH: "tiểu học", THCS: "trung học cơ sở"}


def class_names(demo):
    level, classes = demo.level, demo.classes
    if level == MN:
        per = max(2, classes // 4)
        return [f"{g} {i}" for g in ("Mầm", "Chồi", "Lá") for i in range(1, per + 1)]
    grades = range(1, 6) if level == TH else range(6, 10)
    per = max(2, classes // len(grades))
    if level == TH:
        return [f"{g}/{i}" for g in grades for i in range(1, per + 1)]
    return [f"{g}A{i}" for g in grades for i in range(1, per + 1)]


def base_context(demo, office, year):
    level = demo.level
    mn = level == MN
    principal = demo.person("hieutruong").name
    vices = [p.name for p in demo.people if p.role.startswith("Phó Hiệu trưởng")]
    top = {"MN": "lớp Lá", "TH": "khối 5", "THCS": "khối 9"}[level]
    return {
        "school": demo.name,
        "short": demo.name.removeprefix("Trường ").strip(),
        "commune": demo.commune,
        "principal": principal,
        "vice": vices[0] if vices else principal,
        "editor": demo.person("bientap").name,
        "pupils": "các bé" if mn else "học sinh",
        "Pupils": "Các bé" if mn else "Học sinh",
        "pupil_word": "trẻ" if mn else "học sinh",
        "teachers": "cô giáo" if mn else "giáo viên",
        "parents": "phụ huynh" if mn else "cha mẹ học sinh",
        "n_pupils": demo.pupils,
        "n_classes": demo.classes,
        "n_staff": demo.staff,
        "top_grade": top,
        "top_grade_cap": top,
        "top_grade_label": top[0].upper() + top[1:],
        "first_grade": {"MN": "lớp Mầm", "TH": "khối 1", "THCS": "khối 6"}[level],
        "level_name": LEVEL_NAMES[level],
        "founded": demo.founded,
        "motto": demo.motto,
        "phone": demo.row["phone"],
        "office_head": office.head,
        "office_head_title": office.head_title,
        "office_deputy": office.deputy,
        "office_deputy_title": office.deputy_title,
        "school_year": year.label,
    }


def article_context(demo, office, year, day, rng):
    ctx = base_context(demo, office, year)
    names = class_names(demo)
    a, b = rng.sample(names, 2)
    ctx.update(
        date=vn_date(day),
        weekday=weekday_name(day),
        month=f"{day.month}/{day.year}",
        n1=rng.randint(3, 9),
        n2=rng.randint(10, 30),
        n3=rng.randint(40, 120),
        class_a=f"lớp {a}",
        class_b=f"lớp {b}",
        class_a_cap=f"Lớp {a}",
        class_b_cap=f"Lớp {b}",
        class_a_label=f"Lớp {a}",
    )
    return ctx


def variant(rng, options, year):
    """One of ``options``: chosen per school by ``rng``, and a different one each year, so a
    school's article on the same event is not last year's text again."""
    return options[(rng.randrange(len(options)) + year.offset) % len(options)]


def topic_text(demo, office, year, texts, topic, day):
    """(title, intro, body paragraphs) of a school's article on a topic. Deterministic per
    (school, topic, year), so a school copying another one's article gets exactly its text."""
    rng = seeded(demo.slug, topic.key)
    ctx = article_context(demo, office, year, day, rng)
    title = variant(rng, topic.titles, year).format_map(ctx)
    paragraphs = [variant(rng, slot, year).format_map(ctx) for slot in topic.paragraphs]
    closings = texts.CLOSINGS
    index = demo.ordinal * 5 + texts.TOPICS.index(topic) + 3 * year.offset
    closing = closings[index % len(closings)].format_map(ctx)
    return title, paragraphs[0], paragraphs[1:] + [closing]
