"""Which changes make stored table lines stale (audit/table.py): the ledger raises its schools'
counters itself; here, the other inputs of the audit, through model signals."""

from django.apps import apps
from django.db.models.signals import post_delete, post_migrate, post_save

from tenants.signals import schools_provisioned

from . import stamps

# Models read by the audit besides the ledger. A row naming one school changes only that
# school's figures; anything else (calendars, the catalogue, authorities) may change many.
WATCHED = (
    "tenants.School",
    "tenants.Authority",
    "page_types.MandatedSection",
    # The blueprint (sections, levels, cadences), edited by office admins in the admin.
    "page_types.BlueprintSection",
)
# mandates: a directive sent, seen, started or acknowledged (the "Thực hiện chỉ đạo" criterion).
WATCHED_APPS = ("regulations", "mandates")


def _school_of(instance):
    if instance._meta.label == "tenants.School":
        return instance.pk
    return getattr(instance, "school_id", None)


def input_changed(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures: nothing is stored yet that could go stale
        return
    school_id = _school_of(instance)
    if kwargs.get("signal") is post_delete:
        # The school itself may be on its way out (a cascade): never write a counter row
        # pointing at it. Deletions are rare; invalidate everything instead.
        school_id = None
    if school_id is not None:
        stamps.bump_schools([school_id])
    else:
        stamps.bump_global()


def schools_added(sender, schools, **kwargs):
    """Bulk provisioning writes its rows (mandated sections, checklists and their entries)
    without post_save: what `input_changed` would have done for them, once per batch."""
    stamps.bump_schools([school.pk for school in schools])
    stamps.bump_global()


def after_migrate(sender, **kwargs):
    # A data migration may change inputs without signals.
    stamps.bump_global()


def connect(app_config):
    models = [apps.get_model(label) for label in WATCHED]
    for app_label in WATCHED_APPS:
        models += list(apps.get_app_config(app_label).get_models())
    for model in models:
        uid = f"audit-inputs-{model._meta.label_lower}"
        post_save.connect(input_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(input_changed, sender=model, dispatch_uid=uid + "-delete")
    schools_provisioned.connect(schools_added, dispatch_uid="audit-inputs-new-schools")
    post_migrate.connect(after_migrate, sender=app_config, dispatch_uid="audit-inputs-migrate")
