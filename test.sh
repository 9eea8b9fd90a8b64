#!/usr/bin/env bash
# Runs every test: domain unit tests, bUnit component tests, integration tests and Playwright browser tests.
# Installs Debian's Chromium for the browser tests if it is missing.
set -euo pipefail
cd "$(dirname "$0")"

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  echo "Chromium not found at $chromium_path: installing Debian's chromium package..."
  sudo_cmd=""
  if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
export CHROMIUM_PATH="$chromium_path"

log="$(mktemp)"
set +e
dotnet test Dashboard.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain summary line for CI, summed over the test assemblies.
summary=$(grep -E "^(Passed|Failed)!" "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {if (NR) printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}')
rm -f "$log"
if [ -n "$summary" ]; then echo "$summary"; fi
if [ -z "$summary" ] && [ "$status" = "0" ]; then echo "no test summary found" >&2; exit 1; fi
exit "$status"
