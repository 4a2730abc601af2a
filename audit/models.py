"""The audit's own tables: the activity ledger read from Wagtail's publication log, its daily
rollup, the rubric (versioned data) and the reminders' sent-log. Inspections with their frozen
findings are in inspection_models.py."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import School

# Inspections, corrective requests and follow-ups live in their own module; named here so
# every reader imports the app's models from one place.
from .inspection_models import (
    CorrectiveRequest,
    FollowUp,
    FrozenSnapshotMixin,
    InspectedSchool,
    Inspection,
)


class EventKind(models.TextChoices):
    POST = "post", _("Bài mới")
    UPDATE = "update", _("Cập nhật nội dung")
    UNCHANGED = "unchanged", _("Xuất bản lại không đổi nội dung")
    UNPUBLISH = "unpublish", _("Gỡ xuống")
    DELETE = "delete", _("Xóa")
    MOVE = "move", _("Di chuyển")


class ActivityEvent(models.Model):
    """One publication-log entry, classified. Rows are derived data: `audit_rebuild` recreates
    them from `PageLogEntry`; content facts are kept here because a deleted page's revisions
    are deleted with it while its log entries remain."""

    log_entry_id = models.BigIntegerField(unique=True)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    section_key = models.CharField(max_length=100, blank=True)
    # Where the page came from when it moved between sections (its item moves with it).
    moved_from_section = models.CharField(max_length=100, blank=True)
    # Set when it moved from another school's site: that school's section loses the item.
    moved_from_school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    page_id = models.IntegerField(db_index=True)
    page_model = models.CharField(max_length=100)
    is_item = models.BooleanField(default=False)
    title = models.CharField(max_length=255)
    url_path = models.CharField(max_length=1024, blank=True)
    kind = models.CharField(max_length=10, choices=EventKind.choices)
    timestamp = models.DateTimeField()
    day = models.DateField()
    week = models.DateField()
    revision_id = models.BigIntegerField(null=True, blank=True)
    content_hash = models.CharField(max_length=40, blank=True)
    displayed_date = models.DateField(null=True, blank=True)
    # Days between the date shown to readers and the real publication day (positive = earlier).
    displayed_lag_days = models.IntegerField(null=True, blank=True)
    # The week or month a menu, plan or weekly schedule is for (recurring items).
    period_start = models.DateField(null=True, blank=True)
    word_count = models.PositiveIntegerField(null=True, blank=True)
    attachment_count = models.PositiveIntegerField(null=True, blank=True)
    image_count = models.PositiveIntegerField(null=True, blank=True)
    minhash = models.BinaryField(null=True, blank=True)
    shared_from_office = models.BooleanField(default=False)
    live_after = models.BooleanField(default=False)
    items_delta = models.SmallIntegerField(default=0)
    # Posts only: seconds since the school's previous post (null for its first post).
    gap_seconds = models.BigIntegerField(null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    duplicate_similarity = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = _("sự kiện cập nhật")
        verbose_name_plural = _("sự kiện cập nhật")
        ordering = ["timestamp", "log_entry_id"]
        indexes = [
            models.Index(fields=["school", "kind", "timestamp"]),
            models.Index(fields=["kind", "day"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.title}"

    @property
    def sort_key(self):
        return (self.timestamp, self.log_entry_id)


class MinHashBand(models.Model):
    """LSH banding of a post's MinHash signature: posts sharing a bucket are duplicate candidates."""

    event = models.ForeignKey(ActivityEvent, on_delete=models.CASCADE, related_name="bands")
    band = models.PositiveSmallIntegerField()
    bucket = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["band", "bucket"])]
        constraints = [
            models.UniqueConstraint(fields=["event", "band"], name="minhash_band_unique")
        ]


