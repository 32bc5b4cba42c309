/**
 * Reading a synthesized Terraform JSON document for the architecture doc: an index of its
 * resources and data sources, reference resolution, and tolerant attribute readers.
 *
 * The same block looks different by source: cdktf writes a `max_items = 1` block as an object and
 * other blocks as arrays; `terraform show -json` writes every block as an array. Values unknown
 * until apply are `${…}` strings. Every reader here accepts both shapes and never throws.
 */
import { JsonAny, TerraformDocument } from "../core/stack-artifacts";
import { RESOURCE_METADATA_KEY, ResourceMetadata } from "../standards/naming";

/** Attribute map of a resource. */
export type Attributes = Readonly<Record<string, JsonAny>>;

/** One resource (or data source) of the document. */
export interface DocResource {
  /** Resource type, e.g. `aws_msk_cluster`. */
  readonly type: string;
  /** Logical name inside its type. */
  readonly name: string;
  /** Terraform address: `type.name`, or `data.type.name` for data sources. */
  readonly address: string;
  /** Attributes as synthesized (the `"//"` comment object included). */
  readonly attrs: Attributes;
  /** The library's metadata, or an empty object for resources of other tools. */
  readonly meta: ResourceMetadata;
}

/** `type.name` (optionally `data.`-prefixed) addresses named inside `${…}` expressions. */
const ADDRESS = /(?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*/g;

/** Addresses referenced by a value (a string, or the strings of a list), in order of appearance. */
export function referencedAddresses(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencedAddresses);
  if (typeof value !== "string") return [];
  const out: string[] = [];
  for (const expr of value.match(/\$\{[^}]*\}/g) ?? []) out.push(...(expr.match(ADDRESS) ?? []));
  return out;
}

/** True for a value Terraform resolves later (any string containing `${`). */
export function isReference(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

/** A plain object, or undefined. */
export function asObject(value: unknown): Record<string, JsonAny> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, JsonAny>)
    : undefined;
}

/** The first (or only) instance of a block. */
export function first(value: unknown): Record<string, JsonAny> | undefined {
  return Array.isArray(value) ? asObject(value[0]) : asObject(value);
}

/** Every instance of a block, written as an object or an array. */
export function blocks(value: unknown): Record<string, JsonAny>[] {
  if (Array.isArray(value)) return value.map(asObject).filter((b): b is Record<string, JsonAny> => b !== undefined);
  const one = asObject(value);
  return one ? [one] : [];
}

/** Walk nested single blocks; undefined when a step is missing. */
export function block(attrs: Attributes | undefined, ...path: string[]): Record<string, JsonAny> | undefined {
  let current: Record<string, JsonAny> | undefined = attrs as Record<string, JsonAny> | undefined;
  for (const key of path) current = current ? first(current[key]) : undefined;
  return current;
}

/** A string (numbers and booleans rendered), or undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** A number (numeric strings count), or undefined when absent or unresolved. */
export function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** A boolean (`"true"`/`"false"` count), or undefined. */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  return value === "true" ? true : value === "false" ? false : undefined;
}

/** Strings of a list attribute (a single string becomes one element). */
export function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(str).filter((s): s is string => s !== undefined);
  const one = str(value);
  return one === undefined ? [] : [one];
}

/** A string map (topic config, connector config); non-string values are rendered. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asObject(value) ?? {})) {
    const s = str(v);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** Human form of a value: references lose their `${…}` wrapper (`var.vpc_id`). */
export function display(value: unknown): string {
  const s = str(value) ?? (Array.isArray(value) ? value.map(display).join(", ") : "");
  return s.replace(/\$\{([^}]*)\}/g, "$1");
}

/** Index over a document's resources and data sources. */
export class DocIndex {
  private readonly byAddress = new Map<string, DocResource>();
  private readonly byType = new Map<string, DocResource[]>();

  constructor(public readonly doc: TerraformDocument) {
    this.load(doc.resource, "");
    this.load(doc.data, "data.");
  }

  /** Managed resources of a type, in document order. */
  public of(type: string): DocResource[] {
    return this.byType.get(type) ?? [];
  }

  /** Data sources of a type. */
  public dataOf(type: string): DocResource[] {
    return this.byType.get(`data.${type}`) ?? [];
  }

  /** The resource at an address. */
  public get(address: string): DocResource | undefined {
    return this.byAddress.get(address);
  }

  /** Resources a value references, optionally only of the given types. */
  public refs(value: unknown, types?: readonly string[]): DocResource[] {
    const out: DocResource[] = [];
    for (const address of referencedAddresses(value)) {
      const hit = this.byAddress.get(address);
      if (hit && (!types || types.includes(hit.type)) && !out.includes(hit)) out.push(hit);
    }
    return out;
  }

  /** The first resource a value references, optionally only of the given types. */
  public ref(value: unknown, types?: readonly string[]): DocResource | undefined {
    return this.refs(value, types)[0];
  }

  /** Provider configurations of a provider name (`kafka`, `confluent`), as a list. */
  public providers(name: string): Record<string, JsonAny>[] {
    return blocks(asObject(this.doc.provider)?.[name]);
  }

  private load(section: unknown, prefix: string): void {
    for (const [type, byName] of Object.entries(asObject(section) ?? {})) {
      for (const [name, attrs] of Object.entries(asObject(byName) ?? {})) {
        const a = asObject(attrs) ?? {};
        const meta = (asObject(asObject(a["//"])?.[RESOURCE_METADATA_KEY]) ?? {}) as ResourceMetadata;
        const r: DocResource = { type, name, address: `${prefix}${type}.${name}`, attrs: a, meta };
        this.byAddress.set(r.address, r);
        const key = `${prefix}${type}`;
        // Append in place: copying the list for every resource made indexing quadratic per type.
        const list = this.byType.get(key);
        if (list) list.push(r);
        else this.byType.set(key, [r]);
      }
    }
  }
}
