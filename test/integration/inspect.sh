#!/usr/bin/env bash
# Check: `kafka-standards inspect` on the local cluster seeded with a "legacy" estate flags every
# seeded problem, and its inventory holds every seeded object.
#   - legacy.orders: RF 2, min.insync.replicas=1, retention.ms=-1, 6 partitions, 5000 messages;
#   - an ALLOW Read ACL for User:* on every topic (wildcard principal and resource);
#   - group legacy-reporting with committed offsets at 0 and no members (lagging, idle);
#   - a producer byte-rate quota and a SCRAM-SHA-512 user for legacy-app, which produces to legacy.clicks
#     (Write, Describe, IdempotentWrite) and consumes legacy.orders with group legacy-reporting (Read, Describe);
#   - legacy.clicks (RF 3) receiving 200 records/s of 100 bytes while inspect samples (rates).
#   Expected: KS-TOPIC-002 (RF), KS-TOPIC-003 (min ISR), KS-ACL-001, KS-ACL-002, KS-LIVE-005,
#   KS-LIVE-006 in audit.json; the quota, the user, the ACL and the group in inventory.json; an
#   unreachable bootstrap server ends with exit 2 and one KSE-INSPECT-001 line; an ordinary principal
#   without cluster grants and a wrong password end with exit 2 and one KSE-INSPECT-002 line.
#   Round trip: `inspect --emit typescript` writes a program that, synthesized, declares every live topic,
#   ACL and quota with import blocks and 0 differences from the live cluster; with --remediate, exactly
#   the asked changes (replication factor and min.insync.replicas of legacy.orders raised to the class).
# Needs a running cluster (cluster.sh start). Seeded objects are removed afterwards.
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

OUT="$IT_WORK/inspect"
BOOT="$(it_bootstrap)"
"$IT_DIR/cluster.sh" status >/dev/null || it_die "the cluster is not running (cluster.sh start)"
rm -rf "$OUT"
mkdir -p "$OUT"

cleanup() {
  it_java kafka.admin.AclCommand --bootstrap-server "$BOOT" --remove --force --allow-principal 'User:*' \
    --operation Read --topic '*' >/dev/null 2>&1
  # AclCommand accepts only the operations of each resource type.
  for acl in "--operation Write --operation Describe --topic legacy.clicks" \
    "--operation Read --operation Describe --topic legacy.orders" \
    "--operation Read --operation Describe --group legacy-reporting" "--operation IdempotentWrite --cluster"; do
    # shellcheck disable=SC2086 # several words on purpose
    it_java kafka.admin.AclCommand --bootstrap-server "$BOOT" --remove --force --allow-principal User:legacy-app \
      $acl >/dev/null 2>&1
  done
  it_java org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$BOOT" --delete \
    --group legacy-reporting >/dev/null 2>&1
  it_java kafka.admin.ConfigCommand --bootstrap-server "$BOOT" --alter --delete-config producer_byte_rate \
    --entity-type users --entity-name legacy-app >/dev/null 2>&1
  it_java kafka.admin.ConfigCommand --bootstrap-server "$BOOT" --alter --delete-config SCRAM-SHA-512 \
    --entity-type users --entity-name legacy-app >/dev/null 2>&1
  [ -n "${PRODUCER_PID:-}" ] && kill "$PRODUCER_PID" 2>/dev/null
  it_java kafkastandards.it.TopicTool delete --bootstrap "$BOOT" --topic legacy.orders >/dev/null 2>&1
  it_java kafkastandards.it.TopicTool delete --bootstrap "$BOOT" --topic legacy.clicks >/dev/null 2>&1
  return 0
}
trap cleanup EXIT

