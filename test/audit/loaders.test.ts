import * as fs from "fs";
import * as path from "path";
import { referencedAddresses } from "../../lib/audit/document";
import { AuditInputError } from "../../lib/audit/loaders/input-error";
import { loadDocument, loadDocumentFile, loadDocumentText } from "../../lib/audit/loaders/load";
import { UNKNOWN_AFTER_APPLY } from "../../lib/audit/loaders/terraform-show";
import { block } from "../../lib/audit/values";
import { auditDocument } from "../../lib/audit/engine";
import { decodeMetadata, encodeMetadata, escapeTemplate, unescapeTemplate } from "../../lib/core/metadata-output";
import { planDoc, r, tfDoc } from "./helpers";

const FIXTURES = path.join(__dirname, "..", "fixtures", "audit");

describe("cdktf JSON loader", () => {
  const doc = loadDocument(
    tfDoc(
      [
        r("aws_msk_cluster.main", { cluster_name: "orders" }, { tier: "prod", class: "x" }),
        r("data.aws_iam_policy_document.p", { statement: [] }),
      ],
      "payments",
    ),
    "file.json",
  );

  test("reads resources, data sources, metadata and construct paths", () => {
    expect(doc.name).toBe("payments");
    expect(doc.source).toBe("cdktf");
    expect(doc.lifecycleKnown).toBe(true);
    expect(doc.all().map((x) => [x.address, x.mode, x.path])).toEqual([
      ["aws_msk_cluster.main", "managed", "payments/main"],
      ["data.aws_iam_policy_document.p", "data", "payments/p"],
    ]);
    expect(doc.get("aws_msk_cluster.main")?.metadata).toEqual({ tier: "prod", class: "x" });
    expect(doc.get("aws_msk_cluster.main")?.attributes).toEqual({ cluster_name: "orders" });
    expect(doc.ofType("aws_iam_policy_document")).toEqual([]);
  });

  test("an empty cdktf stack is a document with no resources", () => {
    expect(loadDocument({ "//": { metadata: { stackName: "empty" } }, terraform: {} }, "x").all()).toEqual([]);
  });
});

describe("references", () => {
  test.each([
    ["${aws_kms_key.k.arn}", ["aws_kms_key.k"]],
    ["${data.aws_iam_policy_document.p.json}", ["data.aws_iam_policy_document.p"]],
    [
      "${module.msk.aws_msk_cluster.this[0].arn}",
      ["module.msk.aws_msk_cluster.this[0]", "module.msk.aws_msk_cluster.this"],
    ],
    ["arn:${aws_kms_key.a.id}/${aws_kms_key.b.id}", ["aws_kms_key.a", "aws_kms_key.b"]],
    ["plain", []],
  ])("%s", (value, expected) => {
    expect(referencedAddresses(value).filter((a) => a.includes("aws_"))).toEqual(expected);
  });

  test("resolve follows references and distinctive literals", () => {
    const doc = loadDocument(
      tfDoc([r("aws_kms_key.k", { arn: "arn:aws:kms:eu-west-1:1:key/abc" }), r("aws_kms_key.short", { name: "k" })]),
      "x",
    );
    expect(doc.resolve("${aws_kms_key.k.arn}")?.address).toBe("aws_kms_key.k");
    expect(doc.resolve("arn:aws:kms:eu-west-1:1:key/abc")?.address).toBe("aws_kms_key.k");
    expect(doc.resolve("k")).toBeUndefined();
    expect(doc.resolve("${aws_kms_key.missing.arn}")).toBeUndefined();
    expect(doc.refersTo("k", doc.get("aws_kms_key.short")!)).toBe(true);
  });
});

