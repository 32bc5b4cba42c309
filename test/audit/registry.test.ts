import * as fs from "fs";
import * as path from "path";
import { ALL_RULES, ruleById, rulesFor } from "../../lib/audit/registry";
import { AUDIT_CONTROLS } from "../../lib/standards/audit-controls";

const RULES_DIR = path.join(__dirname, "..", "..", "lib", "audit", "rules");
const TEST_DIR = path.join(__dirname, "rules");

describe("rule registry", () => {
  test("ids are unique and spell their area", () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ALL_RULES) expect(rule.id).toMatch(new RegExp(`^KS-${rule.area}-\\d{3}$`));
  });

  test("every named control is in the control table", () => {
    const unknown = ALL_RULES.flatMap((r) => r.controls.filter((c) => !AUDIT_CONTROLS[c]).map((c) => `${r.id}: ${c}`));
    expect(unknown).toEqual([]);
  });

  test("every rule explains itself and says how to fix it", () => {
    for (const rule of ALL_RULES) {
      expect([rule.id, rule.title.length > 10, rule.explanation.length > 40, rule.fix.length > 15]).toEqual([
        rule.id,
        true,
        true,
        true,
      ]);
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
    }
  });

  test("compliance tags match the profile controls a rule names", () => {
    for (const rule of ALL_RULES) {
      const gdpr = rule.controls.some((c) => c.startsWith("GDPR-"));
      const sox = rule.controls.some((c) => c.startsWith("SOX-"));
      expect([rule.id, rule.compliance.includes("gdpr"), rule.compliance.includes("sox")]).toEqual([
        rule.id,
        gdpr,
        sox,
      ]);
    }
  });

  test("one rule per file: each rule file exports exactly one rule", () => {
    const files = fs
      .readdirSync(RULES_DIR, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.startsWith("shared"));
    expect(files).toHaveLength(ALL_RULES.length);
    for (const f of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = Object.values(require(path.join(RULES_DIR, f)) as Record<string, unknown>);
      const rules = exported.filter((v) => ALL_RULES.includes(v as (typeof ALL_RULES)[number]));
      expect([f, rules.length, exported.length]).toEqual([f, 1, 1]);
    }
  });

  test("every rule has a test table", () => {
    const tests = fs
      .readdirSync(TEST_DIR)
      .map((f) => fs.readFileSync(path.join(TEST_DIR, f), "utf8"))
      .join("\n");
    const untested = ALL_RULES.filter((r) => !tests.includes(`describeRule("${r.id}"`)).map((r) => r.id);
    expect(untested).toEqual([]);
  });

  test("packs: base always, profiles on demand", () => {
    expect(rulesFor([]).every((r) => r.pack === "base")).toBe(true);
    expect(
      rulesFor(["gdpr"])
        .map((r) => r.pack)
        .filter((p) => p !== "base"),
    ).toEqual(["gdpr", "gdpr"]);
    expect(rulesFor(["gdpr", "sox"])).toHaveLength(ALL_RULES.length);
    expect(ruleById("KS-MSK-001")?.title).toBe("MSK client-to-broker traffic is TLS only");
    expect(ruleById("KS-NOPE-001")).toBeUndefined();
  });

  test("the ids the standards files promise exist", () => {
    // kafka-versions.ts and broker-types.ts name these rules for their escape hatches.
    expect(ruleById("KS-MSK-011")?.title).toBe("MSK Kafka version is in the catalog");
    expect(ruleById("KS-MSK-012")?.title).toBe("MSK broker instance type is in the catalog");
  });
});
