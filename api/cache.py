"""The brief cache: key derivation, get/set over a Litestar store, single flight, outage breaker.

One ``BriefCache`` per process. Redis when configured (shared by every process: one computation
per key across all of them), else the in-process ``MemoryStore`` (one computation per key in this
process). Redis trouble never fails a request: the breaker turns it into a fast ``BYPASS``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import re
import time
import uuid
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import Enum
from typing import Any, Literal, TypeVar

from litestar.stores.base import NamespacedStore, Store
from litestar.stores.redis import RedisStore
from pydantic import BaseModel, ValidationError
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

from api.schemas import SCHEMA_VERSION, Brief, CacheStatus, Evidence, SummaryRequest

log = logging.getLogger("brief.cache")

# Bump when the key material or the stored envelope changes: old entries then simply miss.
KEY_VERSION = 1
NO_PROMPT = "-"  # the prompt label of entries that no prompt produced (the extractive engine)
LOCK_PREFIX = "lock:"
DECODED_ENTRIES = 128  # recently decoded entries kept per process (see BriefCache._decode)
KEYED_REQUESTS = 1024  # recently derived keys kept per process (see BriefCache.key_for)

T = TypeVar("T")

# What "Redis trouble" means: the server is down, slow, full (OOM), read-only or refusing us.
REDIS_TROUBLE: tuple[type[BaseException], ...] = (RedisError, OSError, TimeoutError)


class CacheMode(Enum):
    """What the client's ``Cache-Control`` asks for."""

    DEFAULT = "default"  # read, and write on a miss
    REFRESH = "no-cache"  # recompute, then write
    BYPASS = "no-store"  # neither read nor write

    @classmethod
    def from_header(cls, value: str | None) -> CacheMode:
        directives = {part.strip().lower() for part in (value or "").split(",")}
        if "no-store" in directives:
            return cls.BYPASS
        if "no-cache" in directives:
            return cls.REFRESH
        return cls.DEFAULT


class CacheUnavailableError(Exception):
    """Redis is down, slow or the breaker is open: the caller proceeds without the cache."""


# --- keys ----------------------------------------------------------------------------------------

_SAFE_LABEL = re.compile(r"^[A-Za-z0-9_.-]+@[0-9]+$")


def _normalize_text(text: str) -> str:
    """Whitespace differences do not change a brief's meaning, so they must not miss the cache."""
    return " ".join(text.split())


def prompt_label_for(engine_identity: Mapping[str, object]) -> str:
    """``NAME@VERSION`` of the prompt an engine's identity names, or ``-`` when none ran.

    Accepted shapes: ``{"prompt": "summarize@1"}`` or ``{"prompt": {"name": .., "version": ..}}``.
    The label goes into the key in clear text so ``brief cache purge --prompt`` can find entries
    with SCAN alone, without an index to maintain.
    """
    prompt = engine_identity.get("prompt")
    if isinstance(prompt, Mapping) and "name" in prompt and "version" in prompt:
        label = f"{prompt['name']}@{prompt['version']}"
    elif isinstance(prompt, str):
        label = prompt
    else:
        return NO_PROMPT
    # Glob metacharacters or ':' in a label would break purge's MATCH pattern or the key layout.
    return label if _SAFE_LABEL.match(label) else re.sub(r"[^A-Za-z0-9_.@-]", "_", label)


