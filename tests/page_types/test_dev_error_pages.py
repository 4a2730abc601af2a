"""The development server shows the Vietnamese 404 and 500 pages, not Django's debug pages."""

import pytest
from django.test import override_settings
from django.urls import path

from page_types.error_pages import FriendlyErrorPagesMiddleware
from portal.settings import dev
from portal.urls import urlpatterns as portal_urls

pytestmark = pytest.mark.django_db
MIDDLEWARE = [*dev.MIDDLEWARE]


def broken(request):
    raise RuntimeError("hỏng")


urlpatterns = [path("hong/", broken), *portal_urls]


def test_dev_settings_install_the_middleware():
    assert MIDDLEWARE[-1] == "page_types.error_pages.FriendlyErrorPagesMiddleware"
    assert FriendlyErrorPagesMiddleware


@override_settings(DEBUG=True, MIDDLEWARE=MIDDLEWARE)
def test_missing_page_is_the_vietnamese_404(client, school):
    response = client.get("/khong-co-trang-nay/", HTTP_HOST=school.hostname)
    assert response.status_code == 404
    body = response.content.decode()
    assert "Không tìm thấy trang" in body
    assert "URLconf" not in body and "Page not found" not in body


@override_settings(DEBUG=True, MIDDLEWARE=MIDDLEWARE, ROOT_URLCONF=__name__)
def test_an_error_is_the_vietnamese_500(school):
    from django.test import Client

    response = Client(raise_request_exception=False).get("/hong/", HTTP_HOST=school.hostname)
    assert response.status_code == 500
    body = response.content.decode()
    assert "Traceback" not in body
    assert "lỗi" in body.lower()
