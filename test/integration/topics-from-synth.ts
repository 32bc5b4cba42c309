/**
 * Prints, as JSON, the topics verify-topics.sh creates on the local brokers: one topic per class of
 * the standard, resolved by the library itself, and every topic resource of synthesized stacks.
 *
 *   ts-node --transpile-only test/integration/topics-from-synth.ts [--classes] [--synth DIR]
 *
 *   --classes    resolveTopicSpec for each of TOPIC_CLASS_NAMES (MSK, prod tier, 3 brokers)
 *   --synth DIR  kafka_topic and confluent_kafka_topic resources of DIR/stacks/*\/cdk.tf.json
 *
 * Output: { "topics": [{ source, name, partitions, replicationFactor, config }], "skipped": [...] }.
 * Values are copied as synthesized; nothing is re-typed here.
 */
import * as fs from "fs";
import * as path from "path";
import { TOPIC_CLASS_NAMES } from "../../lib/standards/topic-classes";
import { TOPIC_NAME_PATTERN } from "../../lib/standards/naming";
import { CONFLUENT_REPLICATION_FACTOR } from "../../lib/standards/topic-config";
import { resolveTopicSpec } from "../../lib/topic/topic-spec";

interface TopicOut {
  /** Where the topic comes from, for the PASS/FAIL line. */
  readonly source: string;
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly config: Record<string, string>;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function classTopics(): TopicOut[] {
  return TOPIC_CLASS_NAMES.map((topicClass) => {
    const spec = resolveTopicSpec(
      `it-topic-class.${topicClass}`,
      { topicClass },
      { backend: "msk", tier: "prod", clusterName: "it", brokerNodes: 3, namePattern: TOPIC_NAME_PATTERN, path: "it" },
    );
    return {
      source: `class ${topicClass}`,
      name: spec.name,
      partitions: spec.partitions,
      replicationFactor: spec.replicationFactor,
      config: { ...spec.config },
    };
  });
}

/** Config values as the provider sends them: strings (numbers and booleans written as text). */
function configOf(raw: unknown, where: string): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== "object" || Array.isArray(raw)) fail(`${where}: config is not an object`);
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

function synthTopics(dir: string, skipped: string[]): TopicOut[] {
  const stacksDir = path.join(dir, "stacks");
  if (!fs.existsSync(stacksDir)) fail(`no ${stacksDir}: synthesize first`);
  const out: TopicOut[] = [];
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    const file = path.join(stacksDir, stack, "cdk.tf.json");
    if (!fs.existsSync(file)) continue;
    const resources = (JSON.parse(fs.readFileSync(file, "utf8")).resource ?? {}) as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    for (const [type, byId] of Object.entries(resources)) {
      for (const [id, r] of Object.entries(byId)) {
        const where = `${stack}/${type}.${id}`;
        if (type === "kafka_topic") {
          // Mongey/kafka provider: name, partitions, replication_factor, config.
          out.push({
            source: `${stack} kafka_topic`,
            name: String(r.name),
            partitions: Number(r.partitions),
            replicationFactor: Number(r.replication_factor),
            config: configOf(r.config, where),
          });
        } else if (type === "confluent_kafka_topic") {
          // Confluent provider: topic_name, partitions_count, config; Confluent Cloud fixes RF at 3.
          out.push({
            source: `${stack} confluent_kafka_topic`,
            name: String(r.topic_name),
            partitions: Number(r.partitions_count),
            replicationFactor: CONFLUENT_REPLICATION_FACTOR,
            config: configOf(r.config, where),
          });
        } else if (type === "confluent_kafka_mirror_topic") {
          skipped.push(`${where} (a mirror topic takes its configuration from its source topic)`);
        } else if (/kafka.*topic/.test(type)) {
          fail(`${where}: ${type} is a topic resource this helper does not read yet`);
        }
      }
    }
  }
  return out;
}

function main(argv: readonly string[]): void {
  const topics: TopicOut[] = [];
  const skipped: string[] = [];
  let any = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--classes") {
      topics.push(...classTopics());
      any = true;
    } else if (argv[i] === "--synth") {
      const dir = argv[++i] ?? fail("--synth needs a directory");
      topics.push(...synthTopics(dir, skipped));
      any = true;
    } else {
      fail(`unknown argument ${argv[i]}`);
    }
  }
  if (!any) fail("usage: topics-from-synth.ts [--classes] [--synth DIR]");
  process.stdout.write(`${JSON.stringify({ topics, skipped }, null, 2)}\n`);
}

main(process.argv.slice(2));
