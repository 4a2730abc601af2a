"""A Redis cache that degrades instead of failing: with Redis unreachable, reads miss and writes
are dropped, so pages are rendered from the database (slower, still correct), cached_db sessions
fall back to their table and logins keep working. Django's RedisCache raises instead.

Two details keep it correct, not just alive:
- after a failure Redis is not retried for RETRY_AFTER seconds (a down server would otherwise
  cost a connect timeout on every cache call of every request);
- a write dropped during an outage may have been a purge (a new generation token, a host-map
  version): when this process reaches Redis again it first deletes every key of the portal's
  prefix, so no copy stored before the purge can be served. Another process that lost no write
  has nothing to repair; a process that dies before Redis returns takes its repair with it,
  and then the page cache's own expiry (PUBLIC_PAGE_CACHE_SECONDS) is the bound."""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
FAULTS = (RedisConnectionError, RedisTimeoutError, OSError)
DEFAULT_RETRY_AFTER = 5.0


class _Down(Exception):
    """Redis is unreachable (now, or known to be within RETRY_AFTER)."""


class FaultTolerantRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, retry_after=DEFAULT_RETRY_AFTER, **options):
        super().__init__(servers, **options)
        self.retry_after = float(retry_after)
        self.key_pattern = "*"  # set by the backend from its KEY_PREFIX
        self._down_since = None
        self._retry_at = 0.0
        self._lost_writes = False
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        """One redis-py client per connection pool, kept: Django builds a new one on every
        call, which cost ~0.2 ms of a cached page's ~1 ms (profiled; redis-py clients are
        thread-safe, their connections come from the pool)."""
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client

    # The circuit -------------------------------------------------------------------------

    def _call(self, operation, *args, write):
        if self._down_since is not None and time.monotonic() < self._retry_at:
            if write:
                self._lost_writes = True
            raise _Down
        try:
            if self._lost_writes:
                self._repair()
            result = operation(*args)
        except FAULTS as error:
            if self._down_since is None:
                self._down_since = time.monotonic()
                logger.warning("Cache unreachable, serving without it: %s", error)
            self._retry_at = time.monotonic() + self.retry_after
            if write:
                self._lost_writes = True
            raise _Down from error
        if self._down_since is not None:
            logger.warning(
                "Cache reachable again after %.0f s", time.monotonic() - self._down_since
            )
            self._down_since = None
        return result

    def _repair(self):
        """Forget everything stored before the outage: a dropped purge must not resurrect."""
        client = self.get_client(write=True)
        if self.key_pattern == "*":
            client.flushdb()
        else:
            batch = []
            for key in client.scan_iter(match=self.key_pattern, count=1000):
                batch.append(key)
                if len(batch) >= 1000:
                    client.delete(*batch)
                    batch = []
            if batch:
                client.delete(*batch)
        self._lost_writes = False
        logger.warning("Cache emptied after an outage that dropped writes")

    def is_down(self):
        return self._down_since is not None

    def ping(self):
        """True when Redis answers now (ignores the circuit; for /healthz)."""
        try:
            return bool(self.get_client().ping())
        except FAULTS:
            return False

    # Reads: a miss. Writes: dropped (remembered for the repair). -------------------------

    def get(self, key, default):
        try:
            return self._call(super().get, key, default, write=False)
        except _Down:
            return default

    def get_many(self, keys):
        keys = list(keys)
        if not keys:
            return {}
        try:
            values = self._call(self._mget, keys, write=False)
        except _Down:
            return {}
        loads = self._serializer.loads
        return {
            key: loads(value) for key, value in zip(keys, values, strict=True) if value is not None
        }

    def _mget(self, keys):
        """MGET on a pooled connection, without redis-py's per-command machinery (retry
        wrapper, observability hooks, response callbacks): a cached page is one get_many, and
        that machinery cost about as much CPU as the round trip itself (bench/public_pages).
        A connection the server closed (Redis restarted, an idle timeout) is replaced by the
        pool when it is handed out, as for every other command."""
        pool = self._get_connection_pool(False)
        connection = pool.get_connection()
        try:
            connection.send_command("MGET", *keys)
            return connection.read_response()
        except BaseException:
            connection.disconnect()
            raise
        finally:
            pool.release(connection)

    def has_key(self, key):
        try:
            return self._call(super().has_key, key, write=False)
        except _Down:
            return False

    def add(self, key, value, timeout):
        try:
            return self._call(super().add, key, value, timeout, write=True)
        except _Down:
            return False

    def set(self, key, value, timeout):
        try:
            return self._call(super().set, key, value, timeout, write=True)
        except _Down:
            return None

    def set_many(self, data, timeout):
        try:
            return self._call(super().set_many, data, timeout, write=True)
        except _Down:
            return None

    def touch(self, key, timeout):
        try:
            return self._call(super().touch, key, timeout, write=True)
        except _Down:
            return False

    def delete(self, key):
        try:
            return self._call(super().delete, key, write=True)
        except _Down:
            return False

    def delete_many(self, keys):
        try:
            return self._call(super().delete_many, keys, write=True)
        except _Down:
            return None

    def incr(self, key, delta):
        try:
            return self._call(super().incr, key, delta, write=True)
        except _Down as error:
            # What Django raises for a missing key: callers already handle it.
            raise ValueError(f"Key '{key}' not found (cache unreachable)") from error

    def clear(self):
        try:
            return self._call(super().clear, write=True)
        except _Down:
            return False


class FaultTolerantRedisCache(RedisCache):
    """settings.CACHES backend: RedisCache whose failures are misses and dropped writes.
    OPTIONS may set RETRY_AFTER (seconds); the rest go to redis-py's connection pool (set
    socket_connect_timeout and socket_timeout low: a hung Redis must not hang requests)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        options = dict(self._options)
        retry_after = options.pop("RETRY_AFTER", DEFAULT_RETRY_AFTER)
        self._options = {"retry_after": retry_after, **options}
        self._class = FaultTolerantRedisCacheClient

    @property
    def _cache(self):
        client = self.__dict__.get("_client")
        if client is None:
            client = self._class(self._servers, **self._options)
            client.key_pattern = f"{self.key_prefix}:*" if self.key_prefix else "*"
            self.__dict__["_client"] = client
        return client

    def ping(self):
        return self._cache.ping()

    def is_down(self):
        return self._cache.is_down()
