"""Refresh the project's Vietnamese catalogue of Wagtail's (and Django's) admin strings.

Wagtail's own ``vi`` catalogue covers a small part of the admin, so ``locale/vi`` (first in
LOCALE_PATHS, hence winning over every app's catalogue) carries the whole editor vocabulary.

After upgrading Wagtail or Django, from the repository root:

    .venv/bin/python locale/build_wagtail_catalogue.py           # merge msgids, write .po and .mo
    .venv/bin/python locale/build_wagtail_catalogue.py --check   # also fail on gaps/placeholder errors
    .venv/bin/python locale/build_wagtail_catalogue.py --coverage  # print what editors read in Vietnamese

Merging keeps every existing translation, drops msgids that no longer exist, and adds new ones
either empty or, when Wagtail's own ``vi`` has one, pre-filled and marked ``fuzzy`` (fuzzy and
empty entries are not compiled, so Wagtail's string or English shows until someone reviews it).
Translate the new entries in the .po files, remove their ``fuzzy`` flag, and run it again.
The .mo files are written in pure Python so machines without GNU gettext still get them.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pofile import Entry, parse_po, write_mo, write_po  # noqa: E402  (beside this script)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TARGET = HERE / "vi" / "LC_MESSAGES"
LANGUAGE = "vi"

DJANGO_PACKAGES = ["django.conf", "django.contrib.admin", "django.contrib.auth"]
# Django vi translations that read badly in the Wagtail admin (wrong meaning, stray capitals
# inside sentences such as "Nhập Tên đăng nhập của bạn"); these are re-translated here.
DJANGO_OVERRIDES = {
    "django.contrib.auth": {
        "username",
        "password",
        "name",
        "group",
        "groups",
        "user",
        "users",
        "permission",
        "permissions",
        "active",
        "first name",
        "last name",
        "email address",
        "superuser status",
        "staff status",
        "last login",
        "date joined",
        "content type",
        "This account is inactive.",
        "Password changed successfully.",
        "Password reset unsuccessful",
        "Password reset complete",
        "Your old password was entered incorrectly. Please enter it again.",
        "Please enter a correct %(username)s and password. Note that both fields may be "
        "case-sensitive.",
        "Designates whether this user should be treated as active. Unselect this instead of "
        "deleting accounts.",
        "Designates that this user has all permissions without explicitly assigning them.",
        "The groups this user belongs to. A user will get all permissions granted to each of "
        "their groups.",
        "Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.",
        "A user with that username already exists.",
        "The two password fields didn’t match.",
        "Enter the same password as before, for verification.",
        "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ "
        "characters.",
        "Password reset on %(site_name)s",
    },
    # Django's vi leaves these as English; the admin shows them (form errors, times, field
    # descriptions in error pages).
    "django.conf": {"Syndication", "Big (8 byte) integer", "p.m.", "a.m."},
    "django.contrib.admin": {"LogEntry Object", "Please correct the error below."},
}


# --- collecting msgids ---------------------------------------------------------------------------


def _setup_django():
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()


def _package_dir(name):
    module = __import__(name, fromlist=["__name__"])
    return Path(module.__file__).resolve().parent


def wagtail_sources():
    """(label, locale dir) of every installed Wagtail app: only those can show strings."""
    from django.apps import apps

    configs = [
        c for c in apps.get_app_configs() if c.name == "wagtail" or c.name.startswith("wagtail.")
    ]
    # Admin first, so the .po reads in the order editors meet the strings.
    configs.sort(
        key=lambda c: (c.name != "wagtail.admin", c.name != "wagtail", "contrib" in c.name)
    )
    return [(c.name, Path(c.path) / "locale") for c in configs]


def _index(entries):
    return {e.key: e for e in entries if e.msgid}


def collect(domain):
    """Source entries for one domain, each with Wagtail's/Django's own vi msgstr if any."""
    collected = {}
    upstream = {}
    source_flags = {}

    def add(label, entry, vi_entry):
        if entry.key in collected:
            collected[entry.key].origins.append(label)
            return
        collected[entry.key] = Entry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgid_plural=entry.msgid_plural,
            comments=[c for c in entry.comments if not c.startswith("source:")],
            origins=[label],
        )
        source_flags[entry.key] = [f for f in entry.flags if f.endswith("-format")]
        if vi_entry is not None and vi_entry.translated:
            upstream[entry.key] = vi_entry.msgstr[:1]

    for label, locale_dir in wagtail_sources():
        en_path = locale_dir / "en" / "LC_MESSAGES" / f"{domain}.po"
        if not en_path.exists():
            continue
        vi_path = locale_dir / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"
        vi = _index(parse_po(vi_path)) if vi_path.exists() else {}
        for entry in parse_po(en_path):
            if entry.msgid:
                add(label, entry, vi.get(entry.key))

    if domain == "django":
        for package in DJANGO_PACKAGES:
            locale_dir = _package_dir(package) / "locale"
            vi_path = locale_dir / LANGUAGE / "LC_MESSAGES" / "django.po"
            vi = _index(parse_po(vi_path)) if vi_path.exists() else {}
            overrides = DJANGO_OVERRIDES.get(package, set())
            for entry in parse_po(locale_dir / "en" / "LC_MESSAGES" / "django.po"):
                done = vi.get(entry.key)
                if entry.msgid in overrides:
                    add(package, entry, done)
                elif entry.msgid and not (done is not None and done.translated):
                    add(package, entry, None)
    return list(collected.values()), upstream, source_flags


def merge(domain):
    sources, upstream, source_flags = collect(domain)
    po_path = TARGET / f"{domain}.po"
    existing = _index(parse_po(po_path)) if po_path.exists() else {}
    merged, added, prefilled = [], 0, 0
    for entry in sources:
        old = existing.get(entry.key)
        flags = [f for f in (old.flags if old else []) if f == "fuzzy"]
        if old is not None and any(old.msgstr):
            entry.msgstr = old.msgstr[:1]
        elif entry.key in upstream:
            entry.msgstr = upstream[entry.key]
            flags = ["fuzzy"]
            prefilled += 1
        else:
            added += 1
        entry.flags = flags + source_flags[entry.key]
        merged.append(entry)
    dropped = len(set(existing) - {e.key for e in merged} - {(None, "")})
    return merged, {"total": len(merged), "new": added, "prefilled": prefilled, "dropped": dropped}


# --- checks --------------------------------------------------------------------------------------

PYTHON_FORMAT = re.compile(r"%(?:\([^)]+\))?[#0 +-]*\d*(?:\.\d+)?[sdifrxX%]")
BRACE_FORMAT = re.compile(r"\{[A-Za-z0-9_.]*\}")
HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")


def placeholders(text):
    """What must survive translation unchanged: format specs and HTML tags (with attributes)."""
    return sorted(
        PYTHON_FORMAT.findall(text)
        + BRACE_FORMAT.findall(text)
        + [m.group(0) for m in HTML_TAG.finditer(text)]
    )


def problems(entries):
    found = []
    for entry in entries:
        if not entry.translated:
            found.append(f"untranslated: {entry.msgid[:70]!r}")
            continue
        source = entry.msgid_plural if entry.msgid_plural is not None else entry.msgid
        wanted = placeholders(source)
        if entry.msgid_plural is not None:
            # One Vietnamese form serves both; it may follow either English form.
            ok = placeholders(entry.msgstr[0]) in (wanted, placeholders(entry.msgid))
        else:
            ok = placeholders(entry.msgstr[0]) == wanted
        if not ok:
            found.append(f"placeholders differ: {entry.msgid[:70]!r} -> {entry.msgstr[0][:70]!r}")
    return found


# --- coverage: what an editor reads in Vietnamese ------------------------------------------------

# Django's packages whose strings reach the Wagtail admin (the same list the catalogue draws from).
COVERAGE_DJANGO_PACKAGES = DJANGO_PACKAGES
# Written the same in Vietnamese: loanwords and units (checked by hand, listed so that a new
# English string is never waved through by accident).
SAME_IN_VIETNAMESE = {
    "URL",
    "ID",
    "IPv4",
    "IPv6",
    "Email",
    "Wagtail API v2",
    "Wagtail API v3",
    "%(size)d byte",
    "%s KB",
    "%s MB",
    "%s GB",
    "%s TB",
    "%s PB",
}


def _nothing_to_translate(msgid):
    """Placeholders and punctuation only ("%(field_label)s:", ", ", "…")."""
    return not re.search(r"[^\W\d_]", PYTHON_FORMAT.sub("", BRACE_FORMAT.sub("", msgid)))


def _excluded_django_msgids():
    """Language names (the language menu is not shown: the admin is Vietnamese only) and the
    password hashers' parameter names (shown to superusers only, on a user's password hash)."""
    from django.conf import global_settings

    names = {name for _code, name in global_settings.LANGUAGES}
    hashers = (_package_dir("django.contrib.auth") / "hashers.py").read_text(encoding="utf-8")
    return names | set(re.findall(r'_\("([^"]+)"\)', hashers))


def _django_catalogue():
    """The merged catalogue Django's gettext reads for "vi" (project first, then apps, Django)."""
    from django.utils.translation import trans_real

    return trans_real.translation(LANGUAGE)._catalog


