#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions run from traps
# Check: disaster recovery with the MirrorMaker 2 configuration the msk-dr example synthesizes, on two
# real local clusters, through planned failover, failback and unplanned failover.
#
#   - primary: the harness's cluster (KAFKA_IT_BASE_PORT); standby: a second 3-broker cluster started
#     here with cluster.sh in .work/dr-standby on KAFKA_IT_BASE_PORT+500 (its ports BASE+500 ..
#     BASE+524, its worker BASE+530), so it follows whatever base the run uses;
#   - the connectors: the example's orders-prod-dr pair (forward) and the reverse pair the runbook
#     declares for failback (dr/dr-configs.ts), translated only where MSK IAM must become local
#     PLAINTEXT (every changed key is listed in the report); each flow runs on a Connect worker whose
#     own cluster is the flow's target, as on MSK Connect (connect/worker.sh);
#   - clients: ContinuityProducer (numbered records, every acknowledgement logged) and
#     ContinuityConsumer (group fulfilment, commits after each poll), with the DURABILITY profile.
#
# Planned failover: producers stop, lag 0, one offset sync, the group resumes on the standby;
# asserted: 0 acknowledged records lost. Failback: producers on the standby, the old primary's topic and
# group removed, reverse flow to lag 0 and one offset sync, the group and producers back on the
# primary; asserted: 0 lost end to end. Unplanned failover: every primary broker SIGKILLed mid-stream;
# measured: acknowledged records missing on the standby against the replication lag just before.
# Figures go to KAFKA_IT_DR_DOC (default .work/dr/DR-PROOF.md; docs/DR-PROOF.md with
# KAFKA_IT_DR_DOC=docs/DR-PROOF.md). Needs the running primary cluster; the standby cluster and the
# workers stop when the check ends (and by themselves after their lifetimes).
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# shellcheck source=connect/connect-common.sh
source "$IT_DIR/connect/connect-common.sh"

it_lock
OUT="$IT_WORK/dr"
DOC="${KAFKA_IT_DR_DOC:-$OUT/DR-PROOF.md}"
TOPIC="orders.created"
GROUP="fulfilment"
RATE="${KAFKA_IT_DR_RATE:-2000}"
STANDBY_WORK="$IT_WORK/dr-standby"
STANDBY_BASE=$((IT_BASE_PORT + 500))
PRIMARY="$(it_bootstrap)"
STANDBY="$(KAFKA_IT_BASE_PORT=$STANDBY_BASE KAFKA_IT_WORK=$STANDBY_WORK bash -c "source '$IT_DIR/common.sh'; it_bootstrap")"
started=$SECONDS
status=0
children=()

on_standby() { KAFKA_IT_WORK="$STANDBY_WORK" KAFKA_IT_BASE_PORT="$STANDBY_BASE" KAFKA_IT_LOCKED="" "$@"; }
standby_url() { echo "http://127.0.0.1:$((STANDBY_BASE + 30))"; }
primary_url() { echo "$CONNECT_URL"; }