class DailyActivity(models.Model):
    """Per school, day and section: what the ledger holds, summed (what the metrics read)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    week = models.DateField()
    section_key = models.CharField(max_length=100, blank=True)
    posts = models.PositiveIntegerField(default=0)
    updates = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    unpublishes = models.PositiveIntegerField(default=0)
    deletions = models.PositiveIntegerField(default=0)
    items_delta = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("hoạt động trong ngày")
        verbose_name_plural = _("hoạt động trong ngày")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "day", "section_key"], name="daily_activity_unique"
            )
        ]
        indexes = [models.Index(fields=["day"]), models.Index(fields=["week"])]

    def __str__(self):
        return f"{self.school_id} {self.day} {self.section_key}"


class SchoolStamp(models.Model):
    """A counter per school, raised whenever something the audit reads about it changes (a
    ledger event, a duplicate link, the school's own record). A stored table row is valid
    while it carries the current counter."""

    school = models.OneToOneField(
        School, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("dấu phiên bản dữ liệu trường")
        verbose_name_plural = _("dấu phiên bản dữ liệu trường")


class GlobalStamp(models.Model):
    """One counter raised when an input shared by many schools changes (calendars, the
    disclosure catalogue, authorities, the blueprint): it invalidates every stored row."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("dấu phiên bản dữ liệu chung")
        verbose_name_plural = _("dấu phiên bản dữ liệu chung")


class StoredRow(models.Model):
    """One school's line of the dashboard table as of a date under a rubric version, kept so a
    province's dashboard recomputes only the schools whose data changed (see audit/table.py).
    Derived data: deleting every row is always safe."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    as_of = models.DateField()
    rubric = models.ForeignKey("Rubric", on_delete=models.CASCADE, related_name="+")
    stamp = models.BigIntegerField()
    global_stamp = models.BigIntegerField()
    # The table's line (what the dashboard shows and ranks), small: read for every visit.
    row = models.JSONField()
    # The school's entry of the `audit_report` JSON, encoded once when the line is computed
    # (audit/table.py `encode_entry`): the report concatenates these instead of decoding and
    # re-encoding 10 MB of JSON for a province. Text, not jsonb: never queried inside.
    entry = models.TextField(default="", blank=True)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("dòng bảng theo dõi đã tính")
        verbose_name_plural = _("dòng bảng theo dõi đã tính")
        constraints = [
            models.UniqueConstraint(fields=["school", "as_of", "rubric"], name="stored_row_unique")
        ]
        indexes = [models.Index(fields=["as_of", "rubric"])]


NON_NEGATIVE = [MinValueValidator(0)]


class Rubric(models.Model):
    """Weights, targets and thresholds of the score. Never edited in place: every change is a new
    version, so a report can always say which version it used."""

    code = models.CharField(_("mã bộ tiêu chí"), max_length=32, default="default")
    # Whose rubric (audit/rubric_choice.py): none for the instance default; an authority's own
    # has the authority's code as its code, so (code, version) names a version everywhere.
    owner = models.ForeignKey(
        "tenants.Authority",
        verbose_name=_("đơn vị sở hữu"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("phiên bản"), editable=False)
    note = models.CharField(_("ghi chú thay đổi"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    posts_target = models.PositiveIntegerField(
        _("chỉ tiêu số bài mỗi năm học"),
        default=40,
        help_text=_("Chia theo số tuần học đã qua khi tính điểm giữa năm."),
    )
    points_structure = models.FloatField(_("điểm cấu trúc"), default=15, validators=NON_NEGATIVE)
    points_volume = models.FloatField(_("điểm số lượng bài"), default=20, validators=NON_NEGATIVE)
    points_regularity = models.FloatField(_("điểm đều đặn"), default=10, validators=NON_NEGATIVE)
    points_recency = models.FloatField(
        _("điểm cập nhật gần đây"), default=10, validators=NON_NEGATIVE
    )
    points_disclosure_completeness = models.FloatField(
        _("điểm công khai đầy đủ"), default=25, validators=NON_NEGATIVE
    )
    points_disclosure_timeliness = models.FloatField(
        _("điểm công khai đúng hạn"), default=10, validators=NON_NEGATIVE
    )
    points_recurring = models.FloatField(
        _("điểm kế hoạch, thực đơn định kỳ"), default=10, validators=NON_NEGATIVE
    )
    # Version 3 (audit/migrations/0010_seed_rubric_version_3.py); earlier versions have 0.
    points_directives = models.FloatField(
        _("điểm thực hiện chỉ đạo"), default=10, validators=NON_NEGATIVE
    )
    penalty_per_flag = models.FloatField(
        _("điểm trừ mỗi dấu hiệu chiếu lệ"), default=1, validators=NON_NEGATIVE
    )
    penalty_max = models.FloatField(_("điểm trừ tối đa"), default=20, validators=NON_NEGATIVE)
    # Which principles the score follows (audit.md, "Score"): 1 = the first release; 2 = a
    # for-show post earns nothing, nothing earns nothing, "not applicable" spreads its weight.
    # Carried into every new version, so a version keeps the rules it was made under.
    rules_version = models.PositiveSmallIntegerField(
        _("quy tắc tính điểm"), default=2, editable=False
    )

    regularity_window_weeks = models.PositiveSmallIntegerField(
        _("số tuần học xét tính đều đặn"), default=12, validators=[MinValueValidator(1)]
    )
    regularity_full_weeks = models.PositiveSmallIntegerField(
        _("số tuần có bài để đạt điểm tối đa"), default=10, validators=[MinValueValidator(1)]
    )
    recency_full_days = models.PositiveSmallIntegerField(
        _("cập nhật trong vòng (ngày) để đạt điểm tối đa"), default=7
    )
    recency_mid_days = models.PositiveSmallIntegerField(_("mức 2: trong vòng (ngày)"), default=14)
    recency_mid_points = models.FloatField(_("mức 2: điểm"), default=6, validators=NON_NEGATIVE)
    recency_low_days = models.PositiveSmallIntegerField(_("mức 3: trong vòng (ngày)"), default=30)
    recency_low_points = models.FloatField(_("mức 3: điểm"), default=3, validators=NON_NEGATIVE)

    thin_min_words = models.PositiveSmallIntegerField(_("bài sơ sài: dưới (số chữ)"), default=30)
    thin_max_images = models.PositiveSmallIntegerField(_("bài sơ sài: tối đa (số ảnh)"), default=1)
    duplicate_similarity = models.FloatField(
        _("bài trùng lặp: độ giống từ"),
        default=0.9,
        validators=[MinValueValidator(0.75), MaxValueValidator(1)],
        help_text=_("Từ 0,75 đến 1 (0,9 = giống 90%)."),
    )
    burst_posts = models.PositiveSmallIntegerField(
        _("đăng dồn: số bài"), default=8, validators=[MinValueValidator(2)]
    )
    burst_hours = models.PositiveSmallIntegerField(
        _("đăng dồn: trong vòng (giờ)"), default=24, validators=[MinValueValidator(1)]
    )
    burst_quiet_days = models.PositiveSmallIntegerField(
        _("đăng dồn: sau (ngày) không có bài"), default=21, validators=[MinValueValidator(1)]
    )
    backdated_days = models.PositiveSmallIntegerField(
        _("lùi ngày: ngày hiển thị sớm hơn ngày đăng thật quá (ngày)"), default=7
    )

    band_excellent = models.FloatField(_("Xuất sắc: từ"), default=90)
    band_good = models.FloatField(_("Tốt: từ"), default=80)
    band_fair = models.FloatField(_("Khá: từ"), default=70)
    band_average = models.FloatField(_("Trung bình: từ"), default=50)

    POINT_FIELDS = (
        "points_structure",
        "points_volume",
        "points_regularity",
        "points_recency",
        "points_disclosure_completeness",
        "points_disclosure_timeliness",
        "points_recurring",
        "points_directives",
    )

    class Meta:
        verbose_name = _("bộ tiêu chí chấm điểm")
        verbose_name_plural = _("bộ tiêu chí chấm điểm")
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="rubric_unique_version")
        ]

    def __str__(self):
        return _("Bộ tiêu chí “%(code)s” phiên bản %(version)s") % {
            "code": self.code,
            "version": self.version,
        }

    def save(self, *args, **kwargs):
        # A saved version is evidence behind past reports: changing it would rewrite history.
        if self.pk is not None:
            raise ValidationError(_("Không sửa được phiên bản đã lưu; hãy tạo phiên bản mới."))
        if self.version is None:
            last = Rubric.objects.filter(code=self.code).order_by("-version").first()
            self.version = (last.version + 1) if last else 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls, code="default"):
        rubric = cls.objects.filter(code=code).order_by("-version").first()
        if rubric is None:
            rubric = cls.objects.create(code=code, version=1, note=str(_("Phiên bản đầu")))
        return rubric

    def clean(self):
        errors = {}
        total = sum(getattr(self, name) or 0 for name in self.POINT_FIELDS)
        if round(total, 2) != 100:
            errors["points_structure"] = _(
                "Tổng điểm các tiêu chí phải bằng 100 (đang là %(total)s)."
            ) % {"total": f"{total:g}"}
        bands = [self.band_excellent, self.band_good, self.band_fair, self.band_average]
        if any(a is None for a in bands) or not all(
            a > b for a, b in zip(bands, bands[1:], strict=False)
        ):
            errors["band_good"] = _(
                "Ngưỡng xếp loại phải giảm dần: Xuất sắc > Tốt > Khá > Trung bình."
            )
        if not (self.recency_full_days < self.recency_mid_days < self.recency_low_days):
            errors["recency_mid_days"] = _(
                "Các mức cập nhật gần đây phải tăng dần: mức 1 < mức 2 < mức 3."
            )
        if (self.regularity_full_weeks or 0) > (self.regularity_window_weeks or 0):
            errors["regularity_full_weeks"] = _(
                "Số tuần để đạt điểm tối đa không được lớn hơn số tuần xét."
            )
        if errors:
            raise ValidationError(errors)

    def new_version_data(self):
        """Field values to start the next version from (the owner, like the version, is not a
        value one edits: the caller keeps it)."""
        skip = {"id", "version", "created_at", "created_by", "note", "owner"}
        return {
            f.name: getattr(self, f.name) for f in self._meta.concrete_fields if f.name not in skip
        }

    def band_for(self, score):
        if score >= self.band_excellent:
            return "Xuất sắc"
        if score >= self.band_good:
            return "Tốt"
        if score >= self.band_fair:
            return "Khá"
        if score >= self.band_average:
            return "Trung bình"
        return "Yếu"


BANDS = ("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu")


class ReminderLog(models.Model):
    """One reminder sent: the same (recipient, subject key) is never sent twice in an ISO week."""

    recipient = models.EmailField()
    key = models.CharField(max_length=120)
    iso_year = models.PositiveSmallIntegerField()
    iso_week = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)
    subject = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("nhắc việc đã gửi")
        verbose_name_plural = _("nhắc việc đã gửi")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key", "iso_year", "iso_week"], name="reminder_once_a_week"
            )
        ]


__all__ = [
    "ActivityEvent",
    "BANDS",
    "CorrectiveRequest",
    "DailyActivity",
    "EventKind",
    "FollowUp",
    "FrozenSnapshotMixin",
    "GlobalStamp",
    "InspectedSchool",
    "Inspection",
    "MinHashBand",
    "ReminderLog",
    "Rubric",
    "SchoolStamp",
    "StoredRow",
]
