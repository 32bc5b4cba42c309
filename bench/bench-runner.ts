/**
 * What both synth benchmarks share (`npm run bench`, `npm run bench:scale`): compiling to JavaScript,
 * synthesizing a workload once with the library, generating the equivalent plain-L1 program,
 * checking that it writes the same documents, and timing alternating runs in fresh processes.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compareDocuments, Difference, Json, summarizeDifferences } from "./doc-equality";
import { generateL1App, StackInput } from "./l1-codegen";
import { summarize, Summary } from "./stats";

/** The repository root. */
export const ROOT = path.resolve(__dirname, "..");

/** One timed process. */
export interface Sample {
  readonly ms: number;
  /** CPU time of the process (user + system), ms: less sensitive than wall time to other work on the host. */
  readonly cpuMs: number;
  readonly maxRssMiB: number;
  readonly loadMs: number;
  /** The host's 1-minute load average just before the run. */
  readonly load1: number;
}

/** The three ways a workload is synthesized. */
export type Mode = "library" | "library-verify-only" | "l1";

/** Where a benchmark keeps its files. */
export interface BenchDirs {
  /** Work folder (`.bench`). */
  readonly work: string;
  /** Compiled JavaScript of lib, examples and bench. */
  readonly js: string;
}

/** Compiles the library, examples and benchmarks to JavaScript, so that both sides run compiled code. */
export function compile(work: string): BenchDirs {
  const js = path.join(work, "js");
  fs.rmSync(js, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      require.resolve("typescript/bin/tsc"),
      "-p",
      "tsconfig.bench.json",
      "--outDir",
      js,
      "--noEmit",
      "false",
      "--declaration",
      "false",
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
  return { work, js };
}

/**
 * Flushes the file system's pending writes (`sync`), so that the write-back of the previous run's
 * files and of the folder just deleted does not fall into the next timed run, on either side.
 */
export function settleDisk(): void {
  try {
    execFileSync("sync", [], { stdio: "ignore", timeout: 60_000 });
  } catch {
    // No `sync` on this host: the runs are still alternated, only noisier.
  }
}

/**
 * Microseconds to create one empty file in a new folder next to `outdir` (median of three tries of
 * `files` creations, the probe removed again). Every-artifact runs create hundreds of files, so this
 * latency of the disk under the output folder, which on a virtual disk can differ tenfold between two
 * folders of the same file system, is reported next to the times.
 */
export function fileCreateMicros(outdir: string, files = 200): number {
  const tries: number[] = [];
  for (let t = 0; t < 3; t++) {
    const probe = `${outdir}-create-probe`;
    fs.rmSync(probe, { recursive: true, force: true });
    settleDisk();
    fs.mkdirSync(probe, { recursive: true });
    const start = process.hrtime.bigint();
    for (let i = 0; i < files; i++) fs.closeSync(fs.openSync(path.join(probe, `f${i}`), "w"));
    tries.push(Number(process.hrtime.bigint() - start) / 1e3 / files);
    fs.rmSync(probe, { recursive: true, force: true });
  }
  return summarize(tries).median;
}

/** Runs one child process (fresh Node, compiled JS) after clearing its output folder and settling the disk. */
export function runChild(dirs: BenchDirs, mode: Mode, outdir: string, workload: string, program?: string): Sample {
  fs.rmSync(outdir, { recursive: true, force: true });
  settleDisk();
  const load1 = os.loadavg()[0];
  const args = [path.join(dirs.js, "bench", "synth-child.js"), mode, outdir, workload, ...(program ? [program] : [])];
  const out = execFileSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60 * 60 * 1000,
  });
  const last = out.trim().split("\n").pop()!;
  return { ...(JSON.parse(last) as Omit<Sample, "load1">), load1 };
}

/** Every stack an app wrote: name and document. */
export function readStacks(outdir: string): StackInput[] {
  const dir = path.join(outdir, "stacks");
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => ({ name, doc: JSON.parse(fs.readFileSync(path.join(dir, name, "cdk.tf.json"), "utf8")) }));
}

