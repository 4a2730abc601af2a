"""The demo as a new user meets it after `make run`, on today's date: the office's dashboard,
a school editor's home and the school's public home tell a story that is true today.
Screenshots go to var/screenshots/demo/ (look at them after a change to the demo)."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from demo.loader import DEMO_PASSWORD
from tenants.models import School

from .conftest import SCREENSHOTS, shoot_tall

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TIMEOUT = 30_000
SHOTS = SCREENSHOTS.parent / "demo"
# The first four schools of fixtures/demo/schools.csv: diligent, empty, for show, diligent.
SCHOOLS = 4
DILIGENT = "thcs-tan-thong-hoi"


def shoot(page, name):
    shoot_tall(page, SHOTS / name)


def login(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def test_the_demo_is_alive_today(browser, portal, track_pages):
    SHOTS.mkdir(parents=True, exist_ok=True)
    call_command("load_demo", "--schools", str(SCHOOLS), stdout=io.StringIO())
    today = timezone.localdate()
    base = portal["office"]

    office = track_pages(browser.new_page(viewport={"width": 1440, "height": 1000}))
    office.set_default_timeout(TIMEOUT)
    login(office, base, "phong.quantri")
    office.goto(f"{base}/admin/audit/")
    main = office.locator("main").inner_text()
    assert "phiên bản 3" in main
    rows = office.locator("table.audit-table tbody tr")
    assert rows.count() == SCHOOLS
    by_school = {row.split("\t")[0]: row for row in rows.all_inner_texts()}
    diligent = next(text for name, text in by_school.items() if "Tân Thông Hội" in name)
    for_show = next(text for name, text in by_school.items() if "Thái Mỹ" in name)
    empty = next(text for name, text in by_school.items() if "Phạm Văn Cội" in name)
    assert "Xuất sắc" in diligent or "Tốt" in diligent
    assert "Yếu" in for_show or "Trung bình" in for_show
    assert "Yếu" in empty
    shoot(office, "dashboard-today.png")

    # The office's directives of this school year (how many the year has reached by today).
    from mandates.models import Action, Directive

    office.goto(f"{base}/admin/directives/")
    shoot(office, "directives-today.png")
    post = Directive.objects.filter(action=Action.PUBLISH_POST).first()
    if post is not None and post.deadline < today:
        office.goto(f"{base}/admin/directives/{post.pk}/")
        statuses = office.locator("table.directive-status tbody tr").evaluate_all(
            "rows => rows.map(r => r.dataset.status)"
        )
        # Diligent schools did it on time; the stale and for-show ones did not.
        assert statuses.count("done") == 2 and statuses.count("overdue") == 2
        shoot(office, "directive-status-today.png")

    editor = track_pages(browser.new_page(viewport={"width": 1440, "height": 1000}))
    editor.set_default_timeout(TIMEOUT)
    login(editor, base, f"{DILIGENT}.bientap")
    home = editor.locator("main").inner_text()
    assert "chạy lệnh" not in home
    shoot(editor, "editor-home-today.png")

    school = School.objects.get(slug=DILIGENT)
    reader = track_pages(browser.new_page(viewport={"width": 390, "height": 844}))
    reader.set_default_timeout(TIMEOUT)
    reader.goto(f"http://{school.hostname}:{portal['port']}/")
    text = reader.locator("body").inner_text()
    # Updated this week, and the date says so.
    assert "Cập nhật lần cuối" in text
    assert today.strftime("/%m/%Y") in text
    reader.screenshot(path=str(SHOTS / "school-home-today.png"), full_page=True)
