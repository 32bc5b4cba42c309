import * as fs from "fs";
import * as path from "path";
import { renderRulesDoc } from "../../lib/audit/report/rules-doc";
import { ALL_RULES } from "../../lib/audit/registry";

describe("RULES.md", () => {
  const doc = renderRulesDoc();

  test("the committed RULES.md is current (run bin/gen-rules-doc.ts)", () => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "..", "RULES.md"), "utf8");
    expect(committed === doc).toBe(true);
  });

  test("documents every rule with its controls", () => {
    for (const rule of ALL_RULES) expect(doc).toContain(`### ${rule.id}: ${rule.title}`);
    expect(doc).toContain("| `CKV_AWS_81` | Checkov |");
    expect(doc).toMatch(/\| `CKV_AWS_81` \| Checkov \| .* \| KS-MSK-001, KS-MSK-002 \|/);
  });
});
