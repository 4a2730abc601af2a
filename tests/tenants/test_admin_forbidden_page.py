"""A screen closed to the user answers 403 with a Vietnamese page inside the admin, never
Django's bare English "403 Forbidden"."""

import pytest

OFFICE = "portal.test"


@pytest.mark.parametrize("url", ["/admin/members/", "/admin/members/add/"])
def test_editor_gets_a_vietnamese_403_in_the_admin(client, editor, url):
    client.force_login(editor)
    response = client.get(url, HTTP_HOST=OFFICE)
    html = response.content.decode()
    assert response.status_code == 403
    assert "Không có quyền truy cập" in html
    assert "Về trang quản trị" in html
    assert "Forbidden" not in html
    # The admin's own page: its menu is there to go elsewhere.
    assert "sidebar" in html