def entry_key_for(kind: str, prompt_label: str, material: object) -> str:
    """``v<KEY_VERSION>:<kind>:<prompt>:<sha256 of material>``: the layout of every cache entry.

    The llm engine's per-article extractions use it too (``kind="extract"``), so stats and
    ``purge --prompt`` cover them alongside the briefs.
    """
    blob = json.dumps(material, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256(blob.encode()).hexdigest()
    return f"v{KEY_VERSION}:{kind}:{prompt_label}:{digest}"


def cache_key_for(
    request: SummaryRequest,
    engine_identity: Mapping[str, object],
    server_identity: Mapping[str, object] | None = None,
) -> str:
    """A hash of everything that changes the output, under a versioned namespace.

    ``engine_identity`` is what the engine says changes its output (model, prompt hash...);
    ``server_identity`` the server settings that do (grounding defaults). When the engine names
    the prompt it resolved, the client's pin is left out: ``summarize@1`` pinned and the
    production prompt that is ``summarize@1`` give the same brief and share one entry.
    """
    material = {
        "schema": SCHEMA_VERSION,
        "articles": [
            {
                "id": article.id,
                "text": _normalize_text(article.text),
                "title": _normalize_text(article.title or ""),
                "source": article.source,
                "published_at": article.published_at.isoformat() if article.published_at else None,
            }
            for article in request.articles
        ],
        "prompt": None if "prompt" in engine_identity else request.prompt,
        "options": request.options.model_dump(mode="json"),
        "engine": dict(engine_identity),
        "server": dict(server_identity or {}),
    }
    return entry_key_for("brief", prompt_label_for(engine_identity), material)


def layout_digest_for(request: SummaryRequest) -> str:
    """A hash of the article texts exactly as received: equal digests mean equal offsets."""
    digest = hashlib.sha256()
    for article in request.articles:
        digest.update(article.text.encode())
        digest.update(b"\x00")
    return digest.hexdigest()


# --- evidence offsets across whitespace-equivalent requests --------------------------------------
# A hit may come from a request whose articles differ only in whitespace. Evidence offsets index
# the text as received, so entries keep them in whitespace-normalized coordinates as well, and a
# hit with another layout maps them back into this request's text.


@dataclass(frozen=True)
class _TokenMap:
    """Where each non-whitespace run sits in the raw text and in the normalized text."""

    raw_starts: list[int]
    raw_ends: list[int]
    norm_starts: list[int]
    norm_ends: list[int]

    @classmethod
    def of(cls, text: str) -> _TokenMap:
        raw_starts: list[int] = []
        raw_ends: list[int] = []
        norm_starts: list[int] = []
        norm_ends: list[int] = []
        position = 0
        for match in re.finditer(r"\S+", text):
            raw_starts.append(match.start())
            raw_ends.append(match.end())
            norm_starts.append(position)
            position += match.end() - match.start()
            norm_ends.append(position)
            position += 1
        return cls(raw_starts, raw_ends, norm_starts, norm_ends)

    @property
    def raw(self) -> tuple[list[int], list[int]]:
        return self.raw_starts, self.raw_ends

    @property
    def norm(self) -> tuple[list[int], list[int]]:
        return self.norm_starts, self.norm_ends


def _map_span(
    start: int, end: int, src: tuple[list[int], list[int]], dst: tuple[list[int], list[int]]
) -> tuple[int, int]:
    """Map ``[start, end)`` between token layouts (``(starts, ends)`` of each run of text);
    a span end that falls in whitespace snaps inwards to the text."""
    src_starts, src_ends = src
    dst_starts, dst_ends = dst
    if not src_starts:
        return 0, 0
    k = bisect_right(src_starts, start) - 1
    if k < 0:
        new_start = dst_starts[0]
    elif start < src_ends[k]:
        new_start = dst_starts[k] + (start - src_starts[k])
    else:  # in the gap after token k: the span's text begins at the next token
        new_start = dst_starts[k + 1] if k + 1 < len(dst_starts) else dst_ends[-1]
    k = bisect_left(src_starts, end) - 1
    if k < 0:
        new_end = dst_starts[0]
    elif end <= src_ends[k]:
        new_end = dst_starts[k] + (end - src_starts[k])
    else:  # in the gap after token k: the span's text ends with token k
        new_end = dst_ends[k]
    return new_start, max(new_start, new_end)


def _evidence_in(node: object) -> Iterator[Evidence]:
    """Every evidence span of a brief in a stable order, wherever the schema puts it."""
    if isinstance(node, Evidence):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _evidence_in(getattr(node, name))
    elif isinstance(node, list):
        for item in node:
            yield from _evidence_in(item)


def _normalized_spans(brief: Brief, request: SummaryRequest) -> list[tuple[int, int]]:
    maps = {article.id: _TokenMap.of(article.text) for article in request.articles}
    spans: list[tuple[int, int]] = []
    for evidence in _evidence_in(brief):
        tokens = maps.get(evidence.article)
        if tokens is None:
            spans.append((evidence.start, evidence.end))
            continue
        spans.append(_map_span(evidence.start, evidence.end, tokens.raw, tokens.norm))
    return spans


def _rebase_evidence(brief: Brief, spans: list[tuple[int, int]], request: SummaryRequest) -> bool:
    """Point the brief's evidence into ``request``'s texts; False if the entry does not fit."""
    evidence = list(_evidence_in(brief))
    if len(evidence) != len(spans):
        return False
    texts = {article.id: article.text for article in request.articles}
    maps = {article_id: _TokenMap.of(text) for article_id, text in texts.items()}
    for item, (start, end) in zip(evidence, spans, strict=True):
        tokens = maps.get(item.article)
        if tokens is None:
            continue
        item.start, item.end = _map_span(start, end, tokens.norm, tokens.raw)
        item.text = texts[item.article][item.start : item.end]
    return True


class _Envelope(BaseModel):
    """What one entry stores: the brief, when, and its evidence in normalized coordinates."""

    stored_at: float
    layout: str
    spans: list[tuple[int, int]]
    brief: Brief


# A request id no client can send (``request_id_middleware`` only takes printable ids).
_REQUEST_ID_SLOT = "\x00request-id\x00"
_REQUEST_ID_SLOT_JSON = json.dumps(_REQUEST_ID_SLOT).encode()


@dataclass(frozen=True)
class HitJson:
    """A hit's response body, serialized once per decoded entry: the brief as served on a hit
    (``provenance.cache`` = ``HIT``) with a slot for the one field that differs per request."""

    head: bytes
    tail: bytes

    @classmethod
    def of(cls, brief: Brief) -> HitJson | None:
        provenance = brief.provenance.model_copy(
            update={"cache": "HIT", "request_id": _REQUEST_ID_SLOT}
        )
        blob = brief.model_copy(update={"provenance": provenance}).model_dump_json().encode()
        head, slot, tail = blob.partition(_REQUEST_ID_SLOT_JSON)
        if not slot or _REQUEST_ID_SLOT_JSON in tail:
            return None
        return cls(head, tail)

    def render(self, request_id: str) -> bytes:
        """What ``model_dump_json`` gives for the hit with this request id, without the walk."""
        return b"".join((self.head, json.dumps(request_id, ensure_ascii=False).encode(), self.tail))


@dataclass(frozen=True)
class CachedBrief:
    brief: Brief
    stored_at: float
    hit_json: HitJson | None = None

    @property
    def age_seconds(self) -> int:
        return max(0, int(time.time() - self.stored_at))


# --- breaker and metrics -------------------------------------------------------------------------

BreakerState = Literal["closed", "open", "half-open"]


class CircuitBreaker:
    """Closed: use Redis. Open (after a failure): skip it for ``cooldown_seconds``, so a dead
    Redis costs one timeout, not one per request. Then half-open: one probe call decides."""

    def __init__(
        self, cooldown_seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.cooldown_seconds = cooldown_seconds
        self._clock = clock
        self._opened_at: float | None = None
        self._probe_started: float | None = None
        self.openings = 0

    @property
    def state(self) -> BreakerState:
        if self._opened_at is None:
            return "closed"
        if self._clock() - self._opened_at >= self.cooldown_seconds:
            return "half-open"
        return "open"

    def allow(self) -> bool:
        """May a Redis call go ahead now? In half-open, only one probe at a time does."""
        state = self.state
        if state == "closed":
            return True
        if state == "open":
            return False
        now = self._clock()
        # A probe whose caller was cancelled never reports back: after a cooldown, try another.
        if self._probe_started is not None and now - self._probe_started < self.cooldown_seconds:
            return False
        self._probe_started = now
        return True

    def success(self) -> None:
        if self._opened_at is not None:
            log.info("redis is back: cache breaker closed")
        self._opened_at = None
        self._probe_started = None

    def failure(self) -> None:
        if self._opened_at is None:
            self.openings += 1
        self._opened_at = self._clock()
        self._probe_started = None


@dataclass
class CacheMetrics:
    """Counters for ``GET /metrics``: plain integers, so the hot path pays next to nothing."""

    requests: Counter[tuple[str, str]] = field(default_factory=Counter)  # (result, reason)
    errors: Counter[str] = field(default_factory=Counter)  # by operation
    coalesced: int = 0  # requests served by another request's computation in this process
    lock_waits: int = 0  # misses that waited for another process's computation
    lock_wait_timeouts: int = 0  # ... and gave up waiting, computing themselves

    def count(self, result: CacheStatus, reason: str) -> None:
        self.requests[(result.lower(), reason)] += 1


# --- the guarded store ---------------------------------------------------------------------------


class CacheGuard:
    """Runs store and Redis calls behind the breaker; trouble becomes ``CacheUnavailableError``."""

    def __init__(self, breaker: CircuitBreaker, metrics: CacheMetrics) -> None:
        self.breaker = breaker
        self.metrics = metrics

    async def call(self, operation: str, call: Callable[[], Awaitable[T]]) -> T:
        if not self.breaker.allow():
            raise CacheUnavailableError(f"cache breaker {self.breaker.state}")
        try:
            result = await call()
        except REDIS_TROUBLE as exc:
            self.breaker.failure()
            self.metrics.errors[operation] += 1
            log.warning("cache %s failed, bypassing the cache: %r", operation, exc)
            raise CacheUnavailableError(str(exc)) from exc
        self.breaker.success()
        return result


class GuardedStore(NamespacedStore):
    """A Litestar store that degrades to "no cache" on Redis trouble: get misses, set is dropped.

    The engines get this one (the llm engine caches per-article extractions in it), so they share
    the breaker, the metrics and the namespace of the brief cache.
    """

    def __init__(self, inner: Store, guard: CacheGuard) -> None:
        self.inner = inner
        self.guard = guard
        self.namespace = getattr(inner, "namespace", None)

    def with_namespace(self, namespace: str) -> GuardedStore:
        if not isinstance(self.inner, NamespacedStore):
            raise TypeError(f"{type(self.inner).__name__} has no namespaces")
        return GuardedStore(self.inner.with_namespace(namespace), self.guard)

    async def get(self, key: str, renew_for: int | timedelta | None = None) -> bytes | None:
        try:
            return await self.guard.call("get", lambda: self.inner.get(key, renew_for))
        except CacheUnavailableError:
            return None

    async def set(
        self, key: str, value: str | bytes, expires_in: int | timedelta | None = None
    ) -> None:
        try:
            await self.guard.call("set", lambda: self.inner.set(key, value, expires_in))
        except CacheUnavailableError:
            return

    async def delete(self, key: str) -> None:
        try:
            await self.guard.call("delete", lambda: self.inner.delete(key))
        except CacheUnavailableError:
            return

    async def delete_all(self) -> None:
        await self.inner.delete_all()  # an operator's explicit purge should report failure

    async def exists(self, key: str) -> bool:
        try:
            return await self.guard.call("exists", lambda: self.inner.exists(key))
        except CacheUnavailableError:
            return False

    async def expires_in(self, key: str) -> int | None:
        try:
            return await self.guard.call("expires_in", lambda: self.inner.expires_in(key))
        except CacheUnavailableError:
            return None


# --- Redis client, locks -------------------------------------------------------------------------


def redis_client_for(url: str, timeout_seconds: float) -> Redis:
    """A Redis client that fails fast: short socket timeouts, and no retry loop (redis-py's
    default retries with backoff would turn one dead server into seconds per call). One retry on
    a broken connection only, so pooled connections left stale by a Redis restart reconnect."""
    return Redis.from_url(
        url,
        socket_timeout=timeout_seconds,
        socket_connect_timeout=timeout_seconds,
        retry=Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)),
        decode_responses=False,
    )


