/**
 * `kafka-standards inspect --bootstrap-server <s> [--command-config <file>] [--window 10s] [--timeout 30s]
 * [--json|--markdown] [--out DIR]`: read-only inventory and audit of a live cluster.
 *
 * The inventory is read by a Java main (`kafkastandards.loadtest.Inspect`) built with the load
 * generator's Maven project: the Apache Kafka Admin client is the maintained reference client, it
 * speaks every auth mode the library renders (PLAINTEXT, SASL_SSL SCRAM, mTLS and, with
 * aws-msk-iam-auth, MSK IAM) from the same client properties, and exposes every describe call the
 * inventory needs (metadata quorum, features, log dirs, SCRAM users, quotas). KafkaJS, the usual
 * Node client, is unmaintained and lacks MSK IAM and several of those calls.
 */
import { auditInventory } from "../../inspect/live-checks";
import { InspectError } from "../../inspect/errors";
import { rates, kafkaRelease, skew } from "../../inspect/metrics";
import { renderInventoryMarkdown, writeInspectReports } from "../../inspect/report";
import { readInventory } from "../../inspect/run";
import { emitTypeScript, type EmitAuth } from "../../inspect/emit-typescript";
import { TOPIC_CLASS_NAMES, type TopicClassName } from "../../standards/topic-classes";
import * as fs from "fs";
import { resolveAuditOptions, type FailOn } from "../../audit/options";
import { renderAuditMarkdown } from "../../audit/report/markdown";
import { formatReportText } from "../../audit/report/summary";
import type { ComplianceProfile } from "../../audit/types";
import type { EnvironmentTier } from "../../standards/tiers";
import { parseCommandArgs } from "../args";
import { EXIT, type CliCommand, type CliIo } from "../io";
import { BOOTSTRAP_SERVERS_PATTERN } from "../../standards/naming";

const USAGE = `Usage: kafka-standards inspect --bootstrap-server <servers> [options]

Read a live Kafka cluster (read-only: describe and list calls only), inventory it and audit it
against the standard. Needs Java 11+ (and Maven once, to build the Java inspector).

Options:
  --bootstrap-server <s>   host:port[,host:port…]
  --command-config <file>  Admin client properties (security.protocol, sasl.*, ssl.*): PLAINTEXT,
                           SASL_SSL SCRAM, mTLS or MSK IAM (sasl.mechanism=AWS_MSK_IAM)
  --window <duration>      sampling window for message and byte rates (default 10s; 0s skips sampling)
  --timeout <duration>     timeout of each Admin call (default 30s)
  --out <dir>              write INVENTORY.md, inventory.json, AUDIT.md and audit.json
  --json                   print {"inventory","audit"} as JSON
  --markdown               print INVENTORY.md and AUDIT.md
  --emit typescript        write a cdktf program that adopts every topic, ACL and quota (import blocks)
  --emit-out <file.ts>     where --emit writes (default: stdout)
  --cluster-name <name>    cluster name in the emitted program (default live-<cluster id>)
  --topic-class <t=c,…>    class of named topics in the emitted program (default: inferred from configs)
  --remediate              the emitted program raises replication factor, min.insync.replicas and unclean
                           leader election to each topic's class (in place); retention is kept as found
  --max-lag <messages>     total group lag above which a group is lagging (default 1000)
  --compliance <profiles>  gdpr, sox (comma-separated)
  --tier <tier>            tier of the cluster: dev, staging, prod
  --fail-on <severity>     error (default), warning, info, never
  --today <YYYY-MM-DD>     audit date for end-of-support checks (default: today)
  -h, --help               show this help

Exit codes: 0 no finding at --fail-on, 1 findings, 2 unreachable or unauthorized cluster, bad arguments.
`;

