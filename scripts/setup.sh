#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine with the .NET 10 SDK:
# Debian packages (chromium, openssl, xmlsec1, poppler-utils, fonts-dejavu-core; rabbitmq-server via scripts/stack/install.sh), Azurite and action-validator from npm
# (pinned), NuGet packages (restore).
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
command -v xmlsec1 >/dev/null || need_apt+=(xmlsec1)   # an independent XMLDSig implementation for the interoperability tests
command -v pdftoppm >/dev/null || need_apt+=(poppler-utils)   # the transit accompanying document rendered to PNG in its tests
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)   # the font the TAD is printed in (DocumentFonts)
command -v npm >/dev/null || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  apt_install "${need_apt[@]}"
fi
command -v dotnet >/dev/null || { log "the .NET 10 SDK is required (dotnet on PATH)"; exit 1; }
bash scripts/stack/install.sh all
# GitHub workflow and action schema check for tests/C2C.Infra.Tests (SchemaStore schemas bundled: works offline).
ACTION_VALIDATOR_VERSION=0.6.0
validator="${C2C_TOOLS_DIR:-$PWD/.tools}/action-validator"
if ! grep -qs "\"version\": \"$ACTION_VALIDATOR_VERSION\"" "$validator/node_modules/@action-validator/cli/package.json"; then
  log "installing @action-validator/cli@$ACTION_VALIDATOR_VERSION"
  npm_tool "$validator" "@action-validator/cli@$ACTION_VALIDATOR_VERSION" "@action-validator/core@$ACTION_VALIDATOR_VERSION"
fi
dotnet restore Serverless.sln -v q >/dev/null