cleanup() {
  local pid
  for pid in "${children[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  on_standby "$CONNECT_DIR/worker.sh" stop >/dev/null 2>&1 || true
  "$CONNECT_DIR/worker.sh" stop >/dev/null 2>&1 || true
  on_standby "$IT_DIR/cluster.sh" stop >/dev/null 2>&1 || true
  # The primary must be up for the checks after this one.
  if ! "$IT_DIR/cluster.sh" status >/dev/null 2>&1; then restart_primary || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$IT_DIR/cluster.sh" status >/dev/null || it_die "the cluster is not running (cluster.sh start)"
rm -rf "$OUT"
mkdir -p "$OUT"
ts() { (cd "$REPO_ROOT" && npx --no-install ts-node --transpile-only "$@") 2> >(grep -v '^npm warn' >&2); }
probe() { it_java kafkastandards.it.DrProbe "$@"; }
total_of() { sed -n 's/.*total=\([0-9]*\).*/\1/p'; }

restart_primary() {
  local n pids=()
  for n in $(seq 1 "$IT_BROKERS"); do
    "$IT_DIR/cluster.sh" restart "$n" >"$OUT/restart-$n.log" 2>&1 &
    pids+=($!)
  done
  for n in "${pids[@]}"; do wait "$n" || return 1; done
}

# PUT /connectors/<name>/config on a worker URL, for each config file.
put_connectors() {
  local url="$1" f name code
  shift
  for f in "$@"; do
    name="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).name)' "$f")"
    code="$(curl -sS -m 60 -o "$OUT/put-$name.json" -w '%{http_code}' -X PUT -H 'Content-Type: application/json' \
      --data-binary "@$f" "$url/connectors/$name/config")" || return 1
    case "$code" in 200 | 201) ;; *) cat "$OUT/put-$name.json" >&2; return 1 ;; esac
  done
}
delete_connectors() {
  local url="$1" name
  for name in $(curl -sf -m 30 "$url/connectors" | tr -d '[]"' | tr ',' ' '); do
    curl -sS -m 60 -o /dev/null -X DELETE "$url/connectors/$name" || true
  done
}
# Waits until every connector and task of a worker is RUNNING (timeout s).
wait_running() {
  local url="$1" deadline=$((SECONDS + $2)) states
  while ((SECONDS < deadline)); do
    states="$(curl -sf -m 10 "$url/connectors?expand=status" || true)"
    if [ -n "$states" ] && node -e '
      const s = JSON.parse(process.argv[1]); const all = Object.values(s);
      const ok = all.length === 3 && all.every(c => c.status.connector.state === "RUNNING" && c.status.tasks.length > 0 && c.status.tasks.every(t => t.state === "RUNNING"));
      process.exit(ok ? 0 : 1);' "$states"; then return 0; fi
    sleep 1
  done
  echo "$states" >&2
  return 1
}
# Waits until both clusters' end offsets of the topic are equal (replication lag 0); prints the total.
wait_lag_zero() {
  local a="$1" b="$2" deadline=$((SECONDS + $3)) ea eb
  while ((SECONDS < deadline)); do
    ea="$(probe end --bootstrap "$a" --topic "$TOPIC" 2>/dev/null)"
    eb="$(probe end --bootstrap "$b" --topic "$TOPIC" 2>/dev/null)"
    if [ -n "$ea" ] && [ "$ea" = "$eb" ]; then
      total_of <<<"$ea"
      return 0
    fi
    sleep 1
  done
  echo "lag not 0: source $ea, target $eb" >&2
  return 1
}
# Waits for the group's offsets to be synced to a cluster: every partition committed there, then one
# more offset-sync interval (the checkpoint connector's), so the last commits are included.
wait_offset_sync() {
  local b="$1" interval="$2" deadline=$((SECONDS + $3)) c
  while ((SECONDS < deadline)); do
    c="$(probe committed --bootstrap "$b" --topic "$TOPIC" --group "$GROUP" 2>/dev/null)"
    if [ -n "$c" ] && ! grep -q -- '=-1 ' <<<"$c"; then
      sleep "$interval"
      probe committed --bootstrap "$b" --topic "$TOPIC" --group "$GROUP"
      return 0
    fi
    sleep 2
  done
  echo "offsets of $GROUP not synced: $c" >&2
  return 1
}
produce() { # produce LABEL BOOTSTRAP FIRST RECORDS [PROPS]
  timeout -k 5 180 java -Xmx256m -cp "$IT_CP" -Dlog4j.configuration="file:$IT_DIR/config/log4j-tools.properties" \
    kafkastandards.it.ContinuityProducer --bootstrap "$2" --topic "$TOPIC" --props "${5:-$OUT/producer.properties}" \
    --first "$3" --records "$4" --rate "$RATE" --out "$OUT/$1" >"$OUT/$1.log" 2>&1
}
consume() { # consume LABEL BOOTSTRAP GROUP (--max-records N | --until-end)
  local label="$1" b="$2" g="$3"
  shift 3
  timeout -k 5 180 java -Xmx256m -cp "$IT_CP" -Dlog4j.configuration="file:$IT_DIR/config/log4j-tools.properties" \
    kafkastandards.it.ContinuityConsumer --bootstrap "$b" --topic "$TOPIC" --group "$g" \
    --props "$OUT/consumer.properties" --out "$OUT/$label.consumed" --timeout-s 120 "$@" >"$OUT/$label.log" 2>&1
}
fail_out() {
  it_fail "$1"
  status=1
  exit 1
}

