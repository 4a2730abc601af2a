"""The management commands an office runs: what they print, what they refuse."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from tenants.models import Authority, Membership, School

HEADER = "code,name,level,authority,slug,address,phone,email,principal"


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def write(tmp_path, *lines, name="ds.csv"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.django_db
def test_create_authority_then_child():
    out = run("create_authority", "--code", "SO-HCM", "--name", "Sở GD&ĐT TP.HCM", "--kind", "so")
    assert "Đã tạo đơn vị SO-HCM" in out
    out = run(
        "create_authority",
        "--code",
        "PGD-CUCHI",
        "--name",
        "Phòng GD&ĐT Củ Chi",
        "--parent",
        "SO-HCM",
    )
    assert "Đã tạo đơn vị PGD-CUCHI" in out
    child = Authority.objects.get(code="PGD-CUCHI")
    assert child.path == "SO-HCM/PGD-CUCHI/"
    assert "Đã cập nhật" in run("create_authority", "--code", "SO-HCM", "--name", "Sở mới")
    with pytest.raises(CommandError, match="Không có đơn vị quản lý mã “KHONGCO”"):
        run("create_authority", "--code", "X", "--name", "X", "--parent", "KHONGCO")


def test_create_school_prints_its_address_and_refuses_bad_slug(authority):
    out = run(
        "create_school",
        "--code",
        "79785001",
        "--name",
        "Trường Mầm non Sơn Ca",
        "--level",
        "MN",
        "--authority",
        authority.code,
        "--slug",
        "mn-son-ca",
    )
    assert "Đã tạo trường 79785001: Trường Mầm non Sơn Ca – http://mn-son-ca.portal.test/" in out
    with pytest.raises(CommandError, match="slug: “MN Son Ca” không dùng được làm tên miền con"):
        run(
            "create_school",
            *("--code", "79785002", "--name", "Trường B", "--level", "MN"),
            *("--authority", authority.code, "--slug", "MN Son Ca"),
        )
    assert not School.objects.filter(code="79785002").exists()


def test_add_member_command(school):
    out = run("add_member", "cobich", "--school", school.code, "--role", "editor")
    assert out.startswith("Đã tạo cobich: Biên tập viên")
    out = run("add_member", "cobich", "--school", school.code, "--role", "editor")
    assert out.startswith("Đã cập nhật cobich")
    assert Membership.objects.filter(user__username="cobich").count() == 1
    with pytest.raises(CommandError, match="Vai trò ở trường chỉ là editor hoặc approver"):
        run("add_member", "cobich", "--school", school.code, "--role", "auditor")
    with pytest.raises(CommandError, match="Không có trường mã “000”"):
        run("add_member", "cobich", "--school", "000", "--role", "editor")


def test_import_schools_command_summary_and_reimport(authority, tmp_path):
    path = write(
        tmp_path,
        HEADER,
        "79786001,Trường Tiểu học Tân An Hội,TH,PGD-CUCHI,th-tan-an-hoi,,,,",
        "79786002,Trường THCS Phước Hiệp,THCS,PGD-CUCHI,thcs-phuoc-hiep,,,,",
    )
    out = run("import_schools", str(path))
    assert "+ 79786001 Trường Tiểu học Tân An Hội: http://th-tan-an-hoi.portal.test/" in out
    assert "Đã tạo 2 trường, cập nhật 0, không đổi 0." in out
    out = run("import_schools", str(path))
    assert "Đã tạo 0 trường, cập nhật 0, không đổi 2." in out
    path = write(
        tmp_path,
        HEADER,
        "79786001,Trường Tiểu học Tân An Hội,TH,PGD-CUCHI,th-tan-an-hoi,,,,Võ Văn Tám",
        "79786002,Trường THCS Phước Hiệp,THCS,PGD-CUCHI,thcs-phuoc-hiep,,,,",
    )
    out = run("import_schools", str(path))
    assert "~ 79786001 Trường Tiểu học Tân An Hội" in out
    assert "Đã tạo 0 trường, cập nhật 1, không đổi 1." in out
    assert School.objects.get(code="79786001").principal == "Võ Văn Tám"


def test_import_schools_command_fails_listing_all_errors(authority, tmp_path):
    path = write(
        tmp_path,
        HEADER,
        "79786101,Trường A,TH,PGD-CUCHI,truong-a,,,,",
        "79786102,Trường B,TIEUHOC,PGD-CUCHI,truong-b,,,,",
        "79786103,Trường C,TH,PGD-CUCHI,truong-c,,,c@,",
    )
    with pytest.raises(CommandError) as excinfo:
        run("import_schools", str(path))
    message = str(excinfo.value)
    assert "có 2 lỗi, chưa nhập trường nào" in message
    assert "Dòng 3, cột “level”" in message
    assert "Dòng 4, cột “email”" in message
    assert not School.objects.exists()
    assert not get_user_model().objects.exists()


def test_import_schools_command_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Không mở được tệp “khong-co.csv”"):
        run("import_schools", str(tmp_path / "khong-co.csv"))