def redis_client_of(store: RedisStore) -> Redis:
    """The client a ``RedisStore`` wraps: locks and SCAN need commands the Store API lacks."""
    client: Redis = store._redis
    return client


_RELEASE = b"""
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
_RENEW = b"""
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""


class RedisLocks:
    """``SET NX PX`` locks with a token, so a holder only ever releases its own lock, and a
    crashed holder's lock expires by itself after ``lock_seconds`` (renewed while alive)."""

    def __init__(self, redis: Redis, prefix: str, lock_seconds: float) -> None:
        self.redis = redis
        self.prefix = prefix
        self.lock_ms = max(1, int(lock_seconds * 1000))
        self._release = redis.register_script(_RELEASE)
        self._renew = redis.register_script(_RENEW)

    def _lock_key(self, key: str) -> str:
        return f"{self.prefix}{LOCK_PREFIX}{key}"

    async def acquire(self, key: str) -> str | None:
        token = uuid.uuid4().hex
        taken = await self.redis.set(self._lock_key(key), token, nx=True, px=self.lock_ms)
        return token if taken else None

    async def release(self, key: str, token: str) -> None:
        await self._release(keys=[self._lock_key(key)], args=[token])

    async def renew(self, key: str, token: str) -> bool:
        return bool(await self._renew(keys=[self._lock_key(key)], args=[token, self.lock_ms]))

    async def peek(self, value_key: str, key: str) -> tuple[bytes | None, bool]:
        """The entry if written, and whether the lock is still held: one round trip."""
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.get(value_key)
            pipe.exists(self._lock_key(key))
            value, held = await pipe.execute()
        return value, bool(held)


