"""Tasks the queue tests enqueue (the worker imports them by their dotted path)."""

import os
import time
from collections import Counter
from pathlib import Path

from django.core.mail import send_mail
from django_tasks import task

from portal.delivery import send_once
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


@task()
def notify_then_linger(key, recipient, hold_file):
    """Sends one e-mail (once per key, as every e-mail task does), then lingers while
    `hold_file` exists, after touching `<hold_file>.reached`: a test kills the worker there,
    after the effect and before the result is recorded, the worst moment for a rerun."""
    send_once(key, lambda: send_mail("Thông báo", "Nội dung", None, [recipient]))
    Path(hold_file + ".reached").touch()
    deadline = time.monotonic() + 120
    while os.path.exists(hold_file) and time.monotonic() < deadline:
        time.sleep(0.1)
    return key


@task()
def tick_job_a():
    """Scheduled by the two-scheduler test (enqueued only; the claims are what it counts)."""


@task()
def tick_job_b():
    """Same, with another period."""
