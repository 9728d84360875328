#!/usr/bin/env bash
# Quick start: install dependencies, build everything (Release), and run the main job on the bundled
# example: Simgot EW200 (L+R) -> Harman in-ear 2019, parametric correction, rendered clip.
set -euo pipefail
cd "$(dirname "$0")/.."
bash cmake/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2
./build/bin/iemeq demo --out build/demo
art=build/iemeq_plugin_artefacts/Release
echo
echo "plugins:       $(pwd)/$art/VST3/iemeq.vst3"
echo "               $(pwd)/$art/LV2/iemeq.lv2"
echo "standalone:    $(pwd)/$art/Standalone/iemeq"
echo "command line:  $(pwd)/build/bin/iemeq --help"
