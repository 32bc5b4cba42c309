/**
 * Non-regression of the modernization rewrite on real connectors: the sample export's Debezium 1.x
 * PostgreSQL connector (test/fixtures/connect/connect-export.json, `inventory-cdc`) runs as exported,
 * old keys and all, on Debezium 1.9's plugin in a standalone Connect worker of its own; the
 * configuration `kafka-standards connectors --rewrite` writes from the same export runs on the
 * current Debezium plugin of the distributed worker. Both capture the same PostgreSQL table while
 * this check inserts, updates and deletes rows; their change events must be the same.
 *
 *   ts-node --transpile-only test/integration/connect/modernization-nonregression.ts --connect URL
 *     --bootstrap SERVERS --pg-port PORT --pg-user U --pg-password P --java-cp CP --worker-lib DIR
 *     --plugins DIR --rest-port PORT --work DIR --out FILE [--max-s S]
 *
 * Both configurations start from the export with the same local stand-ins (database → 127.0.0.1,
 * database `it_modern`); they differ only where two connectors cannot share a value: the connector
 * name, the topic prefix (`database.server.name` before, `topic.prefix` after: `<run>-before`,
 * `<run>-after`) and the replication slot. Compared per record, in order: the key, `op`, the
 * `before` and `after` row images, tombstones; and the counts. The `source` block and the envelope's
 * timestamps (`ts_ms`, and `ts_us`/`ts_ns` that Debezium 2.x added) are connector metadata that
 * differ by version and run; which of their fields differ is reported, not judged.
 *
 * Prints PASS/FAIL lines; writes the figures to --out (JSON) for proof-report.ts.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { arg, connectRest, probeRunner, psqlRunner, sleep } from "./it-common";

const connect = arg("--connect");
const bootstrap = arg("--bootstrap");
const pgPort = arg("--pg-port");
const pgUser = arg("--pg-user");
const pgPassword = arg("--pg-password");
const javaCp = arg("--java-cp");
const workerLib = arg("--worker-lib");
const plugins1 = arg("--plugins");
const restPort = arg("--rest-port");
const work = arg("--work");
const outFile = arg("--out");
const maxS = Number(arg("--max-s", "300"));
const REPO = path.join(__dirname, "..", "..", "..");
const psql = psqlRunner({ port: pgPort, user: pgUser, password: pgPassword });
const probe = probeRunner(javaCp);
const rest = (base: string, method: string, p: string, body?: unknown) => connectRest(base, method, p, body, 60_000);
const DB = "it_modern";
const EXPORT_NAME = "inventory-cdc";
const SNAPSHOT_ROWS = 20;
const INSERTS = 30;
const UPDATES = 20;
const DELETES = 10;
// Snapshot reads + inserts + updates + deletes + one tombstone per delete.
const EXPECTED = SNAPSHOT_ROWS + INSERTS + UPDATES + DELETES * 2;

let failed = false;
const pass = (m: string): void => void process.stdout.write(`PASS ${m}\n`);
const failLine = (m: string): void => {
  failed = true;
  process.stdout.write(`FAIL ${m}\n`);
};
const log = (m: string): void => void process.stderr.write(`[modernization] ${m}\n`);

async function waitRunning(base: string, name: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: any;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`${name}: its worker exited (see ${work})`);
    try {
      const r = await rest(base, "GET", `/connectors/${encodeURIComponent(name)}/status`);
      last = r.json;
      const tasks: any[] = last?.tasks ?? [];
      const bad = tasks.find((t) => t.state === "FAILED");
      if (bad)
        throw new Error(
          `${name} task FAILED: ${String(bad.trace ?? "")
            .split("\n")
            .slice(0, 3)
            .join(" ")}`,
        );
      if (
        r.status === 200 &&
        last.connector?.state === "RUNNING" &&
        tasks.length > 0 &&
        tasks.every((t) => t.state === "RUNNING")
      )
        return;
    } catch (e) {
      if (e instanceof Error && e.message.includes("FAILED")) throw e;
    }
    await sleep(500);
  }
  throw new Error(`${name} not RUNNING within ${timeoutMs / 1000} s: ${JSON.stringify(last).slice(0, 400)}`);
}

function count(topic: string): number {
  return Number(JSON.parse(probe(["count", "--bootstrap", bootstrap, "--topics", topic]))[topic] ?? 0);
}

async function waitCount(topics: string[], n: number, timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let got = topics.map(() => 0);
  while (Date.now() < deadline) {
    got = topics.map(count);
    if (got.every((g) => g >= n)) return got;
    await sleep(1000);
  }
  return got;
}

interface Rec {
  key: unknown;
  value: Record<string, unknown> | null;
}

function records(topic: string, min: number): Rec[] {
  const raw = JSON.parse(
    probe(["records", "--bootstrap", bootstrap, "--topic", topic, "--min", String(min), "--timeout-s", "30"]),
  );
  return (raw as { key: string | null; value: string | null }[]).map((r) => ({
    key: r.key === null ? null : JSON.parse(r.key).payload,
    value: r.value === null ? null : (JSON.parse(r.value).payload as Record<string, unknown>),
  }));
}

const canon = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x,
  );

/** Per record, in order: key, op, `before`, `after` (and which metadata fields differ). */
function compare(a: readonly Rec[], b: readonly Rec[]) {
  const n = Math.max(a.length, b.length);
  const differing: string[] = [];
  const ops: Record<string, number> = {};
  // Source-block fields that differ, apart for snapshot reads and streamed changes (these carry
  // the WAL position of the change, the same for both slots).
  const sourceDiff = { snapshot: new Set<string>(), streamed: new Set<string>() };
  const envelopeOnly = new Set<string>();
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y) {
      differing.push(`#${i}: only ${x ? "before" : "after"}`);
      continue;
    }
    const op = x.value === null ? "tombstone" : String(x.value.op);
    ops[op] = (ops[op] ?? 0) + 1;
    const same =
      canon(x.key) === canon(y.key) &&
      (x.value === null || y.value === null
        ? x.value === y.value
        : x.value.op === y.value.op &&
          canon(x.value.before) === canon(y.value.before) &&
          canon(x.value.after) === canon(y.value.after));
    if (!same) differing.push(`#${i} ${op}: before ${canon(x).slice(0, 200)} / after ${canon(y).slice(0, 200)}`);
    if (x.value && y.value) {
      const sx = (x.value.source ?? {}) as Record<string, unknown>;
      const sy = (y.value.source ?? {}) as Record<string, unknown>;
      for (const k of new Set([...Object.keys(sx), ...Object.keys(sy)]))
        if (canon(sx[k]) !== canon(sy[k]))
          sourceDiff[x.value.op === "r" ? "snapshot" : "streamed"].add(
            k in sx && k in sy ? k : `${k} (${k in sx ? "1.x" : "current"} only)`,
          );
      for (const k of new Set([...Object.keys(x.value), ...Object.keys(y.value)]))
        if (!["op", "before", "after", "source"].includes(k) && canon(x.value[k]) !== canon(y.value[k]))
          envelopeOnly.add(k in x.value && k in y.value ? k : `${k} (${k in x.value ? "1.x" : "current"} only)`);
    }
  }
  return { differing, ops, sourceDiff, envelopeOnly };
}

