# Dashboard part of the demo (sourced by scripts/demo.sh after run_flows, which set MRN, SAMPLES, port[] and the keys):
# a second movement left under way, then each transit node's dashboard figures beside what its index holds.
MRN2_BODY="$(date -u -d '4 days ago' +%y)${SAMPLE_MRN:2:11}143J"
MRN2="$MRN2_BODY$(iso6346 "$MRN2_BODY")"

# second_sample NAME: the rebased sample for the second movement (its own MRN and message ids)
second_sample() {
  sed -e "s/$MRN/$MRN2/g" -e 's#<MessageId>\([^<]*\)</MessageId>#<MessageId>\1-2</MessageId>#' "$SAMPLES/$1.xml" > "$SAMPLES/$1-2.xml"
}

# index_statuses COUNTRY KEY REF...: the movements' statuses as the index holds them, counted ({"Status": n, ...})
index_statuses() {
  local cc=$1 key=$2; shift 2
  for ref in "$@"; do curl -s "http://127.0.0.1:${port[$cc]}/api/v1/movements/$ref" -H "X-Api-Key: $key" | jq -r '.status | strings'; done |
    jq -R . | jq -sS 'group_by(.) | map({key: .[0], value: length}) | from_entries'
}

# dashboard COUNTRY KEY REF...: the node's dashboard figures, and whether its statuses match the index's movements
dashboard() {
  local cc=$1 key=$2; shift 2
  say "Dashboard of the $cc node (http://127.0.0.1:${port[$cc]}/dashboard)"
  local figures index shown
  index=$(index_statuses "$cc" "$key" "$@")
  for _ in $(seq 1 50); do   # a step's figures follow its commit by a few requests: bounded wait until they agree
    figures=$(curl -s "http://127.0.0.1:${port[$cc]}/api/v1/audit/dashboard?days=7" -H "X-Api-Key: $key")
    shown=$(jq -S '.now.byStatus' <<<"$figures")
    [ "$shown" = "$index" ] && break
    sleep 0.2
  done
  jq -r '"  now: in transit \(.now.inTransit), overdue \(.now.overdue), under enquiry \(.now.underEnquiry); by status: \(.now.byStatus | to_entries | map("\(.key) \(.value)") | join(", "))",
    "  today: \(.todayFigures.opened) opened, \(.todayFigures.declarations) declarations, statuses entered: \(.todayFigures.entered | to_entries | map("\(.key) \(.value)") | join(", "))",
    "  NACKs by code (7 days): \(.nacksByCode | to_entries | map("\(.key): \(.value)") | join(", ") | if . == "" then "none" else . end)",
    (.durations[] | "  \(.name): \(.count) measured\(if .meanSeconds then ", mean \(.meanSeconds / 3600 | floor) h" else "" end), \(.overLimit) over the limit"),
    (.links[] | "  link \(.partner): last in \(.lastIn // "—" | .[0:19]), last out \(.lastOut // "—" | .[0:19]) (\(.in) in, \(.out) out)"),
    "  read: \(.rowsRead) figure rows"' <<<"$figures"
  if [ "$shown" = "$index" ]; then
    echo "  statuses match the index's movements: $(jq -c . <<<"$index")"
  else
    echo "  ! dashboard $(jq -c . <<<"$shown") differs from the index $(jq -c . <<<"$index")"; return 1
  fi
}

run_dashboard() {
  say "A second transit, left under way: released at Lome, across the border at Cinkasse"
  second_sample IE015-TransitDeclaration; second_sample IE118-BorderPassageNotification
  step TG "$TG_OFFICES_KEY" IE015-TransitDeclaration-2          BF "$BF_AUDIT_KEY" "$MRN2" ExpectedAtBorder
  step BF "$BF_OFFICES_KEY" IE118-BorderPassageNotification-2   TG "$TG_AUDIT_KEY" "$MRN2" InTransit
  say "The first MRN declared again (another message id): refused with a functional NACK, counted by code"
  sed 's#<MessageId>\([^<]*\)</MessageId>#<MessageId>\1-again</MessageId>#' "$SAMPLES/IE015-TransitDeclaration.xml" > "$SAMPLES/IE015-TransitDeclaration-again.xml"
  post TG "$TG_OFFICES_KEY" "$SAMPLES/IE015-TransitDeclaration-again.xml"
  dashboard TG "$TG_AUDIT_KEY" "$MRN" "$MRN2"
  dashboard BF "$BF_AUDIT_KEY" "$MRN" "$MRN2"
  echo "  route of the movement under way: http://127.0.0.1:${port[TG]}/dashboard?mrn=$MRN2#journey"
}
