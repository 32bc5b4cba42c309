/**
 * The plan of a database → Kafka → warehouse pipeline, computed from a table inventory before
 * anything is created: each table's topic (name, partitions, retention, compression, class, key)
 * and capture mode, and the source connectors the modes need. Pure: no cdktf import.
 */
import { failWith } from "../errors";
import { PARTITION_SIZING } from "../standards/topic-config";
import { PIPELINE_PROBE, PIPELINE_SIZING } from "../standards/connect-pipeline";
import { TOPIC_CLASSES } from "../standards/topic-classes";
import { checkNameSegments } from "./name-segments";
import { JDBC_SOURCE_MODES, JdbcSourceMode } from "./catalog/jdbc-source";
import { DB2_IDENTIFIER } from "./catalog/common";

/** How a table's changes are captured. */
export type TableCapture = "cdc" | JdbcSourceMode;

/** One table of the inventory. */
export interface PipelineTable {
  /** Db2 schema, e.g. `DB2INST1`. */
  readonly schema: string;
  /** Table, e.g. `ORDERS`. */
  readonly table: string;
  /** Business key columns: the record key (joins and compaction downstream rely on it). */
  readonly businessKey: readonly string[];
  /**
   * Capture mode: `cdc` (Debezium Db2 over the ASN capture tables: inserts, updates and deletes; MSK
   * only) or a JDBC polling mode. CDC where available.
   * @default "cdc" on MSK when `asnCapture` is true; else `timestamp+incrementing` with both columns,
   * `timestamp` or `incrementing` with one, `bulk` with none
   */
  readonly capture?: TableCapture;
  /**
   * The table is registered for SQL Replication (`ASNCDC.ADDTABLE`): change data capture is available.
   * @default false
   */
  readonly asnCapture?: boolean;
  /** Timestamp columns set on every insert and update (polling modes). @default - none */
  readonly timestampColumns?: readonly string[];
  /** Strictly increasing column (polling modes). @default - none */
  readonly incrementingColumn?: string;
  /**
   * Peak change throughput of the table, MB/s: partitions are sized from it.
   * @default - the partition floor
   */
  readonly throughputMBps?: number;
  /**
   * Sink tasks that should write this table in parallel: the topic gets at least that many partitions.
   * @default - none
   */
  readonly sinkParallelism?: number;
  /**
   * The table holds personal data: topic class `personal` (bounded retention) instead of `events`.
   * @default false
   */
  readonly personalData?: boolean;
  /** Snowflake table. @default - the topic name in upper case with `_` */
  readonly snowflakeTable?: string;
  /** Avro schema of the values, registered up front (Glue). @default - registered by the converter */
  readonly valueSchema?: string;
}

/** The planned topic of a table. */
export interface PlannedTable {
  readonly source: PipelineTable;
  readonly capture: TableCapture;
  readonly topicName: string;
  readonly topicClass: "events" | "personal";
  readonly partitions: number;
  /** `retention.ms` to set, when the class's is shorter than the recovery SLA needs. */
  readonly retentionMs?: number;
  /** Why the retention differs from the class's. */
  readonly retentionReason?: string;
}

/** What the plan needs to know. */
export interface PipelinePlanInput {
  readonly name: string;
  readonly domain: string;
  readonly region: string;
  readonly backend: "msk" | "confluent";
  readonly tables: readonly PipelineTable[];
  readonly recoverySlaHours?: number;
  readonly compression?: string;
  /** `<SCHEMA>.<TABLE>` of the heartbeat probe, routed through the pipeline like a table. */
  readonly heartbeatTable?: string;
  readonly path: string;
}

/** The pipeline plan. */
export interface PipelinePlan {
  readonly tables: readonly PlannedTable[];
  /** Tables per capture mode, in a stable order. */
  readonly byCapture: ReadonlyMap<TableCapture, readonly PlannedTable[]>;
  readonly compression: "lz4" | "snappy";
  readonly recoverySlaHours: number;
  /**
   * The heartbeat table's route (also in `tables` and `byCapture`): it goes through the source
   * connector of the first capture mode, so the probe measures a connector that carries data.
   */
  readonly heartbeat?: PlannedTable;
}

const HOUR_MS = 3_600_000;

