#!/usr/bin/env bash
# Check: the broker baseline MskCluster attaches, on real Apache Kafka brokers.
#   - every key is a broker config Kafka knows and every value passes Kafka's validation
#     (recorded by cluster.sh start, which refuses to start brokers otherwise);
#   - the brokers run the Apache Kafka release that stands in for KafkaVersion.DEFAULT;
#   - all brokers started cleanly (no ERROR, no unknown-configuration warning in their logs);
#   - each broker reports every baseline key with the baseline value, read from server.properties;
#   - the keys have their effect: access without ACLs, topic defaults, deletion, no auto-creation.
# Needs a running cluster (cluster.sh start). Prints and records PASS/FAIL lines.
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
mkdir -p "$IT_WORK"
status=0

[ -f "$IT_CLUSTER/static-check.txt" ] || it_die "no $IT_CLUSTER/static-check.txt: run cluster.sh start first"
grep -E '^(PASS|FAIL) ' "$IT_CLUSTER/static-check.txt" | it_record
grep -q '^FAIL ' "$IT_CLUSTER/static-check.txt" && status=1

release="$(it_standards kafka-release)"
bad=""
for n in $(seq 1 "$IT_BROKERS"); do
  grep -q "Kafka version: $release " "$IT_CLUSTER/broker-$n/server.log" || bad="$bad broker-$n"
done
if [ -z "$bad" ]; then
  it_pass "all $IT_BROKERS brokers run Apache Kafka $release (apacheRelease of KafkaVersion.DEFAULT)"
else
  it_fail "all $IT_BROKERS brokers run Apache Kafka $release (apacheRelease of KafkaVersion.DEFAULT): not on$bad"
  status=1
fi

# ERROR/FATAL log entries (first line of each), except a request sent to a controller that has just
# handed leadership over: the sender retries it against the new active controller.
log_errors() {
  awk '
    function flush() { if (head != "" && !benign) print head; head = ""; benign = 0 }
    /^\[[0-9][0-9][0-9][0-9]-/ { flush(); if ($0 ~ / (ERROR|FATAL) /) head = $0; next }
    head != "" && /NotControllerException/ { benign = 1 }
    END { flush() }
  ' "$1"
}

problems=""
for n in $(seq 1 "$IT_BROKERS"); do
  log="$IT_CLUSTER/broker-$n/server.log"
  grep -q 'Kafka Server started' "$log" || problems="$problems; broker-$n never logged 'Kafka Server started'"
  lines="$({ log_errors "$log"; grep -E "isn't a known config|[Uu]nknown configuration" "$log"; } | head -n 3 | cut -c1-300)"
  [ -n "$lines" ] && problems="$problems; broker-$n: $lines"
done
if [ -z "$problems" ]; then
  it_pass "all $IT_BROKERS brokers started cleanly with the baseline (no ERROR or unknown-configuration line)"
else
  it_fail "all $IT_BROKERS brokers started cleanly with the baseline: ${problems#; }"
  status=1
fi

it_check "effective broker configs" it_java kafkastandards.it.BaselineCheck effective \
  --bootstrap "$(it_bootstrap)" --baseline "$IT_CLUSTER/baseline.properties" --brokers "$IT_BROKERS" || status=1
it_check "baseline behaviour" it_java kafkastandards.it.BaselineCheck behaviour \
  --bootstrap "$(it_bootstrap)" --sasl-bootstrap "$(it_sasl_bootstrap)" \
  --baseline "$IT_CLUSTER/baseline.properties" || status=1
exit "$status"