# --- setup ------------------------------------------------------------------------------------------
it_standards producer DURABILITY >"$OUT/producer.properties" || it_die "cannot read the DURABILITY profile"
it_standards consumer DURABILITY >"$OUT/consumer.properties" || it_die "cannot read the DURABILITY profile"
# Unplanned failover: sends to a dead cluster fail within seconds instead of the profile's minutes.
{ cat "$OUT/producer.properties"; printf 'delivery.timeout.ms=6000\nrequest.timeout.ms=2000\nmax.block.ms=2000\n'; } \
  >"$OUT/producer-fast-fail.properties"

# The configurations are synthesized while the standby starts.
(ts bin/synth-examples.ts --only msk-dr --outdir "$OUT/synth" >"$OUT/synth.log" 2>&1 &&
  ts test/integration/dr/dr-configs.ts --synth "$OUT/synth" --primary "$PRIMARY" --standby "$STANDBY" \
    --out "$OUT/configs" >"$OUT/configs.log" 2>&1) &
synth_pid=$!
children+=("$synth_pid")
if ! on_standby "$IT_DIR/cluster.sh" start >"$OUT/standby-cluster.log" 2>&1; then
  tail -n 20 "$OUT/standby-cluster.log" >&2
  fail_out "standby cluster (3 brokers, ports $STANDBY_BASE..$((STANDBY_BASE + 24))) started"
fi
it_pass "standby: a second 3-broker KRaft cluster with the MskCluster baseline on $STANDBY"

(it_connect_build) || fail_out "Connect worker built (connect/pom.xml)"
if ! wait "$synth_pid"; then
  tail -n 20 "$OUT/synth.log" "$OUT/configs.log" >&2
  fail_out "MirrorMaker 2 configurations synthesized (msk-dr example and its failback pair)"
fi
interval="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"))["sync.group.offsets.interval.seconds"])' "$OUT/configs/forward-checkpoint.json")"
it_pass "MirrorMaker 2 configurations synthesized: forward orders-prod-dr-{source,checkpoint,heartbeat}, reverse orders-dr-prod-dr-* (offset sync every ${interval} s)"

# The topic on both clusters as the data planes declare it (MskDrPair declares the standby's twin).
create_topic() {
  it_java kafkastandards.it.TopicTool create --bootstrap "$1" --topic "$TOPIC" --partitions 6 --rf 3 \
    --config min.insync.replicas=2 >>"$OUT/topic.log" 2>&1
}
create_topic "$PRIMARY" || fail_out "topic $TOPIC created on the primary"
create_topic "$STANDBY" || fail_out "topic $TOPIC created on the standby"
# The application's group exists before replication starts, as in any real estate (the checkpoint
# connector plans its tasks from the groups it finds).
N0=2000
produce p0 "$PRIMARY" 0 "$N0" || fail_out "seed: producer on the primary"
consume c0 "$PRIMARY" "$GROUP" --until-end || fail_out "seed: group $GROUP committed on the primary"

start_forward() {
  on_standby "$CONNECT_DIR/worker.sh" start >"$OUT/worker-standby-$1.log" 2>&1 || return 1
  put_connectors "$(standby_url)" "$OUT"/configs/forward-*.json || return 1
  wait_running "$(standby_url)" 90
}
start_forward 1 || fail_out "forward flow: the three connectors RUNNING on the standby's worker"
it_pass "forward flow orders-prod → orders-dr-prod: source, checkpoint and heartbeat connectors RUNNING on a worker of the standby"

