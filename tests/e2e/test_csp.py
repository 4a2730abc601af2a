"""Public pages pass their Content-Security-Policy in Chromium: no violation reported while a
reader opens the home page, a listing, an article, the contact form, a password-protected page,
the office site and an unknown host (issue 10)."""

import pytest
from wagtail.models import PageViewRestriction

from tenants.provisioning import SchoolData, create_authority, provision_school
from tests.page_types.public_content import make_image, news

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
COLLECT = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture
def site(portal):
    create_authority("PGD-CUCHI", "Phòng Giáo dục và Đào tạo huyện Củ Chi")
    school, _ = provision_school(
        SchoolData(
            code="79781234",
            name="Trường Tiểu học Tân Thông",
            level="TH",
            authority="PGD-CUCHI",
            slug="th-tan-thong",
        )
    )
    article = news(school, title="Ngày hội đọc sách", image=True)
    secret = news(school, title="Danh sách học bổng", image=False)
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    make_image(school)
    school_url = f"http://{school.hostname}:{portal['port']}"
    return {
        "pages": [
            f"{school_url}/",
            f"{school_url}/tin-tuc/",
            f"{school_url}{'/' + article.url_path.split('/', 2)[2]}",
            f"{school_url}/lien-he/",
            f"{school_url}{'/' + secret.url_path.split('/', 2)[2]}",
            f"{portal['office']}/",
            f"http://khong-co.portal.test:{portal['port']}/",
        ]
    }


def test_public_pages_report_no_csp_violation(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    context.add_init_script(COLLECT)
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    try:
        for url in site["pages"]:
            response = page.goto(url)
            assert response is not None
            assert "default-src 'self'" in response.headers["content-security-policy"], url
            page.wait_for_load_state("load")
            violations = page.evaluate("window.__csp")
            assert violations == [], (url, violations)
        assert console == []
    finally:
        context.close()
