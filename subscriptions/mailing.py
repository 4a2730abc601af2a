"""Messages to subscribers: every one carries a one-click unsubscribe (RFC 8058) and the link
to manage the subscription; a refused address or an SMTP error is logged and counted, never
allowed to stop the run."""

import logging
import smtplib
import time

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)
# A subscriber whose address keeps bouncing is removed (nothing is kept about them).
MAX_FAILURES = 3


def links(subscriber):
    base = subscriber.school.root_url + "/dang-ky-nhan-tin"
    return {
        "manage_url": f"{base}/quan-ly/{subscriber.token}/",
        "unsubscribe_url": f"{base}/huy/{subscriber.token}/",
    }


def message(subscriber, subject, template, context):
    context = {**context, **links(subscriber), "school": subscriber.school}
    body = render_to_string(template, context)
    unsubscribe = context["unsubscribe_url"]
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def send_each(pairs):
    """Send (subscriber, message) pairs over one connection; returns the subscribers reached."""
    interval = float(getattr(settings, "SUBSCRIPTIONS_SEND_INTERVAL", 0) or 0)
    reached = []
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except (smtplib.SMTPException, OSError):
        logger.exception("subscriptions: cannot open the mail connection")
        return reached
    try:
        for subscriber, msg in pairs:
            msg.connection = connection
            try:
                msg.send()
            except (smtplib.SMTPException, OSError) as error:
                logger.warning(
                    "subscriptions: sending to subscriber %s failed: %s", subscriber.pk, error
                )
                _count_failure(subscriber)
                continue
            reached.append(subscriber)
            if interval:
                time.sleep(interval)
    finally:
        try:
            connection.close()
        except (smtplib.SMTPException, OSError):
            logger.warning("subscriptions: closing the mail connection failed")
    return reached


def _count_failure(subscriber):
    subscriber.failures += 1
    if subscriber.failures >= MAX_FAILURES:
        subscriber.delete()
    else:
        subscriber.save(update_fields=["failures"])