# --- planned failover -------------------------------------------------------------------------------
N1=20000
consume c1 "$PRIMARY" "$GROUP" --max-records $((N1 * 6 / 10)) &
c1=$!
children+=("$c1")
produce p1 "$PRIMARY" "$N0" "$N1" || fail_out "planned: producer on the primary"
t_stop="$(date +%s%3N)"
wait "$c1" || fail_out "planned: consumer on the primary read 60 % and stopped"
planned_lag0="$(wait_lag_zero "$PRIMARY" "$STANDBY" 90)" || fail_out "planned: replication lag reached 0"
t_lag0="$(date +%s%3N)"
internal_rf=""
# With offset-syncs.topic.location=target the offset-syncs topic is named after the source alias.
for t in heartbeats mm2-offset-syncs.orders-prod.internal orders-prod.checkpoints.internal; do
  internal_rf="$internal_rf $t:$(probe describe --bootstrap "$STANDBY" --topic "$t" 2>/dev/null | sed -n 's/.*rf=//p')"
done
if [ "$(grep -o ':3' <<<"$internal_rf" | wc -l)" -eq 3 ]; then
  it_pass "MirrorMaker 2's internal topics on the standby with RF 3:$internal_rf (offset syncs on the target: the primary is only read)"
else
  it_fail "MirrorMaker 2's internal topics on the standby with RF 3:$internal_rf"
  status=1
fi
if probe describe --bootstrap "$PRIMARY" --topic mm2-offset-syncs.orders-prod.internal >/dev/null 2>&1 ||
  probe describe --bootstrap "$PRIMARY" --topic mm2-offset-syncs.orders-dr-prod.internal >/dev/null 2>&1; then
  it_fail "nothing written on the primary by MirrorMaker 2 (an offset-syncs topic exists there)"
  status=1
fi
probe committed --bootstrap "$PRIMARY" --topic "$TOPIC" --group "$GROUP" >"$OUT/planned-committed-primary.txt"
wait_offset_sync "$STANDBY" "$interval" 120 >"$OUT/planned-committed-standby.txt" ||
  fail_out "planned: offsets of $GROUP synced to the standby"
t_sync="$(date +%s%3N)"
consume c2 "$STANDBY" "$GROUP" --until-end || fail_out "planned: consumer resumed on the standby"
delete_connectors "$(standby_url)"
on_standby "$CONNECT_DIR/worker.sh" stop
echo "t_stop=$t_stop t_lag0=$t_lag0 t_sync=$t_sync end_total=$planned_lag0" >"$OUT/planned.times"

# --- failback ---------------------------------------------------------------------------------------
N2=10000
produce p2 "$STANDBY" $((N0 + N1)) "$N2" || fail_out "failback: producer on the standby"
consume c3 "$STANDBY" "$GROUP" --until-end || fail_out "failback: consumer on the standby"
# Identity names cannot tell a copy from an original: the old primary's topic and group go first, the
# reverse flow then copies the standby from its first offset (runbook, Failback).
create_topic "$PRIMARY" || fail_out "failback: topic recreated on the primary"
probe delete-group --bootstrap "$PRIMARY" --group "$GROUP" --topic "$TOPIC" || fail_out "failback: old group removed"
"$CONNECT_DIR/worker.sh" start >"$OUT/worker-primary.log" 2>&1 || fail_out "failback: worker on the primary started"
put_connectors "$(primary_url)" "$OUT"/configs/reverse-*.json && wait_running "$(primary_url)" 90 ||
  fail_out "failback: reverse connectors RUNNING on the primary's worker"
it_pass "reverse flow orders-dr-prod → orders-prod (the runbook's failback pair) RUNNING on a worker of the primary"
wait_lag_zero "$STANDBY" "$PRIMARY" 90 >/dev/null || fail_out "failback: reverse replication lag reached 0"
wait_offset_sync "$PRIMARY" "$interval" 120 >"$OUT/failback-committed-primary.txt" ||
  fail_out "failback: offsets of $GROUP synced to the primary"
