/**
 * Snapshots of everything the examples synthesize: each stack's resources (with cdktf's construct
 * paths removed) and each generated artifact as its own snapshot. Any change in what the standard
 * synthesizes shows in review and needs a deliberate `jest -u`; CI never writes snapshots (`jest --ci`).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { EXAMPLES } from "../../examples/registry";
import { KafkaStandardsAudit } from "../../lib/audit/cdktf/aspect";

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshots-"));
const app = new App({ outdir, skipBackendValidation: true });
for (const e of EXAMPLES) e.build(app);
// A fixed audit date keeps end-of-support findings and report headers stable.
KafkaStandardsAudit.forApp(app, { today: "2026-12-01" });
app.synth();

const stacksDir = path.join(outdir, "stacks");
const STACKS = fs.readdirSync(stacksDir).sort();

/** Strips what depends on the machine: cdktf's construct paths, the output folder and the working folder. */
function scrub<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (key === "metadata" && v && typeof v === "object" && "path" in v && "uniqueId" in v) return undefined;
      if (typeof v === "string") return v.split(outdir).join("<outdir>").split(process.cwd()).join("<cwd>");
      return v;
    }),
  );
}

function files(dir: string, rel = ""): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name), path.posix.join(rel, e.name)) : [path.posix.join(rel, e.name)],
    )
    .sort();
}

test("every example stack is snapshotted", () => {
  expect(STACKS.length).toBeGreaterThanOrEqual(EXAMPLES.length);
});

describe.each(STACKS)("stack %s", (stack) => {
  const doc = JSON.parse(fs.readFileSync(path.join(stacksDir, stack, "cdk.tf.json"), "utf8"));

  test("resources", () => {
    expect(scrub(doc.resource ?? {})).toMatchSnapshot();
  });

  test("data sources, ephemeral blocks, providers and outputs", () => {
    expect(
      scrub({
        data: doc.data ?? {},
        ephemeral: doc.ephemeral ?? {},
        provider: doc.provider ?? {},
        output: doc.output ?? {},
      }),
    ).toMatchSnapshot();
  });

  const artifacts = files(path.join(stacksDir, stack, "kafka-standards"));
  test.each(artifacts.length > 0 ? artifacts : ["(none)"])("artifact %s", (file) => {
    if (file === "(none)") return;
    const text = fs.readFileSync(path.join(stacksDir, stack, "kafka-standards", file), "utf8");
    expect(text.split(outdir).join("<outdir>")).toMatchSnapshot();
  });
});
