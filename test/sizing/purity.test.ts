/**
 * The model is pure: nothing the `size` command or lib/sizing/{size,plan,chart,render}.ts load at
 * run time reaches cdktf, constructs or a provider (type-only imports are erased), which keeps the
 * command fast and the model usable outside a synth. apply-workload.ts is the one bridge to the
 * constructs.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)";/gms)) out.push(m[1]);
  return out;
}

function closure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [path.join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith(".")) queue.push(path.resolve(path.dirname(file), `${spec}.ts`));
      else packages.add(spec);
    }
  }
  return { files, packages };
}

test.each([
  "lib/cli/commands/size.ts",
  "lib/sizing/size.ts",
  "lib/sizing/plan.ts",
  "lib/sizing/chart.ts",
  "lib/sizing/render.ts",
])("%s loads no cdktf, constructs or provider code", (entry) => {
  const { files, packages } = closure(entry);
  expect([...packages].filter((p) => /^(cdktf|constructs|@cdktf\/)/.test(p))).toEqual([]);
  expect([...files].map((f) => path.relative(ROOT, f)).filter((f) => f.includes("apply-workload"))).toEqual([]);
});

test("the check sees through relative imports: apply-workload.ts, the bridge, does reach cdktf", () => {
  expect(closure("lib/sizing/apply-workload.ts").packages).toContain("cdktf");
});
