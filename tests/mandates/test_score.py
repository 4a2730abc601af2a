"""The "Thực hiện chỉ đạo" criterion (rubric version 3) in `audit_report`: the share of the
directives due so far done by their deadline; not applicable when none was due, and then the
school scores exactly as under version 2."""

import datetime
import io
import json

from django.core.management import call_command

from audit.engine import run_audit
from audit.models import Rubric
from mandates.models import Action, Directive
from mandates.services import issue
from tenants.models import School
from tests.audit.history import add_announcement, add_news, at

from .test_directives import moment


def report(as_of):
    out = io.StringIO()
    call_command("audit_report", "--as-of", as_of, stdout=out)
    return {s["code"]: s for s in json.loads(out.getvalue())["schools"]}


def test_directives_criterion_in_the_report(authority, schools):
    for school in schools.values():
        add_news(school, moment(11, 2))
    with at(moment(11, 10)):
        issue(
            Directive(
                authority=authority,
                title="Đăng thông báo",
                body="Các trường THCS đăng thông báo.",
                deadline=datetime.date(2026, 11, 25),
                action=Action.FILL_SECTION,
                section_key="thong-bao",
                target_kind="level",
                target_level="THCS",
                issued_at=moment(11, 10),
            )
        )
    add_announcement(schools["a"], moment(11, 20))  # on time
    add_announcement(schools["b"], moment(11, 27))  # late

    before = report("2026-11-25")  # not due yet: not applicable for everyone
    assert all(s["directives"] == {"due": 0, "on_time": 0} for s in before.values())
    assert all(s["points"]["directives"] is None for s in before.values())

    data = report("2026-11-28")
    a, b, th = (data[schools[k].code] for k in ("a", "b", "th"))
    assert a["directives"] == {"due": 1, "on_time": 1} and a["points"]["directives"] > 0
    assert b["directives"] == {"due": 1, "on_time": 0} and b["points"]["directives"] == 0
    assert th["directives"] == {"due": 0, "on_time": 0} and th["points"]["directives"] is None

    # With nothing due, version 3 scores as version 2 did.
    v2 = Rubric.objects.get(code="default", version=2)
    as_of = datetime.date(2026, 11, 28)
    old = {r["code"]: r["score"] for r in run_audit(School.objects.all(), as_of, v2).rows}
    assert th["score"] == old[th["code"]]
    assert b["score"] < old[b["code"]]
