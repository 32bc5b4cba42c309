/**
 * The modernization rewrite checked by the real target plugin: the Debezium 1.x PostgreSQL
 * connector of the sample Connect export (test/fixtures/connect/connect-export.json), pointed at the
 * local PostgreSQL, is validated on the worker's Debezium PostgreSQL plugin as exported (old keys)
 * and as `kafka-standards connectors --rewrite` writes it (new keys):
 *
 *   ts-node --transpile-only test/integration/connect/validate-modernization.ts --connect URL
 *     --pg-port PORT --pg-user USER --pg-password PASSWORD
 *
 * PASS when the rewritten configuration has 0 errors, while the exported one is flagged (the
 * required `topic.prefix` is missing) and its old keys are keys the plugin does not define (it would
 * ignore them). Exit 1 otherwise.
 */
import * as fs from "fs";
import * as path from "path";
import { rewriteConnectorConfig } from "../../../lib/connect/connector-modernization";

function arg(name: string): string {
  const i = process.argv.indexOf(name);
  if (i < 0 || !process.argv[i + 1]) {
    process.stderr.write(`missing ${name}\n`);
    process.exit(2);
  }
  return process.argv[i + 1];
}

interface ConfigInfo {
  readonly definition: { readonly name: string };
  readonly value: { readonly name: string; readonly errors: readonly string[] };
}

const PLUGIN = "io.debezium.connector.postgresql.PostgresConnector";

async function validate(connect: string, config: Record<string, string>) {
  const res = await fetch(`${connect}/connector-plugins/${encodeURIComponent(PLUGIN)}/config/validate`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(config),
    signal: AbortSignal.timeout(120_000),
  });
  const json = (await res.json()) as { error_count: number; configs: ConfigInfo[] };
  const errors = json.configs
    .filter((c) => c.value.errors.length > 0)
    .map((c) => `${c.value.name}: ${c.value.errors.join("; ")}`);
  return { errorCount: json.error_count, errors, defined: new Set(json.configs.map((c) => c.definition.name)) };
}

async function main(): Promise<void> {
  const connect = arg("--connect");
  const exported = JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "connect", "connect-export.json"), "utf8"),
  );
  const old: Record<string, string> = { ...exported["inventory-cdc"].info.config };
  // The export's database, replaced by the local stand-in (the same for both calls).
  Object.assign(old, {
    "database.hostname": "127.0.0.1",
    "database.port": arg("--pg-port"),
    "database.user": arg("--pg-user"),
    "database.password": arg("--pg-password"),
    "database.dbname": "it_db2",
  });
  const rewrite = rewriteConnectorConfig(old["connector.class"], old);
  const before = await validate(connect, old);
  const after = await validate(connect, { ...rewrite.config });
  const oldKeys = Object.keys(old).filter((k) => k === "database.server.name" || k.startsWith("database.history"));
  const ignored = oldKeys.filter((k) => !before.defined.has(k));
  const flagged = before.errors.some((e) => e.startsWith("topic.prefix:"));
  const ok = after.errorCount === 0 && flagged && ignored.length === oldKeys.length && oldKeys.length > 0;
  const line =
    `Debezium PostgreSQL rewrite (${rewrite.applied.length} key(s): ${rewrite.applied.join(", ")}): ` +
    `rewritten config ${after.errorCount} error(s)${after.errors.length ? ` [${after.errors.join(" | ")}]` : ""}; ` +
    `exported config ${before.errorCount} error(s) [${before.errors.join(" | ")}], ` +
    `old keys not defined by the plugin: ${ignored.join(", ")}`;
  process.stdout.write(`${ok ? "PASS" : "FAIL"} ${line}\n`);
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  process.stdout.write(`FAIL modernization validation: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