def _js_catalogue():
    """What the admin's JavaScript catalogue serves: ours, then Wagtail's own vi."""
    paths = [TARGET / "djangojs.po"] + [
        d / LANGUAGE / "LC_MESSAGES" / "djangojs.po" for _l, d in wagtail_sources()
    ]
    found = {}
    for path in paths:
        if path.exists():
            for entry in parse_po(path):
                if entry.translated:
                    found.setdefault(entry.key, entry.msgstr[0])
    return found


def _vietnamese(entry, translations, js):
    if js:
        text = translations.get(entry.key)
    else:
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        text = translations.get((key, 0) if entry.msgid_plural is not None else key)
    if not text:
        return False
    if text != entry.msgid:
        return True
    return entry.msgid in SAME_IN_VIETNAMESE or _nothing_to_translate(entry.msgid)


def coverage():
    """{"wagtail"|"django"|"project": (done, total, [missing msgids])}: the English msgids of
    the installed Wagtail apps and of Django's admin-facing packages that come out in Vietnamese
    through Django's gettext with the project's catalogues, and the project's own catalogue."""
    django_cat, js_cat = _django_catalogue(), _js_catalogue()
    result = {}
    seen, missing, total, not_done = set(), [], 0, 0
    for label, locale_dir in wagtail_sources():
        for domain in ("django", "djangojs"):
            path = locale_dir / "en" / "LC_MESSAGES" / f"{domain}.po"
            if not path.exists():
                continue
            for entry in parse_po(path):
                if not entry.msgid:
                    continue
                total += 1
                cat = js_cat if domain == "djangojs" else django_cat
                if not _vietnamese(entry, cat, domain == "djangojs"):
                    not_done += 1
                    if (domain, entry.key) not in seen:
                        missing.append(f"{label} ({domain}): {entry.msgid}")
                    seen.add((domain, entry.key))
    result["wagtail"] = (total - not_done, total, missing)
    excluded = _excluded_django_msgids()
    missing, total = [], 0
    for package in COVERAGE_DJANGO_PACKAGES:
        path = _package_dir(package) / "locale" / "en" / "LC_MESSAGES" / "django.po"
        for entry in parse_po(path):
            if not entry.msgid or entry.msgid in excluded:
                continue
            total += 1
            if not _vietnamese(entry, django_cat, False):
                missing.append(f"{package}: {entry.msgid}")
    result["django"] = (total - len(missing), total, missing)
    entries = [e for d in ("django", "djangojs") for e in parse_po(TARGET / f"{d}.po") if e.msgid]
    untranslated = [e.msgid for e in entries if not e.translated]
    result["project"] = (len(entries) - len(untranslated), len(entries), untranslated)
    return result


