"""Records written once and never changed or deleted: the evidence, item versions and override
logs the office may rely on in an inspection."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
