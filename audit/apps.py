from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    verbose_name = _("Theo dõi, đánh giá")
    name = "audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.models import PageLogEntry

        from . import invalidation
        from .background import on_log_entry
        from .bulk import unless_deferred

        # Every publish, unpublish, delete and move writes a PageLogEntry; the ledger ingests
        # it on the task worker once the publication commits (background.py), except inside a
        # bulk load (bulk.py), which rebuilds the ledger once at the end.
        post_save.connect(
            unless_deferred(on_log_entry),
            sender=PageLogEntry,
            dispatch_uid="audit-ledger",
            weak=False,
        )
        invalidation.connect(self)
