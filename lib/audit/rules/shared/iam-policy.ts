/**
 * IAM policy statements of `aws_iam_policy`-style resources: parsed from the `policy` JSON, or
 * read from the `aws_iam_policy_document` data source the policy references.
 */
import { notApplicable, notVerifiable } from "../../rule";
import type { AuditResource, DocumentView, RuleResult } from "../../types";
import { blocks, str, strings } from "../../values";
import { parseJsonTemplate } from "../../../core/json-template";

/** Resource types with a `policy` JSON attribute that can grant kafka-cluster actions. */
export const IAM_POLICY_TYPES = [
  "aws_iam_policy",
  "aws_iam_role_policy",
  "aws_iam_user_policy",
  "aws_iam_group_policy",
] as const;

/** One statement, normalized. */
export interface PolicyStatement {
  readonly allow: boolean;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

function fromJson(text: string): PolicyStatement[] | undefined {
  let doc: unknown;
  try {
    // Policies may be JSON text with Terraform interpolations inside (the library writes them so).
    doc = parseJsonTemplate(text);
  } catch {
    return undefined;
  }
  const raw = (doc as { Statement?: unknown })?.Statement;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((s: Record<string, unknown>) => ({
    allow: (str(s?.Effect) ?? "Allow") === "Allow",
    actions: strings(s?.Action),
    resources: strings(s?.Resource),
  }));
}

function fromPolicyDocument(data: AuditResource): PolicyStatement[] | undefined {
  const json = data.attributes.json;
  if (typeof json === "string" && !json.includes("${")) return fromJson(json);
  return blocks(data.attributes.statement).map((s) => ({
    allow: (str(s.effect) ?? "Allow") === "Allow",
    actions: strings(s.actions),
    resources: strings(s.resources),
  }));
}

function readStatements(resource: AuditResource, doc: DocumentView): PolicyStatement[] | undefined {
  const policy = resource.attributes.policy;
  if (typeof policy !== "string") return undefined;
  const parsed = fromJson(policy);
  if (parsed) return parsed;
  const target = doc.resolve(policy);
  if (target?.type === "aws_iam_policy_document") return fromPolicyDocument(target);
  return undefined;
}

const STATEMENTS = {};

/**
 * Statements of a policy resource, or undefined when they cannot be read from the document
 * (parsed once per document: several rules and the inventory read the same policy).
 */
export function policyStatements(resource: AuditResource, doc: DocumentView): readonly PolicyStatement[] | undefined {
  const cache = doc.memo(STATEMENTS, () => new Map<AuditResource, PolicyStatement[] | undefined>());
  if (!cache.has(resource)) cache.set(resource, readStatements(resource, doc));
  return cache.get(resource);
}

/** True when an action pattern covers kafka-cluster data-plane actions. */
export function coversKafkaCluster(action: string): boolean {
  const a = action.toLowerCase();
  return a === "*" || a.startsWith("kafka-cluster:");
}

/** True when an action pattern grants every kafka-cluster action. */
export function isKafkaClusterWildcard(action: string): boolean {
  const a = action.toLowerCase();
  return a === "*" || a === "kafka-cluster:*";
}

/**
 * The result when a policy's statements cannot be read: not verifiable when the policy is a
 * reference whose target is out of sight or known only after apply, not applicable otherwise
 * (no policy, or text that is not JSON).
 */
export function unreadablePolicy(policy: AuditResource, doc: DocumentView): RuleResult {
  const value = policy.attributes.policy;
  if (typeof value === "string" && value.includes("${")) {
    const missing = doc.outside(value);
    return missing.length > 0
      ? notVerifiable("the policy document it references is not in this document", missing)
      : notVerifiable(
          "the policy is an expression the audit cannot read (e.g. jsonencode, or known only after apply)",
          [value],
        );
  }
  return notApplicable("policy is not readable JSON or a policy-document reference");
}
