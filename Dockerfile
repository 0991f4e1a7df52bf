# syntax=docker/dockerfile:1
# Brief: build wheels in one stage, run as a non-root user in a slim second stage.

FROM python:3.11-slim-bookworm AS build
WORKDIR /src
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY pyproject.toml README.md ./
COPY api ./api
COPY evals ./evals
RUN pip wheel --wheel-dir /wheels .

FROM python:3.11-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BRIEF_HOST=0.0.0.0 \
    BRIEF_PORT=8000 \
    BRIEF_PROMPTS_DIR=/app/prompts
RUN groupadd --system --gid 10001 brief \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin brief
WORKDIR /app
COPY --from=build /wheels /wheels
# The wheels were built from this tree in the first stage, so their versions are pinned there.
# hadolint ignore=DL3013
RUN pip install --no-index --find-links=/wheels brief && rm -rf /wheels
COPY --chown=10001:10001 prompts ./prompts
COPY --chown=10001:10001 seeds ./seeds
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status == 200 else 1)"]
CMD ["brief", "serve"]
