/**
 * The audited document: every resource of one stack (or plan, or state) and the indexes that let
 * rules follow references between them in constant time.
 *
 * Rules that relate resources (which clusters use this key, which secrets an association names)
 * build their reverse indexes once per document through `memo`, so an audit is linear in the number
 * of resources whatever their mix.
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
  /(?<![\w.\]-])((?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)*(?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)(\[[^\]]*\])?/g;

/** One resource a `${…}` expression names: its address without instance key, and the key when given. */
interface Mention {
  /** `type.name` (with module prefixes and `data.`), without instance key. */
  readonly base: string;
  /** The address as written, instance key included (`base` when none). */
  readonly address: string;
  /** True when the expression names one instance (`x.y[0]`); false names every instance. */
  readonly indexed: boolean;
}

function mentionsOf(value: string): Mention[] {
  const out: Mention[] = [];
  for (const expr of value.match(/\$\{[^}]*\}/g) ?? []) {
    for (const m of expr.slice(2, -1).matchAll(ADDRESS_IN_EXPRESSION)) {
      out.push({ base: m[1], address: m[1] + (m[2] ?? ""), indexed: m[2] !== undefined });
    }
  }
  return out;
}

/** Shortest literal `resolve` follows: ARNs and ids, never short names like "main" that collide. */
const MIN_RESOLVABLE_LITERAL = 8;

/** First segments of expressions that name no resource (`var.x`, `local.y`, `each.value`, …). */
const NON_RESOURCE_ROOTS = new Set(["var", "local", "each", "count", "path", "terraform", "self"]);

/** The addresses a `${…}` string mentions, in order (indexed forms first, then unindexed). */
export function referencedAddresses(value: string): string[] {
  return mentionsOf(value).flatMap((m) => (m.indexed ? [m.address, m.base] : [m.base]));
}

/** An address without its trailing instance key: `aws_kms_key.k[0]` → `aws_kms_key.k`. */
function unindexed(address: string): string {
  return address.replace(/\[[^\]]*\]$/, "");
}

/** True when an address found in an expression can name a resource (not `var.x` or `local.y`). */
function namesResource(address: string): boolean {
  return !NON_RESOURCE_ROOTS.has(address.slice(0, address.indexOf(".")));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A loaded document with its resource indexes. */
export class AuditDocument implements DocumentView {
  private readonly byAddress = new Map<string, AuditResource>();
  private readonly byType = new Map<string, AuditResource[]>();
  /** Resources by address without instance key: `x.y` → `x.y`, `x.y[0]`, `x.y[1]`. */
  private readonly byBaseAddress = new Map<string, AuditResource[]>();
  private readonly byLiteral = new Map<string, AuditResource[]>();
  /** Parsed references per distinct string: the same reference is parsed once per document. */
  private readonly referenceCache = new Map<string, readonly string[]>();
  private readonly mentionCache = new Map<string, readonly Mention[]>();
  private readonly memos = new Map<object, unknown>();

  constructor(
    /** Display name: the stack name or the input file. */
    public readonly name: string,
    /** Where the document came from. */
    public readonly source: DocumentSource,
    private readonly resources: readonly AuditResource[],
  ) {
    for (const r of resources) {
      this.byAddress.set(r.address, r);
      push(this.byBaseAddress, unindexed(r.address), r);
      if (r.mode === "managed") push(this.byType, r.type, r);
      for (const key of IDENTIFYING_ATTRIBUTES) {
        const v = r.attributes[key];
        if (typeof v === "string" && v.length > 0 && !v.includes("${")) {
          const list = this.byLiteral.get(v);
          if (!list) this.byLiteral.set(v, [r]);
          else if (!list.includes(r)) list.push(r);
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

  /** The addresses a `${…}` value mentions (parsed once per distinct string). */
  public references(value: string): readonly string[] {
    let hit = this.referenceCache.get(value);
    if (!hit) {
      hit = referencedAddresses(value);
      this.referenceCache.set(value, hit);
    }
    return hit;
  }

  private mentions(value: string): readonly Mention[] {
    let hit = this.mentionCache.get(value);
    if (!hit) {
      hit = mentionsOf(value);
      this.mentionCache.set(value, hit);
    }
    return hit;
  }

  public resolve(value: unknown): AuditResource | undefined {
    if (typeof value !== "string") return undefined;
    if (value.includes("${")) {
      for (const address of this.references(value)) {
        const hit = this.byAddress.get(address);
        if (hit) return hit;
      }
      return undefined;
    }
    // Only distinctive literals: ARNs and ids, never short names like "main" that collide.
    return value.length >= MIN_RESOLVABLE_LITERAL ? this.byLiteral.get(value)?.[0] : undefined;
  }

  public refersTo(value: unknown, target: AuditResource): boolean {
    if (typeof value !== "string") return false;
    if (value.includes("${")) {
      const base = unindexed(target.address);
      // `x.y[0]` names one instance; `x.y` names every instance of x.y.
      return this.mentions(value).some((m) => m.address === target.address || (!m.indexed && m.base === base));
    }
    return IDENTIFYING_ATTRIBUTES.some((key) => {
      const v = target.attributes[key];
      return typeof v === "string" && v === value;
    });
  }

  public targets(value: unknown): readonly AuditResource[] {
    if (typeof value !== "string" || value.length === 0) return [];
    if (!value.includes("${")) return this.byLiteral.get(value) ?? [];
    const out: AuditResource[] = [];
    for (const m of this.mentions(value)) {
      const exact = this.byAddress.get(m.address);
      if (exact && !out.includes(exact)) out.push(exact);
      if (!m.indexed) for (const r of this.byBaseAddress.get(m.base) ?? []) if (!out.includes(r)) out.push(r);
    }
    return out;
  }

  public outside(value: unknown): readonly string[] {
    if (typeof value !== "string" || value.length === 0) return [];
    if (!value.includes("${")) return this.byLiteral.has(value) ? [] : [value];
    const found = this.targets(value);
    // A remote-state output names a resource of another stack: it is in sight only as the data source.
    if (found.some((r) => r.type !== "terraform_remote_state")) return [];
    const named = [...new Set(this.mentions(value).map((m) => m.base))].filter(
      (a) => namesResource(a) && !this.byBaseAddress.has(a),
    );
    return named.length > 0 ? named : [value];
  }

  public memo<T>(key: object, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }
}
