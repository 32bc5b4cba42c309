import { MskCluster } from "../../lib/msk/msk-cluster";
import { MskClusterProps } from "../../lib/msk/msk-cluster-props";
import { AlarmEscalation } from "../../lib/monitoring/alarm-escalation";
import { KafkaStandardsError } from "../../lib/errors";
import { BrokerInstanceType } from "../../lib/standards/broker-types";
import { MSK_ALARM_THRESHOLDS } from "../../lib/standards/alarm-thresholds";
import { MAX_METRICS_PER_ALARM } from "../../lib/monitoring/msk-monitoring";
import { alarmsByRunbook, renderRunbook } from "../../lib/docs/runbooks";
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

describe("MSK consumer-lag alarms: per consumer group, over its topics", () => {
  const lagAlarms = (doc: SynthDoc, group: string): any[] =>
    alarms(doc).filter((x) => x["//"]["kafka-standards"].consumerGroup === group);
  const topicsOf = (alarm: any): string[] =>
    alarm.metric_query
      ? alarm.metric_query.filter((q: any) => q.metric).map((q: any) => q.metric.dimensions.Topic)
      : [alarm.dimensions.Topic];
  const topicNames = (n: number): string[] => Array.from({ length: n }, (_, i) => `orders.t${i}`);
  const withGroup = (group: string, topics: string[]): SynthDoc =>
    build({}, (c) => topics.forEach((t) => c.addConsumerGroup(group, t)));

  test("one topic: a plain metric alarm per lag metric and severity, added once", () => {
    const doc = build({}, (c) => {
      c.addConsumerGroup("billing", "orders.created");
      c.addConsumerGroup("billing", "orders.created");
    });
    const lag = lagAlarms(doc, "billing");
    expect(lag.map((x) => x.alarm_name).sort()).toEqual([
      "orders-prod-consumer-estimated-time-lag-billing-critical",
      "orders-prod-consumer-estimated-time-lag-billing-warning",
      "orders-prod-consumer-max-offset-lag-billing-critical",
      "orders-prod-consumer-max-offset-lag-billing-warning",
    ]);
    const offset = lag.find((x) => x.alarm_name === "orders-prod-consumer-max-offset-lag-billing-warning");
    expect(offset).toMatchObject({
      namespace: "AWS/Kafka",
      metric_name: "MaxOffsetLag",
      statistic: "Maximum",
      period: 300,
      threshold: 10000,
      evaluation_periods: 3,
      datapoints_to_alarm: 3,
      treat_missing_data: "notBreaching",
      dimensions: { "Cluster Name": "orders-prod", "Consumer Group": "billing", Topic: "orders.created" },
    });
    expect(offset.metric_query).toBeUndefined();
    expect(offset.alarm_description).toContain(
      "for group billing on orders.created Threshold GreaterThan 10000 for 3 × 300 s.",
    );
    expect(offset["//"]["kafka-standards"]).toMatchObject({ consumerGroup: "billing", topic: "orders.created" });
  });

  test("several topics: MAX over one metric per topic, the same thresholds, the topics in the description", () => {
    const doc = withGroup("billing", ["orders.created", "orders.paid", "orders.shipped"]);
    const lag = lagAlarms(doc, "billing");
    expect(lag).toHaveLength(4);
    const time = lag.find((x) => x.alarm_name === "orders-prod-consumer-estimated-time-lag-billing-critical");
    expect(time).toMatchObject({ threshold: 900, evaluation_periods: 3, comparison_operator: "GreaterThanThreshold" });
    expect(time.metric_name).toBeUndefined();
    expect(time.dimensions).toBeUndefined();
    expect(time.metric_query).toEqual([
      ...["orders.created", "orders.paid", "orders.shipped"].map((t, i) => ({
        id: `m${i}`,
        label: t,
        metric: {
          namespace: "AWS/Kafka",
          metric_name: "EstimatedMaxTimeLag",
          dimensions: { "Cluster Name": "orders-prod", "Consumer Group": "billing", Topic: t },
          period: 300,
          stat: "Maximum",
        },
      })),
      {
        id: "lag",
        expression: "MAX([m0, m1, m2])",
        label: "EstimatedMaxTimeLag, largest of 3 topics",
        return_data: true,
      },
    ]);
    expect(time.alarm_description).toContain(
      "for group billing on topics orders.created, orders.paid, orders.shipped (the largest EstimatedMaxTimeLag of the topics)",
    );
    expect(time["//"]["kafka-standards"].topic).toBeUndefined();
  });

  test.each<[number, number[]]>([
    [MAX_METRICS_PER_ALARM, [MAX_METRICS_PER_ALARM]],
    [MAX_METRICS_PER_ALARM + 1, [MAX_METRICS_PER_ALARM, 1]],
    [2 * MAX_METRICS_PER_ALARM + 3, [MAX_METRICS_PER_ALARM, MAX_METRICS_PER_ALARM, 3]],
  ])("%d topics: alarms of at most 10 metrics each, topics in parts %p", (n, parts) => {
    expect(MAX_METRICS_PER_ALARM).toBe(10);
    const doc = withGroup("billing", topicNames(n));
    const offsetCritical = lagAlarms(doc, "billing")
      .filter(
        (x) => x.alarm_name.startsWith("orders-prod-consumer-max-offset-lag-") && x.alarm_name.endsWith("-critical"),
      )
      .sort((a, b) => a.alarm_name.localeCompare(b.alarm_name));
    expect(offsetCritical.map((x) => x.alarm_name)).toEqual(
      parts.map((_, i) => `orders-prod-consumer-max-offset-lag-billing${i === 0 ? "" : `-part${i + 1}`}-critical`),
    );
    expect(offsetCritical.map((x) => topicsOf(x).length)).toEqual(parts);
    expect(offsetCritical.flatMap(topicsOf)).toEqual(topicNames(n));
    expect(lagAlarms(doc, "billing")).toHaveLength(4 * parts.length);
  });

  test("groups are separate; a topic read by two groups is in each group's alarms", () => {
    const doc = build({}, (c) => {
      c.addConsumerGroup("billing", "orders.created");
      c.addConsumerGroup("audit", "orders.created");
      c.addConsumerGroup("billing", "orders.paid");
    });
    expect(lagAlarms(doc, "billing").map(topicsOf)).toEqual(Array(4).fill(["orders.created", "orders.paid"]));
    expect(lagAlarms(doc, "audit").map(topicsOf)).toEqual(Array(4).fill(["orders.created"]));
  });

  test("a description that would pass CloudWatch's 1,024 characters counts the topics instead", () => {
    const long = Array.from({ length: 6 }, (_, i) => `orders.${"x".repeat(200)}-${i}`);
    const doc = withGroup("billing", long);
    for (const a of lagAlarms(doc, "billing")) {
      expect(a.alarm_description.length).toBeLessThanOrEqual(1024);
      expect(a.alarm_description).toContain("for group billing on 6 topics (the largest");
      expect(a.alarm_description).toMatch(/Runbook: \S+\.md$/);
    }
  });

  test("the runbook lists each group with the topics its alarms watch", () => {
    const doc = build({}, (c) => {
      topicNames(12).forEach((t) => c.addConsumerGroup("billing", t));
      c.addConsumerGroup("audit", "orders.t3");
    });
    const instances = alarmsByRunbook(doc as any).get("orders-prod-consumer-max-offset-lag")!;
    expect(instances).toHaveLength(6);
    const text = renderRunbook("orders-prod", "consumer-max-offset-lag", instances, "eu-west-1");
    expect(text).toContain(
      [
        "| Consumer group | Topics |",
        "| --- | --- |",
        "| `audit` | `orders.t3` |",
        `| \`billing\` | ${topicNames(12)
          .map((t) => `\`${t}\``)
          .join(", ")} |`,
      ].join("\n"),
    );
    expect(text).toContain(
      "| `orders-prod-consumer-max-offset-lag-billing-part2-critical` | Critical | GreaterThan 100000",
    );
    const disk = renderRunbook(
      "orders-prod",
      "disk-used",
      alarmsByRunbook(doc as any).get("orders-prod-disk-used")!,
      "x",
    );
    expect(disk).not.toContain("Consumer group");
  });

  test("a disabled lag alarm is not created for any group", () => {
    const doc = build(
      {
        monitoring: { disabledAlarms: { "consumer-estimated-time-lag": "time lag is watched by the stream SLO tool" } },
      },
      (c) => topicNames(3).forEach((t) => c.addConsumerGroup("billing", t)),
    );
    expect(lagAlarms(doc, "billing").map((x) => x["//"]["kafka-standards"].alarm)).toEqual([
      "consumer-max-offset-lag",
      "consumer-max-offset-lag",
    ]);
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
