#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions run from traps
# Producer benchmark of the client profiles on the local 3-broker cluster (npm run bench:kafka).
#
# For the Kafka client defaults (no properties) and each profile in CLIENT_PROFILES, runs Apache
# Kafka's ProducerPerformance against a fresh RF 3 / min.insync.replicas 2 topic with 1 KiB records:
#   - saturation: KAFKA_BENCH_RECORDS records as fast as possible (records/s, MB/s);
#   - fixed rate: KAFKA_BENCH_RATE_RECORDS records at KAFKA_BENCH_RATE records/s (latency without
#     queueing).
# The brokers are warmed up once (KAFKA_BENCH_WARMUP_RECORDS, unrecorded), and every run starts with
# an unrecorded client warm-up in the same JVM (WarmProducerPerformance). Configurations alternate
# within each of KAFKA_BENCH_ROUNDS rounds; the report takes the median. Before each run the
# script waits (bounded) for the host to be quiet, and it records the share of CPU that other
# processes took during the run.
# Writes docs/PERFORMANCE.md (via bench-report.ts); raw output stays in .work/bench.
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RECORDS="${KAFKA_BENCH_RECORDS:-200000}"
ROUNDS="${KAFKA_BENCH_ROUNDS:-3}"
RATE="${KAFKA_BENCH_RATE:-2000}"
RATE_RECORDS="${KAFKA_BENCH_RATE_RECORDS:-20000}"
WARMUP_RECORDS="${KAFKA_BENCH_WARMUP_RECORDS:-100000}"
CLIENT_WARMUP_RECORDS="${KAFKA_BENCH_CLIENT_WARMUP_RECORDS:-20000}"
RATE_CLIENT_WARMUP_RECORDS="${KAFKA_BENCH_RATE_CLIENT_WARMUP_RECORDS:-$((RATE * 2))}"
QUIET_PCT="${KAFKA_BENCH_QUIET_PCT:-25}"
QUIET_WAIT_S="${KAFKA_BENCH_QUIET_WAIT_S:-20}"
QUIET_BUDGET_S="${KAFKA_BENCH_QUIET_BUDGET_S:-120}"
DOC="${KAFKA_BENCH_DOC:-$REPO_ROOT/docs/PERFORMANCE.md}"
OUT="$IT_WORK/bench"
export KAFKA_IT_MAX_LIFETIME_S="${KAFKA_IT_MAX_LIFETIME_S:-2700}"
BOOTSTRAP="$(it_bootstrap)"
started=$SECONDS
it_lock

child=""
finish() {
  local rc=$?
  if [ -n "$child" ]; then
    kill -TERM "$child" 2>/dev/null
    wait "$child" 2>/dev/null
  fi
  "$IT_DIR/cluster.sh" stop || true
  it_log "benchmark took $((SECONDS - started)) s (raw output in $OUT)"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

run_child() {
  "$@" &
  child=$!
  wait "$child"
  local rc=$?
  child=""
  return "$rc"
}

# CPU accounting, in clock ticks. Sets CPU=(total busy ours), where ours is the brokers' CPU time
# plus that of this shell's finished children (the ProducerPerformance JVM among them). Runs in the
# main shell, never in $(...): `times` reports the children of the shell it runs in.
CPU=()
cpu_snapshot() {
  local c total=0 i n pgid pid ours=0 f t children
  read -r -a c < <(grep '^cpu ' /proc/stat)
  for i in 1 2 3 4 5 6 7 8; do total=$((total + c[i])); done
  for n in $(seq 1 "$IT_BROKERS"); do
    pgid="$(cat "$IT_CLUSTER/broker-$n/pgid" 2>/dev/null)" || continue
    for pid in $(pgrep -g "$pgid"); do
      # fields after the ")" of the command name: utime is the 12th, stime the 13th
      f="$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null)" || continue
      read -r -a t <<<"$f"
      ours=$((ours + t[11] + t[12]))
    done
  done
  # line 2 of `times`: the children's user and system time, e.g. "1m2.345s 0m0.678s"
  times >"$OUT/.times"
  children="$(sed -n 2p "$OUT/.times" | awk -v hz="$(getconf CLK_TCK)" '{
    s = 0
    for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); s += p[1] * 60 + p[2] }
    printf "%d", s * hz
  }')"
  CPU=("$total" "$((total - c[4] - c[5]))" "$((ours + children))")
}

