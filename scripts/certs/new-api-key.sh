#!/usr/bin/env bash
# A new API key for a partner or an auditor, and its SHA-256 hash.
# Hand the key to the party over a secure channel; put only the hash in C2C:Partners:<ID>:ApiKeySha256.
set -euo pipefail
key="$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=\n')"
hash="$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)"
echo "key:  $key"
echo "hash: $hash"
