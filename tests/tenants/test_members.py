"""Member management (/admin/members/): approvers manage their school's editors, office admins
their subtree; nobody reaches other schools' users or grants more than they hold."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tenants.models import Membership

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
HOST = "portal.test"
NEW_PASSWORD = "Hoa-Phuong-Do-2026"


def client_for(user):
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return client


def add_payload(role_value, username="gv_moi", password=NEW_PASSWORD):
    return {
        "username": username,
        "first_name": "Nguyễn Thị",
        "last_name": "Lan",
        "email": f"{username}@example.vn",
        "role": role_value,
        "password1": password,
        "password2": password,
    }


def test_menu_shows_members_and_hides_wagtail_users_screens(world):
    body = client_for(world.users["a_approver"]).get("/admin/").content.decode()
    assert "/admin/members/" in body
    for hidden in (
        "/admin/users/",
        "/admin/groups/",
        "/admin/sites/",
        "/admin/collections/",
        "/admin/workflows/",
        "/admin/redirects/",
        "/admin/reports/page-types-usage/",
    ):
        assert hidden not in body, hidden
    superuser_body = client_for(world.users["superuser"]).get("/admin/").content.decode()
    assert "/admin/users/" in superuser_body


def test_editor_and_auditor_cannot_manage_members(world):
    for role in ("a_editor", "x_auditor"):
        client = client_for(world.users[role])
        assert client.get("/admin/members/").status_code == 403
        assert client.get("/admin/members/add/").status_code == 403
        body = client.get("/admin/").content.decode()
        assert "/admin/members/" not in body


def test_approver_lists_own_school_only(world):
    response = client_for(world.users["a_approver"]).get("/admin/members/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "a_bientap" in body
    assert "zqxb" not in body.lower()
    assert "a2_bientap" not in body


def test_approver_adds_an_editor_who_can_log_in(world):
    approver = world.users["a_approver"]
    client = client_for(approver)
    value = f"school:{world.a.school.pk}:editor"
    form = client.get("/admin/members/add/").content.decode()
    assert value in form
    # Only the editor role of their own school is offered.
    assert f"school:{world.a.school.pk}:approver" not in form
    assert f"school:{world.b.school.pk}:" not in form
    response = client.post("/admin/members/add/", add_payload(value))
    assert response.status_code == 302, response.content.decode()[:2000]
    user = get_user_model().objects.get(username="gv_moi")
    assert Membership.objects.filter(user=user, school=world.a.school, role="editor").exists()
    assert list(user.groups.all()) == [world.a.school.editors_group]
    # Through the real login form: Client.login() passes no request, which django-axes refuses.
    response = Client(HTTP_HOST=HOST).post(
        "/admin/login/", {"username": "gv_moi", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_approver_cannot_grant_approver_or_other_school(world):
    client = client_for(world.users["a_approver"])
    for value in (
        f"school:{world.a.school.pk}:approver",
        f"school:{world.b.school.pk}:editor",
        f"authority:{world.authorities['x'].pk}:admin",
    ):
        response = client.post("/admin/members/add/", add_payload(value, username="ke_gian"))
        assert response.status_code == 200
        assert "Vai trò" in response.content.decode()
    assert not get_user_model().objects.filter(username="ke_gian").exists()


def test_existing_username_is_never_taken_over(world):
    """Adding 'zqxb_bientap' (school B's editor) must not reset their password or add a role."""
    client = client_for(world.users["a_approver"])
    value = f"school:{world.a.school.pk}:editor"
    response = client.post("/admin/members/add/", add_payload(value, username="zqxb_bientap"))
    assert response.status_code == 200
    assert "đã có người dùng" in response.content.decode()
    victim = get_user_model().objects.get(username="zqxb_bientap")
    assert victim.check_password(PASSWORD)
    assert not Membership.objects.filter(user=victim, school=world.a.school).exists()


def test_weak_password_is_refused_in_vietnamese_naming_the_field(world):
    client = client_for(world.users["a_approver"])
    payload = add_payload(f"school:{world.a.school.pk}:editor", username="gv_yeu", password="123")
    response = client.post("/admin/members/add/", payload)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Mật khẩu quá ngắn: cần ít nhất 8 ký tự." in body
    assert "Mật khẩu không được chỉ gồm chữ số." in body
    assert not get_user_model().objects.filter(username="gv_yeu").exists()
    payload["password2"] = "khac-han-123456"
    payload["password1"] = "Hoa-Phuong-Do-2026"
    body = client.post("/admin/members/add/", payload).content.decode()
    assert "Hai lần nhập mật khẩu không khớp nhau." in body


def test_approver_deactivates_and_resets_password_of_own_editor(world):
    client = client_for(world.users["a_approver"])
    editor = world.users["a_editor"]
    url = f"/admin/members/{editor.pk}/deactivate/"
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    editor.refresh_from_db()
    assert not editor.is_active
    assert client.post(f"/admin/members/{editor.pk}/activate/").status_code == 302
    response = client.post(
        f"/admin/members/{editor.pk}/password/",
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.is_active and editor.check_password(NEW_PASSWORD)


def test_approver_cannot_touch_other_schools_peers_or_self(world):
    approver = world.users["a_approver"]
    client = client_for(approver)
    b_editor = get_user_model().objects.get(pk=world.b.ids["user"])
    for user_id, expected in (
        (b_editor.pk, 404),  # another school: not even confirmed to exist
        (world.a2.ids["user"], 404),  # a sibling school under the same office
        (approver.pk, 403),  # themselves: no self-service role or lock changes here
        (world.users["superuser"].pk, 404),
    ):
        for action in ("", "password/", "deactivate/", "activate/"):
            url = f"/admin/members/{user_id}/{action}"
            assert client.get(url).status_code == expected, url
            assert (
                client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}).status_code
                == expected
            ), url
    b_editor.refresh_from_db()
    assert b_editor.is_active and b_editor.check_password(PASSWORD)


