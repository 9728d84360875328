#!/usr/bin/env bash
# Installs the Debian 12 packages iemeq builds with (and, with --tests, tests with). Idempotent;
# works as root or via sudo.
set -euo pipefail
# What the product needs to build (plugin, standalone app, command line) ...
PACKAGES=(
  build-essential cmake pkg-config ccache git
  juce-modules-source libeigen3-dev libfftw3-dev nlohmann-json3-dev catch2
  libasound2-dev libjack-jackd2-dev libfreetype-dev libfontconfig1-dev
  libx11-dev libxrandr-dev libxinerama-dev libxcursor-dev libxext-dev libxcomposite-dev
  libflac-dev libvorbis-dev libogg-dev libpng-dev libjpeg-dev zlib1g-dev fonts-dejavu-core
)
# ... and what only the test suite uses (`install-deps.sh --tests`, as cmake/run-tests.sh calls it):
# a virtual display, sox, python3, clang for the fuzzers, a JACK server.
if [ "${1:-}" = "--tests" ]; then
  PACKAGES+=(xvfb xauth sox python3 clang-14 libclang-rt-14-dev jackd2)
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# libcurl headers (measurement libraries): any flavour will do; the OpenSSL one when there is none
# (the GnuTLS one JUCE's package may have pulled in is not swapped out).
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
installed libcurl4-openssl-dev || installed libcurl4-gnutls-dev || installed libcurl4-nss-dev || missing+=(libcurl4-openssl-dev)
if [ ${#missing[@]} -eq 0 ]; then
  echo "iemeq: all build dependencies are installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "iemeq: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