describe("terraform show -json loader", () => {
  test("plan: module addresses, unknown values back as references", () => {
    const doc = loadDocumentFile(path.join(FIXTURES, "plan", "plan.json"));
    expect(doc.source).toBe("plan");
    expect(doc.lifecycleKnown).toBe(false);
    expect(doc.all().map((x) => x.address)).toEqual([
      "aws_iam_policy.admin",
      "module.msk.aws_kms_key.this",
      "module.msk.aws_msk_cluster.this[0]",
    ]);
    const cluster = doc.get("module.msk.aws_msk_cluster.this[0]")!;
    expect(block(cluster.attributes, "encryption_info")?.encryption_at_rest_kms_key_arn).toBe(
      "${module.msk.aws_kms_key.this.arn}",
    );
    expect(doc.resolve(block(cluster.attributes, "encryption_info")?.encryption_at_rest_kms_key_arn)?.address).toBe(
      "module.msk.aws_kms_key.this",
    );
    expect(cluster.attributes.arn).toBe(UNKNOWN_AFTER_APPLY);
    expect(block(cluster.attributes, "encryption_info", "encryption_in_transit")?.client_broker).toBe("TLS_PLAINTEXT");
  });

  test("state: resources and data sources with literal identifiers", () => {
    const doc = loadDocumentFile(path.join(FIXTURES, "state", "state.json"));
    expect(doc.source).toBe("state");
    expect(doc.all().map((x) => `${x.mode} ${x.address}`)).toEqual([
      "managed aws_kms_key.msk",
      "managed aws_cloudwatch_log_group.broker",
      "managed aws_msk_cluster.orders",
      "data data.aws_caller_identity.current",
    ]);
    const cluster = doc.get("aws_msk_cluster.orders")!;
    expect(doc.resolve(block(cluster.attributes, "encryption_info")?.encryption_at_rest_kms_key_arn)?.address).toBe(
      "aws_kms_key.msk",
    );
  });

  test("empty state", () => {
    expect(loadDocument({ format_version: "1.0", terraform_version: "1.9.8" }, "s").source).toBe("state");
  });
});

describe("unusable input", () => {
  const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "ks-loader-"));

  test.each([
    ["missing file", () => loadDocumentFile(path.join(tmp, "nope.json")), "KSE-AUDIT-020", "file not found"],
    ["directory", () => loadDocumentFile(tmp), "KSE-AUDIT-020", "is a directory"],
    ["bad JSON", () => loadDocumentText("{", "bad.json"), "KSE-AUDIT-021", /^not valid JSON \(/],
    [
      "array",
      () => loadDocument([], "a.json"),
      "KSE-AUDIT-022",
      "not a Terraform document (top level is not a JSON object)",
    ],
    [
      "other JSON",
      () => loadDocument({ name: "package" }, "p.json"),
      "KSE-AUDIT-022",
      "not a Terraform document (no resource, data, planned_values or values section)",
    ],
  ])("%s", (_name, load, code, problem) => {
    let error: unknown;
    try {
      load();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AuditInputError);
    const e = error as AuditInputError;
    expect(e.code).toBe(code);
    if (typeof problem === "string") expect(e.problem).toBe(problem);
    else expect(e.problem).toMatch(problem);
    expect(e.message.includes("\n")).toBe(false);
  });
});

