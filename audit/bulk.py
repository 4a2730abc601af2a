"""Bulk loads without per-row ledger work.

A load that writes thousands of publications in one go (the demo, an import of a school's
history) is cheaper to replay from Wagtail's log once at the end (``audit.rebuild.rebuild``) than to
follow row by row. Inside ``deferred_ledger()`` the ledger's receiver ignores new log rows; the
caller rebuilds afterwards. A context variable, so other threads and requests are unaffected."""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

_deferred = ContextVar("audit_ledger_deferred", default=False)


@contextmanager
def deferred_ledger():
    """Skip the ledger's per-row work inside the block; rebuild the ledger afterwards."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def ledger_deferred():
    return _deferred.get()


def unless_deferred(receiver):
    """The receiver, doing nothing while a ``deferred_ledger()`` block runs."""

    @wraps(receiver)
    def follow(*args, **kwargs):
        if not _deferred.get():
            return receiver(*args, **kwargs)
        return None

    return follow