def print_coverage():
    names = {"wagtail": "Wagtail", "django": "Django", "project": "project catalogue (locale/vi)"}
    for key, (done, total, missing) in coverage().items():
        print(f"{names[key]}: {done}/{total} in Vietnamese ({100 * done / total:.1f}%)")
        for msgid in missing:
            print(f"    missing: {msgid}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 on gaps or bad placeholders")
    parser.add_argument(
        "--coverage", action="store_true", help="only print the Vietnamese coverage figures"
    )
    args = parser.parse_args()
    _setup_django()
    if args.coverage:
        print_coverage()
        return
    TARGET.mkdir(parents=True, exist_ok=True)
    failed = False
    for domain in ("django", "djangojs"):
        entries, stats = merge(domain)
        mo_path = TARGET / f"{domain}.mo"
        po_path = TARGET / f"{domain}.po"
        # Hand-translated entries leave the merged .po unchanged: recompile when it is newer.
        stale = not mo_path.exists() or po_path.stat().st_mtime > mo_path.stat().st_mtime
        if write_po(po_path, entries) or stale:
            write_mo(mo_path, entries)
        found = problems(entries)
        done = sum(e.translated for e in entries)
        print(f"{domain}: {done}/{stats['total']} translated; {stats}")
        if shutil.which("msgfmt"):
            result = subprocess.run(
                ["msgfmt", "--check", "-o", os.devnull, str(TARGET / f"{domain}.po")],
                capture_output=True,
                text=True,
            )
            if result.returncode:
                print(result.stderr)
                failed = True
        if args.check and found:
            print("\n".join(found))
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
