/**
 * Runs the synthesized DB2 → Kafka Connect → Snowflake pipeline end to end on local stand-ins:
 * rows written to a real database flow through a CDC source connector into the pipeline's topics
 * and out through a real sink connector into a real database, with the pipeline's own topics and
 * sink error handling; a poison record must land in the dead-letter topic with its context headers
 * while every other change arrives.
 *
 *   ts-node --transpile-only test/integration/connect/e2e-pipeline.ts --synth DIR
 *     --connect URL --bootstrap SERVERS --pg-port PORT --pg-user U --pg-password P --java-cp CP
 *     --out FILE [--rows N] [--rate N]
 *
 * Stand-ins (no Db2 or Snowflake can run here; Debian's PostgreSQL can):
 * - Db2 → PostgreSQL database `it_db2`, read by Debezium's PostgreSQL connector (pgoutput logical
 *   decoding): the same Debezium change-event envelope, topic naming (`<topic.prefix>.<schema>.<table>`),
 *   snapshot modes, key columns and tombstones as the Db2 connector, so the pipeline's own source
 *   keys (topic prefix, table list, key columns, routes, error handling) apply unchanged;
 * - Snowflake → PostgreSQL database `it_snowflake`, written by Debezium's JDBC sink connector: the
 *   pipeline's sink keys that are Connect's (topics, tasks, converters, errors.*, dead-letter queue)
 *   apply unchanged; the Snowflake keys become their JDBC-sink counterparts (the account → the JDBC
 *   URL, `snowflake.topic2table.map` → one topic route per table, schematization → schema evolution).
 *
 * Prints PASS/FAIL lines; writes the figures to --out (JSON) for proof-report.ts.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SynthConnector, Translation, connectorsFromSynth, translate } from "./connectors-from-synth";
import { arg, connectRest, probeRunner, psqlRunner, sleep } from "./it-common";

const connect = arg("--connect");
const bootstrap = arg("--bootstrap");
const pgPort = arg("--pg-port");
const pgUser = arg("--pg-user");
const pgPassword = arg("--pg-password");
const javaCp = arg("--java-cp");
const psql = psqlRunner({ port: pgPort, user: pgUser, password: pgPassword });
const probe = probeRunner(javaCp);
const rest = (method: string, p: string, body?: unknown): Promise<{ status: number; json: unknown }> =>
  connectRest(connect, method, p, body);
const outFile = arg("--out");
const workDir = path.dirname(outFile);
const ROWS = Number(arg("--rows", "1000"));
const RATE = Number(arg("--rate", "100"));

const SOURCE_CLASSES = ["io.debezium.connector.db2.Db2Connector"];
const SINK_CLASSES = ["com.snowflake.kafka.connector.SnowflakeSinkConnector", "SnowflakeSink"];
const JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";
const SCHEMAS_WHY =
  "the JDBC sink stand-in upserts and deletes by a key with a schema (Snowflake keeps a schemaless key as a variant)";

let failed = false;
function pass(msg: string): void {
  process.stdout.write(`PASS ${msg}\n`);
}
function failLine(msg: string): void {
  failed = true;
  process.stdout.write(`FAIL ${msg}\n`);
}
function log(msg: string): void {
  process.stderr.write(`[e2e] ${msg}\n`);
}

// ---------- PostgreSQL ----------
const q = (id: string): string => `"${id.replace(/"/g, '""')}"`;

// ---------- Connect REST ----------
interface Status {
  connector?: { state: string };
  tasks?: { id: number; state: string; trace?: string }[];
}
async function waitRunning(name: string, timeoutMs: number): Promise<Status> {
  const deadline = Date.now() + timeoutMs;
  let last: Status = {};
  while (Date.now() < deadline) {
    const r = await rest("GET", `/connectors/${encodeURIComponent(name)}/status`);
    last = r.json as Status;
    if (r.status === 200 && last.connector?.state === "RUNNING" && (last.tasks ?? []).length > 0) {
      if (last.tasks!.every((t) => t.state === "RUNNING")) return last;
      const bad = last.tasks!.find((t) => t.state === "FAILED");
      if (bad) throw new Error(`${name} task ${bad.id} FAILED: ${(bad.trace ?? "").split("\n").slice(0, 3).join(" ")}`);
    }
    await sleep(500);
  }
  throw new Error(`${name} not RUNNING within ${timeoutMs / 1000} s: ${JSON.stringify(last).slice(0, 400)}`);
}

// ---------- Java probe ----------
// ---------- the pipeline from the synthesized stacks ----------
interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  config: Record<string, string>;
}

function topicSpecs(dir: string): TopicSpec[] {
  const out: TopicSpec[] = [];
  const stacksDir = path.join(dir, "stacks");
  for (const stack of fs.readdirSync(stacksDir)) {
    const file = path.join(stacksDir, stack, "cdk.tf.json");
    if (!fs.existsSync(file)) continue;
    const tf = JSON.parse(fs.readFileSync(file, "utf8")) as {
      resource?: Record<string, Record<string, Record<string, unknown>>>;
    };
    for (const t of Object.values(tf.resource?.kafka_topic ?? {})) {
      out.push({
        name: String(t.name),
        partitions: Number(t.partitions),
        replicationFactor: Number(t.replication_factor),
        config: Object.fromEntries(
          Object.entries((t.config ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
        ),
      });
    }
  }
  return out;
}

interface Plan {
  source: SynthConnector;
  sink: SynthConnector;
  sourceConfig: Record<string, string>;
  sinkConfig: Record<string, string>;
  sourceChanges: Translation[];
  sinkChanges: Translation[];
  tables: { schema: string; table: string; key: string[]; topic: string; target: string }[];
  /** The heartbeat table's route and the probe file that names it (routed like a table, not loaded). */
  heartbeat?: { schema: string; table: string; key: string[]; topic: string; target: string; probeFile: string };
  topics: TopicSpec[];
  dlq: string;
  group: string;
  slot: string;
}

