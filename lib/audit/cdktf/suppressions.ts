/**
 * Suppressions: accept a finding for every resource under a construct, with a reason.
 *
 * The suppression is written into each resource's synthesized JSON
 * (`"//"."kafka-standards".suppressions`), so the Aspect, `auditDocument()` on the synthesized stack
 * and the CLI all honour the same suppressions.
 */
import { App, Aspects, TerraformResource, TerraformStack, type IAspect } from "cdktf";
import type { IConstruct } from "constructs";
import { MetadataCarrier, recordSuppressions } from "../../core/resource-metadata";
import { KafkaStandardsError } from "../../errors";
import { RESOURCE_METADATA_KEY } from "../../standards/naming";
import { MIN_SUPPRESSION_REASON_LENGTH } from "../engine";
import { ruleById } from "../registry";
import type { SuppressionEntry } from "../types";

/** One suppression: a rule id and why its findings are accepted. */
export interface Suppression {
  /** Rule id, e.g. `KS-MSK-008`. Must name a known rule. */
  readonly id: string;
  /** Why the finding is accepted; at least 10 characters. */
  readonly reason: string;
}

/** Override path of the suppression list inside a resource's `"//"` object. */
export const SUPPRESSIONS_OVERRIDE_PATH = `//.${RESOURCE_METADATA_KEY}.suppressions`;

const APPLIED = new WeakMap<TerraformResource, SuppressionEntry[]>();
const DECLARED = new WeakMap<IConstruct, SuppressionEntry[]>();

function record(resource: TerraformResource, entries: readonly SuppressionEntry[]): void {
  const list = APPLIED.get(resource) ?? [];
  for (const e of entries) {
    if (!list.some((x) => x.id === e.id && x.scope === e.scope)) list.push(e);
  }
  APPLIED.set(resource, list);
  recordSuppressions(resource, list);
}

class SuppressionAspect implements IAspect {
  constructor(private readonly entries: readonly SuppressionEntry[]) {}

  public visit(node: IConstruct): void {
    if (TerraformResource.isTerraformResource(node)) record(node, this.entries);
  }
}

function validate(construct: IConstruct, s: Suppression, index: number): void {
  if (typeof s?.id !== "string" || !ruleById(s.id)) {
    throw new KafkaStandardsError({
      code: "KSE-AUDIT-001",
      prop: `suppressions[${index}].id`,
      value: s?.id,
      allowed: "the id of a rule in RULES.md, e.g. KS-MSK-008",
      fix: "check the rule id in the audit report or RULES.md",
      path: construct.node.path,
    });
  }
  if (typeof s.reason !== "string" || s.reason.trim().length < MIN_SUPPRESSION_REASON_LENGTH) {
    throw new KafkaStandardsError({
      code: "KSE-AUDIT-002",
      prop: `suppressions[${index}].reason`,
      value: s.reason,
      allowed: `a reason of at least ${MIN_SUPPRESSION_REASON_LENGTH} characters`,
      fix: 'say why the finding is accepted and until when, e.g. "dev cluster, no client data; revisit at go-live"',
      path: construct.node.path,
    });
  }
}

/** Suppress audit findings for a construct subtree. */
export class KafkaStandardsSuppressions {
  /**
   * Accept findings of the given rules on every Terraform resource under `construct` (the construct
   * itself included), now and added later. Suppressed findings still appear in the reports.
   *
   * @throws KafkaStandardsError `KSE-AUDIT-001` for an unknown rule id, `KSE-AUDIT-002` for a reason shorter than
   * 10 characters, `KSE-AUDIT-008` when `construct` is the App
   */
  public static add(construct: IConstruct, suppressions: readonly Suppression[]): void {
    if (App.isApp(construct)) {
      // cdktf runs aspects per stack, never on the App, so an App-level suppression would be ignored.
      throw new KafkaStandardsError({
        code: "KSE-AUDIT-008",
        prop: "construct",
        value: "App",
        allowed: "a TerraformStack or a construct inside one",
        fix: "add the suppression to each stack (or to the construct that owns the resources)",
      });
    }
    suppressions.forEach((s, i) => validate(construct, s, i));
    const entries: SuppressionEntry[] = suppressions.map((s) => ({
      id: s.id,
      reason: s.reason.trim(),
      scope: construct.node.path,
    }));
    DECLARED.set(construct, [...(DECLARED.get(construct) ?? []), ...entries]);
    // Created now, not from the aspect: the carrier brings the suppressions into plans and states.
    if (construct.node.scopes.some((c) => TerraformStack.isStack(c))) MetadataCarrier.of(construct);
    Aspects.of(construct).add(new SuppressionAspect(entries));
  }

  /** The suppressions declared directly on `construct` (not inherited ones). */
  public static of(construct: IConstruct): readonly SuppressionEntry[] {
    return [...(DECLARED.get(construct) ?? [])];
  }
}
