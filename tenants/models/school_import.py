"""An admin school import on its way: the confirmed file waits here for the background task
(tenants/import_admin_tasks.py), which records how far it got so the admin's status page can
show a progress bar. Nothing is created before the office admin confirmed the preview."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .tenancy import Authority


class SchoolImport(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang nhập")
        DONE = "done", _("Đã xong")
        FAILED = "failed", _("Không nhập được")

    # The admin's own office: the screen shows an import to whoever confirmed it, or to an admin
    # of this office's subtree.
    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="school_imports"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    # The confirmed file, emptied once imported (a province's list is a few hundred kB).
    content = models.BinaryField(default=b"")
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    tenant_scope = "authority"

    class Meta:
        verbose_name = _("lượt nhập danh sách trường")
        verbose_name_plural = _("lượt nhập danh sách trường")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.file_name

    @property
    def finished(self):
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0