/** The probe file (`probes/<pipeline>-heartbeat.json`) whose heartbeat goes through `sourceName`. */
function findProbeFile(dir: string, sourceName: string): string | undefined {
  const stacks = path.join(dir, "stacks");
  for (const stack of fs.existsSync(stacks) ? fs.readdirSync(stacks).sort() : []) {
    const probes = path.join(stacks, stack, "kafka-standards", "probes");
    for (const f of fs.existsSync(probes) ? fs.readdirSync(probes).sort() : []) {
      if (!f.endsWith("-heartbeat.json")) continue;
      const file = path.join(probes, f);
      if (JSON.parse(fs.readFileSync(file, "utf8")).source?.connector === sourceName) return file;
    }
  }
  return undefined;
}

/** The PostgreSQL JDBC driver the Debezium PostgreSQL plugin ships (the probe's driver jar here). */
function postgresDriverJar(): string | undefined {
  const walk = (d: string): string | undefined => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) {
        const found = walk(f);
        if (found) return found;
      } else if (/^postgresql-\d[\d.]*\.jar$/.test(e.name)) return f;
    }
    return undefined;
  };
  return walk(path.join(__dirname, "target", "plugins"));
}

/** Routes (RegexRouter) of a connector config: raw topic → routed topic. */
function route(config: Record<string, string>, raw: string): string {
  let topic = raw;
  const aliases = (config.transforms ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const a of aliases) {
    const type = config[`transforms.${a}.type`];
    if (type !== "org.apache.kafka.connect.transforms.RegexRouter") continue;
    const pred = config[`transforms.${a}.predicate`];
    if (pred) {
      const pattern = config[`predicates.${pred}.pattern`];
      const negate = config[`transforms.${a}.negate`] === "true";
      if (pattern !== undefined && new RegExp(`^(?:${pattern})$`).test(topic) === negate) continue;
    }
    const re = new RegExp(`^(?:${config[`transforms.${a}.regex`]})$`);
    if (re.test(topic)) topic = topic.replace(re, config[`transforms.${a}.replacement`].replace(/\$(\d)/g, "$$$1"));
  }
  return topic;
}

