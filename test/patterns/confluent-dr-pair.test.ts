import * as fs from "fs";
import * as path from "path";
import { TerraformStack } from "cdktf";
import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import { ConfluentClusterProps } from "../../lib/confluent/confluent-cluster-props";
import { ConfluentClusterType } from "../../lib/confluent/cluster-type";
import { ConfluentNetworking } from "../../lib/confluent/networking";
import { ConfluentProvider } from "../../lib/providers/confluent/provider";
import { KafkaStandardsError } from "../../lib/errors";
import { ConfluentDrPair, ConfluentDrPairProps } from "../../patterns/confluent-dr-pair";
import { resourcesOf, synth, synthApp } from "../helpers";
import { newConfluentStack } from "../confluent/helpers";

const DEDICATED: Partial<ConfluentClusterProps> = {
  clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
  availability: "MULTI_ZONE",
  networking: ConfluentNetworking.privateLink({ allowedAccounts: ["123456789012"] }),
};

function clusters(
  stack: TerraformStack,
  dr: Partial<ConfluentClusterProps> = DEDICATED,
): { primary: ConfluentCluster; standby: ConfluentCluster } {
  const primary = new ConfluentCluster(stack, "orders", {
    clusterName: "orders",
    tier: "prod",
    cloud: "AWS",
    region: "eu-central-1",
    ...DEDICATED,
  });
  const standby = new ConfluentCluster(stack, "dr", {
    clusterName: "orders-dr",
    tier: "prod",
    cloud: "AWS",
    region: "eu-west-1",
    ...dr,
  });
  return { primary, standby };
}

describe("ConfluentDrPair", () => {
  const { stack } = newConfluentStack();
  const { primary, standby } = clusters(stack);
  const t1 = primary.addTopic("orders.created");
  const t2 = primary.addTopic("orders.ledger.audit", { topicClass: "audit" });
  t1.grantConsume(primary.addApplication("fulfilment"), { group: "fulfilment" });
  new ConfluentDrPair(stack, "Dr", { primary, dr: standby, topics: [t1, t2] });
  const doc = synth(stack);
  const ref = (type: string, attr: string, pick: (r: any) => boolean): string => {
    const [name] = Object.entries<any>(doc.resource[type]).find(([, r]) => pick(r))!;
    return `\${${type}.${name}.${attr}}`;
  };
  const cluster = (n: string) => (r: any) => r.display_name === n;
  const key = (n: string) => (r: any) => r.display_name === `${n}-manager-kafka`;

  test("a destination-mode link from the primary's bootstrap to the standby's REST endpoint, with each side's manager key", () => {
    const link = resourcesOf(doc, "confluent_cluster_link")[0];
    expect(link).toMatchObject({
      link_name: "orders-prod-to-orders-dr-prod",
      link_mode: "DESTINATION",
      source_kafka_cluster: {
        id: ref("confluent_kafka_cluster", "id", cluster("orders-prod")),
        bootstrap_endpoint: ref("confluent_kafka_cluster", "bootstrap_endpoint", cluster("orders-prod")),
        credentials: {
          key: ref("confluent_api_key", "id", key("orders-prod")),
          secret: ref("confluent_api_key", "secret", key("orders-prod")),
        },
      },
      destination_kafka_cluster: {
        id: ref("confluent_kafka_cluster", "id", cluster("orders-dr-prod")),
        rest_endpoint: ref("confluent_kafka_cluster", "rest_endpoint", cluster("orders-dr-prod")),
        credentials: {
          key: ref("confluent_api_key", "id", key("orders-dr-prod")),
          secret: ref("confluent_api_key", "secret", key("orders-dr-prod")),
        },
      },
      lifecycle: { prevent_destroy: true },
    });
  });

  test("offset sync for the groups granted on the mirrored topics", () => {
    const link = resourcesOf(doc, "confluent_cluster_link")[0];
    expect(link.config["consumer.offset.sync.enable"]).toBe("true");
    expect(JSON.parse(link.config["consumer.offset.group.filters"])).toEqual({
      groupFilters: [{ name: "fulfilment", patternType: "LITERAL", filterType: "INCLUDE" }],
    });
  });

  test("one protected mirror topic per topic on the standby", () => {
    const mirrors = resourcesOf(doc, "confluent_kafka_mirror_topic");
    expect(mirrors.map((m) => m.source_kafka_topic.topic_name).sort()).toEqual([
      "orders.created",
      "orders.ledger.audit",
    ]);
    for (const m of mirrors) {
      expect(m.kafka_cluster.id).toBe(ref("confluent_kafka_cluster", "id", cluster("orders-dr-prod")));
      expect(m.cluster_link.link_name).toBe(ref("confluent_cluster_link", "link_name", () => true));
      expect(m.lifecycle).toEqual({ prevent_destroy: true });
    }
  });
});

