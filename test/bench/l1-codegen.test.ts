import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { camel, generateL1App, mapAttributes, moduleOf, topologicalOrder } from "../../bench/l1-codegen";
import { compareDocuments } from "../../bench/doc-equality";
import * as mskTopics from "../../examples/msk-topics/main";
import * as confluentBasic from "../../examples/confluent-basic/main";

const PROVIDERS = path.resolve(__dirname, "../../lib/providers");

describe("naming", () => {
  test.each<[string, string]>([
    ["bootstrap_brokers_sasl_iam", "bootstrapBrokersSaslIam"],
    ["tags_all", "tagsAll"],
    ["arn", "arn"],
  ])("camel(%s) = %s", (s, c) => {
    expect(camel(s)).toBe(c);
  });

  test.each<[string, boolean, string, string]>([
    ["aws_msk_cluster", false, "@cdktf/provider-aws/lib/msk-cluster", "MskCluster"],
    ["aws_region", true, "@cdktf/provider-aws/lib/data-aws-region", "DataAwsRegion"],
    ["kafka_quota", false, "ROOT/kafka/quota", "Quota"],
    ["confluent_api_key", false, "ROOT/confluent/api-key", "ApiKey"],
  ])("moduleOf(%s, data %s)", (type, data, p, cls) => {
    expect(moduleOf(type, data, "ROOT")).toEqual({ path: p, cls });
  });

  test("map attributes are read from the binding's hashMapper calls", () => {
    const source = fs.readFileSync(require.resolve("../../lib/providers/kafka/quota"), "utf8");
    expect([...mapAttributes(source)]).toEqual(["config"]);
    const alarm = fs.readFileSync(require.resolve("@cdktf/provider-aws/lib/cloudwatch-metric-alarm"), "utf8");
    expect([...mapAttributes(alarm)].sort()).toEqual(["dimensions", "tags", "tags_all"]);
  });
});

describe("topologicalOrder", () => {
  test("each item after its dependencies, otherwise in the given order", () => {
    const deps: Record<string, string[]> = { a: ["c"], b: [], c: ["b"], d: [] };
    expect(topologicalOrder(["a", "b", "c", "d"], (x) => deps[x])).toEqual(["b", "d", "c", "a"]);
  });

  test("unknown and self dependencies are ignored", () => {
    expect(topologicalOrder(["a", "b"], (x) => (x === "a" ? ["a", "zz"] : []))).toEqual(["a", "b"]);
  });

  test("a cycle is refused", () => {
    expect(() => topologicalOrder(["a", "b"], (x) => (x === "a" ? ["b"] : ["a"]))).toThrow("cycle");
  });

  test("linear: each item's dependencies are asked for once (a chain of 20,000)", () => {
    const n = 20000;
    const items = Array.from({ length: n }, (_, i) => i);
    let calls = 0;
    const out = topologicalOrder([...items].reverse(), (i) => {
      calls++;
      return i > 0 ? [i - 1] : [];
    });
    expect(out).toEqual(items);
    expect(calls).toBe(n);
  });
});

/** Synthesizes an app into a folder and returns its stacks' documents by name. */
function synthInto(outdir: string, build: (app: App) => void): Record<string, any> {
  const app = new App({ outdir, skipBackendValidation: true });
  build(app);
  app.synth();
  return Object.fromEntries(
    fs
      .readdirSync(path.join(outdir, "stacks"))
      .map((s) => [s, JSON.parse(fs.readFileSync(path.join(outdir, "stacks", s, "cdk.tf.json"), "utf8"))]),
  );
}

describe("generated program", () => {
  // Two copies of an MSK example with a data plane (cross-stack references, kafka_quota, ephemeral
  // SCRAM passwords, provider aliases) and a Confluent example (depends_on on the API key).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "l1-codegen-"));
  const copies = ["", "-copy1"];
  const library = synthInto(path.join(dir, "lib"), (app) => {
    for (const c of copies) {
      mskTopics.build(app, `msk-topics${c}`);
      confluentBasic.build(app, `confluent-basic${c}`);
    }
  });
  const firstCopy = Object.entries(library)
    .filter(([name]) => !name.includes("-copy"))
    .map(([name, doc]) => ({ name, doc }));
  const source = generateL1App(firstCopy, {
    providerRoot: PROVIDERS,
    resolveModule: (p) => require.resolve(p),
    chunkSize: 4,
  });
  const program = path.join(dir, "program.js");
  fs.writeFileSync(program, source);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { build } = require(program) as { build: (app: App, suffix: string) => void };
  const l1 = synthInto(path.join(dir, "l1"), (app) => copies.forEach((c) => build(app, c)));

  test("writes every stack of every copy, equal to the library's as whole documents", () => {
    expect(Object.keys(l1).sort()).toEqual(Object.keys(library).sort());
    expect(Object.keys(l1)).toHaveLength(6);
    for (const name of Object.keys(library))
      expect([name, compareDocuments(library[name], l1[name])]).toEqual([name, []]);
  });

  test("the earlier defects are gone: depends_on, map keys, each copy's own remote state", () => {
    const key = Object.values<any>(l1["confluent-basic-copy1"].resource.confluent_api_key).find((k) => k.depends_on);
    expect(key.depends_on).toEqual([expect.stringMatching(/^\$\{confluent_role_binding\./)]);
    const quota = Object.values<any>(l1["msk-topics-copy1-data"].resource.kafka_quota)[0];
    expect(Object.keys(quota.config)).toEqual(["consumer_byte_rate"]);
    expect(Object.keys(l1["msk-topics-copy1-data"].data.terraform_remote_state)).toEqual([
      "cross-stack-reference-input-msk-topics-copy1",
    ]);
  });

  test("small functions, a loop over them, no literal cross-stack plumbing", () => {
    const functions = source.split("\n").filter((l) => /^function s\d+_\d+\(/.test(l));
    expect(functions.length).toBeGreaterThan(10);
    for (const body of source.split(/\nfunction s\d+_\d+\(/).slice(1)) {
      const statements = body
        .split("\n}")[0]
        .split("\n")
        .filter((l) => /^ {2}R\[\d+\] = new /.test(l));
      expect(statements.length).toBeLessThanOrEqual(4);
    }
    expect(source).toContain("for (const chunk of CHUNKS_0) chunk(");
    expect(source).not.toContain("terraform_remote_state");
    expect(source).not.toContain("cross-stack-output-");
    expect(source).toContain("Fn.split(");
  });
});
