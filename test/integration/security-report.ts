/**
 * Compares the access matrix's actual outcomes with the expected ones, asserts the quota figures and
 * writes docs/SECURITY-PROOF.md (security.sh, step 8).
 *
 *   ts-node --transpile-only test/integration/security-report.ts --plan PLAN.json --out-dir DIR
 *           --doc FILE --kafka VERSION --librdkafka VERSION
 *
 * DIR is security.sh's work directory: results/<example>.<app>.<java|librdkafka>.jsonl (one line
 * per cell), results/quota-over.json and quota-under.json, apply.txt, transport-*.txt, continuity.txt.
 * Prints one PASS/FAIL line per application and client library, per quota, and for the matrix as a
 * whole; a cell whose outcome differs from the expected one (or has none) is a mismatch.
 */
import * as fs from "fs";
import * as path from "path";
import type { Cell, ExamplePlan, Selections } from "./security-plan";

type Lib = "java" | "librdkafka";
const LIBS: readonly Lib[] = ["java", "librdkafka"];
const LIB_NAME: Record<Lib, string> = { java: "Java client", librdkafka: "librdkafka" };

interface Result {
  readonly id: string;
  readonly lib: Lib;
  readonly outcome: "allowed" | "denied" | "error";
  readonly detail: string;
}

interface QuotaResult {
  readonly perSecondBytes: number[];
  readonly topic: string;
  readonly targetRate: number;
  readonly transactional: boolean;
  readonly acked: number;
  readonly failed: number;
  readonly windowS: number;
  readonly windowRate: number;
  readonly throttleMaxMs: number;
  readonly throttleAvgMs: number;
}

const OPERATION_TEXT: Record<string, string> = {
  produce: "produce",
  "idempotent-produce": "idempotent produce",
  "transactional-produce-granted-id": "transactional produce, id in its prefix",
  "transactional-produce-other-id": "transactional produce, id outside its prefix",
  "consume-own-group": "consume with its group",
  "consume-other-group": "consume with another group",
  describe: "describe topic",
  create: "create topic",
  delete: "delete topic",
  "alter-configs": "alter topic configs",
  "describe-group": "describe group",
  "delete-group": "delete group",
};

/** Relative tolerance of the throttled rate against the quota. */
export const QUOTA_TOLERANCE = 0.2;

function arg(argv: string[], name: string): string {
  const i = argv.indexOf(`--${name}`);
  if (i < 0 || i + 1 >= argv.length) throw new Error(`missing --${name}`);
  return argv[i + 1];
}

function readResults(dir: string, example: string, app: string, lib: Lib): Map<string, Result> {
  const file = path.join(dir, "results", `${example}.${app}.${lib}.jsonl`);
  const out = new Map<string, Result>();
  if (!fs.existsSync(file)) return out;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const r = JSON.parse(line) as Result;
    out.set(r.id, r);
  }
  return out;
}

/** The short reason shown in a cell: the exception class or librdkafka error name. */
function shortDetail(r: Result | undefined): string {
  if (r === undefined) return "no result";
  if (r.outcome === "allowed") return "allowed";
  const name = /^([A-Za-z_]+(?:Exception)?):/.exec(r.detail)?.[1] ?? r.detail.slice(0, 60);
  return `${r.outcome} (${name})`;
}

function mib(bytesPerSecond: number): string {
  return `${(bytesPerSecond / 1048576).toFixed(2)} MiB/s`;
}

function passFailLines(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("PASS ") || l.startsWith("FAIL "));
}

function mark(ok: boolean): string {
  return ok ? "✓" : "✗";
}

