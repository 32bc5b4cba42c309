/**
 * Writes RULES.md from the rule definitions, or checks that the committed copy is current.
 *
 *   ts-node --transpile-only bin/gen-rules-doc.ts           write RULES.md
 *   ts-node --transpile-only bin/gen-rules-doc.ts --check   exit 1 when RULES.md is stale
 */
import * as fs from "fs";
import * as path from "path";
import { renderRulesDoc } from "../lib/audit/report/rules-doc";

/** Location of the generated document. */
export const RULES_DOC_PATH = path.join(__dirname, "..", "RULES.md");

function main(argv: readonly string[]): number {
  const expected = renderRulesDoc();
  if (argv.includes("--check")) {
    const actual = fs.existsSync(RULES_DOC_PATH) ? fs.readFileSync(RULES_DOC_PATH, "utf8") : "";
    if (actual === expected) return 0;
    process.stderr.write(
      "RULES.md is stale: run `ts-node --transpile-only bin/gen-rules-doc.ts` and commit the result\n",
    );
    return 1;
  }
  fs.writeFileSync(RULES_DOC_PATH, expected);
  process.stdout.write(`wrote ${path.relative(process.cwd(), RULES_DOC_PATH)}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
