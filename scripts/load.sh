#!/usr/bin/env bash
# Load: 50 concurrent reviewers (API reads, API submissions, queue page loads with logged-in sessions)
# against ONE workbench instance on loopback only, bounded in time and in count. Starts its own server
# on a fresh data directory with demo applications, creates an API token, runs `./shinsa load`, stops
# the server and prints a Markdown report (also written to review-app/target/load-report.md).
#   scripts/load.sh                     # defaults: 50 clients, 60 s, at most 20,000 requests
#   CLIENTS=50 LOAD_SECONDS=120 MAX_REQUESTS=50000 MAX_SUBMISSIONS=20 PORT=18181 scripts/load.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CLIENTS="${CLIENTS:-50}"
LOAD_SECONDS="${LOAD_SECONDS:-60}"
MAX_REQUESTS="${MAX_REQUESTS:-20000}"
PORT="${PORT:-18181}"
DEMO_APPS="${DEMO_APPS:-20}"
MAX_SUBMISSIONS="${MAX_SUBMISSIONS:-20}"
REVIEW_THREADS="${REVIEW_THREADS:-1}"   # background review threads of the server (shinsa.review.threads; 1 is the workbench default)
PASSWORD="${SHINSA_DEMO_PASSWORD:-shinsa-demo}"
DATA="$(mktemp -d -t shinsa-load-XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT

./shinsa help >/dev/null   # builds the application when missing or stale
echo "load: starting the workbench on 127.0.0.1:$PORT (data in $DATA)" >&2
SHINSA_DEMO_PASSWORD="$PASSWORD" ./shinsa serve --port "$PORT" --server.address=127.0.0.1 \
  --shinsa.data-dir="$DATA" --shinsa.demo.applications="$DEMO_APPS" --shinsa.review.threads="$REVIEW_THREADS" >"$DATA/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 180); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/login" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server did not start:" >&2; tail -50 "$DATA/server.log" >&2; exit 1; }
  sleep 1
done
TOKEN="$(./shinsa token create --name "load-$$" --role EXAMINER --data-dir "$DATA")"
mkdir -p review-app/target
./shinsa load --base "http://127.0.0.1:$PORT" --token "$TOKEN" --user examiner --password "$PASSWORD" \
  --clients "$CLIENTS" --seconds "$LOAD_SECONDS" --max-requests "$MAX_REQUESTS" --max-submissions "$MAX_SUBMISSIONS" | tee review-app/target/load-report.md
echo "settings: clients $CLIENTS, ${LOAD_SECONDS} s, max $MAX_REQUESTS requests, max $MAX_SUBMISSIONS submissions, review threads $REVIEW_THREADS" | tee -a review-app/target/load-report.md
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $(date -u +%Y-%m-%dT%H:%MZ)" | tee -a review-app/target/load-report.md
