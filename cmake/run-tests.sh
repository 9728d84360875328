#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run and the README call this):
#   1. Release build + ctest (every suite, the processor edge/stress tests included)
#   2. the same tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   3. libFuzzer targets (clang-14, ASan + UBSan), each for IEMEQ_FUZZ_SECONDS (default 30)
#   4. ThreadSanitizer build of the design hand-off (JUCE-free, a handful of sources)
#   5. the real-time-safety test (Release; it interposes malloc & co., so it runs on its own)
# Each stage prints its start time; any failure stops the run with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."
bash cmake/install-deps.sh --tests
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/iemeq-ccache}"
# Hash paths relative to the checkout, so a second clone (CI) reuses the cache of the first.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
start=$SECONDS
stage() { echo "== $1 (at $((SECONDS - start)) s)"; }
# ctest with its summary counted into the closing line (passed/failed over every stage).
passed=0 failed=0
counted_ctest() {
  local log rc=0
  log=$(mktemp)
  ctest "$@" 2>&1 | tee "$log" || rc=$?
  local total bad
  total=$(grep -oE 'tests failed out of [0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1 || true)
  bad=$(grep -oE '[0-9]+ tests failed' "$log" | grep -oE '^[0-9]+' | tail -1 || true)
  rm -f "$log"
  passed=$((passed + ${total:-0} - ${bad:-0})); failed=$((failed + ${bad:-0}))
  return $rc
}

stage "Release build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2
# The real-time-safety test runs alone in stage 5 (nothing else competing for the cores).
counted_ctest --test-dir build --output-on-failure -j2 -E '^rt safety:'

stage "AddressSanitizer + UndefinedBehaviorSanitizer build and tests"
# -O1 with line tables: what the sanitizers recommend, and much quicker to compile than -O2 -g.
# Tests tagged [heavy] (full-size repeats of lighter tests' checks) run in the Release stage only.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIEMEQ_SANITIZE=address,undefined -DIEMEQ_BUILD_BENCH=OFF \
  -DIEMEQ_HEAVY_TESTS=OFF \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
cmake --build build-asan -j2 --target iemeq_tests iemeq_plugin_tests iemeq_cli \
  iemeq_reliability_tests iemeq_handoff_tests iemeq_processor_edge_tests
# The stress test runs fewer sequences here (Release runs all 1,000; ~0.15 s each, mostly FFT
# planning in prepareToPlay). The host tests, the editor screenshot and the JACK test load or build JUCE
# binaries this build does not make: they run in the Release stage only.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  IEMEQ_STRESS_SEQUENCES=20 counted_ctest --test-dir build-asan --output-on-failure -j2 \
  -E '^plugin host: |^plugin: editor screenshot|^jack: '

stage "Fuzzing: curve text, APO, GraphicEQ, presets, plugin state"
bash Tests/fuzz/run-fuzzers.sh "${IEMEQ_FUZZ_SECONDS:-30}" build-fuzz

stage "ThreadSanitizer: design worker, LatestSlot, OwnedMailbox, convolver kernel swap"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIEMEQ_SANITIZE=thread \
  -DIEMEQ_BUILD_PLUGIN=OFF -DIEMEQ_BUILD_BENCH=OFF
cmake --build build-tsan -j2 --target iemeq_handoff_tests
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
  counted_ctest --test-dir build-tsan -R '^handoff:' --no-tests=error --output-on-failure

stage "Real-time safety: processBlock allocates, frees, locks and calls the kernel never"
ctest --test-dir build -R '^rt safety:' --no-tests=error -V >build/rt-safety.log 2>&1 || { cat build/rt-safety.log; exit 1; }
grep -A2 'warning:' build/rt-safety.log || true
grep -E 'tests passed' build/rt-safety.log
rt_total=$(grep -oE 'tests failed out of [0-9]+' build/rt-safety.log | grep -oE '[0-9]+$' | tail -1 || echo 0)
passed=$((passed + rt_total))

stage "All tests passed (fuzzers above: no crash, leak, timeout or sanitizer report)"
echo "tests: $passed passed, $failed failed"
