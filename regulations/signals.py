"""Reactions to other apps' events, connected in RegulationsConfig.ready()."""

from django.utils import timezone
from wagtail.signals import page_published

from page_types.models import DisclosureItemPage
from tenants.signals import schools_provisioned

from .calendars import school_year_of
from .evidence import record_publication
from .year_opening import open_school_year_for_new_schools


def open_current_year(sender, schools, **kwargs):
    """New schools get the disclosure section of the current school year straight away (a
    batch of an import together)."""
    open_school_year_for_new_schools(schools, school_year_of(timezone.localdate()))


def on_publish(sender, instance, revision=None, **kwargs):
    # Scheduled publishing sends the signal before the page goes live: evidence waits for it.
    if instance.live:
        record_publication(instance, revision)


def connect():
    schools_provisioned.connect(open_current_year, dispatch_uid="regulations-open-current-year")
    page_published.connect(
        on_publish, sender=DisclosureItemPage, dispatch_uid="regulations-publication-evidence"
    )
