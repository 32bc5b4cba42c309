import * as fs from "fs";
import * as path from "path";
import { runCli } from "../../lib/cli/main";
import type { CliIo } from "../../lib/cli/io";
import { synthApp } from "../helpers";
import * as mskTopics from "../../examples/msk-topics/main";
import * as confluentBasic from "../../examples/confluent-basic/main";

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t) };
  return { code: await runCli(argv, io), out, err };
}

function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

describe("kafka-standards docs", () => {
  const { outdir } = synthApp((app) => {
    mskTopics.build(app);
    confluentBasic.build(app);
  });

  test.each(["msk-topics", "confluent-basic"])(
    "%s: regenerates exactly what synth wrote (client properties excepted)",
    async (stack) => {
      const dir = path.join(outdir, "stacks", stack, "kafka-standards");
      const fromSynth = filesUnder(dir);
      const regenerated = path.join(outdir, `regenerated-${stack}`);
      const { code, out } = await cli("docs", path.join(outdir, "stacks", stack, "cdk.tf.json"), "--out", regenerated);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^${stack}: wrote \\d+ files to `));
      const fromCli = filesUnder(regenerated);
      const expected = Object.fromEntries(Object.entries(fromSynth).filter(([p]) => !p.startsWith("clients/")));
      expect(Object.keys(fromCli).sort()).toEqual(Object.keys(expected).sort());
      for (const [p, content] of Object.entries(expected)) {
        if (p === "audit.json" || p === "AUDIT.md") continue; // the audit records its own options and date
        expect([p, fromCli[p]]).toEqual([p, content]);
      }
      expect(Object.keys(fromCli)).toEqual(expect.arrayContaining(["ARCHITECTURE.md", "AUDIT.md", "audit.json"]));
    },
  );

  test.each([
    [["docs"], "needs at least one cdk.tf.json"],
    [["docs", "/does/not/exist.json"], "file not found"],
    [["docs", path.join(__dirname, "..", "..", "package.json")], "not a synthesized cdktf stack"],
    [["docs", "a.json", "b.json", "--out", "x"], "--out takes a single input file"],
  ])("%j exits 2 with a clear message", async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
