import { Construct } from "constructs";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { KafkaStandardsError, renderValue } from "../../lib/errors";
import {
  bool,
  instance,
  ipv4CidrProblem,
  list,
  num,
  obj,
  oneOf,
  orFalse,
  parseIpv4Cidr,
  record,
  str,
  validate,
} from "../../lib/core/validate";
import { checkConstructSite, checkUniqueInStack } from "../../lib/core/construct-site";
import { checkTags } from "../../lib/core/resource-metadata";
import { checkClientQuota } from "../../lib/core/client-quota-input";
import { checkApplicationArgument } from "../../lib/access/kafka-application";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import { newStack, synth, only } from "../helpers";
import { newConfluentStack } from "../confluent/helpers";

const any = (v: unknown): any => v;

function caught(fn: () => unknown): KafkaStandardsError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KafkaStandardsError);
    return e as KafkaStandardsError;
  }
  throw new Error("expected a KafkaStandardsError");
}

describe("renderValue", () => {
  test.each<[unknown, string]>([
    [NaN, "NaN"],
    [Infinity, "Infinity"],
    [-Infinity, "-Infinity"],
    ["x", '"x"'],
    [undefined, "undefined"],
    [null, "null"],
    [3, "3"],
    [false, "false"],
    [/a+/, "/a+/"],
    [{ a: NaN, b: [Infinity, undefined] }, '{"a":NaN,"b":[Infinity,undefined]}'],
    [{ s: 'q"uote' }, '{"s":"q\\"uote"}'],
  ])("%p renders as %s", (value, text) => {
    expect(renderValue(value)).toBe(text);
  });

  test("a value JSON cannot hold renders by its type", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(renderValue(cyclic)).toBe("<Object>");
  });

  test("the message of a NaN prop says NaN, not null", () => {
    const { stack } = newStack();
    const e = caught(
      () =>
        new MskCluster(
          stack,
          "orders",
          any({ clusterName: "orders", tier: "dev", vpcId: "vpc-1", clientSubnetIds: ["a", "b"], brokerNodes: NaN }),
        ),
    );
    expect(e.message).toContain("Invalid brokerNodes at test/orders: got NaN.");
  });
});

