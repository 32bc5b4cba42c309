#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions run from traps
# Check: no acknowledged record is lost when a broker crashes under load.
#
# Safe run: a producer with CLIENT_PROFILES.DURABILITY.producer.java writes records 0..N-1 at a steady
# rate to an RF 3 / min.insync.replicas 2 topic and logs every acknowledgement; a consumer with
# CLIENT_PROFILES.DURABILITY.consumer.java reads along. Once a quarter of the records are
# acknowledged, the leader of partition 0 is killed with SIGKILL and restarted DOWN_S seconds later.
# The first consumer stops after 60% of the records; a second one in the same group reads the rest.
# Asserted: every send acknowledged, every acknowledged record consumed with its key and payload at
# its acknowledged offset, nothing written twice, the consumer read on after the crash and the
# second consumer resumed exactly at the committed offsets.
#
# Unsafe run, for comparison, asserts nothing about loss: acks=1 without idempotence to a topic with
# min.insync.replicas=1 and unclean.leader.election.enable=true, same crash. Its counts are reported.
#
# Secured run (KAFKA_IT_CONTINUITY_SECURED=1, called by security.sh on the secured cluster): only the
# safe run, over SASL_SSL as applications: the producer and the consumer use the client files the
# library rendered for two SCRAM applications with the DURABILITY profile (KAFKA_IT_CONTINUITY_
# PRODUCER_PROPS / _CONSUMER_PROPS, the test CA added), each with its own environment (SCRAM password,
# from the files _PRODUCER_ENV / _CONSUMER_ENV, one NAME=VALUE per line), on the topic and group
# their grants name (_TOPIC, created by the data plane, so not recreated here; _GROUP).
#
# Needs a running cluster (cluster.sh start). Counts go to .work/continuity/summary.txt
# (.work/continuity-secured/ for the secured run).
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RECORDS="${KAFKA_IT_CONTINUITY_RECORDS:-60000}"
RATE="${KAFKA_IT_CONTINUITY_RATE:-2000}"
DOWN_S="${KAFKA_IT_CONTINUITY_DOWN_S:-10}"
SECURED="${KAFKA_IT_CONTINUITY_SECURED:-}"
OUT="$IT_WORK/continuity${SECURED:+-secured}"
CLUSTER="$IT_DIR/cluster.sh"
# The super user's bootstrap (topic chores); the clients' bootstrap.
BOOTSTRAP="$(it_bootstrap)"
CLIENT_BOOTSTRAP="$BOOTSTRAP"
# Per scenario: topic and group (default it-continuity-LABEL), whether the topic is created here,
# the consumer's properties, and the environment of each client process.
S_TOPIC=""
S_GROUP=""
S_CREATE=1
S_CONSUMER_PROPS="$OUT/durability-consumer.properties"
S_PRODUCER_ENV=()
S_CONSUMER_ENV=()

