#!/usr/bin/env bash
# Installs what symc needs on Debian 12 (as root), configures and builds it,
# then optionally runs the bundled example or the whole test suite.
# Idempotent: packages already installed and an up-to-date build are skipped.
#
#   utils/bootstrap.sh                 install + build
#   utils/bootstrap.sh --run-example   ... then sym-run on examples/lenet
#   utils/bootstrap.sh --test          ... then every lit and unit test, in
#                                      build/ and again in an ASan+UBSan
#                                      build with the fuzz targets
#
# Environment: SYMC_BUILD_DIR (default: build), SYMC_FUZZ_BUILD_DIR (the
# sanitizer build, default: build-fuzz), SYMC_JOBS (default: nproc).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${SYMC_BUILD_DIR:-$ROOT/build}"
# The sanitizer build of --test (also fuzz/run.sh's).
SANITIZE_BUILD="${SYMC_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
LLVM=/usr/lib/llvm-22
PACKAGES=(libmlir-22-dev mlir-22-tools llvm-22-dev llvm-22-tools clang-22 lld-22
          libomp-22-dev nlohmann-json3-dev ninja-build cmake libgtest-dev python3
          ccache gcc libclang-rt-22-dev graphviz)

install_packages() {
  local missing=()
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    echo "bootstrap: installing ${missing[*]}"
    if [ "$(id -u)" != 0 ]; then
      echo "bootstrap: run as root to install packages" >&2
      exit 1
    fi
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
}

# build DIR [cmake options...]
build() {
  local dir="$1"
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -G Ninja -S "$ROOT" -B "$dir" \
      -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_COMPILER="$LLVM/bin/clang" -DCMAKE_CXX_COMPILER="$LLVM/bin/clang++" \
      -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
      -DMLIR_DIR="$LLVM/lib/cmake/mlir" -DLLVM_EXTERNAL_LIT="$LLVM/bin/lit" "$@"
  fi
  local start=$SECONDS
  ninja -C "$dir" -j "${SYMC_JOBS:-$(nproc)}"
  echo "bootstrap: build of $(basename "$dir") finished in $((SECONDS - start)) s"
}

run_example() {
  local example="$ROOT/examples/lenet"
  echo "bootstrap: sym-run on the bundled LeNet (seeded weights, a drawn 7)"
  "$BUILD/bin/sym-run" "$example/lenet-symbol.json" \
    --params "$example/lenet-0000.params" \
    --input "data=$example/digit.npy" --output "$BUILD/lenet-output.npy"
  python3 "$ROOT/utils/npy_print.py" "$BUILD/lenet-output.npy" \
    --compare "$example/expected-output.npy" --atol 1e-4
}

# lit_run DIR: every test of the build in DIR.
lit_run() {
  local log="$1/lit-results.txt"
  set +e
  "$LLVM/bin/lit" -sv "$1/test" | tee "$log"
  local status=${PIPESTATUS[0]}
  set -e
  python3 "$ROOT/utils/lit_summary.py" "$log"
  return "$status"
}

# All tests, then all of them again in an ASan+UBSan build that also has
# the fuzz targets (their corpora and kept failures run as a test).
run_tests() {
  local status=0
  lit_run "$BUILD" || status=1
  echo "bootstrap: the same tests under AddressSanitizer and UndefinedBehaviorSanitizer"
  build "$SANITIZE_BUILD" -DSYMC_BUILD_FUZZERS=ON
  lit_run "$SANITIZE_BUILD" || status=1
  return "$status"
}

install_packages
build "$BUILD"
case "${1:-}" in
  --run-example) run_example ;;
  --test) run_tests ;;
  "") ;;
  *) echo "usage: $0 [--run-example | --test]" >&2; exit 2 ;;
esac
