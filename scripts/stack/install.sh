#!/usr/bin/env bash
# Installs the local stack's components if missing: Azurite (npm, pinned) and RabbitMQ (Debian package).
set -euo pipefail
source "$(dirname "$0")/env.sh"
log() { echo "[stack] $*" >&2; }

install_azurite() {
  [ -x "$TOOLS_DIR/azurite/node_modules/.bin/azurite" ] && return 0
  command -v npm >/dev/null || { log "npm is required (apt-get install -y nodejs npm)"; exit 1; }
  log "installing azurite@$AZURITE_VERSION"
  mkdir -p "$TOOLS_DIR/azurite"
  (cd "$TOOLS_DIR/azurite" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
     && npm install --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null)
}

install_rabbitmq() {
  [ -x "$RABBIT_BIN/rabbitmq-server" ] && return 0
  log "installing rabbitmq-server (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq rabbitmq-server >/dev/null
}

what="${1:-all}"
case "$what" in
  all) install_azurite; install_rabbitmq ;;
  azurite) install_azurite ;;
  rabbitmq) install_rabbitmq ;;
  *) log "usage: install.sh [all|azurite|rabbitmq]"; exit 2 ;;
esac