seed() {
  it_java kafkastandards.it.TopicTool create --bootstrap "$BOOT" --topic legacy.orders --partitions 6 --rf 2 \
    --config min.insync.replicas=1 --config retention.ms=-1 &&
    it_java org.apache.kafka.tools.ProducerPerformance --topic legacy.orders --num-records 5000 --record-size 100 \
      --throughput -1 --producer-props bootstrap.servers="$BOOT" acks=all >/dev/null &&
    it_java kafkastandards.it.TopicTool create --bootstrap "$BOOT" --topic legacy.clicks --partitions 3 --rf 3 &&
    it_java kafka.admin.AclCommand --bootstrap-server "$BOOT" --add --allow-principal 'User:*' --operation Read \
      --topic '*' >/dev/null &&
    it_java kafka.admin.AclCommand --bootstrap-server "$BOOT" --add --allow-principal User:legacy-app \
      --operation Write --operation Describe --topic legacy.clicks >/dev/null &&
    it_java kafka.admin.AclCommand --bootstrap-server "$BOOT" --add --allow-principal User:legacy-app \
      --operation IdempotentWrite --cluster >/dev/null &&
    it_java kafka.admin.AclCommand --bootstrap-server "$BOOT" --add --allow-principal User:legacy-app \
      --operation Read --operation Describe --topic legacy.orders --group legacy-reporting >/dev/null &&
    it_java org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$BOOT" --reset-offsets \
      --to-earliest --execute --group legacy-reporting --topic legacy.orders >/dev/null &&
    it_java kafka.admin.ConfigCommand --bootstrap-server "$BOOT" --alter --add-config producer_byte_rate=1048576 \
      --entity-type users --entity-name legacy-app >/dev/null &&
    it_java kafka.admin.ConfigCommand --bootstrap-server "$BOOT" --alter \
      --add-config 'SCRAM-SHA-512=[iterations=8192,password=legacy-secret]' --entity-type users \
      --entity-name legacy-app >/dev/null
}

if ! seed >"$OUT/seed.log" 2>&1; then
  tail -n 20 "$OUT/seed.log" >&2
  it_fail "inspect: legacy estate seeded"
  exit 1
fi
it_pass "inspect: legacy estate seeded (legacy.orders RF 2, User:* ACL, lagging group, quota, SCRAM user)"

# Traffic during the sampling window: 200 records/s of 100 bytes to legacy.clicks.
# `exec timeout` in a subshell: $! is then the process that gets the kill below (a backgrounded shell
# function would leave the JVM running), and the producer stops by itself after 120 s in any case.
(exec timeout -k 5 120 java -Xms64m -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true \
  -Dlog4j.configuration="file:$IT_DIR/config/log4j-tools.properties" -cp "$IT_CP" \
  org.apache.kafka.tools.ProducerPerformance --topic legacy.clicks --num-records 12000 --record-size 100 \
  --throughput 200 --producer-props bootstrap.servers="$BOOT" acks=all) >"$OUT/producer.log" 2>&1 &
PRODUCER_PID=$!
sleep 5
started=$(date +%s%N)
(cd "$REPO_ROOT" && ./bin/kafka-standards inspect --bootstrap-server "$BOOT" --window 5s --timeout 30s \
  --out "$OUT/report" >"$OUT/stdout.txt" 2>"$OUT/stderr.txt")
rc=$?
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
kill "$PRODUCER_PID" 2>/dev/null
wait "$PRODUCER_PID" 2>/dev/null
PRODUCER_PID=""
if [ "$rc" -ne 1 ] || [ ! -f "$OUT/report/audit.json" ]; then
  tail -n 20 "$OUT/stderr.txt" >&2
  it_fail "inspect: exit 1 with reports (got exit $rc)"
  exit 1
fi
it_pass "inspect: exit 1 with INVENTORY.md, inventory.json, AUDIT.md, audit.json in ${elapsed_ms} ms"
head -n 1 "$OUT/stdout.txt" >&2