# --- single flight -------------------------------------------------------------------------------


class SingleFlight:
    """One computation per key in this process; concurrent callers share its result.

    The computation runs in its own task, so a caller that goes away (client disconnect) does
    not cancel it for the others.
    """

    def __init__(self) -> None:
        self._inflight: dict[str, asyncio.Task[Any]] = {}

    def __len__(self) -> int:
        return len(self._inflight)

    async def run(self, key: str, work: Callable[[], Awaitable[T]]) -> tuple[T, bool]:
        """``(result, shared)``: ``shared`` is True when another caller started the work."""
        task = self._inflight.get(key)
        if task is not None:
            return await asyncio.shield(task), True

        async def job() -> T:
            return await work()

        task = asyncio.ensure_future(job())
        self._inflight[key] = task
        task.add_done_callback(lambda done: self._forget(key, done))
        return await asyncio.shield(task), False

    def _forget(self, key: str, done: asyncio.Task[Any]) -> None:
        if self._inflight.get(key) is done:
            del self._inflight[key]
        if not done.cancelled():
            done.exception()  # retrieved: the callers that awaited it handled it


# --- the cache -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """A brief as the cache served it."""

    brief: Brief
    status: CacheStatus
    age_seconds: int = 0
    hit_json: HitJson | None = None  # set on a stored hit: the body, but for the request id


