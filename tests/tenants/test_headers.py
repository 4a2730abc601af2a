"""Security headers: a strict Content-Security-Policy on public pages (inline styles allowed by
hash, cached copies included), a looser one for the admin; reset links with scheme, host and
port (issue 10: the admin reset e-mail omitted the port)."""

import base64
import hashlib
import re
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def style_hashes(html):
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in re.findall(r"<style(?:\s[^>]*)?>(.*?)</style>", html, re.DOTALL)
    }


@pytest.mark.parametrize("cached", [False, True])
def test_public_pages_have_a_strict_policy_matching_their_inline_styles(
    client, school, settings, cached
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600 if cached else 0
    for _ in range(2 if cached else 1):
        response = client.get("/", HTTP_HOST=school.hostname)
    if cached:
        assert response["X-Cache"] == "HIT"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy
    html = response.content.decode()
    assert "<script>" not in html and " onclick=" not in html
    hashes = style_hashes(html)
    assert hashes and all(h in policy for h in hashes)


def test_unknown_host_page_has_the_policy(client, school):
    response = client.get("/", HTTP_HOST="khong-co.portal.test")
    assert response.status_code == 404
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_admin_has_its_own_looser_policy(client, editor):
    client.force_login(editor)
    response = client.get("/admin/", HTTP_HOST="portal.test")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == settings.PORTAL_CSP_ADMIN
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "env,expected",
    [
        ({"PORTAL_SCHEME": "http", "PORTAL_PORT": "8000"}, "http://cuchi.edu.vn:8000"),
        ({"PORTAL_SCHEME": "https"}, "https://cuchi.edu.vn"),
        ({"PORTAL_SCHEME": "https", "PORTAL_PORT": "8443"}, "https://cuchi.edu.vn:8443"),
    ],
)
def test_production_reset_links_carry_scheme_host_and_port(env, expected):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.WAGTAILADMIN_BASE_URL)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "x" * 50,
            "PORTAL_DOMAIN": "cuchi.edu.vn",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


def test_reset_email_link_uses_the_base_url(client, editor, settings, mailoutbox):
    settings.WAGTAILADMIN_BASE_URL = "http://portal.test:8000"
    response = client.post(
        "/admin/password_reset/", {"email": editor.email}, HTTP_HOST="portal.test"
    )
    assert response.status_code == 302
    [message] = mailoutbox
    assert "http://portal.test:8000/admin/password_reset/confirm/" in message.body
