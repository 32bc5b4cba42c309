/**
 * Load test reports: the count check, the comparison with the client defaults, warnings, the
 * Markdown report and the summary printed on stdout. Pure functions of the results.
 */
import { CLIENT_PROFILES, type ClientProfileName } from "../standards/client-profiles";
import type {
  ComparisonRow,
  ConsumerResult,
  CountCheck,
  LatencySummary,
  LoadtestReport,
  ProducerResult,
  RunReport,
  TopicInfo,
} from "./types";

/** Every acknowledged record consumed and no send failed. */
export function countCheck(producer: ProducerResult, consumer: ConsumerResult): CountCheck {
  return {
    acknowledged: producer.acknowledged,
    consumed: consumer.consumedAcknowledged,
    missing: consumer.missing,
    sendErrors: producer.errors,
    passed: consumer.missing === 0 && producer.errors === 0 && producer.acknowledged > 0,
  };
}

function row(metric: string, unit: string, defaults: number, profile: number, higherIsBetter: boolean): ComparisonRow {
  return {
    metric,
    unit,
    defaults,
    profile,
    ratio: defaults > 0 ? Math.round((profile / defaults) * 100) / 100 : null,
    higherIsBetter,
  };
}

/** The profile's numbers next to the client defaults'. */
export function compareRuns(defaults: RunReport, profile: RunReport): ComparisonRow[] {
  return [
    row("producer throughput", "records/s", defaults.producer.recordsPerSec, profile.producer.recordsPerSec, true),
    row("producer throughput", "MiB/s", defaults.producer.mibPerSec, profile.producer.mibPerSec, true),
    row("ack latency p50", "ms", defaults.producer.ackLatencyMs.p50, profile.producer.ackLatencyMs.p50, false),
    row("ack latency p99", "ms", defaults.producer.ackLatencyMs.p99, profile.producer.ackLatencyMs.p99, false),
    row("consumer throughput", "records/s", defaults.consumer.recordsPerSec, profile.consumer.recordsPerSec, true),
    row(
      "end-to-end latency p50",
      "ms",
      defaults.consumer.endToEndLatencyMs.p50,
      profile.consumer.endToEndLatencyMs.p50,
      false,
    ),
    row(
      "end-to-end latency p99",
      "ms",
      defaults.consumer.endToEndLatencyMs.p99,
      profile.consumer.endToEndLatencyMs.p99,
      false,
    ),
  ];
}

/** What weakens the numbers or the profile's guarantees on this topic and setup. */
export function reportWarnings(input: {
  profile: ClientProfileName;
  topic: TopicInfo;
  extraProperties: readonly string[];
  runs: readonly RunReport[];
}): string[] {
  const warnings: string[] = [];
  const { profile, topic } = input;
  const p = CLIENT_PROFILES[profile];
  if (p.requiresDurableTopic) {
    const weak: string[] = [];
    if (topic.replicationFactor < 3) weak.push(`replication factor ${topic.replicationFactor}`);
    if (topic.minInsyncReplicas !== null && topic.minInsyncReplicas < 2)
      weak.push(`min.insync.replicas ${topic.minInsyncReplicas}`);
    if (weak.length > 0)
      warnings.push(
        `${profile} needs topics with replication factor >= 3 and min.insync.replicas >= 2; ${topic.name} has ${weak.join(" and ")}.`,
      );
  }
  if (topic.minInsyncReplicas === null)
    warnings.push(
      `min.insync.replicas of ${topic.name} could not be read${topic.configsError ? ` (${topic.configsError})` : ""}.`,
    );
  if (topic.timestampType === "LogAppendTime")
    warnings.push(
      `${topic.name} uses LogAppendTime: end-to-end latency is measured from the broker's append, not from the send.`,
    );
  const tuned = new Set([...Object.keys(p.producer.java), ...Object.keys(p.consumer.java)]);
  const overridden = input.extraProperties.filter((k) => tuned.has(k));
  if (overridden.length > 0)
    warnings.push(
      `--property overrides ${profile} settings (${overridden.join(", ")}): the run is not the profile as published.`,
    );
  for (const run of input.runs) {
    if (run.consumer.endToEndFailure)
      warnings.push(`${run.name}: the consumer reading along stopped early (${run.consumer.endToEndFailure}).`);
    if (run.consumer.duplicates > 0) warnings.push(`${run.name}: ${run.consumer.duplicates} records were read twice.`);
  }
  return warnings;
}

