"""Cache keys, evidence offsets across equivalent requests, Cache-Control, and the breaker:
pure pieces, crafted inputs, exact values."""

from __future__ import annotations

import json

import pytest
from litestar.stores.memory import MemoryStore

from api.cache import (
    KEY_VERSION,
    BriefCache,
    CacheMode,
    CircuitBreaker,
    HitJson,
    _map_span,
    _TokenMap,
    cache_key_for,
    entry_key_for,
    prompt_label_for,
)
from api.schemas import Brief, Provenance, SummaryRequest

EXTRACTIVE = {"engine": "extractive", "version": "0"}


def request_of(payload: str) -> SummaryRequest:
    return SummaryRequest.model_validate_json(payload)


def test_key_ignores_whitespace_and_json_key_order() -> None:
    a = request_of('{"articles": [{"id": "a1", "text": "Seoul said 80 shells."}]}')
    b = request_of(
        '{"articles":[{"text":"  Seoul  said\\n80 shells. ","id":"a1"}],"engine":"auto"}'
    )
    assert cache_key_for(a, EXTRACTIVE) == cache_key_for(b, EXTRACTIVE)


def test_key_layout_is_versioned_and_names_the_prompt() -> None:
    request = request_of('{"articles": [{"id": "a1", "text": "x y"}]}')
    key = cache_key_for(request, EXTRACTIVE)
    version, kind, prompt, digest = key.split(":")
    assert (version, kind, prompt) == (f"v{KEY_VERSION}", "brief", "-")
    assert len(digest) == 64
    llm = {
        "engine": "llm",
        "model": "m",
        "prompt": {"name": "summarize", "version": 2, "sha256": "ab"},
    }
    assert cache_key_for(request, llm).split(":")[2] == "summarize@2"


@pytest.mark.parametrize(
    "change",
    [
        '{"articles": [{"id": "a2", "text": "Seoul said 80 shells."}]}',
        '{"articles": [{"id": "a1", "text": "Seoul said 81 shells."}]}',
        '{"articles": [{"id": "a1", "text": "Seoul said 80 shells.", "title": "T"}]}',
        '{"articles": [{"id": "a1", "text": "Seoul said 80 shells."}], "options": {"max_items": 3}'
        "}",
        '{"articles": [{"id": "a1", "text": "Seoul said 80 shells."}], "prompt": "summarize@2"}',
    ],
)
def test_key_changes_with_what_changes_the_output(change: str) -> None:
    base = request_of('{"articles": [{"id": "a1", "text": "Seoul said 80 shells."}]}')
    assert cache_key_for(base, EXTRACTIVE) != cache_key_for(request_of(change), EXTRACTIVE)


def test_key_changes_with_engine_identity_and_server_settings() -> None:
    request = request_of('{"articles": [{"id": "a1", "text": "x"}]}')
    one = cache_key_for(request, {"engine": "llm", "model": "a", "prompt": "summarize@1"})
    assert one != cache_key_for(request, {"engine": "llm", "model": "b", "prompt": "summarize@1"})
    assert cache_key_for(request, EXTRACTIVE, {"drop": True}) != cache_key_for(
        request, EXTRACTIVE, {"drop": False}
    )


def test_resolved_prompt_supersedes_the_pin() -> None:
    """Pinning the version that production already is gives the same brief: one entry."""
    identity = {"engine": "llm", "prompt": {"name": "summarize", "version": 1, "sha256": "ab"}}
    pinned = request_of('{"articles": [{"id": "a1", "text": "x"}], "prompt": "summarize@1"}')
    unpinned = request_of('{"articles": [{"id": "a1", "text": "x"}]}')
    assert cache_key_for(pinned, identity) == cache_key_for(unpinned, identity)


def test_prompt_label_is_safe_for_scan_patterns() -> None:
    assert prompt_label_for({"prompt": "summarize@3"}) == "summarize@3"
    assert prompt_label_for({"prompt": "sum*ma:ry@3"}) == "sum_ma_ry@3"
    assert prompt_label_for({}) == "-"


def test_entry_key_for_extractions_shares_the_layout() -> None:
    key = entry_key_for("extract", "summarize@1", {"article": "abc", "b": [1, 2]})
    assert key == entry_key_for("extract", "summarize@1", {"b": [1, 2], "article": "abc"})
    assert key.startswith(f"v{KEY_VERSION}:extract:summarize@1:")


@pytest.mark.parametrize(
    ("header", "mode"),
    [
        (None, CacheMode.DEFAULT),
        ("max-age=0", CacheMode.DEFAULT),
        ("no-cache", CacheMode.REFRESH),
        ("No-Cache, max-age=0", CacheMode.REFRESH),
        ("no-store", CacheMode.BYPASS),
        ("no-cache, no-store", CacheMode.BYPASS),
    ],
)
def test_cache_control_modes(header: str | None, mode: CacheMode) -> None:
    assert CacheMode.from_header(header) is mode


