/**
 * Audit scale benchmark: CPU time of `auditDocument` (and of the architecture document's model) on
 * generated Terraform JSON documents of growing size, one dimension at a time, and fits the growth
 * exponent k of time ∝ n^k per dimension (least squares on log–log). A linear audit has k ≈ 1.
 *
 *   npm run bench:audit [-- --runs 5 --only scram,topics --sizes 100,200,400,800] [--doc]
 *
 * With `--doc`, the tables also replace the marked "Audit at scale" section of docs/PERFORMANCE.md.
 *
 * Dimensions (each on top of one prod MSK cluster with its configuration, key, log group and alarm,
 * shaped like the library's own output):
 * - scram:  n SCRAM users (secret, secret version, single secret association)
 * - topics: n topics over the five classes
 * - grants: n applications, each an IAM policy producing on 5 and consuming 5 of 100 topics
 * - acls:   n Kafka ACLs on n/2 topics
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { auditDocument } from "../lib/audit/engine";
import { replaceMarked } from "./doc-section";
import { readInventory } from "../lib/docs/architecture-inventory";
import { TOPIC_CLASSES, TOPIC_CLASS_NAMES } from "../lib/standards/topic-classes";

type Json = Record<string, unknown>;

/** Sizes per dimension when `--sizes` is not given. */
const DEFAULT_SIZES: Readonly<Record<Dimension, readonly number[]>> = {
  scram: [200, 400, 800, 1600],
  topics: [2000, 4000, 8000, 16000],
  grants: [500, 1000, 2000, 4000],
  acls: [2000, 4000, 8000, 16000],
};

type Dimension = "scram" | "topics" | "grants" | "acls";
const DIMENSIONS = Object.keys(DEFAULT_SIZES) as Dimension[];

const CLUSTER = "aws_msk_cluster.orders";
const TAGS = { Environment: "prod", ManagedBy: "cdktf-kafka-standards", Owner: "team-orders" };

function meta(construct: string, extra: Json = {}): Json {
  return { "kafka-standards": { construct, tier: "prod", ...extra } };
}

/** One prod cluster and what surrounds it, as the library synthesizes it. */
function baseDocument(): { resource: Record<string, Record<string, Json>>; data: Json } {
  return {
    resource: {
      aws_msk_cluster: {
        orders: {
          "//": meta("MskCluster"),
          cluster_name: "orders-prod",
          kafka_version: "3.9.x.kraft",
          number_of_broker_nodes: 3,
          broker_node_group_info: {
            instance_type: "kafka.m7g.large",
            client_subnets: ["subnet-a", "subnet-b", "subnet-c"],
            security_groups: ["${aws_security_group.brokers.id}"],
            connectivity_info: { public_access: { type: "DISABLED" } },
          },
          encryption_info: {
            encryption_at_rest_kms_key_arn: "${aws_kms_key.orders.arn}",
            encryption_in_transit: { client_broker: "TLS", in_cluster: true },
          },
          client_authentication: { unauthenticated: false, sasl: { iam: true, scram: true } },
          configuration_info: { arn: "${aws_msk_configuration.orders.arn}", revision: 1 },
          enhanced_monitoring: "PER_TOPIC_PER_BROKER",
          logging_info: {
            broker_logs: { cloudwatch_logs: { enabled: true, log_group: "${aws_cloudwatch_log_group.orders.name}" } },
          },
          lifecycle: { prevent_destroy: true },
          tags: TAGS,
        },
      },
      aws_msk_configuration: {
        orders: {
          "//": meta("MskCluster"),
          name: "orders-prod-1234abcd",
          server_properties:
            "allow.everyone.if.no.acl.found=false\nauto.create.topics.enable=false\ndefault.replication.factor=3\nmin.insync.replicas=2\nunclean.leader.election.enable=false\n",
        },
      },
      aws_kms_key: {
        orders: {
          "//": meta("MskCluster"),
          enable_key_rotation: true,
          lifecycle: { prevent_destroy: true },
          tags: TAGS,
        },
      },
      aws_cloudwatch_log_group: {
        orders: {
          "//": meta("MskCluster"),
          name: "/aws/msk/orders-prod/broker",
          retention_in_days: 365,
          kms_key_id: "${aws_kms_key.orders.arn}",
          tags: TAGS,
        },
      },
      aws_security_group: { brokers: { "//": meta("MskCluster"), name: "orders-prod-brokers", tags: TAGS } },
      aws_cloudwatch_metric_alarm: {
        offline: {
          "//": meta("MskCluster", { alarm: "offline-partitions" }),
          alarm_name: "orders-prod-offline-partitions",
          namespace: "AWS/Kafka",
          metric_name: "OfflinePartitionsCount",
          dimensions: { "Cluster Name": "${aws_msk_cluster.orders.cluster_name}" },
          tags: TAGS,
        },
      },
    },
    data: {},
  };
}