children=()
cleanup() {
  local pid
  for pid in "${children[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$CLUSTER" status >/dev/null || it_die "the cluster is not running (cluster.sh start)"
rm -rf "$OUT"
mkdir -p "$OUT"
if [ -z "$SECURED" ]; then
  it_standards producer DURABILITY >"$OUT/durability-producer.properties" || it_die "cannot read the DURABILITY profile"
  it_standards consumer DURABILITY >"$OUT/durability-consumer.properties" || it_die "cannot read the DURABILITY profile"
  printf 'acks=1\nenable.idempotence=false\n' >"$OUT/unsafe-producer.properties"
fi

acked_count() { cut -d' ' -f1 "$1/progress" 2>/dev/null || echo 0; }

# scenario LABEL ASSERT PRODUCER_PROPS TOPIC_CONFIG...
scenario() {
  local label="$1" assert="$2" producer_props="$3"
  shift 3
  local dir="$OUT/$label" topic="${S_TOPIC:-it-continuity-$label}" group="${S_GROUP:-it-continuity-$label}" victim kill_ms
  local producer_pid consumer_pid rc_p rc_c deadline topic_args=() c
  mkdir -p "$dir"
  for c in "$@"; do topic_args+=(--config "$c"); done
  it_log "continuity/$label: topic $topic ($*), producer $(grep -v '^#' "$producer_props" | tr '\n' ' ' | cut -c1-400)"
  if [ "$S_CREATE" = 1 ] && ! it_java kafkastandards.it.TopicTool create --bootstrap "$BOOTSTRAP" --topic "$topic" \
    --partitions 3 --rf 3 "${topic_args[@]}" >"$dir/topic.log" 2>&1; then
    cat "$dir/topic.log" >&2
    it_fail "$label: topic $topic created"
    return 1
  fi
  victim="$(it_java kafkastandards.it.TopicTool leader --bootstrap "$BOOTSTRAP" --topic "$topic" --partition 0)"

  env "${S_PRODUCER_ENV[@]}" timeout -k 5 300 java -Xmx512m -cp "$IT_CP" \
    -Dlog4j.configuration="file:$IT_DIR/config/log4j-tools.properties" \
    kafkastandards.it.ContinuityProducer --bootstrap "$CLIENT_BOOTSTRAP" --topic "$topic" --props "$producer_props" \
    --records "$RECORDS" --rate "$RATE" --out "$dir" >"$dir/producer.log" 2>&1 &
  producer_pid=$!
  children+=("$producer_pid")
  env "${S_CONSUMER_ENV[@]}" timeout -k 5 300 java -Xmx512m -cp "$IT_CP" \
    -Dlog4j.configuration="file:$IT_DIR/config/log4j-tools.properties" \
    kafkastandards.it.ContinuityConsumer --bootstrap "$CLIENT_BOOTSTRAP" --topic "$topic" --group "$group" \
    --props "$S_CONSUMER_PROPS" --out "$dir/consumed-1.log" --max-records $((RECORDS * 6 / 10)) \
    --timeout-s 240 >"$dir/consumer-1.log" 2>&1 &
  consumer_pid=$!
  children+=("$consumer_pid")

  deadline=$((SECONDS + 120))
  while [ "$(acked_count "$dir")" -lt $((RECORDS / 4)) ]; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$producer_pid" 2>/dev/null; then
      tail -n 30 "$dir/producer.log" >&2
      it_fail "$label: producer reached a quarter of its records before the crash"
      return 1
    fi
    sleep 0.2
  done
  kill_ms="$(date +%s%3N)"
  it_log "continuity/$label: $(acked_count "$dir") acknowledged; SIGKILL broker $victim (leader of partition 0)"
  "$CLUSTER" kill "$victim"
  sleep "$DOWN_S"
  if ! "$CLUSTER" restart "$victim"; then
    it_fail "$label: killed broker $victim restarted"
    return 1
  fi
  wait "$producer_pid"
  rc_p=$?
  wait "$consumer_pid"
  rc_c=$?
  grep -hE '^(producer|consumer|  )' "$dir/producer.log" "$dir/consumer-1.log"
  [ "$rc_p" -eq 0 ] || it_fail "$label: producer finished (status $rc_p)"
  [ "$rc_c" -eq 0 ] || it_fail "$label: first consumer finished (status $rc_c)"

  if it_java kafkastandards.it.TopicTool wait-isr --bootstrap "$BOOTSTRAP" --topic "$topic" --timeout-s 120; then
    it_pass "$label: killed broker $victim came back and rejoined the ISR of every partition"
  else
    it_fail "$label: killed broker $victim came back and rejoined the ISR of every partition"
  fi

  env "${S_CONSUMER_ENV[@]}" timeout -k 5 200 java -Xmx512m -cp "$IT_CP" \
    -Dlog4j.configuration="file:$IT_DIR/config/log4j-tools.properties" \
    kafkastandards.it.ContinuityConsumer --bootstrap "$CLIENT_BOOTSTRAP" --topic "$topic" --group "$group" \
    --props "$S_CONSUMER_PROPS" --out "$dir/consumed-2.log" --until-end --timeout-s 180 \
    >"$dir/consumer-2.log" 2>&1
  rc_c=$?
  grep -hE '^(consumer|  )' "$dir/consumer-2.log"
  [ "$rc_c" -eq 0 ] || it_fail "$label: second consumer read to the end of the topic (status $rc_c)"

  local report_args=(--label "$label" --dir "$dir" --consumed "$dir/consumed-1.log,$dir/consumed-2.log" --kill-ms "$kill_ms")
  [ "$assert" = assert ] && report_args+=(--assert)
  it_check "$label: report" it_java kafkastandards.it.ContinuityReport "${report_args[@]}"
  local rc=$?
  cat "$dir/report.txt" >>"$OUT/summary.txt"
  [ "$rc_p" -eq 0 ] && [ "$rc_c" -eq 0 ] && [ "$rc" -eq 0 ]
}

status=0
if [ -n "$SECURED" ]; then
  it_secured || it_die "KAFKA_IT_CONTINUITY_SECURED needs the secured cluster (cluster.sh start --secured)"
  CLIENT_BOOTSTRAP="$(it_scram_bootstrap)"
  S_TOPIC="${KAFKA_IT_CONTINUITY_TOPIC:?topic of the secured run}"
  S_GROUP="${KAFKA_IT_CONTINUITY_GROUP:?group of the secured run}"
  S_CREATE=0
  S_CONSUMER_PROPS="${KAFKA_IT_CONTINUITY_CONSUMER_PROPS:?consumer file of the secured run}"
  mapfile -t S_PRODUCER_ENV <"${KAFKA_IT_CONTINUITY_PRODUCER_ENV:?producer environment of the secured run}"
  mapfile -t S_CONSUMER_ENV <"${KAFKA_IT_CONTINUITY_CONSUMER_ENV:?consumer environment of the secured run}"
  scenario sasl-ssl assert "${KAFKA_IT_CONTINUITY_PRODUCER_PROPS:?producer file of the secured run}" || status=1
  echo "--- continuity summary"
  cat "$OUT/summary.txt"
  exit "$status"
fi
scenario safe assert "$OUT/durability-producer.properties" min.insync.replicas=2 unclean.leader.election.enable=false || status=1
if scenario unsafe report "$OUT/unsafe-producer.properties" min.insync.replicas=1 unclean.leader.election.enable=true; then
  it_pass "unsafe: crash run completed and its counts were measured (loss is reported, not asserted)"
else
  status=1
fi
echo "--- continuity summary"
cat "$OUT/summary.txt"
exit "$status"
