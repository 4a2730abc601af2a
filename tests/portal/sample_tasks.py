"""Tasks the queue tests enqueue (the worker imports them by their dotted path)."""

from collections import Counter

from django_tasks import task

from portal.models import SentMessage

attempts = Counter()


@task()
def remember(key):
    SentMessage.objects.get_or_create(key=key)


@task()
def flaky(key, failures):
    """Fails its first `failures` attempts, then records `key`."""
    attempts[key] += 1
    if attempts[key] <= failures:
        raise RuntimeError(f"Máy chủ thư không trả lời (lần {attempts[key]})")
    SentMessage.objects.get_or_create(key=key)
