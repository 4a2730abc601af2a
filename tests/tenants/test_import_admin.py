"""Importing schools from the admin: a bad file shows every error by line and column and
writes nothing; a good one is previewed, then imported on confirmation; an office admin
cannot import into another office."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tenants.models import Membership, School
from tenants.provisioning import create_authority

HOST = settings.PORTAL_DOMAIN
HEADER = "code,name,level,authority,slug,address,phone,email,principal"
URL = "/admin/schools-import/"


def upload(client, *lines, name="ds.csv"):
    content = ("\n".join([HEADER, *lines]) + "\n").encode("utf-8")
    return client.post(URL, {"file": SimpleUploadedFile(name, content)}, HTTP_HOST=HOST)


def test_bad_file_then_good_file(client, authority, make_member):
    create_authority("PGD-HOCMON", "Phòng Giáo dục và Đào tạo huyện Hóc Môn")
    client.force_login(make_member(Membership.Role.ADMIN, authority=authority))
    before = School.objects.count()

    page = upload(
        client,
        "79785001,Trường Mầm non Sơn Ca,MN,PGD-CUCHI,mn-son-ca,,,,",
        "79785002,Trường Tiểu học X,ZZ,PGD-CUCHI,th-x,,,,",
        "79785003,Trường Tiểu học Y,TH,PGD-HOCMON,th-y,,,,",
    ).content.decode()
    assert "Dòng 3, cột “level”" in page and "chưa có gì được ghi" in page
    assert School.objects.count() == before
    # A valid file for another office: refused by line, nothing written.
    page = upload(
        client,
        "79785001,Trường Mầm non Sơn Ca,MN,PGD-CUCHI,mn-son-ca,,,,",
        "79785003,Trường Tiểu học Y,TH,PGD-HOCMON,th-y,,,,",
    ).content.decode()
    assert "Dòng 3, cột “authority”" in page and "không thuộc phạm vi" in page
    assert School.objects.count() == before

    page = upload(
        client,
        "79785001,Trường Mầm non Sơn Ca,MN,PGD-CUCHI,mn-son-ca,,,,",
        "79785002,Trường Tiểu học Xuân Thới,TH,PGD-CUCHI,th-xuan-thoi,,,,",
    ).content.decode()
    assert "2 trường mới" in page and "Trường Tiểu học Xuân Thới" in page
    assert School.objects.count() == before  # a preview writes nothing
    response = client.post(URL, {"confirm": "1"}, HTTP_HOST=HOST)
    assert response.status_code == 302
    assert set(School.objects.values_list("slug", flat=True)) >= {"mn-son-ca", "th-xuan-thoi"}
    assert School.objects.get(slug="mn-son-ca").root_page_id


def test_only_office_admins(client, school, editor, make_member, authority):
    client.force_login(editor)
    assert client.get(URL, HTTP_HOST=HOST).status_code == 403
    client.force_login(make_member(Membership.Role.AUDITOR, authority=authority))
    assert client.get(URL, HTTP_HOST=HOST).status_code == 403
