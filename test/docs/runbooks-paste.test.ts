import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { EXAMPLES } from "../../examples/registry";

/** Every runbook the examples generate, with its shell blocks, as a person would copy them. */
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "runbooks-"));
const app = new App({ outdir, skipBackendValidation: true });
for (const e of EXAMPLES) e.build(app);
app.synth();

const runbooks: { file: string; text: string; outputs: Set<string> }[] = [];
for (const stack of fs.readdirSync(path.join(outdir, "stacks"))) {
  const dir = path.join(outdir, "stacks", stack, "kafka-standards", "runbooks");
  if (!fs.existsSync(dir)) continue;
  const doc = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
  const outputs = new Set(Object.keys(doc.output ?? {}));
  for (const f of fs.readdirSync(dir)) {
    runbooks.push({ file: `${stack}/${f}`, text: fs.readFileSync(path.join(dir, f), "utf8"), outputs });
  }
}

function bashBlocks(text: string): string[] {
  return [...text.matchAll(/^( *)```bash\n([\s\S]*?)^\1```$/gm)].map((m) =>
    m[2]
      .split("\n")
      .map((l) => l.slice(m[1].length))
      .join("\n"),
  );
}

test("the examples generate runbooks for MSK, Confluent and DR", () => {
  expect(runbooks.length).toBeGreaterThan(30);
  expect(runbooks.some((r) => r.file.endsWith("-failover.md"))).toBe(true);
});

describe.each(runbooks.map((r) => [r.file, r] as const))("runbook %s", (_, r) => {
  const blocks = bashBlocks(r.text);

  test("every shell block is valid bash as pasted (bash -n)", () => {
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      expect(() => execFileSync("bash", ["-n"], { input: block, stdio: ["pipe", "pipe", "pipe"] })).not.toThrow();
    }
  });

  test("portable commands only: no GNU-only `date -d`", () => {
    for (const block of blocks) expect(block).not.toMatch(/\bdate\b[^\n|;]*\s-d\b/);
  });

  test("every `terraform output` names an output of the stack, never a cdktf cross-stack output", () => {
    const named = [...r.text.matchAll(/terraform output -raw ([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
    for (const name of named) {
      expect(name).not.toMatch(/^cross-stack-output-/);
      expect(r.outputs.has(name) ? name : `${name} (missing)`).toBe(name);
    }
  });
});
