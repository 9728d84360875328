#!/usr/bin/env bash
# Quick start: install what the product needs, build what a user runs (VST3, LV2, the standalone
# app and the command line; Release), and run the main job on the bundled example: Simgot EW200
# (L+R) -> Harman in-ear 2019, parametric correction, rendered clip. The tests, their helpers and
# the benchmarks are built by cmake/run-tests.sh, in the same build folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash cmake/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
targets=(iemeq_cli iemeq_plugin_VST3 iemeq_plugin_LV2 iemeq_plugin_Standalone)
[ "$(uname)" = Darwin ] && targets+=(iemeq_plugin_AU)
cmake --build build -j2 --target "${targets[@]}"
./build/bin/iemeq demo --out build/demo
art=build/iemeq_plugin_artefacts/Release
echo
echo "plugins:       $(pwd)/$art/VST3/iemeq.vst3"
echo "               $(pwd)/$art/LV2/iemeq.lv2"
echo "standalone:    $(pwd)/$art/Standalone/iemeq"
echo "command line:  $(pwd)/build/bin/iemeq --help"
