#!/usr/bin/env bash
# Starts the local stack: Azurite (blobs, queues, tables) and RabbitMQ, both on 127.0.0.1, non-default ports.
# Installs what is missing (install.sh). Idempotent: a running stack is reused.
# Writes $C2C_STACK_DIR/env with the connection settings (source it).
set -euo pipefail
source "$(dirname "$0")/env.sh"
mkdir -p "$C2C_STACK_DIR"
log() { echo "[stack] $*" >&2; }
# Azurite's well-known development key (public, the same in every Azurite).
AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

start_azurite() {
  local pidf="$C2C_STACK_DIR/azurite.pid"
  if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null && port_open "$C2C_AZURITE_TABLE_PORT"; then
    log "azurite already running (pid $(cat "$pidf"))"; return 0
  fi
  for p in "$C2C_AZURITE_BLOB_PORT" "$C2C_AZURITE_QUEUE_PORT" "$C2C_AZURITE_TABLE_PORT"; do
    port_open "$p" && { log "port $p is taken by another process"; exit 1; }
  done
  mkdir -p "$C2C_STACK_DIR/azurite"
  # Benchmarks only: C2C_AZURITE_ACCESS_LOG=1 keeps Azurite's access log (one line per request, counted by the bench);
  # C2C_AZURITE_IN_MEMORY=1 drops its periodic full-database JSON save, which slows it as it fills (not restart-safe).
  local extra=(--silent) persistence=(--location "$C2C_STACK_DIR/azurite")
  [ "${C2C_AZURITE_ACCESS_LOG:-0}" = 1 ] && extra=()
  [ "${C2C_AZURITE_IN_MEMORY:-0}" = 1 ] && persistence=(--inMemoryPersistence)
  # Benchmarks only: C2C_AZURITE_TASKHUB_ACCOUNT=name serves a second account (same key) for the nodes' task hubs, so
  # the access log tells the engine's requests from ours by account (a table transaction's URL names no table).
  if [ -n "${C2C_AZURITE_TASKHUB_ACCOUNT:-}" ]; then
    export AZURITE_ACCOUNTS="devstoreaccount1:$AZURITE_KEY;$C2C_AZURITE_TASKHUB_ACCOUNT:$AZURITE_KEY"
  fi
  setsid "$TOOLS_DIR/azurite/node_modules/.bin/azurite" "${extra[@]}" "${persistence[@]}" \
    --skipApiVersionCheck --disableTelemetry --loose \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$C2C_AZURITE_BLOB_PORT" --queuePort "$C2C_AZURITE_QUEUE_PORT" --tablePort "$C2C_AZURITE_TABLE_PORT" \
    > "$C2C_STACK_DIR/azurite.log" 2>&1 < /dev/null &
  echo $! > "$pidf"
  wait_for 30 bash -c "source '$(dirname "$0")/env.sh'; port_open $C2C_AZURITE_BLOB_PORT && port_open $C2C_AZURITE_QUEUE_PORT && port_open $C2C_AZURITE_TABLE_PORT" \
    || { log "azurite did not open its ports in 30 s"; tail -20 "$C2C_STACK_DIR/azurite.log" >&2; exit 1; }
  log "azurite ready (pid $(cat "$pidf"))"
}

start_rabbitmq() {
  rabbit_env
  mkdir -p "$HOME" "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"
  if port_open "$C2C_RABBIT_PORT" && "$RABBIT_BIN/rabbitmqctl" -q status >/dev/null 2>&1; then
    log "rabbitmq already running on $C2C_RABBIT_PORT"; return 0
  fi
  port_open "$C2C_RABBIT_PORT" && { log "port $C2C_RABBIT_PORT is taken by another process"; exit 1; }
  cat > "$RABBITMQ_CONFIG_FILE.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$C2C_RABBIT_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $C2C_RABBIT_MGMT_PORT
CONF
  "$RABBIT_BIN/rabbitmq-plugins" enable --offline rabbitmq_management >/dev/null
  setsid "$RABBIT_BIN/rabbitmq-server" > "$RABBITMQ_LOG_BASE/console.log" 2>&1 < /dev/null &
  echo $! > "$C2C_STACK_DIR/rabbit/launcher.pid"
  timeout 90 "$RABBIT_BIN/rabbitmqctl" -q await_startup --timeout 80 >/dev/null 2>&1 \
    || wait_for 30 port_open "$C2C_RABBIT_PORT" \
    || { log "rabbitmq did not start"; tail -30 "$RABBITMQ_LOG_BASE/console.log" >&2; exit 1; }
  log "rabbitmq ready on 127.0.0.1:$C2C_RABBIT_PORT (management $C2C_RABBIT_MGMT_PORT)"
}

connection_string() {
  local acct=$1
  echo "DefaultEndpointsProtocol=http;AccountName=$acct;AccountKey=$AZURITE_KEY;BlobEndpoint=http://127.0.0.1:$C2C_AZURITE_BLOB_PORT/$acct;QueueEndpoint=http://127.0.0.1:$C2C_AZURITE_QUEUE_PORT/$acct;TableEndpoint=http://127.0.0.1:$C2C_AZURITE_TABLE_PORT/$acct;"
}

write_env() {
  cat > "$C2C_STACK_DIR/env" <<ENV
export C2C_STORAGE_CONNECTION_STRING='$(connection_string devstoreaccount1)'
export C2C_RABBITMQ_URI='amqp://guest:guest@127.0.0.1:$C2C_RABBIT_PORT/'
export C2C_STACK_DIR='$C2C_STACK_DIR'
export C2C_AZURITE_BLOB_PORT=$C2C_AZURITE_BLOB_PORT C2C_AZURITE_QUEUE_PORT=$C2C_AZURITE_QUEUE_PORT C2C_AZURITE_TABLE_PORT=$C2C_AZURITE_TABLE_PORT
export C2C_RABBIT_PORT=$C2C_RABBIT_PORT C2C_RABBIT_DIST_PORT=$C2C_RABBIT_DIST_PORT C2C_EPMD_PORT=$C2C_EPMD_PORT C2C_RABBIT_MGMT_PORT=$C2C_RABBIT_MGMT_PORT
ENV
  if [ -n "${C2C_AZURITE_TASKHUB_ACCOUNT:-}" ]; then
    echo "export C2C_TASKHUB_CONNECTION_STRING='$(connection_string "$C2C_AZURITE_TASKHUB_ACCOUNT")'" >> "$C2C_STACK_DIR/env"
  fi
}

what="${1:-all}"   # all | azurite | rabbitmq
case "$what" in
  all) bash "$(dirname "$0")/install.sh" all; start_azurite; start_rabbitmq ;;
  azurite) bash "$(dirname "$0")/install.sh" azurite; start_azurite ;;
  rabbitmq) bash "$(dirname "$0")/install.sh" rabbitmq; start_rabbitmq ;;
  *) log "usage: start.sh [all|azurite|rabbitmq]"; exit 2 ;;
esac
write_env
log "settings: source $C2C_STACK_DIR/env"
