import * as fs from "fs";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { MskClusterProps } from "../../lib/msk/msk-cluster-props";
import { ClientAuthentication } from "../../lib/msk/client-authentication";
import { KafkaPrincipal } from "../../lib/access/kafka-principal";
import { ConnectPlugin } from "../../lib/connect/connect-plugin";
import { KafkaStandardsError } from "../../lib/errors";
import { DrEngine } from "../../patterns/dr-engine";
import { MskDrPair, MskDrPairProps } from "../../patterns/msk-dr-pair";
import { replicatorAddress, replicatorStatements } from "../../patterns/msk-replicator-flow";
import { resourcesOf, synthApp, SynthDoc } from "../helpers";

const PLUGIN = ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::plugins", fileKey: "mm2-empty.zip" });
const MM2 = (): DrEngine =>
  DrEngine.mirrorMaker2({
    plugin: PLUGIN,
    vpcId: "vpc-0b",
    subnetIds: ["subnet-d", "subnet-e", "subnet-f"],
    primaryCidr: "10.1.0.0/16",
  });

interface Sites {
  app: App;
  primary: MskCluster;
  standby: MskCluster;
  primaryStack: TerraformStack;
  standbyStack: TerraformStack;
}

function sites(app: App, standbyRegion = "eu-west-1", extra: Partial<MskClusterProps> = {}): Sites {
  const primaryStack = new TerraformStack(app, "primary");
  new AwsProvider(primaryStack, "aws", { region: "eu-central-1" });
  const standbyStack = new TerraformStack(app, "standby");
  new AwsProvider(standbyStack, "aws", { region: standbyRegion });
  const primary = new MskCluster(primaryStack, "orders", {
    clusterName: "orders",
    tier: "prod",
    vpcId: "vpc-0a",
    clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
    ...extra,
  });
  const standby = new MskCluster(standbyStack, "orders-dr", {
    clusterName: "orders-dr",
    tier: "prod",
    vpcId: "vpc-0b",
    clientSubnetIds: ["subnet-d", "subnet-e", "subnet-f"],
  });
  return { app, primary, standby, primaryStack, standbyStack };
}

function declare(s: Sites, props: Partial<MskDrPairProps> = {}): MskDrPair {
  const t = s.primary.addTopic("orders.created", { partitions: 6 });
  t.grantProduce(s.primary.addApplication("orders-api", { principal: KafkaPrincipal.iamRole("orders-api-task") }));
  t.grantConsume(s.primary.addApplication("fulfilment", { principal: KafkaPrincipal.iamRole("fulfilment-task") }), {
    group: "fulfilment",
  });
  return new MskDrPair(s.standbyStack, "Dr", {
    primary: s.primary,
    standby: s.standby,
    topics: [t],
    engine: MM2(),
    objectives: { rpoSeconds: 30, rtoMinutes: 20 },
    ...props,
  });
}

function connectors(doc: SynthDoc): Record<string, Record<string, string>> {
  return Object.fromEntries(
    resourcesOf(doc, "aws_mskconnect_connector").map((c) => [c.name, c.connector_configuration]),
  );
}

