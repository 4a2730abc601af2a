"""Importing schools from a CSV or XLSX file: read, validate every row, then provision.

Reading and validation never write: the whole file is checked first and every error is
reported with its line and column, so an office fixes the file once instead of row by row.
Values are normalised and checked by field_rules (lengths from the columns, control characters,
formula-like names, reserved slugs); CSV encodings are detected (UTF-8 with or without BOM,
UTF-16 with BOM, Windows-1258) or refused by name (UTF-7)."""

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils.translation import gettext as _
from wagtail.models import Page

from .field_rules import clean_fields, normalise
from .models import School
from .provisioning import (
    UPDATABLE_FIELDS,
    SchoolData,
    create_schools,
    update_school,
    validate_school,
)

COLUMNS = ("code", "name", "level", "authority", "slug", "address", "phone", "email", "principal")


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self):
        if not self.line:
            return self.message
        if self.column:
            return _("Dòng %(line)d, cột “%(column)s”: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("Dòng %(line)d: %(message)s") % {"line": self.line, "message": self.message}


class ImportFileError(Exception):
    """The file cannot be imported; `errors` lists every problem found (RowError)."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)

    def summary(self):
        return _("Đã tạo %(created)d trường, cập nhật %(updated)d, không đổi %(unchanged)d.") % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
        }


def _cell_text(value):
    """A spreadsheet cell as text: numbers typed into Excel come back as int/float."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# Encodings a CSV may come in. Excel on Vietnamese Windows saves "CSV" in Windows-1258, and
# "Unicode text" in UTF-16 with a BOM; everything else should be UTF-8 (with or without BOM).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
UTF7_SHIFT = re.compile(r"\+[A-Za-z0-9+/]{2,}-?")


def _file_error(message, line=1):
    return ImportFileError([RowError(line, "", message)])


def decode_csv(data):
    """The text of a CSV file, or ImportFileError naming the encoding that cannot be used."""
    for bom, codec, label in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise _file_error(
                    _("Tệp có dấu BOM của %(encoding)s nhưng nội dung không đúng bảng mã đó.")
                    % {"encoding": label}
                ) from error
    head = data[:4096]
    if head and head.count(b"\x00") * 4 > len(head):
        raise _file_error(
            _(
                "Tệp có vẻ là UTF-16 không có dấu BOM: hãy lưu lại với bảng mã UTF-8 "
                "(Excel: “CSV UTF-8”)."
            )
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            # Windows-1258 writes tones as combining marks: compose them.
            return unicodedata.normalize("NFC", data.decode("cp1258"))
        except UnicodeDecodeError as error:
            raise _file_error(
                _(
                    "Không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16 hay Windows-1258): "
                    "hãy lưu lại với bảng mã UTF-8."
                )
            ) from error
    if text.isascii() and _looks_like_utf7(text):
        raise _file_error(
            _("Tệp được lưu với bảng mã UTF-7, không dùng được: hãy lưu lại với bảng mã UTF-8.")
        )
    return text


def _looks_like_utf7(text):
    for match in UTF7_SHIFT.finditer(text):
        try:
            decoded = match.group().encode("ascii").decode("utf-7")
        except UnicodeDecodeError:
            continue
        if any(ord(c) > 127 for c in decoded):
            return True
    return False


def _read_csv(data):
    text = decode_csv(data)
    first_line = text.split("\n", 1)[0]
    # Excel with Vietnamese regional settings saves CSV with ";" between columns.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    next_line = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            # A cell over the csv module's limit (128 KiB), a quote never closed, a NUL...
            raise _file_error(
                _(
                    "Không đọc được dòng này của tệp CSV (ô quá dài hoặc dấu ngoặc kép "
                    "không đóng): %(detail)s."
                )
                % {"detail": error},
                line=next_line,
            ) from error
        rows.append((next_line, [cell.strip() for cell in record]))
        # A quoted cell may span several lines: the next record starts after this one ends.
        next_line = reader.line_num + 1
    return rows


def _read_xlsx(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken file
        raise ImportFileError(
            [RowError(1, "", _("Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc sai định dạng."))]
        ) from error
    rows = []
    try:
        sheet = workbook.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append((number, [_cell_text(value) for value in values]))
    except Exception as error:  # a sheet broken past its first bytes
        raise ImportFileError(
            [
                RowError(
                    len(rows) + 1,
                    "",
                    _("Không đọc được tệp Excel (.xlsx) từ dòng này: tệp hỏng hoặc sai định dạng."),
                )
            ]
        ) from error
    finally:
        workbook.close()
    return rows


def read_table(name, data):
    """(line number, cells) for every line of the file, header included (line 1)."""
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return _read_csv(data)
    if suffix == ".xlsx":
        return _read_xlsx(data)
    raise ImportFileError(
        [
            RowError(
                1,
                "",
                _("Chỉ nhận tệp .csv (UTF-8) hoặc .xlsx; tệp này là “%(suffix)s”.")
                % {"suffix": suffix or name},
            )
        ]
    )


def _header_columns(cells):
    """Map column name → index; errors for unknown, repeated or missing columns."""
    errors = []
    index = {}
    for position, raw in enumerate(cells):
        name = normalise("code", raw).lower()
        if not name:
            continue
        if name not in COLUMNS:
            errors.append(
                RowError(
                    1,
                    raw,
                    _("Cột không được hỗ trợ. Các cột hợp lệ: %(columns)s.")
                    % {"columns": ", ".join(COLUMNS)},
                )
            )
        elif name in index:
            errors.append(RowError(1, raw, _("Cột bị lặp lại.")))
        else:
            index[name] = position
    for name in COLUMNS:
        if name not in index:
            errors.append(RowError(1, name, _("Thiếu cột này ở dòng tiêu đề.")))
    return index, errors


def parse_rows(table):
    """Validate a table read by read_table. Returns [(line, SchoolData)] or raises
    ImportFileError with every error of the file."""
    if not table or not any(table[0][1]):
        raise ImportFileError([RowError(1, "", _("Tệp trống: thiếu dòng tiêu đề."))])
    columns, errors = _header_columns(table[0][1])
    if errors:
        raise ImportFileError(errors)

    parsed = []
    seen_codes, seen_slugs = {}, {}
    for line, cells in table[1:]:
        if not any(cells):
            continue  # blank lines are common at the end of spreadsheets
        values = {
            name: (cells[position] if position < len(cells) else "")
            for name, position in columns.items()
        }
        text_errors = clean_fields(values)
        values["level"] = values["level"].upper()
        data = SchoolData(**values)
        row_errors = _row_errors(line, data, text_errors)
        code, slug = data.code, data.slug
        if code:
            if code in seen_codes:
                row_errors.append(
                    RowError(
                        line,
                        "code",
                        _("Mã trường “%(value)s” trùng với dòng %(other)d.")
                        % {"value": code, "other": seen_codes[code]},
                    )
                )
            else:
                seen_codes[code] = line
        if slug:
            if slug in seen_slugs:
                row_errors.append(
                    RowError(
                        line,
                        "slug",
                        _("Tên miền con “%(value)s” trùng với dòng %(other)d.")
                        % {"value": slug, "other": seen_slugs[slug]},
                    )
                )
            else:
                seen_slugs[slug] = line
        errors.extend(row_errors)
        parsed.append((line, data))
    errors.extend(_slugs_taken_by_other_pages(parsed, errors))
    if not parsed and not errors:
        errors.append(RowError(2, "", _("Tệp không có dòng dữ liệu nào.")))
    if errors:
        raise ImportFileError(errors)
    return parsed


def _row_errors(line, data, text_errors):
    # Values that cannot be stored (length, control characters, formula-like, reserved or
    # malformed slugs and codes) first; the database is only asked about values that can be.
    if text_errors:
        errors = [RowError(line, column, message) for column, message in text_errors.items()]
    else:
        # The same checks provision_school applies (required values, level, host label, email,
        # authority, clashes with schools already in the database): a file valid here provisions.
        found = dict(validate_school(data))
        found.update(_authority_change(data, found))
        errors = [RowError(line, column, str(message)) for column, message in found.items()]
    return sorted(errors, key=lambda e: COLUMNS.index(e.column))


def _slugs_taken_by_other_pages(parsed, errors):
    """A new school's home page sits under the tree's root beside every other site's home (the
    offices' too), so its slug must be free there; a school row only knows other schools. Two
    queries for the whole file, not one a row. Rows already in error are not asked about."""
    failed = {error.line for error in errors}
    candidates = {data.code: (line, data.slug) for line, data in parsed if line not in failed}
    existing = set(School.objects.filter(code__in=candidates).values_list("code", flat=True))
    wanted = {slug: line for code, (line, slug) in candidates.items() if code not in existing}
    root = Page.get_first_root_node()
    taken = root.get_children().filter(slug__in=wanted).values_list("slug", flat=True)
    return [
        RowError(
            wanted[slug],
            "slug",
            _("Tên miền con “%(value)s” đã là địa chỉ của một trang khác trong hệ thống.")
            % {"value": slug},
        )
        for slug in sorted(taken)
    ]


def _authority_change(data, found):
    """A school is never moved to another office by an import: that changes who manages and
    audits it, so it is refused and reported (an admin moves it deliberately)."""
    if "authority" in found or "code" in found:
        return {}
    current = (
        School.objects.filter(code=data.code).values_list("authority__code", flat=True).first()
    )
    if current is None or current == data.authority:
        return {}
    return {
        "authority": _(
            "Trường mã “%(code)s” thuộc %(current)s, tệp ghi %(new)s: nhập liệu không chuyển "
            "trường sang đơn vị khác."
        )
        % {"code": data.code, "current": current, "new": data.authority}
    }


def parse_file(path):
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(
            [RowError(0, "", _("Không mở được tệp “%(name)s”.") % {"name": path.name})]
        ) from error
    return parse_rows(read_table(path.name, data))


BATCH_SIZE = 100


def import_rows(rows, progress=None):
    """Provision validated rows: changed details school by school, new schools in batches of
    BATCH_SIZE, one transaction per batch (a province is thousands of schools: one transaction
    held the whole import for 38 minutes). The rows were validated all together first, so a
    batch fails only if the database changed meanwhile; what committed before stays, and
    importing the same file again completes it. `progress(done, total)` after each batch."""
    result = ImportResult()
    new = []
    for _line, data in rows:
        school = School.objects.filter(code=data.code).first()
        if school is None:
            new.append(data)
            continue
        before = {name: getattr(school, name) for name in UPDATABLE_FIELDS}
        with transaction.atomic():
            update_school(school, data)
        if before != {name: getattr(school, name) for name in UPDATABLE_FIELDS}:
            result.updated.append(school)
        else:
            result.unchanged.append(school)
    done = len(rows) - len(new)
    if progress:
        progress(done, len(rows))
    for start in range(0, len(new), BATCH_SIZE):
        batch = new[start : start + BATCH_SIZE]
        with transaction.atomic():
            created = create_schools(batch)
        result.created += created
        done += len(batch)
        if progress:
            progress(done, len(rows))
    if len(new) >= BATCH_SIZE:
        refresh_statistics()
    return result


def refresh_statistics():
    """After a bulk import, PostgreSQL's planner still holds the statistics of the tables before
    it: measured on a province just imported, a site's "last updated" query took 1.5 s instead of
    0.7 ms until autovacuum came by. Analyse what provisioning wrote, at once."""
    if connection.vendor != "postgresql":
        return
    from wagtail.models import (
        Collection,
        GroupCollectionPermission,
        GroupPagePermission,
        PageLogEntry,
        Site,
    )

    models = (Page, PageLogEntry, Site, Collection, GroupPagePermission, GroupCollectionPermission)
    with connection.cursor() as cursor:
        for model in (*models, School):
            cursor.execute(f'ANALYZE "{model._meta.db_table}"')


def import_file(path, progress=None):
    """Validate the whole file, then provision it. Raises ImportFileError, writes nothing then."""
    return import_rows(parse_file(path), progress=progress)
