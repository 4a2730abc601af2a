"""A seeded fuzz of import_schools: 240 mutations of a valid file (long values, NUL and control
characters, encodings, huge cells, broken quoting, wrong headers, truncated or corrupt files,
xlsx corruption). For every file the command either imports or raises CommandError whose every
error names its line; never another exception, and nothing written on a failure."""

import io
import random

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from openpyxl import Workbook

from tenants.field_rules import max_length
from tests.tenants.test_import import HEADER, ROW_A, ROW_B, counts

pytestmark = pytest.mark.django_db
SEED = 20261201
FILES = 240
FIELDS = HEADER.split(",")
CONTROL = [chr(c) for c in range(0, 32) if chr(c) not in "\n\r"] + ["\x7f", "\u202e", "\u2028"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-7", "latin-1", "cp1258"]


POISON = ("79789999", "Trường Kiểm Tra", "XX", "PGD-CUCHI", "truong-kiem-tra", "", "", "", "")


def base_rows():
    import csv

    return [list(FIELDS)] + [next(csv.reader([line])) for line in (ROW_A, ROW_B)]


def to_csv(rows, delimiter=","):
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def to_xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pick_cell(rng, rows):
    line = rng.randrange(1, len(rows)) if len(rows) > 1 else 0
    return line, rng.randrange(len(rows[line]))


# Mutations: each takes (rng, rows) and returns (suffix, bytes).


def long_value(rng, rows):
    line, column = pick_cell(rng, rows)
    limit = max_length(FIELDS[column]) if column < len(FIELDS) else 64
    rows[line][column] = rng.choice("aĂ7-") * (limit + rng.randint(1, 300))
    return ".csv", to_csv(rows).encode()


def huge_cell(rng, rows):
    line, column = pick_cell(rng, rows)
    rows[line][column] = "x" * rng.choice([131_073, 500_000, 1_000_000])
    return ".csv", to_csv(rows).encode()


def control_character(rng, rows):
    line, column = pick_cell(rng, rows)
    value = rows[line][column]
    at = rng.randint(0, len(value))
    rows[line][column] = value[:at] + rng.choice(CONTROL) + value[at:]
    return ".csv", to_csv(rows).encode()


def invisible_or_wide(rng, rows):
    line, column = pick_cell(rng, rows)
    value = rows[line][column]
    if rng.random() < 0.5:
        at = rng.randint(0, len(value))
        rows[line][column] = value[:at] + rng.choice("\u200b\u200c\u200d\u2060\ufeff") + value[at:]
    else:
        rows[line][column] = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in value)
    return ".csv", to_csv(rows).encode()


def formula(rng, rows):
    line, _column = pick_cell(rng, rows)
    column = min(FIELDS.index(rng.choice(["name", "address", "principal"])), len(rows[line]) - 1)
    rows[line][column] = rng.choice(
        ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"]
    )
    return ".csv", to_csv(rows).encode()


def bad_identifier(rng, rows):
    line, _column = pick_cell(rng, rows)
    column = min(
        FIELDS.index(rng.choice(["code", "slug", "authority", "level"])), len(rows[line]) - 1
    )
    rows[line][column] = rng.choice(
        ["www", "admin", "localhost", "../x", "a b", "a/b", "x" * 70, "", "-x-", "A..B", "TH;"]
    )
    return ".csv", to_csv(rows).encode()


def encoding(rng, rows):
    name = rng.choice(ENCODINGS)
    text = to_csv(rows, delimiter=rng.choice([",", ";"]))
    return ".csv", text.encode(name, errors="replace")


def broken_quoting(rng, rows):
    text = to_csv(rows)
    at = rng.randint(0, len(text))
    return ".csv", (text[:at] + rng.choice(['"', '""', '"\n', '\n"']) + text[at:]).encode()


def wrong_header(rng, rows):
    header = rows[0]
    action = rng.choice(["rename", "drop", "duplicate", "empty", "only"])
    if action == "rename":
        header[rng.randrange(len(header))] = rng.choice(["ma", "tên", "CODE ", "\x00", ""])
    elif action == "drop":
        dropped = rng.randrange(len(header))
        for row in rows:
            del row[dropped]
    elif action == "duplicate":
        header[rng.randrange(len(header))] = rng.choice(FIELDS)
    elif action == "empty":
        return ".csv", b""
    else:
        del rows[1:]
    return ".csv", to_csv(rows).encode()


def truncated(rng, rows):
    data = to_csv(rows).encode()
    return ".csv", data[: rng.randint(0, len(data))]


def byte_flips(rng, rows):
    data = bytearray(to_csv(rows).encode())
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return ".csv", bytes(data)


def xlsx_values(rng, rows):
    line, column = pick_cell(rng, rows)
    rows[line][column] = rng.choice(
        [12345678901234567890, 3.5, "y" * 300, True, None, '=HYPERLINK("x")']
    )
    return ".xlsx", to_xlsx(rows)


def xlsx_corrupt(rng, rows):
    data = bytearray(to_xlsx(rows))
    if rng.random() < 0.5:
        return ".xlsx", bytes(data[: rng.randint(0, len(data))])
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return ".xlsx", bytes(data)


MUTATIONS = [
    long_value,
    huge_cell,
    control_character,
    invisible_or_wide,
    formula,
    bad_identifier,
    encoding,
    broken_quoting,
    wrong_header,
    truncated,
    byte_flips,
    xlsx_values,
    xlsx_corrupt,
]


def generated_files():
    rng = random.Random(SEED)
    for number in range(FILES):
        rows = base_rows()
        if rng.random() < 0.5:
            del rows[2]
        if rng.random() < 0.85:
            # A last row with a wrong level: most files a mutation leaves valid are still refused
            # (provisioning a school takes seconds); the others really import.
            rows.append(list(POISON))
        mutation = MUTATIONS[number % len(MUTATIONS)]
        suffix, data = mutation(rng, rows)
        if rng.random() < 0.25:  # a second, different fault in the same file
            suffix2, data2 = rng.choice(MUTATIONS[:11])(rng, rows)
            if suffix2 == suffix == ".csv":
                data = data2
        yield number, mutation.__name__, suffix, data


def test_import_never_crashes_names_every_line_and_writes_nothing_on_failure(authority, tmp_path):
    outcomes = {"imported": 0, "refused": 0}
    for number, mutation, suffix, data in generated_files():
        path = tmp_path / f"fuzz-{number}{suffix}"
        path.write_bytes(data)
        before = counts()
        with transaction.atomic():
            try:
                call_command("import_schools", str(path), stdout=io.StringIO())
            except CommandError as error:
                outcomes["refused"] += 1
                message = str(error)
                problems = [line for line in message.splitlines() if line.startswith("  - ")]
                assert problems, (number, mutation, message)
                for problem in problems:
                    assert problem.startswith("  - Dòng "), (number, mutation, problem)
                assert counts() == before, (number, mutation)
            except Exception as error:  # the point of the test
                pytest.fail(f"file {number} ({mutation}): {type(error).__name__}: {error}")
            else:
                outcomes["imported"] += 1
            # Each file is tried against the same database.
            transaction.set_rollback(True)
    assert sum(outcomes.values()) == FILES
    # The fuzz really exercises both paths.
    assert outcomes["refused"] > FILES / 2 and outcomes["imported"] > 0, outcomes