/** Resources in a set of documents. */
export function countResources(stacks: readonly StackInput[]): number {
  return stacks.reduce(
    (n, s) => n + Object.values(s.doc.resource ?? {}).reduce((m, r) => m + Object.keys(r).length, 0),
    0,
  );
}

/** The equality verdict of one stack. */
export interface StackEquality {
  readonly stack: string;
  readonly differences: number;
  /** Differences grouped by path shape, most frequent first. */
  readonly summary: readonly { pattern: string; count: number }[];
  /** The first few differences, for the log. */
  readonly examples: readonly Difference[];
}

/** Compares every stack of two synth outputs (a stack missing on one side is a difference). */
export function compareOutputs(expected: readonly StackInput[], actual: readonly StackInput[]): StackEquality[] {
  const a = new Map(actual.map((s) => [s.name, s.doc]));
  const e = new Map(expected.map((s) => [s.name, s.doc]));
  const names = [...new Set([...e.keys(), ...a.keys()])].sort();
  return names.map((stack) => {
    const differences =
      e.has(stack) && a.has(stack)
        ? compareDocuments(e.get(stack) as Json, a.get(stack) as Json)
        : [{ path: "(stack)", expected: e.has(stack) ? stack : undefined, actual: a.has(stack) ? stack : undefined }];
    return {
      stack,
      differences: differences.length,
      summary: summarizeDifferences(differences),
      examples: differences.slice(0, 5),
    };
  });
}

/** A workload ready to time: its reference output, its L1 program and the equality verdicts. */
export interface PreparedWorkload {
  readonly workload: string;
  readonly stacks: number;
  readonly resources: number;
  /** Files the library writes besides `cdk.tf.json` and the manifest (every artifact). */
  readonly artifactFiles: number;
  readonly program: string;
  readonly programBytes: number;
  readonly equality: readonly StackEquality[];
  /** True when every stack is equal. */
  readonly equal: boolean;
  /** True when the verify-only run wrote the same `cdk.tf.json` files as the every-artifact run. */
  readonly verifyOnlySameDocuments: boolean;
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
}

/** Options of {@link prepareWorkload}. */
export interface PrepareOptions {
  /** Blocks per generated function. */
  readonly chunkSize?: number;
  /** Stacks to generate the program from (the first copy's, when the workload repeats stacks). */
  readonly programStacks?: (stacks: readonly StackInput[]) => readonly StackInput[];
  readonly log: (line: string) => void;
}

/**
 * Synthesizes a workload with the library (every artifact, then verify-only), generates its L1
 * program, synthesizes that once and compares every stack. The runs double as warm-up.
 */
export function prepareWorkload(dirs: BenchDirs, workload: string, options: PrepareOptions): PreparedWorkload {
  const dir = path.join(dirs.work, workload.replace(/[^A-Za-z0-9]+/g, "-"));
  fs.mkdirSync(dir, { recursive: true });
  const refOut = path.join(dir, "reference");
  runChild(dirs, "library", refOut, workload);
  const reference = readStacks(refOut);
  const voOut = path.join(dir, "verify-only-check");
  runChild(dirs, "library-verify-only", voOut, workload);
  const verifyOnly = readStacks(voOut);
  const verifyOnlySameDocuments =
    verifyOnly.length === reference.length &&
    verifyOnly.every(
      (s, i) => s.name === reference[i].name && JSON.stringify(s.doc) === JSON.stringify(reference[i].doc),
    );
  const files = countFiles(refOut) - countFiles(voOut);

  const program = path.join(dir, "l1-program.js");
  const source = generateL1App(options.programStacks ? options.programStacks(reference) : reference, {
    providerRoot: path
      .relative(dir, path.join(dirs.js, "lib", "providers"))
      .split(path.sep)
      .join("/"),
    resolveModule: (p) => require.resolve(p.startsWith(".") ? path.resolve(dir, p) : p, { paths: [ROOT] }),
    chunkSize: options.chunkSize,
  });
  fs.writeFileSync(program, source);
  const l1Out = path.join(dir, "l1-check");
  runChild(dirs, "l1", l1Out, workload, program);
  const equality = compareOutputs(reference, readStacks(l1Out));
  const equal = equality.every((e) => e.differences === 0);
  for (const e of equality) {
    options.log(
      `  ${e.differences === 0 ? "equal    " : "DIFFERENT"} ${e.stack}${e.differences ? ` (${e.differences})` : ""}`,
    );
    for (const s of e.summary.slice(0, 10)) options.log(`      ${s.count} × ${s.pattern}`);
  }
  return {
    workload,
    stacks: reference.length,
    resources: countResources(reference),
    artifactFiles: files,
    program,
    programBytes: source.length,
    equality,
    equal,
    verifyOnlySameDocuments,
  };
}

