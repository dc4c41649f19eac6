#!/usr/bin/env bash
# Tools the web player's tests use, beside the project (nothing here ships in the app):
#  - headless Chromium (Debian's chromium) plays the packages;
#  - Node runs Learning Locker's xapi-validation (GPL-3.0, so it is installed in a cache by scripts/xapi-validate.sh,
#    not kept in the repository) over the cmi5 statements.
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "test-tools: installing ${need[*]}"
  $SUDO apt-get update -q || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}"
fi
bash "$(dirname "$0")/xapi-validate.sh" --install
echo "test-tools: chromium $(command -v chromium || command -v chromium-browser), node $(node --version)"
