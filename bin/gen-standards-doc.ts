/**
 * Writes docs/STANDARDS.md from lib/standards. `--check` exits 1 when the committed copy is stale.
 */
import * as fs from "fs";
import * as path from "path";
import { renderStandardsReference } from "../lib/docs/standards-reference";

const target = path.join(__dirname, "..", "docs", "STANDARDS.md");
const text = renderStandardsReference();
if (process.argv.includes("--check")) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  if (current !== text) {
    process.stderr.write("docs/STANDARDS.md is stale: run `npm run docs:standards`.\n");
    process.exit(1);
  }
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