describe("MskDrPair with MirrorMaker 2", () => {
  let pair!: MskDrPair;
  const { outdir, stacks } = synthApp((app) => {
    pair = declare(sites(app));
  });
  const connect = stacks["standby-connect"];
  const cfg = connectors(connect);

  test("three connectors on the standby's MSK Connect", () => {
    expect(Object.keys(cfg).sort()).toEqual([
      "orders-prod-dr-checkpoint",
      "orders-prod-dr-heartbeat",
      "orders-prod-dr-source",
    ]);
    expect(pair.connectors.map((c) => c.connectorName)).toHaveLength(3);
  });

  test.each([
    ["orders-prod-dr-source", "replication.policy.class", "org.apache.kafka.connect.mirror.IdentityReplicationPolicy"],
    [
      "orders-prod-dr-checkpoint",
      "replication.policy.class",
      "org.apache.kafka.connect.mirror.IdentityReplicationPolicy",
    ],
    [
      "orders-prod-dr-heartbeat",
      "replication.policy.class",
      "org.apache.kafka.connect.mirror.IdentityReplicationPolicy",
    ],
    ["orders-prod-dr-source", "replication.factor", "3"],
    ["orders-prod-dr-source", "offset-syncs.topic.replication.factor", "3"],
    ["orders-prod-dr-source", "offset-syncs.topic.location", "target"],
    ["orders-prod-dr-checkpoint", "offset-syncs.topic.location", "target"],
    ["orders-prod-dr-source", "sync.topic.acls.enabled", "false"],
    ["orders-prod-dr-source", "topics", "orders\\.created"],
    ["orders-prod-dr-source", "source.cluster.alias", "orders-prod"],
    ["orders-prod-dr-source", "target.cluster.alias", "orders-dr-prod"],
    ["orders-prod-dr-checkpoint", "sync.group.offsets.enabled", "true"],
    ["orders-prod-dr-checkpoint", "emit.checkpoints.enabled", "true"],
    ["orders-prod-dr-checkpoint", "checkpoints.topic.replication.factor", "3"],
    ["orders-prod-dr-checkpoint", "groups", "fulfilment"],
    ["orders-prod-dr-heartbeat", "heartbeats.topic.replication.factor", "3"],
    ["orders-prod-dr-source", "key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"],
    ["orders-prod-dr-source", "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"],
    ["orders-prod-dr-source", "header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"],
    ["orders-prod-dr-source", "source.cluster.sasl.mechanism", "AWS_MSK_IAM"],
    ["orders-prod-dr-source", "target.cluster.sasl.mechanism", "AWS_MSK_IAM"],
  ])("%s sets %s = %s", (name, key, value) => {
    expect(cfg[name][key]).toBe(value);
  });

  test("the roles only read the primary: no write, create or alter action on its topics", () => {
    for (const c of pair.connectors) {
      const remote = c.role.statements.filter((st) => st.Sid.startsWith("Remote"));
      expect(remote.length).toBeGreaterThan(0);
      for (const st of remote) {
        for (const a of st.Action) expect(a).toMatch(/^kafka-cluster:(Connect|DescribeCluster|Describe\w+|ReadData)$/);
      }
    }
  });

  test("every application granted on a replicated topic has the same principal and grants on the standby", () => {
    expect(Object.keys(pair.standbyApplications).sort()).toEqual(["fulfilment", "orders-api"]);
    expect(pair.standbyApplications.fulfilment.principal).toEqual(KafkaPrincipal.iamRole("fulfilment-task"));
    const policies = resourcesOf(stacks.standby, "aws_iam_policy").map((p) => p.policy as string);
    expect(policies.some((p) => p.includes("ConsumeTopics") && p.includes("orders.created"))).toBe(true);
    expect(policies.some((p) => p.includes("ProduceTopics") && p.includes("orders.created"))).toBe(true);
  });

  test("alarms: source tasks, heartbeat freshness and checkpoint age, thresholds from the RPO", () => {
    const alarms = resourcesOf(connect, "aws_cloudwatch_metric_alarm").filter((a) =>
      a.alarm_name.startsWith("orders-prod-dr-"),
    );
    const byName = Object.fromEntries(alarms.map((a) => [a.alarm_name, a]));
    expect(byName["orders-prod-dr-source-tasks-critical"]).toMatchObject({
      namespace: "AWS/KafkaConnect",
      metric_name: "RunningTaskCount",
      dimensions: { ConnectorName: "orders-prod-dr-source" },
      threshold: 1,
      comparison_operator: "LessThanThreshold",
      treat_missing_data: "breaching",
    });
    expect(byName["orders-prod-dr-heartbeat-freshness-critical"]).toMatchObject({
      metric_name: "SourceRecordWriteRate",
      dimensions: { ConnectorName: "orders-prod-dr-heartbeat" },
      evaluation_periods: 1,
    });
    expect(byName["orders-prod-dr-checkpoint-age-warning"]).toMatchObject({
      dimensions: { ConnectorName: "orders-prod-dr-checkpoint" },
      evaluation_periods: 5,
    });
  });

  test("the runbook covers planned and unplanned failover and failback with the pair's outputs", () => {
    const text = fs.readFileSync(
      path.join(outdir, "stacks", "standby-connect", "kafka-standards", "runbooks", "orders-prod-dr-failover.md"),
      "utf8",
    );
    expect(Object.keys(connect.output ?? {})).toEqual(
      expect.arrayContaining(["DrPair-orders-prod-dr_primary_bootstrap".replace(/-/g, "_")]),
    );
    expect(text).toContain("terraform output -raw DrPair_orders_prod_dr_primary_bootstrap");
    expect(text).toContain("## Planned failover");
    expect(text).toContain("## Unplanned failover");
    expect(text).toContain("## Failback");
    expect(text).toContain("`fulfilment`, `orders-api` already hold the same grants");
  });

  test("the shared intent: groups, objectives and plan", () => {
    expect(pair.consumerGroups).toEqual(["fulfilment"]);
    expect(pair.objectives).toEqual({ rpoSeconds: 30, rtoMinutes: 20 });
    expect(pair.protectedTopics).toEqual(["orders.created"]);
    expect(pair.plan.meetsRpo).toBe(true);
  });
});

