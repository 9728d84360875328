#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, ASan + UBSan, cmake/IemeqFuzz.cmake) in their own build
# dir and runs each for a bounded time, seeded from the repository's real files (generated here,
# never committed) and every regression input. Fails on any crash, sanitizer report, leak, slow
# input (> 10 s) or out-of-memory, leaving the input in <build>/fuzz-artifacts/.
#
#   Tests/fuzz/run-fuzzers.sh [seconds per target] [build dir]
# Environment: IEMEQ_FUZZ_JOBS fuzzers at a time (default 2).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_TARGET=${1:-60}
BUILD=${2:-build-fuzz}
JOBS=${IEMEQ_FUZZ_JOBS:-2}
TARGETS=(curve_text apo graphic_eq preset plugin_state phone_book)

# -O1 with line tables: readable stack traces, and asserts (Eigen's too) stay on.
CC=clang-14 CXX=clang++-14 cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DIEMEQ_BUILD_PLUGIN=OFF -DIEMEQ_BUILD_BENCH=OFF -DIEMEQ_BUILD_FUZZERS=ON >/dev/null
cmake --build "$BUILD" -j2 --target "${TARGETS[@]/#/iemeq_fuzz_}"

# Seed corpora, fresh each run: a copy, because libFuzzer adds what it finds to the first folder.
corpus="$BUILD/fuzz-corpus"
rm -rf "$corpus" "$BUILD/fuzz-artifacts" "$BUILD/fuzz-logs"
mkdir -p "$BUILD/fuzz-artifacts" "$BUILD/fuzz-logs"
seed() {  # seed <target> <find arguments...>
  local dir="$corpus/$1"; shift
  mkdir -p "$dir"
  find "$@" -type f ! -name README.md ! -name MANIFEST.txt -print0 | while IFS= read -r -d '' f; do
    cp "$f" "$dir/$(printf '%s' "$f" | md5sum | cut -c1-16)"
  done
}
seed curve_text Tests/data/measurements Tests/data/targets Targets Presets/measurements Tests/fuzz/seeds/curve_text \( -name '*.txt' -o -name '*.csv' \)
seed apo Tests/data/autoeq_rerun Tests/fuzz/seeds/apo -name '*.txt'
seed graphic_eq Tests/fuzz/seeds/graphic_eq -name '*.txt'
seed preset Presets/harman-in-ear-2019 Presets/diffuse-field Tests/fuzz/seeds/preset -name '*.json'
seed plugin_state Tests/fuzz/seeds/plugin_state -name '*.json'
seed phone_book Tests/data/sites Tests/fuzz/seeds/phone_book -name '*.json'
# On a developer machine with the shared measurement collection next to the checkout, seed from
# all of it too (CI has only the repository's copies in Tests/data).
shared=${IEMEQ_SHARED_DATA:-../shared/data}
if [ -d "$shared" ]; then
  seed curve_text "$shared/measurements" "$shared/targets" "$shared/autoeq_results" \( -name '*.txt' -o -name '*.csv' \) ! -name '*ParametricEQ.txt' ! -name '*GraphicEQ.txt'
  seed apo "$shared" -name '*ParametricEQ.txt'
  seed graphic_eq "$shared" -name '*GraphicEQ.txt'
fi
for t in "${TARGETS[@]}"; do
  [ -d "Tests/fuzz/regressions/$t" ] && seed "$t" "Tests/fuzz/regressions/$t"
done

run_one() {
  # Text inputs up to 16 kB (longer seeds are cut there, still valid files): mutating megabyte
  # measurements would cost 20x the executions. JSON keeps room for the shipped presets (~45 kB).
  local t=$1 dict=Tests/fuzz/text.dict max_len=16384
  case $t in preset|plugin_state|phone_book) dict=Tests/fuzz/json.dict max_len=65536 ;; esac
  "$BUILD/fuzz/iemeq_fuzz_$t" "$corpus/$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=$max_len \
    -dict="$dict" -print_final_stats=1 -artifact_prefix="$BUILD/fuzz-artifacts/$t-" \
    >"$BUILD/fuzz-logs/$t.log" 2>&1
}

echo "== Fuzzing ${#TARGETS[@]} targets, ${SECONDS_PER_TARGET} s each, $JOBS at a time"
declare -A pid
failed=0
running=()
for t in "${TARGETS[@]}"; do
  run_one "$t" & pid[$t]=$!
  running+=("$t")
  if [ "${#running[@]}" -ge "$JOBS" ]; then
    wait "${pid[${running[0]}]}" || { echo "FUZZ FAILURE: ${running[0]}"; failed=1; }
    running=("${running[@]:1}")
  fi
done
for t in "${running[@]}"; do
  wait "${pid[$t]}" || { echo "FUZZ FAILURE: $t"; failed=1; }
done

printf '%-14s %12s %10s %12s\n' target executions "exec/s" "corpus"
for t in "${TARGETS[@]}"; do
  log="$BUILD/fuzz-logs/$t.log"
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  printf '%-14s %12s %10s %12s\n' "$t" "$execs" "$rate" "$(ls "$corpus/$t" | wc -l)"
done
if [ "$failed" -ne 0 ]; then
  for t in "${TARGETS[@]}"; do
    if grep -qE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|runtime error|deadly signal|Test unit written' "$BUILD/fuzz-logs/$t.log"; then
      echo "---- $t"; grep -A40 -E 'ERROR:|runtime error|deadly signal|uncaught exception|terminate called' "$BUILD/fuzz-logs/$t.log" | head -80
    fi
  done
  echo "Crashing inputs: $BUILD/fuzz-artifacts/ (fix, then add them to Tests/fuzz/regressions/<target>/)"
  exit 1
fi