function plan(dir: string): Plan {
  const connectors = connectorsFromSynth(dir);
  const msk = connectors.filter((c) => c.backend === "msk");
  const pool = msk.some((c) => SOURCE_CLASSES.includes(c.connectorClass)) ? msk : connectors;
  const source = pool.find((c) => SOURCE_CLASSES.includes(c.connectorClass));
  if (!source) throw new Error(`no synthesized CDC source (${SOURCE_CLASSES.join(", ")}) to stand in for`);
  const s = translate(source, bootstrap);
  const src = { ...s.config };
  const tablesList = (src["table.include.list"] ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  const keyCols = new Map<string, string[]>();
  for (const part of (src["message.key.columns"] ?? "").split(";").filter(Boolean)) {
    const [t, cols] = part.split(":");
    keyCols.set(
      t.trim(),
      cols.split(",").map((c) => c.trim()),
    );
  }
  const prefix = src["topic.prefix"];
  const tables0 = tablesList.map((t) => {
    const [schema, table] = t.split(".");
    return {
      schema,
      table,
      key: keyCols.get(t) ?? ["ID"],
      topic: route(src, `${prefix}.${schema}.${table}`),
      target: "",
    };
  });
  // The pipeline's own sink: another example may sink a topic of the same name on its own cluster.
  const sinks = pool.filter(
    (c) =>
      SINK_CLASSES.includes(c.connectorClass) &&
      (c.config.topics ?? "").split(",").some((t) => tables0.some((x) => x.topic === t.trim())),
  );
  const sink = sinks.find((c) => c.stack === source.stack) ?? sinks[0];
  if (!sink)
    throw new Error(
      `no synthesized Snowflake sink reading the source's topics (${tables0.map((t) => t.topic).join(", ")})`,
    );
  const k = translate(sink, bootstrap);
  const snk = { ...k.config };
  const t2t = new Map(
    (snk["snowflake.topic2table.map"] ?? "")
      .split(",")
      .filter(Boolean)
      .map((e) => e.split(":").map((x) => x.trim()) as [string, string]),
  );
  const tables = tables0
    .filter((t) =>
      (snk.topics ?? "")
        .split(",")
        .map((x) => x.trim())
        .includes(t.topic),
    )
    .map((t) => ({ ...t, target: t2t.get(t.topic) ?? t.topic.replace(/[^A-Za-z0-9_$]/g, "_").toUpperCase() }));

  // Source stand-in: Debezium PostgreSQL with the pipeline's own keys.
  const sourceChanges: Translation[] = [...s.translations];
  const DROP_SOURCE = /^(db2\.|cdc\.|schema\.history\.internal|driver\.|include\.schema\.changes$)/;
  for (const key of Object.keys(src)) {
    if (DROP_SOURCE.test(key)) {
      sourceChanges.push({ key, from: src[key], why: "Db2-only key: no counterpart on the PostgreSQL stand-in" });
      delete src[key];
    }
  }
  const slot = `it_${source.name.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`.slice(0, 60);
  const set = (cfg: Record<string, string>, changes: Translation[], key: string, value: string, why: string): void => {
    changes.push({ key, from: cfg[key], to: value, why });
    cfg[key] = value;
  };
  set(
    src,
    sourceChanges,
    "connector.class",
    "io.debezium.connector.postgresql.PostgresConnector",
    "Db2 → PostgreSQL stand-in (same Debezium envelope and topic naming)",
  );
  set(src, sourceChanges, "database.hostname", "127.0.0.1", "the stand-in database");
  set(src, sourceChanges, "database.port", pgPort, "the stand-in database");
  set(src, sourceChanges, "database.user", pgUser, "the stand-in database");
  set(src, sourceChanges, "database.password", pgPassword, "the stand-in database");
  set(src, sourceChanges, "database.dbname", "it_db2", "the stand-in database");
  set(
    src,
    sourceChanges,
    "plugin.name",
    "pgoutput",
    "PostgreSQL's built-in logical decoding (Db2: ASN capture tables)",
  );
  set(src, sourceChanges, "slot.name", slot, "PostgreSQL replication slot of the stand-in");
  set(src, sourceChanges, "publication.autocreate.mode", "filtered", "a publication of the captured tables only");
  src.name = source.name;
  for (const role of ["key.converter", "value.converter"]) {
    if (src[role] && src[role] !== JSON_CONVERTER && !src[role].startsWith("org.apache.kafka.connect.")) {
      set(
        src,
        sourceChanges,
        role,
        JSON_CONVERTER,
        "schema-registry converter not on the worker: JSON with embedded schemas",
      );
      for (const x of Object.keys(src).filter((x) => x.startsWith(`${role}.`))) {
        sourceChanges.push({ key: x, from: src[x], why: "setting of the schema-registry converter" });
        delete src[x];
      }
    }
    if (src[role] === JSON_CONVERTER && src[`${role}.schemas.enable`] === "false") {
      set(src, sourceChanges, `${role}.schemas.enable`, "true", SCHEMAS_WHY);
    }
  }

  // Sink stand-in: Debezium JDBC sink into PostgreSQL with the pipeline's Connect keys.
  const sinkChanges: Translation[] = [...k.translations];
  const schematization = snk["snowflake.enable.schematization"];
  for (const key of Object.keys(snk)) {
    if (/^(snowflake\.|buffer\.|input\.|kafka\.|behavior\.on\.null\.values$|jvm\.|enable\.task\.fail)/.test(key)) {
      sinkChanges.push({
        key,
        from: sink.sensitiveKeys.includes(key) ? "<sensitive>" : snk[key],
        why: "Snowflake or Confluent Cloud key: no counterpart on the JDBC sink stand-in",
      });
      delete snk[key];
    }
  }
  set(
    snk,
    sinkChanges,
    "connector.class",
    "io.debezium.connector.jdbc.JdbcSinkConnector",
    "Snowflake → PostgreSQL stand-in",
  );
  set(
    snk,
    sinkChanges,
    "connection.url",
    `jdbc:postgresql://127.0.0.1:${pgPort}/it_snowflake`,
    "the stand-in for the Snowflake account",
  );
  set(snk, sinkChanges, "connection.username", pgUser, "the stand-in database");
  set(snk, sinkChanges, "connection.password", pgPassword, "the stand-in database");
  set(
    snk,
    sinkChanges,
    "insert.mode",
    "upsert",
    "change rows merged by key (the staging tables' downstream merge, done in place)",
  );
  set(snk, sinkChanges, "primary.key.mode", "record_key", "the record key is the table's business key");
  set(
    snk,
    sinkChanges,
    "delete.enabled",
    src["tombstones.on.delete"] === "false" ? "false" : "true",
    "deletes applied (the source emits tombstones)",
  );
  set(
    snk,
    sinkChanges,
    "schema.evolution",
    schematization === "false" ? "none" : "basic",
    `snowflake.enable.schematization=${schematization ?? "(unset)"}`,
  );
  set(snk, sinkChanges, "quote.identifiers", "true", "upper-case table names as Snowflake's unquoted identifiers");
  set(
    snk,
    sinkChanges,
    "connection.pool.min_size",
    "1",
    "a small connection pool per task (the local server's connection limit)",
  );
  set(
    snk,
    sinkChanges,
    "connection.pool.max_size",
    "4",
    "a small connection pool per task (the local server's connection limit)",
  );
  snk.name = sink.name;
  // snowflake.topic2table.map → one route per table (the JDBC sink names the table after the topic).
  const aliases = (snk.transforms ?? "").split(",").filter(Boolean);
  tables.forEach((t, i) => {
    const a = `it-table-${i}`;
    aliases.push(a);
    snk[`transforms.${a}.type`] = "org.apache.kafka.connect.transforms.RegexRouter";
    snk[`transforms.${a}.regex`] = t.topic.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
    snk[`transforms.${a}.replacement`] = t.target;
    sinkChanges.push({
      key: `transforms.${a}.*`,
      to: `${t.topic} → ${t.target}`,
      why: "snowflake.topic2table.map entry as a route to the table's name",
    });
  });
  snk.transforms = aliases.join(",");
  for (const role of ["key.converter", "value.converter"]) {
    if (snk[role] && snk[role] !== JSON_CONVERTER && !snk[role].startsWith("org.apache.kafka.connect.")) {
      set(
        snk,
        sinkChanges,
        role,
        JSON_CONVERTER,
        "schema-registry converter not on the worker: JSON with embedded schemas",
      );
      for (const x of Object.keys(snk).filter((x) => x.startsWith(`${role}.`))) {
        sinkChanges.push({ key: x, from: snk[x], why: "setting of the schema-registry converter" });
        delete snk[x];
      }
    }
    if (src[role] !== snk[role]) {
      set(snk, sinkChanges, role, src[role] ?? JSON_CONVERTER, "the same converter as the source writes with");
    }
    if (snk[role] === JSON_CONVERTER && snk[`${role}.schemas.enable`] !== src[`${role}.schemas.enable`]) {
      set(snk, sinkChanges, `${role}.schemas.enable`, src[`${role}.schemas.enable`] ?? "true", SCHEMAS_WHY);
    }
  }
  const dlq = snk["errors.deadletterqueue.topic.name"];
  if (!dlq) throw new Error(`${sink.id} has no errors.deadletterqueue.topic.name`);
  const wanted = new Set([
    ...(snk.topics ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
    dlq,
  ]);
  const topics = topicSpecs(dir).filter((t) => wanted.has(t.name));
  for (const name of wanted) {
    if (!topics.some((t) => t.name === name)) topics.push({ name, partitions: 3, replicationFactor: 3, config: {} });
  }
  // The heartbeat probe's table: in the source's table list and the sink's topics like any table, but
  // written by the probe, not by the load.
  const probeFile = findProbeFile(dir, source.name);
  const hbId = probeFile ? String(JSON.parse(fs.readFileSync(probeFile, "utf8")).source.table) : undefined;
  const hb = tables.find((t) => `${t.schema}.${t.table}` === hbId);
  return {
    source,
    sink,
    ...(hb && probeFile ? { heartbeat: { ...hb, probeFile } } : {}),
    sourceConfig: src,
    sinkConfig: snk,
    sourceChanges: finalDiff(source, src, sourceChanges),
    sinkChanges: finalDiff(sink, snk, sinkChanges),
    tables: tables.filter((t) => t !== hb),
    topics,
    dlq,
    group: `connect-${sink.name}`,
    slot,
  };
}

/** What differs between the synthesized configuration and the stand-in's, with the last reason per key. */
function finalDiff(c: SynthConnector, cfg: Record<string, string>, steps: Translation[]): Translation[] {
  const why = new Map<string, string>();
  for (const t of steps) why.set(t.key, t.why);
  const out: Translation[] = [];
  const local = (k: string, v: string | undefined): string | undefined =>
    v === undefined ? undefined : /password|private\.key/.test(k) ? "<local>" : v;
  for (const k of [...new Set([...Object.keys(c.config), ...Object.keys(cfg)])].sort()) {
    if (c.config[k] === cfg[k] || k === "name") continue;
    const from = c.sensitiveKeys.includes(k) ? "<sensitive>" : c.config[k];
    out.push({
      key: k,
      from,
      to: local(k, cfg[k]),
      why: why.get(k) ?? (k.startsWith("transforms") ? "route to the table's name" : ""),
    });
  }
  // Routes added for snowflake.topic2table.map are summarized by their own entries.
  return [
    ...out.filter((t) => !/^transforms\.it-table-\d+\./.test(t.key)),
    ...steps.filter((t) => t.key.startsWith("transforms.it-table-")),
  ];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = arg("--synth");
  const tag = "";
  const p = plan(dir);
  log(`source ${p.source.id} → topics ${p.tables.map((t) => t.topic).join(", ")} → sink ${p.sink.id}; DLQ ${p.dlq}`);

  // 1. Topics as synthesized.
  const topicsFile = path.join(workDir, "e2e-topics.json");
  fs.writeFileSync(topicsFile, JSON.stringify(p.topics));
  probe(["create-topics", "--bootstrap", bootstrap, "--file", topicsFile]);
  pass(
    `pipeline topics created as synthesized: ${p.topics.map((t) => `${t.name} (${t.partitions}p, RF ${t.replicationFactor})`).join(", ")}${tag}`,
  );

  // 2. Tables: the source tables, and the target tables with an arrival timestamp.
  for (const t of p.tables) {
    const keyDefs = t.key.map((c) => `${q(c)} bigint NOT NULL`).join(", ");
    const cols = `${keyDefs}, "PAYLOAD" text NOT NULL, "AMOUNT" numeric(12,2), "CREATED_AT" timestamptz NOT NULL DEFAULT clock_timestamp()`;
    psql(
      "it_db2",
      `CREATE SCHEMA IF NOT EXISTS ${q(t.schema)}; CREATE TABLE ${q(t.schema)}.${q(t.table)} (${cols}, PRIMARY KEY (${t.key.map(q).join(", ")}))`,
    );
    psql(
      "it_snowflake",
      `CREATE TABLE ${q(t.target)} (${keyDefs}, "PAYLOAD" text NOT NULL, "AMOUNT" numeric(12,2), "CREATED_AT" timestamptz NOT NULL, "ARRIVED_AT" timestamptz NOT NULL DEFAULT clock_timestamp(), PRIMARY KEY (${t.key.map(q).join(", ")}))`,
    );
  }
  // The heartbeat table, as its DDL in the probe file (PostgreSQL types), and its sink table.
  if (p.heartbeat) {
    const h = p.heartbeat;
    psql(
      "it_db2",
      `CREATE SCHEMA IF NOT EXISTS ${q(h.schema)}; CREATE TABLE ${q(h.schema)}.${q(h.table)} ("PIPELINE" varchar(128) NOT NULL PRIMARY KEY, "BEAT_ID" bigint NOT NULL, "BEAT_AT" timestamp NOT NULL)`,
    );
    psql(
      "it_snowflake",
      `CREATE TABLE ${q(h.target)} ("PIPELINE" varchar(128) NOT NULL PRIMARY KEY, "BEAT_ID" bigint NOT NULL, "BEAT_AT" timestamp)`,
    );
  }
  // Rows present before the connector starts: they arrive through the snapshot.
  const SNAPSHOT_ROWS = 100;
  for (const t of p.tables) {
    psql(
      "it_db2",
      `INSERT INTO ${q(t.schema)}.${q(t.table)} (${t.key.map(q).join(", ")}, "PAYLOAD", "AMOUNT") SELECT ${t.key.map(() => "g").join(", ")}, 'snapshot-' || g, g * 1.25 FROM generate_series(1, ${SNAPSHOT_ROWS}) g`,
    );
  }

  // 3. Connectors.
  fs.writeFileSync(path.join(workDir, "e2e-source.json"), JSON.stringify(p.sourceConfig, null, 2));
  fs.writeFileSync(path.join(workDir, "e2e-sink.json"), JSON.stringify(p.sinkConfig, null, 2));
  for (const cfg of [p.sourceConfig, p.sinkConfig]) {
    const r = await rest("PUT", `/connectors/${encodeURIComponent(cfg.name)}/config`, cfg);
    if (r.status >= 300)
      throw new Error(`creating ${cfg.name}: HTTP ${r.status} ${JSON.stringify(r.json).slice(0, 400)}`);
  }
  await waitRunning(p.sourceConfig.name, 90_000);
  await waitRunning(p.sinkConfig.name, 90_000);
  pass(
    `source stand-in ${p.sourceConfig.name} (Debezium PostgreSQL) and sink stand-in ${p.sinkConfig.name} (Debezium JDBC sink) RUNNING with the pipeline's keys${tag}`,
  );

  // Wait for the snapshot to arrive.
  const count = (t: Plan["tables"][number], db: "src" | "dst", where = "TRUE"): number =>
    Number(
      db === "src"
        ? psql("it_db2", `SELECT count(*) FROM ${q(t.schema)}.${q(t.table)} WHERE ${where}`)
        : psql("it_snowflake", `SELECT count(*) FROM ${q(t.target)} WHERE ${where}`),
    );
  async function waitArrived(what: string, timeoutMs: number, ok: () => boolean): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let checked = 0;
    while (Date.now() < deadline) {
      if (ok()) return true;
      if (++checked % 8 === 0) {
        // A failed task never recovers by itself: stop waiting and say why.
        for (const n of [p.sourceConfig.name, p.sinkConfig.name]) {
          const st = (await rest("GET", `/connectors/${encodeURIComponent(n)}/status`)).json as Status;
          const bad = (st.tasks ?? []).find((t) => t.state === "FAILED");
          if (bad) {
            const cause =
              (bad.trace ?? "")
                .split("\n")
                .filter((l) => l.startsWith("Caused by"))
                .pop() ?? (bad.trace ?? "").split("\n")[0];
            throw new Error(`${what}: task ${n}-${bad.id} FAILED: ${cause}`);
          }
        }
      }
      await sleep(250);
    }
    log(`${what}: not reached within ${timeoutMs / 1000} s`);
    return ok();
  }
  await waitArrived("snapshot", 90_000, () => p.tables.every((t) => count(t, "dst") >= SNAPSHOT_ROWS));

  // 4. Streaming load: ROWS inserts per table at RATE rows/s, each its own transaction, then updates
  // and deletes; lag sampled throughout.
  const stopFile = path.join(workDir, "e2e-sampler.stop");
  const samplesFile = path.join(workDir, "e2e-lag.jsonl");
  fs.rmSync(stopFile, { force: true });
  const sampler = spawn(
    "java",
    [
      "-Xms64m",
      "-Xmx256m",
      "-XX:+UseSerialGC",
      "-cp",
      javaCp,
      "kafkastandards.it.connect.PipelineProbe",
      "sample",
      "--bootstrap",
      bootstrap,
      "--group",
      p.group,
      "--topics",
      p.tables.map((t) => t.topic).join(","),
      "--interval-ms",
      "250",
      "--stop-file",
      stopFile,
      "--max-s",
      "300",
      "--out",
      samplesFile,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let samplerErr = "";
  sampler.stderr.on("data", (d: Buffer) => (samplerErr += d.toString()));
  // The load starts once the sampler has its first sample.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`lag sampler did not start: ${samplerErr.slice(-300)}`)), 60_000);
    sampler.stdout.on("data", (d: Buffer) => {
      if (d.toString().includes("sampling")) {
        clearTimeout(timer);
        resolve();
      }
    });
    sampler.on("exit", (code) => reject(new Error(`lag sampler exited (${code}): ${samplerErr.slice(-300)}`)));
  });
  const loadAvgStart = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  psql(
    "it_db2",
    `CREATE PROCEDURE it_load(sch text, tbl text, keycols text[], n int, rate int) LANGUAGE plpgsql AS $$
     DECLARE k text := (SELECT string_agg(format('%I', c), ', ') FROM unnest(keycols) c);
             v text;
     BEGIN
       FOR i IN 1..n LOOP
         v := (SELECT string_agg((1000000 + i)::text, ', ') FROM unnest(keycols));
         EXECUTE format('INSERT INTO %I.%I (%s, "PAYLOAD", "AMOUNT") VALUES (%s, %L, %s)', sch, tbl, k, v, 'stream-' || i, i * 0.5);
         COMMIT;
         PERFORM pg_sleep(1.0 / rate);
       END LOOP;
     END $$`,
  );
  const loadStarted = Date.now();
  const loads = p.tables.map(
    (t) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(
          "psql",
          [
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            "127.0.0.1",
            "-p",
            pgPort,
            "-U",
            pgUser,
            "-d",
            "it_db2",
            "-c",
            `CALL it_load('${t.schema}', '${t.table}', ARRAY[${t.key.map((c) => `'${c}'`).join(",")}], ${ROWS}, ${RATE})`,
          ],
          { env: { ...process.env, PGPASSWORD: pgPassword }, stdio: ["ignore", "ignore", "pipe"] },
        );
        let err = "";
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`load of ${t.table}: ${err}`))));
      }),
  );
  await Promise.all(loads);
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  // Updates and deletes: CDC carries them (Db2 CDC and the Debezium stand-in alike).
  const UPDATES = 50;
  const DELETES = 20;
  for (const t of p.tables) {
    const k0 = q(t.key[0]);
    psql(
      "it_db2",
      `UPDATE ${q(t.schema)}.${q(t.table)} SET "PAYLOAD" = 'updated-' || ${k0}, "AMOUNT" = "AMOUNT" + 1 WHERE ${k0} BETWEEN 1 AND ${UPDATES}`,
    );
    psql(
      "it_db2",
      `DELETE FROM ${q(t.schema)}.${q(t.table)} WHERE ${k0} BETWEEN ${SNAPSHOT_ROWS - DELETES + 1} AND ${SNAPSHOT_ROWS}`,
    );
  }
  const allArrived = (): boolean =>
    p.tables.every(
      (t) => count(t, "dst") === count(t, "src") && count(t, "dst", `"PAYLOAD" LIKE 'updated-%'`) === UPDATES,
    );
  const drained = await waitArrived("drain", 120_000, allArrived);
  const drainedAt = Date.now();
  const loadAvgEnd = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

  // 5. Poison: a record the pipeline's value converter cannot read, written straight into the first
  // topic; then more rows, which must still arrive.
  const poisonTopic = p.tables[0].topic;
  const poisonValue = "not a record {";
  const poison = JSON.parse(
    probe(["poison", "--bootstrap", bootstrap, "--topic", poisonTopic, "--key", "", "--value", poisonValue]),
  ) as {
    partition: number;
    offset: number;
  };
  // The sink's committed offset on the poison's partition can stay at the skipped (dead-lettered) record
  // until a later record of that partition is delivered (seen: a lag of 1 for 30 s when none of 10 rows
  // landed there), and the poison record (no key) lands on any partition. So enough rows follow it that
  // their keys reach every partition of the topic (6 at most here), and the committed offsets can reach
  // the end of every partition, the poison's included.
  const AFTER = 60;
  for (const t of p.tables) {
    psql(
      "it_db2",
      `INSERT INTO ${q(t.schema)}.${q(t.table)} (${t.key.map(q).join(", ")}, "PAYLOAD", "AMOUNT") SELECT ${t.key.map(() => "g").join(", ")}, 'after-poison-' || g, g FROM generate_series(2000001, ${2000000 + AFTER}) g`,
    );
  }
  const afterArrived = await waitArrived("after poison", 60_000, () =>
    p.tables.every(
      (t) => count(t, "dst", `"PAYLOAD" LIKE 'after-poison-%'`) === AFTER && count(t, "dst") === count(t, "src"),
    ),
  );
  // The sink commits its offsets every offset.flush.interval.ms: wait (30 s at most) until the
  // group's committed offsets reach the end of the topics, the skipped poison record included.
  const lastLag = (): number => {
    const lines = fs.existsSync(samplesFile) ? fs.readFileSync(samplesFile, "utf8").trim().split("\n") : [];
    return lines.length ? (JSON.parse(lines[lines.length - 1]) as { sinkLag: number }).sinkLag : -1;
  };
  await waitArrived("sink offsets committed", 30_000, () => lastLag() === 0);
  fs.writeFileSync(stopFile, "");
  await new Promise((r) => sampler.on("exit", r));
  if (samplerErr.trim()) log(`sampler: ${samplerErr.trim().slice(-400)}`);

  // 6. Figures.
  const dlqRecords = JSON.parse(
    probe(["records", "--bootstrap", bootstrap, "--topic", p.dlq, "--timeout-s", "30", "--min", "1"], 90_000),
  ) as {
    partition: number;
    offset: number;
    key: string | null;
    value: string | null;
    headers: Record<string, string | null>;
  }[];
  const latencies: number[] = [];
  const rowsIn: Record<string, number> = {};
  const rowsOut: Record<string, number> = {};
  let mismatches = 0;
  for (const t of p.tables) {
    const cols = `${t.key.map(q).join(", ")}, "PAYLOAD", "AMOUNT", "CREATED_AT"`;
    const a = psql("it_db2", `SELECT ${cols} FROM ${q(t.schema)}.${q(t.table)} ORDER BY ${t.key.map(q).join(", ")}`);
    const b = psql("it_snowflake", `SELECT ${cols} FROM ${q(t.target)} ORDER BY ${t.key.map(q).join(", ")}`);
    const la = a.split("\n");
    const lb = b.split("\n");
    rowsIn[t.table] = la.length;
    rowsOut[t.target] = lb.length;
    for (let i = 0; i < Math.max(la.length, lb.length); i++) if (la[i] !== lb[i]) mismatches++;
    const lat = psql(
      "it_snowflake",
      `SELECT round(extract(epoch FROM ("ARRIVED_AT" - "CREATED_AT")) * 1000, 1) FROM ${q(t.target)} WHERE "PAYLOAD" LIKE 'stream-%'`,
    );
    for (const l of lat.split("\n").filter(Boolean)) latencies.push(Number(l));
  }
  latencies.sort((x, y) => x - y);
  const samples = fs.existsSync(samplesFile)
    ? fs
        .readFileSync(samplesFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { t: number; sinkLag: number })
    : [];
  const during = samples.filter((s) => s.t >= loadStarted && s.t <= drainedAt);
  // Source lag (database commit → record in Kafka) of each streamed insert, from the topic itself:
  // the record's timestamp against the row's CREATED_AT in the change event.
  const sourceLat: number[] = [];
  for (const t of p.tables) {
    const recs = JSON.parse(
      probe(
        ["records", "--bootstrap", bootstrap, "--topic", t.topic, "--timeout-s", "60", "--min", String(ROWS)],
        120_000,
      ),
    ) as {
      timestamp: number;
      value: string | null;
    }[];
    for (const r of recs) {
      if (!r.value) continue;
      let v: {
        payload?: { op?: string; after?: Record<string, unknown> };
        op?: string;
        after?: Record<string, unknown>;
      };
      try {
        v = JSON.parse(r.value);
      } catch {
        continue;
      }
      const env = v.payload ?? v;
      const after = env.after;
      if (env.op !== "c" || !after || !String(after.PAYLOAD ?? "").startsWith("stream-")) continue;
      const created = Date.parse(String(after.CREATED_AT));
      if (Number.isFinite(created)) sourceLat.push(r.timestamp - created);
    }
  }
  sourceLat.sort((x, y) => x - y);
  const counts = JSON.parse(
    probe(["count", "--bootstrap", bootstrap, "--topics", [...p.tables.map((t) => t.topic), p.dlq].join(",")]),
  ) as Record<string, number>;
  const changes = p.tables.length * (SNAPSHOT_ROWS + ROWS + UPDATES + DELETES + AFTER);
  const figures = {
    synthDir: dir,
    source: { id: p.source.id, name: p.source.name, connectorClass: p.source.connectorClass },
    sink: { id: p.sink.id, name: p.sink.name, connectorClass: p.sink.connectorClass },
    sourceStandIn: { ...p.sourceConfig, "database.password": "<local>" },
    sinkStandIn: { ...p.sinkConfig, "connection.password": "<local>" },
    sourceStandInPassword: "<local>",
    sourceChanges: p.sourceChanges,
    sinkChanges: p.sinkChanges,
    tables: p.tables,
    topics: p.topics,
    rows: {
      snapshotPerTable: SNAPSHOT_ROWS,
      streamedPerTable: ROWS,
      ratePerTable: RATE,
      updatesPerTable: UPDATES,
      deletesPerTable: DELETES,
      afterPoisonPerTable: AFTER,
    },
    changesIn: changes,
    rowsIn,
    rowsOut,
    mismatches,
    topicRecords: counts,
    loadSeconds,
    latencyMs: {
      count: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1],
      min: latencies[0],
    },
    sourceLatencyMs: {
      count: sourceLat.length,
      p50: percentile(sourceLat, 50),
      p99: percentile(sourceLat, 99),
      max: sourceLat[sourceLat.length - 1],
    },
    lag: {
      samples: samples.length,
      samplesDuringLoadAndDrain: during.length,
      sinkLagMax: Math.max(0, ...during.map((s) => s.sinkLag)),
      sinkLagP50: percentile(
        during.map((s) => s.sinkLag).sort((x, y) => x - y),
        50,
      ),
      sinkLagP99: percentile(
        during.map((s) => s.sinkLag).sort((x, y) => x - y),
        99,
      ),
      sinkLagFinal: samples.length ? samples[samples.length - 1].sinkLag : NaN,
      drainSeconds: Math.round((drainedAt - loadStarted) / 100) / 10,
    },
    loadAverage: { atLoadStart: loadAvgStart, atDrain: loadAvgEnd, cores: os.cpus().length },
    poison: { topic: poisonTopic, partition: poison.partition, offset: poison.offset, value: poisonValue },
    dlq: { topic: p.dlq, records: dlqRecords },
    seconds: Math.round((Date.now() - started) / 1000),
  };
  fs.writeFileSync(outFile, `${JSON.stringify(figures, null, 2)}\n`);

  // 7. Verdicts.
  const total = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
  if (drained && afterArrived && mismatches === 0) {
    pass(
      `every change arrived: ${changes} changes (snapshot, ${p.tables.length}×${ROWS} streamed inserts at ${RATE}/s per table, updates, deletes) → ${total(rowsIn)} source rows = ${total(rowsOut)} sink rows, identical column by column${tag}`,
    );
  } else {
    failLine(
      `every change arrived: source rows ${JSON.stringify(rowsIn)}, sink rows ${JSON.stringify(rowsOut)}, ${mismatches} differing rows${tag}`,
    );
  }
  const d = dlqRecords.filter(
    (r) =>
      r.headers["__connect.errors.topic"] === poisonTopic &&
      r.headers["__connect.errors.offset"] === String(poison.offset),
  );
  const h = d[0]?.headers ?? {};
  const headerProblems: string[] = [];
  if (dlqRecords.length !== 1) headerProblems.push(`${dlqRecords.length} records in ${p.dlq}, expected exactly 1`);
  if (d.length !== 1)
    headerProblems.push(`no dead-letter record for ${poisonTopic}@${poison.partition}/${poison.offset}`);
  else {
    if (h["__connect.errors.partition"] !== String(poison.partition)) headerProblems.push("partition header");
    if (h["__connect.errors.connector.name"] !== p.sink.name)
      headerProblems.push(`connector.name header ${h["__connect.errors.connector.name"]}`);
    if (!h["__connect.errors.stage"]) headerProblems.push("no stage header");
    if (!h["__connect.errors.exception.class.name"]) headerProblems.push("no exception class header");
    if (d[0].value !== poisonValue)
      headerProblems.push("the dead-letter record is not the poison record byte for byte");
  }
  if (headerProblems.length === 0) {
    pass(
      `poison record ${poisonTopic}@${poison.partition}/${poison.offset} in ${p.dlq} with its context headers (stage ${h["__connect.errors.stage"]}, ${h["__connect.errors.exception.class.name"]}, connector ${h["__connect.errors.connector.name"]}); ${AFTER} rows per table written after it arrived${tag}`,
    );
  } else failLine(`poison record in ${p.dlq} with its context headers: ${headerProblems.join("; ")}${tag}`);
  if (
    latencies.length === p.tables.length * ROWS &&
    Number.isFinite(figures.latencyMs.p99) &&
    sourceLat.length === p.tables.length * ROWS &&
    figures.lag.sinkLagFinal === 0 &&
    during.length > 0
  ) {
    pass(
      `end-to-end latency (database commit → sink row) over ${latencies.length} streamed rows: p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms, max ${figures.latencyMs.max} ms; source lag (commit → Kafka) p50 ${figures.sourceLatencyMs.p50} ms, p99 ${figures.sourceLatencyMs.p99} ms; sink lag max ${figures.lag.sinkLagMax} records, ${figures.lag.sinkLagFinal} at the end (load average ${loadAvgStart})${tag}`,
    );
  } else {
    failLine(
      `end-to-end latency and lag measured: ${latencies.length} of ${p.tables.length * ROWS} rows timed at the sink, ${sourceLat.length} at the source, ${during.length} lag samples, final sink lag ${figures.lag.sinkLagFinal}${tag}`,
    );
  }

  // 8. The heartbeat probe (`kafka-standards probe` with the pipeline's probe file) through the same
  // connectors: each heartbeat measured at the topic and at the sink, as CloudWatch EMF lines.
  if (p.heartbeat) {
    const probeFigures = await heartbeatProbe(p, tag);
    if (probeFigures) fs.writeFileSync(outFile, `${JSON.stringify({ ...figures, probe: probeFigures }, null, 2)}\n`);
  } else failLine(`heartbeat probe: no probes/*-heartbeat.json names source ${p.source.name}${tag}`);

  // 9. Clean up the connectors (the worker and databases stop with the check).
  for (const n of [p.sourceConfig.name, p.sinkConfig.name])
    await rest("DELETE", `/connectors/${encodeURIComponent(n)}`);
  if (failed) process.exitCode = 1;
}

