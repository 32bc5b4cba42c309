import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { confluentAlerts, alertName } from "../../lib/monitoring/confluent-alarms";
import {
  ConfluentMonitoringInput,
  KAFKA_CLUSTER_ID_PLACEHOLDER,
  promString,
} from "../../lib/monitoring/confluent-metric-factory";
import { renderPrometheusRules } from "../../lib/monitoring/confluent-prometheus-rules";
import { MSK_ALARM_THRESHOLDS } from "../../lib/standards/alarm-thresholds";
import { CONFLUENT_CLUSTER_KINDS, ConfluentClusterKind } from "../../lib/standards/confluent";
import { CONFLUENT_ALARM_THRESHOLDS, confluentMetricLimits } from "../../lib/standards/confluent-metrics";

/** promtool on PATH, or where the Debian package puts it. */
function findPromtool(): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/bin"];
  return dirs.map((d) => path.join(d, "promtool")).find((p) => p && fs.existsSync(p));
}

const PROMTOOL = findPromtool();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "promtool-"));

function promtool(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(PROMTOOL!, args, { cwd: work, encoding: "utf8", timeout: 30_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function input(
  kind: ConfluentClusterKind,
  overrides: Partial<ConfluentMonitoringInput> = {},
): ConfluentMonitoringInput {
  return {
    clusterName: `orders-${kind}`,
    kafkaClusterId: "${confluent_kafka_cluster.orders.id}",
    clusterType: kind,
    tier: "prod",
    ...overrides,
  };
}

/** Rule files checked by promtool: every cluster type, with a reference id, a literal id and listed groups. */
const CASES: [string, ConfluentMonitoringInput][] = [
  ...CONFLUENT_CLUSTER_KINDS.map((k): [string, ConfluentMonitoringInput] => [`${k}, id unknown until apply`, input(k)]),
  ...CONFLUENT_CLUSTER_KINDS.map((k): [string, ConfluentMonitoringInput] => [
    `${k}, literal id`,
    input(k, { kafkaClusterId: "lkc-abc123" }),
  ]),
  [
    "dedicated with 4 CKU and listed consumer groups",
    input("dedicated", {
      cku: 4,
      consumerGroups: [
        { group: "billing", topic: "orders.created" },
        { group: 'we"ird', topic: "a\\b" },
      ],
    }),
  ],
];

describe("promtool", () => {
  if (!PROMTOOL) {
    if (process.env.CI) {
      test("promtool is installed", () => {
        throw new Error("promtool not found on PATH or in /usr/bin: run .ci/install-promtool.sh before the tests.");
      });
    } else {
      console.warn("promtool not found: skipping the promtool checks (run .ci/install-promtool.sh to enable them).");
    }
    return;
  }

  test.each(CASES)("promtool check rules accepts the rule file: %s", (name, i) => {
    const file = path.join(work, `${name.replace(/\W+/g, "-")}.yml`);
    fs.writeFileSync(file, renderPrometheusRules(i));
    const r = promtool("check", "rules", file);
    expect(r.output).toContain(`SUCCESS: ${confluentAlerts(i).length} rules found`);
    expect(r.status).toBe(0);
  });

  test("promtool check rules rejects a broken rule file (the check is real)", () => {
    const file = path.join(work, "broken.yml");
    fs.writeFileSync(file, renderPrometheusRules(input("basic")).replace("/ 60 >", "/ 60 >>"));
    const r = promtool("check", "rules", file);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/parse error|FAILED/);
  });

  test("promtool test rules: the alerts fire on the numbers of the standard", () => {
    const i = input("basic", { kafkaClusterId: "lkc-test1", clusterName: "orders-dev", tier: "dev" });
    fs.writeFileSync(path.join(work, "rules.yml"), renderPrometheusRules(i));
    const alert = (id: string, severity: string, value: string, labels: Record<string, string> = {}) => {
      const a = confluentAlerts(i).find((x) => x.id === id && x.severity === severity)!;
      const description = a.description
        .replace("{{ $value | humanize }}", value)
        .replace("{{ $labels.consumer_group_id }}", labels.consumer_group_id ?? "")
        .replace("{{ $labels.topic }}", labels.topic ?? "");
      return {
        exp_labels: { severity: severity.toLowerCase(), ...a.labels, ...labels },
        exp_annotations: { summary: a.summary, description, runbook_url: a.runbookUrl },
      };
    };
    const lag = { consumer_group_id: "billing", topic: "orders" };
    const tests = {
      rule_files: ["rules.yml"],
      evaluation_interval: "1m",
      tests: [
        {
          interval: "1m",
          input_series: [
            // 12e9 bytes per one-minute sample = 200 MB/s: above 70 % (175 MB/s) of Basic's 250 MBps, below 90 %.
            {
              series: 'confluent_kafka_server_received_bytes{kafka_id="lkc-test1",topic="orders"}',
              values: "12000000000x30",
            },
            { series: 'confluent_kafka_server_partition_count{kafka_id="lkc-test1"}', values: "12x30" },
            {
              series:
                'confluent_scrape_resource_access_error{resource_id="lkc-test1",resource_type="resource.kafka.id"}',
              values: "0x30",
            },
            {
              series:
                'confluent_kafka_server_consumer_lag_offsets{kafka_id="lkc-test1",consumer_group_id="billing",topic="orders"}',
              values: "50000x30",
            },
          ],
          alert_rule_test: [
            { eval_time: "10m", alertname: alertName("ingress"), exp_alerts: [] },
            { eval_time: "20m", alertname: alertName("ingress"), exp_alerts: [alert("ingress", "Warning", "200M")] },
            {
              eval_time: "20m",
              alertname: alertName("consumer-max-offset-lag"),
              exp_alerts: [alert("consumer-max-offset-lag", "Warning", "50k", lag)],
            },
            { eval_time: "20m", alertname: alertName("metrics-access"), exp_alerts: [] },
            { eval_time: "20m", alertname: alertName("partitions"), exp_alerts: [] },
          ],
        },
        {
          interval: "1m",
          // Nothing arrives for the cluster: missing metrics count as breaching.
          input_series: [
            { series: 'confluent_kafka_server_received_bytes{kafka_id="lkc-other",topic="x"}', values: "1x30" },
          ],
          alert_rule_test: [
            {
              eval_time: "10m",
              alertname: alertName("metrics-access"),
              exp_alerts: [alert("metrics-access", "Critical", "1")],
            },
          ],
        },
      ],
    };
    fs.writeFileSync(path.join(work, "tests.yml"), JSON.stringify(tests, null, 2));
    const r = promtool("test", "rules", "tests.yml");
    expect(r.output).toContain("SUCCESS");
    expect(r.status).toBe(0);
  });
});

describe("rule file content", () => {
  test("a cluster id known only after apply becomes the documented placeholder", () => {
    const text = renderPrometheusRules(input("standard", { clusterIdOutput: "orders_cluster_id" }));
    expect(text).toContain(`kafka_id=\\"${KAFKA_CLUSTER_ID_PLACEHOLDER}\\"`);
    expect(text).toContain("envsubst '${KAFKA_CLUSTER_ID}' < orders-standard-prometheus-rules.yml");
    expect(text).toContain('export KAFKA_CLUSTER_ID="$(terraform output -raw orders_cluster_id)"');
    expect(text).not.toContain("confluent_kafka_cluster.orders");
  });

  test("a literal id is used as is, without substitution instructions", () => {
    const text = renderPrometheusRules(input("standard", { kafkaClusterId: "lkc-abc123" }));
    expect(text).toContain('kafka_id=\\"lkc-abc123\\"');
    expect(text).not.toContain("KAFKA_CLUSTER_ID");
  });

  test.each(CONFLUENT_CLUSTER_KINDS)(
    "%s: every rule has severity, for, summary, description and runbook_url",
    (kind) => {
      const text = renderPrometheusRules(input(kind));
      const rules = text.split("      - alert: ").slice(1);
      expect(rules.length).toBe(confluentAlerts(input(kind)).length);
      for (const r of rules) {
        expect(r).toMatch(/\n {10}severity: (warning|critical)\n/);
        expect(r).toMatch(/\n {8}for: \d+m\n/);
        for (const key of ["summary", "description", "runbook_url"]) expect(r).toMatch(new RegExp(`\\n {10}${key}: "`));
      }
      expect(text).toContain(`runbook_url: "kafka-standards/runbooks/orders-${kind}-ingress.md"`);
    },
  );

  test.each(CONFLUENT_CLUSTER_KINDS)("%s: thresholds are the standard's fractions of the type's limits", (kind) => {
    const limits = confluentMetricLimits(kind);
    const alerts = confluentAlerts(input(kind));
    const at = (id: string, severity: string) => alerts.find((a) => a.id === id && a.severity === severity)?.threshold;
    const ingress = CONFLUENT_ALARM_THRESHOLDS.find((a) => a.id === "ingress")!;
    expect(at("ingress", "Warning")).toBe(Math.round(limits.ingressBytesPerSecond * ingress.warning!.threshold));
    expect(at("egress", "Critical")).toBe(Math.round(limits.egressBytesPerSecond * 0.9));
    expect(at("partitions", "Critical")).toBe(Math.round(limits.partitions * 0.9));
    // Storage is limited on Basic only; cluster load exists on Dedicated only.
    expect(at("storage", "Critical") !== undefined).toBe(kind === "basic");
    expect(at("cluster-load", "Critical") !== undefined).toBe(kind === "dedicated");
    expect(at("metrics-access", "Critical")).toBe(1);
  });

  test("consumer lag uses the MSK MaxOffsetLag levels", () => {
    const msk = MSK_ALARM_THRESHOLDS.find((a) => a.id === "consumer-max-offset-lag")!;
    const alerts = confluentAlerts(input("standard")).filter((a) => a.id === "consumer-max-offset-lag");
    expect(alerts.map((a) => [a.severity, a.threshold, a.forMinutes])).toEqual([
      ["Warning", msk.warning!.threshold, (msk.warning!.evaluationPeriods * msk.periodSeconds) / 60],
      ["Critical", msk.critical.threshold, (msk.critical.evaluationPeriods * msk.periodSeconds) / 60],
    ]);
  });

  test("Basic storage uses the MSK disk-used levels on the pre-replication size", () => {
    const storage = confluentAlerts(input("basic")).filter((a) => a.id === "storage");
    expect(storage.map((a) => a.threshold)).toEqual([0.75 * 5e12, 0.85 * 5e12]);
    expect(storage[0].expr).toMatch(/^sum\(confluent_kafka_server_retained_bytes\{kafka_id=".+"\}\) \/ 3 >= /);
  });

  test("Dedicated throughput limits scale with CKUs", () => {
    const alerts = confluentAlerts(input("dedicated", { cku: 2 }));
    expect(alerts.find((a) => a.id === "ingress" && a.severity === "Critical")!.threshold).toBe(0.9 * 2 * 60e6);
  });

  test("listed consumer groups get one lag rule each, with escaped label values", () => {
    const alerts = confluentAlerts(CASES[CASES.length - 1][1]).filter((a) => a.id === "consumer-max-offset-lag");
    expect(alerts).toHaveLength(4);
    expect(alerts[1].expr).toContain(`consumer_group_id=${promString('we"ird')},topic=${promString("a\\b")}`);
    expect(promString('we"ird')).toBe('"we\\"ird"');
  });
});
