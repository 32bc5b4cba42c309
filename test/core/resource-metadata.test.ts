import { TerraformStack } from "cdktf";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { recordMetadata } from "../../lib/core/resource-metadata";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { ClientAuthentication } from "../../lib/msk/client-authentication";
import { KafkaPrincipal } from "../../lib/access/kafka-principal";
import { newStack } from "../helpers";

/**
 * cdktf's own list of overridden keys per resource type (`//.metadata.overrides`), without the `"//"`
 * entries: the wrapper writes the library's metadata itself, so cdktf does not list it there.
 */
function withoutCommentOverrides(doc: any): any {
  const overrides = doc?.["//"]?.metadata?.overrides;
  if (overrides) {
    for (const [type, keys] of Object.entries(overrides as Record<string, string[]>)) {
      const rest = keys.filter((k) => k !== "//");
      if (rest.length > 0) overrides[type] = rest;
      else delete overrides[type];
    }
    if (Object.keys(overrides).length === 0) delete doc["//"].metadata.overrides;
  }
  return doc;
}

/** The stack's document as cdktf renders it, with and without the metadata wrapper. */
function bothWays(stack: TerraformStack, allPlain = true): { wrapped: string; plain: string } {
  const rendered = stack.toTerraform() as any;
  const listed = Object.values((rendered["//"]?.metadata?.overrides ?? {}) as Record<string, string[]>).flat();
  // With plain metadata only, the wrapper leaves no "//" entry in cdktf's list (one per resource otherwise).
  if (allPlain) expect(listed).not.toContain("//");
  const wrapped = JSON.stringify(rendered, null, 2);
  const own = Object.getOwnPropertyDescriptor(stack, "toTerraform");
  expect(own).toBeDefined();
  delete (stack as any).toTerraform;
  try {
    const plain = stack.toTerraform() as any;
    expect(Object.values((plain["//"]?.metadata?.overrides ?? {}) as Record<string, string[]>).flat()).toContain("//");
    return { wrapped, plain: JSON.stringify(allPlain ? withoutCommentOverrides(plain) : plain, null, 2) };
  } finally {
    Object.defineProperty(stack, "toTerraform", own!);
  }
}