describe("MskDrPair with MSK Replicator", () => {
  let pair!: MskDrPair;
  const { stacks } = synthApp((app) => {
    pair = declare(sites(app), { engine: DrEngine.replicator({ startingPosition: "LATEST", compression: "ZSTD" }) });
  });
  const replicator = resourcesOf(stacks.standby, "aws_msk_replicator")[0];

  test("identical names, explicit starting position, offset sync, exactly the listed topics and groups", () => {
    expect(replicator.replicator_name).toBe("orders-prod-dr");
    expect(replicator.replication_info_list).toMatchObject({
      target_compression_type: "ZSTD",
      topic_replication: [
        {
          topics_to_replicate: ["^orders\\.created$"],
          topic_name_configuration: { type: "IDENTICAL" },
          starting_position: { type: "LATEST" },
          copy_topic_configurations: true,
          copy_access_control_lists_for_topics: false,
          detect_and_copy_new_topics: false,
        },
      ],
      consumer_group_replication: [
        {
          consumer_groups_to_replicate: ["^fulfilment$"],
          synchronise_consumer_group_offsets: true,
          detect_and_copy_new_consumer_groups: false,
        },
      ],
    });
    expect(replicator.timeouts).toEqual({ create: "60m", update: "180m", delete: "90m" });
    expect(replicator.kafka_cluster).toHaveLength(2);
    expect(replicator.kafka_cluster[0].vpc_config.security_groups_ids).toBeUndefined();
  });

  test("the execution role trusts kafka.amazonaws.com for this account only", () => {
    const role = resourcesOf(stacks.standby, "aws_iam_role").find((r) => r.name === "orders-prod-dr-replicator");
    const trust = JSON.parse(role.assume_role_policy).Statement[0];
    expect(trust.Principal).toEqual({ Service: "kafka.amazonaws.com" });
    expect(trust.Condition.StringEquals["aws:SourceAccount"]).toMatch(/caller_identity/);
  });

  test("least privilege: read on the source, write on the target, no wildcard topic or group", () => {
    const s = replicatorStatements(
      "arn:aws:kafka:eu-central-1:1:cluster/a/u",
      "arn:aws:kafka:eu-west-1:1:cluster/b/v",
      ["t"],
      ["g"],
    );
    const bySid = Object.fromEntries(s.map((x) => [x.Sid, x]));
    expect(bySid.SourceTopicsRead.Action).not.toContain("kafka-cluster:WriteData");
    expect(bySid.TargetTopicsWrite.Action).toContain("kafka-cluster:WriteData");
    expect(bySid.SourceGroupsDescribe.Action).toEqual(["kafka-cluster:DescribeGroup"]);
    for (const x of s) for (const r of x.Resource) expect(r).not.toMatch(/\/\*$/);
  });

  test("across regions: the primary's cluster policy and multi-VPC IAM connectivity", () => {
    const policy = JSON.parse(resourcesOf(stacks.primary, "aws_msk_cluster_policy")[0].policy).Statement[0];
    expect(policy.Principal).toEqual({ Service: "kafka.amazonaws.com" });
    expect(policy.Action).toEqual([
      "kafka:CreateVpcConnection",
      "kafka:GetBootstrapBrokers",
      "kafka:DescribeClusterV2",
    ]);
    const cluster = resourcesOf(stacks.primary, "aws_msk_cluster")[0];
    expect(cluster.broker_node_group_info.connectivity_info.vpc_connectivity).toEqual({
      client_authentication: { sasl: { iam: true } },
    });
  });

  test.each([
    ["replication-latency-warning", "ReplicationLatency", 15000],
    ["replication-latency-critical", "ReplicationLatency", 30000],
    ["replicator-failure-critical", "ReplicatorFailure", 0],
    ["replicator-auth-error-critical", "AuthError", 0],
  ])("alarm %s on %s at %d, from the RPO", (suffix, metric, threshold) => {
    const a = resourcesOf(stacks.standby, "aws_cloudwatch_metric_alarm").find(
      (x) => x.alarm_name === `orders-prod-dr-${suffix}`,
    );
    expect(a).toMatchObject({
      namespace: "AWS/Kafka",
      metric_name: metric,
      threshold,
      dimensions: { ReplicatorName: "orders-prod-dr" },
    });
  });

  test("the engine and its outputs", () => {
    expect(pair.engine.kind).toBe("replicator");
    expect(Object.keys(stacks.standby.output ?? {})).toContain("DrPair_orders_prod_dr_replicator_arn");
  });
});