def _own_copy(brief: Brief) -> Brief:
    """Callers set their own request id and cache status in provenance; nothing else mutates."""
    return brief.model_copy(update={"provenance": brief.provenance.model_copy()})


class BriefCache:
    """Briefs in a Litestar store, with single flight and the outage breaker."""

    def __init__(
        self,
        store: Store,
        ttl_seconds: int,
        *,
        redis: Redis | None = None,
        lock_seconds: float = 120.0,
        wait_seconds: float = 120.0,
        breaker_cooldown_seconds: float = 2.0,
        server_identity: Mapping[str, object] | None = None,
    ) -> None:
        self.store = store
        self.ttl_seconds = ttl_seconds
        self.wait_seconds = wait_seconds
        self.server_identity = dict(server_identity or {})
        self.metrics = CacheMetrics()
        self.breaker = CircuitBreaker(breaker_cooldown_seconds)
        self.guard = CacheGuard(self.breaker, self.metrics)
        self.flight = SingleFlight()
        self._decoded: OrderedDict[str, tuple[bytes, _Envelope, HitJson | None]] = OrderedDict()
        self._keys: OrderedDict[tuple[object, ...], str] = OrderedDict()
        self.backend: Literal["redis", "memory"] = "memory"
        self.locks: RedisLocks | None = None
        self.prefix = ""
        if redis is not None:
            self.backend = "redis"
            namespace = getattr(store, "namespace", None)
            self.prefix = f"{namespace}:" if namespace else ""
            self.locks = RedisLocks(redis, self.prefix, lock_seconds)

    def key_for(self, request: SummaryRequest, engine_identity: Mapping[str, object]) -> str:
        """``cache_key_for``, remembered: normalizing and JSON-encoding every article again costs
        more than a hit's Redis GET. Remembered by a digest of the texts as received (plus their
        lengths, so the digest's separators cannot be ambiguous) and everything else the key
        covers, as given; requests that differ in any of it are keyed afresh."""
        memo = (
            layout_digest_for(request),
            tuple(
                (
                    article.id,
                    len(article.text),
                    article.title,
                    article.source,
                    # as the key has it: equal instants in other offsets are other keys
                    article.published_at.isoformat() if article.published_at else None,
                )
                for article in request.articles
            ),
            request.prompt,
            request.options.model_dump_json(),
            repr(engine_identity),
        )
        key = self._keys.get(memo)
        if key is not None:
            self._keys.move_to_end(memo)
            return key
        key = cache_key_for(request, engine_identity, self.server_identity)
        self._keys[memo] = key
        if len(self._keys) > KEYED_REQUESTS:
            self._keys.popitem(last=False)
        return key

    def engine_store(self) -> GuardedStore:
        """The store the engines cache their own work in, behind the same breaker."""
        return GuardedStore(self.store, self.guard)

    # -- entries

    async def get(self, key: str, request: SummaryRequest) -> CachedBrief | None:
        """The entry for ``key`` fitted to ``request``; raises ``CacheUnavailableError``."""
        raw = await self.guard.call("get", lambda: self.store.get(key))
        return None if raw is None else self._decode(key, raw, request)

    async def set(self, key: str, brief: Brief, request: SummaryRequest) -> None:
        """Store ``brief``; raises ``CacheUnavailableError``."""
        envelope = _Envelope(
            stored_at=time.time(),
            layout=layout_digest_for(request),
            spans=_normalized_spans(brief, request),
            brief=brief,
        )
        blob = envelope.model_dump_json()
        await self.guard.call("set", lambda: self.store.set(key, blob, self.ttl_seconds))

    def _decode(self, key: str, raw: bytes, request: SummaryRequest) -> CachedBrief | None:
        layout = layout_digest_for(request)
        recent = self._decoded.get(key)
        if recent is not None and recent[0] == raw and recent[1].layout == layout:
            # Validating a large brief costs more than the Redis round trip; bytes equal to the
            # last ones decoded here are that same entry. Shared, so the caller gets its own
            # provenance (the one part of a served brief anything writes to).
            self._decoded.move_to_end(key)
            _, envelope, hit_json = recent
            return CachedBrief(_own_copy(envelope.brief), envelope.stored_at, hit_json)
        try:
            envelope = _Envelope.model_validate_json(raw)
        except ValidationError:
            log.warning("unreadable cache entry %s: treated as a miss", key)
            return None
        if envelope.layout != layout:
            if not _rebase_evidence(envelope.brief, envelope.spans, request):
                return None
            return CachedBrief(envelope.brief, envelope.stored_at)
        hit_json = HitJson.of(envelope.brief)
        self._decoded[key] = (raw, envelope, hit_json)
        if len(self._decoded) > DECODED_ENTRIES:
            self._decoded.popitem(last=False)
        return CachedBrief(_own_copy(envelope.brief), envelope.stored_at, hit_json)

    # -- the read-through path

    async def serve(
        self,
        key: str,
        request: SummaryRequest,
        compute: Callable[[], Awaitable[Brief]],
        mode: CacheMode,
    ) -> Outcome:
        """The brief for ``key``: from the cache, from a computation already under way (here or
        in another process), or computed now. Never raises for cache trouble."""
        if mode is CacheMode.BYPASS:
            self.metrics.count("BYPASS", "client")
            return Outcome(await compute(), "BYPASS")
        if mode is CacheMode.REFRESH:
            outcome = await self._compute_and_store(key, request, compute)
            self.metrics.count(outcome.status, "refresh")
            return outcome
        try:
            hit = await self.get(key, request)
        except CacheUnavailableError:
            self.metrics.count("BYPASS", "unavailable")
            return Outcome(await compute(), "BYPASS")
        if hit is not None:
            self.metrics.count("HIT", "stored")
            return Outcome(hit.brief, "HIT", hit.age_seconds, hit.hit_json)
        outcome, shared = await self.flight.run(key, lambda: self._lead(key, request, compute))
        if shared:
            self.metrics.coalesced += 1
            status: CacheStatus = "BYPASS" if outcome.status == "BYPASS" else "HIT"
            self.metrics.count(status, "coalesced")
            return Outcome(_own_copy(outcome.brief), status, outcome.age_seconds)
        self.metrics.count(outcome.status, "lead")
        return Outcome(_own_copy(outcome.brief), outcome.status, outcome.age_seconds)

    async def _compute_and_store(
        self, key: str, request: SummaryRequest, compute: Callable[[], Awaitable[Brief]]
    ) -> Outcome:
        brief = await compute()
        if brief.provenance.degraded:  # a fallback answer must not outlive the outage
            return Outcome(brief, "MISS")
        try:
            await self.set(key, brief, request)
        except CacheUnavailableError:
            return Outcome(brief, "BYPASS")
        return Outcome(brief, "MISS")

    async def _lead(
        self, key: str, request: SummaryRequest, compute: Callable[[], Awaitable[Brief]]
    ) -> Outcome:
        """This process's one computation for ``key``: across processes, the lock holder
        computes and the others wait for its entry, for at most ``wait_seconds``."""
        locks = self.locks
        if locks is None:
            return await self._hold(key, None, request, compute)
        deadline = time.monotonic() + self.wait_seconds
        pause = 0.005
        waited = False
        try:
            while True:
                token = await self.guard.call("lock", lambda: locks.acquire(key))
                if token is not None:
                    return await self._hold(key, token, request, compute)
                if not waited:
                    waited = True
                    self.metrics.lock_waits += 1
                # Poll rather than subscribe: one round trip per pause, robust to a Redis
                # restart mid-wait, and in-process coalescing keeps it to one poller per key.
                while time.monotonic() < deadline:
                    await asyncio.sleep(pause)
                    pause = min(pause * 2, 0.1)
                    value, held = await self.guard.call(
                        "wait", lambda: locks.peek(self.prefix + key, key)
                    )
                    if value is not None:
                        found = self._decode(key, value, request)
                        if found is not None:
                            return Outcome(found.brief, "HIT", found.age_seconds)
                    if not held:
                        break  # the holder finished without an entry, or crashed: take over
                else:
                    self.metrics.lock_wait_timeouts += 1
                    log.warning("waited %.1f s for %s: computing here", self.wait_seconds, key)
                    return await self._compute_and_store(key, request, compute)
        except CacheUnavailableError:
            return Outcome(await compute(), "BYPASS")

    async def _hold(
        self,
        key: str,
        token: str | None,
        request: SummaryRequest,
        compute: Callable[[], Awaitable[Brief]],
    ) -> Outcome:
        """We are the one to compute (``token``: we hold the Redis lock). Check once more, as
        the entry may have landed since our miss, then compute, store and release."""
        try:
            found = await self.get(key, request)
        except CacheUnavailableError:
            found = None
        if found is not None:
            return Outcome(found.brief, "HIT", found.age_seconds)
        if token is None or self.locks is None:
            return await self._compute_and_store(key, request, compute)
        locks = self.locks
        async with _Renewal(locks, self.guard, key, token):
            try:
                return await self._compute_and_store(key, request, compute)
            finally:
                # On trouble the lock is left to expire by itself.
                with contextlib.suppress(CacheUnavailableError):
                    await self.guard.call("unlock", lambda: locks.release(key, token))


