#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions run from traps
# Producer benchmark of the client profiles on the local 3-broker cluster (npm run bench:kafka).
#
# For the Kafka client defaults (no properties) and each profile in CLIENT_PROFILES, runs Apache
# Kafka's ProducerPerformance against a fresh RF 3 / min.insync.replicas 2 topic with 1 KiB records:
#   - saturation: KAFKA_BENCH_RECORDS records as fast as possible (records/s, MB/s);
#   - fixed rate: KAFKA_BENCH_RATE_RECORDS records at KAFKA_BENCH_RATE records/s (latency without
#     queueing).
# Every configuration first runs once unrecorded (JIT warm-up of brokers and client code paths).
# Configurations then alternate within each of KAFKA_BENCH_ROUNDS rounds; the report takes the
# median. Before each run the script waits (at most KAFKA_BENCH_QUIET_WAIT_S) for the host to be
# quiet, and records how busy it was.
# Writes docs/PERFORMANCE.md (via bench-report.ts); raw output stays in .work/bench.
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RECORDS="${KAFKA_BENCH_RECORDS:-300000}"
ROUNDS="${KAFKA_BENCH_ROUNDS:-3}"
RATE="${KAFKA_BENCH_RATE:-2000}"
RATE_RECORDS="${KAFKA_BENCH_RATE_RECORDS:-30000}"
WARMUP_RECORDS="${KAFKA_BENCH_WARMUP_RECORDS:-50000}"
QUIET_PCT="${KAFKA_BENCH_QUIET_PCT:-25}"
QUIET_WAIT_S="${KAFKA_BENCH_QUIET_WAIT_S:-30}"
QUIET_BUDGET_S="${KAFKA_BENCH_QUIET_BUDGET_S:-240}"
DOC="${KAFKA_BENCH_DOC:-$REPO_ROOT/docs/PERFORMANCE.md}"
OUT="$IT_WORK/bench"
export KAFKA_IT_MAX_LIFETIME_S="${KAFKA_IT_MAX_LIFETIME_S:-2700}"
BOOTSTRAP="$(it_bootstrap)"
started=$SECONDS

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

run_child "$IT_DIR/cluster.sh" start || it_die "the cluster did not start"
rm -rf "$OUT"
mkdir -p "$OUT"

lz4_ratio="$(it_java kafkastandards.it.BenchPayloads --out "$OUT/payloads.txt" --count 10000 --size 1024 | sed -n 's/^lz4-ratio //p')"
[ -n "$lz4_ratio" ] || it_die "payload file not written"

configs=(default)
: >"$OUT/default.properties"
for profile in $(it_standards profiles); do
  configs+=("$profile")
  it_standards producer "$profile" >"$OUT/$profile.properties" || it_die "cannot read profile $profile"
done

printf 'mode\tconfig\tround\trecords\trecords_per_s\tmb_per_s\tavg_ms\tmax_ms\tp50_ms\tp95_ms\tp99_ms\tp999_ms\thost_busy_pct\n' >"$OUT/results.tsv"

# Percentage of the host's CPU time that was busy over one second (/proc/stat).
host_busy_pct() {
  local a b
  read -r -a a < <(grep '^cpu ' /proc/stat)
  sleep 1
  read -r -a b < <(grep '^cpu ' /proc/stat)
  local total=0 idle i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  idle=$((b[4] - a[4] + b[5] - a[5]))
  [ "$total" -gt 0 ] && echo $((100 * (total - idle) / total)) || echo 0
}

# Waits until the host is quiet (idle brokers use a few per cent): at most QUIET_WAIT_S per run and
# QUIET_BUDGET_S in all. Sets BUSY to the last busy percentage.
BUSY=0
quiet_spent=0
wait_quiet() {
  local start=$SECONDS wait_s=$QUIET_WAIT_S
  [ $((QUIET_BUDGET_S - quiet_spent)) -lt "$wait_s" ] && wait_s=$((QUIET_BUDGET_S - quiet_spent))
  while :; do
    BUSY="$(host_busy_pct)"
    if [ "$BUSY" -le "$QUIET_PCT" ] || [ $((SECONDS - start)) -ge "$wait_s" ]; then break; fi
  done
  quiet_spent=$((quiet_spent + SECONDS - start))
}