export function main(argv: string[]): number {
  const plan = JSON.parse(fs.readFileSync(arg(argv, "plan"), "utf8")) as {
    examples: ExamplePlan[];
    selections: Selections;
  };
  const dir = arg(argv, "out-dir");
  const lines: string[] = [];
  const say = (l: string): void => {
    console.log(l);
  };
  let ok = true;
  let cellsTotal = 0;
  let mismatchesTotal = 0;
  const matrixSections: string[] = [];

  for (const e of plan.examples) {
    const section: string[] = [
      `### ${e.name} (cluster \`${e.cluster}\`)`,
      "",
      `Topics: ${e.topics.map((t) => `\`${t.name}\``).join(", ")}. Groups: ${e.groups.map((g) => `\`${g}\``).join(", ")}.`,
      ...(e.skipped.length > 0
        ? ["", `Not in the matrix: ${e.skipped.map((s) => `\`${s.name}\` (${s.why})`).join("; ")}.`]
        : []),
    ];
    for (const app of e.applications) {
      const cells = e.cells.filter((c) => c.app === app.name);
      const results: Record<Lib, Map<string, Result>> = {
        java: readResults(dir, e.name, app.name, "java"),
        librdkafka: readResults(dir, e.name, app.name, "librdkafka"),
      };
      const grants = [
        app.grants.produces.length > 0 ? `produces ${app.grants.produces.map((t) => `\`${t}\``).join(", ")}` : "",
        app.grants.consumes.length > 0
          ? `consumes ${app.grants.consumes.map((c) => `\`${c.topic}\` (group \`${c.group}\`)`).join(", ")}`
          : "",
        app.grants.transactionalPrefix !== null ? `transactional ids \`${app.grants.transactionalPrefix}*\`` : "",
      ].filter((x) => x !== "");
      section.push(
        "",
        `#### ${app.name}: \`${app.principal}\` (${app.auth === "msk-scram" ? "SASL/SCRAM-SHA-512" : "mutual TLS"})`,
        "",
        `Granted: ${grants.join("; ") || "nothing"}.`,
        "",
        "| Resource | Operation | Expected | Java client | librdkafka | |",
        "| --- | --- | --- | --- | --- | --- |",
      );
      for (const lib of LIBS) {
        const mismatches: string[] = [];
        let allowed = 0;
        for (const c of cells) {
          const r = results[lib].get(c.id);
          if (r?.outcome === c.expected) {
            if (c.expected === "allowed") allowed++;
          } else {
            mismatches.push(
              `${c.operation} ${c.resource}: expected ${c.expected}, ${r ? `${r.outcome} (${r.detail})` : "no result"}`,
            );
          }
        }
        cellsTotal += cells.length;
        mismatchesTotal += mismatches.length;
        const name = `access matrix ${e.name}/${app.name} (${app.principal}), ${LIB_NAME[lib]}`;
        if (mismatches.length === 0) {
          say(
            `PASS ${name}: ${cells.length} cells as granted (${allowed} allowed, ${cells.length - allowed} denied with an authorization error)`,
          );
        } else {
          ok = false;
          say(
            `FAIL ${name}: ${mismatches.length} of ${cells.length} cells differ: ${mismatches.slice(0, 6).join("; ")}`,
          );
        }
      }
      for (const c of cells) section.push(matrixRow(c, results));
    }
    matrixSections.push(section.join("\n"));
  }
  if (mismatchesTotal === 0 && cellsTotal > 0) {
    say(`PASS access matrix: ${cellsTotal} cells (application x operation x resource x client), 0 mismatches`);
  } else {
    ok = false;
    say(`FAIL access matrix: ${mismatchesTotal} of ${cellsTotal} cells differ from the grants`);
  }

  // Quotas.
  const quotaRows: string[] = [];
  const quotaNotes: string[] = [];
  const quotaSentences: string[] = [];
  const quotaCases: { label: "over" | "under"; index: number; factor: number }[] = [
    { label: "over", index: 0, factor: 1.5 },
    { label: "under", index: 1, factor: 0.5 },
  ];
  for (const q of quotaCases) {
    const sel = plan.selections.quotas[q.index];
    const file = path.join(dir, "results", `quota-${q.label}.json`);
    if (sel === undefined) {
      ok = false;
      say(
        `FAIL quota (${q.label}): the examples declare a producer_byte_rate quota for ${q.index + 1} producing applications`,
      );
      continue;
    }
    const who = `${sel.example}/${sel.app}`;
    if (!fs.existsSync(file)) {
      ok = false;
      say(`FAIL quota (${q.label}) ${who}: no measurement (${file})`);
      continue;
    }
    const r = JSON.parse(fs.readFileSync(file, "utf8")) as QuotaResult;
    const quota = sel.producerByteRate;
    const deviation = (r.windowRate - quota) / quota;
    let pass: boolean;
    let text: string;
    if (q.label === "over") {
      pass = r.failed === 0 && r.throttleMaxMs > 0 && Math.abs(deviation) <= QUOTA_TOLERANCE;
      text =
        `${who} offered ${mib(r.targetRate)} (1.5 x its producer_byte_rate of ${mib(quota)}) is throttled: ` +
        `throttle time max ${r.throttleMaxMs} ms, mean ${r.throttleAvgMs} ms; ${mib(r.windowRate)} over ${r.windowS} s, ` +
        `${(deviation * 100).toFixed(1)} % from the quota (allowed ±${QUOTA_TOLERANCE * 100} %)`;
    } else {
      const kept = r.windowRate / r.targetRate;
      // Not throttled at all; and it did produce (at least half the offered rate, a quarter of its quota).
      pass = r.failed === 0 && r.throttleMaxMs === 0 && kept >= 0.5;
      text =
        `${who} at ${mib(r.targetRate)} (half its producer_byte_rate of ${mib(quota)}) is not throttled: ` +
        `throttle time max ${r.throttleMaxMs} ms; ${mib(r.windowRate)} over ${r.windowS} s (${(kept * 100).toFixed(0)} % of the offered rate)`;
    }
    ok &&= pass;
    say(`${pass ? "PASS" : "FAIL"} quota: ${text}${r.failed > 0 ? `; ${r.failed} sends failed` : ""}`);
    quotaSentences.push(`Quota ${q.label === "over" ? "exceeded" : "respected"}: ${text}.`);
    quotaRows.push(
      `| ${who} | ${q.label === "over" ? "over" : "under"} | ${mib(quota)} | ${mib(r.targetRate)} | ${mib(r.windowRate)} | ` +
        `${(deviation * 100).toFixed(1)} % | ${r.throttleMaxMs} / ${r.throttleAvgMs} ms | ${mark(pass)} |`,
    );
    quotaNotes.push(
      `${who} (${q.label}), bytes acknowledged per second: ${r.perSecondBytes.map((b) => (b / 1048576).toFixed(1)).join(" ")} MiB`,
    );
  }

  // Continuity.
  const continuityFile = path.join(dir, "continuity.txt");
  const continuity = fs.existsSync(continuityFile) ? fs.readFileSync(continuityFile, "utf8").trim().split("\n") : [];
  const continuityCounts = continuity.find((l) => l.includes("acknowledged=")) ?? "no counts";

  const doc: string[] = [
    "# Least privilege, proven on real brokers",
    "",
    `Generated by \`npm run test:integration\` (\`test/integration/security.sh\`) on ${new Date().toISOString().slice(0, 10)}: ` +
      `Apache Kafka ${arg(argv, "kafka")}, three KRaft brokers, Java client ${arg(argv, "kafka")}, librdkafka ${arg(argv, "librdkafka")}. ` +
      "Do not edit; run the suite again.",
    "",
    "The brokers listen on TLS only: SASL_SSL with SCRAM-SHA-512 and SSL with client certificates required " +
      "(mutual TLS), a CA and broker certificate generated for the run, `StandardAuthorizer` with the broker " +
      "baseline's `allow.everyone.if.no.acl.found=false`, one super user for the test's admin client. The " +
      "data plane the library synthesized for the SCRAM and mutual-TLS examples is applied with the Admin API " +
      "calls the Mongey/kafka provider makes (mapping in `test/integration/README.md`). Every application then " +
      "connects with the client files the library rendered for it, Java and librdkafka, its secrets taken from " +
      "the environment as in production: only the bootstrap servers (`KAFKA_BOOTSTRAP_SERVERS`) point at the " +
      "local brokers, the keystore or certificate variables at files issued by the test CA, and the test CA is " +
      "added as trust (`ssl.truststore.type`/`ssl.truststore.location` for Java, `ssl.ca.location` for librdkafka).",
    "",
    "Expected outcomes come from the grants as the synthesis renders them (the client files' topics, groups " +
      "and transactional-id prefix), not from the ACLs: a missing, extra or mistyped ACL shows up as a mismatch. " +
      "An operation counts as denied only when the broker answers with an authorization error.",
    "",
    "## Summary",
    "",
    `- Access matrix: **${cellsTotal} cells, ${mismatchesTotal} mismatches** ` +
      `(${plan.examples.reduce((n, e) => n + e.applications.length, 0)} applications x operations x resources x 2 client libraries).`,
    ...(quotaRows.length > 0 ? [`- Quotas: ${quotaRows.length} measurements, see below.`] : []),
    `- Continuity over SASL_SSL: ${continuityCounts}.`,
    "",
    "## Transport",
    "",
    "| Check | |",
    "| --- | --- |",
    ...[
      ...passFailLines(path.join(dir, "transport-java.txt")),
      ...passFailLines(path.join(dir, "transport-librdkafka.txt")),
    ].map((l) => `| ${l.slice(5).replace(/\|/g, "\\|")} | ${mark(l.startsWith("PASS"))} |`),
    "",
    "## Data plane applied",
    "",
    ...passFailLines(path.join(dir, "apply.txt")).map((l) => `- ${mark(l.startsWith("PASS"))} ${l.slice(5)}`),
    "",
    "## Access matrix",
    "",
    "Cells show the outcome and, for a denial, the error the client reported (Java exception, librdkafka error " +
      "code). Create topic and alter configs are sent validate-only.",
    "",
    ...matrixSections.flatMap((s) => [s, ""]),
    "## Quotas",
    "",
    "Kafka enforces `producer_byte_rate` per broker, so each producer writes to one partition; values are random " +
      "bytes of 1 KiB (no compression gain). Rates are acknowledged bytes over the measuring window, after a " +
      "warm-up; throttle times are the producer's own `produce-throttle-time-max`/`-avg` metrics, i.e. what the " +
      "brokers returned. Beyond the rendered file only `batch.size` (64 KiB) and `linger.ms` (5) are set, so " +
      "that one partition can outrun the quota on a small host, and `transactional.id` is dropped: a quota binds " +
      "the principal, and commit pauses would blur the rate.",
    "",
    "| Producer | Case | Quota | Offered | Measured | vs quota | Throttle max / mean | |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...quotaRows,
    "",
    ...quotaNotes.map((n) => `- ${n}`),
    "",
    "## Continuity under authentication",
    "",
    "The broker-crash continuity check (`test/integration/continuity.sh`), over SASL_SSL as two applications of " +
      "the example with the DURABILITY profile (their rendered files): the leader of partition 0 is killed and " +
      "restarted under a steady load; every acknowledged record must be consumed, once, at its offset.",
    "",
    "```",
    ...continuity,
    "```",
    "",
    "## Closing note",
    "",
    `The matrix has ${cellsTotal} cells and ${mismatchesTotal} mismatches. ${quotaSentences.join(" ")} ` +
      `Continuity over SASL_SSL: ${continuityCounts}.`,
    "",
  ];
  fs.mkdirSync(path.dirname(arg(argv, "doc")), { recursive: true });
  fs.writeFileSync(arg(argv, "doc"), doc.join("\n"));
  lines.push(`wrote ${arg(argv, "doc")}`);
  console.log(`INFO ${lines.join("; ")}`);
  return ok ? 0 : 1;
}

function matrixRow(c: Cell, results: Record<Lib, Map<string, Result>>): string {
  const r = { java: results.java.get(c.id), librdkafka: results.librdkafka.get(c.id) };
  const both = LIBS.every((l) => r[l]?.outcome === c.expected);
  const extra =
    c.group !== undefined
      ? ` (\`${c.group}\`)`
      : c.transactionalId !== undefined
        ? ` (\`${c.transactionalId.replace("{lib}", "<client>")}\`)`
        : "";
  return (
    `| ${c.kind} \`${c.resource}\` | ${OPERATION_TEXT[c.operation] ?? c.operation}${extra} | ${c.expected} | ` +
    `${shortDetail(r.java)} | ${shortDetail(r.librdkafka)} | ${mark(both)} |`
  );
}

if (require.main === module) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (e) {
    console.log(`FAIL security report: ${(e as Error).message}`);
    process.exit(1);
  }
}
