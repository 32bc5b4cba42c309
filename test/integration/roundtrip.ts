/**
 * Round trip of `inspect --emit typescript`: synthesizes the emitted program the way a user's project
 * runs it (the package resolved by name), reads its data-plane resources back from cdktf.out, and
 * compares them with the live inventory the program was emitted from.
 *
 *   ts-node --transpile-only test/integration/roundtrip.ts <emitted.ts> <inventory.json> <outdir>
 *
 * Prints one JSON line: { lines, grants, topics, acls, quotas, imports, differences: [{ kind, object, detail }] }.
 * Exits 1 when the program does not synthesize.
 */
import * as fs from "fs";
import * as path from "path";
import { createRequire } from "module";
// Before the emitted program: it imports "cdktf-kafka-standards" as a user's project does.
import "../../scripts/self-reference";
import { compareWithLive } from "../../lib/inspect/compare";
import type { LiveInventory } from "../../lib/inspect/types";

function main(argv: readonly string[]): void {
  const [emitted, inventoryFile, outdir] = argv;
  if (!emitted || !inventoryFile || !outdir) {
    process.stderr.write("usage: roundtrip.ts <emitted.ts> <inventory.json> <outdir>\n");
    process.exit(2);
  }
  process.env.CDKTF_OUTDIR = path.resolve(outdir);
  createRequire(__filename)(path.resolve(emitted));
  const stacks = fs.readdirSync(path.join(outdir, "stacks"));
  const docs = stacks.map((s) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", s, "cdk.tf.json"), "utf8")));
  const resource = Object.assign({}, ...docs.map((d) => d.resource ?? {}));
  const inventory = JSON.parse(fs.readFileSync(inventoryFile, "utf8")) as LiveInventory;
  const count = (type: string): number => Object.keys(resource[type] ?? {}).length;
  const differences = compareWithLive(inventory, { resource });
  process.stdout.write(
    JSON.stringify({
      lines: fs.readFileSync(emitted, "utf8").split("\n").length - 1,
      grants: (fs.readFileSync(emitted, "utf8").match(/\.grant(Produce|Consume)\(/g) ?? []).length,
      topics: count("kafka_topic"),
      acls: count("kafka_acl"),
      quotas: count("kafka_quota"),
      imports: docs.reduce((n, d) => n + (d.import?.length ?? 0), 0),
      differences,
    }) + "\n",
  );
}

main(process.argv.slice(2));
