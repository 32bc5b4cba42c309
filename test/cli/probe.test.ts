import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../lib/cli/main";
import type { CliIo } from "../../lib/cli/io";
import { probeArguments, readProbeConfig } from "../../lib/cli/commands/probe";
import { heartbeatProbeConfig, type HeartbeatProbeConfig } from "../../lib/connect/heartbeat-probe";

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await runCli(argv, io);
  return { code, out, err };
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "probe-cli-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const CONFIG: HeartbeatProbeConfig = heartbeatProbeConfig({
  pipeline: "dwh",
  clusterName: "sales-prod",
  backend: "msk",
  heartbeatTable: "KAFKA_OPS.PIPELINE_HEARTBEAT",
  topic: "sales.dwh-heartbeat.eu-west-1",
  sourceConnector: "dwh-cdc-source",
  sinkConnector: "dwh-snowflake-sink",
  capture: "cdc",
  db2: { hostname: "db2.internal", databaseName: "SALES" },
  snowflake: {
    url: "xy.eu-west-1.snowflakecomputing.com:443",
    database: "DWH",
    schema: "STAGING",
    role: "LOADER",
    table: "PIPELINE_HEARTBEAT",
    schematized: true,
  },
});
const file = (name: string, content: string): string => {
  const f = path.join(work, name);
  fs.writeFileSync(f, content);
  return f;
};
const configFile = file("dwh-heartbeat.json", JSON.stringify(CONFIG));

test("probe is listed and has help", async () => {
  expect((await cli("--help")).out).toMatch(/probe\s+run a pipeline's heartbeat probe/);
  const help = await cli("probe", "--help");
  expect(help.code).toBe(0);
  expect(help.out).toContain("--config <file>");
});

test("the Java probe gets the probe file's table, topic, sink query and the alarms' metric names", () => {
  const jar = file("jcc.jar", "");
  const props = file("db2.properties", "user=probe\n");
  expect(
    probeArguments(CONFIG, {
      "bootstrap-server": "b-1:9098,b-2:9098",
      "source-properties": props,
      "driver-jars": jar,
      count: "3",
      interval: "5s",
      duration: "1m",
      "prometheus-port": "9464",
    }),
  ).toEqual([
    "--bootstrap-server",
    "b-1:9098,b-2:9098",
    "--pipeline",
    "dwh",
    "--topic",
    "sales.dwh-heartbeat.eu-west-1",
    "--source-table",
    "KAFKA_OPS.PIPELINE_HEARTBEAT",
    "--source-url",
    "jdbc:db2://db2.internal:50000/SALES:sslConnection=true;",
    "--sink-url",
    "jdbc:snowflake://xy.eu-west-1.snowflakecomputing.com:443/?db=DWH&schema=STAGING&role=LOADER",
    "--sink-query",
    "SELECT MAX(AFTER:BEAT_ID::NUMBER) FROM DWH.STAGING.PIPELINE_HEARTBEAT WHERE AFTER:PIPELINE::STRING = ?",
    "--namespace",
    "KafkaStandards/Pipelines",
    "--dimension",
    "Pipeline",
    "--source-metric",
    "SourceLagSeconds",
    "--e2e-metric",
    "EndToEndLatencySeconds",
    "--prometheus-source",
    "kafka_standards_pipeline_source_lag_seconds",
    "--prometheus-e2e",
    "kafka_standards_pipeline_end_to_end_latency_seconds",
    "--interval-ms",
    "5000",
    "--source-properties",
    props,
    "--driver-jars",
    jar,
    "--count",
    "3",
    "--max-s",
    "60",
    "--prometheus-port",
    "9464",
  ]);
  // Without --interval: the probe file's 60 s.
  expect(probeArguments(CONFIG, { "bootstrap-server": "b:1" })).toContain("60000");
});

test.each([
  [["probe"], "--config is required [KSE-PROBE-001]"],
  [["probe", "--config", path.join(os.tmpdir(), "no-such-probe.json")], "cannot read probe file"],
  [["probe", "--config", "FILE:not json"], "cannot read probe file"],
  [
    ["probe", "--config", `FILE:${JSON.stringify({ ...CONFIG, format: 2 })}`],
    "is not a heartbeat probe file of format 1 [KSE-PROBE-001]",
  ],
  [["probe", "--config", `FILE:${JSON.stringify({ ...CONFIG, topic: "" })}`], "has no topic [KSE-PROBE-001]"],
  [
    ["probe", "--config", `FILE:${JSON.stringify({ ...CONFIG, sink: { ...CONFIG.sink, query: 7 } })}`],
    "has no sink.query [KSE-PROBE-001]",
  ],
  [["probe", "--config", "CONFIG"], '--bootstrap-server "" is not host:port[,host:port…] [KSE-PROBE-002]'],
  [
    ["probe", "--config", "CONFIG", "--bootstrap-server", "b:1", "--interval", "fast"],
    '--interval "fast" is not a duration of 100ms or more [KSE-PROBE-002]',
  ],
  [
    ["probe", "--config", "CONFIG", "--bootstrap-server", "b:1", "--interval", "10ms"],
    '--interval "10ms" is not a duration of 100ms or more [KSE-PROBE-002]',
  ],
  [
    ["probe", "--config", "CONFIG", "--bootstrap-server", "b:1", "--count", "0"],
    '--count "0" is not a whole number from 1 to 1000000 [KSE-PROBE-002]',
  ],
  [
    ["probe", "--config", "CONFIG", "--bootstrap-server", "b:1", "--count", "NaN"],
    '--count "NaN" is not a whole number from 1 to 1000000 [KSE-PROBE-002]',
  ],
  [
    ["probe", "--config", "CONFIG", "--bootstrap-server", "b:1", "--prometheus-port", "70000"],
    '--prometheus-port "70000" is not a whole number from 1 to 65535 [KSE-PROBE-002]',
  ],
  [
    ["probe", "--config", "CONFIG", "--bootstrap-server", "b:1", "--driver-jars", "/no/such.jar"],
    "--driver-jars /no/such.jar is not a file [KSE-PROBE-002]",
  ],
  [
    ["probe", "--config", "CONFIG", "--bootstrap-server", "b:1", "--sink-query", "SELECT 1"],
    "--sink-query has no ? for the pipeline name [KSE-PROBE-002]",
  ],
])("%j: exit 2, one coded line, no JVM started", async (argv, line) => {
  let n = 0;
  const args = argv.map((a) =>
    a === "CONFIG" ? configFile : a.startsWith("FILE:") ? file(`bad-${n++}.json`, a.slice(5)) : a,
  );
  const r = await cli(...args);
  expect(r.code).toBe(2);
  expect(r.err.startsWith("kafka-standards probe: ")).toBe(true);
  expect(r.err).toContain(line);
  expect(r.err.split("\n").filter(Boolean)).toHaveLength(1);
});

test("readProbeConfig returns the file as written", () => {
  expect(readProbeConfig(configFile)).toEqual(CONFIG);
});
