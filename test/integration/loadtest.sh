#!/usr/bin/env bash
# Check: `kafka-standards loadtest` against the local cluster.
#   - every client profile: RECORDS records of 1 KiB to a topic the command creates (RF 3,
#     min.insync.replicas 2); exit 0, the JSON report has acknowledged == consumed == RECORDS,
#     nothing missing, positive producer and consumer throughput, and the producer and consumer
#     properties of the profile exactly as CLIENT_PROFILES defines them;
#   - SASL/PLAIN as an ordinary principal (it-app) holding only the ACLs the library grants a
#     producing and consuming application: `--auth confluent` (the PLAIN login rendered for
#     Confluent API keys, secret from an environment variable) with security.protocol overridden to
#     SASL_PLAINTEXT, because the local SASL listener has no TLS;
#   - refusals, exit 2 with one line: an unknown client property (checked against the Java client's
#     own config names), an unreachable bootstrap (bounded connect timeout), a wrong password.
# Not exercised here, for want of such listeners: TLS, SCRAM, MSK IAM, Confluent Cloud.
#
# Needs a running cluster (cluster.sh start). The first run builds the load generator with Maven
# (into $XDG_CACHE_HOME or ~/.cache, kafka-standards/loadtest). Reports go to .work/loadtest.
# KAFKA_IT_LOADTEST_RECORDS (20000) sets the records per run; KAFKA_IT_LOADTEST_CLI the command.
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RECORDS="${KAFKA_IT_LOADTEST_RECORDS:-20000}"
KS="${KAFKA_IT_LOADTEST_CLI:-$REPO_ROOT/bin/kafka-standards}"
OUT="$IT_WORK/loadtest"
BOOTSTRAP="$(it_bootstrap)"
SASL_BOOTSTRAP="$(it_sasl_bootstrap)"
# The SASL/PLAIN user of the local listener (cluster.sh).
SASL_USER="it-app"
export IT_LOADTEST_SASL_SECRET="it-app-secret"
export IT_LOADTEST_WRONG_SECRET="not-the-secret"
status=0

"$IT_DIR/cluster.sh" status >/dev/null || it_die "the cluster is not running (cluster.sh start)"
"$KS" --help 2>/dev/null | grep -q '^  loadtest ' || it_die "$KS has no loadtest command"
rm -rf "$OUT"
mkdir -p "$OUT"

# check_report FILE RECORDS [PRODUCER_PROPS CONSUMER_PROPS]: prints a one-line result; exit 1 on a problem.
check_report() {
  # shellcheck disable=SC2016 # JavaScript template literals, not shell expansions
  node -e '
    const fs = require("fs");
    const [file, n, producerProps, consumerProps] = process.argv.slice(1);
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    const run = r.runs[r.runs.length - 1];
    const want = Number(n);
    const problems = [];
    if (run.producer.acknowledged !== want) problems.push(`acknowledged ${run.producer.acknowledged}, not ${want}`);
    if (run.consumer.consumedAcknowledged !== want) problems.push(`consumed ${run.consumer.consumedAcknowledged}, not ${want}`);
    if (run.consumer.missing !== 0) problems.push(`${run.consumer.missing} missing`);
    if (run.producer.errors !== 0) problems.push(`${run.producer.errors} send errors (${run.producer.firstError})`);
    if (!(run.producer.recordsPerSec > 0)) problems.push("no producer throughput");
    if (!(run.consumer.recordsPerSec > 0)) problems.push("no consumer throughput");
    if (!r.passed || !run.check.passed) problems.push("report says FAIL");
    const same = (role, propsFile) => {
      if (!propsFile) return;
      for (const line of fs.readFileSync(propsFile, "utf8").split("\n").filter(Boolean)) {
        const i = line.indexOf("=");
        const [k, v] = [line.slice(0, i), line.slice(i + 1)];
        if (run.properties[role][k] !== v) problems.push(`${role} ${k}=${run.properties[role][k]}, profile says ${v}`);
      }
    };
    same("producer", producerProps);
    same("consumer", consumerProps);
    if (problems.length > 0) {
      console.log(problems.join("; "));
      process.exit(1);
    }
    const p = run.producer, c = run.consumer;
    console.log(`producer ${Math.round(p.recordsPerSec)} records/s, ack p99 ${p.ackLatencyMs.p99} ms; ` +
      `consumer ${Math.round(c.recordsPerSec)} records/s, end-to-end p99 ${c.endToEndLatencyMs.p99} ms`);
  ' "$@"
}

# refused NAME EXPECTED_TEXT ARGS...: exit 2, one stderr line containing EXPECTED_TEXT.
refused() {
  local name="$1" expected="$2" rc lines
  shift 2
  "$KS" loadtest "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
  rc=$?
  lines="$(grep -vc '^loadtest: ' "$OUT/$name.err")"
  if [ "$rc" -eq 2 ] && [ "$lines" -eq 1 ] && grep -v '^loadtest: ' "$OUT/$name.err" | grep -qF -- "$expected"; then
    it_pass "loadtest refuses $name: exit 2, one line ($(grep -v '^loadtest: ' "$OUT/$name.err" | cut -c1-160))"
  else
    it_fail "loadtest refuses $name: exit $rc, stderr: $(tr '\n' ' ' <"$OUT/$name.err" | cut -c1-300)"
    status=1
  fi
}

