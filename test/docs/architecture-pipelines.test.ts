import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { App, TerraformStack } from "cdktf";
import { readPipelines, renderPipelineMermaid, renderPipelineSection } from "../../lib/docs/architecture-pipelines";
import { DocIndex } from "../../lib/docs/architecture-document";
import { cell } from "../../lib/docs/architecture-clusters-table";
import { renderArchitecture } from "../../lib/docs/architecture";
import { build as buildMsk } from "../../examples/db2-snowflake-msk/main";
import { build as buildConfluent } from "../../examples/db2-snowflake-confluent/main";

const ROOT = path.join(__dirname, "..", "..");

/** The real Mermaid parser under jsdom, in a child process (mermaid is ESM-only). */
const CHECK = `
import { JSDOM } from "jsdom";
const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });
let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const text of JSON.parse(input)) {
  try { out.push({ ok: true, type: (await mermaid.parse(text)).diagramType }); }
  catch (e) { out.push({ ok: false, error: String(e && e.message ? e.message : e).split("\\n")[0] }); }
}
process.stdout.write(JSON.stringify(out));
`;

function parse(sources: readonly string[]): { ok: boolean; type?: string; error?: string }[] {
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", CHECK], {
    cwd: ROOT,
    input: JSON.stringify(sources),
    encoding: "utf8",
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`mermaid parser failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const docs: Record<string, any> = {};
const app = new App({
  outdir: fs.mkdtempSync(path.join(os.tmpdir(), "pipelines-")),
  skipBackendValidation: true,
});
buildMsk(app);
buildConfluent(app);
const stacks = app.node.findAll().filter(TerraformStack.isStack);
for (const s of stacks) s.prepareStack();
// On MSK the connectors and the pipeline's alarms live in the cluster's connect stack.
for (const [name, id] of [
  ["db2-snowflake-msk", "db2-snowflake-msk-connect"],
  ["db2-snowflake-confluent", "db2-snowflake-confluent"],
] as const) {
  docs[name] = JSON.parse(JSON.stringify(stacks.find((s) => s.node.id === id)!.toTerraform()));
}
const hostile = {
  resource: {
    aws_mskconnect_connector: {
      c: {
        "//": { "kafka-standards": { pipeline: "odd" } },
        connector_configuration: {
          name: "odd-sink",
          "connector.class": "com.snowflake.kafka.connector.SnowflakeSinkConnector",
          topics: "a.b,c.d",
          "snowflake.url.name": 'x"y<z>`#&',
          "snowflake.database.name": "D;B",
          "snowflake.schema.name": "S--S",
          "errors.deadletterqueue.topic.name": "dlq.odd-sink",
        },
      },
    },
  },
};

describe("pipeline section of ARCHITECTURE.md", () => {
  const diagrams = [
    ...Object.values(docs).flatMap((d) => [...readPipelines(d).values()].map(renderPipelineMermaid)),
    renderPipelineMermaid([...readPipelines(hostile).values()][0]),
  ];
  const results = parse(diagrams);

  test.each(diagrams.map((d, i) => [i, d] as const))(
    "diagram %i is a flowchart the real Mermaid parser accepts",
    (i) => {
      expect(results[i]).toEqual({ ok: true, type: "flowchart-v2" });
    },
  );

  test("every label is quoted and escaped", () => {
    for (const d of diagrams) {
      for (const label of d.match(/"[^"]*"/g) ?? [])
        expect(label.slice(1, -1).replace(/<br\/>/g, "")).not.toMatch(/["<>`]/);
    }
  });

  test("MSK: Debezium and JDBC sources from Db2, the Snowflake sink, its DLQ", () => {
    const [views] = [...readPipelines(docs["db2-snowflake-msk"]).values()];
    expect(views.map((v) => [v.name, v.direction, v.system, v.tasks])).toEqual([
      ["dwh-cdc-source", "source", "Db2 SALES (db2.sales.internal)", "1"],
      ["dwh-ts-inc-source", "source", "Db2 SALES (db2.sales.internal)", "2"],
      // 4 + 3 + 3 partitions of the tables' topics and 1 of the heartbeat topic.
      ["dwh-snowflake-sink", "sink", "Snowflake DWH.STAGING (xy12345.eu-west-1.snowflakecomputing.com:443)", "11"],
    ]);
    expect(views[2].deadLetterTopic).toBe("dlq.dwh-snowflake-sink");
    expect(views[1].topics).toEqual(["sales.customers.eu-west-1", "sales.products.eu-west-1"]);
  });

  test("Confluent: managed classes, Db2 from connection.host, alerts in the Prometheus file", () => {
    const section = renderPipelineSection(docs["db2-snowflake-confluent"]).join("\n");
    // One task per table: ORDERS, CUSTOMERS and the heartbeat table.
    expect(section).toContain("| dwh-ts-inc-source | Confluent Cloud | source | IbmDb2Source | 3 |");
    expect(section).toContain("Db2 SALES (db2.sales.example.com)");
    expect(section).toContain("`monitoring/dwh-pipeline-rules.yml` (Prometheus)");
  });

  test("MSK connect stack: its connectors point at the cluster outside the stack, named by their metadata", () => {
    const doc = renderArchitecture(docs["db2-snowflake-msk"], "db2-snowflake-msk-connect");
    expect(doc).toContain('cluster_external_sales_prod[("sales-prod<br/>not in this stack")]');
    expect(doc).toContain(
      "| dwh-cdc-source | MSK Connect | source | sales-prod | — | io.debezium.connector.db2.Db2Connector |",
    );
    expect(doc).toContain("## Pipelines");
  });

  test("an index of the document gives the same section as the document (the architecture document passes its index)", () => {
    for (const doc of Object.values(docs)) {
      const section = renderPipelineSection(doc);
      expect(renderPipelineSection(new DocIndex(doc))).toEqual(section);
    }
    // The MSK pipeline's section has alarm rows read through the index.
    expect(renderPipelineSection(new DocIndex(docs["db2-snowflake-msk"])).join("\n")).toContain("| Alarm | Severity |");
  });

  test("a document without pipelines gets no section", () => {
    expect(renderPipelineSection({})).toEqual([]);
    expect(renderArchitecture({}, "empty")).not.toContain("## Pipelines");
  });
});

describe("table cells", () => {
  test.each<[unknown, string]>([
    ["plain", "plain"],
    ["a|b", "a\\|b"],
    ["line\nbreak", "line break"],
    ["crlf\r\nbreak|x", "crlf break\\|x"],
    ["only\rcarriage", "only\rcarriage"],
    [undefined, ""],
    [42, "42"],
  ])("cell(%j) is %j", (input, expected) => {
    expect(cell(input)).toBe(expected);
  });
});