/** Parse `10s`, `500ms`, `2m` or a number of seconds into milliseconds. */
export function parseDuration(option: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m)
    throw new InspectError(
      "KSE-INSPECT-004",
      option,
      text,
      `${option} ${JSON.stringify(text)} is not a duration`,
      "write e.g. 10s, 500ms or 2m",
    );
  const n = Number(m[1]);
  const ms = m[2] === "ms" ? n : m[2] === "m" ? n * 60_000 : n * 1000;
  return Math.round(ms);
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    "bootstrap-server": { type: "string" },
    "command-config": { type: "string" },
    window: { type: "string" },
    timeout: { type: "string" },
    out: { type: "string" },
    json: { type: "boolean" },
    markdown: { type: "boolean" },
    "max-lag": { type: "string" },
    compliance: { type: "string" },
    tier: { type: "string" },
    "fail-on": { type: "string" },
    today: { type: "string" },
    emit: { type: "string" },
    "emit-out": { type: "string" },
    "cluster-name": { type: "string" },
    "topic-class": { type: "string" },
    remediate: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const bootstrap = values["bootstrap-server"]?.trim();
  if (!bootstrap || !BOOTSTRAP_SERVERS_PATTERN.test(bootstrap))
    throw new InspectError(
      "KSE-INSPECT-004",
      "--bootstrap-server",
      values["bootstrap-server"],
      `--bootstrap-server ${JSON.stringify(values["bootstrap-server"] ?? "")} is not host:port[,host:port…]`,
      "pass e.g. --bootstrap-server b-1.example:9092",
    );
  if (values.json && values.markdown)
    throw new InspectError(
      "KSE-INSPECT-004",
      "--json/--markdown",
      "both",
      "--json and --markdown exclude each other",
      "pass one of them",
    );
  if (values.emit !== undefined && values.emit !== "typescript")
    throw new InspectError(
      "KSE-INSPECT-004",
      "--emit",
      values.emit,
      `--emit ${values.emit} is not a known format`,
      "pass --emit typescript",
    );
  const topicClasses: Record<string, TopicClassName> = {};
  for (const pair of (values["topic-class"] ?? "").split(",").filter((p) => p.trim() !== "")) {
    const [topic, cls] = pair.split("=").map((x) => x.trim());
    if (!topic || !(TOPIC_CLASS_NAMES as readonly string[]).includes(cls))
      throw new InspectError(
        "KSE-INSPECT-004",
        "--topic-class",
        pair,
        `--topic-class ${pair} is not <topic>=<class> with a class of ${TOPIC_CLASS_NAMES.join(", ")}`,
        "pass e.g. --topic-class orders.created=events",
      );
    topicClasses[topic] = cls as TopicClassName;
  }
  const windowMs = parseDuration("--window", values.window ?? "10s");
  const timeoutMs = parseDuration("--timeout", values.timeout ?? "30s");
  if (timeoutMs < 1000)
    throw new InspectError(
      "KSE-INSPECT-004",
      "--timeout",
      values.timeout,
      `--timeout ${values.timeout} is below 1s`,
      "pass --timeout 30s or more for remote clusters",
    );
  let maxGroupLag: number | undefined;
  if (values["max-lag"] !== undefined) {
    maxGroupLag = Number(values["max-lag"]);
    if (!Number.isInteger(maxGroupLag) || maxGroupLag < 0)
      throw new InspectError(
        "KSE-INSPECT-004",
        "--max-lag",
        values["max-lag"],
        `--max-lag ${values["max-lag"]} is not a whole number of messages`,
        "pass e.g. --max-lag 1000",
      );
  }
  const options = {
    compliance: (values.compliance ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.length > 0) as ComplianceProfile[],
    ...(values.tier !== undefined ? { tier: values.tier as EnvironmentTier } : {}),
    ...(values["fail-on"] !== undefined ? { failOn: values["fail-on"] as FailOn } : {}),
    ...(values.today !== undefined ? { today: values.today } : {}),
    ...(maxGroupLag !== undefined ? { maxGroupLag } : {}),
  };
  const { today } = resolveAuditOptions(options);

  const started = Date.now();
  const inventory = await readInventory(
    {
      bootstrapServer: bootstrap,
      ...(values["command-config"] !== undefined ? { commandConfig: values["command-config"] } : {}),
      windowMs,
      timeoutMs,
    },
    { err: io.err, env: process.env },
  );
  const inspectSeconds = (Date.now() - started) / 1000;
  const report = auditInventory(inventory, options);
  const meta = { today, inspectSeconds };
  if (values.out !== undefined) {
    for (const file of writeInspectReports(values.out, inventory, report, meta)) io.err(`inspect: wrote ${file}\n`);
  }
  if (values.emit !== undefined) {
    const emitted = emitTypeScript(inventory, {
      bootstrapServers: bootstrap,
      auth: emitAuth(values["command-config"]),
      tier: (values.tier as EnvironmentTier | undefined) ?? "prod",
      ...(values["cluster-name"] !== undefined ? { clusterName: values["cluster-name"] } : {}),
      topicClasses,
      audit: report,
      remediate: values.remediate === true,
    });
    const lines = emitted.code.split("\n").length - 1;
    if (values["emit-out"] !== undefined) fs.writeFileSync(values["emit-out"], emitted.code);
    else io.out(emitted.code);
    io.err(
      `inspect: emitted ${lines} lines: ${emitted.topics} topics, ${emitted.applications} applications, ${emitted.grants} grants, ` +
        `${emitted.adoptedAcls} ACLs kept as found, ${emitted.quotas} quotas` +
        `${emitted.remediations.length ? `; remediations: ${emitted.remediations.join("; ")}` : ""}${emitted.skipped.length ? `; not expressed: ${emitted.skipped.join("; ")}` : ""}` +
        `${values["emit-out"] !== undefined ? ` -> ${values["emit-out"]}` : ""}\n`,
    );
    if (values["emit-out"] === undefined) return report.summary.passed ? EXIT.ok : EXIT.findings;
  }
  if (values.json) io.out(JSON.stringify({ inventory, audit: report }, null, 2) + "\n");
  else if (values.markdown) io.out(`${renderInventoryMarkdown(inventory, meta)}\n${renderAuditMarkdown(report)}`);
  else {
    const r = rates(inventory);
    const s = skew(inventory);
    const msgs = Object.values(r.topics).reduce((n, t) => n + t.messagesPerSec, 0);
    io.out(
      `cluster ${inventory.clusterId}: ${inventory.mode === "kraft" ? "KRaft" : "ZooKeeper"}, Kafka ${kafkaRelease(inventory) ?? "unknown"}, ` +
        `${inventory.brokers.length} brokers, ${inventory.topics.filter((t) => !t.internal).length} topics, ` +
        `${inventory.acls?.length ?? "?"} ACLs, ${inventory.scramUsers?.length ?? "?"} SCRAM users, ${inventory.quotas?.length ?? "?"} quotas, ` +
        `${inventory.consumerGroups.length} groups; ${Math.round(msgs * 100) / 100} msg/s over ${r.seconds} s; leader skew ${Math.round(s.leaderSkew * 100)}%; read in ${inspectSeconds.toFixed(1)} s\n`,
    );
    io.out(formatReportText(report));
  }
  return report.summary.passed ? EXIT.ok : EXIT.findings;
}

