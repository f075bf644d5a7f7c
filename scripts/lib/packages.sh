# Package installs shared by setup.sh, stack/install.sh and certs/ (sourced, not run).
# CI runners (GitHub-hosted) are not root: apt-get goes through sudo there; as root it runs as it is.

# as_root COMMAND...: runs COMMAND as root, with sudo when we are not root and sudo exists.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    echo "need root (or sudo) for: $*" >&2
    return 1
  fi
}

# apt_install PACKAGE...: one quiet apt-get update + install.
apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# npm_tool DIR PACKAGE@VERSION...: installs pinned npm packages into DIR (its own package.json), once.
npm_tool() {
  local dir="$1"; shift
  command -v npm >/dev/null || { echo "npm is required (scripts/setup.sh installs nodejs and npm)" >&2; return 1; }
  mkdir -p "$dir"
  (cd "$dir" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
     && npm install --no-audit --no-fund --save-exact --loglevel=error "$@" >/dev/null)
}
