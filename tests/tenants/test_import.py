"""Reading and validating a school list, then provisioning it all or nothing."""

import pytest
from django.contrib.auth.models import Group
from openpyxl import Workbook
from wagtail.models import Collection, Page, Site

from tenants.importing import ImportFileError, import_file, parse_file
from tenants.models import School

HEADER = "code,name,level,authority,slug,address,phone,email,principal"
ROW_A = (
    "79780101,Trường Mầm non Hoa Sen,MN,PGD-CUCHI,mn-hoa-sen,"
    "Ấp 2 xã Tân Thạnh Đông,028 3790 1111,mnhoasen@cuchi.edu.vn,Lê Thị Hồng"
)
ROW_B = (
    "79780102,Trường THCS Tân Phú Trung,THCS,PGD-CUCHI,thcs-tan-phu-trung,"
    '"Số 5, đường Tỉnh lộ 8",028 3790 2222,thcstpt@cuchi.edu.vn,Trần Văn Bình'
)


def write_csv(tmp_path, *lines, bom=False, name="truong.csv"):
    path = tmp_path / name
    text = "\n".join(lines) + "\n"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def write_xlsx(tmp_path, rows, name="truong.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def error_texts(excinfo):
    return [str(e) for e in excinfo.value.errors]


def counts():
    return (
        School.objects.count(),
        Site.objects.count(),
        Page.objects.count(),
        Collection.objects.count(),
        Group.objects.count(),
    )


@pytest.mark.parametrize("bom", [False, True])
def test_csv_with_or_without_bom_is_read(authority, tmp_path, bom):
    rows = parse_file(write_csv(tmp_path, HEADER, ROW_A, ROW_B, bom=bom))
    assert [line for line, _ in rows] == [2, 3]
    first, second = rows[0][1], rows[1][1]
    assert first.code == "79780101"
    assert first.name == "Trường Mầm non Hoa Sen"
    assert first.level == "MN"
    assert second.address == "Số 5, đường Tỉnh lộ 8"
    assert second.principal == "Trần Văn Bình"


def test_csv_saved_by_vietnamese_excel_with_semicolons(authority, tmp_path):
    path = write_csv(
        tmp_path,
        HEADER.replace(",", ";"),
        "79780103;Trường Tiểu học An Nhơn Tây;TH;PGD-CUCHI;th-an-nhon-tay;Ấp Chợ Cũ;;;",
    )
    [(line, data)] = parse_file(path)
    assert (line, data.slug, data.level) == (2, "th-an-nhon-tay", "TH")


def test_xlsx_is_read_and_numbers_become_text(authority, tmp_path):
    path = write_xlsx(
        tmp_path,
        [
            HEADER.split(","),
            [79780104, "Trường Tiểu học Phú Hòa Đông", "TH", "PGD-CUCHI", "th-phu-hoa-dong"],
            [None] * 9,  # trailing blank row, as spreadsheets often have
        ],
    )
    [(line, data)] = parse_file(path)
    assert line == 2
    assert data.code == "79780104"
    assert data.address == ""


def test_every_error_is_listed_with_line_and_column(authority, tmp_path):
    path = write_csv(
        tmp_path,
        HEADER,
        ROW_A,  # line 2: valid
        "79780201,Trường X,CD,PGD-CUCHI,truong-x,,,,",  # 3: unknown level
        "79780101,Trường Y,TH,PGD-CUCHI,truong-y,,,,",  # 4: code repeats line 2
        "79780203,Trường Z,TH,PGD-CUCHI,mn-hoa-sen,,,,",  # 5: slug repeats line 2
        "79780204,Trường Q,TH,PGD-CUCHI,Truong_Q,,,,",  # 6: not a host label
        "79780205,Trường R,TH,PGD-KHONGCO,truong-r,,,,",  # 7: unknown authority
        "79780206,,TH,PGD-CUCHI,truong-s,,,,",  # 8: missing name
        "79780207,Trường T,TH,PGD-CUCHI,truong-t,,,thu-sai@,",  # 9: bad email
    )
    before = counts()
    with pytest.raises(ImportFileError) as excinfo:
        import_file(path)
    errors = {(e.line, e.column) for e in excinfo.value.errors}
    assert errors == {
        (3, "level"),
        (4, "code"),
        (5, "slug"),
        (6, "slug"),
        (7, "authority"),
        (8, "name"),
        (9, "email"),
    }
    texts = error_texts(excinfo)
    assert "Dòng 3, cột “level”: Cấp học “CD” không hợp lệ (MN, TH hoặc THCS)." in texts
    assert "Dòng 4, cột “code”: Mã trường “79780101” trùng với dòng 2." in texts
    assert "Dòng 5, cột “slug”: Tên miền con “mn-hoa-sen” trùng với dòng 2." in texts
    assert any(t.startswith("Dòng 6, cột “slug”: “Truong_Q” không dùng được") for t in texts)
    assert "Dòng 7, cột “authority”: Không có đơn vị quản lý mã “PGD-KHONGCO”." in texts
    assert "Dòng 8, cột “name”: Thiếu giá trị bắt buộc." in texts
    assert "Dòng 9, cột “email”: Email “thu-sai@” không hợp lệ." in texts
    # Nothing at all was written, not even the valid row.
    assert counts() == before


def test_header_must_have_exactly_the_known_columns(authority, tmp_path):
    path = write_csv(
        tmp_path,
        "code,ten,level,authority,slug,address,phone,email,principal,ghi_chu",
        "79780301,Trường A,TH,PGD-CUCHI,truong-a,,,,,",
    )
    with pytest.raises(ImportFileError) as excinfo:
        parse_file(path)
    assert {(e.line, e.column) for e in excinfo.value.errors} == {
        (1, "ten"),
        (1, "ghi_chu"),
        (1, "name"),
    }
    assert "Dòng 1, cột “name”: Thiếu cột này ở dòng tiêu đề." in error_texts(excinfo)


def test_quoted_multiline_cell_keeps_file_line_numbers(authority, tmp_path):
    path = write_csv(
        tmp_path,
        HEADER,
        '79780401,Trường A,TH,PGD-CUCHI,truong-a,"Ấp 1\nxã Trung Lập Hạ",,,',
        "79780402,Trường B,XX,PGD-CUCHI,truong-b,,,,",
    )
    with pytest.raises(ImportFileError) as excinfo:
        parse_file(path)
    assert [(e.line, e.column) for e in excinfo.value.errors] == [(4, "level")]


def test_slug_taken_by_a_school_already_in_the_database(school, tmp_path):
    path = write_csv(tmp_path, HEADER, f"79789999,Trường Mới,TH,PGD-CUCHI,{school.slug},,,,")
    with pytest.raises(ImportFileError) as excinfo:
        parse_file(path)
    assert [(e.line, e.column) for e in excinfo.value.errors] == [(2, "slug")]
    assert school.name in error_texts(excinfo)[0]


def test_slug_taken_by_another_site_home_is_refused_before_anything_is_written(authority, tmp_path):
    """The office's own home sits under the root too: a school may not take its address.
    Found when the file is read, not in the middle of a batch."""
    from wagtail.models import Page

    Page.get_first_root_node().add_child(instance=Page(title="Phòng GD&ĐT", slug="pgd-trang"))
    path = write_csv(
        tmp_path,
        HEADER,
        "79780501,Trường Tiểu học An Phú,TH,PGD-CUCHI,an-phu,,,,",
        "79780502,Trường Tiểu học Phú Mỹ Hưng,TH,PGD-CUCHI,pgd-trang,,,,",
    )
    before = counts()
    with pytest.raises(ImportFileError) as excinfo:
        parse_file(path)
    assert [(e.line, e.column) for e in excinfo.value.errors] == [(3, "slug")]
    assert "pgd-trang" in error_texts(excinfo)[0]
    assert counts() == before


def test_utf16_without_bom_and_other_formats_are_refused(authority, tmp_path):
    path = tmp_path / "truong.csv"
    path.write_bytes((HEADER + "\n1,Trường Lê Lợi,TH,PGD-CUCHI,le-loi,,,,\n").encode("utf-16-le"))
    with pytest.raises(ImportFileError) as excinfo:
        parse_file(path)
    assert "UTF-16" in error_texts(excinfo)[0] and "UTF-8" in error_texts(excinfo)[0]
    other = tmp_path / "truong.xls"
    other.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportFileError) as excinfo:
        parse_file(other)
    assert ".xls" in error_texts(excinfo)[0]


