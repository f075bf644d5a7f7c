#!/usr/bin/env bash
# Writes the configuration of the local demo nodes (one JSON file per country) and their API keys.
#   node-config.sh OUT_DIR CERTS_DIR STORAGE_CONNECTION_STRING RABBITMQ_URI COUNTRY...
# Every node registers: its national office systems (API key), its auditor (API key), and every other country as a
# partner administration (offices + signing certificate + API key); and the comprehensive guarantee the sample
# declaration names (its national register is not connected in the demo), which Togo's releases reserve against. Keys are random per run; only hashes are in the
# JSON files; the keys themselves go to OUT_DIR/keys.env (mode 600).
set -euo pipefail
out="$1" certs="$2" storage="$3" rabbit="$4"; shift 4
countries=("$@")
mkdir -p "$out"; umask 077

declare -A offices=(
  [TG]='"TGLOM001","TGCIN001"'
  [BF]='"BFCIN001","BFOUA001","BFBOB001","BFDKL001"'
  [IN]='"INTUT001"'
  [MV]='"MVMLE001"'
)
key() { openssl rand -hex 32; }
hash() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }

: > "$out/keys.env"
declare -A office_key audit_key admin_key
for cc in "${countries[@]}"; do
  office_key[$cc]=$(key); audit_key[$cc]=$(key); admin_key[$cc]=$(key)
  printf 'export %s_OFFICES_KEY=%s\nexport %s_AUDIT_KEY=%s\nexport %s_ADMIN_KEY=%s\n' \
    "$cc" "${office_key[$cc]}" "$cc" "${audit_key[$cc]}" "$cc" "${admin_key[$cc]}" >> "$out/keys.env"
done

for cc in "${countries[@]}"; do
  lower=$(tr A-Z a-z <<<"$cc")
  partners=""
  for other in "${countries[@]}"; do
    [ "$other" = "$cc" ] && continue
    partners+=$(printf ',\n      "%s": { "Country": "%s", "Offices": [%s], "Roles": ["Partner"], "ApiKeySha256": ["%s"], "SigningCertificates": [ { "PemPath": "%s" } ] }' \
      "$other" "$other" "${offices[$other]}" "$(hash "${admin_key[$other]}")" "$certs/$other/signing.crt.pem")
  done
  cat > "$out/$lower.json" <<JSON
{
  "C2C": {
    "Identity": {
      "Country": "$cc",
      "Offices": [ "${cc}C2C000" ],
      "SigningCertificatePemPath": "$certs/$cc/signing.crt.pem",
      "SigningKeyPemPath": "$certs/$cc/signing.key.pem"
    },
    "Partners": {
      "$cc-OFFICES": { "Country": "$cc", "Offices": [${offices[$cc]}], "Roles": ["Partner"], "ApiKeySha256": ["$(hash "${office_key[$cc]}")"] },
      "$cc-AUDIT": { "Country": "$cc", "Roles": ["Auditor"], "ApiKeySha256": ["$(hash "${audit_key[$cc]}")"] }$partners
    },
    "Storage": { "ConnectionString": "$storage", "NodeName": "demo$lower" },
    "Guarantees": {
      "26TG0000000001234": { "Kind": "Comprehensive", "ReferenceAmount": 1000000000, "Currency": "XOF", "PrincipalId": "TG1000234567",
        "PrincipalName": "Sahel Transit Logistique SARL", "ValidFrom": "2020-01-01", "ValidTo": "2099-12-31", "Countries": ["TG", "BF"] }
    },
    "Messaging": { "Provider": "RabbitMq", "RabbitMq": { "Uri": "$rabbit" } }
  }
}
JSON
done
