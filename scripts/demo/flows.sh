# Demo flows (sourced by scripts/demo.sh, which defines port[], the *_KEY variables and say()).
SAMPLE_MRN=26TGLOM000000142J4

# iso6346 BODY: the check digit NCTS puts after the MRN's 17 characters (letters A=10 upward skipping multiples of
# 11, each character weighted 2^position), as C2C.Core/Identifiers/Iso6346.cs computes it.
iso6346() {
  local body=$1 sum=0 i c v letters=() n=10
  for c in {A..Z}; do (( n % 11 == 0 )) && n=$((n + 1)); letters+=("$n"); n=$((n + 1)); done
  for (( i = 0; i < ${#body}; i++ )); do
    c=${body:i:1}
    if [[ $c == [0-9] ]]; then v=$c; else v=${letters[$(( $(printf '%d' "'$c") - 65 ))]}; fi
    sum=$(( sum + (v << i) ))
  done
  echo $(( sum % 11 % 10 ))
}

# The movement is released four days ago (rebase_samples): its MRN carries that year, as NCTS requires.
MRN_BODY="$(date -u -d '4 days ago' +%y)${SAMPLE_MRN:2:15}"
MRN="$MRN_BODY$(iso6346 "$MRN_BODY")"
CONSIGNMENT=TUTMLE2611240001
SAMPLES="$DEMO/samples"

# The samples are dated around a release on 2026-11-24 and the nodes apply time limits against the real clock, so
# the demo posts copies with every date moved by the same number of days: the release falls four days ago (UTC),
# so the journey's reports lie in the past and the time limit ahead.
# (The tests do the same in tests/C2C.Testing/Samples.cs.) Two passes through a marker, so no date is moved twice.
rebase_samples() {
  local shift=$(( ($(date -u -d "$(date -u -d '4 days ago' +%F)" +%s) - $(date -u -d '2026-11-24' +%s)) / 86400 )) d i=0
  local -a to_marker=() to_date=()
  for d in $(grep -ohE '[0-9]{4}-[0-9]{2}-[0-9]{2}' schemas/samples/*.xml | sort -u); do
    to_marker+=(-e "s/$d/@D${i}@/g"); to_date+=(-e "s/@D${i}@/$(date -u -d "$d + $shift days" +%F)/g"); i=$((i + 1))
  done
  mkdir -p "$SAMPLES"
  for f in schemas/samples/*.xml; do sed "${to_marker[@]}" "$f" | sed "${to_date[@]}" -e "s/$SAMPLE_MRN/$MRN/g" > "$SAMPLES/$(basename "$f")"; done
}

# post COUNTRY KEY SAMPLE_FILE: prints the node's answer (receipt or NACK) in one line
post() {
  local answer
  answer=$(curl -s -X POST "http://127.0.0.1:${port[$1]}/api/v1/messages" -H "X-Api-Key: $2" \
    -H 'Content-Type: application/xml' ${TRACE_PARENT:+-H "traceparent: $TRACE_PARENT"} --data-binary "@$3" -D "$DEMO/headers.txt" -w '\n%{http_code}')
  local code=${answer##*$'\n'} body=${answer%$'\n'*}
  local status type outcome
  outcome=$(grep -i '^c2c-outcome:' "$DEMO/headers.txt" | cut -d' ' -f2 | tr -d '\r' || true)
  status=$(grep -o '<MovementStatus>[^<]*' <<<"$body" | cut -d'>' -f2 || true)
  type=$(grep -o '<ErrorCode>[^<]*' <<<"$body" | cut -d'>' -f2 | paste -sd, || true)
  printf '  %-40s -> %s HTTP %s %-9s %s\n' "$(basename "$3")" "$1" "$code" "$outcome" "${status:+status $status}${type:+NACK codes $type}"
}

# wait_status COUNTRY KEY REF STATUS: bounded wait until the node shows the status (the bus carries messages between nodes)
wait_status() {
  for _ in $(seq 1 100); do
    [ "$(curl -s "http://127.0.0.1:${port[$1]}/api/v1/movements/$3" -H "X-Api-Key: $2" | jq -r .status 2>/dev/null)" = "$4" ] && return 0
    sleep 0.2
  done
  echo "  ! $1 did not reach $4 for $3"; return 1
}

timeline() {
  say "Timeline of $3 at the $1 node"
  curl -s "http://127.0.0.1:${port[$1]}/api/v1/movements/$3/history" -H "X-Api-Key: $2" |
    jq -r '"  hash chain intact: \(.chainIntact)", (.events[] | "  #\(.sequence) \(.appliedAt[0:19]) \(.direction | if . == "Inbound" then "<-" else "->" end) \(.messageType) \(.senderOffice)->\(.recipientOffice)  [\(.statusAfter)] \(.history)")'
}

archived() {
  say "$4 as archived by the $1 node (auditor view)"
  local name
  name=$(curl -s "http://127.0.0.1:${port[$1]}/api/v1/archive?mrn=$3&type=$4" -H "X-Api-Key: $2" | jq -r '.[0].name')
  echo "  blob: $name"
  curl -s -D - "http://127.0.0.1:${port[$1]}/api/v1/archive/$name" -H "X-Api-Key: $2" -o "$DEMO/archived.xml" | grep -i '^x-' | sed 's/^/  /'
  head -20 "$DEMO/archived.xml" | sed 's/^/  | /'; echo "  | ..."
}

# step COUNTRY KEY SAMPLE [WAIT_COUNTRY WAIT_KEY REF STATUS]: posts, then waits until the message's effect shows at the other node
step() {
  post "$1" "$2" "$SAMPLES/$3.xml"
  [ $# -gt 3 ] && { wait_status "$4" "$5" "$6" "$7" && printf '  %-40s    %s now %s\n' "" "$4" "$7"; }
  return 0
}

run_flows() {
  rebase_samples
  say "Transit Lome -> Cinkasse -> Ouagadougou (Togo node: departure; Burkina Faso node: border and destination)"
  # The office's system starts a W3C trace with its post: the demo prints it at the end, across both nodes.
  RELEASE_TRACE=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  TRACE_PARENT="00-$RELEASE_TRACE-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')-01" \
    step TG "$TG_OFFICES_KEY" IE015-TransitDeclaration        BF "$BF_AUDIT_KEY" $MRN ExpectedAtBorder
  step TG "$TG_OFFICES_KEY" IE015-TransitDeclaration
  step BF "$BF_OFFICES_KEY" IE118-BorderPassageNotification   TG "$TG_AUDIT_KEY" $MRN InTransit
  step BF "$BF_OFFICES_KEY" IE006-ArrivalAdvice               TG "$TG_AUDIT_KEY" $MRN Arrived
  step BF "$BF_OFFICES_KEY" IE018-ControlResults              TG "$TG_AUDIT_KEY" $MRN WrittenOff
  wait_status BF "$BF_AUDIT_KEY" $MRN WrittenOff && echo "  guarantee released: written off at departure, notice applied at destination"

  say "Pre-arrival cargo data Tuticorin -> Male (India node: export; Maldives node: import)"
  step IN "$IN_OFFICES_KEY" PA001-PreArrivalCargoData         MV "$MV_AUDIT_KEY" $CONSIGNMENT Announced
  wait_status IN "$IN_AUDIT_KEY" $CONSIGNMENT Acknowledged && echo "  acknowledgement (with risk flags) back at Tuticorin"
  step MV "$MV_OFFICES_KEY" PA003-CargoArrivalReport          MV "$MV_AUDIT_KEY" $CONSIGNMENT Arrived

  say "Hostile and wrong input is refused with a NACK, nothing stored"
  printf '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><StatusRequest xmlns="urn:c2c:transit:v1">&e;</StatusRequest>' > "$DEMO/xxe.xml"
  post TG "$TG_OFFICES_KEY" "$DEMO/xxe.xml"
  post TG "$TG_OFFICES_KEY" $SAMPLES/IE006-ArrivalAdvice.xml

  timeline TG "$TG_AUDIT_KEY" $MRN
  timeline BF "$BF_AUDIT_KEY" $MRN
  timeline IN "$IN_AUDIT_KEY" $CONSIGNMENT
  timeline MV "$MV_AUDIT_KEY" $CONSIGNMENT
  archived BF "$BF_AUDIT_KEY" $MRN IE050
  release_trace
}

# release_trace: the declaration's trace as the collector received it, a tree of spans from Lome's post to Burkina Faso's records
release_trace() {
  [ -n "${OTLP_PORT:-}" ] || return 0
  say "The release's trace across the border (OpenTelemetry spans of both nodes, trace $RELEASE_TRACE)"
  local tree=""
  for _ in $(seq 1 50); do
    tree=$(curl -s "http://127.0.0.1:$OTLP_PORT/trace/$RELEASE_TRACE" || true)
    [ "$(grep -c 'c2c.decision  \[c2c-node-bf\]' <<<"$tree")" -ge 2 ] && break
    sleep 0.2
  done
  # The post's tree; Durable Task's own activity spans (other roots until the movement's orchestration span is
  # exported, when it completes) are left out.
  awk '/^  [^ ]/ { roots++ } roots <= 1' <<<"$tree" | sed 's/^/  /'
}
