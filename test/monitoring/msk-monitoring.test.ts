import { MskCluster } from "../../lib/msk/msk-cluster";
import { MskClusterProps } from "../../lib/msk/msk-cluster-props";
import { AlarmEscalation } from "../../lib/monitoring/alarm-escalation";
import { KafkaStandardsError } from "../../lib/errors";
import { BrokerInstanceType } from "../../lib/standards/broker-types";
import { MSK_ALARM_THRESHOLDS } from "../../lib/standards/alarm-thresholds";
import { newStack, only, resourcesOf, synth, SynthDoc } from "../helpers";

const BASE: MskClusterProps = { clusterName: "orders", tier: "prod", vpcId: "vpc-1", clientSubnetIds: ["a", "b", "c"] };

function build(props: Partial<MskClusterProps> = {}, after?: (c: MskCluster) => void): SynthDoc {
  const { stack } = newStack();
  const c = new MskCluster(stack, "orders", { ...BASE, ...props });
  after?.(c);
  return synth(stack);
}

function alarms(doc: SynthDoc): any[] {
  return resourcesOf(doc, "aws_cloudwatch_metric_alarm");
}

function byName(doc: SynthDoc): Record<string, any> {
  return Object.fromEntries(alarms(doc).map((a) => [a.alarm_name, a]));
}

function topicRef(doc: SynthDoc, severity: string): string {
  const [name] = Object.entries<any>(doc.resource.aws_sns_topic).find(
    ([, t]) => t.name === `orders-prod-alarms-${severity}`,
  )!;
  return `\${aws_sns_topic.${name}.arn}`;
}