# Every seeded problem is flagged, on the seeded object.
(cd "$REPO_ROOT" && node - "$OUT/report" <<'JS'
const fs = require("fs");
const dir = process.argv[2];
const audit = JSON.parse(fs.readFileSync(`${dir}/audit.json`, "utf8"));
const inv = JSON.parse(fs.readFileSync(`${dir}/inventory.json`, "utf8"));
const has = (rule, resource) => audit.findings.some((f) => f.rule === rule && f.resource.includes(resource));
const checks = [
  ["KS-TOPIC-002 replication factor 2 on legacy.orders", has("KS-TOPIC-002", "legacy_orders")],
  ["KS-TOPIC-003 min.insync.replicas 1 on legacy.orders", has("KS-TOPIC-003", "legacy_orders")],
  ["KS-ACL-001 ALLOW for User:*", has("KS-ACL-001", "kafka_acl.")],
  ["KS-ACL-002 ALLOW on every topic", has("KS-ACL-002", "kafka_acl.")],
  ["KS-LIVE-005 lagging group legacy-reporting", has("KS-LIVE-005", "legacy-reporting")],
  ["KS-LIVE-006 idle group legacy-reporting", has("KS-LIVE-006", "legacy-reporting")],
  ["inventory: legacy.orders with RF 2 and its overrides", inv.topics.some((t) => t.name === "legacy.orders" &&
    t.partitions.length === 6 && t.partitions.every((p) => p.replicas.length === 2) &&
    t.configs["min.insync.replicas"] === "1" && t.configs["retention.ms"] === "-1")],
  ["inventory: the wildcard ACL", (inv.acls || []).some((a) => a.principal === "User:*" && a.resourceName === "*")],
  ["inventory: the quota of legacy-app", (inv.quotas || []).some((q) => q.entity.user === "legacy-app" && q.values.producer_byte_rate === 1048576)],
  ["inventory: SCRAM user legacy-app (name and mechanism only)", (inv.scramUsers || []).some((u) => u.name === "legacy-app" && u.mechanisms.includes("SCRAM-SHA-512")) && !JSON.stringify(inv).includes("legacy-secret")],
  ["inventory: group legacy-reporting lag 5000", inv.consumerGroups.some((g) => g.groupId === "legacy-reporting" && g.lag === 5000)],
  ["rates: legacy.clicks 100–300 msg/s and ≥ 10 KB/s over the window (producer at 200 × 100 B/s)", (() => {
    // Recomputed from the raw samples, independently of lib/inspect/metrics.ts; INVENTORY.md must agree.
    const t = inv.topics.find((x) => x.name === "legacy.clicks");
    const leader = Object.fromEntries(t.partitions.map((p) => [`legacy.clicks/${p.partition}`, p.leader]));
    const msgs = inv.window.offsets.filter((o) => o.partition in leader).reduce((n, o) => n + o.endEnd - o.endStart, 0);
    const bytes = inv.window.logDirs
      .filter((d) => { const [p, b] = d.replica.split("@"); return leader[p] === Number(b); })
      .reduce((n, d) => n + d.bytesEnd - d.bytesStart, 0);
    const r = { messagesPerSec: msgs / inv.window.seconds, bytesPerSec: bytes / inv.window.seconds };
    console.error(`inspect: legacy.clicks ${r.messagesPerSec.toFixed(1)} msg/s, ${r.bytesPerSec.toFixed(0)} B/s over ${inv.window.seconds.toFixed(2)} s`);
    const row = fs.readFileSync(`${dir}/INVENTORY.md`, "utf8").split("\n").find((l) => l.startsWith("| legacy.clicks |"));
    if (!row || !row.includes(`| ${Math.round(r.messagesPerSec * 100) / 100} |`)) return false;
    return r.messagesPerSec >= 100 && r.messagesPerSec <= 300 && r.bytesPerSec >= 10000;
  })()],
  ["inventory: KRaft, metadata.version 21 (3.9)", inv.mode === "kraft" && inv.metadataVersionLevel === 21],
];
let failed = 0;
for (const [name, ok] of checks) {
  console.log(`${ok ? "PASS" : "FAIL"} inspect: ${name}`);
  if (!ok) failed++;
}
const e = audit.summary;
console.error(`inspect: ${audit.findings.length} findings (${e.error} errors, ${e.warning} warnings, ${e.info} info)`);
process.exit(failed ? 1 : 0);
JS
) | it_record

