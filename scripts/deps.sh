#!/bin/sh
# Installs what briefpack needs to build, run and test on Debian bookworm.
set -e
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  build-essential cmake pkg-config \
  libcairo2-dev libpango1.0-dev libconfig-dev zlib1g-dev check libsubunit-dev \
  fonts-noto-core fonts-noto-cjk fonts-dejavu-core tzdata \
  poppler-utils qpdf python3 python3-fonttools >/dev/null
