#!/usr/bin/env bash
# Check: every topic class of the standard and every topic of the examples is created on the real
# brokers with exactly the configuration the library synthesizes, and the brokers report exactly
# that configuration back.
#   - class topics: resolveTopicSpec for each of TOPIC_CLASS_NAMES (MSK, prod, 3 brokers);
#   - example topics: kafka_topic and confluent_kafka_topic resources of the synthesized examples
#     (confluent_kafka_topic with Confluent Cloud's fixed replication factor 3);
#   - each is created with its partitions, replication factor and configs (createTopics); the
#     brokers must report the partition count, the replicas of every partition, every synthesized
#     key with the synthesized value set on the topic itself, and no other topic-level key. A key
#     the brokers reject fails the topic, naming the key. Topics are deleted afterwards.
#   - self-test: a topic with an unknown key and one with an invalid value fail the same steps.
# Needs a running cluster (cluster.sh start). Prints and records one PASS/FAIL line per topic.
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

OUT="$IT_WORK/topics"
"$IT_DIR/cluster.sh" status >/dev/null || it_die "the cluster is not running (cluster.sh start)"
rm -rf "$OUT"
mkdir -p "$OUT"

# The examples, synthesized as `npm run synth` does (bin/synth-examples.ts).
if ! (cd "$REPO_ROOT" && npx --no-install ts-node --transpile-only bin/synth-examples.ts --outdir "$OUT/synth") \
  >"$OUT/synth.log" 2>&1; then
  tail -n 30 "$OUT/synth.log" >&2
  it_fail "examples synthesized (bin/synth-examples.ts --outdir $OUT/synth)"
  exit 1
fi

if ! (cd "$REPO_ROOT" && npx --no-install ts-node --transpile-only test/integration/topics-from-synth.ts \
  --classes --synth "$OUT/synth") >"$OUT/topics.json" 2> >(grep -v '^npm warn' >&2); then
  it_fail "topics read from the topic classes and the synthesized examples (topics-from-synth.ts)"
  exit 1
fi
it_log "verify-topics: $(grep -c '"source"' "$OUT/topics.json") topics (class topics and example topics)"

it_check "topic configurations on the brokers" it_java kafkastandards.it.TopicConfigCheck \
  --bootstrap "$(it_bootstrap)" --spec "$OUT/topics.json" --self-test true