# Round trip of --emit typescript: the emitted program, synthesized as a user's project runs it (package by
# name), declares every topic, ACL and quota of the seeded cluster with the live values, and adopts them with
# import blocks: comparing its kafka_topic/kafka_acl/kafka_quota with the live inventory finds no difference,
# so the first apply would import, change nothing and recreate nothing.
mkdir -p "$OUT/adopt"
started=$(date +%s%N)
(cd "$REPO_ROOT" && ./bin/kafka-standards inspect --bootstrap-server "$BOOT" --window 0s --timeout 30s --tier dev \
  --emit typescript --emit-out "$OUT/adopt/main.ts" --out "$OUT/adopt/report" >"$OUT/adopt/stdout.txt" 2>"$OUT/adopt/stderr.txt")
rc=$?
emit_ms=$((($(date +%s%N) - started) / 1000000))
if [ "$rc" -gt 1 ] || [ ! -s "$OUT/adopt/main.ts" ]; then
  tail -n 20 "$OUT/adopt/stderr.txt" >&2
  it_fail "inspect --emit typescript: program written (exit $rc)"
else
  grep '^inspect: emitted' "$OUT/adopt/stderr.txt" >&2
  (cd "$REPO_ROOT" && KAFKA_BOOTSTRAP="$BOOT" npx ts-node --transpile-only test/integration/roundtrip.ts \
    "$OUT/adopt/main.ts" "$OUT/adopt/report/inventory.json" "$OUT/adopt/cdktf.out" >"$OUT/adopt/roundtrip.json" \
    2>"$OUT/adopt/roundtrip.err")
  rc=$?
  if [ "$rc" -ne 0 ]; then
    tail -n 20 "$OUT/adopt/roundtrip.err" >&2
    it_fail "inspect --emit typescript: the emitted program synthesizes and passes its audit (exit $rc)"
  else
    (cd "$REPO_ROOT" && node - "$OUT/adopt/roundtrip.json" "$OUT/adopt/report/inventory.json" "$emit_ms" "$OUT/adopt/main.ts" <<'JS'
const fs = require("fs");
const r = JSON.parse(fs.readFileSync(process.argv[2], "utf8").trim().split("\n").pop());
const inv = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const liveTopics = inv.topics.filter((t) => !t.internal).length;
const emitted = fs.readFileSync(process.argv[5], "utf8");
const legacyGrants = (emitted.match(/\.grant(Produce|Consume)\(legacyApp\b/g) || []).length;
console.error(`inspect --emit: ${r.lines} lines in ${process.argv[4]} ms (inspect + emit); ${r.topics} topics, ${r.acls} ACLs, ${r.quotas} quotas, ${r.imports} import blocks; ${r.differences.length} differences`);
for (const d of r.differences) console.error(`  difference: ${d.kind} ${d.object}: ${d.detail}`);
const checks = [
  [`emitted program declares every live topic (${liveTopics}), ACL (${(inv.acls || []).length}) and quota (${(inv.quotas || []).length})`,
    r.topics === liveTopics && r.acls === (inv.acls || []).length && r.quotas === (inv.quotas || []).length],
  [`every topic and ACL is adopted with an import block (${r.imports})`, r.imports === r.topics + r.acls],
  // Other checks of the run may have left their own principals on the shared cluster: count legacy-app's.
  [`legacy-app's ACLs become one produce and one consume grant (${legacyGrants})`, legacyGrants === 2],
  ["round trip: 0 differences between the synthesized data plane and the live cluster", r.differences.length === 0],
];
let failed = 0;
for (const [name, ok] of checks) {
  console.log(`${ok ? "PASS" : "FAIL"} inspect --emit typescript: ${name}`);
  if (!ok) failed++;
}
process.exit(failed ? 1 : 0);
JS
    ) | it_record
  fi
fi

# --remediate: the same estate, with replication factor and min.insync.replicas raised to the class. The
# round trip shows exactly those deliberate changes (in-place updates), nothing else.
(cd "$REPO_ROOT" && ./bin/kafka-standards inspect --bootstrap-server "$BOOT" --window 0s --timeout 30s --tier dev \
  --emit typescript --remediate --emit-out "$OUT/adopt/remediated.ts" --out "$OUT/adopt/report-r" \
  >/dev/null 2>"$OUT/adopt/remediate.err")
rc=$?
if [ "$rc" -le 1 ] && (cd "$REPO_ROOT" && KAFKA_BOOTSTRAP="$BOOT" npx ts-node --transpile-only test/integration/roundtrip.ts \
  "$OUT/adopt/remediated.ts" "$OUT/adopt/report-r/inventory.json" "$OUT/adopt/cdktf-r.out" \
  >"$OUT/adopt/remediated.json" 2>"$OUT/adopt/remediated.err"); then
  (cd "$REPO_ROOT" && node - "$OUT/adopt/remediated.json" <<'JS'
const fs = require("fs");
const r = JSON.parse(fs.readFileSync(process.argv[2], "utf8").trim().split("\n").pop());
const all = r.differences.map((d) => `${d.kind} ${d.object}: ${d.detail}`).sort();
for (const d of all) console.error(`  remediation: ${d}`);
// legacy.orders gets exactly its two remediations; topics other checks of the run left on the shared
// cluster may get remediations too, but only of the kinds --remediate makes (in-place raises).
const got = all.filter((d) => d.startsWith("topic legacy."));
const want = ["topic legacy.orders: min.insync.replicas 1 → 2", "topic legacy.orders: replication factor 2 → 3"];
const remediationKind = /^topic [^:]+: (replication factor [12] → 3|min\.insync\.replicas 1 → 2|unclean\.leader\.election\.enable true → removed)$/;
const ok = JSON.stringify(got) === JSON.stringify(want) && all.every((d) => remediationKind.test(d));
console.log(`${ok ? "PASS" : "FAIL"} inspect --emit typescript --remediate: only the asked remediations differ (${got.length}: RF 2 → 3, min ISR 1 → 2 on legacy.orders)`);
process.exit(ok ? 0 : 1);
JS
  ) | it_record
else
  tail -n 20 "$OUT/adopt/remediate.err" "$OUT/adopt/remediated.err" >&2
  it_fail "inspect --emit typescript --remediate: the program synthesizes (exit $rc)"
fi

# An ordinary principal (it-app over SASL/PLAIN, no cluster grants) and a wrong password: exit 2, KSE-INSPECT-002.
sasl_config() {
  printf '%s\n' "security.protocol=SASL_PLAINTEXT" "sasl.mechanism=PLAIN" \
    "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"it-app\" password=\"$1\";"
}
sasl_config it-app-secret >"$OUT/app.properties"
sasl_config wrong-secret >"$OUT/bad.properties"
for who in app bad; do
  (cd "$REPO_ROOT" && ./bin/kafka-standards inspect --bootstrap-server "$(it_sasl_bootstrap)" \
    --command-config "$OUT/$who.properties" --window 0s --timeout 10s >"$OUT/$who.out" 2>"$OUT/$who.err")
  rc=$?
  if [ "$rc" -eq 2 ] && grep -q "KSE-INSPECT-002" "$OUT/$who.err" && [ "$(grep -vc '^inspect: ' "$OUT/$who.err")" -eq 1 ]; then
    it_pass "inspect: $who principal ends with exit 2 and one KSE-INSPECT-002 line"
  else
    cat "$OUT/$who.err" >&2
    it_fail "inspect: $who principal ends with exit 2 and one KSE-INSPECT-002 line (exit $rc)"
  fi
done

# An unreachable cluster: one line, exit 2.
(cd "$REPO_ROOT" && ./bin/kafka-standards inspect --bootstrap-server 127.0.0.1:1 --window 0s --timeout 3s \
  >"$OUT/unreachable.out" 2>"$OUT/unreachable.err")
rc=$?
if [ "$rc" -eq 2 ] && grep -q "KSE-INSPECT-001" "$OUT/unreachable.err" && [ "$(grep -vc '^inspect: ' "$OUT/unreachable.err")" -eq 1 ]; then
  it_pass "inspect: unreachable cluster ends with exit 2 and one KSE-INSPECT-001 line"
else
  cat "$OUT/unreachable.err" >&2
  it_fail "inspect: unreachable cluster ends with exit 2 and one KSE-INSPECT-001 line (exit $rc)"
fi