describe("MskDrPair: name, description and role are replace-only", () => {
  test("a change of any of them moves the replicator to a new address (destroy + create)", () => {
    const base = replicatorAddress("a", "d", "r");
    expect(replicatorAddress("a", "d", "r")).toBe(base);
    expect(
      new Set([
        base,
        replicatorAddress("b", "d", "r"),
        replicatorAddress("a", "e", "r"),
        replicatorAddress("a", "d", "s"),
      ]).size,
    ).toBe(4);
  });

  test("renaming the pair changes the replicator's Terraform address", () => {
    const addr = (name?: string): string[] => {
      const { stacks } = synthApp((app) => {
        declare(sites(app), { engine: DrEngine.replicator(), name });
      });
      return Object.keys(stacks.standby.resource.aws_msk_replicator);
    };
    expect(addr("orders-a")).not.toEqual(addr("orders-b"));
  });
});

describe("MskDrPair active-active", () => {
  test("opted in with disjoint topic sets: a reverse replicator in its own stack in the primary's region", () => {
    const { stacks } = synthApp((app) => {
      const s = sites(app);
      const back = s.standby.addTopic("orders.returns", { partitions: 6 });
      declare(s, { engine: DrEngine.replicator(), activeActive: { reverseTopics: [back] } });
    });
    const reverse = resourcesOf(stacks["primary-orders-prod-dr-reverse"], "aws_msk_replicator")[0];
    expect(reverse.replicator_name).toBe("orders-prod-dr-reverse");
    expect(reverse.replication_info_list.topic_replication[0].topics_to_replicate).toEqual(["^orders\\.returns$"]);
  });
});

describe("MskDrPair active-active with MirrorMaker 2", () => {
  test("the reverse connectors run on the primary's MSK Connect and read the standby", () => {
    const { stacks } = synthApp((app) => {
      const s = sites(app);
      const back = s.standby.addTopic("orders.returns", { partitions: 6 });
      declare(s, {
        activeActive: {
          reverseTopics: [back],
          reverseWorkers: { plugin: PLUGIN, vpcId: "vpc-0a", subnetIds: ["subnet-a"], standbyCidr: "10.2.0.0/16" },
        },
      });
    });
    const reverse = connectors(stacks["primary-connect"]);
    expect(Object.keys(reverse).sort()).toEqual(["orders-prod-dr-reverse-heartbeat", "orders-prod-dr-reverse-source"]);
    expect(reverse["orders-prod-dr-reverse-source"]).toMatchObject({
      topics: "orders\\.returns",
      "source.cluster.alias": "orders-dr-prod",
      "target.cluster.alias": "orders-prod",
    });
  });
});