# Waits until the host is quiet (at most QUIET_PCT % of the CPU busy over a second; idle brokers
# use a few per cent), for at most QUIET_WAIT_S per run and QUIET_BUDGET_S in all.
quiet_spent=0
wait_quiet() {
  local start=$SECONDS wait_s=$QUIET_WAIT_S a busy
  [ $((QUIET_BUDGET_S - quiet_spent)) -lt "$wait_s" ] && wait_s=$((QUIET_BUDGET_S - quiet_spent))
  while :; do
    cpu_snapshot
    a=("${CPU[@]}")
    sleep 1
    cpu_snapshot
    busy=0
    [ $((CPU[0] - a[0])) -gt 0 ] && busy=$((100 * (CPU[1] - a[1]) / (CPU[0] - a[0])))
    if [ "$busy" -le "$QUIET_PCT" ] || [ $((SECONDS - start)) -ge "$wait_s" ]; then break; fi
  done
  quiet_spent=$((quiet_spent + SECONDS - start))
}

run_child "$IT_DIR/cluster.sh" start || it_die "the cluster did not start"
rm -rf "$OUT"
mkdir -p "$OUT"

lz4_ratio="$(it_java kafkastandards.it.BenchPayloads --out "$OUT/payloads.txt" --count 10000 --size 1024 | sed -n 's/^lz4-ratio //p')"
[ -n "$lz4_ratio" ] || it_die "payload file not written"

client_defaults="$(it_java kafkastandards.it.ClientDefaults acks enable.idempotence linger.ms batch.size \
  compression.type max.in.flight.requests.per.connection buffer.memory delivery.timeout.ms)" ||
  it_die "cannot read the producer defaults"

configs=(default)
: >"$OUT/default.properties"
for profile in $(it_standards profiles); do
  configs+=("$profile")
  it_standards producer "$profile" >"$OUT/$profile.properties" || it_die "cannot read profile $profile"
done

printf 'mode\tconfig\tround\trecords\trecords_per_s\tmb_per_s\tavg_ms\tmax_ms\tp50_ms\tp95_ms\tp99_ms\tp999_ms\tother_cpu_pct\n' >"$OUT/results.tsv"

