#!/usr/bin/env bash
# Development keys and certificates for the C2C nodes (never for production, never committed).
#
#   generate-dev-certs.sh [--signing-key rsa|ec] OUTPUT_DIR [COUNTRY ...]     (countries default: TG BF IN MV)
#
# Creates in OUTPUT_DIR:
#   ca/ca.crt.pem, ca/ca.key.pem                       local development CA (ECDSA P-256)
#   CC/signing.{key.pem,crt.pem,pfx,pfx.password,sha256}  message signing certificate of administration CC
#                                                       (RSA 3072 by default, ECDSA P-256 with --signing-key ec)
#   CC/tls.{key.pem,crt.pem,pfx,pfx.password}          TLS server certificate of node CC for 127.0.0.1 / localhost
#   CC/client.{key.pem,crt.pem,pfx,pfx.password,sha256}   client certificate of CC for mutual TLS towards other nodes
# The *.sha256 files hold the SHA-256 thumbprint that partners pin in C2C:Partners (docs/security.md).
# Idempotent: existing files are kept (delete OUTPUT_DIR to start over). Exit codes: 2 usage, 3 no openssl.
set -euo pipefail
umask 077

signing_key=rsa
if [[ "${1:-}" == "--signing-key" ]]; then
  signing_key="${2:-}"
  shift 2 || true
fi
if [[ $# -lt 1 || ( "$signing_key" != rsa && "$signing_key" != ec ) ]]; then
  echo "usage: $0 [--signing-key rsa|ec] OUTPUT_DIR [COUNTRY ...]" >&2
  exit 2
fi
out="$1"
shift
countries=("$@")
[[ ${#countries[@]} -gt 0 ]] || countries=(TG BF IN MV)
for cc in "${countries[@]}"; do
  [[ "$cc" =~ ^[A-Z]{2}$ ]] || { echo "country '$cc' is not an ISO 3166-1 alpha-2 code (two capital letters)" >&2; exit 2; }
done

if ! command -v openssl >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "openssl not found; installing it with apt-get" >&2
    source "$(dirname "$0")/../lib/packages.sh"
    apt_install openssl 2>/dev/null || true
  fi
  command -v openssl >/dev/null 2>&1 || { echo "openssl is not installed and could not be installed" >&2; exit 3; }
fi

mkdir -p "$out"
# The output holds private keys: keep it out of git whatever the repository's .gitignore says.
[[ -e "$out/.gitignore" ]] || printf '*\n' > "$out/.gitignore"

# Runs "generate TARGET_TMP" only when TARGET is missing; the new file appears atomically (mv) when complete.
make_file() {
  local target="$1"; shift
  if [[ -e "$target" ]]; then
    echo "skip    $target (exists)"
    return 0
  fi
  local tmp
  tmp="$(mktemp "$target.XXXXXX")"
  if "$@" "$tmp"; then
    mv "$tmp" "$target"
    echo "created $target"
  else
    rm -f "$tmp"
    echo "failed to create $target" >&2
    return 1
  fi
}

ec_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
rsa_key() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$1" 2>/dev/null; }
password() { openssl rand -hex 24 > "$1"; }

ca_cert() {
  openssl req -x509 -new -key "$out/ca/ca.key.pem" -sha256 -days 1825 \
    -subj "/CN=C2C development CA/O=C2C Transit Exchange (development only)" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" -out "$1"
}

# leaf_cert KEY SUBJECT EXTENSIONS OUTPUT: a certificate issued by the development CA.
leaf_cert() {
  local key="$1" subject="$2" extensions="$3" output="$4" csr ext
  csr="$(mktemp)"; ext="$(mktemp)"
  printf '[leaf]\nbasicConstraints=critical,CA:FALSE\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n%b\n' "$extensions" > "$ext"
  openssl req -new -key "$key" -subj "$subject" -out "$csr" &&
    openssl x509 -req -in "$csr" -CA "$out/ca/ca.crt.pem" -CAkey "$out/ca/ca.key.pem" \
      -set_serial "0x$(openssl rand -hex 16)" -days 825 -sha256 \
      -extfile "$ext" -extensions leaf -out "$output" 2>/dev/null
  local status=$?
  rm -f "$csr" "$ext"
  return $status
}

# pfx BASE OUTPUT: PKCS#12 of BASE.key.pem + BASE.crt.pem (+ the CA), protected by BASE.pfx.password.
pfx() {
  openssl pkcs12 -export -inkey "$1.key.pem" -in "$1.crt.pem" -certfile "$out/ca/ca.crt.pem" \
    -name "$(basename "$(dirname "$1")") $(basename "$1")" -passout "file:$1.pfx.password" -out "$2"
}

thumbprint() { openssl x509 -in "$1" -noout -fingerprint -sha256 | cut -d= -f2 | tr -d ':' > "$2"; }

mkdir -p "$out/ca"
make_file "$out/ca/ca.key.pem" ec_key
make_file "$out/ca/ca.crt.pem" ca_cert

for cc in "${countries[@]}"; do
  dir="$out/$cc"
  mkdir -p "$dir"

  if [[ "$signing_key" == rsa ]]; then make_file "$dir/signing.key.pem" rsa_key; else make_file "$dir/signing.key.pem" ec_key; fi
  make_file "$dir/signing.crt.pem" leaf_cert "$dir/signing.key.pem" "/CN=C2C $cc customs message signing/O=Customs administration $cc (development)/C=$cc" \
    'keyUsage=critical,digitalSignature,nonRepudiation'
  make_file "$dir/signing.sha256" thumbprint "$dir/signing.crt.pem"

  make_file "$dir/tls.key.pem" ec_key
  make_file "$dir/tls.crt.pem" leaf_cert "$dir/tls.key.pem" "/CN=localhost/O=C2C node $cc (development)/C=$cc" \
    'keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost'

  make_file "$dir/client.key.pem" ec_key
  make_file "$dir/client.crt.pem" leaf_cert "$dir/client.key.pem" "/CN=C2C $cc node client/O=Customs administration $cc (development)/C=$cc" \
    'keyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth'
  make_file "$dir/client.sha256" thumbprint "$dir/client.crt.pem"

  for base in signing tls client; do
    make_file "$dir/$base.pfx.password" password
    make_file "$dir/$base.pfx" pfx "$dir/$base"
  done
done

echo
echo "SHA-256 thumbprints to register at the partner nodes (C2C:Partners, see docs/security.md):"
for cc in "${countries[@]}"; do
  echo "  $cc signing $(cat "$out/$cc/signing.sha256")"
  echo "  $cc client  $(cat "$out/$cc/client.sha256")"
done