function topic(i: number): [string, Json] {
  const cls = TOPIC_CLASSES[TOPIC_CLASS_NAMES[i % TOPIC_CLASS_NAMES.length]];
  const name = `orders.dataset-${i}`;
  return [
    `topic_${i}`,
    {
      "//": meta("KafkaTopic", { class: cls.name, cluster: "orders-prod" }),
      name,
      partitions: 6,
      replication_factor: 3,
      config: {
        "cleanup.policy": cls.cleanupPolicy,
        "min.insync.replicas": String(cls.minInsyncReplicas),
        "retention.ms": String(cls.retentionMs),
      },
      lifecycle: { prevent_destroy: true },
    },
  ];
}

function topics(n: number): Record<string, Json> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => topic(i)));
}

/** A document of one dimension at size n. */
export function generate(dimension: Dimension, n: number): Json {
  const doc = baseDocument();
  const res = doc.resource;
  switch (dimension) {
    case "scram":
      res.aws_secretsmanager_secret = {};
      res.aws_secretsmanager_secret_version = {};
      res.aws_msk_single_scram_secret_association = {};
      for (let i = 0; i < n; i++) {
        res.aws_secretsmanager_secret[`user_${i}`] = {
          "//": meta("MskCluster"),
          name: `AmazonMSK_orders-prod_user-${i}`,
          kms_key_id: "${aws_kms_key.orders.arn}",
          lifecycle: { prevent_destroy: true },
          tags: TAGS,
        };
        res.aws_secretsmanager_secret_version[`user_${i}`] = {
          secret_id: `\${aws_secretsmanager_secret.user_${i}.id}`,
          secret_string_wo: `{"username":"user-${i}","password":"\${ephemeral.aws_secretsmanager_random_password.user_${i}.random_password}"}`,
        };
        res.aws_msk_single_scram_secret_association[`user_${i}`] = {
          cluster_arn: `\${${CLUSTER}.arn}`,
          secret_arn: `\${aws_secretsmanager_secret.user_${i}.arn}`,
        };
      }
      break;
    case "topics":
      res.kafka_topic = topics(n);
      break;
    case "grants": {
      const pool = 100;
      res.kafka_topic = topics(pool);
      res.aws_iam_policy = {};
      res.aws_iam_role_policy_attachment = {};
      const topicArn = (i: number): string =>
        `\${replace(${CLUSTER}.arn, ":cluster/", ":topic/")}/orders.dataset-${i % pool}`;
      for (let i = 0; i < n; i++) {
        const statements = [
          { Sid: "Cluster", Effect: "Allow", Action: ["kafka-cluster:Connect"], Resource: [`\${${CLUSTER}.arn}`] },
          {
            Sid: "ProduceTopics",
            Effect: "Allow",
            Action: ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"],
            Resource: [0, 1, 2, 3, 4].map((k) => topicArn(i * 7 + k)),
          },
          {
            Sid: "ConsumeTopics",
            Effect: "Allow",
            Action: ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"],
            Resource: [5, 6, 7, 8, 9].map((k) => topicArn(i * 7 + k)),
          },
          {
            Sid: "ConsumerGroups",
            Effect: "Allow",
            Action: ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"],
            Resource: [`\${replace(${CLUSTER}.arn, ":cluster/", ":group/")}/app-${i}`],
          },
        ];
        res.aws_iam_policy[`app_${i}`] = {
          "//": meta("MskAccess", { cluster: "orders-prod" }),
          name: `orders-prod-app-${i}-kafka`,
          policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }),
          tags: TAGS,
        };
        res.aws_iam_role_policy_attachment[`app_${i}`] = {
          role: `app-${i}`,
          policy_arn: `\${aws_iam_policy.app_${i}.arn}`,
        };
      }
      break;
    }
    case "acls":
      res.kafka_topic = topics(Math.max(1, Math.floor(n / 2)));
      res.kafka_acl = {};
      for (let i = 0; i < n; i++) {
        res.kafka_acl[`acl_${i}`] = {
          "//": meta("MskAccess", { cluster: "orders-prod" }),
          acl_host: "*",
          acl_operation: i % 2 ? "Read" : "Write",
          acl_permission_type: "Allow",
          acl_principal: `User:app-${i % 97}`,
          resource_name: `orders.dataset-${Math.floor(i / 2)}`,
          resource_pattern_type_filter: "Literal",
          resource_type: "Topic",
        };
      }
      break;
  }
  return { "//": { metadata: { stackName: `bench-${dimension}-${n}`, version: "0.21.0" } }, ...doc };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Least-squares slope of log(t) over log(n): the growth exponent. */
export function growthExponent(points: readonly { n: number; ms: number }[]): number {
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(Math.max(p.ms, 1e-3)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i] - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? NaN : num / den;
}

/**
 * Median CPU time (user + system) of `fn`, in ms. CPU time rather than wall time: the audit is
 * synchronous, and on a shared machine wall time mostly measures the other processes.
 */
