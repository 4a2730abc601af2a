from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.models import Site

from .hosts import forget_hosts
from .models import SchoolDomain

for model in (Site, SchoolDomain):
    post_save.connect(
        forget_hosts, sender=model, dispatch_uid=f"forget-hosts-save-{model.__name__}"
    )
    post_delete.connect(
        forget_hosts, sender=model, dispatch_uid=f"forget-hosts-delete-{model.__name__}"
    )

# Sent inside provision_school's transaction once a new school's site exists; other apps
# (disclosure slots, for example) add their part here. Arguments: school.
school_provisioned = Signal()

# Sent once per batch of new schools, inside the same transaction and before each school's
# school_provisioned: receivers that can do their part for many schools at once (in bulk)
# listen here instead. Arguments: schools (a list, each with its site and root page).
schools_provisioned = Signal()

# Sent inside provision_school's transaction when a re-import changes an existing school's
# details, so apps holding copies of them (the home page title, the contact page) follow.
# Arguments: school (already saved), previous ({field: old value} for the changed fields).
school_details_changed = Signal()
