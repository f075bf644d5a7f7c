#!/usr/bin/env bash
# Stops what start.sh started (by PID / node name). Idempotent.
set -uo pipefail
source "$(dirname "$0")/env.sh"
log() { echo "[stack] $*" >&2; }

stop_azurite() {
  local pidf="$C2C_STACK_DIR/azurite.pid"
  [ -f "$pidf" ] || return 0
  local pid; pid=$(cat "$pidf")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; wait_for 10 bash -c "! kill -0 $pid 2>/dev/null" || kill -9 "$pid" 2>/dev/null
    log "azurite stopped"
  fi
  rm -f "$pidf"
}

stop_rabbitmq() {
  [ -d "$C2C_STACK_DIR/rabbit" ] || return 0
  rabbit_env
  if port_open "$C2C_RABBIT_PORT"; then
    timeout 60 "$RABBIT_BIN/rabbitmqctl" -q shutdown >/dev/null 2>&1 || {
      [ -f "$RABBITMQ_PID_FILE" ] && kill -9 "$(cat "$RABBITMQ_PID_FILE")" 2>/dev/null; }
    log "rabbitmq stopped"
  fi
  local launcher="$C2C_STACK_DIR/rabbit/launcher.pid"
  [ -f "$launcher" ] && kill "$(cat "$launcher")" 2>/dev/null; rm -f "$launcher"
  # Our epmd only (own port); it would otherwise outlive the broker.
  epmd -port "$C2C_EPMD_PORT" -kill >/dev/null 2>&1 || true
}

what="${1:-all}"
case "$what" in
  all) stop_azurite; stop_rabbitmq ;;
  azurite) stop_azurite ;;
  rabbitmq) stop_rabbitmq ;;
  *) log "usage: stop.sh [all|azurite|rabbitmq]"; exit 2 ;;
esac
exit 0
