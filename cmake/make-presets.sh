#!/bin/sh
# Regenerates the shipped presets (Presets/) from Presets/measurements with the current designer.
# Run it whenever the PEQ designer changes, then review `git diff Presets/` and commit.
#
#   cmake/make-presets.sh [path/to/iemeq] [OUTDIR]
#
# Defaults: build/bin/iemeq, and Presets/ itself. The test "shipped presets are what the code
# produces" runs this script into a temporary folder and compares every file byte for byte.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
iemeq=${1:-$root/build/bin/iemeq}
out=${2:-$root/Presets}
meas=$root/Presets/measurements

"$iemeq" batch "$meas" --target harman2019 --author "iemeq (cmake/make-presets.sh)" \
    --preset-dir "$out/harman-in-ear-2019"
# Diffuse field suits the IEMs tuned close to it (Etymotic) and a few neutral ones.
"$iemeq" batch "$meas" --target df --author "iemeq (cmake/make-presets.sh)" \
    --only "ER4XR,ER2XR,Andromeda,Monarch MK2" --preset-dir "$out/diffuse-field"
