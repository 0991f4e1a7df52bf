"""``GET /metrics``: Prometheus text format.

The hot path only bumps plain integers (``api.cache.CacheMetrics``); this route turns them into
metric families at scrape time, on a registry of its own, so several apps in one process (tests)
never collide in prometheus_client's global registry.
"""

from __future__ import annotations

from collections.abc import Iterator

from litestar import Response, get
from litestar.datastructures import State
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.process_collector import ProcessCollector
from prometheus_client.registry import Collector

from api.cache import BriefCache


class CacheCollector(Collector):
    """The brief cache's counters, breaker state and in-flight computations."""

    def __init__(self, cache: BriefCache) -> None:
        self.cache = cache

    def collect(self) -> Iterator[Metric]:
        metrics = self.cache.metrics
        requests = CounterMetricFamily(
            "brief_cache_requests",
            "Summaries by cache result (hit, miss, bypass) and why: stored entry, this request "
            "computed it (lead), another request's computation (coalesced), client refresh, "
            "client no-store, cache unavailable.",
            labels=["result", "reason"],
        )
        for (result, reason), count in sorted(metrics.requests.items()):
            requests.add_metric([result, reason], count)
        yield requests

        errors = CounterMetricFamily(
            "brief_cache_errors",
            "Cache backend (Redis) failures by operation; each one served without the cache.",
            labels=["operation"],
        )
        for operation, count in sorted(metrics.errors.items()):
            errors.add_metric([operation], count)
        yield errors

        yield CounterMetricFamily(
            "brief_cache_coalesced",
            "Requests that shared a computation already running in this process.",
            value=metrics.coalesced,
        )
        yield CounterMetricFamily(
            "brief_cache_lock_waits",
            "Misses that waited for another process computing the same brief.",
            value=metrics.lock_waits,
        )
        yield CounterMetricFamily(
            "brief_cache_lock_wait_timeouts",
            "Waits that ran out, after which the request computed the brief itself.",
            value=metrics.lock_wait_timeouts,
        )
        yield CounterMetricFamily(
            "brief_cache_breaker_openings",
            "Times the outage breaker opened (Redis went from usable to failing).",
            value=self.cache.breaker.openings,
        )
        state = GaugeMetricFamily(
            "brief_cache_breaker_state",
            "1 for the breaker's state: closed uses Redis, open skips it, half-open probes.",
            labels=["state"],
        )
        current = self.cache.breaker.state
        for name in ("closed", "open", "half-open"):
            state.add_metric([name], 1.0 if current == name else 0.0)
        yield state
        yield GaugeMetricFamily(
            "brief_cache_inflight",
            "Distinct briefs being computed in this process right now.",
            value=len(self.cache.flight),
        )
        backend = GaugeMetricFamily(
            "brief_cache_backend", "The cache backend in use.", labels=["backend"]
        )
        backend.add_metric([self.cache.backend], 1.0)
        yield backend


@get(
    "/metrics",
    tags=["health"],
    summary="Prometheus metrics",
    include_in_schema=False,
    sync_to_thread=False,
)
def metrics(state: State) -> Response[bytes]:
    """Counters of this process (with several workers, each reports its own)."""
    registry = CollectorRegistry(auto_describe=False)
    ProcessCollector(registry=registry)
    cache = state.service.cache
    if cache is not None:
        registry.register(CacheCollector(cache))
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
