#!/usr/bin/env bash
# Installs the local stack's components if missing: Azurite (npm, pinned) and RabbitMQ (Debian package).
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$(dirname "$0")/../lib/packages.sh"
log() { echo "[stack] $*" >&2; }

install_azurite() {
  [ -x "$TOOLS_DIR/azurite/node_modules/.bin/azurite" ] && return 0
  log "installing azurite@$AZURITE_VERSION"
  npm_tool "$TOOLS_DIR/azurite" "azurite@$AZURITE_VERSION"
}

install_rabbitmq() {
  [ -x "$RABBIT_BIN/rabbitmq-server" ] && return 0
  log "installing rabbitmq-server (Debian package)"
  apt_install rabbitmq-server
}

what="${1:-all}"
case "$what" in
  all) install_azurite; install_rabbitmq ;;
  azurite) install_azurite ;;
  rabbitmq) install_rabbitmq ;;
  *) log "usage: install.sh [all|azurite|rabbitmq]"; exit 2 ;;
esac
