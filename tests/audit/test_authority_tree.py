"""The authority tree: each office's roll-up equals the sum of its schools' lines in
`audit_report`; office admins re-parent a sub-office from it, auditors cannot."""

import io
import json
import statistics
from collections import Counter

from django.conf import settings
from django.core.management import call_command

from audit.models import BANDS
from tenants.models import Authority, Membership
from tenants.provisioning import create_authority

from .history import add_news, moment

HOST = settings.PORTAL_DOMAIN


def test_rollup_equals_the_report_and_admins_move_offices(
    client, authority, make_school, make_member
):
    xa, _ = create_authority("XA-A", "Phòng Văn hóa – Xã hội xã A", parent_code=authority.code)
    xb, _ = create_authority("XA-B", "Phòng Văn hóa – Xã hội xã B", parent_code=authority.code)
    direct = make_school("TH")
    in_a = [make_school("THCS", authority_code="XA-A"), make_school("MN", authority_code="XA-A")]
    in_b = make_school("TH", authority_code="XA-B")
    add_news(in_a[0], moment(2026, 11, 20))
    add_news(direct, moment(2026, 11, 10))

    out = io.StringIO()
    call_command("audit_report", stdout=out)
    lines = json.loads(out.getvalue())["schools"]

    admin = make_member(Membership.Role.ADMIN, authority=authority, username="phong.qt")
    client.force_login(admin)
    page = client.get("/admin/audit/tree/", HTTP_HOST=HOST).content.decode()
    for code, schools in (
        ("PGD-CUCHI", [direct, *in_a, in_b]),
        ("XA-A", in_a),
        ("XA-B", [in_b]),
    ):
        mine = [line for line in lines if line["code"] in {s.code for s in schools}]
        row = page.split(f'data-authority="{code}"')[1].split("</tr>")[0]
        assert f'data-field="schools">{len(mine)}<' in row
        required = sum(line["disclosure"]["required"] for line in mine)
        published = sum(line["disclosure"]["published"] for line in mine)
        assert f"{published}/{required}" in row
        bands = Counter(line["band"] for line in mine)
        for n, band in enumerate(BANDS, start=1):
            assert f'data-field="band-{n}" title="{band}">{bands.get(band, 0)}<' in row
        days = [line["days_since_update"] for line in mine if line["days_since_update"] is not None]
        # Shown with the Vietnamese decimal comma.
        median = str(statistics.median(days)).replace(".", ",") if days else "–"
        assert f'data-field="median-days">{median}' in row

    response = client.post(
        "/admin/audit/tree/", {"authority": "XA-B", "parent": "XA-A"}, HTTP_HOST=HOST
    )
    assert response.status_code == 302
    assert Authority.objects.get(code="XA-B").path == "PGD-CUCHI/XA-A/XA-B/"
    # Not under its own sub-office, not the admin's own office.
    client.post("/admin/audit/tree/", {"authority": "XA-A", "parent": "XA-B"}, HTTP_HOST=HOST)
    assert Authority.objects.get(code="XA-A").path == "PGD-CUCHI/XA-A/"
    client.post("/admin/audit/tree/", {"authority": "PGD-CUCHI", "parent": "XA-A"}, HTTP_HOST=HOST)
    assert Authority.objects.get(code="PGD-CUCHI").parent_id is None

    page = client.get("/admin/audit/tree/", HTTP_HOST=HOST).content.decode()
    row = page.split('data-authority="XA-A"')[1].split("</tr>")[0]
    assert 'data-field="schools">3<' in row  # its two schools and XA-B's

    auditor = make_member(Membership.Role.AUDITOR, authority=xa, username="xa.kt")
    client.force_login(auditor)
    page = client.get("/admin/audit/tree/", HTTP_HOST=HOST).content.decode()
    assert 'data-authority="PGD-CUCHI"' not in page and 'data-authority="XA-B"' in page
    # An auditor reads the tree and moves nothing.
    client.post("/admin/audit/tree/", {"authority": "XA-B", "parent": "PGD-CUCHI"}, HTTP_HOST=HOST)
    assert Authority.objects.get(pk=xb.pk).path == "PGD-CUCHI/XA-A/XA-B/"


def test_an_office_admin_creates_a_sub_office(client, authority, make_member):
    client.force_login(make_member(Membership.Role.ADMIN, authority=authority, username="phong.qt"))
    url = "/admin/audit/tree/"
    response = client.post(
        url,
        {
            "create": "1",
            "code": "xa-c",
            "name": "Phòng Văn hóa – Xã hội xã C",
            "parent": "PGD-CUCHI",
        },
        HTTP_HOST=HOST,
        follow=True,
    )
    created = Authority.objects.get(code="XA-C")
    assert (created.path, created.kind) == ("PGD-CUCHI/XA-C/", Authority.Kind.XA)
    assert 'data-authority="XA-C"' in response.content.decode()
    # A name that says no kind needs one; an existing code is another office, never changed.
    page = client.post(
        url,
        {"create": "1", "code": "X1", "name": "Đơn vị X", "parent": "XA-C"},
        HTTP_HOST=HOST,
        follow=True,
    ).content.decode()
    assert "Chọn loại đơn vị" in page and not Authority.objects.filter(code="X1").exists()
    create_authority("PGD-HOCMON", "Phòng Giáo dục và Đào tạo huyện Hóc Môn")
    page = client.post(
        url,
        {"create": "1", "code": "PGD-HOCMON", "name": "Phòng X", "parent": "XA-C"},
        HTTP_HOST=HOST,
        follow=True,
    ).content.decode()
    assert "đã có" in page
    assert Authority.objects.get(code="PGD-HOCMON").parent_id is None
    # Not under another office's tree.
    client.post(
        url,
        {
            "create": "1",
            "code": "XA-D",
            "name": "Phòng Văn hóa – Xã hội xã D",
            "parent": "PGD-HOCMON",
        },
        HTTP_HOST=HOST,
    )
    assert not Authority.objects.filter(code="XA-D").exists()
