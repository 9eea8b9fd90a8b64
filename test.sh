#!/usr/bin/env bash
# Runs every test twice: on SQLite (the default) and on PostgreSQL (Database:Provider=Postgres): domain unit tests,
# bUnit component tests, integration tests and Playwright browser tests. The two-instance tests (PostgreSQL + Redis,
# trait Category=Cluster) run once, in the first pass.
# Installs Debian's chromium, postgresql and redis-server if missing, and starts the suite's own PostgreSQL and Redis
# on loopback (scripts/test-services.sh; stopped at the end). RENAKSI_TEST_PROVIDERS="Sqlite" runs one pass only.
set -euo pipefail
cd "$(dirname "$0")"

sudo_cmd=""
if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  echo "Chromium not found at $chromium_path: installing Debian's chromium package..."
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
export CHROMIUM_PATH="$chromium_path"

services_dir="$(mktemp -d /tmp/renaksi-services.XXXXXX)"
cleanup() {
  scripts/test-services.sh stop "$services_dir" || true
  rm -rf "$services_dir"
}
trap cleanup EXIT
eval "$(scripts/test-services.sh start "$services_dir")"
echo "PostgreSQL and Redis for the tests: ${RENAKSI_TEST_POSTGRES%%;Username*}, $RENAKSI_TEST_REDIS"

dotnet build Dashboard.sln --nologo -v q

log="$(mktemp)"
status=0
summaries=""
for provider in ${RENAKSI_TEST_PROVIDERS:-Sqlite Postgres}; do
  filter=()
  if [ "$provider" != "Sqlite" ]; then filter=(--filter "Category!=Cluster"); fi
  echo "=== test suite on $provider ==="
  set +e
  RENAKSI_TEST_PROVIDER="$provider" dotnet test Dashboard.sln --no-build --nologo "${filter[@]}" 2>&1 | tee "$log"
  pass_status=${PIPESTATUS[0]}
  set -e
  # One plain summary line per provider for CI, summed over the test assemblies.
  summary=$(grep -E "^(Passed|Failed)!" "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
    | awk '{f+=$1; p+=$2; s+=$3} END {if (NR) printf "%d passed, %d failed, %d skipped\n", p, f, s}')
  if [ -z "$summary" ]; then
    summary="no test summary found"
    if [ "$pass_status" = "0" ]; then pass_status=1; fi
  fi
  summaries+="tests ($provider): $summary"$'\n'
  if [ "$pass_status" != "0" ]; then status=$pass_status; fi
done
rm -f "$log"
printf "%s" "$summaries"
exit "$status"
