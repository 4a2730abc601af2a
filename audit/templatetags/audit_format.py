"""Times as the product shows them: in Asia/Ho_Chi_Minh (tenants/clock.py), whatever time zone
the admin has activated for the request (a user's own setting, or UTC in a worker)."""

import datetime

from django import template
from django.utils import dateformat

from tenants.clock import TZ

register = template.Library()


@register.filter
def local_time(value, fmt="d/m/Y H:i"):
    """An aware datetime (or its ISO text, as frozen in a snapshot) written in local time."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        return dateformat.format(value, fmt)
    return dateformat.format(value.astimezone(TZ), fmt)


@register.filter
def day_text(value):
    """A date (or its ISO text) as dd/mm/yyyy."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value.strftime("%d/%m/%Y")
