"""create_authority: --parent moves an existing authority (and its subtree), --kind is set
or inferred from the name, and a move under its own sub-office is refused."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tenants.authority_tree import infer_kind
from tenants.models import Authority


def run(*args):
    out = StringIO()
    call_command("create_authority", *args, stdout=out)
    return out.getvalue()


def test_kind_is_inferred_from_the_name():
    assert infer_kind("Sở Giáo dục và Đào tạo TP. Hồ Chí Minh") == Authority.Kind.SO
    assert infer_kind("Phòng Giáo dục và Đào tạo huyện Củ Chi") == Authority.Kind.PHONG
    assert infer_kind("Phòng Văn hóa – Xã hội xã Tân Thông Hội") == Authority.Kind.XA
    assert infer_kind("Trung tâm X") is None


@pytest.mark.django_db
def test_parent_moves_an_existing_authority_with_its_subtree(make_school):
    run("--code", "PGD-CUCHI", "--name", "Phòng Giáo dục và Đào tạo huyện Củ Chi")
    run(
        "--code",
        "XA-TTH",
        "--name",
        "Phòng Văn hóa – Xã hội xã Tân Thông Hội",
        "--parent",
        "PGD-CUCHI",
    )
    school = make_school("THCS", authority_code="XA-TTH")
    out = run("--code", "SO-HCM", "--name", "Sở Giáo dục và Đào tạo TP. Hồ Chí Minh")
    assert "Sở Giáo dục và Đào tạo" in out and Authority.objects.get(code="SO-HCM").kind == "so"

    out = run(
        "--code",
        "PGD-CUCHI",
        "--name",
        "Phòng Giáo dục và Đào tạo huyện Củ Chi",
        "--parent",
        "SO-HCM",
    )
    assert "Đã cập nhật" in out and "đơn vị cấp trên: SO-HCM" in out
    assert Authority.objects.get(code="PGD-CUCHI").path == "SO-HCM/PGD-CUCHI/"
    assert Authority.objects.get(code="XA-TTH").path == "SO-HCM/PGD-CUCHI/XA-TTH/"
    sub = Authority.objects.get(code="SO-HCM")
    assert school in sub.schools_in_subtree()

    with pytest.raises(CommandError, match="vào chính nó hoặc một đơn vị trực thuộc"):
        run(
            "--code",
            "SO-HCM",
            "--name",
            "Sở Giáo dục và Đào tạo TP. Hồ Chí Minh",
            "--parent",
            "XA-TTH",
        )
    assert Authority.objects.get(code="SO-HCM").parent_id is None

    out = run(
        "--code", "XA-TTH", "--name", "Phòng Văn hóa – Xã hội xã Tân Thông Hội", "--kind", "phong"
    )
    assert "loại: Phòng Giáo dục và Đào tạo" in out


@pytest.mark.django_db
def test_a_name_that_says_no_kind_needs_one():
    with pytest.raises(CommandError, match="--kind"):
        run("--code", "TT-1", "--name", "Trung tâm 1")
    assert not Authority.objects.filter(code="TT-1").exists()
