"""Checks on the contact page's feedback form, and its throttle.

Formats a parent types: a Vietnamese phone number (0xx… or +84…, spaces, dots and dashes
allowed) or an e-mail address where a field asks for one; a message long enough to answer.
The throttle counts per address *and* sender (5 an hour) under a larger ceiling per address
(40 an hour), so a family behind a carrier's shared address is not locked out by its
neighbours; counters are incremented atomically in the cache (add + incr), never read then
written, so parallel posts cannot slip past the limit."""

import hashlib
import re

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from tenants.vietnamese import fold

PER_SENDER_PER_HOUR = 5
PER_ADDRESS_PER_HOUR = 40
WINDOW_SECONDS = 3600
MIN_MESSAGE_LENGTH = 10
PHONE = re.compile(r"^(?:\+84|84|0)(?:3|5|7|8|9|2\d)\d{8}$")
# Labels (folded) of single-line fields that ask for a way to reach the sender.
CONTACT_WORDS = ("dien thoai", "email", "e-mail", "so dt")


def normalise_phone(value):
    return re.sub(r"[\s.\-()]", "", value)


def validate_phone_or_email(value, label):
    value = value.strip()
    if "@" in value:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(
                _("Ô “%(label)s”: địa chỉ email chưa đúng (ví dụ: ten@gmail.com).")
                % {"label": label}
            ) from None
        return
    if not PHONE.match(normalise_phone(value)):
        raise ValidationError(
            _(
                "Ô “%(label)s”: nhập số điện thoại Việt Nam (ví dụ: 0909 123 456 hoặc "
                "+84 909 123 456) hoặc một địa chỉ email."
            )
            % {"label": label}
        )


def asks_for_contact(label):
    folded = fold(label)
    return any(word in folded for word in CONTACT_WORDS)


def add_checks(form_class, form_fields):
    """A subclass of Wagtail's built form class whose clean() checks the fields' formats."""
    specs = [(f.clean_name, f.label, f.field_type) for f in form_fields]

    def clean(self):
        cleaned = super(checked, self).clean()
        for name, label, field_type in specs:
            value = cleaned.get(name)
            if not isinstance(value, str) or not value.strip():
                continue
            try:
                if field_type == "singleline" and asks_for_contact(label):
                    validate_phone_or_email(value, label)
                elif field_type == "multiline" and len(value.strip()) < MIN_MESSAGE_LENGTH:
                    raise ValidationError(
                        _("Ô “%(label)s”: viết ít nhất %(n)s ký tự để nhà trường hiểu và trả lời.")
                        % {"label": label, "n": MIN_MESSAGE_LENGTH}
                    )
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned

    checked = type(form_class.__name__, (form_class,), {"clean": clean})
    return checked


def _incr(key):
    # add() creates the counter only if absent; incr() is atomic in Redis and in locmem.
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:
        # Expired between add and incr: start a new window.
        cache.add(key, 1, WINDOW_SECONDS)
        return 1


def allow_submission(page_id, address, sender):
    """Count one post; False when this sender or this address is over its hourly limit."""
    per_address = _incr(f"portal:contact:{page_id}:addr:{address}")
    # Hashed: the sender's name and phone never sit in the cache, and keys stay plain ASCII.
    who = hashlib.sha256(" ".join(fold(sender).split()).encode()).hexdigest()[:32]
    per_sender = _incr(f"portal:contact:{page_id}:sender:{address}:{who}")
    return per_sender <= PER_SENDER_PER_HOUR and per_address <= PER_ADDRESS_PER_HOUR
