#!/usr/bin/env bash
# Runs every test: unit, integration (Azurite + RabbitMQ), end-to-end, infrastructure and browser tests.
# Installs what is missing, starts the local stack for the run, stops it afterwards (by PID),
# and ends with one line: "tests: N passed, M failed" counted from the TRX results.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/setup.sh || { echo "setup failed"; echo "tests: 0 passed, 1 failed"; exit 1; }

export C2C_STACK_DIR="$ROOT/.stack/test"
bash scripts/stack/start.sh all || { echo "tests: 0 passed, 1 failed"; exit 1; }
trap 'bash scripts/stack/stop.sh all' EXIT
source "$C2C_STACK_DIR/env"

results="$ROOT/TestResults"
rm -rf "$results"
dotnet build Serverless.sln -c Debug -v q -nologo 2>&1 | tail -3
build_rc=${PIPESTATUS[0]}
status=0
if [ "$build_rc" -ne 0 ]; then
  echo "build failed"; status=1
else
  # -m:1: one test project at a time; the end-to-end fault test restarts the shared broker and Azurite.
  dotnet test Serverless.sln --no-build -v q -nologo -m:1 \
    --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" || status=1
fi

# Totals from the TRX files (one per test project), not from console text.
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
done
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1   # a crash or build failure must not read as green
echo "tests: $passed passed, $failed failed"
exit "$status"
