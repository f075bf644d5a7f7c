#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine with the .NET 10 SDK:
# Debian packages (chromium, openssl; rabbitmq-server via scripts/stack/install.sh), Azurite from npm (pinned), NuGet packages (restore).
# Idempotent and quiet when everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "[setup] $*" >&2; }
source scripts/lib/packages.sh

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v openssl >/dev/null || need_apt+=(openssl)
command -v jq >/dev/null || need_apt+=(jq)
command -v curl >/dev/null || need_apt+=(curl)
command -v npm >/dev/null || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  apt_install "${need_apt[@]}"
fi
command -v dotnet >/dev/null || { log "the .NET 10 SDK is required (dotnet on PATH)"; exit 1; }
bash scripts/stack/install.sh all
dotnet restore Serverless.sln -v q >/dev/null
