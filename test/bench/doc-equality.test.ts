import {
  ALLOWED_BLOCK_COMMENT_KEYS,
  compareDocuments,
  normalizeDocument,
  summarizeDifferences,
} from "../../bench/doc-equality";

const resource = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  "//": { metadata: { path: "s/a/b", uniqueId: "a_b_1" }, "kafka-standards": { tier: "prod" } },
  name: "orders",
  ...extra,
});

const doc = (extra: Record<string, unknown> = {}): any => ({
  "//": { metadata: { backend: "local", stackName: "s", version: "0.21.0" }, outputs: {} },
  terraform: { required_providers: { kafka: { source: "Mongey/kafka" } } },
  resource: { kafka_topic: { t1: resource() } },
  ...extra,
});

describe("normalizeDocument", () => {
  test("removes the top-level // block and each block's //, nothing else", () => {
    const { document, problems } = normalizeDocument(
      doc({ data: { aws_region: { r: { "//": { metadata: { path: "x" } } } } } }),
    );
    expect(problems).toEqual([]);
    expect(document).toEqual({
      terraform: { required_providers: { kafka: { source: "Mongey/kafka" } } },
      resource: { kafka_topic: { t1: { name: "orders" } } },
      data: { aws_region: { r: {} } },
    });
  });

  test("keeps // anywhere else (it is compared)", () => {
    const d = doc({ output: { o: { value: "x", "//": "kept" } } });
    expect((normalizeDocument(d).document as any).output.o["//"]).toBe("kept");
  });

  test("only metadata and kafka-standards may sit in a block's //", () => {
    expect(ALLOWED_BLOCK_COMMENT_KEYS).toEqual(["metadata", "kafka-standards"]);
    const d = doc({ resource: { kafka_topic: { t1: resource({ "//": { metadata: {}, other: 1 } }) } } });
    expect(normalizeDocument(d).problems).toEqual([
      { path: "resource.kafka_topic.t1.//", expected: null, actual: { metadata: {}, other: 1 } },
    ]);
  });
});

describe("compareDocuments", () => {
  test("equal documents, whatever the metadata and the key order", () => {
    const a = doc();
    const b = {
      resource: { kafka_topic: { t1: { name: "orders", "//": { metadata: { path: "other/path" } } } } },
      terraform: { required_providers: { kafka: { source: "Mongey/kafka" } } },
      "//": { metadata: { stackName: "s" } },
    };
    expect(compareDocuments(a, b)).toEqual([]);
  });

  test("array order matters", () => {
    const a = doc({ provider: { kafka: [{ alias: "a" }, { alias: "b" }] } });
    const b = doc({ provider: { kafka: [{ alias: "b" }, { alias: "a" }] } });
    expect(compareDocuments(a, b).map((d) => d.path)).toEqual(["provider.kafka[0].alias", "provider.kafka[1].alias"]);
  });

  // The defects of the earlier L1 generator, which a comparison of resource addresses could not see.
  test.each<[string, Record<string, unknown>, Record<string, unknown>, string[]]>([
    [
      "depends_on dropped",
      { resource: { confluent_api_key: { k: resource({ depends_on: ["${confluent_role_binding.rb}"] }) } } },
      { resource: { confluent_api_key: { k: resource() } } },
      ["resource.confluent_api_key.*.depends_on (missing in baseline)"],
    ],
    [
      "map keys camelCased",
      { resource: { kafka_quota: { q: resource({ config: { consumer_byte_rate: 5 } }) } } },
      { resource: { kafka_quota: { q: resource({ config: { consumerByteRate: 5 } }) } } },
      [
        "resource.kafka_quota.*.config.consumerByteRate (only in baseline)",
        "resource.kafka_quota.*.config.consumer_byte_rate (missing in baseline)",
      ],
    ],
    [
      "a copy reading copy 0's remote state",
      { data: { terraform_remote_state: { "cross-stack-reference-input-x-copy1": { config: { path: "x-copy1" } } } } },
      { data: { terraform_remote_state: { "cross-stack-reference-input-x": { config: { path: "x" } } } } },
      ["data.terraform_remote_state.* (missing in baseline)", "data.terraform_remote_state.* (only in baseline)"],
    ],
  ])("finds %s", (_name, expected, actual, patterns) => {
    const differences = compareDocuments(doc(expected), doc(actual));
    expect(
      summarizeDifferences(differences)
        .map((s) => s.pattern)
        .sort(),
    ).toEqual([...patterns].sort());
  });
});

describe("summarizeDifferences", () => {
  test("one line per defect, counted over blocks", () => {
    const e = doc({
      resource: { kafka_topic: { a: resource({ provider: "kafka.x" }), b: resource({ provider: "kafka.x" }) } },
    });
    const a = doc({ resource: { kafka_topic: { a: resource(), b: resource() } } });
    expect(summarizeDifferences(compareDocuments(e, a))).toEqual([
      { pattern: "resource.kafka_topic.*.provider (missing in baseline)", count: 2 },
    ]);
  });
});
