"""The perfunctory ("chiếu lệ") flags, each on a history built at known times."""

import datetime

from audit.engine import run_audit
from tenants.models import School

from .history import add_menu, add_news, moment, words

AS_OF = datetime.date(2016, 11, 25)


def flags_of(school):
    run = run_audit(School.objects.filter(pk=school.pk), AS_OF)
    return [(f["kind"], f["published_at"]) for f in run.rows[0]["flags"]]


def test_burst_after_a_quiet_spell(make_school):
    crammer = make_school("TH", name="Trường dồn bài")
    add_news(crammer, moment(2016, 9, 6))
    for n in range(8):  # 27 days later, 8 posts in 35 minutes
        add_news(crammer, moment(2016, 10, 3, 14, n * 5))
    one_short = make_school("TH", name="Trường bảy bài")
    add_news(one_short, moment(2016, 9, 6))
    for n in range(7):
        add_news(one_short, moment(2016, 10, 3, 14, n * 5))
    busy = make_school("TH", name="Trường không nghỉ lâu")
    add_news(busy, moment(2016, 9, 20))
    for n in range(8):  # only 10 days after the previous post
        add_news(busy, moment(2016, 9, 30, 8, n * 5))

    run = run_audit(School.objects.all(), AS_OF)
    flags = {r["code"]: r["flags"] for r in run.rows}
    bursts = [f for f in flags[crammer.code] if f["kind"] == "burst"]
    # Rubric version 2: every post of the burst is for show, not only its first.
    assert [f["published_at"] for f in bursts] == [
        f"2016-10-03T14:{5 * n:02d}:00+07:00" for n in range(8)
    ]
    assert {f["reason"] for f in bursts} == {"8 bài trong 24 giờ, sau 27 ngày không có bài nào."}
    assert not [f for f in flags[one_short.code] if f["kind"] == "burst"]
    assert not [f for f in flags[busy.code] if f["kind"] == "burst"]


def test_thin_posts(make_school):
    school = make_school("MN")
    add_news(school, moment(2016, 10, 3), text=words(12, seed=1))  # thin
    add_news(school, moment(2016, 10, 4), text=words(12, seed=2), attachments=1)  # has a file
    add_news(school, moment(2016, 10, 5), text=words(45, seed=3))  # long enough
    add_menu(school, moment(2016, 10, 6), datetime.date(2016, 10, 10))  # a menu is its table
    assert flags_of(school) == [("thin", "2016-10-03T08:00:00+07:00")]


def test_duplicates_are_flagged_unless_shared_from_the_office(make_school):
    text = words(90, seed=31)
    first = make_school("TH", name="Trường viết trước")
    copier = make_school("TH", name="Trường chép lại")
    sharer = make_school("TH", name="Trường đăng lại tin Phòng")
    add_news(first, moment(2016, 10, 3), title="Tập huấn an toàn giao thông", text=text)
    add_news(copier, moment(2016, 10, 10), title="Tập huấn an toàn giao thông", text=text)
    add_news(
        sharer, moment(2016, 10, 11), title="Tập huấn an toàn giao thông", text=text, shared=True
    )
    different = words(90, seed=32)
    add_news(copier, moment(2016, 10, 12), text=different)
    assert flags_of(first) == []  # the original is not a copy
    assert flags_of(copier) == [("duplicate", "2016-10-10T08:00:00+07:00")]
    assert flags_of(sharer) == []
    run = run_audit(School.objects.filter(pk=copier.pk), AS_OF)
    reason = run.rows[0]["flags"][0]["reason"]
    assert "Tập huấn an toàn giao thông" in reason and "Trường viết trước" in reason


def test_backdated_threshold(make_school):
    school = make_school("TH")
    add_news(school, moment(2016, 10, 10), date=datetime.date(2016, 10, 3))  # 7 days: fine
    add_news(school, moment(2016, 10, 11), date=datetime.date(2016, 10, 3))  # 8 days: flagged
    assert flags_of(school) == [("backdated", "2016-10-11T08:00:00+07:00")]