test("the failover runbook is written on synth with the objectives, topics, groups and outputs", () => {
  const { outdir } = synthApp((app) => {
    const stack = new TerraformStack(app, "dr");
    new ConfluentProvider(stack, "confluent", {});
    const { primary, standby } = clusters(stack);
    const t = primary.addTopic("orders.created");
    new ConfluentDrPair(stack, "Dr", {
      primary,
      dr: standby,
      topics: [t],
      objectives: { rpoSeconds: 30, rtoMinutes: 20 },
    });
  });
  const text = fs.readFileSync(
    path.join(outdir, "stacks", "dr", "kafka-standards", "runbooks", "orders-prod-to-orders-dr-prod-failover.md"),
    "utf8",
  );
  expect(text).toContain("Objectives: RPO 30 s (mirror lag), RTO 20 min");
  expect(text).toContain("confluent kafka mirror failover orders.created --link orders-prod-to-orders-dr-prod");
  expect(text).toContain('export DR_CLUSTER="$(terraform output -raw dr_cluster_id)"');
  expect(text).toContain("## Continuity test plan (every quarter)");
});

describe("ConfluentDrPair validation", () => {
  test.each<
    [string, (p: ConfluentDrPairProps) => ConfluentDrPairProps, Partial<ConfluentClusterProps>, string, string]
  >([
    [
      "standby that cannot be a link destination",
      (p) => p,
      { clusterType: ConfluentClusterType.standard(), availability: "MULTI_ZONE", networking: undefined },
      "KSE-PAT-001",
      "Dedicated or Enterprise",
    ],
    ["standby is the primary", (p) => ({ ...p, dr: p.primary }), DEDICATED, "KSE-PAT-002", "other than the primary"],
    ["no topics", (p) => ({ ...p, topics: [] }), DEDICATED, "KSE-PAT-003", "at least one topic"],
    [
      "topic of another cluster",
      (p) => ({ ...p, topics: [p.dr.addTopic("x.y")] }),
      DEDICATED,
      "KSE-PAT-003",
      "topics of the primary",
    ],
    [
      "bad objectives",
      (p) => ({ ...p, objectives: { rpoSeconds: 0, rtoMinutes: 10 } }),
      DEDICATED,
      "KSE-PAT-004",
      "positive RPO",
    ],
  ])("%s", (_n, change, drProps, code, fragment) => {
    const { stack } = newConfluentStack();
    const { primary, standby } = clusters(stack, drProps);
    const props = change({ primary, dr: standby, topics: [primary.addTopic("orders.created")] });
    let error: unknown;
    try {
      new ConfluentDrPair(stack, "Dr", props);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KafkaStandardsError);
    expect((error as KafkaStandardsError).code).toBe(code);
    expect((error as Error).message).toContain(fragment);
  });
});

