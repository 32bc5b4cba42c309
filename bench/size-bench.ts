/**
 * Response time of `kafka-standards size`: wall time of fresh processes answering the 10K and 1M
 * cases (with and without the 10K → 1M plan), as installed (compiled JavaScript, what `npm install`
 * users run) and from a source checkout (`bin/kafka-standards` through ts-node), plus the model's own
 * time in-process. Median of several runs each; the target is under 1 s.
 *
 *   npm run bench:size [-- --runs 7] [-- --json .bench/size-cli.json]
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { planScale } from "../lib/sizing/plan";
import { sizeWorkload } from "../lib/sizing/size";

const ROOT = path.resolve(__dirname, "..");
const WORK = path.join(ROOT, ".bench", "size");
const DIST = path.join(WORK, "dist");

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** One measured case. */
export interface SizeBenchCase {
  readonly name: string;
  readonly args: readonly string[];
  /** Median wall time of a fresh compiled-CLI process, ms. */
  readonly compiledMs: number;
  /** Median wall time of `bin/kafka-standards` from the sources (ts-node), ms. */
  readonly sourceMs: number;
}

/** What the benchmark measured. */
export interface SizeBenchResult {
  readonly date: string;
  readonly runs: number;
  readonly cases: readonly SizeBenchCase[];
  /** The model alone, in-process: sizeWorkload at 1M plus planScale 10K → 1M, ms. */
  readonly modelMs: number;
  readonly node: string;
  readonly cpu: string;
}

const CASES: readonly { name: string; args: string[] }[] = [
  { name: "10K/s × 1 KiB", args: ["size", "--rate", "10K", "--size", "1KiB", "--retention", "7d"] },
  { name: "1M/s × 1 KiB", args: ["size", "--rate", "1M", "--size", "1KiB", "--retention", "7d"] },
  {
    name: "1M/s × 1 KiB, plan from 10K, Markdown with charts",
    args: ["size", "--rate", "1M", "--size", "1KiB", "--retention", "7d", "--plan-from", "10K", "--markdown"],
  },
];

function timeProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: ROOT, env, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Compiles the library into .bench/size/dist and writes a runner for the compiled CLI. */
function buildCompiled(): string {
  fs.rmSync(DIST, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", DIST],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  const runner = path.join(WORK, "cli.js");
  fs.writeFileSync(
    runner,
    `require(${JSON.stringify(path.join(DIST, "lib", "cli", "main.js"))}).runCli(process.argv.slice(2)).then((c) => { process.exitCode = c; });\n`,
  );
  return runner;
}

/** Runs the benchmark. */
export function runSizeBench(runs: number): SizeBenchResult {
  fs.mkdirSync(WORK, { recursive: true });
  if (fs.existsSync(path.join(ROOT, "dist"))) {
    throw new Error("dist/ exists: bin/kafka-standards would run it instead of the sources; remove it first");
  }
  const runner = buildCompiled();
  try {
    return measure(runner, runs);
  } finally {
    // The compiled copy would otherwise be linted and picked up by tools scanning the tree.
    fs.rmSync(DIST, { recursive: true, force: true });
  }
}

function measure(runner: string, runs: number): SizeBenchResult {
  const bin = path.join(ROOT, "bin", "kafka-standards");
  const cases: SizeBenchCase[] = [];
  for (const c of CASES) {
    timeProcess(process.execPath, [runner, ...c.args]); // warm the file cache
    timeProcess(bin, c.args);
    const compiled: number[] = [];
    const source: number[] = [];
    for (let i = 0; i < runs; i++) {
      compiled.push(timeProcess(process.execPath, [runner, ...c.args]));
      source.push(timeProcess(bin, c.args));
    }
    cases.push({ name: c.name, args: c.args, compiledMs: median(compiled), sourceMs: median(source) });
  }
  const model: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = process.hrtime.bigint();
    const w = { messagesPerSecond: 1_000_000, averageMessageBytes: 1024 };
    sizeWorkload(w);
    planScale(w, 10_000);
    model.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const cpu = fs.existsSync("/proc/cpuinfo")
    ? (/model name\s*:\s*(.*)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown")
    : "unknown";
  return {
    date: new Date().toISOString().slice(0, 10),
    runs,
    cases,
    modelMs: median(model.slice(5)),
    node: process.version,
    cpu,
  };
}

/** The result as a Markdown table. */
export function sizeBenchTable(r: SizeBenchResult): string {
  const lines = [
    "| Case | Installed (compiled), median ms | Source checkout (ts-node), median ms |",
    "| --- | --- | --- |",
    ...r.cases.map(
      (c) => `| \`kafka-standards ${c.args.join(" ")}\` | ${Math.round(c.compiledMs)} | ${Math.round(c.sourceMs)} |`,
    ),
  ];
  return lines.join("\n");
}

if (require.main === module) {
  const runs = Number(arg("--runs") ?? 7);
  const result = runSizeBench(runs);
  process.stdout.write(
    `${sizeBenchTable(result)}\n\nModel alone (size 1M + plan 10K → 1M, in-process): ${result.modelMs.toFixed(1)} ms\n`,
  );
  const out = arg("--json") ?? path.join(WORK, "size-cli.json");
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
  const slow = result.cases.filter((c) => c.compiledMs >= 1000);
  if (slow.length > 0) {
    process.stderr.write(`over 1 s when installed: ${slow.map((c) => c.name).join(", ")}\n`);
    process.exitCode = 1;
  }
}
