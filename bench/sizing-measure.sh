#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions run from traps
# Measured against the sizing model (npm run bench:sizing).
#
# On the local 3-broker cluster of test/integration (Kafka 3.9.1, the broker baseline, 127.0.0.1;
# KAFKA_IT_BASE_PORT moves its ports), runs Apache Kafka's ProducerPerformance with the THROUGHPUT
# profile's producer properties and 1 KiB JSON-like records (BenchPayloads, the records of
# bench-kafka.sh) against fresh RF 3 / min.insync.replicas 2 topics:
#   - at a fixed rate (KAFKA_SIZING_RATE, 10,000 records/s) and at saturation;
#   - with each partition count of KAFKA_SIZING_PARTITIONS ("3 12");
#   - KAFKA_SIZING_ROUNDS rounds (2), configurations alternating.
# It records records/s, latency percentiles and the CPU time the brokers used, then writes the
# "Sizing model against the local cluster" section of docs/PERFORMANCE.md (bench/sizing-report.ts),
# next to the model's figures for one 2-vCPU MSK broker. Runs are short (seconds each, a few minutes
# in all, cluster start included); the cluster stops on exit.
set -uo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../test/integration/common.sh
source "$BENCH_DIR/../test/integration/common.sh"

RATE="${KAFKA_SIZING_RATE:-10000}"
RATE_RECORDS="${KAFKA_SIZING_RATE_RECORDS:-100000}"
SAT_RECORDS="${KAFKA_SIZING_SAT_RECORDS:-300000}"
PARTITION_COUNTS="${KAFKA_SIZING_PARTITIONS:-3 12}"
ROUNDS="${KAFKA_SIZING_ROUNDS:-2}"
WARMUP_RECORDS="${KAFKA_SIZING_WARMUP_RECORDS:-60000}"
CLIENT_WARMUP_RECORDS="${KAFKA_SIZING_CLIENT_WARMUP_RECORDS:-20000}"
DOC="${KAFKA_SIZING_DOC:-$REPO_ROOT/docs/PERFORMANCE.md}"
OUT="$IT_WORK/sizing"
export KAFKA_IT_MAX_LIFETIME_S="${KAFKA_IT_MAX_LIFETIME_S:-900}"
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
  it_log "sizing measurement took $((SECONDS - started)) s (raw output in $OUT)"
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

# CPU ticks: CPU=(host total, host busy, brokers, this shell's finished children). Runs in the main
# shell: `times` reports the children of the shell it runs in.
CPU=()
cpu_snapshot() {
  local c total=0 i n pgid pid brokers=0 f t children
  read -r -a c < <(grep '^cpu ' /proc/stat)
  for i in 1 2 3 4 5 6 7 8; do total=$((total + c[i])); done
  for n in $(seq 1 "$IT_BROKERS"); do
    pgid="$(cat "$IT_CLUSTER/broker-$n/pgid" 2>/dev/null)" || continue
    for pid in $(pgrep -g "$pgid"); do
      f="$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null)" || continue
      read -r -a t <<<"$f"
      brokers=$((brokers + t[11] + t[12]))
    done
  done
  times >"$OUT/.times"
  children="$(sed -n 2p "$OUT/.times" | awk -v hz="$(getconf CLK_TCK)" '{
    s = 0
    for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); s += p[1] * 60 + p[2] }
    printf "%d", s * hz
  }')"
  CPU=("$total" "$((total - c[4] - c[5]))" "$brokers" "$children")
}

run_child "$IT_DIR/cluster.sh" start || it_die "the cluster did not start"
rm -rf "$OUT"
mkdir -p "$OUT"
HZ="$(getconf CLK_TCK)"

lz4_ratio="$(it_java kafkastandards.it.BenchPayloads --out "$OUT/payloads.txt" --count 10000 --size 1024 | sed -n 's/^lz4-ratio //p')"
[ -n "$lz4_ratio" ] || it_die "payload file not written"
it_standards producer THROUGHPUT >"$OUT/THROUGHPUT.properties" || it_die "cannot read the THROUGHPUT profile"
props=()
while IFS= read -r kv; do [ -n "$kv" ] && props+=("$kv"); done <"$OUT/THROUGHPUT.properties"

printf 'mode\tpartitions\tround\trecords\trecords_per_s\tmb_per_s\tavg_ms\tmax_ms\tp50_ms\tp95_ms\tp99_ms\tp999_ms\tbroker_cpu_s\tproducer_cpu_s\twall_s\tother_cpu_pct\n' >"$OUT/results.tsv"

