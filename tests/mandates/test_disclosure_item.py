"""Fill a section by a disclosure item: the school's page for the item in the school year the
directive was sent in must be live by the deadline; statuses from the log at chosen times."""

from django.urls import reverse

from mandates.models import Action, Directive, Target
from mandates.progress import verdicts
from mandates.status import Status
from regulations.year_opening import open_school_year
from tests.audit.history import publish
from tests.regulations.conftest import edit, slot

from .test_directives import login, moment, send

CODE = "TT09_2024.D4"
YEAR = "2026-2027"


def judged_at(directive, when):
    targets = list(directive.targets.select_related("school"))
    result = verdicts(directive, targets, when)
    return {t.school.slug: result[t.pk] for t in targets}


def test_fill_a_disclosure_item_end_to_end(client, office_admin, authority, schools, approvers):
    # Every school opened the year (its slots exist); B's slot is deleted below.
    for school in schools.values():
        open_school_year(school, YEAR)
    directive = send(
        login(client, office_admin),
        authority,
        action=Action.FILL_SECTION,
        section_key="",
        item_code=CODE,
        post_title="",
        target_kind="subtree",
    )
    assert directive.item_code == CODE and directive.school_year == YEAR
    assert directive.targets.count() == 3
    a_slot = slot(schools["a"], YEAR, CODE)
    th_slot = slot(schools["th"], YEAR, CODE)

    # School A's approver starts from the directive: the slot's edit form.
    client.logout()
    login(client, approvers["a"])
    target = Target.objects.get(directive=directive, school=schools["a"])
    with moment_now(11, 12):
        response = client.post(reverse("mandates:start", args=[target.pk]))
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[a_slot.pk])
    publish(a_slot, moment(11, 20, 15))
    # The TH school drafts its page on the 15th and publishes after the deadline.
    edit(th_slot, moment(11, 15), user=approvers["th"])
    publish(th_slot, moment(11, 27, 10))

    # School B deleted its slot: a clear message instead of a form, nothing started.
    slot(schools["b"], YEAR, CODE).delete()
    client.logout()
    login(client, approvers["b"])
    b_target = Target.objects.get(directive=directive, school=schools["b"])
    response = client.post(reverse("mandates:start", args=[b_target.pk]), follow=True)
    assert response.redirect_chain == [(reverse("mandates:detail", args=[directive.pk]), 302)]
    html = response.content.decode()
    assert "chưa có trang cho mục công khai “TT09_2024.D4” của năm học 2026-2027" in html
    b_target.refresh_from_db()
    assert b_target.started_at is None

    before = judged_at(directive, moment(11, 16))
    assert before["thcs-tan-thong-hoi"].status == Status.DRAFTING
    assert before["th-binh-my"].status == Status.DRAFTING
    assert before["thcs-phuoc-hiep"].status == Status.UNSEEN
    on_deadline = judged_at(directive, moment(11, 25, 20))
    assert on_deadline["thcs-tan-thong-hoi"].status == Status.DONE
    assert on_deadline["thcs-tan-thong-hoi"].done_at == moment(11, 20, 15)
    assert on_deadline["thcs-tan-thong-hoi"].page_id == a_slot.pk
    assert on_deadline["th-binh-my"].status == Status.DRAFTING
    after = judged_at(directive, moment(11, 28))
    assert after["thcs-tan-thong-hoi"].on_time
    assert after["th-binh-my"].status == Status.DONE and after["th-binh-my"].late
    assert after["thcs-phuoc-hiep"].status == Status.OVERDUE

    # The office's table names the item and links the published page.
    client.logout()
    login(client, office_admin)
    with moment_now(11, 28):
        html = client.get(reverse("mandates:detail", args=[directive.pk])).content.decode()
    assert "“TT09_2024.D4”" in html and html.count('data-status="done"') == 2

    # Taken down later: not done any more at that moment (the log decides).
    with moment_now(12, 2):
        a_slot.refresh_from_db()
        a_slot.unpublish()
    assert judged_at(directive, moment(12, 3))["thcs-tan-thong-hoi"].status == Status.OVERDUE
    assert judged_at(directive, moment(11, 28))["thcs-tan-thong-hoi"].on_time


def test_disclosure_item_input_is_checked(client, office_admin, authority, schools):
    login(client, office_admin)
    base = {
        "authority": authority.pk,
        "title": "Công khai thông tin",
        "body": "Các trường công khai mục D4.",
        "deadline": "2026-11-25",
        "action": Action.FILL_SECTION,
        "target_kind": "subtree",
    }
    unknown = client.post(reverse("mandates:create"), {**base, "item_code": "TT09_2024.X9"})
    assert "Không có mục công khai mã “TT09_2024.X9”" in unknown.content.decode()
    both = client.post(
        reverse("mandates:create"), {**base, "item_code": CODE, "section_key": "thong-bao"}
    )
    assert "không chọn cả hai" in both.content.decode()
    assert not Directive.objects.exists()


def moment_now(month, day, hour=9):
    from tests.audit.history import at

    return at(moment(month, day, hour))
