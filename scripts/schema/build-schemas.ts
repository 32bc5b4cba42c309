/**
 * Writes lib/providers/schema/{confluent,kafka}.json from the tables in this folder.
 *
 *   ts-node --transpile-only scripts/schema/build-schemas.ts          # write
 *   ts-node --transpile-only scripts/schema/build-schemas.ts --check  # fail if the committed files differ
 */
import * as fs from "fs";
import * as path from "path";
import { confluentSpec } from "./confluent";
import { kafkaSpec } from "./kafka";
import { serialiseSchema, toProviderSchemaJson, type ProviderSpec } from "./spec";

export const SCHEMA_DIR = path.join(__dirname, "..", "..", "lib", "providers", "schema");

export const SCHEMA_FILES: ReadonlyArray<{ file: string; spec: ProviderSpec }> = [
  { file: "confluent.json", spec: confluentSpec },
  { file: "kafka.json", spec: kafkaSpec },
];

/** Returns file name → expected content. */
export function renderSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const { file, spec } of SCHEMA_FILES) out.set(file, serialiseSchema(toProviderSchemaJson(spec)));
  return out;
}

function main(argv: string[]): number {
  const check = argv.includes("--check");
  let stale = 0;
  for (const [file, content] of renderSchemas()) {
    const target = path.join(SCHEMA_DIR, file);
    const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
    if (current === content) continue;
    if (check) {
      process.stderr.write(
        `${path.relative(process.cwd(), target)} is out of date; run scripts/schema/build-schemas.ts\n`,
      );
      stale++;
    } else {
      fs.mkdirSync(SCHEMA_DIR, { recursive: true });
      fs.writeFileSync(target, content);
      process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
    }
  }
  return stale === 0 ? 0 : 1;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