# run_one MODE PARTITIONS ROUND: one ProducerPerformance run on a fresh topic (mode warmup is not recorded).
run_one() {
  local mode="$1" partitions="$2" round="$3" topic records throughput warm log line before wall0 fields
  topic="bench-sizing-$mode-$partitions-$round"
  case "$mode" in
    saturation) records="$SAT_RECORDS" throughput=-1 warm="$CLIENT_WARMUP_RECORDS" ;;
    warmup) records="$WARMUP_RECORDS" throughput=-1 warm=0 ;;
    *) records="$RATE_RECORDS" throughput="$RATE" warm="$((RATE * 2))" ;;
  esac
  log="$OUT/$mode-$partitions-$round.log"
  run_child it_java kafkastandards.it.TopicTool create --bootstrap "$BOOTSTRAP" --topic "$topic" \
    --partitions "$partitions" --rf 3 --config min.insync.replicas=2 >/dev/null || it_die "creating $topic failed"
  it_log "$mode, $partitions partitions, round $round ($records records)"
  cpu_snapshot
  before=("${CPU[@]}")
  wall0=$(date +%s%N)
  run_child timeout -k 10 300 java -Xms256m -Xmx768m -cp "$IT_CP" \
    -Dlog4j.configuration="file:$IT_DIR/config/log4j-tools.properties" kafkastandards.it.WarmProducerPerformance "$warm" \
    --topic "$topic" --num-records "$records" --payload-file "$OUT/payloads.txt" --throughput "$throughput" \
    --producer-props "bootstrap.servers=$BOOTSTRAP" "client.id=bench-sizing" "${props[@]}" \
    >"$log" 2>&1 || { tail -n 20 "$log" >&2; it_die "ProducerPerformance failed ($mode, $partitions partitions)"; }
  cpu_snapshot
  local wall_ns=$(($(date +%s%N) - wall0))
  run_child it_java kafkastandards.it.TopicTool delete --bootstrap "$BOOTSTRAP" --topic "$topic" >/dev/null || true
  [ "$mode" = warmup ] && return 0
  line="$(grep '99.9th' "$log" | tail -n 1)"
  [ -n "$line" ] || it_die "no summary line in $log"
  fields="$(echo "$line" | sed -nE 's/^([0-9]+) records sent, ([0-9.]+) records\/sec \(([0-9.]+) MB\/sec\), ([0-9.]+) ms avg latency, ([0-9.]+) ms max latency, ([0-9]+) ms 50th, ([0-9]+) ms 95th, ([0-9]+) ms 99th, ([0-9]+) ms 99\.9th\.?$/\1\t\2\t\3\t\4\t\5\t\6\t\7\t\8\t\9/p')"
  [ -n "$fields" ] || it_die "cannot parse the summary of $log: $line"
  local total=$((CPU[0] - before[0])) busy=$((CPU[1] - before[1])) brokers=$((CPU[2] - before[2])) producer=$((CPU[3] - before[3])) other=0
  [ "$total" -gt 0 ] && other=$((100 * (busy - brokers - producer) / total))
  [ "$other" -lt 0 ] && other=0
  echo "  $line (brokers used $(awk -v t="$brokers" -v hz="$HZ" 'BEGIN{printf "%.1f", t/hz}') CPU s; other processes ${other}% of the CPU)" >&2
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$partitions" "$round" "$fields" \
    "$(awk -v t="$brokers" -v hz="$HZ" 'BEGIN{printf "%.2f", t/hz}')" \
    "$(awk -v t="$producer" -v hz="$HZ" 'BEGIN{printf "%.2f", t/hz}')" \
    "$(awk -v n="$wall_ns" 'BEGIN{printf "%.2f", n/1e9}')" "$other" >>"$OUT/results.tsv"
}

run_one warmup 3 0
for round in $(seq 1 "$ROUNDS"); do
  for partitions in $PARTITION_COUNTS; do
    run_one rate "$partitions" "$round"
    run_one saturation "$partitions" "$round"
  done
done

{
  echo "kafka=$(it_standards kafka-release)"
  echo "java=$(java -version 2>&1 | head -n 1)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "cores=$(nproc)"
  echo "rate=$RATE"
  echo "rate_records=$RATE_RECORDS"
  echo "saturation_records=$SAT_RECORDS"
  echo "rate_warmup_records=$((RATE * 2))"
  echo "saturation_warmup_records=$CLIENT_WARMUP_RECORDS"
  echo "rounds=$ROUNDS"
  echo "lz4_ratio=$lz4_ratio"
  echo "load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "date=$(date -u +%Y-%m-%d)"
  echo "seconds=$((SECONDS - started))"
} >"$OUT/meta.properties"

(cd "$REPO_ROOT" && npx --no-install ts-node --transpile-only bench/sizing-report.ts \
  "$OUT/results.tsv" "$OUT/meta.properties" "$DOC") 2> >(grep -v '^npm warn' >&2) || it_die "writing $DOC failed"
it_log "wrote the sizing section of $DOC"
