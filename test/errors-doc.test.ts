import * as fs from "fs";
import * as path from "path";
import { collectErrorCodes, renderErrorsDoc, ERRORS_DOC_PATH } from "../bin/gen-errors-doc";
import { ALL_RULES } from "../lib/audit/registry";
import { ERROR_CODES } from "../lib/error-codes";

const ROOT = path.join(__dirname, "..");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "providers" ? [] : walk(full);
    return e.name.endsWith(".ts") ? [full] : [];
  });
}

describe("error codes and rule ids", () => {
  const errors = collectErrorCodes();
  const errorCodes = new Set(errors.map((e) => e.code));
  const ruleIds = new Set(ALL_RULES.map((r) => r.id));

  test("every thrown code is KSE-<AREA>-<NNN> and every rule id KS-<AREA>-<NNN>: no id has two meanings", () => {
    expect(errorCodes.size).toBeGreaterThan(80);
    for (const code of errorCodes) expect(code).toMatch(/^KSE-[A-Z]+-\d{3}$/);
    for (const id of ruleIds) expect(id).toMatch(/^KS-[A-Z]+-\d{3}$/);
    expect([...errorCodes].filter((c) => ruleIds.has(c))).toEqual([]);
  });

  test("no construct throws a rule id: every `code:` literal outside the rules is an error code", () => {
    const offenders: string[] = [];
    for (const file of [...walk(path.join(ROOT, "lib")), ...walk(path.join(ROOT, "patterns"))]) {
      if (file.includes(`${path.sep}audit${path.sep}rules${path.sep}`)) continue;
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:code:\s*|fail(?:With)?\(\s*)"(KS-[A-Z]+-\d+)"/g)) {
        offenders.push(`${path.relative(ROOT, file)}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test("the catalog lists exactly the codes the source throws, each with its meaning", () => {
    const thrown = errors.filter((e) => e.files.some((f) => f !== "lib/error-codes.ts")).map((e) => e.code);
    expect(thrown.sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const meaning of Object.values(ERROR_CODES)) expect(meaning.length).toBeGreaterThan(10);
  });

  test("docs/ERRORS.md is current (npm run docs:errors) and lists every code", () => {
    const doc = renderErrorsDoc(errors);
    expect(fs.readFileSync(ERRORS_DOC_PATH, "utf8") === doc).toBe(true);
    for (const code of errorCodes) expect(doc).toContain(`| \`${code}\` |`);
  });
});
