"""An office's inspections of its schools: the findings frozen as evidence when an inspection
opens, the corrective requests the school answers, and the follow-ups that re-run the audit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.clock import local_today
from tenants.models import Authority, School


class Inspection(models.Model):
    """An office's inspection of one school or of every school of an authority, at a date."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang theo dõi")
        CLOSED = "closed", _("Đã kết thúc")

    title = models.CharField(_("tên đợt kiểm tra"), max_length=255)
    authority = models.ForeignKey(
        Authority, verbose_name=_("đơn vị kiểm tra"), on_delete=models.PROTECT, related_name="+"
    )
    as_of = models.DateField(_("số liệu tính đến ngày"))
    rubric = models.ForeignKey(
        "Rubric", verbose_name=_("bộ tiêu chí"), on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField(_("ghi chú chung"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đợt kiểm tra")
        verbose_name_plural = _("đợt kiểm tra")
        ordering = ["-opened_at", "-pk"]

    def __str__(self):
        return self.title


class FrozenSnapshotMixin(models.Model):
    """`snapshot` is evidence: written once on creation, never changed afterwards."""

    snapshot = models.JSONField(editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = type(self).objects.filter(pk=self.pk).values_list("snapshot", flat=True)
            stored = stored.first()
            if stored is not None and stored != self.snapshot:
                raise ValidationError(_("Kết quả kiểm tra đã chốt, không thể sửa."))
        super().save(*args, **kwargs)


class InspectedSchool(FrozenSnapshotMixin):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="schools")
    school = models.ForeignKey(
        School, verbose_name=_("trường"), on_delete=models.CASCADE, related_name="+"
    )
    notes = models.TextField(_("nhận xét của đoàn kiểm tra"), blank=True)

    class Meta:
        verbose_name = _("trường được kiểm tra")
        verbose_name_plural = _("trường được kiểm tra")
        ordering = ["school__level", "school__name"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "school"], name="inspected_school_unique")
        ]

    def __str__(self):
        return f"{self.inspection} – {self.school}"


class CorrectiveRequest(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Chưa trả lời")
        ANSWERED = "answered", _("Trường đã trả lời")
        RESOLVED = "resolved", _("Đã khắc phục")

    inspected = models.ForeignKey(
        InspectedSchool, on_delete=models.CASCADE, related_name="requests"
    )
    text = models.TextField(_("yêu cầu khắc phục"))
    due_date = models.DateField(_("hạn hoàn thành"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    answer = models.TextField(_("trả lời của trường"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("yêu cầu khắc phục")
        verbose_name_plural = _("yêu cầu khắc phục")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.text[:80]

    @property
    def is_overdue(self):
        """Past its due date (local) and the school has not answered it yet."""
        return self.status == self.Status.OPEN and self.due_date < local_today()

    @classmethod
    def overdue(cls, today):
        return cls.objects.filter(status=cls.Status.OPEN, due_date__lt=today)


class FollowUp(FrozenSnapshotMixin):
    """A re-run of the audit for an inspected school, with what was resolved since the findings."""

    inspected = models.ForeignKey(
        InspectedSchool, on_delete=models.CASCADE, related_name="follow_ups"
    )
    as_of = models.DateField(_("số liệu tính đến ngày"))
    resolved = models.JSONField(default=list, editable=False)
    remaining = models.JSONField(default=list, editable=False)
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    performed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kiểm tra lại")
        verbose_name_plural = _("kiểm tra lại")
        ordering = ["-performed_at", "-pk"]
