"""Who asked for a school's news by e-mail, and what was already sent to them.

Personal data under decree 13/2023: the address is kept only with a recorded consent (its time
and its purpose, in the words the parent agreed to), and unsubscribing deletes the row and
everything attached to it; nothing else about the parent is stored."""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tenants.models import School


def new_token():
    return secrets.token_urlsafe(24)


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Ngay khi có bài mới")
    WEEKLY = "weekly", _("Bản tin tổng hợp mỗi tuần")


class Subscriber(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="subscribers")
    email = models.EmailField(_("email"))
    # The secret in every link of every message (confirm, manage, unsubscribe).
    token = models.CharField(max_length=64, unique=True, default=new_token)
    wants_news = models.BooleanField(_("tin tức"), default=False)
    wants_announcements = models.BooleanField(_("thông báo"), default=False)
    # Empty: every announcement; else only those for the whole school or this grade/class.
    audience = models.CharField(_("khối/lớp"), max_length=50, blank=True)
    frequency = models.CharField(
        _("cách nhận"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The last confirmation e-mail asked for: an address still unconfirmed
    # SUBSCRIPTIONS_UNCONFIRMED_DAYS later is erased (subscriptions.tasks.purge_unconfirmed).
    requested_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    consent_at = models.DateTimeField(null=True, blank=True)
    consent_purpose = models.TextField(blank=True)
    last_digest_at = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("người nhận tin")
        verbose_name_plural = _("người nhận tin")
        constraints = [
            models.UniqueConstraint(fields=["school", "email"], name="subscriber_unique_email")
        ]
        indexes = [
            models.Index(fields=["school", "confirmed_at"]),
            models.Index(fields=["confirmed_at", "requested_at"], name="subscriber_pending"),
        ]

    def __str__(self):
        return f"{self.school_id}:{self.pk}"


class Delivery(models.Model):
    """One page sent to one subscriber: a republish or a retry never sends it twice."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    page_id = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "page_id"], name="delivery_once")
        ]
