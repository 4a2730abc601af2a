"""Bad input to import_schools gets a Vietnamese message naming line and column, never a
traceback, and nothing is written (issue 10: 29 of 331 mutated files crashed the command)."""

import pytest
from django.core.management import CommandError, call_command

from tenants.field_rules import RESERVED_SLUGS, max_length
from tenants.models import School
from tests.tenants.test_import import HEADER, ROW_A, counts

pytestmark = pytest.mark.django_db
FIELDS = HEADER.split(",")


def row(**changes):
    values = dict(zip(FIELDS, ROW_A.split(","), strict=True))
    values.update(changes)
    return ",".join(f'"{v}"' if ("," in v or '"' in v) else v for v in values.values())


def csv_file(tmp_path, *lines, encoding="utf-8", name="truong.csv"):
    path = tmp_path / name
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def refused(path):
    before = counts()
    with pytest.raises(CommandError) as excinfo:
        call_command("import_schools", str(path))
    assert counts() == before
    return str(excinfo.value)


@pytest.mark.parametrize("field", ["code", "name", "phone", "email", "address", "principal"])
def test_values_longer_than_their_column_are_refused(authority, tmp_path, field):
    limit = max_length(field)
    value = "a" * (limit + 1) if field != "email" else "a" * (limit - 8) + "@a.edu.vn"
    message = refused(csv_file(tmp_path, HEADER, row(**{field: value})))
    assert f"Dòng 2, cột “{field}”" in message
    assert f"tối đa {limit}" in message


@pytest.mark.parametrize("bad", ["\x00", "\x07\x08", "\x1b", "\u202e"])
def test_control_characters_are_refused(authority, tmp_path, bad):
    message = refused(csv_file(tmp_path, HEADER, row(name=f"Trường{bad} Hoa Sen")))
    assert "Dòng 2" in message and ("ký tự điều khiển" in message or "CSV" in message)


def test_a_one_megabyte_cell_is_refused_with_its_line(authority, tmp_path):
    message = refused(csv_file(tmp_path, HEADER, ROW_A, row(code="1", address="x" * 1_000_000)))
    assert "Dòng 3" in message


@pytest.mark.parametrize("slug", ["www", "admin", "localhost", "static", "api"])
def test_reserved_slugs_are_refused(authority, tmp_path, slug):
    assert slug in RESERVED_SLUGS
    message = refused(csv_file(tmp_path, HEADER, row(slug=slug)))
    assert "Dòng 2, cột “slug”" in message and "dành riêng" in message


@pytest.mark.parametrize(
    "changes,column",
    [
        ({"code": "7978 0101"}, "code"),
        ({"code": "../79780101"}, "code"),
        ({"code": "7978/0101"}, "code"),
        ({"slug": "../mn-hoa-sen"}, "slug"),
        ({"slug": "mn hoa sen"}, "slug"),
        ({"authority": "PGD CUCHI"}, "authority"),
    ],
)
def test_malformed_codes_and_slugs_are_refused(authority, tmp_path, changes, column):
    message = refused(csv_file(tmp_path, HEADER, row(**changes)))
    assert f"Dòng 2, cột “{column}”" in message


@pytest.mark.parametrize(
    "name",
    ['=HYPERLINK("http://evil","x")', "+84 Trường", "-Trường", "@SUM(1)"],
)
def test_formula_like_names_are_refused(authority, tmp_path, name):
    message = refused(csv_file(tmp_path, HEADER, row(name=name)))
    assert "Dòng 2, cột “name”" in message and "công thức" in message


def test_utf7_is_refused_by_name(authority, tmp_path):
    message = refused(csv_file(tmp_path, HEADER, ROW_A, encoding="utf-7"))
    assert "UTF-7" in message and "Dòng 1" in message


def test_zero_width_spaces_are_removed_and_full_width_digits_normalised(authority, tmp_path):
    path = csv_file(
        tmp_path,
        HEADER,
        row(code="７９７８０１０１", slug="mn-hoa\u200b-sen", name="Trường Mầm non\u200b Hoa Sen"),
    )
    call_command("import_schools", str(path))
    school = School.objects.get()
    assert (school.code, school.slug, school.name) == (
        "79780101",
        "mn-hoa-sen",
        "Trường Mầm non Hoa Sen",
    )


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_encodings_from_excel_are_read(authority, tmp_path, encoding):
    path = csv_file(tmp_path, HEADER, ROW_A, encoding=encoding)
    call_command("import_schools", str(path))
    assert School.objects.get().name == "Trường Mầm non Hoa Sen"


def to_windows_1258(text):
    """What Excel writes: letters Windows-1258 has (ư, ơ, â, …) as such, tones as combining marks."""
    import unicodedata

    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for size in range(len(marks), -1, -1):
            head = unicodedata.normalize("NFC", base + "".join(marks[:size]))
            try:
                out += head.encode("cp1258") + "".join(marks[size:]).encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
    return out


def test_windows_1258_from_excel_is_read_and_tones_composed(authority, tmp_path):
    path = tmp_path / "truong.csv"
    path.write_bytes(to_windows_1258(HEADER + "\n" + ROW_A + "\n"))
    assert "Trường".encode() not in path.read_bytes()
    call_command("import_schools", str(path))
    school = School.objects.get()
    assert (school.name, school.principal) == ("Trường Mầm non Hoa Sen", "Lê Thị Hồng")


def test_a_move_to_another_authority_on_reimport_is_refused(authority, tmp_path):
    from tenants.provisioning import create_authority

    create_authority("PGD-HOCMON", "Phòng Giáo dục và Đào tạo huyện Hóc Môn")
    call_command("import_schools", str(csv_file(tmp_path, HEADER, ROW_A)))
    message = refused(csv_file(tmp_path, HEADER, row(authority="PGD-HOCMON"), name="moi.csv"))
    assert "Dòng 2, cột “authority”" in message and "PGD-CUCHI" in message
    assert School.objects.get().authority.code == "PGD-CUCHI"


def test_broken_quoting_is_reported_with_its_line(authority, tmp_path):
    message = refused(csv_file(tmp_path, HEADER, ROW_A, '79780102,"Trường không đóng ngoặc,TH'))
    assert "Dòng 3" in message
