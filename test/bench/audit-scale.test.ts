import {
  AUDIT_SECTION_BEGIN,
  AUDIT_SECTION_END,
  generate,
  growthExponent,
  renderAuditSection,
} from "../../bench/audit-scale";
import { replaceMarked } from "../../bench/doc-section";

describe("audit scale benchmark", () => {
  test("the growth exponent of a linear, a quadratic and a constant series", () => {
    const pts = (f: (n: number) => number) => [100, 200, 400, 800].map((n) => ({ n, ms: f(n) }));
    expect(growthExponent(pts((n) => 3 * n))).toBeCloseTo(1, 6);
    expect(growthExponent(pts((n) => n * n))).toBeCloseTo(2, 6);
    expect(growthExponent(pts(() => 5))).toBeCloseTo(0, 6);
  });

  test.each([
    ["scram", 40, "aws_secretsmanager_secret", 40],
    ["topics", 40, "kafka_topic", 40],
    ["grants", 40, "aws_iam_policy", 40],
    ["acls", 40, "kafka_acl", 40],
  ] as const)("dimension %s at n=%i has %s × %i", (dimension, n, type, count) => {
    const doc = generate(dimension, n) as { resource: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.resource[type]).length).toBe(count);
  });

  test("the section replaces only the text between its markers, or is appended once", () => {
    const section = renderAuditSection(
      ["## scram\n\n| n |\n| --- |\n| 800 |"],
      "npm run bench:audit -- --doc",
      "2026-12-06",
      "CPU, 2 cores",
    );
    expect(section.startsWith(AUDIT_SECTION_BEGIN)).toBe(true);
    expect(section.endsWith(AUDIT_SECTION_END)).toBe(true);
    expect(section).toContain("### scram");
    const doc = `# Title\n\nbefore\n\n${AUDIT_SECTION_BEGIN}\nold\n${AUDIT_SECTION_END}\n\nafter\n`;
    const replaced = replaceMarked(doc, AUDIT_SECTION_BEGIN, AUDIT_SECTION_END, section);
    expect(replaced).toBe(`# Title\n\nbefore\n\n${section}\n\nafter\n`);
    const appended = replaceMarked("# Title\n", AUDIT_SECTION_BEGIN, AUDIT_SECTION_END, section);
    expect(appended).toBe(`# Title\n\n${section}\n`);
    expect(replaceMarked(appended, AUDIT_SECTION_BEGIN, AUDIT_SECTION_END, section)).toBe(appended);
  });
});
