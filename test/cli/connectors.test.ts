import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../lib/cli/main";
import type { CliIo } from "../../lib/cli/io";
import { tfDoc, r } from "../audit/helpers";

const ROOT = path.join(__dirname, "..", "..");
const EXPORT = path.join(ROOT, "test", "fixtures", "connect", "connect-export.json");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ks-connectors-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe("kafka-standards connectors on a Connect REST export", () => {
  test("inventories every connector with its state and tasks, and reports the deprecated ones", async () => {
    const { code, out } = await cli("connectors", EXPORT);
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toBe("5 connector(s), 3 with deprecated classes or keys");
    expect(out).toContain(
      "dwh-snowflake  com.snowflake.kafka.connector.SnowflakeSinkConnector (sink) RUNNING tasks 0:FAILED  [connect-export.json]",
    );
    expect(out).toContain("  deprecated jdbc-table-lists: table.whitelist → table.include.list");
    expect(out).toContain(
      "  deprecated debezium-2-renames: database.server.name, database.history.kafka.topic, database.history.kafka.bootstrap.servers → topic.prefix",
    );
    expect(out).toContain("  review ibm-mq-v1-v2:");
    expect(out).toMatch(/dr-mirror .*\n {2}ok: no deprecated class or key/);
  });

  test("--strict exits 1 when a connector is deprecated", async () => {
    expect((await cli("connectors", EXPORT, "--strict")).code).toBe(1);
  });

  test("--json lists the findings per connector", async () => {
    const { out } = await cli("connectors", EXPORT, "--json");
    const list = JSON.parse(out);
    expect(list.map((c: { name: string }) => c.name)).toEqual([
      "dr-mirror",
      "dwh-snowflake",
      "inventory-cdc",
      "legacy-orders-jdbc",
      "payments-mq-source",
    ]);
    expect(list[2].findings).toEqual([
      {
        id: "debezium-2-renames",
        status: "deprecated",
        kind: "mechanical",
        keys: ["database.server.name", "database.history.kafka.topic", "database.history.kafka.bootstrap.servers"],
      },
    ]);
  });

  test("--rewrite writes each mechanical rewrite and REWRITE.md with what needs a person", async () => {
    const dir = path.join(tmp, "rewrite");
    const { code, out } = await cli("connectors", EXPORT, "--rewrite", dir);
    expect(code).toBe(0);
    expect(out).toContain(`wrote 3 rewritten configuration(s) and REWRITE.md to ${dir}`);
    expect(fs.readdirSync(dir).sort()).toEqual([
      "REWRITE.md",
      "dwh-snowflake.json",
      "inventory-cdc.json",
      "legacy-orders-jdbc.json",
    ]);
    const jdbc = JSON.parse(fs.readFileSync(path.join(dir, "legacy-orders-jdbc.json"), "utf8"));
    expect(jdbc["table.whitelist"]).toBeUndefined();
    expect(jdbc["table.include.list"]).toBe("(.*\\.)?orders,(.*\\.)?public\\.customers");
    const cdc = JSON.parse(fs.readFileSync(path.join(dir, "inventory-cdc.json"), "utf8"));
    expect(cdc).toMatchObject({
      "topic.prefix": "inventory",
      "schema.history.internal.kafka.topic": "inventory.history",
    });
    expect(Object.keys(cdc).filter((k) => k.startsWith("database.history") || k === "database.server.name")).toEqual(
      [],
    );
    const md = fs.readFileSync(path.join(dir, "REWRITE.md"), "utf8");
    expect(md).toContain("## payments-mq-source");
    expect(md).toContain("Nothing mechanical to rewrite.");
    expect(md).toContain("- snowflake-snowpipe: Set snowflake.role.name");
  });
});

describe("kafka-standards connectors on synthesized Terraform", () => {
  test("reads aws_mskconnect_connector and confluent_connector from a cdktf output folder", async () => {
    const stack = path.join(tmp, "out", "stacks", "legacy");
    fs.mkdirSync(stack, { recursive: true });
    fs.writeFileSync(
      path.join(stack, "cdk.tf.json"),
      JSON.stringify(
        tfDoc([
          r("aws_mskconnect_connector.cdc", {
            name: "cdc",
            connector_configuration: {
              "connector.class": "io.debezium.connector.db2.Db2Connector",
              "database.server.name": "dwh",
            },
          }),
          r("confluent_connector.sink", {
            config_nonsensitive: {
              name: "sink",
              "connector.class": "SnowflakeSink",
              "snowflake.ingestion.method": "SNOWPIPE",
            },
            config_sensitive: { "snowflake.private.key": "x" },
          }),
        ]),
      ),
    );
    const dir = path.join(tmp, "tf-rewrite");
    const { code, out } = await cli("connectors", path.join(tmp, "out"), "--rewrite", dir);
    expect(code).toBe(0);
    expect(out).toContain("cdc  io.debezium.connector.db2.Db2Connector  [legacy: aws_mskconnect_connector.cdc]");
    expect(out).toContain("sink  SnowflakeSink  [legacy: confluent_connector.sink]");
    expect(fs.readFileSync(path.join(dir, "REWRITE.md"), "utf8")).toContain(
      "Sensitive keys not in the rewrite (set them again): snowflake.private.key.",
    );
  });

  test.each([
    [["connectors"], "no input"],
    [["connectors", path.join(ROOT, "package.json")], "neither a Connect REST export"],
    [["connectors", path.join(ROOT, "nope.json")], "file not found"],
    [["connectors", ROOT], "not a cdktf output folder"],
  ])("exit 2 for %j", async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
