#!/usr/bin/env bash
# The whole test suite, as CI runs it: Release build + ctest, then the same tests under
# AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash cmake/install-deps.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/iemeq-ccache}"

echo "== Release build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build and tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIEMEQ_SANITIZE=address,undefined -DIEMEQ_BUILD_BENCH=OFF
cmake --build build-asan -j2 --target iemeq_tests iemeq_plugin_tests iemeq_cli
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j2
