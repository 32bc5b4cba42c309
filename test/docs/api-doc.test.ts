import * as fs from "fs";
import { API_DOC_PATH, collectApi, renderApiDoc } from "../../bin/gen-api-doc";

const api = collectApi();
const all = api.flatMap((a) => a.symbols.map((s) => ({ entry: a.entry.specifier, ...s })));

describe("docs/API.md", () => {
  test("is current: regenerate with `npm run docs:api`", () => {
    expect(fs.readFileSync(API_DOC_PATH, "utf8")).toBe(renderApiDoc(api));
  });

  test("documents the three entry points with their constructs, and the providers under their own subpath", () => {
    const names = (specifier: string, kind: string): string[] =>
      all.filter((s) => s.entry === specifier && s.kind === kind).map((s) => s.name);
    expect(names("cdktf-kafka-standards", "construct")).toEqual(
      expect.arrayContaining(["MskCluster", "ConfluentCluster", "KafkaTopic", "KafkaStandardsAudit"]),
    );
    expect(names("cdktf-kafka-standards/patterns", "construct")).toEqual([
      "ConfluentDrPair",
      "Db2ToSnowflakePipeline",
      "MqMigration",
      "MskDrPair",
    ]);
    expect(names("cdktf-kafka-standards/providers", "construct")).toEqual(["ConfluentProvider", "KafkaProvider"]);
    expect(names("cdktf-kafka-standards/providers", "namespace")).toEqual(["confluent", "kafka"]);
    // The generated Confluent `KafkaTopic` never shadows the library's: it lives in a namespace of /providers.
    expect(all.filter((s) => s.name === "KafkaTopic").map((s) => s.entry)).toEqual(["cdktf-kafka-standards"]);
  });

  test("every exported symbol has a TSDoc summary", () => {
    expect(all.filter((s) => !s.doc.summary).map((s) => `${s.entry}: ${s.name}`)).toEqual([]);
  });

  test("every public construct and every factory has an @example", () => {
    const missing = [
      ...all.filter((s) => s.kind === "construct" && s.doc.examples.length === 0).map((s) => s.name),
      ...all.flatMap((s) =>
        s.members
          .filter((m) => m.kind === "factory" && m.doc.examples.length === 0)
          .map((m) => `${s.name}.${m.name}()`),
      ),
    ];
    expect(missing).toEqual([]);
  });

  test("every @example imports the package by name, never a path inside it", () => {
    const examples = all.flatMap((s) => [...s.doc.examples, ...s.members.flatMap((m) => m.doc.examples)]);
    for (const e of examples) {
      for (const [, from] of e.matchAll(/from "([^"]+)"/g)) {
        expect(from).toMatch(
          /^(cdktf-kafka-standards(\/patterns|\/providers)?|cdktf|constructs|@cdktf\/provider-aws\/lib\/[a-z0-9-]+)$/,
        );
      }
    }
  });
});