describe("recordMetadata: resolved once, written in place", () => {
  test("a cluster with topics, grants and lag alarms synthesizes to the same text with and without the wrapper", () => {
    const { stack } = newStack();
    const c = new MskCluster(stack, "orders", {
      clusterName: "orders",
      tier: "prod",
      vpcId: "vpc-1",
      clientSubnetIds: ["a", "b", "c"],
      authentication: ClientAuthentication.of({ iam: true, scram: { users: ["billing"] } }),
      monitoring: { disabledAlarms: { "heap-after-gc": "heap alarms come from our APM agent" } },
    });
    const t = c.addTopic("orders.created");
    t.grantConsume(c.addApplication("billing", { principal: KafkaPrincipal.scramUser("billing") }), {
      group: "billing",
    });
    const { wrapped, plain } = bothWays(stack);
    expect(wrapped).toBe(plain);
    expect(wrapped).toContain('"kafka-standards": {');
    // Both stacks of the app (the data plane too).
    const data = c.dataPlane;
    const d = bothWays(data);
    expect(d.wrapped).toBe(d.plain);
  });

  test("overrides below //.kafka-standards (suppressions) still apply, in order", () => {
    const { stack } = newStack();
    const topic = new SnsTopic(stack, "t", { name: "t" });
    recordMetadata(topic, { tier: "prod", construct: "X", overrides: { a: "b" } });
    topic.addOverride("//.kafka-standards.suppressions", [{ id: "KS-MON-001", reason: "watched elsewhere" }]);
    topic.addOverride("//.kafka-standards.tier", "dev");
    const { wrapped, plain } = bothWays(stack);
    expect(wrapped).toBe(plain);
    const meta = JSON.parse(wrapped).resource.aws_sns_topic.t["//"]["kafka-standards"];
    expect(meta).toEqual({
      tier: "dev",
      construct: "X",
      overrides: { a: "b" },
      suppressions: [{ id: "KS-MON-001", reason: "watched elsewhere" }],
    });
    expect(Object.keys(meta)).toEqual(["tier", "construct", "overrides", "suppressions"]);
  });

  test.each<[string, Record<string, unknown>]>([
    ["a token", { cluster: "${TOKEN}" }],
    ["a Terraform expression", { cluster: "${var.name}" }],
    ["a non-finite number", { broker: Number.NaN }],
  ])("metadata with %s is left to cdktf and written the same", (_n, extra) => {
    const { stack } = newStack();
    const topic = new SnsTopic(stack, "t", { name: "t" });
    const value = extra.cluster === "${TOKEN}" ? { cluster: topic.arn } : extra;
    recordMetadata(topic, { tier: "prod", ...value } as any);
    const { wrapped, plain } = bothWays(stack, false);
    expect(wrapped).toBe(plain);
    if (extra.cluster === "${TOKEN}") {
      expect(JSON.parse(wrapped).resource.aws_sns_topic.t["//"]["kafka-standards"].cluster).toBe(
        "${aws_sns_topic.t.arn}",
      );
    }
  });

  test("recording again replaces the metadata; the resource's overrides are left as they were", () => {
    const { stack } = newStack();
    const topic = new SnsTopic(stack, "t", { name: "t" });
    recordMetadata(topic, { tier: "prod", alarm: "a" });
    recordMetadata(topic, { tier: "prod", alarm: "b" });
    const before = JSON.stringify((topic as any).rawOverrides);
    const doc = stack.toTerraform() as any;
    expect(doc.resource.aws_sns_topic.t["//"]["kafka-standards"]).toEqual({ tier: "prod", alarm: "b" });
    expect(JSON.stringify((topic as any).rawOverrides)).toBe(before);
    // Each call returns its own objects.
    (doc.resource.aws_sns_topic.t["//"]["kafka-standards"] as any).tier = "changed";
    expect((stack.toTerraform() as any).resource.aws_sns_topic.t["//"]["kafka-standards"].tier).toBe("prod");
  });
});

describe("recordMetadata: the preparing walk", () => {
  test("cdktf's cross-stack preparation sees no plain metadata, and the overrides are put back after it", () => {
    const { app, stack } = newStack();
    const topic = new SnsTopic(stack, "t", { name: "t" });
    recordMetadata(topic, { tier: "prod", alarm: "a" });
    const before = JSON.stringify((topic as any).rawOverrides);
    expect(before).toContain("kafka-standards");
    const seen: string[] = [];
    const inner = (topic as any).toTerraform.bind(topic);
    (topic as any).toTerraform = () => {
      seen.push(JSON.stringify((topic as any).rawOverrides));
      return inner();
    };
    stack.prepareStack();
    // The preparing walk rendered the resource once, without the library's metadata.
    expect(seen).toEqual(["{}"]);
    expect(JSON.stringify((topic as any).rawOverrides)).toBe(before);
    app.synth();
    expect(seen.slice(1).every((s) => s === "{}")).toBe(true);
    expect(JSON.stringify((topic as any).rawOverrides)).toBe(before);
  });

  test("a reference to another stack in the same resource is still found while preparing", () => {
    const { app, stack } = newStack();
    const other = new TerraformStack(app, "other");
    new AwsProvider(other, "aws", { region: "eu-west-1" });
    const source = new SnsTopic(other, "source", { name: "source" });
    const topic = new SnsTopic(stack, "t", { name: "t", displayName: source.arn });
    recordMetadata(topic, { tier: "prod" });
    app.synth();
    const doc = stack.toTerraform() as any;
    // cdktf wired the reference through a remote state data source while preparing.
    expect(doc.resource.aws_sns_topic.t.display_name).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-other\.outputs\.cross-stack-output-aws_sns_topicsourcearn\}$/,
    );
    expect(doc.resource.aws_sns_topic.t["//"]["kafka-standards"]).toEqual({ tier: "prod" });
  });
});
