"""In a real browser, a province admin narrows the explorer to one school through the filter
sidebar's school chooser: the modal opens, its search finds the school, choosing it reloads the
listing with that school's pages only (issue 16: no list of thousands of sites in a filter)."""

import os
import re

import pytest

from tenants.models import Membership
from tenants.provisioning import SchoolData, add_member, create_authority, create_schools

from .conftest import CHROMIUM, SCREENSHOTS, shoot_tall

PASSWORD = "matkhau-demo-123"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM), reason="Chromium không có: apt-get install chromium"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def province(portal, monkeypatch):
    from tenants.isolation import views

    # Four schools stand for thousands: above this cap the site filter gives way to choosers.
    monkeypatch.setattr(views, "MAX_FILTER_CHOICES", 2)
    so, _ = create_authority("SO-E2E", "Sở Giáo dục và Đào tạo E2E", kind="so")
    create_authority("PGD-E2E1", "Phòng Giáo dục Đông", parent_code="SO-E2E")
    create_authority("PGD-E2E2", "Phòng Giáo dục Tây", parent_code="SO-E2E")
    names = ["Hòa Bình", "Bến Súc", "Tân Phú", "Long Hải"]
    create_schools(
        [
            SchoolData(
                code=f"79E2S{n}",
                name=f"Trường Tiểu học {name}",
                level="TH",
                authority="PGD-E2E1" if n % 2 else "PGD-E2E2",
                slug=f"th-e2e-{n}",
            )
            for n, name in enumerate(names, start=1)
        ]
    )
    add_member("e2e_so", Membership.Role.ADMIN, authority=so, password=PASSWORD)
    return names


def test_the_explorer_filters_by_a_school_chosen_in_the_sidebar(portal, province, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(20_000)
    admin = f"{portal['office']}/admin"
    page.goto(f"{admin}/login/")
    page.fill("input[name=username]", "e2e_so")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))

    page.goto(f"{admin}/pages/")
    listing = page.locator("#listing-results")
    assert "Bến Súc" in listing.inner_text() and "Tân Phú" in listing.inner_text()
    page.locator("#filters-drilldown .w-slim-header-action-button").first.click()
    page.locator("#filters-drilldown button.w-drilldown__toggle", has_text="Trường").first.click()
    page.locator("#drilldown-id_school .chooser__choose-button").click()
    search = page.locator(".modal-dialog:visible input[name=q]").first
    search.wait_for()
    with page.expect_response(lambda r: "q=" in r.url):
        search.type("Bến", delay=20)
    page.wait_for_timeout(300)
    modal = page.locator(".modal-dialog:visible")
    assert "Trường Tiểu học Bến Súc" in modal.inner_text()
    assert "Hòa Bình" not in modal.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "school-chooser-modal.png"))
    with page.expect_response(lambda r: "school=" in r.url):
        modal.locator("a[data-chooser-modal-choice]", has_text="Bến Súc").click()
    page.wait_for_url(re.compile(r".*school=\d+"))
    page.wait_for_load_state("networkidle")
    text = listing.inner_text()
    assert "Bến Súc" in text
    assert "Tân Phú" not in text and "Hòa Bình" not in text and "Long Hải" not in text
    # The sidebar stays open on the school's filter, showing the chosen school.
    submenu = page.locator("#drilldown-id_school")
    if not submenu.is_visible():
        page.locator("#filters-drilldown .w-slim-header-action-button").first.click()
        page.locator("#filters-drilldown button.w-drilldown__toggle", has_text="Trường").click()
    assert "Trường Tiểu học Bến Súc" in submenu.inner_text()
    page.wait_for_timeout(300)
    shoot_tall(page, SCREENSHOTS / "school-chooser-explorer.png")
    page.close()
