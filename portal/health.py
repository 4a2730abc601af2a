"""/healthz: is each dependency answering?

200 {"status": "ok"} when the database and the cache answer; 200 {"status": "degraded"} when
only the cache is down (pages are then rendered from the database: slower, still correct, so
the container must stay in service; monitoring alerts on the body); 503 {"status": "error"}
when the database is down (nothing can be served)."""

import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

PROBE_KEY = "portal:healthz"


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "down"
        return False
    return True


def cache_ok():
    ping = getattr(cache, "ping", None)
    if ping is not None:
        return ping()
    # Backends without a ping (database, local memory): a write read back.
    nonce = uuid.uuid4().hex
    try:
        cache.set(PROBE_KEY, nonce, 30)
        return cache.get(PROBE_KEY) == nonce
    except Exception:  # any cache failure means "down"
        return False


@never_cache
def healthz(request):
    database = database_ok()
    cached = cache_ok()
    body = {"database": "ok" if database else "down", "cache": "ok" if cached else "down"}
    if not database:
        return JsonResponse({"status": "error", **body}, status=503)
    return JsonResponse({"status": "ok" if cached else "degraded", **body})