async function main(): Promise<void> {
  const started = Date.now();
  const run = `it-modern-${Date.now().toString(36)}`;
  const prefixBefore = `${run}-before`;
  const prefixAfter = `${run}-after`;
  const slotBefore = `${run.replace(/-/g, "_")}_before`;
  const slotAfter = `${run.replace(/-/g, "_")}_after`;
  fs.mkdirSync(work, { recursive: true });

  // 1. The table both connectors capture (REPLICA IDENTITY FULL: full `before` images to compare).
  psql("postgres", `DROP DATABASE IF EXISTS ${DB}`);
  psql("postgres", `CREATE DATABASE ${DB}`);
  psql(
    DB,
    "CREATE TABLE public.items (id integer PRIMARY KEY, name text NOT NULL, qty integer, price numeric(10,2), " +
      "active boolean, updated_at timestamp); ALTER TABLE public.items REPLICA IDENTITY FULL",
  );
  psql(
    DB,
    `INSERT INTO public.items SELECT g, 'item-' || g, g * 3, g * 1.25, g % 2 = 0, TIMESTAMP '2026-01-01 00:00:00' + g * INTERVAL '1 minute' FROM generate_series(1, ${SNAPSHOT_ROWS}) g`,
  );

  // 2. The exported connector, pointed at the stand-in database.
  const exportDoc = JSON.parse(
    fs.readFileSync(path.join(REPO, "test", "fixtures", "connect", "connect-export.json"), "utf8"),
  );
  const exported: Record<string, string> = exportDoc[EXPORT_NAME].info.config;
  const local = (name: string, prefix: string, slot: string): Record<string, string> => ({
    ...exported,
    name,
    "database.hostname": "127.0.0.1",
    "database.port": pgPort,
    "database.user": pgUser,
    "database.password": pgPassword,
    "database.dbname": DB,
    "database.server.name": prefix,
    "database.history.kafka.bootstrap.servers": bootstrap,
    "database.history.kafka.topic": `${prefix}.history`,
    "slot.name": slot,
  });
  const beforeConfig = local(`${EXPORT_NAME}-before`, prefixBefore, slotBefore);
  const afterInput = local(`${EXPORT_NAME}-after`, prefixAfter, slotAfter);

  // 3. The rewrite, by the CLI, of an export holding the after-side connector.
  const exportFile = path.join(work, "export.json");
  const rewriteDir = path.join(work, "rewrite");
  fs.rmSync(rewriteDir, { recursive: true, force: true });
  fs.writeFileSync(
    exportFile,
    `${JSON.stringify({ [afterInput.name]: { info: { name: afterInput.name, config: afterInput, tasks: [], type: "source" } } }, null, 2)}\n`,
  );
  const cli = spawnSync(
    process.execPath,
    [path.join(REPO, "bin", "kafka-standards"), "connectors", exportFile, "--rewrite", rewriteDir],
    {
      encoding: "utf8",
      cwd: REPO,
    },
  );
  const rewriteFile = path.join(rewriteDir, `${afterInput.name}.json`);
  if (cli.status !== 0 || !fs.existsSync(rewriteFile)) {
    failLine(`kafka-standards connectors --rewrite wrote ${rewriteFile}: exit ${cli.status} ${cli.stderr.slice(-400)}`);
    return;
  }
  const afterConfig: Record<string, string> = JSON.parse(fs.readFileSync(rewriteFile, "utf8"));
  // The REST export hides nothing here, but a rewrite never carries a secret it did not receive.
  if (afterConfig["database.password"] === undefined) afterConfig["database.password"] = pgPassword;
  const removed = Object.keys(beforeConfig).filter((k) => !(k in afterConfig));
  const added = Object.keys(afterConfig).filter((k) => !(k in beforeConfig));
  log(`rewrite: removed ${removed.join(", ")}; added ${added.join(", ")}`);

  const topicBefore = `${prefixBefore}.public.items`;
  const topicAfter = `${prefixAfter}.public.items`;
  // One partition each (the broker creates no topic by itself): one order to compare.
  const topicsFile = path.join(work, "topics.json");
  fs.writeFileSync(
    topicsFile,
    JSON.stringify(
      [topicBefore, topicAfter].map((name) => ({ name, partitions: 1, replicationFactor: 3, config: {} })),
    ),
  );
  probe(["create-topics", "--bootstrap", bootstrap, "--file", topicsFile]);

  // 4. The standalone worker with Debezium 1.9 alone on its plugin.path.
  const sa = path.join(work, "standalone");
  fs.rmSync(sa, { recursive: true, force: true });
  fs.mkdirSync(path.join(sa, "home"), { recursive: true });
  fs.writeFileSync(
    path.join(sa, "worker.properties"),
    [
      `bootstrap.servers=${bootstrap}`,
      "key.converter=org.apache.kafka.connect.json.JsonConverter",
      "value.converter=org.apache.kafka.connect.json.JsonConverter",
      `offset.storage.file.filename=${path.join(sa, "offsets.dat")}`,
      "offset.flush.interval.ms=1000",
      `listeners=http://127.0.0.1:${restPort}`,
      `plugin.path=${plugins1}`,
      "",
    ].join("\n"),
  );
  fs.writeFileSync(path.join(sa, "connector.json"), JSON.stringify({ name: beforeConfig.name, config: beforeConfig }));
  const saUrl = `http://127.0.0.1:${restPort}`;
  const saLog = fs.openSync(path.join(sa, "worker.log"), "w");
  const worker = spawn(
    "timeout",
    [
      "-k",
      "5",
      String(maxS),
      "java",
      "-Xms128m",
      "-Xmx384m",
      "-XX:+UseSerialGC",
      "-Djava.awt.headless=true",
      `-Dlog4j.configuration=file:${path.join(__dirname, "config", "log4j-worker.properties")}`,
      `-Duser.home=${path.join(sa, "home")}`,
      "-cp",
      `${workerLib}/*`,
      "org.apache.kafka.connect.cli.ConnectStandalone",
      path.join(sa, "worker.properties"),
      path.join(sa, "connector.json"),
    ],
    { stdio: ["ignore", saLog, saLog], detached: true },
  );
  let workerAlive = true;
  worker.on("exit", () => (workerAlive = false));
  const stopWorker = async (): Promise<void> => {
    if (!workerAlive || worker.pid === undefined) return;
    process.kill(-worker.pid, "SIGTERM");
    for (let i = 0; i < 40 && workerAlive; i++) await sleep(250);
    if (workerAlive) process.kill(-worker.pid, "SIGKILL");
  };

  const figures: Record<string, unknown> = {
    exportConnector: EXPORT_NAME,
    before: { version: "", keys: removed, worker: "ConnectStandalone" },
    after: { version: "", keys: added, worker: "ConnectDistributed" },
  };
  try {
    // 5. Both connectors: the exported one on Debezium 1.9, the rewrite on the distributed worker.
    const put = await rest(connect, "PUT", `/connectors/${encodeURIComponent(afterConfig.name)}/config`, afterConfig);
    if (put.status >= 300)
      throw new Error(`PUT rewritten config: HTTP ${put.status} ${JSON.stringify(put.json).slice(0, 400)}`);
    await Promise.all([
      waitRunning(saUrl, beforeConfig.name, 90_000, () => workerAlive),
      waitRunning(connect, afterConfig.name, 60_000, () => true),
    ]);
    const pluginVersion = async (base: string): Promise<string> => {
      const r = await rest(base, "GET", "/connector-plugins?connectorsOnly=true");
      return (
        (r.json as { class: string; version: string }[]).find((p) => p.class === exported["connector.class"])
          ?.version ?? "?"
      );
    };
    (figures.before as any).version = await pluginVersion(saUrl);
    (figures.after as any).version = await pluginVersion(connect);
    log(
      `running: Debezium ${(figures.before as any).version} (standalone) and ${(figures.after as any).version} (distributed)`,
    );

    // 6. The snapshot on both sides first, then the same changes for both slots.
    const snap = await waitCount([topicBefore, topicAfter], SNAPSHOT_ROWS, 60_000);
    if (!snap.every((n) => n >= SNAPSHOT_ROWS))
      throw new Error(`snapshots incomplete: ${snap.join(" / ")} of ${SNAPSHOT_ROWS}`);
    const base = SNAPSHOT_ROWS;
    psql(
      DB,
      `INSERT INTO public.items SELECT g, 'item-' || g, g * 3, g * 1.25, g % 2 = 0, TIMESTAMP '2026-01-01 00:00:00' + g * INTERVAL '1 minute' FROM generate_series(${base + 1}, ${base + INSERTS}) g`,
    );
    for (let i = 1; i <= UPDATES; i++)
      psql(
        DB,
        `UPDATE public.items SET qty = qty + ${i}, price = price * 2, active = NOT active, name = name || '-v2' WHERE id = ${i * 2}`,
      );
    psql(DB, `DELETE FROM public.items WHERE id IN (SELECT id FROM public.items ORDER BY id DESC LIMIT ${DELETES})`);
    const got = await waitCount([topicBefore, topicAfter], EXPECTED, 60_000);

    // 7. Compare.
    const a = records(topicBefore, Math.min(got[0], EXPECTED));
    const b = records(topicAfter, Math.min(got[1], EXPECTED));
    const { differing, ops, sourceDiff, envelopeOnly } = compare(a, b);
    // Self-test: the comparison must see one changed column of one row image.
    const mutated = b.map((r, i) =>
      i === SNAPSHOT_ROWS && r.value
        ? { ...r, value: { ...r.value, after: { ...(r.value.after as object), qty: -1 } } }
        : r,
    );
    const selfTest = compare(a, mutated).differing.length;
    if (selfTest === 1)
      pass(`non-regression self-test: one changed column in record #${SNAPSHOT_ROWS} → 1 differing record`);
    else failLine(`non-regression self-test: one changed column in record #${SNAPSHOT_ROWS} → ${selfTest} differing`);
    Object.assign(figures, {
      rows: { snapshot: SNAPSHOT_ROWS, inserts: INSERTS, updates: UPDATES, deletes: DELETES },
      expected: EXPECTED,
      recordsBefore: a.length,
      recordsAfter: b.length,
      differing: differing.length,
      ops,
      ignoredSourceFields: { snapshot: [...sourceDiff.snapshot].sort(), streamed: [...sourceDiff.streamed].sort() },
      ignoredEnvelopeFields: [...envelopeOnly].sort(),
      seconds: Math.round((Date.now() - started) / 1000),
    });
    const opsText = Object.entries(ops)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ");
    const line =
      `Debezium PostgreSQL ${exported["connector.class"].split(".").pop()} as exported (1.x keys: ${removed.join(", ")}) on Debezium ${(figures.before as any).version} ` +
      `vs the \`kafka-standards connectors --rewrite\` config (${added.join(", ")}) on Debezium ${(figures.after as any).version}: ` +
      `${a.length} records before = ${b.length} records after, ${differing.length} differing (key, op, before/after row images; ${opsText}); ` +
      `ignored, differing by version or run: source.{${[...sourceDiff.streamed].sort().join(", ")}} on streamed changes ` +
      `(source.{${[...sourceDiff.snapshot].sort().join(", ")}} on snapshot reads), envelope ${[...envelopeOnly].sort().join(", ")}`;
    if (a.length === EXPECTED && b.length === EXPECTED && differing.length === 0) pass(line);
    else
      failLine(
        `${line} (expected ${EXPECTED} each)${differing.length ? `; first: ${differing.slice(0, 3).join(" | ")}` : ""}`,
      );
  } catch (e) {
    failLine(
      `modernization non-regression: ${e instanceof Error ? e.message : String(e)} (standalone log: ${path.join(sa, "worker.log")})`,
    );
  } finally {
    await rest(connect, "DELETE", `/connectors/${encodeURIComponent(afterConfig.name)}`).catch(() => undefined);
    await stopWorker();
    fs.closeSync(saLog);
    // The slots would hold WAL for as long as the server lives.
    for (const slot of [slotBefore, slotAfter]) {
      for (let i = 0; i < 20; i++) {
        try {
          psql(DB, `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '${slot}'`);
          break;
        } catch {
          await sleep(500); // still active for a moment after the connector stopped
        }
      }
    }
    fs.writeFileSync(outFile, `${JSON.stringify(figures, null, 2)}\n`);
  }
}

main()
  .then(() => process.exit(failed ? 1 : 0))
  .catch((e) => {
    process.stdout.write(`FAIL modernization non-regression: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
