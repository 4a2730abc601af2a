from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    """One claim per periodic job and period: the unique pair is what makes a job run once per
    period however many schedulers are running (the loser's insert fails and it moves on)."""

    job = models.CharField(_("công việc"), max_length=64)
    period = models.CharField(_("kỳ"), max_length=32)
    claimed_at = models.DateTimeField(_("thời điểm nhận"), default=timezone.now)
    task_id = models.CharField(_("mã tác vụ"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("lần chạy định kỳ")
        verbose_name_plural = _("lần chạy định kỳ")
        constraints = [
            models.UniqueConstraint(fields=["job", "period"], name="portal_scheduledrun_once")
        ]

    def __str__(self):
        return f"{self.job} {self.period}"


class SentMessage(models.Model):
    """An e-mail already handed to the mail server, by key: a task run again after a failure
    (or twice) sends each message once."""

    key = models.CharField(max_length=255, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("thư đã gửi")
        verbose_name_plural = _("thư đã gửi")

    def __str__(self):
        return self.key
