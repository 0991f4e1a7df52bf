"""Cassettes: record every model exchange of an eval run and replay it without a network.

``CassetteTransport`` wraps an httpx transport and is handed to the openai SDK through
``httpx.AsyncClient(transport=...)``. Each exchange is one JSON file named by the request hash:
sha256 of method, path and the canonical JSON body. The host is left out on purpose so that a
recording made against a stub on a random loopback port replays anywhere.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import httpx

CassetteMode = Literal["record", "replay"]

# Headers that describe the wire encoding, not the content: the body is stored decoded.
_DROPPED_RESPONSE_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}


class CassetteMiss(httpx.TransportError):
    """Replay found no recorded exchange for a request: the run must not reach the network."""


def request_key(method: str, path: str, body: bytes) -> str:
    """sha256 of method + path + canonical JSON body (key order and spacing do not matter)."""
    try:
        canonical = json.dumps(
            json.loads(body), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()
    except (ValueError, UnicodeDecodeError):
        canonical = body  # not JSON: the bytes themselves are the identity
    digest = hashlib.sha256()
    for part in (method.upper().encode(), b"\n", path.encode(), b"\n", canonical):
        digest.update(part)
    return digest.hexdigest()


@dataclass
class CassetteStats:
    recorded: int = 0
    replayed: int = 0
    misses: list[str] = field(default_factory=list)


class CassetteTransport(httpx.AsyncBaseTransport):
    """Record exchanges to ``directory`` (forwarding to ``inner``) or replay them from it."""

    def __init__(
        self,
        directory: Path,
        mode: CassetteMode,
        inner: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.directory = directory
        self.mode = mode
        # Replay never builds a real transport, so nothing can leak to the network by mistake.
        self.inner = inner if inner is not None or mode == "replay" else httpx.AsyncHTTPTransport()
        self.stats = CassetteStats()
        if mode == "record":
            directory.mkdir(parents=True, exist_ok=True)

    def path_for(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        key = request_key(request.method, request.url.path, body)
        if self.mode == "replay":
            return self._replay(key, request)
        assert self.inner is not None  # set for record mode in __init__
        response = await self.inner.handle_async_request(request)
        content = await response.aread()
        await response.aclose()
        headers = [
            (k, v)
            for k, v in response.headers.multi_items()
            if k.lower() not in _DROPPED_RESPONSE_HEADERS
        ]
        self._write(
            key,
            request=request,
            body=body,
            status=response.status_code,
            headers=headers,
            content=content,
        )
        self.stats.recorded += 1
        return httpx.Response(
            response.status_code, headers=headers, content=content, request=request
        )

    def _replay(self, key: str, request: httpx.Request) -> httpx.Response:
        path = self.path_for(key)
        if not path.is_file():
            self.stats.misses.append(key)
            raise CassetteMiss(
                f"no recorded exchange for {request.method} {request.url.path} "
                f"(key {key[:12]}) in {self.directory}",
                request=request,
            )
        entry = json.loads(path.read_text(encoding="utf-8"))
        response = entry["response"]
        self.stats.replayed += 1
        return httpx.Response(
            response["status"],
            headers=[tuple(h) for h in response["headers"]],
            content=response["body"].encode("utf-8"),
            request=request,
        )

    def _write(
        self,
        key: str,
        *,
        request: httpx.Request,
        body: bytes,
        status: int,
        headers: list[tuple[str, str]],
        content: bytes,
    ) -> None:
        try:
            request_body: object = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            request_body = body.decode("utf-8", "replace")
        entry = {
            "key": key,
            "request": {"method": request.method, "path": request.url.path, "body": request_body},
            # Request headers are not stored: they carry the API key.
            "response": {
                "status": status,
                "headers": headers,
                "body": content.decode("utf-8", "replace"),
            },
        }
        # Write then rename: concurrent stories recording the same exchange never see half a file.
        handle, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(entry, out, indent=1, ensure_ascii=False)
        os.replace(tmp, self.path_for(key))

    async def aclose(self) -> None:
        if self.inner is not None:
            await self.inner.aclose()
