/**
 * Synth benchmark of the examples: every example, `copies` times, synthesized with the library
 * (every artifact, and verify-only) against the same Terraform as plain cdktf L1 code, with the same
 * machinery as the scale benchmark (bench/bench-runner.ts): the L1 program is generated from the
 * library's output in small functions, checked equal as whole documents for every stack and copy,
 * and timed in alternating fresh processes. For the estate at scale, see `npm run bench:scale`.
 *
 *   npm run bench [-- --runs 7 --copies 10]
 */
import * as fs from "fs";
import * as path from "path";
// Before the examples: they import the package by name ("cdktf-kafka-standards").
import "../scripts/self-reference";
import { compile, prepareWorkload, ROOT, summarizeTimings, timeWorkload } from "./bench-runner";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name}: a positive integer, got ${process.argv[i + 1]}`);
  return v;
}

function main(): void {
  const runs = arg("--runs", 7);
  const copies = arg("--copies", 10);
  const log = (line: string): void => void process.stdout.write(line + "\n");
  const work = path.join(ROOT, ".bench", "examples");
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const dirs = compile(work);

  const workload = `examples:${copies}`;
  log(`${workload}: reference synth, L1 program, equality check`);
  const prepared = prepareWorkload(dirs, workload, {
    // The program declares one copy of every stack; `build(app, suffix)` is called once per copy.
    programStacks: (stacks) => stacks.filter((s) => !/-copy\d+(-data)?$/.test(s.name)),
    log,
  });
  if (!prepared.equal || !prepared.verifyOnlySameDocuments) {
    log("The L1 program does not write the library's documents (see above): not timed.");
    process.exitCode = 1;
    return;
  }
  const t = summarizeTimings(timeWorkload(dirs, prepared, runs, log));
  const range = (s: { min: number; max: number }): string => `${s.min.toFixed(0)}–${s.max.toFixed(0)}`;
  const lines = [
    `Synth benchmark: ${prepared.stacks} stacks (${copies} copies of every example), ${prepared.resources} resources per process, median of ${runs} rounds`,
    `  library, every artifact (${prepared.artifactFiles} files)   ${t.library.median.toFixed(0).padStart(6)} ms (${range(t.library)})   ${t.libraryRss.median.toFixed(0).padStart(5)} MiB peak RSS`,
    `  library, verify-only (audit, no files)   ${t.verifyOnly.median.toFixed(0).padStart(6)} ms (${range(t.verifyOnly)})   ${t.verifyOnlyRss.median.toFixed(0).padStart(5)} MiB peak RSS`,
    `  plain cdktf L1                            ${t.l1.median.toFixed(0).padStart(6)} ms (${range(t.l1)})   ${t.l1Rss.median.toFixed(0).padStart(5)} MiB peak RSS`,
    `  ratio, every artifact   ${t.ratio.toFixed(2)}× time   ${(t.libraryRss.median / t.l1Rss.median).toFixed(2)}× memory`,
    `  ratio, verify-only      ${t.verifyOnlyRatio.toFixed(2)}× time   ${(t.verifyOnlyRss.median / t.l1Rss.median).toFixed(2)}× memory`,
    `  every stack equal as a whole document: yes (${prepared.stacks} stacks)`,
    `  1-minute load average during the runs: ${t.load1.min.toFixed(1)}–${t.load1.max.toFixed(1)}`,
  ];
  log(lines.join("\n"));
  fs.writeFileSync(
    path.join(ROOT, ".bench", "result.json"),
    JSON.stringify(
      { runs, copies, resources: prepared.resources, artifactFiles: prepared.artifactFiles, ...t },
      null,
      2,
    ) + "\n",
  );
}

main();
