"""Regulation profiles as data: items, deadline rules, calendars, per-school checklists, and the
immutable publication evidence. Logic lives in rules.py, calendars.py and the modules services.py lists."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from page_types.models.disclosure import SCHOOL_YEAR
from tenants.models import Authority, Level, School

from . import rules


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


class ImmutableQuerySet(models.QuerySet):
    """Bulk update/delete would bypass the model's refusal; refuse them here too."""

    def update(self, **kwargs):
        raise PermissionError(_("Bản ghi này không được sửa."))

    def delete(self):
        raise PermissionError(_("Bản ghi này không được xóa."))


class ImmutableModel(models.Model):
    """Written once, never changed or deleted (evidence, versions, override log)."""

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError(_("Bản ghi này không được sửa."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError(_("Bản ghi này không được xóa."))


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


class SchoolYearCalendar(ClusterableModel):
    """The school-year calendar an office sets for its subtree (start, end, breaks)."""

    authority = models.ForeignKey(
        Authority, verbose_name=_("đơn vị quản lý"), on_delete=models.CASCADE, related_name="+"
    )
    school_year = models.CharField(_("năm học"), max_length=9, validators=[SCHOOL_YEAR])
    start = models.DateField(_("ngày bắt đầu năm học"))
    end = models.DateField(_("ngày kết thúc năm học"))

    class Meta:
        verbose_name = _("khung kế hoạch năm học")
        verbose_name_plural = _("khung kế hoạch năm học")
        ordering = ["-school_year", "authority__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "school_year"], name="regulations_calendar_unique"
            )
        ]

    def __str__(self):
        return f"{self.authority} – {self.school_year}"

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Ngày kết thúc phải sau ngày bắt đầu.")})


class SchoolYearOpening(models.Model):
    """The day an office's schools get a school year's calendar and disclosure slots, when the
    office moves it from the default (1 August); and when the office last opened it by hand."""

    authority = models.ForeignKey(
        Authority, verbose_name=_("đơn vị quản lý"), on_delete=models.CASCADE, related_name="+"
    )
    school_year = models.CharField(_("năm học"), max_length=9, validators=[SCHOOL_YEAR])
    opens_on = models.DateField(_("ngày mở năm học"))
    opened_at = models.DateTimeField(_("mở lần cuối lúc"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người mở"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("ngày mở năm học")
        verbose_name_plural = _("ngày mở năm học")
        ordering = ["-school_year", "authority__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "school_year"], name="regulations_opening_unique"
            )
        ]

    def __str__(self):
        return f"{self.authority} – {self.school_year}"


class CalendarBreak(models.Model):
    calendar = ParentalKey(SchoolYearCalendar, on_delete=models.CASCADE, related_name="breaks")
    name = models.CharField(_("tên kỳ nghỉ"), max_length=100, default=_("Nghỉ Tết Nguyên đán"))
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))

    class Meta:
        verbose_name = _("kỳ nghỉ")
        verbose_name_plural = _("kỳ nghỉ")
        ordering = ["start"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Ngày kết thúc kỳ nghỉ phải sau ngày bắt đầu.")})


class DeclaredDay(models.Model):
    """A day off or a make-up working day an office declares beyond the public holidays."""

    class Kind(models.TextChoices):
        OFF = "off", _("Ngày nghỉ")
        WORK = "work", _("Ngày làm việc bù")

    authority = models.ForeignKey(
        Authority,
        verbose_name=_("đơn vị quản lý"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Để trống: áp dụng cho mọi đơn vị."),
    )
    date = models.DateField(_("ngày"))
    kind = models.CharField(_("loại"), max_length=4, choices=Kind.choices)
    reason = models.CharField(_("lý do / căn cứ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("ngày nghỉ / làm bù")
        verbose_name_plural = _("ngày nghỉ / làm bù")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "date"], name="regulations_day_unique")
        ]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} – {self.get_kind_display()}"


class Checklist(models.Model):
    """A school's disclosure checklist for one school year, pinned to the item versions it was
    built from so later catalogue edits do not rewrite past years."""

    school = models.ForeignKey(
        School, verbose_name=_("trường"), on_delete=models.CASCADE, related_name="+"
    )
    school_year = models.CharField(_("năm học"), max_length=9, validators=[SCHOOL_YEAR])
    profile = models.ForeignKey(Profile, verbose_name=_("quy định"), on_delete=models.PROTECT)
    year_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("trang năm học"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("danh mục công khai năm học")
        verbose_name_plural = _("danh mục công khai năm học")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "school_year"], name="regulations_checklist_unique"
            )
        ]

    def __str__(self):
        return f"{self.school} – {self.school_year}"


class ChecklistEntry(models.Model):
    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="entries")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    item_version = models.ForeignKey(ItemVersion, on_delete=models.PROTECT, related_name="+")
    # A plain id, not a foreign key: the publication log stays readable after a page is deleted.
    slot_page_id = models.IntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("mục trong danh mục năm học")
        verbose_name_plural = _("mục trong danh mục năm học")
        constraints = [
            models.UniqueConstraint(fields=["checklist", "item"], name="regulations_entry_unique")
        ]


class PublicationEvidence(ImmutableModel):
    """Written on every publication of a disclosure item; nobody may change or delete it."""

    school = models.ForeignKey(
        School, verbose_name=_("trường"), on_delete=models.PROTECT, related_name="+"
    )
    school_year = models.CharField(_("năm học"), max_length=9, blank=True, db_index=True)
    item_code = models.CharField(_("mã mục"), max_length=40, blank=True)
    page_id = models.IntegerField(_("mã trang"), db_index=True)
    page_title = models.CharField(_("tiêu đề"), max_length=255)
    url = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    revision_id = models.IntegerField(_("mã phiên bản trang"), null=True)
    file_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    file_size = models.BigIntegerField(_("dung lượng (byte)"), null=True)
    file_sha256 = models.CharField(_("SHA-256 của tệp"), max_length=64, blank=True)
    content_sha256 = models.CharField(_("SHA-256 của nội dung trang"), max_length=64)
    published_at = models.DateTimeField(_("công bố lúc"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người công bố"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    username = models.CharField(_("tài khoản"), max_length=150, blank=True)
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("chứng cứ công khai")
        verbose_name_plural = _("chứng cứ công khai")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["school", "school_year"])]

    def __str__(self):
        return f"{self.item_code or self.page_title} – {self.published_local}"

    @property
    def published_local(self):
        return f"{timezone.localtime(self.published_at):%d/%m/%Y %H:%M}"

    @property
    def file_sha256_short(self):
        return f"{self.file_sha256[:12]}…" if self.file_sha256 else "—"


class RetentionOverride(ImmutableModel):
    """An office admin's decision to remove a disclosure inside its retention period."""

    class Action(models.TextChoices):
        DELETE = "delete", _("Xóa")
        UNPUBLISH = "unpublish", _("Ngừng xuất bản")

    school = models.ForeignKey(
        School, verbose_name=_("trường"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    page_id = models.IntegerField(_("mã trang"))
    page_title = models.CharField(_("tiêu đề"), max_length=255)
    action = models.CharField(_("thao tác"), max_length=16, choices=Action.choices)
    reason = models.TextField(_("lý do"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người quyết định"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    username = models.CharField(_("tài khoản"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("quyết định gỡ mục đang lưu giữ")
        verbose_name_plural = _("quyết định gỡ mục đang lưu giữ")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_action_display()} {self.page_title}"