describe("metadata carried by the kafka_standards_metadata output", () => {
  const carried = new Map([
    ["kafka_topic.t", { tier: "prod", class: "telemetry", construct: "KafkaTopic" }],
    ["kafka_topic.u", { tier: "prod", class: "telemetry", construct: "KafkaTopic" }],
    [
      "kafka_topic.old",
      { tier: "prod", class: "events", suppressions: [{ id: "KS-TOPIC-008", reason: "retired on purpose" }] },
    ],
  ]);
  const encoded = encodeMetadata(carried);
  const topic = (name: string, isr = "1", retention = "259200000") => ({
    name: `metrics.${name}`,
    replication_factor: 3,
    config: { "cleanup.policy": "delete", "min.insync.replicas": isr, "retention.ms": retention },
  });

  test("encodes resources with the same metadata once, and decodes back", () => {
    expect(JSON.parse(encoded).groups).toHaveLength(2);
    expect(decodeMetadata(encoded)).toEqual(carried);
    expect(decodeMetadata("not json").size).toBe(0);
    expect(decodeMetadata(JSON.stringify({ v: 99, groups: [] })).size).toBe(0);
  });

  test("template sequences are escaped for Terraform and restored for reading", () => {
    expect(escapeTemplate('{"reason":"uses ${var.x} and %{if}"}')).toBe('{"reason":"uses $${var.x} and %%{if}"}');
    expect(unescapeTemplate(escapeTemplate("a ${b} %{c}"))).toBe("a ${b} %{c}");
  });

  test("a state keeps it in values.outputs", () => {
    const state = {
      format_version: "1.0",
      terraform_version: "1.9.8",
      values: {
        outputs: { kafka_standards_metadata: { sensitive: true, value: encoded } },
        root_module: {
          resources: [
            { address: "kafka_topic.t", mode: "managed", type: "kafka_topic", name: "t", values: topic("t") },
          ],
        },
      },
    };
    const doc = loadDocument(state, "state.json");
    expect(doc.source).toBe("state");
    expect(doc.get("kafka_topic.t")?.metadata).toEqual({ tier: "prod", class: "telemetry", construct: "KafkaTopic" });
    expect(auditDocument(doc).findings.filter((f) => f.rule === "KS-TOPIC-003")).toEqual([]);
  });

  test("a plan keeps it in planned_values.outputs; a deleted resource takes it from the prior state", () => {
    const plan = planDoc([
      r("kafka_topic.t", topic("t")),
      {
        ...r("kafka_topic.old", topic("old", "2", "604800000")),
        change: { actions: ["delete"], before: topic("old", "2", "604800000") },
      },
    ]);
    const withOutputs = {
      ...plan,
      planned_values: {
        ...(plan.planned_values as object),
        outputs: {
          kafka_standards_metadata: {
            sensitive: true,
            value: encodeMetadata(new Map([["kafka_topic.t", carried.get("kafka_topic.t")!]])),
          },
        },
      },
      prior_state: { values: { outputs: { kafka_standards_metadata: { sensitive: true, value: encoded } } } },
    };
    const doc = loadDocument(withOutputs, "plan.json");
    expect(doc.get("kafka_topic.t")?.metadata?.class).toBe("telemetry");
    expect(doc.get("kafka_topic.old")?.metadata?.suppressions).toEqual([
      { id: "KS-TOPIC-008", reason: "retired on purpose" },
    ]);
    const report = auditDocument(doc);
    expect(report.findings.map((f) => [f.rule, f.resource, f.suppressed])).toEqual([
      ["KS-TOPIC-008", "kafka_topic.old", true],
    ]);
  });

  test("a plan without planned outputs reads the output's constant in the configuration", () => {
    const plan = {
      ...planDoc([r("kafka_topic.t", topic("t"))]),
      configuration: {
        root_module: {
          outputs: { kafka_standards_metadata: { sensitive: true, expression: { constant_value: encoded } } },
        },
      },
    };
    expect(loadDocument(plan, "p").get("kafka_topic.t")?.metadata?.class).toBe("telemetry");
  });

  test('cdktf JSON: "//" wins; the output (escaped) fills in for resources that lost it', () => {
    const doc: Record<string, any> = {
      ...tfDoc([r("kafka_topic.t", topic("t"), { tier: "dev", class: "events" })]),
      output: { kafka_standards_metadata: { sensitive: true, value: escapeTemplate(encoded) } },
    };
    doc.resource.kafka_topic.u = topic("u");
    const loaded = loadDocument(doc, "d");
    expect(loaded.get("kafka_topic.t")?.metadata).toEqual({ tier: "dev", class: "events" });
    expect(loaded.get("kafka_topic.u")?.metadata?.class).toBe("telemetry");
  });
});
