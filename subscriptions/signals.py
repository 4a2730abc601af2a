"""A first publication of a news article or announcement enqueues the e-mail to its
subscribers once the publishing transaction has committed (never inside it)."""

from functools import partial

from django.db import transaction
from wagtail.signals import page_published

from .matching import kind_of


def enqueue_notification(sender, instance, **kwargs):
    page = instance.specific
    if kind_of(page) is None:
        return
    # Wagtail stamps both with the same moment on the first publish only; an edit republished
    # later is not news to anyone.
    if page.first_published_at != page.last_published_at:
        return
    from .tasks import notify_published

    transaction.on_commit(partial(notify_published.enqueue, page.pk))


page_published.connect(enqueue_notification, dispatch_uid="subscriptions-notify-on-publish")