def test_approver_cannot_manage_a_fellow_approver(world, make_member):
    peer = make_member(Membership.Role.APPROVER, school=world.a.school, username="pho_hieutruong")
    client = client_for(world.users["a_approver"])
    assert client.post(f"/admin/members/{peer.pk}/deactivate/").status_code == 403
    peer.refresh_from_db()
    assert peer.is_active


def test_user_with_a_role_elsewhere_is_out_of_reach(world):
    """An editor of A who is also an editor of B cannot be locked by A's approver (it would lock
    them out of B too)."""
    from tenants.provisioning import add_member

    user, _ = add_member("hai_truong", "editor", school=world.a.school, password=PASSWORD)
    add_member("hai_truong", "editor", school=world.b.school)
    client = client_for(world.users["a_approver"])
    assert client.post(f"/admin/members/{user.pk}/deactivate/").status_code == 403
    listing = client.get("/admin/members/").content.decode()
    assert "hai_truong" in listing and "zqxb" not in listing.lower()


def test_office_admin_manages_subtree_only(world):
    admin = world.users["x_admin"]
    client = client_for(admin)
    body = client.get("/admin/members/").content.decode()
    assert "a_bientap" in body and "a2_hieutruong" in body and "x_kiemtra" in body
    assert "zqxb" not in body.lower()
    form = client.get("/admin/members/add/").content.decode()
    assert f"school:{world.a2.school.pk}:approver" in form
    assert f"authority:{world.authorities['x'].pk}:auditor" in form
    assert f"school:{world.b.school.pk}:" not in form
    assert f"authority:{world.authorities['y'].pk}:" not in form
    response = client.post(
        "/admin/members/add/",
        add_payload(f"school:{world.a2.school.pk}:approver", username="hieutruong_moi"),
    )
    assert response.status_code == 302
    assert client.post(f"/admin/members/{world.b.ids['user']}/deactivate/").status_code == 404
    assert client.post(f"/admin/members/{world.a2.ids['user']}/deactivate/").status_code == 302


def test_office_admin_edits_schools_of_subtree_only(world):
    client = client_for(world.users["x_admin"])
    listing = client.get("/admin/members/schools/").content.decode()
    assert world.a.school.name in listing and "zqxb" not in listing.lower()
    url = f"/admin/members/schools/{world.a.school.pk}/"
    data = {
        "name": "Trường Tiểu học Tân Thông Hội mới",
        "address": "Ấp Chợ",
        "phone": "028 1111 2222",
        "email": "tth@example.vn",
        "principal": "Trần Văn Bình",
    }
    assert client.post(url, data).status_code == 302
    world.a.school.refresh_from_db()
    assert world.a.school.principal == "Trần Văn Bình"
    world.a.school.site.refresh_from_db()
    assert world.a.school.site.site_name == "Trường Tiểu học Tân Thông Hội mới"
    assert client.get(f"/admin/members/schools/{world.b.school.pk}/").status_code == 404
    approver = client_for(world.users["a_approver"])
    assert approver.get("/admin/members/schools/").status_code == 403