function expectCode(fn: () => unknown, code: string, text: string): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(KafkaStandardsError);
  expect((err as KafkaStandardsError).code).toBe(code);
  expect((err as Error).message).toContain(text);
}

describe("MskDrPair refuses bad input before creating anything", () => {
  const app = (): App => new App({ outdir: fs.mkdtempSync("/tmp/dr-"), skipBackendValidation: true });

  test.each<[string, (s: Sites) => Partial<MskDrPairProps>, string, string]>([
    ["primary not a cluster", () => ({ primary: {} as MskCluster }), "KSE-DR-001", "an MskCluster"],
    ["standby = primary", (s) => ({ standby: s.primary }), "KSE-DR-002", "a cluster other than the primary"],
    ["no topic", () => ({ topics: [] }), "KSE-DR-004", "at least one topic"],
    [
      "topic of the standby",
      (s) => ({ topics: [s.standby.addTopic("orders.other")] }),
      "KSE-DR-004",
      "declared on orders-prod",
    ],
    ["RPO NaN", () => ({ objectives: { rpoSeconds: NaN, rtoMinutes: 5 } }), "KSE-DR-005", "positive finite"],
    ["RPO 0", () => ({ objectives: { rpoSeconds: 0, rtoMinutes: 5 } }), "KSE-DR-005", "positive finite"],
    ["RPO Infinity", () => ({ objectives: { rpoSeconds: Infinity, rtoMinutes: 5 } }), "KSE-DR-005", "positive finite"],
    ["RTO negative", () => ({ objectives: { rpoSeconds: 5, rtoMinutes: -1 } }), "KSE-DR-005", "positive finite"],
    [
      "RPO a string",
      () => ({ objectives: { rpoSeconds: "30" as unknown as number, rtoMinutes: 5 } }),
      "KSE-DR-005",
      "positive finite",
    ],
    ["no engine", () => ({ engine: undefined as unknown as DrEngine }), "KSE-DR-006", "DrEngine.mirrorMaker2"],
    ["groups with a wildcard", () => ({ consumerGroups: ["a*"] }), "KSE-DR-008", "distinct consumer group names"],
    ["groups twice", () => ({ consumerGroups: ["a", "a"] }), "KSE-DR-008", "distinct consumer group names"],
    ["bad name", () => ({ name: "Orders_DR" }), "KSE-DR-012", "lower-case"],
    ["RTT NaN", () => ({ sites: { rttMs: NaN } }), "KSE-DR-010", "sites.rttMs"],
    [
      "RPO the sites cannot meet",
      () => ({ sites: { rttMs: 200, peakBytesPerSecond: 50e6 } }),
      "KSE-DR-009",
      "grows without bound",
    ],
    [
      "RPO below the expected lag",
      () => ({ sites: { rttMs: 900 }, objectives: { rpoSeconds: 0.5, rtoMinutes: 5 } }),
      "KSE-DR-009",
      "exceeds the RPO",
    ],
  ])("%s", (_, props, code, text) => {
    const s = sites(app());
    expectCode(() => declare(s, props(s)), code, text);
  });

  test("the same region while cross-region is asked (KSE-DR-003); allowed with crossRegion: false", () => {
    expectCode(() => declare(sites(app(), "eu-central-1")), "KSE-DR-003", "a region other than the primary's");
    expect(() => declare(sites(app(), "eu-central-1"), { crossRegion: false })).not.toThrow();
  });

  test("a SCRAM application on a replicated topic (KSE-DR-013): its secret is bound to the primary", () => {
    const s = sites(app(), "eu-west-1", { authentication: ClientAuthentication.scram({ users: ["ledger"] }) });
    const t = s.primary.addTopic("orders.created", { partitions: 6 });
    t.grantConsume(s.primary.addApplication("ledger", { principal: KafkaPrincipal.scramUser("ledger") }), {
      group: "ledger",
    });
    const before = s.standbyStack.node.findAll().length;
    expectCode(
      () =>
        new MskDrPair(s.standbyStack, "Dr", {
          primary: s.primary,
          standby: s.standby,
          topics: [t],
          engine: DrEngine.replicator(),
        }),
      "KSE-DR-013",
      "ledger (SCRAM user ledger)",
    );
    expect(s.standbyStack.node.findAll().length).toBe(before);
    // Allowed when the standby's access is managed outside the pair.
    expect(
      () =>
        new MskDrPair(s.standbyStack, "Dr2", {
          primary: s.primary,
          standby: s.standby,
          topics: [t],
          engine: DrEngine.replicator(),
          standbyAccess: false,
        }),
    ).not.toThrow();
  });

  test("a cluster without IAM (KSE-DR-001)", () => {
    // Every library cluster keeps IAM on; a cluster object whose authentication lacks it (e.g. built
    // by an older version) is still refused.
    const s = sites(app());
    Object.assign(s.standby, { authentication: ClientAuthentication.iam() });
    Object.defineProperty(s.standby, "authentication", { value: { iam: false } });
    expectCode(() => declare(s), "KSE-DR-001", "IAM authentication");
  });

  test.each<[string, (s: Sites) => MskDrPairProps["activeActive"], string]>([
    [
      "a reverse topic replicated forward too (loop)",
      (s) => ({ reverseTopics: [s.standby.addTopic("orders.created")] }),
      "would loop",
    ],
    [
      "MirrorMaker 2 without reverse workers",
      (s) => ({ reverseTopics: [s.standby.addTopic("orders.returns")] }),
      "reverse MirrorMaker 2",
    ],
  ])("active-active refused: %s (KSE-DR-011)", (_, aa, text) => {
    const s = sites(app());
    expectCode(() => declare(s, { activeActive: aa(s) }), "KSE-DR-011", text);
  });
});

