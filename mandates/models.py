"""Directives (chỉ đạo): what an office asks its schools to do by a deadline, and, per target
school, the few facts the publication log cannot hold (seen, started, acknowledged).

Whether a school has *done* what was asked is never stored: it is read from Wagtail's
publication log at the moment asked (mandates/progress.py), like every other audit fact."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regulations.calendars import school_year_of
from tenants.clock import TZ, local_date
from tenants.models import Authority, Level, School


class Action(models.TextChoices):
    PUBLISH_POST = "publish_post", _("Đăng bài")
    FILL_SECTION = "fill_section", _("Cập nhật chuyên mục")
    ACKNOWLEDGE = "acknowledge", _("Xác nhận đã đọc")


class TargetKind(models.TextChoices):
    SUBTREE = "subtree", _("Tất cả các trường của đơn vị")
    LEVEL = "level", _("Theo cấp học")
    AUTHORITY = "authority", _("Các trường của một đơn vị trực thuộc")
    SCHOOLS = "schools", _("Danh sách trường")


class Directive(models.Model):
    authority = models.ForeignKey(
        Authority,
        verbose_name=_("đơn vị ban hành"),
        on_delete=models.PROTECT,
        related_name="directives",
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung chỉ đạo"))
    # The official letter (công văn), like any văn bản: number, date, signer and its file.
    letter_number = models.CharField(_("số văn bản"), max_length=100, blank=True)
    letter_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    letter_signer = models.CharField(_("người ký"), max_length=255, blank=True)
    letter_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp văn bản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deadline = models.DateField(_("hạn thực hiện"))
    action = models.CharField(_("yêu cầu"), max_length=16, choices=Action.choices)
    # The blueprint key of the section concerned ("tin-tuc", "tuyen-sinh", "gioi-thieu/…").
    section_key = models.CharField(_("chuyên mục"), max_length=100, blank=True)
    # Fill a section, by a disclosure item instead: its code in the regulations' catalogue
    # ("TT09_2024.D4"); the page answering it is the school's slot for the school year the
    # directive was sent in (regulations/statuses.py resolves it).
    item_code = models.CharField(
        _("mục công khai"),
        max_length=40,
        blank=True,
        help_text=_("Cập nhật chuyên mục theo một mục công khai, ví dụ “TT09_2024.D4”."),
    )
    post_title = models.CharField(_("tiêu đề bài đăng"), max_length=255, blank=True)
    post_body = models.TextField(_("nội dung bài đăng"), blank=True)
    target_kind = models.CharField(
        _("gửi đến"), max_length=16, choices=TargetKind.choices, default=TargetKind.SUBTREE
    )
    target_level = models.CharField(_("cấp học"), max_length=4, choices=Level.choices, blank=True)
    target_authority = models.ForeignKey(
        Authority,
        verbose_name=_("đơn vị trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The directive as a document (văn bản) on the office's own site, when the office chose so.
    document_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("văn bản trên trang của đơn vị"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("gửi lúc"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người gửi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # The admin guard (tenants/isolation/registry.py): the issuing office's subtree; schools
    # reach their directives through the targets, in mandates/visibility.py.
    tenant_scope = "authority"

    class Meta:
        verbose_name = _("chỉ đạo")
        verbose_name_plural = _("chỉ đạo")
        ordering = ["-issued_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def school_year(self):
        """The school year the directive was sent in: whose disclosure slot answers it."""
        return school_year_of(local_date(self.issued_at))

    @property
    def deadline_end(self):
        """The last moment of the deadline day, local time: done that day is on time."""
        return datetime.datetime.combine(self.deadline, datetime.time.max, tzinfo=TZ)


class Target(models.Model):
    """One school a directive was sent to, frozen when it was sent (a school opened later is
    not retroactively late)."""

    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="targets")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="directive_targets")
    seen_at = models.DateTimeField(_("xem lúc"), null=True, blank=True)
    started_at = models.DateTimeField(_("bắt đầu soạn lúc"), null=True, blank=True)
    # The post the school started from the directive (publish a post).
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminded_on = models.DateField(null=True, blank=True, editable=False)

    tenant_scope = "school"

    class Meta:
        verbose_name = _("trường nhận chỉ đạo")
        verbose_name_plural = _("trường nhận chỉ đạo")
        constraints = [
            models.UniqueConstraint(fields=["directive", "school"], name="directive_target_once")
        ]
        indexes = [models.Index(fields=["school", "directive"])]

    def __str__(self):
        return f"{self.directive} – {self.school}"


def targeted_schools(directive, schools=None):
    """The active schools a directive's targets select, within its office's subtree."""
    base = School.objects.filter(
        is_active=True, authority__path__startswith=directive.authority.path
    )
    kind = directive.target_kind
    if kind == TargetKind.LEVEL:
        return base.filter(level=directive.target_level)
    if kind == TargetKind.AUTHORITY and directive.target_authority_id:
        return base.filter(authority__path__startswith=directive.target_authority.path)
    if kind == TargetKind.SCHOOLS:
        return base.filter(Q(pk__in=[s.pk for s in schools or ()]))
    return base