/** `ORDER_LINES` → `order-lines`. */
export function topicSegment(table: string): string {
  return table
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function fail(
  code: "KSE-CONN-101" | "KSE-CONN-102" | "KSE-CONN-103" | "KSE-CONN-104",
  prop: string,
  value: unknown,
  allowed: string,
  fix: string,
  path: string,
): never {
  return failWith(code, prop, value, allowed, fix, path);
}

function captureOf(t: PipelineTable, backend: "msk" | "confluent", i: number, path: string): TableCapture {
  if (t.capture !== undefined) {
    if (t.capture !== "cdc" && !JDBC_SOURCE_MODES.includes(t.capture)) {
      fail(
        "KSE-CONN-102",
        `tables[${i}].capture`,
        t.capture,
        `cdc, ${JDBC_SOURCE_MODES.join(", ")}`,
        "Pick a capture mode.",
        path,
      );
    }
    if (t.capture === "cdc" && backend !== "msk") {
      fail(
        "KSE-CONN-102",
        `tables[${i}].capture`,
        "cdc",
        "a polling mode on Confluent Cloud (its IbmDb2Source is JDBC-based; no managed Db2 CDC connector)",
        'Use "timestamp+incrementing" with the table\'s timestamp and identity columns.',
        path,
      );
    }
    return t.capture;
  }
  if (t.asnCapture === true && backend === "msk") return "cdc";
  const ts = (t.timestampColumns ?? []).length > 0;
  const inc = t.incrementingColumn !== undefined;
  return ts && inc ? "timestamp+incrementing" : ts ? "timestamp" : inc ? "incrementing" : "bulk";
}

/** Validates the inventory and plans each table's topic and capture. */
export function planPipeline(input: PipelinePlanInput): PipelinePlan {
  const path = input.path;
  checkNameSegments("KSE-CONN-103", input, "sales", path);
  const sla = input.recoverySlaHours ?? PIPELINE_SIZING.defaultRecoverySlaHours;
  if (typeof sla !== "number" || !Number.isFinite(sla) || sla <= 0 || sla > 24 * 365) {
    fail(
      "KSE-CONN-104",
      "recoverySlaHours",
      sla,
      "hours from 0 to 8760",
      "Give the agreed time to recover the sink.",
      path,
    );
  }
  const compression = input.compression ?? PIPELINE_SIZING.defaultCompression;
  if (!(PIPELINE_SIZING.compressions as readonly string[]).includes(compression)) {
    fail(
      "KSE-CONN-104",
      "compression",
      compression,
      PIPELINE_SIZING.compressions.join(", "),
      "Use lz4 or snappy.",
      path,
    );
  }
  if (!Array.isArray(input.tables) || input.tables.length === 0) {
    fail("KSE-CONN-101", "tables", input.tables, "at least one table", "List the tables the pipeline moves.", path);
  }
  const seen = new Set<string>();
  const tables = input.tables.map((t, i): PlannedTable => {
    if (typeof t !== "object" || t === null) {
      fail("KSE-CONN-101", `tables[${i}]`, t, "{ schema, table, businessKey }", "Describe the table.", path);
    }
    for (const [prop, v] of [
      ["schema", t.schema],
      ["table", t.table],
    ] as const) {
      if (typeof v !== "string" || !DB2_IDENTIFIER.test(v)) {
        fail(
          "KSE-CONN-101",
          `tables[${i}].${prop}`,
          v,
          "a Db2 identifier",
          "Use the name as in the Db2 catalog.",
          path,
        );
      }
    }
    const id = `${t.schema}.${t.table}`.toUpperCase();
    if (seen.has(id)) fail("KSE-CONN-101", `tables[${i}]`, id, "each table once", "Remove the duplicate.", path);
    seen.add(id);
    if (
      !Array.isArray(t.businessKey) ||
      t.businessKey.length === 0 ||
      !(t.businessKey as unknown[]).every((c) => typeof c === "string" && DB2_IDENTIFIER.test(c))
    ) {
      fail(
        "KSE-CONN-101",
        `tables[${i}].businessKey`,
        t.businessKey,
        "one or more column names",
        "Name the columns that identify a row for the business (the record key).",
        path,
      );
    }
    const capture = captureOf(t, input.backend, i, path);
    if ((capture === "timestamp" || capture === "timestamp+incrementing") && !(t.timestampColumns ?? []).length) {
      fail(
        "KSE-CONN-102",
        `tables[${i}].timestampColumns`,
        t.timestampColumns,
        `timestamp columns for ${capture}`,
        "Name the column every update sets.",
        path,
      );
    }
    if ((capture === "incrementing" || capture === "timestamp+incrementing") && t.incrementingColumn === undefined) {
      fail(
        "KSE-CONN-102",
        `tables[${i}].incrementingColumn`,
        undefined,
        `an incrementing column for ${capture}`,
        "Name the identity column.",
        path,
      );
    }
    for (const [prop, v, max] of [
      ["throughputMBps", t.throughputMBps, 10_000],
      ["sinkParallelism", t.sinkParallelism, 1000],
    ] as const) {
      if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v > max)) {
        fail(
          "KSE-CONN-101",
          `tables[${i}].${prop}`,
          v,
          `a positive number up to ${max}`,
          `Give ${prop} or remove it.`,
          path,
        );
      }
    }
    const fromThroughput =
      t.throughputMBps === undefined
        ? 0
        : Math.ceil(
            t.throughputMBps /
              Math.min(PARTITION_SIZING.producerMBpsPerPartition, PARTITION_SIZING.consumerMBpsPerPartition),
          );
    const partitions = Math.max(PARTITION_SIZING.minimumPartitions, fromThroughput, Math.ceil(t.sinkParallelism ?? 0));
    const topicClass = t.personalData === true ? "personal" : "events";
    const planned: PlannedTable = {
      source: t,
      capture,
      topicName: `${input.domain}.${topicSegment(t.table)}.${input.region}`,
      topicClass,
      partitions,
      ...slaRetention(topicClass, sla, input.name),
    };
    return planned;
  });
  const heartbeat = planHeartbeat(input, tables, sla, path);
  if (heartbeat) tables.push(heartbeat);
  const topicNames = tables.map((t) => t.topicName);
  const dup = topicNames.find((n, i) => topicNames.indexOf(n) !== i);
  if (dup) {
    fail(
      "KSE-CONN-101",
      "tables",
      dup,
      "tables whose names give distinct topics",
      "Tables of different schemas with the same name need separate pipelines or domains.",
      path,
    );
  }
  const byCapture = new Map<TableCapture, PlannedTable[]>();
  for (const mode of CAPTURE_ORDER) {
    const list = tables.filter((t) => t.capture === mode);
    if (list.length > 0) byCapture.set(mode, list);
  }
  return {
    tables,
    byCapture,
    compression: compression as "lz4" | "snappy",
    recoverySlaHours: sla,
    ...(heartbeat ? { heartbeat } : {}),
  };
}