class _Renewal:
    """Renews a held lock every third of its lifetime until the holder is done."""

    def __init__(self, locks: RedisLocks, guard: CacheGuard, key: str, token: str) -> None:
        self.locks, self.guard, self.key, self.token = locks, guard, key, token
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> None:
        self._task = asyncio.ensure_future(self._loop())

    async def __aexit__(self, *_: object) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _loop(self) -> None:
        interval = self.locks.lock_ms / 3000
        while True:
            await asyncio.sleep(interval)
            try:
                if not await self.guard.call(
                    "renew", lambda: self.locks.renew(self.key, self.token)
                ):
                    return  # lost (expired while Redis was away): the others may compute too
            except CacheUnavailableError:
                continue


# --- operations (``brief cache stats|purge``) ---------------------------------------------------


def _glob_escape(text: str) -> str:
    return re.sub(r"([*?\[\]\\])", r"\\\1", text)


@dataclass
class CacheStats:
    """What ``brief cache stats`` prints."""

    namespace: str
    entries: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, prompt)
    bytes: Counter[tuple[str, str]] = field(default_factory=Counter)
    locks: int = 0
    other: int = 0

    @property
    def total_entries(self) -> int:
        return sum(self.entries.values())


async def scan_keys(redis: Redis, pattern: str, count: int = 1000) -> AsyncIterator[bytes]:
    """SCAN, never KEYS: a big keyspace must not block the server for everyone else."""
    async for key in redis.scan_iter(match=pattern, count=count):
        yield key