# run_one MODE CONFIG ROUND: one ProducerPerformance run on a fresh topic; appends to results.tsv
# (mode warmup is not recorded).
run_one() {
  local mode="$1" config="$2" round="$3" topic records throughput log line props=() kv
  topic="bench-$mode-$(echo "$config" | tr 'A-Z_' 'a-z-')-$round"
  case "$mode" in
    saturation) records="$RECORDS" throughput=-1 ;;
    warmup) records="$WARMUP_RECORDS" throughput=-1 ;;
    *) records="$RATE_RECORDS" throughput="$RATE" ;;
  esac
  log="$OUT/$mode-$config-$round.log"
  while IFS= read -r kv; do [ -n "$kv" ] && props+=("$kv"); done <"$OUT/$config.properties"
  local extra=()
  # A transactional profile needs a transactional.id, which the profile leaves to each application.
  grep -q '^transaction\.timeout\.ms=' "$OUT/$config.properties" && extra=(--transactional-id "bench-$config-$mode-$round")

  run_child it_java kafkastandards.it.TopicTool create --bootstrap "$BOOTSTRAP" --topic "$topic" --partitions 3 --rf 3 \
    --config min.insync.replicas=2 >/dev/null || it_die "creating $topic failed"
  wait_quiet
  it_log "$mode round $round: $config ($records records${extra:+, transactional}; host ${BUSY}% busy before)"
  run_child timeout -k 10 600 java -Xms512m -Xmx1g -cp "$IT_CP" \
    -Dlog4j.configuration="file:$IT_DIR/config/log4j-tools.properties" org.apache.kafka.tools.ProducerPerformance \
    --topic "$topic" --num-records "$records" --payload-file "$OUT/payloads.txt" --throughput "$throughput" \
    "${extra[@]}" --producer-props "bootstrap.servers=$BOOTSTRAP" "client.id=bench-$config" "${props[@]}" \
    >"$log" 2>&1 || { tail -n 20 "$log" >&2; it_die "ProducerPerformance failed for $config ($mode)"; }
  line="$(grep '99.9th' "$log" | tail -n 1)"
  [ -n "$line" ] || it_die "no summary line in $log"
  echo "  $line" >&2
  run_child it_java kafkastandards.it.TopicTool delete --bootstrap "$BOOTSTRAP" --topic "$topic" >/dev/null || true
  [ "$mode" = warmup ] && return 0
  local fields
  fields="$(echo "$line" | sed -nE 's/^([0-9]+) records sent, ([0-9.]+) records\/sec \(([0-9.]+) MB\/sec\), ([0-9.]+) ms avg latency, ([0-9.]+) ms max latency, ([0-9]+) ms 50th, ([0-9]+) ms 95th, ([0-9]+) ms 99th, ([0-9]+) ms 99\.9th\.?$/\1\t\2\t\3\t\4\t\5\t\6\t\7\t\8\t\9/p')"
  [ -n "$fields" ] || it_die "cannot parse the summary of $log: $line"
  printf '%s\t%s\t%s\t%s\t%s\n' "$mode" "$config" "$round" "$fields" "$BUSY" >>"$OUT/results.tsv"
}

for config in "${configs[@]}"; do run_one warmup "$config" 0; done
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
  echo "quiet_pct=$QUIET_PCT"
  echo "quiet_wait_s=$QUIET_WAIT_S"
  echo "quiet_budget_s=$QUIET_BUDGET_S"
  echo "rounds=$ROUNDS"
  echo "rate=$RATE"
  echo "rate_records=$RATE_RECORDS"
  echo "lz4_ratio=$lz4_ratio"
  echo "date=$(date -u +%Y-%m-%d)"
  echo "seconds=$((SECONDS - started))"
} >"$OUT/meta.properties"

(cd "$REPO_ROOT" && npx --no-install ts-node --transpile-only test/integration/bench-report.ts \
  "$OUT/results.tsv" "$OUT/meta.properties" "$DOC") 2> >(grep -v '^npm warn' >&2) || it_die "writing $DOC failed"
it_log "wrote $DOC"
