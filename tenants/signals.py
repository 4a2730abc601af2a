from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

from .hosts import forget_hosts
from .models import SchoolDomain

for model in (Site, SchoolDomain):
    post_save.connect(forget_hosts, sender=model, dispatch_uid=f"forget-hosts-save-{model.__name__}")
    post_delete.connect(
        forget_hosts, sender=model, dispatch_uid=f"forget-hosts-delete-{model.__name__}"
    )
