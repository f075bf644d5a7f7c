#!/usr/bin/env bash
# The local two-country exchange, end to end, on a fresh machine:
#   installs what is missing, starts Azurite + RabbitMQ (loopback), generates dev certificates and keys,
#   starts the country nodes, runs the Lome -> Cinkasse -> Ouagadougou transit and the Tuticorin -> Male
#   pre-arrival flow, and prints what each node archived and indexed.
#   demo.sh [--keep]   (--keep leaves the stack and the nodes running and prints how to reach them)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
keep=false; [ "${1:-}" = "--keep" ] && keep=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

bash scripts/setup.sh
say "Building the node"
dotnet build functions/C2C.Node -c Release -v q -nologo >/dev/null
dotnet build tests/C2C.TraceCollector -c Release -v q -nologo >/dev/null

export C2C_STACK_DIR="$ROOT/.stack/demo"
# Ports of its own, so the demo runs beside the test stack (both loopback only); C2C_DEMO_* override them.
export C2C_AZURITE_BLOB_PORT=${C2C_DEMO_AZURITE_BLOB_PORT:-10200} C2C_AZURITE_QUEUE_PORT=${C2C_DEMO_AZURITE_QUEUE_PORT:-10201} C2C_AZURITE_TABLE_PORT=${C2C_DEMO_AZURITE_TABLE_PORT:-10202}
export C2C_RABBIT_PORT=${C2C_DEMO_RABBIT_PORT:-5782} C2C_RABBIT_DIST_PORT=${C2C_DEMO_RABBIT_DIST_PORT:-25782} C2C_EPMD_PORT=${C2C_DEMO_EPMD_PORT:-4479} C2C_RABBIT_MGMT_PORT=${C2C_DEMO_RABBIT_MGMT_PORT:-15782}
node_base=${C2C_DEMO_NODE_PORT_BASE:-$(( ${C2C_DEMO_NODE_PORT:-7101} - 1 ))}   # TG +1, BF +2, IN +3, MV +4 (C2C_DEMO_NODE_PORT: the first node's)
OTLP_PORT=${C2C_DEMO_OTLP_PORT:-14318}        # the demo's OpenTelemetry collector (tests/C2C.TraceCollector)
DEMO="$C2C_STACK_DIR/nodes"
# Every run starts from empty storage and broker: the samples carry fixed MRNs and message ids.
bash scripts/stack/stop.sh all >/dev/null 2>&1 || true
rm -rf "$C2C_STACK_DIR"
bash scripts/stack/start.sh all
source "$C2C_STACK_DIR/env"
bash scripts/certs/generate-dev-certs.sh --signing-key ec "$ROOT/.certs" TG BF IN MV >/dev/null
countries=(TG BF IN MV)
bash scripts/demo/node-config.sh "$DEMO" "$ROOT/.certs" "$C2C_STORAGE_CONNECTION_STRING" "$C2C_RABBITMQ_URI" "${countries[@]}"
source "$DEMO/keys.env"

declare -A port=([TG]=$((node_base + 1)) [BF]=$((node_base + 2)) [IN]=$((node_base + 3)) [MV]=$((node_base + 4)))
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  bash scripts/stack/stop.sh all
}
$keep || trap stop_all EXIT

say "Starting an OpenTelemetry collector and the country nodes (they export their spans to it over OTLP)"
dotnet tests/C2C.TraceCollector/bin/Release/net10.0/C2C.TraceCollector.dll "$OTLP_PORT" > "$DEMO/collector.log" 2>&1 &
pids+=($!)
export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$OTLP_PORT" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf OTEL_BSP_SCHEDULE_DELAY=500
for cc in "${countries[@]}"; do
  lower=$(tr A-Z a-z <<<"$cc")
  dotnet functions/C2C.Node/bin/Release/net10.0/C2C.Node.dll --urls "http://127.0.0.1:${port[$cc]}" \
    --ConfigFile "$DEMO/$lower.json" > "$DEMO/$lower.log" 2>&1 &
  pids+=($!)
  echo "$cc node: http://127.0.0.1:${port[$cc]} (pid $!, log $DEMO/$lower.log)"
done
for cc in "${countries[@]}"; do
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:${port[$cc]}/health" >/dev/null && break; sleep 0.2; done
  curl -fs "http://127.0.0.1:${port[$cc]}/health" >/dev/null || { echo "$cc node did not start:"; tail -30 "$DEMO/$(tr A-Z a-z <<<"$cc").log"; exit 1; }
done

source scripts/demo/flows.sh
run_flows
source scripts/demo/dashboard.sh
run_dashboard

if $keep; then
  say "Still running (stop with: kill ${pids[*]}; bash scripts/stack/stop.sh)"
  echo "API keys: $DEMO/keys.env"
  echo "Auditor console: http://127.0.0.1:${port[BF]}/console (key: \$BF_AUDIT_KEY from keys.env), likewise for TG, IN, MV"
  echo "Corridor dashboard: http://127.0.0.1:${port[TG]}/dashboard (key: \$TG_AUDIT_KEY), route: /dashboard?mrn=$MRN2"
fi
