"""The fault-tolerant Redis cache: misses and dropped writes instead of exceptions while Redis
is unreachable, and no copy from before an outage that dropped a purge (issue 10)."""

import shutil
import socket
import subprocess
import time

import pytest

from portal.cache_backends import FaultTolerantRedisCache
from tests.served import free_port

needs_redis = pytest.mark.skipif(shutil.which("redis-server") is None, reason="no redis-server")


def make_cache(port, retry_after=0):
    return FaultTolerantRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {
            "KEY_PREFIX": "portal-test-backend",
            "OPTIONS": {
                "socket_connect_timeout": 0.3,
                "socket_timeout": 0.3,
                "RETRY_AFTER": retry_after,
            },
        },
    )


def test_unreachable_redis_is_a_miss_never_an_error():
    cache = make_cache(free_port())
    assert cache.get("x", "default") == "default"
    assert cache.get_many(["x", "y"]) == {}
    cache.set("x", 1)
    assert cache.add("x", 1) is False
    assert cache.delete("x") is False
    with pytest.raises(ValueError):
        cache.incr("x")
    assert cache.ping() is False and cache.is_down()


def test_the_circuit_skips_redis_while_it_is_known_down():
    cache = make_cache(free_port(), retry_after=60)
    cache.get("x")
    started = time.monotonic()
    for _ in range(200):
        cache.get("x")
    # 200 calls, no connection attempt: far below one connect timeout each.
    assert time.monotonic() - started < 0.3 * 5


@pytest.fixture
def redis_port():
    port = 6412
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    yield port
    server.kill()
    server.wait()


@needs_redis
def test_a_write_dropped_during_an_outage_empties_the_cache_on_return(redis_port):
    cache = make_cache(redis_port)
    cache.set("page", "old copy", None)
    cache.set("generation", "a", None)
    # Redis stops answering (paused: its data survives), a purge is dropped...
    raw = cache._cache.get_client(write=True)
    raw.execute_command("CLIENT", "PAUSE", "1500", "ALL")
    cache.set("generation", "b", None)
    assert cache.is_down()
    time.sleep(1.7)
    # ...and when it answers again, nothing stored before the outage is served.
    assert cache.get("page") is None
    assert cache.get("generation") is None
    assert not cache.is_down()
    cache.set("page", "new copy")
    assert cache.get("page") == "new copy"


@needs_redis
def test_get_many_reads_what_set_wrote_and_survives_a_closed_connection(redis_port):
    cache = make_cache(redis_port)
    cache.set_many({"a": 1, "b": ("gens", b"page")}, None)
    assert cache.get_many(["a", "missing", "b"]) == {"a": 1, "b": ("gens", b"page")}
    assert cache.get_many([]) == {}
    # The server drops every client connection (a restart, an idle timeout): the next read
    # reconnects instead of reporting the cache down.
    raw = cache._cache.get_client(write=True)
    raw.execute_command("CLIENT", "KILL", "TYPE", "normal")
    assert cache.get_many(["a"]) == {"a": 1}
    assert not cache.is_down()


def test_healthz_codes(monkeypatch, rf):
    from portal import health

    request = rf.get("/healthz")
    monkeypatch.setattr(health, "database_ok", lambda: True)
    monkeypatch.setattr(health, "cache_ok", lambda: False)
    response = health.healthz(request)
    assert response.status_code == 200 and b'"degraded"' in response.content
    monkeypatch.setattr(health, "database_ok", lambda: False)
    response = health.healthz(request)
    assert response.status_code == 503 and b'"database": "down"' in response.content