describe("MSK monitoring defaults (3 standard brokers)", () => {
  const doc = build();
  const a = byName(doc);

  test("29 alarms: cluster-level once, broker-level per broker, per severity", () => {
    // active-controller 1 + offline 1 + (URP 2 + under-min-ISR 1 + disk 2 + cpu 2 + heap 2) × 3 brokers
    expect(alarms(doc)).toHaveLength(29);
    expect(
      Object.keys(a)
        .filter((n) => n.includes("-b2-"))
        .sort(),
    ).toEqual([
      "orders-prod-cpu-b2-critical",
      "orders-prod-cpu-b2-warning",
      "orders-prod-disk-used-b2-critical",
      "orders-prod-disk-used-b2-warning",
      "orders-prod-heap-after-gc-b2-critical",
      "orders-prod-heap-after-gc-b2-warning",
      "orders-prod-under-min-isr-partitions-b2-critical",
      "orders-prod-under-replicated-partitions-b2-critical",
      "orders-prod-under-replicated-partitions-b2-warning",
    ]);
  });

  test("thresholds come from the standard", () => {
    expect(a["orders-prod-disk-used-b1-critical"]).toMatchObject({
      metric_name: "KafkaDataLogsDiskUsed",
      namespace: "AWS/Kafka",
      comparison_operator: "GreaterThanOrEqualToThreshold",
      threshold: 85,
      statistic: "Maximum",
      period: 300,
      dimensions: { "Cluster Name": "orders-prod", "Broker ID": "1" },
    });
    expect(a["orders-prod-disk-used-b1-warning"].threshold).toBe(75);
    expect(a["orders-prod-active-controller-critical"]).toMatchObject({
      comparison_operator: "LessThanThreshold",
      threshold: 1,
      evaluation_periods: 5,
      treat_missing_data: "breaching",
      dimensions: { "Cluster Name": "orders-prod" },
    });
    expect(a["orders-prod-under-min-isr-partitions-b3-critical"]).toMatchObject({
      threshold: 1,
      evaluation_periods: 1,
    });
  });

  test("CPU alarms add CpuUser and CpuSystem with metric math", () => {
    const cpu = a["orders-prod-cpu-b1-warning"];
    expect(cpu.threshold).toBe(60);
    expect(cpu.metric_name).toBeUndefined();
    expect(cpu.metric_query.map((q: any) => q.id)).toEqual(["user", "system", "cpu"]);
    expect(cpu.metric_query[2]).toMatchObject({ expression: "user + system", return_data: true });
    expect(cpu.metric_query[0].metric).toMatchObject({
      metric_name: "CpuUser",
      namespace: "AWS/Kafka",
      dimensions: { "Cluster Name": "orders-prod", "Broker ID": "1" },
    });
  });

  test("each alarm notifies the SNS topic of its severity; Critical also on recovery", () => {
    const warning = topicRef(doc, "warning");
    const critical = topicRef(doc, "critical");
    for (const alarm of alarms(doc)) {
      const severity = alarm["//"]["kafka-standards"].severity;
      expect(alarm.alarm_actions).toEqual([severity === "Critical" ? critical : warning]);
      expect(alarm.ok_actions).toEqual(severity === "Critical" ? [critical] : undefined);
    }
  });

  test("escalation topics are KMS-encrypted with the cluster key", () => {
    for (const t of resourcesOf(doc, "aws_sns_topic"))
      expect(t.kms_master_key_id).toMatch(/^\$\{aws_kms_key\.[^.]+\.arn\}$/);
    expect(
      resourcesOf(doc, "aws_sns_topic")
        .map((t) => t.name)
        .sort(),
    ).toEqual(["orders-prod-alarms-critical", "orders-prod-alarms-warning"]);
    const cw = JSON.parse(only(doc, "aws_kms_key").policy).Statement.find(
      (x: any) => x.Sid === "CloudWatchAlarmsPublishToEncryptedTopics",
    );
    expect(cw).toMatchObject({
      Principal: { Service: "cloudwatch.amazonaws.com" },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
    });
  });

  test("every alarm description links its runbook", () => {
    for (const alarm of alarms(doc)) {
      const id = alarm["//"]["kafka-standards"].alarm;
      expect(alarm.alarm_description).toContain(`Runbook: kafka-standards/runbooks/orders-prod-${id}.md`);
    }
  });

  test("a dashboard with one widget per standard/cluster metric and threshold annotations", () => {
    const dash = only(doc, "aws_cloudwatch_dashboard");
    expect(dash.dashboard_name).toBe("kafka-orders-prod");
    const body = JSON.parse(dash.dashboard_body);
    const disk = body.widgets.find((w: any) => w.properties.title === "KafkaDataLogsDiskUsed (disk-used)");
    expect(disk.properties.annotations.horizontal).toEqual([
      { label: "Warning", value: 75 },
      { label: "Critical", value: 85 },
    ]);
    expect(disk.properties.metrics).toEqual(
      [1, 2, 3].map((b) => [
        "AWS/Kafka",
        "KafkaDataLogsDiskUsed",
        "Cluster Name",
        "orders-prod",
        "Broker ID",
        String(b),
      ]),
    );
    expect(disk.properties.region).toMatch(/^\$\{data\.aws_region\.[^.]+\.region\}$/);
    expect(body.widgets).toHaveLength(7);
  });
});

