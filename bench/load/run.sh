#!/usr/bin/env bash
# Load harness: starts the API (Release build, Development settings, demo data on a fresh SQLite file) on a local port,
# signs in as demo accounts and measures requests per second with wrk (bounded: a few seconds per endpoint), then prints
# each endpoint's throughput as a ratio to /health measured in the same run. Only 127.0.0.1 is ever a target.
#
#   bash bench/load/run.sh [repo-root]   # default: this checkout; pass another checkout to compare two commits
#
# Needs wrk (apt-get install -y wrk). Settings: DURATION (seconds per endpoint, default 8), CONNECTIONS (default 16),
# THREADS (default 2), PORT (default 5190).
set -euo pipefail
root=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
duration=${DURATION:-8}
connections=${CONNECTIONS:-16}
threads=${THREADS:-2}
port=${PORT:-5190}
base="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

data=$(mktemp -d)
out=$(mktemp -d)
dotnet publish "$root/src/School.Api" -c Release -o "$out" --nologo -v quiet >/dev/null
# Run from the publish folder: it is the content root, where appsettings*.json are.
(cd "$out" && ASPNETCORE_ENVIRONMENT=Development Storage__Root="$data" Logging__LogLevel__Default=Warning \
  exec dotnet School.Api.dll --urls "$base") >"$data/api.log" 2>&1 &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null; rm -rf "$data" "$out"' EXIT
for _ in $(seq 1 120); do curl -sf "$base/health" >/dev/null && break; sleep 0.5; done
curl -sf "$base/health" >/dev/null || { echo "The API did not start:" >&2; cat "$data/api.log" >&2; exit 1; }

token() {
  curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"demo-Passw0rd\"}" "$base/api/auth/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
parent=$(token parent@bridgemary.demo)
child=$(curl -sf -H "Authorization: Bearer $parent" "$base/api/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["children"][0]["id"])')

rps() { # url [token]
  local args=(-t"$threads" -c"$connections" -d"${duration}s" --latency)
  [ -n "${2:-}" ] && args+=(-H "Authorization: Bearer $2")
  wrk -t1 -c4 -d2s ${2:+-H "Authorization: Bearer $2"} "$1" >/dev/null # warm-up: JIT and caches, not measured
  wrk "${args[@]}" "$1" | awk '/Requests\/sec/ {print $2}'
}

health=$(rps "$base/health")
printf '%-44s %12s %10s\n' endpoint 'requests/s' 'ratio'
printf '%-44s %12.0f %10s\n' "/health" "$health" "1"
for spec in "/api/me|$parent" "/api/students/$child|$parent" "/api/students/$child/learning-plan|$parent" \
            "/api/students/$child/portfolio/entries|$parent" "/api/students/$child/timetable|$parent"; do
  path=${spec%%|*}; tok=${spec#*|}
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" "$base$path")
  r=$(rps "$base$path" "$tok")
  label=${path//$child/{id\}}
  printf '%-44s %12.0f %10.4f  (HTTP %s)\n' "$label" "$r" "$(python3 -c "print($r/$health)")" "$status"
done
