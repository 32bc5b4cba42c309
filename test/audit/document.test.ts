import { AuditDocument, referencedAddresses } from "../../lib/audit/document";
import type { AuditResource } from "../../lib/audit/types";

const res = (
  address: string,
  attributes: Record<string, unknown> = {},
  mode: "managed" | "data" = "managed",
): AuditResource => {
  const [type, name] = address.replace(/^data\./, "").split(".");
  return { type, name, address, mode, attributes };
};

const key = res("aws_kms_key.k", { arn: "arn:aws:kms:eu-west-1:1:key/abc" });
const indexed0 = res("aws_kms_key.many[0]", { arn: "arn:aws:kms:eu-west-1:1:key/m0" });
const indexed1 = res("aws_kms_key.many[1]", { arn: "arn:aws:kms:eu-west-1:1:key/m1" });
const remote = res("data.terraform_remote_state.net", {}, "data");
const short = res("aws_msk_cluster.c", { cluster_name: "orders" });
const doc = new AuditDocument("d", "cdktf", [key, indexed0, indexed1, remote, short]);

describe("AuditDocument.targets: the inverse of refersTo, from an index", () => {
  test.each([
    ["a reference", "${aws_kms_key.k.arn}", [key]],
    ["an unindexed reference names every instance", "${aws_kms_key.many.arn}", [indexed0, indexed1]],
    ["an indexed reference names one", "${aws_kms_key.many[1].arn}", [indexed1]],
    ["a literal ARN", "arn:aws:kms:eu-west-1:1:key/abc", [key]],
    ["a short literal name (as refersTo accepts)", "orders", [short]],
    ["an unknown literal", "arn:aws:kms:eu-west-1:1:key/zzz", []],
    ["no value", undefined, []],
  ] as [string, string | undefined, AuditResource[]][])("%s", (_name, value, expected) => {
    expect(doc.targets(value)).toEqual(expected);
    for (const r of [key, indexed0, indexed1, short]) expect(doc.refersTo(value, r)).toBe(expected.includes(r));
  });

  test("resolve follows only distinctive literals (8 characters or more)", () => {
    expect(doc.resolve("orders")).toBeUndefined();
    expect(doc.resolve("arn:aws:kms:eu-west-1:1:key/abc")).toBe(key);
  });
});

describe("AuditDocument.outside: what a value points at that the document lacks", () => {
  test.each([
    ["a resource in the document", "${aws_kms_key.k.arn}", []],
    ["a resource of another file", "${aws_kms_key.elsewhere.arn}", ["aws_kms_key.elsewhere"]],
    ["a module output", "${module.keys.kafka_arn}", ["module.keys"]],
    ["a variable (the whole expression)", "${var.key_arn}", ["${var.key_arn}"]],
    [
      "a remote-state output (another stack)",
      "${data.terraform_remote_state.net.outputs.key}",
      ["${data.terraform_remote_state.net.outputs.key}"],
    ],
    ["a literal no resource carries", "arn:aws:kms:eu-west-1:1:key/zzz", ["arn:aws:kms:eu-west-1:1:key/zzz"]],
    ["a literal a resource carries", "arn:aws:kms:eu-west-1:1:key/abc", []],
    ["nothing", "", []],
  ])("%s", (_name, value, expected) => {
    expect(doc.outside(value)).toEqual(expected);
  });
});

describe("AuditDocument.memo", () => {
  test("computes once per document and key", () => {
    const key1 = {};
    let calls = 0;
    const compute = (): number => ++calls;
    expect([doc.memo(key1, compute), doc.memo(key1, compute), doc.memo({}, compute)]).toEqual([1, 1, 2]);
    const other = new AuditDocument("e", "cdktf", []);
    expect(other.memo(key1, compute)).toBe(3);
  });
});

describe("references are parsed once per distinct string", () => {
  test("references() returns the same array for the same text", () => {
    const d = new AuditDocument("x", "cdktf", []);
    const text = '${replace(aws_msk_cluster.c.arn, ":cluster/", ":topic/")}/orders';
    expect(d.references(text)).toBe(d.references(text));
    expect(d.references(text)).toEqual(referencedAddresses(text));
  });
});
