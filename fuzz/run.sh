#!/usr/bin/env bash
# Runs one of symc's libFuzzer targets and keeps what it learns.
#
#   fuzz/run.sh TARGET [--time SECONDS] [--runs N]
#   TARGET: json-import | params | npy | attr | c-api
#
# Builds the instrumented tree build-fuzz/ if needed (-DSYMC_BUILD_FUZZERS=ON:
# ASan + UBSan + coverage), then fuzzes from fuzz/corpus/TARGET, seeded from
# the repository's own test data (never from third-party models, so that
# the corpus can be committed), with fuzz/dict/. New inputs are merged
# into fuzz/corpus/TARGET (minimized), any crash, leak, timeout or
# sanitizer report is copied to fuzz/regressions/TARGET/ and fails the run,
# and the executions are appended to fuzz/STATS.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${SYMC_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
LLVM=/usr/lib/llvm-22

target="${1:?usage: fuzz/run.sh TARGET [--time SECONDS] [--runs N]}"
shift
time_limit=60
runs=-1
while [ $# -gt 0 ]; do
  case "$1" in
    --time) time_limit="$2"; shift 2 ;;
    --runs) runs="$2"; time_limit=0; shift 2 ;;
    *) echo "fuzz/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$target" in
  json-import) dict="$ROOT/fuzz/dict/json.dict" ;;
  attr) dict="$ROOT/fuzz/dict/attr.dict" ;;
  params|npy|c-api) dict="" ;;
  *) echo "fuzz/run.sh: unknown target $target" >&2; exit 2 ;;
esac

if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -G Ninja -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER="$LLVM/bin/clang" -DCMAKE_CXX_COMPILER="$LLVM/bin/clang++" \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DMLIR_DIR="$LLVM/lib/cmake/mlir" \
    -DLLVM_EXTERNAL_LIT="$LLVM/bin/lit" -DSYMC_BUILD_FUZZERS=ON
fi
ninja -C "$BUILD" "fuzz-$target"

corpus="$ROOT/fuzz/corpus/$target"
regressions="$ROOT/fuzz/regressions/$target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$corpus" "$regressions" "$work/new" "$work/seeds" "$work/crashes"

# Seeds: the test data of the repository.
seed() { for f in "$@"; do [ -f "$f" ] && cp "$f" "$work/seeds/$(echo "$f" | md5sum | cut -c1-16)"; done; return 0; }
shopt -s nullglob
case "$target" in
  json-import)
    seed "$ROOT"/test/Import/*.json "$ROOT"/test/Import/errors/*.json \
         "$ROOT"/test/golden/ops/*/model-symbol.json "$ROOT"/examples/lenet/*.json \
         "$ROOT"/fuzz/model/*.json ;;
  params)
    seed "$ROOT"/test/golden/ops/*/*.params "$ROOT"/examples/lenet/*.params ;;
  npy)
    seed "$ROOT"/test/golden/ops/*/*.npy "$ROOT"/examples/lenet/*.npy ;;
esac

options=(-print_final_stats=1 -timeout=10 -rss_limit_mb=4096 -max_len=65536
         "-artifact_prefix=$work/crashes/")
[ -n "$dict" ] && options+=("-dict=$dict")
if [ "$runs" -ge 0 ]; then options+=("-runs=$runs"); else options+=("-max_total_time=$time_limit"); fi

echo "fuzz/run.sh: fuzz-$target (${time_limit}s / ${runs} runs), corpus $(ls "$corpus" | wc -l) files"
set +e
ASAN_OPTIONS=allow_user_poisoning=0:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  "$BUILD/bin/fuzz-$target" "${options[@]}" "$work/new" "$corpus" "$work/seeds" \
  2>&1 | tee "$work/log"
status=${PIPESTATUS[0]}
set -e

# Merge what added coverage into the committed corpus, minimized.
"$BUILD/bin/fuzz-$target" -merge=1 "-artifact_prefix=$work/crashes/" "$corpus" "$work/new" \
  >/dev/null 2>&1 || true

# Keep what failed, as regression inputs.
found=0
for f in "$work"/crashes/*; do
  cp "$f" "$regressions/"
  found=$((found + 1))
done
execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$work/log" | awk '{print $2}' | tail -1)
printf '| %s | fuzz-%s | %s | %s | %s |\n' "$(date -u +%Y-%m-%d)" "$target" \
  "${execs:-0}" "$found" "$(ls "$corpus" | wc -l)" >> "$ROOT/fuzz/STATS.md"
echo "fuzz/run.sh: fuzz-$target executed ${execs:-0} inputs, $found failures (exit $status)"
[ "$found" -eq 0 ] && [ "$status" -eq 0 ]