describe("IPv4 CIDR blocks", () => {
  test.each<[string, string | undefined]>([
    ["10.0.0.0/16", "10.0.0.0/16"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["10.0.0.5/16", "10.0.0.0/16"],
    ["255.255.255.255/32", "255.255.255.255/32"],
    ["10.0.0.0/33", undefined],
    ["10.256.0.0/16", undefined],
    ["010.0.0.0/8", undefined],
    ["10.0.0.0", undefined],
    ["2001:db8::/32", undefined],
  ])("%s parses to %s", (value, canonical) => {
    expect(parseIpv4Cidr(value)?.canonical).toBe(canonical);
  });

  test.each<[string, number | undefined, string | undefined]>([
    ["10.0.0.0/16", undefined, undefined],
    ["10.0.0.0/16", 16, undefined],
    ["10.0.0.0/24", 16, "Give a /16 block."],
    ["10.0.0.5/16", undefined, 'did you mean "10.0.0.0/16"? Clear the host bits.'],
    ["10.0.0.1", undefined, 'Add the prefix length, e.g. "10.0.0.1/32" for one address.'],
    ["2001:db8::/32", undefined, "Give an IPv4 block; IPv6 blocks are not supported here."],
  ])("%s (/%s): %s", (value, prefix, problem) => {
    expect(ipv4CidrProblem(value, prefix)).toBe(problem);
  });
});

describe("rules", () => {
  const at = { prop: "p", path: "s/c" };
  const text = { allowed: "what is allowed", fix: "how to fix" };

  test.each<[string, () => void, string, string]>([
    ["string: a number", () => str("KSE-CORE-006", "p", text).check(1, at), "p", "Give a string, not a number."],
    ["string: blank", () => str("KSE-CORE-006", "p", text).check(" ", at), "p", "Give a non-empty value."],
    ["string: pattern", () => str("KSE-CORE-006", "p", { ...text, pattern: /^a$/ }).check("b", at), "p", "how to fix"],
    [
      "string: test",
      () => str("KSE-CORE-006", "p", { ...text, test: () => "specific" }).check("b", at),
      "p",
      "specific",
    ],
    ["number: NaN", () => num("KSE-CORE-006", "p", text).check(NaN, at), "p", "Give a finite number."],
    ["number: a string", () => num("KSE-CORE-006", "p", text).check("1", at), "p", "Give a number, not a string."],
    ["number: fraction", () => num("KSE-CORE-006", "p", { ...text, integer: true }).check(1.5, at), "p", "how to fix"],
    ["number: below min", () => num("KSE-CORE-006", "p", { ...text, min: 2 }).check(1, at), "p", "how to fix"],
    [
      "number: at exclusive min",
      () => num("KSE-CORE-006", "p", { ...text, min: 0, exclusiveMin: true }).check(0, at),
      "p",
      "how to fix",
    ],
    ["number: above max", () => num("KSE-CORE-006", "p", { ...text, max: 2 }).check(3, at), "p", "how to fix"],
    ["boolean: a string", () => bool("KSE-CORE-006", "p").check("true", at), "p", "a boolean, not a string"],
    [
      "enum: near miss",
      () => oneOf("KSE-CORE-006", "p", ["alpha", "beta"]).check("alpah", at),
      "p",
      'did you mean "alpha"?',
    ],
    [
      "list: not a list",
      () => list("KSE-CORE-006", "p", undefined, text).check("a", at),
      "p",
      "Give a list, not a string.",
    ],
    [
      "list: too short",
      () => list("KSE-CORE-006", "p", undefined, { ...text, min: 1 }).check([], at),
      "p",
      "how to fix",
    ],
    [
      "list: duplicate",
      () => list("KSE-CORE-006", "p", undefined, { ...text, unique: true }).check(["a", "a"], at),
      "p[1]",
      "Remove the duplicate.",
    ],
    [
      "list: item",
      () => list("KSE-CORE-006", "p", str("KSE-CORE-006", "", text), text).check(["a", 2], at),
      "p[1]",
      "Give a string",
    ],
    [
      "list: null item",
      () => list("KSE-CORE-006", "p", str("KSE-CORE-006", "", text), text).check([null], at),
      "p[0]",
      "what is allowed",
    ],
    ["record: not an object", () => record("KSE-CORE-006", "p", undefined, text).check([], at), "p", "not a list"],
    [
      "record: value",
      () => record("KSE-CORE-006", "p", num("KSE-CORE-006", "", text), text).check({ k: "1" }, at),
      'p["k"]',
      "Give a number",
    ],
    [
      "record: key",
      () => record("KSE-CORE-006", "p", undefined, { ...text, keyTest: () => "bad key" }).check({ k: 1 }, at),
      'p["k"]',
      "bad key",
    ],
    [
      "object: unknown key",
      () => obj("KSE-CORE-006", "p", [str("KSE-CORE-006", "name", text)], text).check({ nmae: "x" }, at),
      "p.nmae",
      'did you mean "name"?',
    ],
    [
      "object: required",
      () => obj("KSE-CORE-006", "p", [str("KSE-CORE-006", "name", { ...text, required: true })], text).check({}, at),
      "p.name",
      "Set p.name (it is required).",
    ],
    [
      "object: null field",
      () => obj("KSE-CORE-006", "p", [str("KSE-CORE-006", "name", text)], text).check({ name: null }, at),
      "p.name",
      "Omit p.name for the default",
    ],
    [
      "object: class instance",
      () => obj("KSE-CORE-006", "p", [], text).check(new Date(0), at),
      "p",
      "Give an object, not a Date.",
    ],
    ["instance", () => instance("KSE-CORE-006", "p", RegExp, text).check("^a$", at), "p", "how to fix"],
    [
      "orFalse: true",
      () => orFalse(obj("KSE-CORE-006", "p", [], text)).check(true, at),
      "p",
      "Give an object, not a boolean.",
    ],
    [
      "validate: undefined required root",
      () => validate(undefined, obj("KSE-CORE-006", "", [], { ...text, required: true }), "props"),
      "props",
      "how to fix",
    ],
    [
      "validate: a list as root",
      () => validate([], obj("KSE-CORE-006", "", [], text), "props"),
      "props",
      "Give an object, not a list.",
    ],
  ])("%s", (_name, fn, prop, fix) => {
    const e = caught(fn);
    expect(e.prop).toBe(prop);
    expect(e.fix).toContain(fix);
  });

  test("props given as an instance of the caller's own class pass", () => {
    class Props {
      public readonly clusterName = "orders";
      public readonly tier = "dev" as const;
      public readonly vpcId = "vpc-1";
      public readonly clientSubnetIds = ["a", "b"];
    }
    const { stack } = newStack();
    expect(new MskCluster(stack, "orders", new Props()).clusterName).toBe("orders-dev");
  });

  test("accepted values pass", () => {
    expect(() => orFalse(obj("KSE-CORE-006", "p", [], text)).check(false, at)).not.toThrow();
    expect(() => validate(undefined, obj("KSE-CORE-006", "", [], text), "props")).not.toThrow();
    expect(() =>
      obj("KSE-CORE-006", "p", [str("KSE-CORE-006", "a", text)], text).check({ a: "x", b: undefined }, at),
    ).not.toThrow();
  });

  test("unresolved tokens pass, their content unchecked", () => {
    const stack = new TerraformStack(Testing.app(), "t");
    const s = new TerraformVariable(stack, "s", { type: "string" }).stringValue;
    const n = new TerraformVariable(stack, "n", { type: "number" }).numberValue;
    const l = new TerraformVariable(stack, "l", { type: "list(string)" }).listValue;
    expect(() => str("KSE-CORE-006", "p", { ...text, pattern: /^x$/ }).check(s, at)).not.toThrow();
    expect(() => num("KSE-CORE-006", "p", { ...text, integer: true, min: 5 }).check(n, at)).not.toThrow();
    expect(() =>
      list("KSE-CORE-006", "p", str("KSE-CORE-006", "", text), { ...text, min: 2 }).check(l, at),
    ).not.toThrow();
    expect(caught(() => list("KSE-CORE-006", "p", undefined, { ...text, literal: true }).check(l, at)).value).toBe(
      "<unresolved list>",
    );
  });
});

describe("references from Terraform", () => {
  test("an MSK cluster built from variables validates and synthesizes", () => {
    const { stack } = newStack();
    const v = (id: string, type = "string") => new TerraformVariable(stack, id, { type });
    const cluster = new MskCluster(stack, "orders", {
      clusterName: "orders",
      tier: "prod",
      vpcId: v("vpc").stringValue,
      clientSubnetIds: v("subnets", "list(string)").listValue,
      allowedClientSecurityGroupIds: [v("sg").stringValue],
      allowedClientCidrs: [v("cidr").stringValue],
      kmsKeyArn: v("key").stringValue,
      tags: { Team: v("team").stringValue },
    });
    expect(only(synth(stack), "aws_msk_cluster").broker_node_group_info.client_subnets).toBe("${var.subnets}");
    expect(cluster.clusterName).toBe("orders-prod");
  });

  test("a broker count from a variable is refused: alarms are created per broker", () => {
    const { stack } = newStack();
    const brokers = new TerraformVariable(stack, "brokers", { type: "number" }).numberValue;
    const e = caught(
      () =>
        new MskCluster(stack, "orders", {
          clusterName: "orders",
          tier: "prod",
          vpcId: "vpc-1",
          clientSubnetIds: ["a", "b", "c"],
          brokerNodes: brokers,
        }),
    );
    expect(e.code).toBe("KSE-MSK-001");
    expect(e.message).toContain('got "<unresolved number>"');
  });
});

describe("construct sites", () => {
  test("a failed cluster adds nothing, and the same id works afterwards", () => {
    const { stack } = newStack();
    const before = stack.node.children.map((c) => c.node.id);
    const props = { clusterName: "orders", tier: "prod" as const, vpcId: "vpc-1", clientSubnetIds: ["a", "b", "c"] };
    caught(() => new MskCluster(stack, "orders", { ...props, vpcId: "" }));
    expect(stack.node.children.map((c) => c.node.id)).toEqual(before);
    const cluster = new MskCluster(stack, "orders", props);
    expect(cluster.node.path).toBe("test/orders");
  });

  test("the same holds for Confluent clusters", () => {
    const { stack } = newConfluentStack();
    const before = stack.node.children.map((c) => c.node.id);
    const props = { clusterName: "orders", tier: "prod" as const, cloud: "AWS" as const, region: "eu-central-1" };
    caught(() => new ConfluentCluster(stack, "orders", { ...props, region: "" }));
    expect(stack.node.children.map((c) => c.node.id)).toEqual(before);
    expect(new ConfluentCluster(stack, "orders", props).node.path).toBe("test/orders");
  });

  test("a duplicate id names the id, the taken ids and the path", () => {
    const { stack } = newStack();
    new Construct(stack, "orders");
    const e = caught(() => checkConstructSite(stack, "orders", "MskCluster"));
    expect(e.message).toBe(
      '[KSE-CORE-002] Invalid id at test/orders: got "orders". Allowed: an id not yet used in test (taken: aws, orders). Fix: Give this MskCluster another id, or reuse the construct created first.',
    );
  });

  test("an id with a slash is compared as constructs stores it", () => {
    const { stack } = newStack();
    new Construct(stack, "a/b");
    expect(caught(() => checkConstructSite(stack, "a/b", "MskCluster")).code).toBe("KSE-CORE-002");
    expect(checkConstructSite(stack, "a-b", "MskCluster")).toBe("test/a-b");
  });

  test("two clusters named alike in one stack: the second is refused naming the first", () => {
    const { stack } = newStack();
    const props = { clusterName: "orders", tier: "dev" as const, vpcId: "vpc-1", clientSubnetIds: ["a", "b"] };
    new MskCluster(stack, "first", props);
    const e = caught(() => new MskCluster(stack, "second", props));
    expect(e.code).toBe("KSE-MSK-034");
    expect(e.fix).toBe("Give the cluster another clusterName (already used by test/first).");
    // Another tier, or another stack, is another name.
    new MskCluster(stack, "third", { ...props, tier: "staging", clientSubnetIds: ["a", "b", "c"], brokerNodes: 3 });
    new MskCluster(newStack("other").stack, "first", props);
  });

  test("checkUniqueInStack ignores constructs of other stacks", () => {
    const app = Testing.app();
    const a = new TerraformStack(app, "a");
    const b = new TerraformStack(app, "b");
    new Construct(a, "x");
    expect(() =>
      checkUniqueInStack(
        b,
        (c) => c.node.id === "x",
        { code: "KSE-MSK-034", prop: "p", value: 1, allowed: "", fix: "" },
        "b/y",
      ),
    ).not.toThrow();
  });
});

describe("tags", () => {
  test.each<[string, Record<string, unknown>, string]>([
    ["empty key", { tags: { "": "x" } }, 'tags[""]'],
    ["reserved prefix in any case", { tags: { "AWS:team": "x" } }, 'tags["AWS:team"]'],
    ["value too long", { tags: { a: "v".repeat(257) } }, 'tags["a"]'],
    ["value a boolean", { tags: { a: true } }, 'tags["a"]'],
    ["tags a Map", { tags: new Map([["a", "b"]]) }, "tags"],
    ["owner blank", { owner: " " }, "owner"],
  ])("%s", (_name, inputs, prop) => {
    const e = caught(() => checkTags({ tier: "prod", ...inputs }, "s/c"));
    expect(e.code).toBe("KSE-CORE-007");
    expect(e.prop).toBe(prop);
  });

  test("values up to 256 characters, empty values, 47 caller tags and references pass", () => {
    const stack = new TerraformStack(Testing.app(), "t");
    const ref = new TerraformVariable(stack, "v", { type: "string" }).stringValue;
    const tags: Record<string, string> = { a: "v".repeat(256), b: "", c: ref };
    for (let i = 0; i < 44; i++) tags[`t${i}`] = "x";
    expect(() => checkTags({ tier: "prod", owner: "team", tags }, undefined)).not.toThrow();
  });

  test("the tier's tag still wins over a caller's", () => {
    const { stack } = newStack();
    new MskCluster(stack, "orders", {
      clusterName: "orders",
      tier: "dev",
      vpcId: "vpc-1",
      clientSubnetIds: ["a", "b"],
      tags: { Environment: "qa" },
    });
    expect(only(synth(stack), "aws_msk_cluster").tags.Environment).toBe("dev");
  });
});

describe("inputs for backends", () => {
  test.each<[string, unknown, string, unknown]>([
    ["no quota", undefined, "quota", undefined],
    ["no rate", {}, "quota", {}],
    ["fractional rate", { producerByteRate: 1.5 }, "producerByteRate", 1.5],
    ["NaN rate", { consumerByteRate: NaN }, "consumerByteRate", NaN],
    ["rate as a string", { consumerByteRate: "1" }, "consumerByteRate", "1"],
    ["unknown key", { producerByteRate: 1, produceRate: 2 }, "produceRate", 2],
    ["zero request share", { requestPercentage: 0 }, "requestPercentage", 0],
  ])("quota: %s", (_name, quota, prop, value) => {
    const e = caught(() => checkClientQuota(quota, "s/c"));
    expect(e.prop).toBe(prop);
    expect(e.value).toEqual(value);
  });

  test("quota: a valid quota passes", () => {
    expect(() => checkClientQuota({ producerByteRate: 1048576, requestPercentage: 150 })).not.toThrow();
  });

  test("an application argument that is a name", () => {
    const e = caught(() => checkApplicationArgument("orders-api", "application", "s/c"));
    expect(e.code).toBe("KSE-ACCESS-012");
    expect(e.message).toContain('Invalid application at s/c: got "orders-api"');
  });
});
