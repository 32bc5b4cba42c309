/**
 * Builders for raw Terraform JSON documents and a table-driven harness for rule tests.
 */
import { auditDocument } from "../../lib/audit/engine";
import { loadDocument } from "../../lib/audit/loaders/load";
import { resolveAuditOptions, type AuditOptions } from "../../lib/audit/options";
import { ruleById } from "../../lib/audit/registry";
import { tierResolver } from "../../lib/audit/tier";
import type { AuditMetadata, PlannedChange, RuleResult } from "../../lib/audit/types";

/** One resource of a test document: `type.name`, attributes, optional `kafka-standards` metadata. */
export interface ResourceSpec {
  readonly address: string;
  readonly attributes: Record<string, unknown>;
  readonly metadata?: AuditMetadata;
  /** A planned change: the document is then built as `terraform show -json` of a plan. */
  readonly change?: PlannedChange;
}

/** A plan (`terraform show -json`) holding the given resources and their planned changes. */
export function planDoc(resources: readonly ResourceSpec[]): Record<string, unknown> {
  const values = (spec: ResourceSpec): Record<string, unknown> => ({
    ...spec.attributes,
    ...(spec.metadata ? { "//": { "kafka-standards": spec.metadata } } : {}),
  });
  const entry = (spec: ResourceSpec) => {
    const [type, name] = spec.address.split(".");
    return { address: spec.address, mode: "managed", type, name };
  };
  return {
    format_version: "1.2",
    planned_values: {
      root_module: {
        resources: resources
          .filter((s) => !(s.change?.actions.includes("delete") && !s.change.actions.includes("create")))
          .map((s) => ({ ...entry(s), values: values(s) })),
      },
    },
    resource_changes: resources.map((s) => ({
      ...entry(s),
      change: {
        actions: s.change?.actions ?? ["no-op"],
        before: s.change?.before
          ? { ...s.change.before, ...(s.metadata ? { "//": { "kafka-standards": s.metadata } } : {}) }
          : values(s),
        after: s.change?.actions.includes("delete") && !s.change.actions.includes("create") ? null : values(s),
      },
    })),
  };
}

/** The document of a test case: a plan when any resource has a planned change, else cdktf JSON. */
export function caseDoc(resources: readonly ResourceSpec[]): Record<string, unknown> {
  return resources.some((r) => r.change) ? planDoc(resources) : tfDoc(resources);
}

/** A resource spec. */
export function r(address: string, attributes: Record<string, unknown>, metadata?: AuditMetadata): ResourceSpec {
  return { address, attributes, ...(metadata ? { metadata } : {}) };
}

/** A cdktf-style Terraform JSON document holding the given resources (data sources as `data.type.name`). */
export function tfDoc(resources: readonly ResourceSpec[], stackName = "test"): Record<string, unknown> {
  const resource: Record<string, Record<string, unknown>> = {};
  const data: Record<string, Record<string, unknown>> = {};
  for (const spec of resources) {
    const isData = spec.address.startsWith("data.");
    const [type, name] = (isData ? spec.address.slice(5) : spec.address).split(".");
    const section = isData ? data : resource;
    section[type] = section[type] ?? {};
    section[type][name] = {
      "//": {
        metadata: { path: `${stackName}/${name}`, uniqueId: name },
        ...(spec.metadata ? { "kafka-standards": spec.metadata } : {}),
      },
      ...spec.attributes,
    };
  }
  return { "//": { metadata: { stackName, version: "0.21.0", backend: "local" } }, resource, data };
}

/** Evaluate one rule on one resource of a document. */
export function evaluateRule(
  ruleId: string,
  resources: readonly ResourceSpec[],
  address?: string,
  options: AuditOptions = {},
): RuleResult {
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`unknown rule ${ruleId}`);
  const doc = loadDocument(caseDoc(resources), "test");
  const target = doc.get(address ?? resources[0].address);
  if (!target) throw new Error(`no resource ${address}`);
  if (!rule.resourceTypes.includes(target.type)) throw new Error(`${ruleId} does not evaluate ${target.type}`);
  const resolved = resolveAuditOptions(options);
  return rule.evaluate(target, { doc, tierOf: tierResolver(resolved.tier), today: resolved.today });
}

/** One row of a rule's test table. */
export interface RuleCase {
  readonly name: string;
  readonly resources: readonly ResourceSpec[];
  /** Resource evaluated; defaults to the first one. */
  readonly target?: string;
  readonly expect: RuleResult["status"];
  /** Exact message (string) or pattern, for non-compliant rows. */
  readonly message?: string | RegExp;
  readonly options?: AuditOptions;
}

/**
 * Tests for one rule: each row evaluates the rule; then the first non-compliant row is audited
 * again with a suppression on the target resource, which must mark the finding suppressed.
 */
export function describeRule(ruleId: string, cases: readonly RuleCase[]): void {
  describe(ruleId, () => {
    test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const result = evaluateRule(ruleId, c.resources, c.target, c.options);
      expect(result.status).toBe(c.expect);
      if (c.message !== undefined && result.status === "non-compliant") {
        if (typeof c.message === "string") expect(result.message).toBe(c.message);
        else expect(result.message).toMatch(c.message);
      }
    });

    const failing = cases.find((c) => c.expect === "non-compliant");
    test("has a non-compliant case", () => expect(failing).toBeDefined());
    if (!failing) return;

    test("a suppressed finding stays in the report, marked, with its reason", () => {
      const target = failing.target ?? failing.resources[0].address;
      const reason = "accepted for this test case";
      const resources = failing.resources.map((spec) =>
        spec.address === target
          ? { ...spec, metadata: { ...spec.metadata, suppressions: [{ id: ruleId, reason }] } }
          : spec,
      );
      const report = auditDocument(caseDoc(resources), { compliance: ["gdpr", "sox"], ...failing.options });
      const mine = report.findings.filter((f) => f.rule === ruleId && f.resource === target);
      expect(mine).toHaveLength(1);
      expect(mine[0].suppressed).toBe(true);
      expect(mine[0].suppressionReason).toBe(reason);
      expect(report.summary.suppressed).toBeGreaterThanOrEqual(1);

      const unsuppressed = auditDocument(caseDoc(failing.resources), {
        compliance: ["gdpr", "sox"],
        ...failing.options,
      });
      const open = unsuppressed.findings.filter((f) => f.rule === ruleId && f.resource === target);
      expect(open.map((f) => f.suppressed)).toEqual([false]);
    });
  });
}
