/**
 * Where synthesis time goes: runs one library synth of a workload under `node --cpu-prof` (compiled
 * JavaScript, as the benchmarks run it) and prints the functions with the most self time, the
 * functions with the most inclusive time, and the time under the library's phases.
 *
 *   npm run bench:profile [-- --workload estate:1000 --mode library --top 25 --skip-compile]
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { compile, ROOT } from "./bench-runner";

/** A V8 CPU profile (`.cpuprofile`). */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
      readonly columnNumber: number;
    };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A function of the profile: `name (file:line)`, with the file relative to the repository. */
function frameKey(f: CpuProfile["nodes"][number]["callFrame"], root: string): string {
  const file = f.url.replace(/^file:\/\//, "").replace(root + "/", "");
  return `${f.functionName || "(anonymous)"} (${file}:${f.lineNumber + 1})`;
}

/** Phases: time under the first frame (from the root) whose file matches. */
export const PHASES: readonly { readonly name: string; readonly file: RegExp }[] = [
  { name: "library audit (lib/audit)", file: /\/lib\/audit\// },
  {
    name: "library artifacts (lib/docs, client properties, Confluent monitoring files)",
    file: /\/lib\/(docs|access\/client-propert|monitoring\/confluent-)/,
  },
  { name: "cdktf resolve (tokens)", file: /node_modules\/cdktf\/lib\/tokens\/private\/resolve\.js/ },
];

/** Summary of a profile: total ms, top self and inclusive functions, ms per phase. */
export function summarizeProfile(
  p: CpuProfile,
  root: string,
  top: number,
): { totalMs: number; self: [string, number][]; inclusive: [string, number][]; phases: [string, number][] } {
  const parent = new Map<number, number>();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const phases = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const leaf = byId.get(id)!;
    const key = frameKey(leaf.callFrame, root);
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    const stack: CpuProfile["nodes"][number][] = [];
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) stack.push(byId.get(n)!);
    for (const n of stack) {
      const k = frameKey(n.callFrame, root);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
    for (const phase of PHASES) {
      if (stack.some((n) => phase.file.test(n.callFrame.url)))
        phases.set(phase.name, (phases.get(phase.name) ?? 0) + ms);
    }
  });
  const sorted = (m: Map<string, number>): [string, number][] => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total,
    self: sorted(self).slice(0, top),
    inclusive: sorted(inclusive)
      .filter(([k]) => !/^\((root|program|garbage collector)\)/.test(k))
      .slice(0, top),
    phases: PHASES.map((ph) => [ph.name, phases.get(ph.name) ?? 0]),
  };
}

function main(argv: readonly string[]): void {
  const value = (name: string, fallback: string): string => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const workload = value("--workload", "estate:1000");
  const mode = value("--mode", "library");
  const top = Number(value("--top", "25"));
  const work = path.join(ROOT, ".bench", "profile");
  const js = path.join(work, "js");
  if (!argv.includes("--skip-compile") || !fs.existsSync(js)) compile(work);
  const cpu = path.join(work, "cpu");
  fs.rmSync(cpu, { recursive: true, force: true });
  const out = path.join(work, "out");
  fs.rmSync(out, { recursive: true, force: true });
  const result = execFileSync(
    process.execPath,
    [
      "--cpu-prof",
      `--cpu-prof-dir=${cpu}`,
      "--cpu-prof-interval=250",
      path.join(js, "bench", "synth-child.js"),
      mode,
      out,
      workload,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  const file = path.join(cpu, fs.readdirSync(cpu)[0]);
  const s = summarizeProfile(JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile, ROOT, top);
  const pct = (ms: number): string =>
    `${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / s.totalMs).toFixed(1).padStart(5)} %`;
  const lines = [
    `${mode} synth of ${workload}: ${result.trim().split("\n").pop()}`,
    `profile: ${path.relative(ROOT, file)} (${s.totalMs.toFixed(0)} ms sampled)`,
    "",
    "Phases (inclusive):",
    ...s.phases.map(([k, ms]) => `  ${pct(ms)}  ${k}`),
    "",
    `Top ${top} by self time:`,
    ...s.self.map(([k, ms]) => `  ${pct(ms)}  ${k}`),
    "",
    `Top ${top} by inclusive time:`,
    ...s.inclusive.map(([k, ms]) => `  ${pct(ms)}  ${k}`),
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

if (require.main === module) main(process.argv.slice(2));