describe("MSK monitoring props", () => {
  test("express brokers get the express metric set", () => {
    const doc = build({ tier: "staging", instanceType: BrokerInstanceType.EXPRESS_M7G_LARGE });
    const ids = new Set(alarms(doc).map((x) => x["//"]["kafka-standards"].alarm));
    expect([...ids].sort()).toEqual(["active-controller", "cpu", "fetch-throttle", "produce-throttle"]);
  });

  test("consumer groups add offset and time lag alarms once per group and topic", () => {
    const doc = build({}, (c) => {
      c.addConsumerGroup("billing", "orders.created");
      c.addConsumerGroup("billing", "orders.created");
    });
    const lag = alarms(doc).filter((x) => x.dimensions?.["Consumer Group"] === "billing");
    expect(lag.map((x) => x.alarm_name).sort()).toEqual([
      "orders-prod-consumer-estimated-time-lag-billing-orders.created-critical",
      "orders-prod-consumer-estimated-time-lag-billing-orders.created-warning",
      "orders-prod-consumer-max-offset-lag-billing-orders.created-critical",
      "orders-prod-consumer-max-offset-lag-billing-orders.created-warning",
    ]);
    expect(lag[0].dimensions).toEqual({
      "Cluster Name": "orders-prod",
      "Consumer Group": "billing",
      Topic: "orders.created",
    });
  });

  test("thresholds can be tuned", () => {
    const doc = build({
      monitoring: { thresholds: { "disk-used": { warning: { threshold: 70, evaluationPeriods: 2 } } } },
    });
    expect(byName(doc)["orders-prod-disk-used-b1-warning"]).toMatchObject({ threshold: 70, evaluation_periods: 2 });
    expect(byName(doc)["orders-prod-disk-used-b1-critical"].threshold).toBe(85);
  });

  test("an alarm switched off with a reason is absent and recorded on the cluster", () => {
    const doc = build({ monitoring: { disabledAlarms: { "heap-after-gc": "heap alarms come from our APM agent" } } });
    expect(alarms(doc).filter((x) => x.alarm_name.includes("heap"))).toEqual([]);
    expect(only(doc, "aws_msk_cluster")["//"]["kafka-standards"].overrides).toEqual({
      "alarm:heap-after-gc": "disabled: heap alarms come from our APM agent",
    });
  });

  test("subscriptions per severity", () => {
    const doc = build({
      monitoring: {
        subscriptions: {
          critical: [{ protocol: "https", endpoint: "https://pager.example.com/hook" }],
          warning: [{ protocol: "email", endpoint: "team@example.com" }],
        },
      },
    });
    expect(
      resourcesOf(doc, "aws_sns_topic_subscription")
        .map((s) => [s.protocol, s.endpoint])
        .sort(),
    ).toEqual([
      ["email", "team@example.com"],
      ["https", "https://pager.example.com/hook"],
    ]);
  });

  test("shared escalation topics replace the cluster's own", () => {
    const { stack } = newStack();
    const shared = new AlarmEscalation(stack, "Team", {
      name: "team-data",
      kmsKeyArn: "arn:aws:kms:k",
      tier: "prod",
      tags: {},
    });
    new MskCluster(stack, "orders", { ...BASE, monitoring: { escalation: shared } });
    const doc = synth(stack);
    expect(
      resourcesOf(doc, "aws_sns_topic")
        .map((t) => t.name)
        .sort(),
    ).toEqual(["team-data-alarms-critical", "team-data-alarms-warning"]);
  });

  test("runbook base URL and no dashboard", () => {
    const doc = build({ monitoring: { runbookBaseUrl: "https://git.example.com/runbooks", dashboard: false } });
    expect(resourcesOf(doc, "aws_cloudwatch_dashboard")).toEqual([]);
    expect(byName(doc)["orders-prod-cpu-b1-warning"].alarm_description).toContain(
      "Runbook: https://git.example.com/runbooks/orders-prod-cpu.md",
    );
  });

  test("every alarm id of the standard has runbook content", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { RUNBOOKS } = require("../../lib/standards/runbooks");
    for (const def of MSK_ALARM_THRESHOLDS) expect(Object.keys(RUNBOOKS)).toContain(def.id);
  });
});

describe("MSK monitoring validation", () => {
  test.each<[string, Partial<MskClusterProps>, string, string]>([
    [
      "unknown alarm id",
      { monitoring: { disabledAlarms: { "disk-usd": "reason long enough" } } },
      "KSE-MON-001",
      'did you mean "disk-used"',
    ],
    ["short reason", { monitoring: { disabledAlarms: { cpu: "no" } } }, "KSE-MON-002", "at least 10 characters"],
    [
      "unknown threshold id",
      { monitoring: { thresholds: { heap: { critical: { threshold: 1, evaluationPeriods: 1 } } } } },
      "KSE-MON-001",
      "heap",
    ],
    [
      "warning above critical",
      { monitoring: { thresholds: { "disk-used": { warning: { threshold: 90, evaluationPeriods: 1 } } } } },
      "KSE-MON-003",
      "at or below the critical",
    ],
    [
      "zero periods",
      { monitoring: { thresholds: { cpu: { critical: { threshold: 90, evaluationPeriods: 0 } } } } },
      "KSE-MON-003",
      "positive integer",
    ],
  ])("%s", (_n, props, code, fragment) => {
    const { stack } = newStack();
    expect(() => new MskCluster(stack, "orders", { ...BASE, ...props })).toThrow(KafkaStandardsError);
    try {
      new MskCluster(stack, "orders2", { ...BASE, ...props });
    } catch (e) {
      expect((e as KafkaStandardsError).code).toBe(code);
      expect((e as Error).message).toContain(fragment);
    }
  });
});
