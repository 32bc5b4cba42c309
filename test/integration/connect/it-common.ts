/**
 * Helpers the Connect integration scripts share: command-line arguments, PostgreSQL through `psql`,
 * the Java pipeline probe, and the Connect REST API.
 */
import { spawnSync } from "child_process";

/** The value after `--name` on the command line, else the fallback; exits 2 when neither is there. */
export function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) {
    process.stderr.write(`missing ${name}\n`);
    process.exit(2);
  }
  return v;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs SQL through `psql` on the loopback server and returns its unaligned output. */
export function psqlRunner(conn: {
  port: string;
  user: string;
  password: string;
}): (db: string, sql: string) => string {
  return (db, sql) => {
    const r = spawnSync(
      "psql",
      [
        "-X",
        "-q",
        "-At",
        "-v",
        "ON_ERROR_STOP=1",
        "-h",
        "127.0.0.1",
        "-p",
        conn.port,
        "-U",
        conn.user,
        "-d",
        db,
        "-c",
        sql,
      ],
      { env: { ...process.env, PGPASSWORD: conn.password }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    if (r.status !== 0) throw new Error(`psql ${db}: ${r.stderr.trim()} (SQL: ${sql.slice(0, 200)})`);
    return r.stdout.trim();
  };
}

/** Runs the Java pipeline probe (`kafkastandards.it.connect.PipelineProbe`) and returns its output. */
export function probeRunner(javaCp: string): (args: string[], timeoutMs?: number) => string {
  return (args, timeoutMs = 120_000) => {
    const r = spawnSync(
      "java",
      ["-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-cp", javaCp, "kafkastandards.it.connect.PipelineProbe", ...args],
      { encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
    );
    if (r.status !== 0) throw new Error(`PipelineProbe ${args[0]}: exit ${r.status}: ${(r.stderr || "").slice(-600)}`);
    return r.stdout;
  };
}

/** One Connect REST call: the status, and the body as JSON (as text when it is not JSON). */
export async function connectRest(
  base: string,
  method: string,
  p: string,
  body?: unknown,
  timeoutMs = 120_000,
): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    /* plain text */
  }
  return { status: res.status, json };
}
