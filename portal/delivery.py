"""Send a message once per key, whatever the number of times its task runs."""

from django.db import IntegrityError, transaction

from .models import SentMessage


def send_once(key, send):
    """Call `send()` unless a message with `key` was already sent. The key is recorded in the
    same transaction as the send: if sending raises, nothing is recorded and a retry sends it;
    a concurrent run waits on the unique key and then skips. Returns whether it sent."""
    if SentMessage.objects.filter(key=key).exists():
        return False
    with transaction.atomic():
        try:
            with transaction.atomic():
                SentMessage.objects.create(key=key)
        except IntegrityError:
            return False
        send()
    return True
