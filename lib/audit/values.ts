/**
 * Reading attribute values of synthesized Terraform.
 *
 * The same block looks different by source: cdktf writes a `max_items = 1` block as an object and
 * other blocks as arrays; `terraform show -json` writes every block as an array. Values not known
 * until apply are `${…}` strings (cdktf references, or placeholders the plan loader inserts).
 */

/** True for a value Terraform resolves later: any string containing `${`. */
export function isUnresolved(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

/** True when the attribute holds something (unresolved references count as set). */
export function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** A plain object, or undefined. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The first (or only) instance of a block: unwraps one level of array. */
export function first(value: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(value)) return asObject(value[0]);
  return asObject(value);
}

/** Every instance of a block, whether written as an object or an array. */
export function blocks(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.map(asObject).filter((b): b is Record<string, unknown> => b !== undefined);
  const one = asObject(value);
  return one ? [one] : [];
}

/**
 * Walk nested single blocks: `block(attrs, "encryption_info", "encryption_in_transit")`.
 * Undefined when any step is missing.
 */
export function block(
  attrs: Readonly<Record<string, unknown>> | undefined,
  ...path: string[]
): Record<string, unknown> | undefined {
  let current: Record<string, unknown> | undefined = attrs as Record<string, unknown> | undefined;
  for (const key of path) {
    if (!current) return undefined;
    current = first(current[key]);
  }
  return current;
}

/** A string attribute (numbers and booleans rendered), or undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** A boolean attribute; `"true"`/`"false"` strings count. Undefined when absent or unresolved. */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

/** A numeric attribute; numeric strings count. Undefined when absent, unresolved or not a number. */
export function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** A list of strings (a single string becomes a one-element list). */
export function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(str).filter((s): s is string => s !== undefined);
  const one = str(value);
  return one === undefined ? [] : [one];
}

/** A map of string values (topic `config`, connector configuration, tags). */
export function stringMap(value: unknown): Record<string, string> {
  const obj = first(value);
  const out: Record<string, string> = {};
  if (!obj) return out;
  for (const [k, v] of Object.entries(obj)) {
    const s = str(v);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** Tags of a resource's attributes: `tags` merged over `tags_all`. */
export function tagsOf(attributes: Readonly<Record<string, unknown>>): Record<string, string> {
  return { ...stringMap(attributes.tags_all), ...stringMap(attributes.tags) };
}

/**
 * Every tag a resource carries: its AWS provider's `default_tags`, then `tags_all` (which plans and
 * states compute from both), then its own `tags`, each winning over the previous.
 */
export function resourceTags(resource: {
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly defaultTags?: Readonly<Record<string, string>>;
}): Record<string, string> {
  return { ...(resource.defaultTags ?? {}), ...tagsOf(resource.attributes) };
}

/** `lifecycle.prevent_destroy` as written in cdktf JSON. */
export function preventDestroy(attributes: Readonly<Record<string, unknown>>): boolean {
  return bool(block(attributes, "lifecycle")?.prevent_destroy) === true;
}

/** Render a value for a message. */
export function show(value: unknown): string {
  if (value === undefined) return "absent";
  if (typeof value === "string") return JSON.stringify(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
