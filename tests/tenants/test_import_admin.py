"""Importing schools from the admin: a bad file shows every error by line and column and
writes nothing; a good one is previewed, then imported on confirmation by a background task
whose progress a status page shows; an office admin cannot import into another office."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tenants.models import Membership, School, SchoolImport
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
    # The task ran in place (the immediate backend of the test settings) and recorded it all.
    job = SchoolImport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{URL}{job.pk}/"
    assert (job.state, job.total, job.done, job.created, job.updated) == ("done", 2, 2, 2, 0)
    assert job.authority == authority and bytes(job.content) == b""
    assert set(School.objects.values_list("slug", flat=True)) >= {"mn-son-ca", "th-xuan-thoi"}
    assert School.objects.get(slug="mn-son-ca").root_page_id
    status = client.get(response["Location"], HTTP_HOST=HOST).content.decode()
    assert "Đã tạo 2 trường, cập nhật 0, không đổi 0." in status
    assert 'value="2"' in status and "http-equiv" not in status  # finished: no more refresh


def test_only_office_admins(client, school, editor, make_member, authority):
    client.force_login(editor)
    assert client.get(URL, HTTP_HOST=HOST).status_code == 403
    client.force_login(make_member(Membership.Role.AUDITOR, authority=authority))
    assert client.get(URL, HTTP_HOST=HOST).status_code == 403


def test_progress_after_each_batch_and_the_status_page(client, authority, make_member, monkeypatch):
    import tenants.import_admin_tasks as tasks
    import tenants.importing as importing

    monkeypatch.setattr(importing, "BATCH_SIZE", 2)
    seen = []
    record = tasks._record

    def spy(pk, **fields):
        record(pk, **fields)
        if "done" in fields:
            seen.append(SchoolImport.objects.get(pk=pk).done)

    monkeypatch.setattr(tasks, "_record", spy)
    admin = make_member(Membership.Role.ADMIN, authority=authority)
    client.force_login(admin)
    before = School.objects.count()
    lines = [f"7978600{n},Trường Tiểu học Số {n},TH,PGD-CUCHI,th-so-6{n},,,," for n in range(5)]
    upload(client, *lines)
    response = client.post(URL, {"confirm": "1"}, HTTP_HOST=HOST)
    job = SchoolImport.objects.get()
    # Progress recorded after each batch of 2 (the rows are written by then), then the end.
    assert seen == [0, 0, 2, 4, 5, 5]
    assert (job.state, job.done, job.total, job.created) == ("done", 5, 5, 5)
    assert School.objects.count() == before + 5

    # While it runs, the page shows the bar and refreshes itself.
    running = SchoolImport.objects.create(
        authority=authority,
        created_by=admin,
        file_name="tinh.xlsx",
        total=3500,
        done=700,
        state=SchoolImport.State.RUNNING,
    )
    page = client.get(f"{URL}{running.pk}/", HTTP_HOST=HOST).content.decode()
    assert 'max="3500" value="700"' in page and "(20%)" in page
    assert '<meta http-equiv="refresh" content="2">' in page
    # Another office's admin does not see it.
    other, _ = create_authority("PGD-HOCMON", "Phòng Giáo dục và Đào tạo huyện Hóc Môn")
    client.force_login(make_member(Membership.Role.ADMIN, authority=other))
    assert client.get(response["Location"], HTTP_HOST=HOST).status_code == 403


def test_a_file_gone_bad_since_the_preview_writes_nothing(client, authority, make_member):
    """The task checks the file again: a school code taken meanwhile by another office."""
    create_authority("PGD-HOCMON", "Phòng Giáo dục và Đào tạo huyện Hóc Môn")
    admin = make_member(Membership.Role.ADMIN, authority=authority)
    job = SchoolImport.objects.create(
        authority=authority,
        created_by=admin,
        file_name="ds.csv",
        content=(HEADER + "\n79787001,Trường Tiểu học Z,TH,PGD-HOCMON,th-z,,,,\n").encode(),
    )
    before = School.objects.count()
    from tenants.import_admin_tasks import run_school_import

    run_school_import.enqueue(job.pk)
    job.refresh_from_db()
    assert job.state == "failed" and "Dòng 2, cột “authority”" in job.errors[0]
    assert School.objects.count() == before
