"""Domain errors, and the one place that turns every error into RFC 9457 problem details."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.openapi.datastructures import ResponseSpec
from litestar.status_codes import (
    HTTP_400_BAD_REQUEST,
    HTTP_422_UNPROCESSABLE_ENTITY,
    HTTP_429_TOO_MANY_REQUESTS,
    HTTP_500_INTERNAL_SERVER_ERROR,
    HTTP_502_BAD_GATEWAY,
    HTTP_504_GATEWAY_TIMEOUT,
)
from litestar.types import ExceptionHandlersMap
from pydantic import BaseModel, Field

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://brief.dev/problems/"

log = logging.getLogger("brief.errors")


class ProblemFieldError(BaseModel):
    pointer: str = Field(description="JSON Pointer into the request body, e.g. #/articles/0/text")
    field: str = Field(description="The same path as a reader writes it: articles[0].text")
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details, as every error of this API is answered."""

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[ProblemFieldError] | None = None
    request_id: str | None = None


_PROBLEM_DESCRIPTIONS = {
    400: "The body is not JSON (or is empty).",
    401: "An API key is required.",
    403: "The API key is not accepted.",
    404: "No such resource.",
    413: "The body is larger than BRIEF_MAX_BODY_BYTES.",
    422: "The body is JSON but invalid; errors[] says where.",
    429: "Too many requests; wait Retry-After seconds.",
    502: "The model server failed.",
    504: "The model server did not answer in time.",
}


def problem_responses(*statuses: int) -> dict[int, ResponseSpec]:
    """OpenAPI entries for the problems a route can answer."""
    return {
        status: ResponseSpec(
            data_container=Problem,
            media_type=PROBLEM_JSON,
            description=_PROBLEM_DESCRIPTIONS[status],
        )
        for status in statuses
    }


@dataclass(frozen=True)
class FieldError:
    """One invalid field: a JSON Pointer into the request body and what is wrong with it."""

    pointer: str
    message: str

    @property
    def field(self) -> str:
        """The same path as a reader writes it: ``articles[0].text``; empty for the whole body."""
        path = ""
        for part in self.pointer.removeprefix("#").strip("/").split("/"):
            if part.isdigit():
                path += f"[{part}]"
            elif part:
                path += f".{part}" if path else part
        return path

    def as_dict(self) -> dict[str, str]:
        return {"pointer": self.pointer, "field": self.field, "message": self.message}


@dataclass
class BriefError(Exception):
    """Base of the errors the service raises on purpose; each maps to one problem type."""

    detail: str
    status: int = HTTP_500_INTERNAL_SERVER_ERROR
    slug: str = "internal"
    title: str = "Internal error"
    errors: list[FieldError] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.detail


class InvalidRequest(BriefError):
    """The request is well-formed JSON but cannot be served as asked (422)."""

    def __init__(self, detail: str, pointer: str = "") -> None:
        super().__init__(
            detail=detail,
            status=HTTP_422_UNPROCESSABLE_ENTITY,
            slug="invalid-request",
            title="Request cannot be served",
            errors=[FieldError(pointer, detail)] if pointer else [],
        )


class UpstreamError(BriefError):
    """The model server failed or answered with something unusable (502)."""

    def __init__(self, detail: str, kind: str = "upstream-error") -> None:
        super().__init__(
            detail=detail, status=HTTP_502_BAD_GATEWAY, slug=kind, title="Model server error"
        )


class UpstreamTimeout(BriefError):
    """The model server did not answer within the request deadline (504)."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            detail=detail,
            status=HTTP_504_GATEWAY_TIMEOUT,
            slug="upstream-timeout",
            title="Model server timeout",
        )


def pointer_for(key: str | None) -> str:
    """Litestar reports ``articles.0.text``; RFC 9457 clients expect ``#/articles/0/text``."""
    if not key:
        return "#"
    return "#/" + "/".join(key.split("."))


def problem_response(
    request: Request[Any, Any, Any],
    *,
    status: int,
    slug: str,
    title: str,
    detail: str,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[dict[str, Any]]:
    """Build an ``application/problem+json`` response."""
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    if errors:
        body["errors"] = [error.as_dict() for error in errors]
    request_id = request.scope.get("state", {}).get("request_id")
    if request_id:
        body["request_id"] = request_id
    return Response(content=body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _validation_errors(exc: ValidationException) -> list[FieldError]:
    extra = exc.extra if isinstance(exc.extra, list) else []
    errors = []
    for item in extra:
        if isinstance(item, dict):
            errors.append(FieldError(pointer_for(item.get("key")), str(item.get("message", ""))))
    return errors


def handle_http_exception(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    """Litestar's own errors (validation, 404, 405, 413, 429...) as problem details."""
    status = exc.status_code
    if isinstance(exc, ValidationException):
        errors = _validation_errors(exc)
        if [error.pointer for error in errors] == ["#/data"]:
            # Litestar's way of saying the body was absent: the handler's ``data`` is missing.
            return problem_response(
                request,
                status=HTTP_400_BAD_REQUEST,
                slug="malformed-body",
                title="Malformed request body",
                detail="The request body is empty; send a JSON object.",
            )
        if errors:
            return problem_response(
                request,
                status=HTTP_422_UNPROCESSABLE_ENTITY,
                slug="validation",
                title="Invalid request body",
                detail=f"{len(errors)} invalid field(s); see errors[] for where and why.",
                errors=errors,
            )
    if status == HTTP_400_BAD_REQUEST:
        return problem_response(
            request,
            status=status,
            slug="malformed-body",
            title="Malformed request body",
            detail=f"The body could not be read as JSON: {exc.detail}",
        )
    slug = {
        401: "unauthorized",
        403: "forbidden",
        404: "not-found",
        405: "method-not-allowed",
        413: "body-too-large",
        415: "unsupported-media-type",
        429: "rate-limited",
    }.get(status, "http-error")
    headers = dict(exc.headers or {})
    if status == HTTP_429_TOO_MANY_REQUESTS and "Retry-After" not in headers:
        # Litestar's limiter says when the window resets; RFC 9110 clients read Retry-After.
        headers["Retry-After"] = headers.get("RateLimit-Reset", "60")
    return problem_response(
        request,
        status=status,
        slug=slug,
        title=str(exc.detail) or "HTTP error",
        detail=str(exc.detail),
        headers=headers,
    )


def handle_brief_error(request: Request[Any, Any, Any], exc: BriefError) -> Response[Any]:
    return problem_response(
        request,
        status=exc.status,
        slug=exc.slug,
        title=exc.title,
        detail=exc.detail,
        errors=exc.errors,
        headers=exc.headers,
    )


def handle_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """Last resort: a bug must still answer in the documented format, and be logged."""
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    return problem_response(
        request,
        status=HTTP_500_INTERNAL_SERVER_ERROR,
        slug="internal",
        title="Internal error",
        detail="An unexpected error occurred; it has been logged.",
    )


EXCEPTION_HANDLERS: ExceptionHandlersMap = {
    HTTPException: handle_http_exception,
    BriefError: handle_brief_error,
    Exception: handle_unexpected,
}

__all__ = [
    "EXCEPTION_HANDLERS",
    "PROBLEM_JSON",
    "BriefError",
    "FieldError",
    "InvalidRequest",
    "UpstreamError",
    "UpstreamTimeout",
]