def test_import_creates_then_is_idempotent_then_updates(authority, tmp_path):
    path = write_csv(tmp_path, HEADER, ROW_A, ROW_B)
    first = import_file(path)
    assert [s.code for s in first.created] == ["79780101", "79780102"]
    school = School.objects.get(code="79780102")
    assert school.site.hostname == "thcs-tan-phu-trung.portal.test"
    assert school.address == "Số 5, đường Tỉnh lộ 8"

    before = counts()
    again = import_file(path)
    assert (len(again.created), len(again.updated), len(again.unchanged)) == (0, 0, 2)
    assert counts() == before

    changed = ROW_B.replace("Trần Văn Bình", "Phạm Thị Cúc").replace(
        "028 3790 2222", "028 3790 9999"
    )
    result = import_file(write_csv(tmp_path, HEADER, ROW_A, changed, name="moi.csv"))
    assert [s.code for s in result.updated] == ["79780102"]
    assert len(result.unchanged) == 1
    school.refresh_from_db()
    assert (school.principal, school.phone) == ("Phạm Thị Cúc", "028 3790 9999")
    assert counts() == before


def test_failure_while_provisioning_rolls_back_every_row(authority, tmp_path, monkeypatch):
    import tenants.importing as importing

    real = importing.create_schools
    calls = []

    def failing(rows):
        # Both rows are one batch: fail once the batch's schools are written.
        calls.append([data.code for data in rows])
        real(rows)
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing, "create_schools", failing)
    before = counts()
    with pytest.raises(RuntimeError):
        import_file(write_csv(tmp_path, HEADER, ROW_A, ROW_B))
    assert calls == [["79780101", "79780102"]]
    assert counts() == before