consume c4 "$PRIMARY" "$GROUP" --until-end || fail_out "failback: consumer resumed on the primary"
delete_connectors "$(primary_url)"
"$CONNECT_DIR/worker.sh" stop
N3=4000
produce p3 "$PRIMARY" $((N0 + N1 + N2)) "$N3" || fail_out "failback: producer back on the primary"
consume c5 "$PRIMARY" "$GROUP" --until-end || fail_out "failback: consumer reads the primary's new records"

# --- unplanned failover -----------------------------------------------------------------------------
# The pair re-deployed: the standby's stale copy removed, the forward flow seeds it again from offset 0.
create_topic "$STANDBY" || fail_out "unplanned: the standby's topic recreated"
start_forward 2 || fail_out "unplanned: forward flow RUNNING again"
wait_lag_zero "$PRIMARY" "$STANDBY" 90 >/dev/null || fail_out "unplanned: standby seeded again (lag 0)"
N4=24000
FIRST4=$((N0 + N1 + N2 + N3))
timeout -k 5 120 java -Xmx128m -cp "$IT_CP" -Dlog4j.configuration="file:$IT_DIR/config/log4j-tools.properties" \
  kafkastandards.it.DrProbe watch --a "$PRIMARY" --b "$STANDBY" --topic "$TOPIC" --out "$OUT/unplanned.watch" \
  --interval-ms 100 --max-s 100 >"$OUT/watch.log" 2>&1 &
watch_pid=$!
children+=("$watch_pid")
# The watch samples both end offsets before the producer starts (its first sample is the baseline:
# copies a restarted source task wrote twice while seeding count on the standby only).
watch_deadline=$((SECONDS + 30))
until [ -s "$OUT/unplanned.watch" ] || ((SECONDS >= watch_deadline)); do sleep 0.2; done
produce p4 "$PRIMARY" "$FIRST4" "$N4" "$OUT/producer-fast-fail.properties" &
p4=$!
children+=("$p4")
deadline=$((SECONDS + 60))
until [ "$(cut -d' ' -f1 "$OUT/p4/progress" 2>/dev/null || echo 0)" -ge $((N4 / 3)) ]; do
  ((SECONDS < deadline)) || fail_out "unplanned: producer reached a third of its records"
  sleep 0.1
done
last_sample="$(tail -n 1 "$OUT/unplanned.watch")"
t_kill="$(date +%s%3N)"
for n in $(seq 1 "$IT_BROKERS"); do "$IT_DIR/cluster.sh" kill "$n" >/dev/null 2>&1 & done
wait_kill_deadline=$((SECONDS + 10))
while "$IT_DIR/cluster.sh" status >/dev/null 2>&1 && ((SECONDS < wait_kill_deadline)); do sleep 0.1; done
it_log "dr/unplanned: every primary broker SIGKILLed; last sample before: $last_sample"
wait "$p4"
kill "$watch_pid" 2>/dev/null
wait "$watch_pid" 2>/dev/null
echo "t_kill=$t_kill last_sample=$last_sample first_sample=$(head -n 1 "$OUT/unplanned.watch")" >"$OUT/unplanned.times"
on_standby "$CONNECT_DIR/worker.sh" stop
consume c6 "$STANDBY" "dr-audit" --until-end || fail_out "unplanned: the standby's copy read to its end"
restart_primary || fail_out "primary restarted after the unplanned failover"
it_java kafkastandards.it.TopicTool delete --bootstrap "$PRIMARY" --topic "$TOPIC" >/dev/null 2>&1 || true

# --- report -----------------------------------------------------------------------------------------
it_check "dr report" ts test/integration/dr/dr-report.ts --dir "$OUT" --interval "$interval" --rate "$RATE" \
  --standby "$STANDBY" --primary "$PRIMARY" --seconds "$((SECONDS - started))" --out "$DOC" || status=1
it_log "dr took $((SECONDS - started)) s"
exit "$status"
