import { PipelinePlanInput, captureSlug, planPipeline, topicSegment } from "../../lib/connect/pipeline-plan";
import { expectError } from "./helpers";

const BASE: PipelinePlanInput = {
  name: "dwh",
  domain: "sales",
  region: "eu-west-1",
  backend: "msk",
  tables: [{ schema: "SALES", table: "ORDERS", businessKey: ["ORDER_ID"] }],
  path: "test/pipeline",
};
const plan = (over: Partial<PipelinePlanInput> = {}) => planPipeline({ ...BASE, ...over });
const table = (t: Record<string, unknown>) =>
  plan({ tables: [{ schema: "SALES", table: "ORDERS", businessKey: ["ORDER_ID"], ...t }] }).tables[0];

describe("topics from the table inventory", () => {
  test("name per table and region", () => {
    expect(table({}).topicName).toBe("sales.orders.eu-west-1");
    expect(topicSegment("ORDER_LINES")).toBe("order-lines");
  });

  test.each([
    [{}, 3],
    [{ throughputMBps: 25 }, 3],
    [{ throughputMBps: 45 }, 5],
    [{ sinkParallelism: 8 }, 8],
    [{ throughputMBps: 45, sinkParallelism: 8 }, 8],
  ])("partitions from throughput and the sink's parallelism: %j → %i", (t, partitions) => {
    expect(table(t).partitions).toBe(partitions);
  });

  test.each([
    [undefined, undefined],
    [24, undefined],
    [96, 2 * 96 * 3_600_000],
  ])("retention from the recovery SLA %s h: %s ms over the class's 7 days", (sla, retention) => {
    const t = plan({ recoverySlaHours: sla }).tables[0];
    expect(t.retentionMs).toBe(retention);
    if (retention) expect(t.retentionReason).toBe(`2 × the sink's recovery SLA of ${sla} h (pipeline dwh)`);
  });

  test("personal data: class personal; compression lz4 by default, snappy allowed", () => {
    expect(table({ personalData: true }).topicClass).toBe("personal");
    expect(plan().compression).toBe("lz4");
    expect(plan({ compression: "snappy" }).compression).toBe("snappy");
  });
});

describe("capture mode per table", () => {
  test.each([
    [{ asnCapture: true }, "msk", "cdc"],
    [{ asnCapture: true, timestampColumns: ["U"], incrementingColumn: "ID" }, "confluent", "timestamp+incrementing"],
    [{ timestampColumns: ["U"], incrementingColumn: "ID" }, "msk", "timestamp+incrementing"],
    [{ timestampColumns: ["U"] }, "msk", "timestamp"],
    [{ incrementingColumn: "ID" }, "msk", "incrementing"],
    [{}, "msk", "bulk"],
    [{ capture: "bulk", asnCapture: true }, "msk", "bulk"],
  ] as const)("%j on %s → %s", (t, backend, mode) => {
    expect(plan({ backend, tables: [{ schema: "S", table: "T", businessKey: ["K"], ...t }] }).tables[0].capture).toBe(
      mode,
    );
  });

  test("tables grouped per mode, CDC first", () => {
    const p = plan({
      tables: [
        { schema: "S", table: "A", businessKey: ["K"] },
        { schema: "S", table: "B", businessKey: ["K"], asnCapture: true },
        { schema: "S", table: "C", businessKey: ["K"], timestampColumns: ["U"], incrementingColumn: "ID" },
      ],
    });
    expect([...p.byCapture.keys()]).toEqual(["cdc", "timestamp+incrementing", "bulk"]);
    expect([...p.byCapture.keys()].map(captureSlug)).toEqual(["cdc", "ts-inc", "bulk"]);
  });
});

describe("validation", () => {
  test.each([
    ["name", { name: "Dwh" }, "KSE-CONN-103", "name"],
    ["domain", { domain: "sales.x" }, "KSE-CONN-103", "domain"],
    ["region", { region: "EU" }, "KSE-CONN-103", "region code"],
    ["recovery SLA", { recoverySlaHours: 0 }, "KSE-CONN-104", "recoverySlaHours"],
    ["recovery SLA NaN", { recoverySlaHours: NaN }, "KSE-CONN-104", "recoverySlaHours"],
    ["compression", { compression: "gzip" }, "KSE-CONN-104", "lz4, snappy"],
    ["no tables", { tables: [] }, "KSE-CONN-101", "at least one table"],
    ["table name", { tables: [{ schema: "S", table: "1T", businessKey: ["K"] }] }, "KSE-CONN-101", "tables[0].table"],
    [
      "business key",
      { tables: [{ schema: "S", table: "T", businessKey: [] }] },
      "KSE-CONN-101",
      "tables[0].businessKey",
    ],
    [
      "duplicate table",
      { tables: [1, 2].map(() => ({ schema: "S", table: "T", businessKey: ["K"] })) },
      "KSE-CONN-101",
      "each table once",
    ],
    [
      "same topic from two schemas",
      {
        tables: [
          { schema: "A", table: "T", businessKey: ["K"] },
          { schema: "B", table: "T", businessKey: ["K"] },
        ],
      },
      "KSE-CONN-101",
      "distinct topics",
    ],
    [
      "throughput",
      { tables: [{ schema: "S", table: "T", businessKey: ["K"], throughputMBps: -1 }] },
      "KSE-CONN-101",
      "throughputMBps",
    ],
    [
      "CDC on Confluent",
      { backend: "confluent", tables: [{ schema: "S", table: "T", businessKey: ["K"], capture: "cdc" }] },
      "KSE-CONN-102",
      "no managed Db2 CDC",
    ],
    [
      "unknown capture",
      { tables: [{ schema: "S", table: "T", businessKey: ["K"], capture: "log" }] },
      "KSE-CONN-102",
      "cdc, bulk",
    ],
    [
      "timestamp columns",
      { tables: [{ schema: "S", table: "T", businessKey: ["K"], capture: "timestamp" }] },
      "KSE-CONN-102",
      "timestamp columns",
    ],
    [
      "incrementing column",
      { tables: [{ schema: "S", table: "T", businessKey: ["K"], capture: "incrementing" }] },
      "KSE-CONN-102",
      "incrementing column",
    ],
  ])("%s", (_n, over, code, fragment) => {
    expectError(() => plan(over as Partial<PipelinePlanInput>), code, fragment);
  });
});
