#!/usr/bin/env bash
# Installs alpscan's build and test dependencies from Debian 12 packages (needs root or sudo).
# Skips apt entirely when everything is already installed, so it is cheap to call every time.
set -euo pipefail
PKGS=(build-essential cmake git
      openmpi-bin libopenmpi-dev libboost-mpi-dev libboost-serialization-dev
      libgsl-dev nlohmann-json3-dev libspdlog-dev catch2 libhdf5-dev hdf5-tools zlib1g-dev
      python3-h5py python3-jsonschema python3-matplotlib python3-numpy
      clang-14 libclang-rt-14-dev llvm-14)  # scripts/run-fuzzers.sh: libFuzzer and its sanitizers, llvm-symbolizer
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#PKGS[@]} packages present"
  exit 0
fi
SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