mapfile -t PROFILES < <(it_standards profiles)
[ "${#PROFILES[@]}" -gt 0 ] || it_die "cannot read the client profile names"
for profile in "${PROFILES[@]}"; do
  lower="$(echo "$profile" | tr 'A-Z_' 'a-z-')"
  it_standards producer "$profile" >"$OUT/$lower-producer.expected" || it_die "cannot read $profile"
  it_standards consumer "$profile" >"$OUT/$lower-consumer.expected" || it_die "cannot read $profile"
  it_log "loadtest $profile: $RECORDS records of 1 KiB"
  started=$SECONDS
  "$KS" loadtest --bootstrap "$BOOTSTRAP" --topic "it-loadtest-$lower" --create-topic --partitions 6 \
    --replication-factor 3 --min-insync-replicas 2 --profile "$profile" --records "$RECORDS" --record-size 1024 \
    --json "$OUT/$lower.json" --markdown "$OUT/$lower.md" >"$OUT/$lower.out" 2>"$OUT/$lower.err"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    it_fail "loadtest $profile: exit $rc: $(grep -v '^loadtest: ' "$OUT/$lower.err" | tail -n 1 | cut -c1-300)"
    status=1
    continue
  fi
  if result="$(check_report "$OUT/$lower.json" "$RECORDS" "$OUT/$lower-producer.expected" "$OUT/$lower-consumer.expected")"; then
    it_pass "loadtest $profile: $RECORDS records acknowledged and consumed, profile properties as defined ($result; $((SECONDS - started)) s)"
    echo "$profile	$result" >>"$OUT/summary.txt"
  else
    it_fail "loadtest $profile: $result"
    status=1
  fi
done

# An application principal over SASL/PLAIN, with the grants of grantProduce + grantConsume (msk-access.ts).
sasl_topic="it-loadtest-sasl"
sasl_group="it-loadtest-sasl"
if ! it_java kafkastandards.it.TopicTool create --bootstrap "$BOOTSTRAP" --topic "$sasl_topic" --partitions 3 --rf 3 \
  --config min.insync.replicas=2 >"$OUT/sasl-topic.log" 2>&1; then
  it_fail "loadtest over SASL/PLAIN: topic $sasl_topic created: $(tail -n 1 "$OUT/sasl-topic.log")"
  status=1
elif ! {
  it_java kafka.admin.AclCommand --bootstrap-server "$BOOTSTRAP" --add --allow-principal "User:$SASL_USER" \
    --topic "$sasl_topic" --operation Write --operation Read --operation Describe &&
    it_java kafka.admin.AclCommand --bootstrap-server "$BOOTSTRAP" --add --allow-principal "User:$SASL_USER" \
      --group "$sasl_group" --operation Read &&
    it_java kafka.admin.AclCommand --bootstrap-server "$BOOTSTRAP" --add --allow-principal "User:$SASL_USER" \
      --cluster --operation IdempotentWrite
} >"$OUT/sasl-acls.log" 2>&1; then
  it_fail "loadtest over SASL/PLAIN: ACLs for $SASL_USER: $(tail -n 1 "$OUT/sasl-acls.log")"
  status=1
else
  it_log "loadtest DURABILITY over SASL/PLAIN as $SASL_USER"
  "$KS" loadtest --bootstrap "$SASL_BOOTSTRAP" --topic "$sasl_topic" --consumer-group "$sasl_group" \
    --auth confluent --username "$SASL_USER" --password-env IT_LOADTEST_SASL_SECRET \
    --property security.protocol=SASL_PLAINTEXT --records "$RECORDS" \
    --json "$OUT/sasl.json" --markdown "$OUT/sasl.md" >"$OUT/sasl.out" 2>"$OUT/sasl.err"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    it_fail "loadtest over SASL/PLAIN as $SASL_USER: exit $rc: $(grep -v '^loadtest: ' "$OUT/sasl.err" | tail -n 1 | cut -c1-300)"
    status=1
  elif ! result="$(check_report "$OUT/sasl.json" "$RECORDS")"; then
    it_fail "loadtest over SASL/PLAIN as $SASL_USER: $result"
    status=1
  elif grep -rqF "$IT_LOADTEST_SASL_SECRET" "$OUT/sasl.json" "$OUT/sasl.md" "$OUT/sasl.out" "$OUT/sasl.err"; then
    it_fail "loadtest over SASL/PLAIN as $SASL_USER: the password appears in a report or the output"
    status=1
  else
    it_pass "loadtest over SASL/PLAIN as $SASL_USER with application ACLs only: $RECORDS records acknowledged and consumed, password absent from reports ($result)"
  fi
fi

refused "an unknown client property" "property no.such.setting is not a producer, consumer or admin client setting" \
  --bootstrap "$BOOTSTRAP" --topic it-loadtest-durability --records 10 --property no.such.setting=1 \
  --json "$OUT/refused.json" --markdown "$OUT/refused.md"
refused "an unreachable bootstrap" "no broker of 127.0.0.1:1 answered within 5 s" \
  --bootstrap 127.0.0.1:1 --topic it-loadtest-durability --records 10 --connect-timeout 5 \
  --json "$OUT/refused.json" --markdown "$OUT/refused.md"
refused "a wrong password" "authentication failed" \
  --bootstrap "$SASL_BOOTSTRAP" --topic "$sasl_topic" --records 10 --auth confluent --username "$SASL_USER" \
  --password-env IT_LOADTEST_WRONG_SECRET --property security.protocol=SASL_PLAINTEXT --connect-timeout 20 \
  --json "$OUT/refused.json" --markdown "$OUT/refused.md"
refused "a missing topic without --create-topic" "topic it-loadtest-absent does not exist" \
  --bootstrap "$BOOTSTRAP" --topic it-loadtest-absent --records 10 \
  --json "$OUT/refused.json" --markdown "$OUT/refused.md"
exit "$status"