const int = (n: number): string => Math.round(n).toLocaleString("en-US");
const dec = (n: number, digits = 1): string =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (n: number): string => (n >= 100 ? `${int(n)} ms` : `${dec(n, n >= 10 ? 1 : 2)} ms`);

function latencyLine(l: LatencySummary): string {
  return `p50 ${ms(l.p50)}  p99 ${ms(l.p99)}  p99.9 ${ms(l.p999)}  max ${ms(l.max)}`;
}

function topicLine(t: TopicInfo): string {
  const isr = t.minInsyncReplicas !== null ? `, min ISR ${t.minInsyncReplicas}` : "";
  return `${t.name} (${t.partitions} partitions, RF ${t.replicationFactor}${isr}${t.created ? ", created" : ""})`;
}

/** The summary printed on stdout at the end. */
export function renderSummary(report: LoadtestReport, files: { json: string; markdown: string }): string {
  const o = report.options;
  const lines = [
    `loadtest ${o.profile}: ${int(o.records)} records of ${int(o.recordSize)} B to ${topicLine(report.topic)}` +
      `${o.throughput !== null ? ` at up to ${int(o.throughput)} records/s` : ""}, Kafka client ${report.host.kafkaClient}`,
  ];
  for (const run of report.runs) {
    const p = run.producer;
    const c = run.consumer;
    lines.push(
      `${run.name}:`,
      `  producer  ${int(p.recordsPerSec)} records/s  ${dec(p.mibPerSec)} MiB/s  ack latency ${latencyLine(p.ackLatencyMs)}`,
      `  consumer  ${int(c.recordsPerSec)} records/s  ${dec(c.mibPerSec)} MiB/s  end-to-end ${latencyLine(c.endToEndLatencyMs)}`,
      `  check     ${int(run.check.acknowledged)} acknowledged, ${int(run.check.consumed)} consumed, ${int(run.check.missing)} missing` +
        `${run.check.sendErrors > 0 ? `, ${int(run.check.sendErrors)} send errors (${p.firstError})` : ""}: ${run.check.passed ? "PASS" : "FAIL"}`,
    );
  }
  if (report.comparison) {
    lines.push(`${o.profile} vs client defaults:`);
    for (const r of report.comparison)
      lines.push(`  ${`${r.metric} (${r.unit})`.padEnd(32)} ${r.ratio !== null ? `x${dec(r.ratio, 2)}` : "n/a"}`);
  }
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  lines.push(`reports: ${files.json}, ${files.markdown}`);
  return lines.join("\n") + "\n";
}

