/**
 * Synth benchmark: wall time and peak memory of synthesizing every example with the library,
 * against the same resources declared as plain cdktf L1 resources (generated from the library's
 * own output by bench/l1-codegen.ts), in one run. Each measurement is a fresh Node process running
 * compiled JavaScript; the median of several runs is reported with the ratio library / plain L1.
 *
 *   npm run bench [-- --runs 7 --copies 10]
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
// Before the examples: they import the package by name ("cdktf-kafka-standards").
import "../scripts/self-reference";
import { EXAMPLES } from "../examples/registry";
import { generateL1Program } from "./l1-codegen";

const ROOT = path.resolve(__dirname, "..");
const WORK = path.join(ROOT, ".bench");

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Sample {
  readonly ms: number;
  readonly maxRssMiB: number;
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runChild(script: string, args: string[]): Sample {
  fs.rmSync(args[2], { recursive: true, force: true });
  const out = execFileSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as Sample;
}

function main(): void {
  const runs = arg("--runs", 7);
  const copies = arg("--copies", 10);
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });

  // 1. Compile the library, examples and this driver to JavaScript, so both sides run compiled code.
  execFileSync(
    process.execPath,
    [
      require.resolve("typescript/bin/tsc"),
      "-p",
      "tsconfig.bench.json",
      "--outDir",
      path.join(WORK, "js"),
      "--noEmit",
      "false",
      "--declaration",
      "false",
    ],
    { cwd: ROOT, stdio: "inherit" },
  );

  // 2. Synthesize once with the library and generate the equivalent plain-L1 program per stack.
  const reference = path.join(WORK, "reference");
  const app = new App({ outdir: reference, skipBackendValidation: true });
  for (const e of EXAMPLES) e.build(app);
  app.synth();
  const stacks = fs.readdirSync(path.join(reference, "stacks")).sort();
  let resources = 0;
  for (const s of stacks) {
    const doc = JSON.parse(fs.readFileSync(path.join(reference, "stacks", s, "cdk.tf.json"), "utf8"));
    resources += Object.values(doc.resource ?? {}).reduce((n: number, r) => n + Object.keys(r as object).length, 0);
    fs.writeFileSync(path.join(WORK, `l1-${s}.js`), generateL1Program(doc, s));
  }

  // 3. Alternate library and L1 runs, each in a fresh process.
  const child = path.join(WORK, "js", "bench", "synth-child.js");
  const lib: Sample[] = [];
  const verifyOnly: Sample[] = [];
  const l1: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    lib.push(runChild(child, ["library", String(copies), path.join(WORK, "out-lib")]));
    verifyOnly.push(runChild(child, ["library-verify-only", String(copies), path.join(WORK, "out-verify")]));
    l1.push(
      runChild(child, [
        "l1",
        String(copies),
        path.join(WORK, "out-l1"),
        ...stacks.map((s) => path.join(WORK, `l1-${s}.js`)),
      ]),
    );
  }

  // 4. Sanity: both sides produced the same resource addresses.
  const addrs = (dir: string): string[] =>
    fs
      .readdirSync(path.join(dir, "stacks"))
      .flatMap((s) => {
        const d = JSON.parse(fs.readFileSync(path.join(dir, "stacks", s, "cdk.tf.json"), "utf8"));
        return Object.entries(d.resource ?? {}).flatMap(([t, r]) =>
          Object.keys(r as object).map((n) => `${s}/${t}.${n}`),
        );
      })
      .sort();
  const same = JSON.stringify(addrs(path.join(WORK, "out-lib"))) === JSON.stringify(addrs(path.join(WORK, "out-l1")));

  const libMs = median(lib.map((s) => s.ms));
  const voMs = median(verifyOnly.map((s) => s.ms));
  const voMem = median(verifyOnly.map((s) => s.maxRssMiB));
  const artifactFiles = countFiles(path.join(WORK, "out-lib")) - countFiles(path.join(WORK, "out-verify"));
  const l1Ms = median(l1.map((s) => s.ms));
  const libMem = median(lib.map((s) => s.maxRssMiB));
  const l1Mem = median(l1.map((s) => s.maxRssMiB));
  const lines = [
    `Synth benchmark: ${stacks.length} example stacks × ${copies} copies = ${resources * copies} resources per process, median of ${runs} runs`,
    `  library, every artifact (${artifactFiles} files)   ${libMs.toFixed(0).padStart(6)} ms   ${libMem.toFixed(0).padStart(5)} MiB peak RSS`,
    `  library, verify-only (audit, no files)   ${voMs.toFixed(0).padStart(6)} ms   ${voMem.toFixed(0).padStart(5)} MiB peak RSS`,
    `  plain cdktf L1                            ${l1Ms.toFixed(0).padStart(6)} ms   ${l1Mem.toFixed(0).padStart(5)} MiB peak RSS`,
    `  ratio, every artifact   ${(libMs / l1Ms).toFixed(2)}× time   ${(libMem / l1Mem).toFixed(2)}× memory`,
    `  ratio, verify-only      ${(voMs / l1Ms).toFixed(2)}× time   ${(voMem / l1Mem).toFixed(2)}× memory   (target: time ≤ 1.30×)`,
    `  same resource addresses on both sides: ${same ? "yes" : "NO"}`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
  fs.writeFileSync(
    path.join(WORK, "result.json"),
    JSON.stringify(
      {
        runs,
        copies,
        resources: resources * copies,
        artifactFiles,
        libMs,
        verifyOnlyMs: voMs,
        l1Ms,
        libMem,
        verifyOnlyMem: voMem,
        l1Mem,
        timeRatio: libMs / l1Ms,
        verifyOnlyTimeRatio: voMs / l1Ms,
        memRatio: libMem / l1Mem,
        same,
      },
      null,
      2,
    ),
  );
  if (!same) process.exitCode = 1;
}

main();