/** Data-plane authentication of the emitted program, from the Admin client properties. */
export function emitAuth(commandConfig: string | undefined): EmitAuth {
  if (commandConfig === undefined) return { kind: "plaintext" };
  const props: Record<string, string> = {};
  for (const line of fs.readFileSync(commandConfig, "utf8").split(/\r?\n/)) {
    const m = /^\s*([^#!=\s][^=]*?)\s*=\s*(.*)$/.exec(line);
    if (m) props[m[1]] = m[2];
  }
  const protocol = (props["security.protocol"] ?? "PLAINTEXT").toUpperCase();
  const mechanism = (props["sasl.mechanism"] ?? "").toUpperCase();
  if (mechanism === "AWS_MSK_IAM" || mechanism === "OAUTHBEARER") return { kind: "iam" };
  if (mechanism.startsWith("SCRAM")) {
    const user = /username\s*=\s*"([^"]*)"/.exec(props["sasl.jaas.config"] ?? "")?.[1] ?? "terraform";
    return { kind: "scram", username: user };
  }
  if (protocol === "SSL" && props["ssl.keystore.location"] !== undefined) return { kind: "mtls" };
  return { kind: "plaintext" };
}

/** The `inspect` command. */
export const INSPECT_COMMAND: CliCommand = {
  summary: "inventory and audit a live Kafka cluster, read-only (Java Admin client)",
  usage: USAGE,
  run,
};
