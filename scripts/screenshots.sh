#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: the app in demo mode (sample data, clock on 15 Nov 2025) on a throwaway database.
set -euo pipefail
cd "$(dirname "$0")/.."
db="$(mktemp -d)/screens.db"
port=5091
dotnet build Dashboard.App -v q -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Dashboard="Data Source=$db" Dashboard__Today=2025-11-15 \
  Urls="http://127.0.0.1:$port" dotnet run --no-build --project Dashboard.App >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 1; done
shot() { # name width height path
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --virtual-time-budget=8000 \
    --window-size="$2,$3" --screenshot="docs/screenshots/$1.png" "http://127.0.0.1:$port$4" 2>/dev/null
}
shot dashboard-1920 1920 1080 "/?tw=3"
shot dashboard-phone-360 360 800 "/?tw=3"
shot plan-checks 1440 900 "/pemeriksaan"
shot input-phone-360 360 1400 "/input?indikator=T1.S1.P1.K1.SK1.I1&tw=3"
echo "screenshots written to docs/screenshots/"
