"""The disclosure catalogue as data: regulation profiles, their items with deadline rules, the
items' immutable versions, and a school's or office's override of its profile."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from page_types.models.disclosure import SCHOOL_YEAR
from tenants.models import Authority, Level

from .. import rules
from .immutable import ImmutableModel


class Confidence(models.TextChoices):
    A = "A", _("A – theo văn bản quy định")
    B = "B", _("B – theo thực tiễn công khai của các trường")
    C = "C", _("C – cần Phòng/Sở xác nhận")


class ItemKind(models.TextChoices):
    FORM = "form", _("Biểu mẫu")
    TOPIC = "topic", _("Nội dung theo điều khoản")
    ANNUAL_REPORT = "annual_report", _("Báo cáo thường niên")
    RECURRING = "recurring", _("Định kỳ (kế hoạch, thực đơn)")


class RecurringSource(models.TextChoices):
    NONE = "", _("Không (mục công khai theo năm học)")
    PLAN_MONTH = "plan_month", _("Kế hoạch tháng (trang kế hoạch, kỳ tháng)")
    PLAN_WEEK = "plan_week", _("Kế hoạch tuần/ngày (trang kế hoạch, kỳ tuần hoặc ngày)")
    MENU = "menu", _("Thực đơn tuần")


class Profile(models.Model):
    """One regulation (Thông tư) governing what schools disclose."""

    code = models.CharField(_("mã quy định"), max_length=20, unique=True)
    short_name = models.CharField(_("tên ngắn"), max_length=100)
    title = models.CharField(_("tên đầy đủ"), max_length=500)
    valid_from = models.DateField(_("có hiệu lực từ"))
    valid_until = models.DateField(_("hết hiệu lực sau ngày"), null=True, blank=True)
    unit = models.CharField(_("đơn vị công khai"), max_length=255, blank=True)
    transition_deadline = models.DateField(
        _("hạn cho năm học chuyển tiếp"),
        null=True,
        blank=True,
        help_text=_(
            "Dùng khi hạn tính theo quy tắc rơi vào trước ngày quy định có hiệu lực "
            "(năm học đầu tiên áp dụng)."
        ),
    )
    confidence = models.CharField(
        _("độ tin cậy"), max_length=1, choices=Confidence.choices, default=Confidence.A
    )
    notes = models.TextField(_("ghi chú, nguồn"), blank=True)

    class Meta:
        verbose_name = _("quy định công khai")
        verbose_name_plural = _("quy định công khai")
        ordering = ["valid_from"]

    def __str__(self):
        return f"{self.short_name} ({self.code})"

    def clean(self):
        if self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("Ngày hết hiệu lực phải sau ngày có hiệu lực.")}
            )

    def in_force_on(self, day):
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class Item(models.Model):
    """One thing a school must disclose under a profile. Every saved change keeps a version."""

    SNAPSHOT_FIELDS = (
        "code",
        "title",
        "group",
        "description",
        "kind",
        "for_mn",
        "for_th",
        "for_thcs",
        "meals_only",
        "source",
        "accepted_formats",
        "columns",
        "rows",
        "deadline_rule",
        "update_rule",
        "retention_rule",
        "confidence",
        "sort_order",
        "is_active",
    )

    profile = models.ForeignKey(
        Profile, verbose_name=_("quy định"), on_delete=models.PROTECT, related_name="items"
    )
    code = models.CharField(
        _("mã mục"), max_length=40, unique=True, help_text=_("Ví dụ: TT09_2009.BM05")
    )
    title = models.CharField(_("tên mục"), max_length=255)
    group = models.CharField(_("nhóm"), max_length=255, blank=True)
    description = models.TextField(_("nội dung cần công khai"), blank=True)
    kind = models.CharField(_("loại"), max_length=16, choices=ItemKind.choices)
    for_mn = models.BooleanField(_("áp dụng cho mầm non"), default=False)
    for_th = models.BooleanField(_("áp dụng cho tiểu học"), default=False)
    for_thcs = models.BooleanField(_("áp dụng cho THCS"), default=False)
    meals_only = models.BooleanField(
        _("với TH/THCS chỉ khi có bán trú"),
        default=False,
        help_text=_("Trường tiểu học/THCS chỉ phải công khai mục này nếu có tổ chức bán trú."),
    )
    source = models.CharField(
        _("trang dùng để đánh giá (mục định kỳ)"),
        max_length=16,
        choices=RecurringSource.choices,
        blank=True,
        default="",
    )
    accepted_formats = models.CharField(
        _("định dạng tệp chấp nhận"),
        max_length=100,
        default="pdf,xlsx,docx",
        help_text=_("Các đuôi tệp, cách nhau bằng dấu phẩy, ví dụ: pdf,xlsx,docx"),
    )
    columns = models.JSONField(_("tiêu đề cột của biểu mẫu"), default=list, blank=True)
    rows = models.JSONField(_("các dòng nội dung cố định"), default=list, blank=True)
    deadline_rule = models.CharField(
        _("quy tắc hạn công khai"),
        max_length=64,
        help_text=_(
            "Một trong: yearly_june_update_september, yearly_before_june_30, "
            "monthly_before_day(25), weekly_before_saturday"
        ),
    )
    update_rule = models.CharField(
        _("quy tắc cập nhật khi thay đổi"),
        max_length=64,
        blank=True,
        help_text=_("Ví dụ: within_working_days(10). Để trống nếu không áp dụng."),
    )
    retention_rule = models.CharField(
        _("quy tắc lưu giữ"),
        max_length=64,
        blank=True,
        help_text=_("Ví dụ: retain_years(5). Để trống nếu không áp dụng."),
    )
    confidence = models.CharField(
        _("độ tin cậy"), max_length=1, choices=Confidence.choices, default=Confidence.A
    )
    notes = models.TextField(_("ghi chú, nguồn"), blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    version = models.PositiveIntegerField(_("phiên bản"), default=0, editable=False)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("mục công khai của quy định")
        verbose_name_plural = _("mục công khai của quy định")
        ordering = ["profile__valid_from", "sort_order", "code"]

    def __str__(self):
        return f"{self.code} – {self.title}"

    def save(self, *args, changed_by=None, **kwargs):
        # A version is written only when something users see changed, so re-saving is free.
        with transaction.atomic():
            super().save(*args, **kwargs)
            snapshot = self.snapshot()
            latest = self.versions.order_by("-version").first()
            if latest is None or latest.data != snapshot:
                number = (latest.version if latest else 0) + 1
                ItemVersion.objects.create(
                    item=self,
                    version=number,
                    data=snapshot,
                    created_by=changed_by or getattr(self, "_changed_by", None),
                )
                Item.objects.filter(pk=self.pk).update(version=number)
                self.version = number

    def clean(self):
        errors = {}
        if self.profile_id and self.code and not self.code.startswith(self.profile.code + "."):
            errors["code"] = _("Mã mục phải bắt đầu bằng mã quy định, ví dụ “%(prefix)s.BM01”.") % {
                "prefix": self.profile.code
            }
        for name, allowed in (
            ("deadline_rule", rules.DEADLINE_RULES),
            ("update_rule", rules.UPDATE_RULES),
            ("retention_rule", rules.RETENTION_RULES),
        ):
            value = getattr(self, name)
            if not value:
                continue
            try:
                rule = rules.parse(value)
            except ValidationError as exc:
                errors[name] = exc.messages
                continue
            if rule.name not in allowed:
                errors[name] = _("Quy tắc “%(rule)s” không dùng được ở trường này.") % {
                    "rule": value
                }
        if self.kind == ItemKind.RECURRING and not self.source:
            errors["source"] = _("Mục định kỳ phải chọn trang dùng để đánh giá.")
        if self.kind != ItemKind.RECURRING and self.source:
            errors["source"] = _("Chỉ mục định kỳ mới có trang dùng để đánh giá.")
        if not (self.for_mn or self.for_th or self.for_thcs):
            errors["for_mn"] = _("Chọn ít nhất một cấp học.")
        bad = [f for f in self.format_list if f not in settings.WAGTAILDOCS_EXTENSIONS]
        if bad:
            errors["accepted_formats"] = _("Định dạng không được hỗ trợ: %(formats)s") % {
                "formats": ", ".join(bad)
            }
        if errors:
            raise ValidationError(errors)

    def deadline_rule_label(self):
        return rules.describe(self.deadline_rule)

    @property
    def format_list(self):
        return [
            f.strip().lower().lstrip(".") for f in self.accepted_formats.split(",") if f.strip()
        ]

    @property
    def levels(self):
        return [
            level
            for level, flag in (
                (Level.MN, self.for_mn),
                (Level.TH, self.for_th),
                (Level.THCS, self.for_thcs),
            )
            if flag
        ]

    def snapshot(self):
        data = {name: getattr(self, name) for name in self.SNAPSHOT_FIELDS}
        data["profile"] = self.profile.code
        data["columns"] = list(self.columns or [])
        data["rows"] = list(self.rows or [])
        return data

    def current_version(self):
        return self.versions.order_by("-version").first()


class ItemVersion(ImmutableModel):
    item = models.ForeignKey(
        Item, verbose_name=_("mục"), on_delete=models.PROTECT, related_name="versions"
    )
    version = models.PositiveIntegerField(_("phiên bản"))
    data = models.JSONField(_("nội dung phiên bản"))
    created_at = models.DateTimeField(_("lúc"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người sửa"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("phiên bản mục công khai")
        verbose_name_plural = _("phiên bản mục công khai")
        ordering = ["item", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["item", "version"], name="regulations_item_version")
        ]

    def __str__(self):
        return f"{self.data.get('code')} v{self.version}"


class ProfileOverride(models.Model):
    """For transition years an office decides which profile its schools follow."""

    authority = models.ForeignKey(
        Authority, verbose_name=_("đơn vị quản lý"), on_delete=models.CASCADE, related_name="+"
    )
    school_year = models.CharField(_("năm học"), max_length=9, validators=[SCHOOL_YEAR])
    profile = models.ForeignKey(
        Profile, verbose_name=_("quy định áp dụng"), on_delete=models.PROTECT
    )
    note = models.CharField(_("căn cứ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("quy định áp dụng cho năm chuyển tiếp")
        verbose_name_plural = _("quy định áp dụng cho năm chuyển tiếp")
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "school_year"], name="regulations_override_unique"
            )
        ]

    def __str__(self):
        return f"{self.authority.code} {self.school_year}: {self.profile.code}"