function time(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    global.gc?.();
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    samples.push((d.user + d.system) / 1000);
  }
  return median(samples);
}

/** Markers around the section `--doc` rewrites in docs/PERFORMANCE.md. */
export const AUDIT_SECTION_BEGIN =
  "<!-- audit-scale-bench:begin (generated by npm run bench:audit -- --doc; edits here are overwritten) -->";
export const AUDIT_SECTION_END = "<!-- audit-scale-bench:end -->";

/** The section's Markdown: the tables, with the command, date and host. */
export function renderAuditSection(tables: readonly string[], command: string, date: string, host: string): string {
  return [
    AUDIT_SECTION_BEGIN,
    "",
    "## Audit at scale",
    "",
    `Measured with \`${command}\` on ${date} (${host}); this section is rewritten by each run. The audit`,
    "(`auditDocument` with the GDPR and SOX profiles) and the architecture document's model",
    "(`readInventory`) run on generated documents shaped like the library's output, one dimension at a",
    "time on top of one prod MSK cluster: SCRAM users (secret, version, association), topics over the five",
    "classes, applications with an IAM policy producing on 5 and consuming 5 of 100 topics, Kafka ACLs.",
    "Times are median CPU milliseconds (user + system) after a warm-up; the exponent k fits time ∝ n^k",
    "on a log–log scale, so k ≈ 1 is linear. CPU time counts the garbage collector's threads too: a",
    "single interval can jump where a collection falls into the timed runs; read k over the whole range.",
    "",
    ...tables.map((t) => t.replace(/^## /gm, "### ")),
    AUDIT_SECTION_END,
  ].join("\n");
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const runs = Number(flag("--runs") ?? 5);
  const only = (flag("--only")?.split(",") ?? DIMENSIONS) as Dimension[];
  const sizesFlag = flag("--sizes")
    ?.split(",")
    .map((s) => Number(s));
  const today = "2026-01-15";
  const out: string[] = [];
  const row = (cells: readonly (string | number)[]): string => `| ${cells.join(" | ")} |`;
  out.push(
    `Audit scale benchmark: median CPU time of ${runs} runs after one untimed run per size, Node ${process.version}${global.gc ? ", a full garbage collection before each run" : ""}`,
    "",
  );
  const summary: string[][] = [];
  for (const dimension of only) {
    const sizes = sizesFlag ?? DEFAULT_SIZES[dimension];
    // Warm the JIT on this dimension's code paths before timing.
    const warm = generate(dimension, sizes[0]);
    for (let i = 0; i < 2; i++) {
      auditDocument(warm, { today, compliance: ["gdpr", "sox"] });
      readInventory(warm);
    }
    const audit: { n: number; ms: number }[] = [];
    const arch: { n: number; ms: number }[] = [];
    out.push(
      `## ${dimension}`,
      "",
      row(["n", "resources", "audit ms (CPU)", "architecture ms (CPU)"]),
      row(["---", "---", "---", "---"]),
    );
    for (const n of sizes) {
      const doc = generate(dimension, n);
      // One untimed run at this size first: the JIT and the heap settle before the timed runs.
      auditDocument(doc, { today, compliance: ["gdpr", "sox"] });
      readInventory(doc);
      let resources = 0;
      const auditMs = time(() => {
        resources = auditDocument(doc, { today, compliance: ["gdpr", "sox"] }).summary.resources;
      }, runs);
      const archMs = time(() => readInventory(doc), runs);
      audit.push({ n, ms: auditMs });
      arch.push({ n, ms: archMs });
      out.push(row([n, resources, auditMs.toFixed(1), archMs.toFixed(1)]));
      process.stderr.write(
        `${dimension} n=${n}: audit ${auditMs.toFixed(1)} ms, architecture ${archMs.toFixed(1)} ms\n`,
      );
    }
    out.push("");
    summary.push([dimension, growthExponent(audit).toFixed(2), growthExponent(arch).toFixed(2)]);
  }
  out.push(
    "## Growth exponent k (time ∝ n^k)",
    "",
    row(["dimension", "audit k", "architecture k"]),
    row(["---", "---", "---"]),
  );
  for (const s of summary) out.push(row(s));
  process.stdout.write(out.join("\n") + "\n");
  if (process.argv.includes("--doc")) {
    const file = path.join(__dirname, "..", "docs", "PERFORMANCE.md");
    const host = `${os.cpus()[0]?.model.trim() ?? "unknown CPU"}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end`;
    const command = `npm run bench:audit -- ${process.argv.slice(2).join(" ")}`.trim();
    const section = renderAuditSection([out.slice(2).join("\n")], command, new Date().toISOString().slice(0, 10), host);
    fs.writeFileSync(
      file,
      replaceMarked(fs.readFileSync(file, "utf8"), AUDIT_SECTION_BEGIN, AUDIT_SECTION_END, section),
    );
    process.stderr.write(`docs/PERFORMANCE.md: section "Audit at scale" rewritten\n`);
  }
}

if (require.main === module) main();
