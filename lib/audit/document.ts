/**
 * The audited document: every resource of one stack (or plan, or state) and an index that lets
 * rules follow references between them.
 */
import type { AuditResource, DocumentSource, DocumentView } from "./types";

/** Attributes that identify a resource when another resource names it by literal value. */
const IDENTIFYING_ATTRIBUTES = ["arn", "id", "key_id", "name", "cluster_name"] as const;

/**
 * Terraform addresses inside a `${…}` expression: optional `module.x.` prefixes, optional `data.`,
 * then `type.name`, optionally indexed. Matches `aws_kms_key.k.arn`, `data.aws_iam_policy_document.p.json`
 * and `module.msk.aws_msk_cluster.this[0].arn`.
 */
const ADDRESS_IN_EXPRESSION =
  /((?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)*(?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)(\[[^\]]*\])?/g;

/** The addresses a `${…}` string mentions, in order (indexed forms first, then unindexed). */
export function referencedAddresses(value: string): string[] {
  const out: string[] = [];
  for (const expr of value.match(/\$\{[^}]*\}/g) ?? []) {
    for (const m of expr.slice(2, -1).matchAll(ADDRESS_IN_EXPRESSION)) {
      if (m[2]) out.push(m[1] + m[2]);
      out.push(m[1]);
    }
  }
  return out;
}

/** A loaded document with its resource index. */
export class AuditDocument implements DocumentView {
  private readonly byAddress = new Map<string, AuditResource>();
  private readonly byType = new Map<string, AuditResource[]>();
  private readonly byLiteral = new Map<string, AuditResource>();

  constructor(
    /** Display name: the stack name or the input file. */
    public readonly name: string,
    /** Where the document came from. */
    public readonly source: DocumentSource,
    private readonly resources: readonly AuditResource[],
  ) {
    for (const r of resources) {
      this.byAddress.set(r.address, r);
      if (r.mode === "managed") {
        const list = this.byType.get(r.type) ?? [];
        list.push(r);
        this.byType.set(r.type, list);
      }
      for (const key of IDENTIFYING_ATTRIBUTES) {
        const v = r.attributes[key];
        // Only distinctive literals: ARNs and ids, never short names like "main" that collide.
        if (typeof v === "string" && !v.includes("${") && v.length >= 8 && !this.byLiteral.has(v)) {
          this.byLiteral.set(v, r);
        }
      }
    }
  }

  /** cdktf JSON shows `lifecycle`; plan and state output do not. */
  public get lifecycleKnown(): boolean {
    return this.source === "cdktf";
  }

  public all(): readonly AuditResource[] {
    return this.resources;
  }

  public ofType(type: string): readonly AuditResource[] {
    return this.byType.get(type) ?? [];
  }

  public get(address: string): AuditResource | undefined {
    return this.byAddress.get(address);
  }

  public resolve(value: unknown): AuditResource | undefined {
    if (typeof value !== "string") return undefined;
    if (value.includes("${")) {
      for (const address of referencedAddresses(value)) {
        const hit = this.byAddress.get(address);
        if (hit) return hit;
      }
      return undefined;
    }
    return this.byLiteral.get(value);
  }

  public refersTo(value: unknown, target: AuditResource): boolean {
    if (typeof value !== "string") return false;
    if (value.includes("${")) {
      const unindexed = target.address.replace(/\[[^\]]*\]$/, "");
      return referencedAddresses(value).some((a) => a === target.address || a === unindexed);
    }
    return IDENTIFYING_ATTRIBUTES.some((key) => {
      const v = target.attributes[key];
      return typeof v === "string" && v === value;
    });
  }
}
