"""Reading and writing gettext catalogues in pure Python (.po text and compiled .mo), so machines
without GNU gettext still get them. Used by build_wagtail_catalogue.py and the translation tests."""

import ast
import re
import struct
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HEADER = (
    "Project-Id-Version: school-portal admin\n"
    "Last-Translator: School portal team\n"
    "Language-Team: Vietnamese\n"
    "PO-Revision-Date: {date}\n"
    "Language: vi\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "Plural-Forms: nplurals=1; plural=0;\n"
)
FILE_COMMENT = (
    "# Vietnamese strings for the Wagtail/Django admin, used by school and office staff.\n"
    "# Generated and merged by locale/build_wagtail_catalogue.py; translations are edited here.\n"
    "# Vocabulary: trang, bản nháp, xuất bản, ngừng xuất bản, phiên bản, gửi duyệt,\n"
    "# quy trình duyệt, duyệt, yêu cầu sửa, ảnh, tài liệu, thư mục, đoạn nội dung, khóa.\n"
)

# Django packages whose strings the Wagtail admin shows (login, password forms, form
# validation); only msgids that Django's own vi catalogue leaves untranslated are taken.


@dataclass
class Entry:
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=lambda: [""])
    flags: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # "#." lines from the source catalogue
    origins: list[str] = field(default_factory=list)

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    @property
    def translated(self):
        return any(self.msgstr) and all(self.msgstr) and "fuzzy" not in self.flags


def _header():
    return HEADER.format(date=datetime.now().astimezone().strftime("%Y-%m-%d %H:%M%z"))


# --- reading and writing .po files -------------------------------------------------------------


def _unquote(text):
    return ast.literal_eval(text)


def parse_po(path):
    """Return the non-obsolete entries of a .po file, header entry included (msgid "")."""
    entries = []
    current = None
    last_field = None

    def flush():
        if current is not None and current.msgid is not None:
            entries.append(current)

    pending_comments, pending_flags = [], []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#~") or line.startswith("#|"):
            continue
        if line.startswith("#"):
            if current is not None and last_field is not None:
                flush()
                current, last_field = None, None
            if line.startswith("#,"):
                pending_flags += [f.strip() for f in line[2:].split(",") if f.strip()]
            elif line.startswith("#."):
                pending_comments.append(line[2:].strip())
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            value = _unquote(line)
            if last_field == "msgstr":
                current.msgstr[-1] += value
            else:
                setattr(current, last_field, getattr(current, last_field) + value)
            continue
        if (
            keyword in ("msgctxt", "msgid")
            and current is not None
            and last_field
            in (
                "msgstr",
                "msgid_plural",
            )
        ):
            flush()
            current = None
        if current is None:
            current = Entry(msgid=None, msgstr=[], flags=pending_flags, comments=pending_comments)
            pending_comments, pending_flags = [], []
        if keyword == "msgctxt":
            current.msgctxt, last_field = _unquote(rest), "msgctxt"
        elif keyword == "msgid":
            current.msgid, last_field = _unquote(rest), "msgid"
        elif keyword == "msgid_plural":
            current.msgid_plural, last_field = _unquote(rest), "msgid_plural"
        elif keyword.startswith("msgstr"):
            current.msgstr.append(_unquote(rest))
            last_field = "msgstr"
        else:
            raise ValueError(f"{path}: cannot read line {raw!r}")
    flush()
    return entries


def _quote(text):
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")
    )
    return f'"{escaped}"'


def _po_string(keyword, text):
    """Wrap like GNU gettext: split after each newline so multi-line strings stay readable."""
    parts = re.split(r"(?<=\\n)", _quote(text)[1:-1])
    parts = [p for p in parts if p]
    if len(parts) <= 1 and len(keyword) + len(text) < 76:
        return f"{keyword} {_quote(text)}\n"
    return f'{keyword} ""\n' + "".join(f'"{p}"\n' for p in parts)


def write_po(path, entries):
    """Write the .po; return False (file untouched) when no entry changed, so the header's
    revision date only moves with real edits."""
    body = []
    for entry in entries:
        body.append("\n")
        for comment in entry.comments:
            body.append(f"#. {comment}\n")
        if entry.origins:
            body.append(f"#. source: {', '.join(entry.origins)}\n")
        if entry.flags:
            body.append(f"#, {', '.join(entry.flags)}\n")
        if entry.msgctxt is not None:
            body.append(_po_string("msgctxt", entry.msgctxt))
        body.append(_po_string("msgid", entry.msgid))
        if entry.msgid_plural is not None:
            body.append(_po_string("msgid_plural", entry.msgid_plural))
            body.append(_po_string("msgstr[0]", entry.msgstr[0]))
        else:
            body.append(_po_string("msgstr", entry.msgstr[0]))
    body = "".join(body)
    path = Path(path)
    if path.exists() and path.read_text(encoding="utf-8").endswith(body):
        return False
    head = [FILE_COMMENT, 'msgid ""\n', 'msgstr ""\n']
    head += [f"{_quote(line)}\n" for line in _header().splitlines(keepends=True)]
    path.write_text("".join(head) + body, encoding="utf-8")
    return True


def write_mo(path, entries):
    """Write a GNU .mo file (no hash table; gettext and Django read it without one)."""
    catalogue = {"": _header()}
    for entry in entries:
        if not entry.translated:
            continue
        key = entry.msgid
        if entry.msgid_plural is not None:
            key += "\0" + entry.msgid_plural
        if entry.msgctxt is not None:
            key = entry.msgctxt + "\x04" + key
        catalogue[key] = "\0".join(entry.msgstr)
    keys = sorted(catalogue, key=lambda k: k.encode("utf-8"))
    ids = [k.encode("utf-8") for k in keys]
    strs = [catalogue[k].encode("utf-8") for k in keys]
    count = len(keys)
    ids_table_at = 7 * 4
    strs_table_at = ids_table_at + count * 8
    data_at = strs_table_at + count * 8
    offsets, blob = [], b""
    for text in ids + strs:
        offsets.append((len(text), data_at + len(blob)))
        blob += text + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, ids_table_at, strs_table_at, 0, 0)
    tables = b"".join(struct.pack("<2I", *pair) for pair in offsets)
    Path(path).write_bytes(header + tables + blob)