const CAPTURE_ORDER: readonly TableCapture[] = ["cdc", "timestamp+incrementing", "timestamp", "incrementing", "bulk"];

/**
 * The heartbeat table's route: one row per pipeline (key `PIPELINE`), captured in the mode of the
 * first capture mode the tables use. Every JDBC mode sees the probe's updates: `BEAT_AT` is the
 * timestamp column and `BEAT_ID` (strictly increasing) the incrementing one.
 */
function planHeartbeat(
  input: PipelinePlanInput,
  tables: readonly PlannedTable[],
  sla: number,
  path: string,
): PlannedTable | undefined {
  if (input.heartbeatTable === undefined) return undefined;
  const parts = typeof input.heartbeatTable === "string" ? input.heartbeatTable.split(".") : [];
  if (parts.length !== 2 || !parts.every((p) => DB2_IDENTIFIER.test(p))) {
    fail(
      "KSE-CONN-101",
      "heartbeatTable",
      input.heartbeatTable,
      "<SCHEMA>.<TABLE>, two Db2 identifiers",
      'Name the heartbeat table with its schema, e.g. "KAFKA_OPS.PIPELINE_HEARTBEAT", or remove heartbeatTable.',
      path,
    );
  }
  const [schema, table] = parts;
  const id = `${schema}.${table}`.toUpperCase();
  if (tables.some((t) => `${t.source.schema}.${t.source.table}`.toUpperCase() === id)) {
    fail(
      "KSE-CONN-101",
      "heartbeatTable",
      input.heartbeatTable,
      "a table that is not in tables",
      "The probe owns the heartbeat table: give it its own table.",
      path,
    );
  }
  const capture = CAPTURE_ORDER.find((m) => tables.some((t) => t.capture === m))!;
  const cols = PIPELINE_PROBE.heartbeatColumns;
  // Pipelines may share one heartbeat table (one row each), and every source capturing it carries
  // every pipeline's row: the topic and the sink table are the pipeline's own, so a beat of one
  // pipeline can only reach the sink table its probe reads through that pipeline's own connectors.
  const source: PipelineTable = {
    schema,
    table,
    businessKey: [cols.pipeline],
    capture,
    asnCapture: capture === "cdc",
    timestampColumns: [cols.beatAt],
    incrementingColumn: cols.beatId,
    snowflakeTable: `${table.toUpperCase()}_${input.name.toUpperCase().replace(/-/g, "_")}`,
  };
  return {
    source,
    capture,
    topicName: `${input.domain}.${input.name}-heartbeat.${input.region}`,
    topicClass: "events",
    // One row, one key: one partition keeps the beats in order and adds one sink task at most.
    partitions: 1,
    ...slaRetention("events", sla, input.name),
  };
}

/** `retention.ms` (and why) when the class keeps data for less than the recovery SLA needs. */
function slaRetention(
  topicClass: "events" | "personal",
  sla: number,
  pipeline: string,
): Pick<PlannedTable, "retentionMs" | "retentionReason"> {
  const needed = Math.ceil(sla * PIPELINE_SIZING.retentionPerRecoverySla * HOUR_MS);
  if (needed <= TOPIC_CLASSES[topicClass].retentionMs) return {};
  return {
    retentionMs: needed,
    retentionReason: `${PIPELINE_SIZING.retentionPerRecoverySla} × the sink's recovery SLA of ${sla} h (pipeline ${pipeline})`,
  };
}

/** Short name of a capture mode for connector names. */
export function captureSlug(mode: TableCapture): string {
  return { cdc: "cdc", "timestamp+incrementing": "ts-inc", timestamp: "ts", incrementing: "inc", bulk: "bulk" }[mode];
}