const PROBE_BEATS = 5;

interface ProbeFigures {
  probeFile: string;
  beats: number;
  sourceLagSeconds: number[];
  endToEndSeconds: number[];
  stalledEndToEndSeconds: number[];
  stalledSourceLagMaxSeconds: number;
  translated: string[];
}

async function heartbeatProbe(p: Plan, tag: string): Promise<ProbeFigures | undefined> {
  const h = p.heartbeat!;
  const jar = postgresDriverJar();
  if (!jar) {
    failLine(`heartbeat probe: no PostgreSQL JDBC driver under ${path.join(__dirname, "target", "plugins")}${tag}`);
    return undefined;
  }
  const props = path.join(workDir, "probe-db.properties");
  fs.writeFileSync(props, `user=${pgUser}\npassword=${pgPassword}\n`, { mode: 0o600 });
  const config = JSON.parse(fs.readFileSync(h.probeFile, "utf8"));
  // Stand-in translations: the JDBC URLs (Db2 and Snowflake → the local databases) and the sink query
  // (the JDBC sink writes the row's columns into a table of the public schema).
  const args = [
    "probe",
    "--config",
    h.probeFile,
    "--bootstrap-server",
    bootstrap,
    "--source-url",
    `jdbc:postgresql://127.0.0.1:${pgPort}/it_db2`,
    "--sink-url",
    `jdbc:postgresql://127.0.0.1:${pgPort}/it_snowflake`,
    "--sink-query",
    `SELECT MAX("BEAT_ID") FROM ${q(h.target)} WHERE "PIPELINE" = ?`,
    "--source-properties",
    props,
    "--sink-properties",
    props,
    "--driver-jars",
    jar,
    "--interval",
    "3s",
    "--duration",
    "90s",
  ];
  const started = Date.now();
  const probeRun = (extra: string[], log: string) => {
    const r = spawnSync(path.join(__dirname, "..", "..", "..", "bin", "kafka-standards"), [...args, ...extra], {
      encoding: "utf8",
      timeout: 150_000,
      cwd: path.join(__dirname, "..", "..", ".."),
    });
    fs.writeFileSync(path.join(workDir, log), `${r.stdout}\n--- stderr\n${r.stderr}`);
    const emf = (r.stdout ?? "")
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l));
    return { status: r.status, emf };
  };
  const run = probeRun(["--count", String(PROBE_BEATS)], "probe.log");
  const lines = run.emf;
  const complete = lines.filter((l) => l.Complete === true);
  const src = config.metrics.sourceLag;
  const e2e = config.metrics.endToEndLatency;
  const [dim, value] = Object.entries(config.metrics.dimensions)[0] as [string, string];
  const emfOk = complete.every((l) => {
    const d = l._aws?.CloudWatchMetrics?.[0];
    return (
      typeof l._aws?.Timestamp === "number" &&
      d?.Namespace === config.metrics.namespace &&
      JSON.stringify(d?.Dimensions) === JSON.stringify([[dim]]) &&
      JSON.stringify(d?.Metrics?.map((m: { Name: string }) => m.Name)) === JSON.stringify([src, e2e]) &&
      l[dim] === value
    );
  });
  const srcLags = complete.map((l) => l[src] as number).sort((a, b) => a - b);
  const e2eLags = complete.map((l) => l[e2e] as number).sort((a, b) => a - b);
  const ordered = complete.every((l) => l[src] > 0 && l[e2e] >= l[src] && l[e2e] < 60);
  const sinkId = Number(psql("it_snowflake", `SELECT COALESCE(MAX("BEAT_ID"), 0) FROM ${q(h.target)}`));
  const lastBeat = Math.max(0, ...complete.map((l) => l.BeatId as number));
  if (run.status === 0 && complete.length === PROBE_BEATS && emfOk && ordered && sinkId === lastBeat) {
    pass(
      `heartbeat probe (kafka-standards probe, ${config.pipeline}): ${complete.length} heartbeats through ${p.source.name} and ${p.sink.name} measured as ${config.metrics.namespace} ${src}/${e2e} with ${dim}=${value}, the alarms' metrics: source lag ${srcLags[0]}–${srcLags[srcLags.length - 1]} s, end to end ${e2eLags[0]}–${e2eLags[e2eLags.length - 1]} s; the sink holds the last BEAT_ID ${sinkId} (${Math.round((Date.now() - started) / 1000)} s)${tag}`,
    );
  } else {
    failLine(
      `heartbeat probe: exit ${run.status}, ${complete.length} of ${PROBE_BEATS} heartbeats measured, EMF ${emfOk ? "ok" : "malformed"}, lags ${JSON.stringify(srcLags)} / ${JSON.stringify(e2eLags)}, sink BEAT_ID ${sinkId} vs ${lastBeat} (see ${path.join(workDir, "probe.log")})${tag}`,
    );
  }

  // A stalled sink: the heartbeats reach Kafka but not the sink; the probe keeps publishing the age of
  // the oldest missing one (growing), so the end-to-end alarm sees a rising value instead of a gap.
  const sinkName = encodeURIComponent(p.sinkConfig.name);
  await rest("PUT", `/connectors/${sinkName}/pause`);
  await sleep(3000);
  const stalled = probeRun(["--count", "2", "--interval", "2s"], "probe-stalled.log");
  await rest("PUT", `/connectors/${sinkName}/resume`);
  const first = stalled.emf.filter((l) => l.BeatId === stalled.emf[0]?.BeatId);
  const ages = first.map((l) => l[e2e] as number);
  const growing = ages.length >= 2 && ages.every((a, i) => i === 0 || a > ages[i - 1]);
  if (
    stalled.status === 0 &&
    stalled.emf.length >= 3 &&
    stalled.emf.every((l) => l.Complete === false && l[src] < 2 && l[e2e] >= 1.5) &&
    growing
  ) {
    pass(
      `heartbeat probe with the sink paused: ${stalled.emf.length} lines, all incomplete; the first heartbeat's ${e2e} grows ${ages.join(" → ")} s while ${src} stays ${Math.max(...stalled.emf.map((l) => l[src] as number))} s or less${tag}`,
    );
  } else {
    failLine(
      `heartbeat probe with the sink paused: exit ${stalled.status}, lines ${JSON.stringify(stalled.emf.map((l) => [l.BeatId, l.Complete, l[src], l[e2e]]))} (see ${path.join(workDir, "probe-stalled.log")})${tag}`,
    );
  }
  return {
    probeFile: path.relative(arg("--synth"), h.probeFile),
    beats: complete.length,
    sourceLagSeconds: srcLags,
    endToEndSeconds: e2eLags,
    stalledEndToEndSeconds: ages,
    stalledSourceLagMaxSeconds: Math.max(0, ...stalled.emf.map((l) => l[src] as number)),
    translated: [
      "source JDBC URL → the it_db2 stand-in database",
      "sink JDBC URL → the it_snowflake stand-in database",
      'sink query → SELECT MAX("BEAT_ID") FROM the JDBC sink\'s table (columns, no Snowflake variant paths)',
    ],
  };
}

main().catch((e: unknown) => {
  process.stdout.write(`FAIL pipeline end to end: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