describe("DrEngine refuses bad options (KSE-DR-007)", () => {
  test.each<[string, () => DrEngine]>([
    ["starting position", () => DrEngine.replicator({ startingPosition: "NOW" as "LATEST" })],
    ["compression", () => DrEngine.replicator({ compression: "BROTLI" as "LZ4" })],
    ["standby subnets", () => DrEngine.replicator({ standbySubnetIds: [] })],
    [
      "plugin",
      () =>
        DrEngine.mirrorMaker2({
          plugin: {} as ConnectPlugin,
          vpcId: "vpc-1",
          subnetIds: ["s"],
          primaryCidr: "10.0.0.0/16",
        }),
    ],
    ["vpc", () => DrEngine.mirrorMaker2({ plugin: PLUGIN, vpcId: "v", subnetIds: ["s"], primaryCidr: "10.0.0.0/16" })],
    [
      "subnets",
      () => DrEngine.mirrorMaker2({ plugin: PLUGIN, vpcId: "vpc-1", subnetIds: [], primaryCidr: "10.0.0.0/16" }),
    ],
    [
      "cidr",
      () => DrEngine.mirrorMaker2({ plugin: PLUGIN, vpcId: "vpc-1", subnetIds: ["s"], primaryCidr: "10.0.0.0" }),
    ],
    [
      "interval",
      () =>
        DrEngine.mirrorMaker2({
          plugin: PLUGIN,
          vpcId: "vpc-1",
          subnetIds: ["s"],
          primaryCidr: "10.0.0.0/16",
          offsetSyncIntervalSeconds: 0,
        }),
    ],
  ])("%s", (_, fn) => {
    expectCode(fn, "KSE-DR-007", "engine");
  });

  test("the replicator's starting position defaults to EARLIEST and compression to LZ4", () => {
    expect(DrEngine.replicator().replicator).toMatchObject({ startingPosition: "EARLIEST", compression: "LZ4" });
  });
});