# run_one MODE CONFIG ROUND: one ProducerPerformance run on a fresh topic; appends to results.tsv
# (mode warmup is not recorded).
run_one() {
  local mode="$1" config="$2" round="$3" topic records throughput warm log line props=() kv extra=()
  topic="bench-$mode-$(echo "$config" | tr 'A-Z_' 'a-z-')-$round"
  case "$mode" in
    saturation) records="$RECORDS" throughput=-1 warm="$CLIENT_WARMUP_RECORDS" ;;
    warmup) records="$WARMUP_RECORDS" throughput=-1 warm=0 ;;
    *) records="$RATE_RECORDS" throughput="$RATE" warm="$RATE_CLIENT_WARMUP_RECORDS" ;;
  esac
  log="$OUT/$mode-$config-$round.log"
  while IFS= read -r kv; do [ -n "$kv" ] && props+=("$kv"); done <"$OUT/$config.properties"
  # A transactional profile needs a transactional.id, which the profile leaves to each application.
  if grep -q '^transaction\.timeout\.ms=' "$OUT/$config.properties"; then
    extra=(--transactional-id "bench-$config-$mode-$round")
  fi

  run_child it_java kafkastandards.it.TopicTool create --bootstrap "$BOOTSTRAP" --topic "$topic" --partitions 3 --rf 3 \
    --config min.insync.replicas=2 >/dev/null || it_die "creating $topic failed"
  wait_quiet
  local before other
  cpu_snapshot
  before=("${CPU[@]}")
  it_log "$mode round $round: $config ($records records${extra:+, transactional})"
  run_child timeout -k 10 600 java -Xms512m -Xmx1g -cp "$IT_CP" \
    -Dlog4j.configuration="file:$IT_DIR/config/log4j-tools.properties" kafkastandards.it.WarmProducerPerformance "$warm" \
    --topic "$topic" --num-records "$records" --payload-file "$OUT/payloads.txt" --throughput "$throughput" \
    "${extra[@]}" --producer-props "bootstrap.servers=$BOOTSTRAP" "client.id=bench-$config" "${props[@]}" \
    >"$log" 2>&1 || { tail -n 20 "$log" >&2; it_die "ProducerPerformance failed for $config ($mode)"; }
  cpu_snapshot
  other=0
  if [ $((CPU[0] - before[0])) -gt 0 ]; then
    other=$((100 * ((CPU[1] - before[1]) - (CPU[2] - before[2])) / (CPU[0] - before[0])))
    [ "$other" -lt 0 ] && other=0
  fi
  line="$(grep '99.9th' "$log" | tail -n 1)"
  [ -n "$line" ] || it_die "no summary line in $log"
  echo "  $line (other processes: ${other}% of the CPU)" >&2
  run_child it_java kafkastandards.it.TopicTool delete --bootstrap "$BOOTSTRAP" --topic "$topic" >/dev/null || true
  [ "$mode" = warmup ] && return 0
  local fields
  fields="$(echo "$line" | sed -nE 's/^([0-9]+) records sent, ([0-9.]+) records\/sec \(([0-9.]+) MB\/sec\), ([0-9.]+) ms avg latency, ([0-9.]+) ms max latency, ([0-9]+) ms 50th, ([0-9]+) ms 95th, ([0-9]+) ms 99th, ([0-9]+) ms 99\.9th\.?$/\1\t\2\t\3\t\4\t\5\t\6\t\7\t\8\t\9/p')"
  [ -n "$fields" ] || it_die "cannot parse the summary of $log: $line"
  printf '%s\t%s\t%s\t%s\t%s\n' "$mode" "$config" "$round" "$fields" "$other" >>"$OUT/results.tsv"
}

run_one warmup default 0
for round in $(seq 1 "$ROUNDS"); do
  for config in "${configs[@]}"; do run_one saturation "$config" "$round"; done
done
for round in $(seq 1 "$ROUNDS"); do
  for config in "${configs[@]}"; do run_one rate "$config" "$round"; done
done

{
  echo "kafka=$(it_standards kafka-release)"
  echo "java=$(java -version 2>&1 | head -n 1)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "cores=$(nproc)"
  echo "memory_gib=$(awk '/MemTotal/ {printf "%d", $2 / 1048576 + 0.5}' /proc/meminfo)"
  echo "records=$RECORDS"
  echo "warmup_records=$WARMUP_RECORDS"
  echo "client_warmup_records=$CLIENT_WARMUP_RECORDS"
  echo "rate_client_warmup_records=$RATE_CLIENT_WARMUP_RECORDS"
  echo "quiet_pct=$QUIET_PCT"
  echo "quiet_wait_s=$QUIET_WAIT_S"
  echo "quiet_budget_s=$QUIET_BUDGET_S"
  echo "rounds=$ROUNDS"
  echo "rate=$RATE"
  echo "rate_records=$RATE_RECORDS"
  echo "lz4_ratio=$lz4_ratio"
  echo "client_defaults=$client_defaults"
  echo "date=$(date -u +%Y-%m-%d)"
  echo "seconds=$((SECONDS - started))"
} >"$OUT/meta.properties"

(cd "$REPO_ROOT" && npx --no-install ts-node --transpile-only test/integration/bench-report.ts \
  "$OUT/results.tsv" "$OUT/meta.properties" "$DOC") 2> >(grep -v '^npm warn' >&2) || it_die "writing $DOC failed"
it_log "wrote $DOC"