describe("ConfluentDrPair standby access: failover needs no new secret", () => {
  function build(props: Partial<ConfluentDrPairProps> = {}): {
    doc: any;
    pair: ConfluentDrPair;
    standby: ConfluentCluster;
  } {
    const { stack } = newConfluentStack();
    const { primary, standby } = clusters(stack);
    const t1 = primary.addTopic("orders.created");
    const t2 = primary.addTopic("orders.internal");
    const writer = primary.addApplication("orders-api", { producerProfile: "EXACTLY_ONCE" });
    t1.grantProduce(writer);
    t1.grantConsume(primary.addApplication("fulfilment"), { group: "fulfilment" });
    t2.grantConsume(primary.addApplication("internal-only"), { group: "internal" });
    const pair = new ConfluentDrPair(stack, "Dr", { primary, dr: standby, topics: [t1], ...props });
    return { doc: synth(stack), pair, standby };
  }

  test("every application granted on a mirrored topic gets its own account, key and the same roles on the standby", () => {
    const { doc, pair, standby } = build();
    expect(Object.keys(pair.standbyApplications).sort()).toEqual(["fulfilment", "orders-api"]);
    expect(standby.applications.map((a) => a.applicationName).sort()).toEqual(["fulfilment", "orders-api"]);
    const keys = resourcesOf(doc, "confluent_api_key").map((k) => k.display_name);
    expect(keys).toEqual(
      expect.arrayContaining(["orders-dr-prod-fulfilment-kafka", "orders-dr-prod-orders-api-kafka"]),
    );
    const dr = standby.access.get("orders-api")!;
    expect(dr.produces).toEqual(["orders.created"]);
    expect(standby.access.get("fulfilment")!.consumes).toEqual([{ topic: "orders.created", group: "fulfilment" }]);
    // Nothing for the application granted only on a topic that is not mirrored.
    expect(standby.access.get("internal-only")).toBeUndefined();
  });

  test("standby role bindings: DeveloperWrite on the topic and transactional ids, DeveloperRead on topic and group", () => {
    const { doc, standby } = build();
    const crn = (r: any): string => String(r.crn_pattern);
    const onStandby = resourcesOf(doc, "confluent_role_binding").filter((b) =>
      crn(b).includes(
        `kafka=\${confluent_kafka_cluster.${Object.entries<any>(doc.resource.confluent_kafka_cluster).find(([, c]) => c.display_name === standby.clusterName)![0]}.id}`,
      ),
    );
    const rows = onStandby
      .filter((b) => b.role_name !== "CloudClusterAdmin")
      .map((b) => `${b.role_name} ${crn(b).replace(/^.*\/kafka=[^/]+\//, "")}`)
      .sort();
    expect(rows).toEqual([
      "DeveloperRead group=fulfilment",
      "DeveloperRead topic=orders.created",
      "DeveloperWrite topic=orders.created",
      "DeveloperWrite transactional-id=orders-api-*",
    ]);
  });

  test("the runbook names each standby key and passes --environment to every Confluent CLI call", () => {
    const { outdir } = synthApp((app) => {
      const stack = new TerraformStack(app, "dr");
      new ConfluentProvider(stack, "confluent", {});
      const { primary, standby } = clusters(stack, { ...DEDICATED, credentialOutputs: true });
      const t = primary.addTopic("orders.created");
      t.grantConsume(primary.addApplication("fulfilment"), { group: "fulfilment" });
      new ConfluentDrPair(stack, "Dr", { primary, dr: standby, topics: [t] });
    });
    const runbook = fs.readFileSync(
      path.join(outdir, "stacks", "dr", "kafka-standards", "runbooks", "orders-prod-to-orders-dr-prod-failover.md"),
      "utf8",
    );
    const cli = runbook
      .split("\n")
      .filter((l) => /confluent kafka (link|mirror) /.test(l) && !l.includes("`confluent kafka mirror promote` "));
    expect(cli.length).toBeGreaterThanOrEqual(4);
    for (const line of cli) expect(line).toContain('--environment "$DR_ENVIRONMENT"');
    expect(runbook).toContain('export DR_ENVIRONMENT="$(terraform output -raw dr_environment_id)"');
    expect(runbook).toContain(
      "| `fulfilment` | `orders-dr-prod-fulfilment` | `terraform output -raw dr_fulfilment_api_key` | `terraform output -raw dr_fulfilment_api_secret` (sensitive) |",
    );
  });

  test("standbyAccess: false creates nothing on the standby and the runbook says what to do", () => {
    const { pair, standby } = build({ standbyAccess: false });
    expect(pair.standbyApplications).toEqual({});
    expect(standby.applications).toEqual([]);
  });
});
