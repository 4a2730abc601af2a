"""The office's directives of the running school year, and each school's answer as its profile
would give it: a diligent school answers on time, a middling one late, a stale one never, one
that updates for show only at the last minute or late. Everything happens through the product's
own services at simulated times, and nothing after the load's horizon (today)."""

import datetime

from mandates.models import Action, Directive, TargetKind
from mandates.services import acknowledge, issue, mark_seen, start
from tenants.clock import at, simulated_now

# (2016-2017 reference dates, mapped onto the running year by DemoYear.day)
DIRECTIVES = (
    {
        "title": "Hoàn thiện cấu trúc trang thông tin điện tử của trường",
        "body": (
            "Thực hiện Công văn số 1636/GDĐT-VP, các trường hoàn thiện các chuyên mục bắt buộc "
            "của trang thông tin điện tử, trong đó chuyên mục Kế hoạch giáo dục phải có kế "
            "hoạch năm học được đăng tải."
        ),
        "letter_number": "1636/GDĐT-VP",
        "letter_signer": "Phó Trưởng phòng",
        "issued": datetime.date(2016, 11, 16),
        "deadline": datetime.date(2016, 11, 25),
        "action": Action.FILL_SECTION,
        "section_key": "ke-hoach",
    },
    {
        "title": "Đăng thông báo tuyển sinh năm học mới lên trang của trường",
        "body": (
            "Các trường đăng thông báo về kế hoạch tuyển sinh để cha mẹ học sinh theo dõi; có "
            "thể điều chỉnh nội dung cho phù hợp với nhà trường."
        ),
        "letter_number": "1702/GDĐT-TS",
        "letter_signer": "Trưởng phòng",
        "issued": datetime.date(2016, 11, 7),
        "deadline": datetime.date(2016, 11, 18),
        "action": Action.PUBLISH_POST,
        "section_key": "tuyen-sinh",
        "post_title": "Thông báo về công tác tuyển sinh năm học mới",
        "post_body": (
            "Thực hiện chỉ đạo của Phòng Giáo dục và Đào tạo, nhà trường thông báo đến quý cha "
            "mẹ học sinh kế hoạch tuyển sinh năm học mới.\n\nThời gian, hồ sơ và địa điểm nhận "
            "hồ sơ sẽ được nhà trường niêm yết tại bảng tin và đăng trên trang thông tin điện "
            "tử. Mọi thắc mắc xin liên hệ văn phòng nhà trường trong giờ hành chính."
        ),
    },
    {
        "title": "Xác nhận triển khai quy chế quản lý trang thông tin điện tử",
        "body": (
            "Hiệu trưởng các trường xác nhận đã phổ biến quy chế quản lý, vận hành trang thông "
            "tin điện tử đến toàn thể cán bộ, giáo viên, nhân viên."
        ),
        "letter_number": "1745/GDĐT-VP",
        "letter_signer": "Trưởng phòng",
        "issued": datetime.date(2016, 11, 24),
        "deadline": datetime.date(2016, 12, 6),
        "action": Action.ACKNOWLEDGE,
    },
)

# Days after the directive was issued each profile opens it and answers it; None: never. A
# "show" school opens it, starts the post and leaves the draft.
ANSWERS = {
    "diligent": (1, 2),
    "middling": (3, 14),
    "show": (6, None),
    "stale": (None, None),
}


def load_directives(year, authority, schools, demos, office_admin, approvers):
    """Issue the directives the running year has reached and answer them per school."""
    if Directive.objects.filter(authority=authority).exists():
        return 0
    issued = 0
    for spec in DIRECTIVES:
        when = at(year.day(spec["issued"]), 8, 0)
        if not year.published(when):
            continue
        fields = {k: v for k, v in spec.items() if k not in ("issued", "deadline")}
        directive = Directive(
            authority=authority,
            letter_date=year.day(spec["issued"]),
            deadline=year.day(spec["deadline"]),
            target_kind=TargetKind.SUBTREE,
            issued_at=when,
            created_by=office_admin,
            **fields,
        )
        with simulated_now(when):
            issue(directive)
        issued += 1
        for demo in demos:
            school = schools[demo.slug]
            target = directive.targets.filter(school=school).first()
            if target is not None:
                _answer(year, directive, target, demo.profile, approvers[demo.slug])
    return issued


def _answer(year, directive, target, profile, approver):
    seen_after, done_after = ANSWERS.get(profile, (None, None))
    if seen_after is None:
        return
    seen = directive.issued_at + datetime.timedelta(days=seen_after, hours=1)
    if not year.published(seen):
        return
    with simulated_now(seen):
        mark_seen(target)
    if directive.action == Action.FILL_SECTION:
        return  # the section fills (or not) with the school's own content
    if done_after is None:
        if profile == "show" and directive.action == Action.PUBLISH_POST:
            # Starts a draft and leaves it.
            with simulated_now(seen):
                start(target, approver)
        return
    done = directive.issued_at + datetime.timedelta(days=done_after, hours=2)
    if not year.published(done):
        return
    with simulated_now(done):
        if directive.action == Action.ACKNOWLEDGE:
            acknowledge(target, approver)
            return
        start(target, approver)
        target.refresh_from_db()
        page = target.page.specific
        page.save_revision(user=approver).publish(user=approver)