/** A Markdown table; columns after the first are right-aligned (numbers) unless `numeric` is false. */
function table(header: readonly string[], rows: readonly (readonly string[])[], numeric = true): string[] {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, i) => (i === 0 || !numeric ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

function propertiesBlock(props: Readonly<Record<string, string>>): string[] {
  return ["```properties", ...Object.entries(props).map(([k, v]) => `${k}=${v}`), "```"];
}

/** The Markdown report. */
export function renderMarkdown(report: LoadtestReport): string {
  const o = report.options;
  const out: string[] = [
    `# Kafka load test: ${o.profile}`,
    "",
    `${report.passed ? "**PASS**" : "**FAIL**"}: ${report.passed ? "every acknowledged record was consumed and no send failed" : "see the count check below"}.`,
    "",
    "## Setup",
    "",
    ...table(
      ["Setting", "Value"],
      [
        ["Bootstrap", `\`${o.bootstrap}\``],
        [
          "Cluster",
          `${report.cluster.clusterId ?? "unknown"} (${report.cluster.brokers.length} broker${report.cluster.brokers.length === 1 ? "" : "s"})`,
        ],
        ["Topic", topicLine(report.topic)],
        ["Profile", o.compareDefault ? `${o.profile}, compared with the Kafka client defaults` : o.profile],
        ["Records", `${int(o.records)} × ${int(o.recordSize)} B`],
        ["Rate limit", o.throughput !== null ? `${int(o.throughput)} records/s` : "none"],
        [
          "Authentication",
          o.auth +
            (o.username ? ` (user ${o.username})` : "") +
            (o.passwordEnv ? `, secret from $${o.passwordEnv}` : ""),
        ],
        ["Consumer group", `\`${o.consumerGroup}\``],
        ["Kafka client", `Apache Kafka ${report.host.kafkaClient} (Java ${report.host.java})`],
        [
          "Host",
          `${report.host.hostname}, ${report.host.platform}/${report.host.arch}, ${report.host.cpus} CPUs, Node.js ${report.host.node}`,
        ],
        ["Started", report.startedAt],
        ["Finished", report.finishedAt],
      ],
      false,
    ),
    "",
    "## Results",
    "",
    ...table(
      ["Run", "Producer records/s", "Producer MiB/s", "Ack p50", "Ack p99", "Ack p99.9", "Ack max"],
      report.runs.map((r) => [
        r.name,
        int(r.producer.recordsPerSec),
        dec(r.producer.mibPerSec),
        ms(r.producer.ackLatencyMs.p50),
        ms(r.producer.ackLatencyMs.p99),
        ms(r.producer.ackLatencyMs.p999),
        ms(r.producer.ackLatencyMs.max),
      ]),
    ),
    "",
    ...table(
      ["Run", "Consumer records/s", "Consumer MiB/s", "E2E p50", "E2E p99", "E2E p99.9", "E2E max", "Group join"],
      report.runs.map((r) => [
        r.name,
        int(r.consumer.recordsPerSec),
        dec(r.consumer.mibPerSec),
        ms(r.consumer.endToEndLatencyMs.p50),
        ms(r.consumer.endToEndLatencyMs.p99),
        ms(r.consumer.endToEndLatencyMs.p999),
        ms(r.consumer.endToEndLatencyMs.max),
        r.consumer.groupJoinMs !== null ? ms(r.consumer.groupJoinMs) : "n/a",
      ]),
    ),
    "",
    ...table(
      ["Run", "Acknowledged", "Consumed", "Missing", "Send errors", "Duplicates", "Check"],
      report.runs.map((r) => [
        r.name,
        int(r.check.acknowledged),
        int(r.check.consumed),
        int(r.check.missing),
        int(r.check.sendErrors),
        int(r.consumer.duplicates),
        r.check.passed ? "PASS" : "FAIL",
      ]),
    ),
    "",
    "Acknowledgement latency runs from `send()` to the producer's callback. End-to-end latency is",
    "measured by a consumer that reads along while the producer runs: consume time minus the record",
    "timestamp set at send (millisecond resolution). The consumer phase then reads the same records",
    "again from their first offset through the consumer group; its throughput runs from the partition",
    "assignment to the last record.",
    "",
  ];
  if (o.throughput === null)
    out.push(
      "Without a rate limit the producer sends as fast as `send()` accepts records, so both latencies",
      "include the time records wait in the client's buffer: measure latency with `--throughput` below",
      "the saturation rate.",
      "",
    );
  if (report.comparison) {
    out.push(
      `## ${o.profile} against the client defaults`,
      "",
      ...table(
        ["Metric", "Client defaults", o.profile, "Ratio"],
        report.comparison.map((r) => [
          `${r.metric} (${r.unit}, ${r.higherIsBetter ? "higher" : "lower"} is better)`,
          dec(r.defaults, r.unit === "records/s" ? 0 : 2),
          dec(r.profile, r.unit === "records/s" ? 0 : 2),
          r.ratio !== null ? `×${dec(r.ratio, 2)}` : "n/a",
        ]),
      ),
      "",
    );
  }
  if (report.warnings.length > 0) out.push("## Warnings", "", ...report.warnings.map((w) => `- ${w}`), "");
  out.push("## Client properties", "", "Exactly as used; secrets are referenced from the environment or redacted.", "");
  for (const run of report.runs) {
    out.push(`### ${run.name}`, "", "Producer:", "", ...propertiesBlock(run.properties.producer), "");
    out.push("Consumer:", "", ...propertiesBlock(run.properties.consumer), "");
  }
  const admin = report.runs[report.runs.length - 1]?.properties.admin;
  if (admin) out.push("Admin client (cluster check, topic, offsets):", "", ...propertiesBlock(admin), "");
  return out.join("\n");
}
