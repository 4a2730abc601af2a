"""School-year calendars (start, end, breaks, declared days off) and the office's opening of a
new school year."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from page_types.models.disclosure import SCHOOL_YEAR
from tenants.models import Authority


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