async def cache_stats(redis: Redis, namespace: str) -> CacheStats:
    """Count the entries under ``namespace`` by kind and prompt, with their sizes."""
    stats = CacheStats(namespace)
    prefix = f"{namespace}:"
    batch: list[tuple[str, str]] = []
    pipe = redis.pipeline(transaction=False)
    async for raw_key in scan_keys(redis, _glob_escape(prefix) + "*"):
        rest = raw_key.decode(errors="replace")[len(prefix) :]
        if rest.startswith(LOCK_PREFIX):
            stats.locks += 1
            continue
        parts = rest.split(":")
        if len(parts) != 4 or not parts[0].startswith("v"):
            stats.other += 1
            continue
        group = (parts[1], parts[2])
        stats.entries[group] += 1
        batch.append(group)
        pipe.strlen(raw_key)
        if len(batch) >= 500:
            for g, size in zip(batch, await pipe.execute(), strict=True):
                stats.bytes[g] += int(size)
            batch = []
    if batch:
        for g, size in zip(batch, await pipe.execute(), strict=True):
            stats.bytes[g] += int(size)
    return stats


async def purge(redis: Redis, namespace: str, prompt: str | None = None) -> int:
    """Delete entries (briefs, extractions) under ``namespace``; only one prompt's with
    ``prompt="NAME@VERSION"``. Locks stay: deleting one would let a second computation start."""
    prefix = _glob_escape(f"{namespace}:")
    pattern = f"{prefix}v*:*:{_glob_escape(prompt)}:*" if prompt else f"{prefix}*"
    lock_prefix = f"{namespace}:{LOCK_PREFIX}".encode()
    deleted = 0
    batch: list[bytes] = []
    async for key in scan_keys(redis, pattern):
        if key.startswith(lock_prefix):
            continue
        batch.append(key)
        if len(batch) >= 500:
            deleted += int(await redis.unlink(*batch))
            batch = []
    if batch:
        deleted += int(await redis.unlink(*batch))
    return deleted
