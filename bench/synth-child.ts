/**
 * One benchmark process: loads either the library examples or the generated plain-L1 programs,
 * synthesizes `copies` copies of every stack into an empty `outdir` (the parent clears it, outside
 * the timed window), and prints `{ ms, maxRssMiB }` as its last line.
 */
const start = process.hrtime.bigint();
import { App, TerraformStack } from "cdktf";
// The examples import the package by name; this maps it onto the compiled sources next to this file.
import "../scripts/self-reference";

type Build = (app: App, suffix: string) => TerraformStack;

function main(argv: readonly string[]): void {
  const [mode, copiesArg, outdir, ...programs] = argv;
  const copies = Number(copiesArg);
  // "library-verify-only": the library with artifact files off (checks still run).
  const context = mode === "library-verify-only" ? { "kafka-standards:artifacts": "verify-only" } : {};
  const app = new App({ outdir, skipBackendValidation: true, context });
  const builders: Build[] = [];
  if (mode.startsWith("library")) {
    // Loaded here, not at the top, so both modes pay for their own imports inside the timed window.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { EXAMPLES } = require("../examples/registry") as typeof import("../examples/registry");
    for (const e of EXAMPLES) builders.push((a, suffix) => e.build(a, `${e.name}${suffix}`));
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const p of programs) builders.push((require(p) as { build: Build }).build);
  }
  for (let c = 0; c < copies; c++) {
    for (const b of builders) b(app, c === 0 ? "" : `-copy${c}`);
  }
  app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

main(process.argv.slice(2));
