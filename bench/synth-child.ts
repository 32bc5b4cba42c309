/**
 * One benchmark process: synthesizes one workload, with the library or with the generated plain-L1
 * program, into an empty `outdir` (the parent clears it, outside the timed window), and prints
 * `{ ms, maxRssMiB, loadMs }` as its last line. `ms` runs from the start of this module to the end of
 * `app.synth()`, so both sides pay for loading their own modules; `loadMs` is the part spent loading
 * the workload's code (the library's modules, or the generated program).
 *
 *   node synth-child.js <library|library-verify-only|l1> <outdir> <workload> [<program.js>]
 *
 * Workloads: `examples:<copies>` (every example, `copies` times) and `estate:<topics>[:scram]`
 * (bench/estate.ts).
 */
const start = process.hrtime.bigint();
import { App, TerraformStack } from "cdktf";
// The examples import the package by name; this maps it onto the compiled sources next to this file.
import "../scripts/self-reference";

type Build = (app: App, suffix: string) => TerraformStack | void;

/** A parsed workload argument. */
export interface WorkloadSpec {
  readonly kind: "examples" | "estate";
  /** Copies of every example (examples), else 1. */
  readonly copies: number;
  /** Topics per cluster (estate). */
  readonly topics: number;
  /** Every MSK application a SCRAM user (estate). */
  readonly scram: boolean;
}

/** Parses `examples:<copies>` or `estate:<topics>[:scram]`. */
export function parseWorkload(spec: string): WorkloadSpec {
  const [kind, n, variant] = spec.split(":");
  const count = Number(n);
  if ((kind !== "examples" && kind !== "estate") || !Number.isInteger(count) || count < 1) {
    throw new Error(`workload: expected examples:<copies> or estate:<topics>[:scram], got "${spec}"`);
  }
  if (variant !== undefined && !(kind === "estate" && variant === "scram")) {
    throw new Error(`workload: unknown variant "${variant}" in "${spec}"`);
  }
  return kind === "examples"
    ? { kind, copies: count, topics: 0, scram: false }
    : { kind, copies: 1, topics: count, scram: variant === "scram" };
}

function main(argv: readonly string[]): void {
  const [mode, outdir, workloadArg, program] = argv;
  if (!["library", "library-verify-only", "l1"].includes(mode)) throw new Error(`unknown mode ${mode}`);
  const workload = parseWorkload(workloadArg);
  // "library-verify-only": the library with artifact files off (the checks still run).
  const context = mode === "library-verify-only" ? { "kafka-standards:artifacts": "verify-only" } : {};
  const app = new App({ outdir, skipBackendValidation: true, context });
  const loadStart = process.hrtime.bigint();
  // Loaded here, not at the top, so that each side pays for its own modules inside the timed window.
  const builders: Build[] = [];
  if (mode === "l1") {
    if (!program) throw new Error("l1 mode needs the generated program");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    builders.push((require(program) as { build: Build }).build);
  } else if (workload.kind === "examples") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { EXAMPLES } = require("../examples/registry") as typeof import("../examples/registry");
    for (const e of EXAMPLES) builders.push((a, suffix) => e.build(a, `${e.name}${suffix}`));
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildEstate } = require("./estate") as typeof import("./estate");
    builders.push((a) => buildEstate(a, { topics: workload.topics, scramApplications: workload.scram }));
  }
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  for (let c = 0; c < workload.copies; c++) {
    for (const b of builders) b(app, c === 0 ? "" : `-copy${c}`);
  }
  const buildMs = Number(process.hrtime.bigint() - loadStart) / 1e6 - loadMs;
  const synthStart = process.hrtime.bigint();
  app.synth();
  const synthMs = Number(process.hrtime.bigint() - synthStart) / 1e6;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const usage = process.resourceUsage();
  const maxRssMiB = usage.maxRSS / 1024;
  // CPU time of the process (user + system), less sensitive than wall time to other work on the host.
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(JSON.stringify({ ms, cpuMs, maxRssMiB, loadMs, buildMs, synthMs }) + "\n");
}

if (require.main === module) main(process.argv.slice(2));