/** Samples of one workload, per mode. */
export interface Timings {
  readonly library: Sample[];
  readonly verifyOnly: Sample[];
  readonly l1: Sample[];
}

/**
 * Times `runs` rounds of library (every artifact), L1, library (verify-only), L1: strictly
 * alternating library and L1 processes, so that drift on the host reaches both sides alike.
 */
export function timeWorkload(
  dirs: BenchDirs,
  prepared: PreparedWorkload,
  runs: number,
  log: (line: string) => void,
): Timings {
  const dir = path.dirname(prepared.program);
  const t: Timings = { library: [], verifyOnly: [], l1: [] };
  const out = path.join(dir, "out");
  for (let r = 0; r < runs; r++) {
    t.library.push(runChild(dirs, "library", out, prepared.workload));
    t.l1.push(runChild(dirs, "l1", out, prepared.workload, prepared.program));
    t.verifyOnly.push(runChild(dirs, "library-verify-only", out, prepared.workload));
    t.l1.push(runChild(dirs, "l1", out, prepared.workload, prepared.program));
    const last = (xs: Sample[]): string => xs[xs.length - 1].ms.toFixed(0);
    log(
      `  round ${r + 1}/${runs}: library ${last(t.library)} ms, L1 ${t.l1[t.l1.length - 2].ms.toFixed(0)} ms, ` +
        `verify-only ${last(t.verifyOnly)} ms, L1 ${last(t.l1)} ms (load ${os.loadavg()[0].toFixed(1)})`,
    );
  }
  fs.rmSync(out, { recursive: true, force: true });
  return t;
}

/** Medians and ranges of a workload's timings, and the ratios library / L1. */
export interface TimingSummary {
  readonly library: Summary;
  readonly verifyOnly: Summary;
  readonly l1: Summary;
  readonly libraryRss: Summary;
  readonly verifyOnlyRss: Summary;
  readonly l1Rss: Summary;
  readonly l1LoadMs: Summary;
  readonly ratio: number;
  readonly verifyOnlyRatio: number;
  /** Median CPU time, library (every artifact) over L1. */
  readonly cpuRatio: number;
  /** Median CPU time, library (verify-only) over L1. */
  readonly verifyOnlyCpuRatio: number;
  readonly load1: Summary;
}

/** Summarizes {@link Timings}. */
export function summarizeTimings(t: Timings): TimingSummary {
  const ms = (xs: Sample[]): Summary => summarize(xs.map((s) => s.ms));
  const rss = (xs: Sample[]): Summary => summarize(xs.map((s) => s.maxRssMiB));
  const library = ms(t.library);
  const verifyOnly = ms(t.verifyOnly);
  const l1 = ms(t.l1);
  const cpu = (xs: Sample[]): number => summarize(xs.map((s) => s.cpuMs)).median;
  return {
    library,
    verifyOnly,
    l1,
    libraryRss: rss(t.library),
    verifyOnlyRss: rss(t.verifyOnly),
    l1Rss: rss(t.l1),
    l1LoadMs: summarize(t.l1.map((s) => s.loadMs)),
    ratio: library.median / l1.median,
    verifyOnlyRatio: verifyOnly.median / l1.median,
    cpuRatio: cpu(t.library) / cpu(t.l1),
    verifyOnlyCpuRatio: cpu(t.verifyOnly) / cpu(t.l1),
    load1: summarize([...t.library, ...t.verifyOnly, ...t.l1].map((s) => s.load1)),
  };
}

/** Host facts for the method notes. */
export function hostFacts(): { cpu: string; cores: number; memoryGiB: number; node: string } {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
  };
}