def test_span_maps_between_raw_and_normalized_text() -> None:
    raw = "  North   Korea\n\nfired 80\tshells."
    norm = " ".join(raw.split())
    tokens = _TokenMap.of(raw)
    start = raw.index("Korea")
    end = raw.index("shells") + len("shells")
    n_start, n_end = _map_span(start, end, tokens.raw, tokens.norm)
    assert norm[n_start:n_end] == "Korea fired 80 shells"
    other = "North Korea fired\n80 shells."
    other_tokens = _TokenMap.of(other)
    o_start, o_end = _map_span(n_start, n_end, other_tokens.norm, other_tokens.raw)
    assert other[o_start:o_end] == "Korea fired\n80 shells"


def test_span_edges_in_whitespace_snap_to_the_text() -> None:
    raw = "one  two  three"
    tokens = _TokenMap.of(raw)
    # [3, 10) is "  two  ": the span's text is "two".
    n_start, n_end = _map_span(3, 10, tokens.raw, tokens.norm)
    assert "one two three"[n_start:n_end] == "two"


def state_of(breaker: CircuitBreaker) -> str:
    """The state as a plain string (mypy would otherwise narrow the property across calls)."""
    return breaker.state


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_breaker_opens_on_failure_and_probes_once_after_cooldown() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(cooldown_seconds=2.0, clock=clock)
    assert state_of(breaker) == "closed"
    assert breaker.allow()
    breaker.failure()
    assert state_of(breaker) == "open"
    assert not breaker.allow()
    clock.now += 2.0
    assert state_of(breaker) == "half-open"
    assert breaker.allow(), "one probe goes ahead"
    assert not breaker.allow(), "while it runs, the others still bypass"
    breaker.failure()
    assert state_of(breaker) == "open"
    assert not breaker.allow()
    clock.now += 2.0
    assert breaker.allow()
    breaker.success()
    assert state_of(breaker) == "closed"
    assert breaker.allow()
    assert breaker.allow()
    assert breaker.openings == 1


def test_breaker_allows_another_probe_when_one_never_reports() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(cooldown_seconds=1.0, clock=clock)
    breaker.failure()
    clock.now += 1.0
    assert breaker.allow()
    clock.now += 0.5
    assert not breaker.allow()
    clock.now += 0.5
    assert breaker.allow(), "the first probe's caller was cancelled: try again"


def test_key_material_is_plain_json() -> None:
    """The key digests sorted, compact JSON: stable across processes and Python versions."""
    request = request_of('{"articles": [{"id": "a1", "text": "x"}]}')
    key = cache_key_for(request, EXTRACTIVE)
    assert key == cache_key_for(request_of(json.dumps(request.model_dump(mode="json"))), EXTRACTIVE)


def test_remembered_keys_equal_derived_keys_and_never_mix_requests() -> None:
    """``BriefCache.key_for`` remembers keys; what it returns must be what ``cache_key_for``
    derives, for equivalent requests and for ones its memo could confuse."""
    cache = BriefCache(MemoryStore(), 60, server_identity={"drop": False})
    payloads = [
        '{"articles": [{"id": "a1", "text": "Seoul said 80 shells."}]}',
        '{"articles": [{"id": "a1", "text": " Seoul  said\\n80 shells. "}]}',
        '{"articles": [{"id": "a1", "text": "Seoul said 81 shells."}]}',
        '{"articles": [{"id": "a1", "text": "Seoul said 80 shells."}],'
        ' "options": {"max_items": 3}}',
        # Texts whose joined bytes are equal: the memo must still tell them apart.
        '{"articles": [{"id": "a", "text": "x\\u0000"}, {"id": "b", "text": "y"}]}',
        '{"articles": [{"id": "a", "text": "x"}, {"id": "b", "text": "\\u0000y"}]}',
        # Equal instants, written in other offsets: other key material, other keys.
        '{"articles": [{"id": "a1", "text": "S.", "published_at": "2022-11-02T00:00:00+00:00"}]}',
        '{"articles": [{"id": "a1", "text": "S.", "published_at": "2022-11-02T09:00:00+09:00"}]}',
    ]
    for identity in (EXTRACTIVE, {"engine": "llm", "prompt": "summarize@1"}):
        for _ in range(2):  # derived, then remembered
            for payload in payloads:
                request = request_of(payload)
                expected = cache_key_for(request, identity, {"drop": False})
                assert cache.key_for(request, identity) == expected


def test_hit_json_renders_what_serializing_the_hit_gives() -> None:
    brief = Brief(
        headline="Shells",
        summary="Kim said \u201880 shells\u2019.",
        provenance=Provenance(engine="extractive", latency_ms=1.5),
    )
    hit_json = HitJson.of(brief)
    assert hit_json is not None
    for request_id in ("r1", 'q"uo\\te', "caf\u00e9 \u2713 \u00bd", "x" * 128):
        served = brief.model_copy(deep=True)
        served.provenance.cache = "HIT"
        served.provenance.request_id = request_id
        assert hit_json.render(request_id) == served.model_dump_json().encode()
