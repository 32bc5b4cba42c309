/**
 * Whole-document equality of two synthesized cdktf stacks (`cdk.tf.json`), for the benchmark: the
 * library's document against the plain-L1 program's.
 *
 * Exactly two things are excluded before comparing, and nothing else:
 *
 * 1. the document's top-level `"//"` block: cdktf's own metadata (`metadata`: backend, stack name,
 *    cdktf version and the list of overridden keys per resource type; `outputs`: the map of
 *    cross-stack outputs);
 * 2. the `"//"` key of every block under `resource`, `data` and `ephemeral`, which may hold only
 *    `metadata` (cdktf's construct path and unique id of the block) and `kafka-standards` (the
 *    library's metadata); a `"//"` key with anything else is reported as a difference.
 *
 * Terraform ignores `"//"` keys in JSON configuration, so neither changes what Terraform plans. The
 * construct path differs by construction (the library nests constructs, the baseline does not), and
 * the baseline writes no library metadata. Object key order is ignored (Terraform reads JSON objects
 * as maps); array order is compared.
 */

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The sub-keys a block's `"//"` may hold. */
export const ALLOWED_BLOCK_COMMENT_KEYS: readonly string[] = Object.freeze(["metadata", "kafka-standards"]);

/** The top-level blocks whose instances carry cdktf's per-block `"//"` metadata. */
const BLOCK_KINDS = ["resource", "data", "ephemeral"] as const;

/** One difference between two documents. */
export interface Difference {
  /** JSON path, e.g. `resource.kafka_quota.q1.config.producer_byte_rate`. */
  readonly path: string;
  /** What the library's document has there (`undefined`: nothing). */
  readonly expected: Json | undefined;
  /** What the baseline's document has there. */
  readonly actual: Json | undefined;
}

function isObject(v: unknown): v is { [key: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Removes what {@link compareDocuments} excludes (see the module comment). Returns the cleaned copy
 * and the differences that the exclusion itself finds (a `"//"` block with unexpected keys).
 */
export function normalizeDocument(doc: Json): { document: Json; problems: Difference[] } {
  const problems: Difference[] = [];
  if (!isObject(doc)) return { document: doc, problems };
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k === "//") continue;
    out[k] = v;
  }
  for (const kind of BLOCK_KINDS) {
    const byType = out[kind];
    if (!isObject(byType)) continue;
    const cleanTypes: { [key: string]: Json } = {};
    for (const [type, byName] of Object.entries(byType)) {
      if (!isObject(byName)) {
        cleanTypes[type] = byName;
        continue;
      }
      const cleanNames: { [key: string]: Json } = {};
      for (const [name, body] of Object.entries(byName)) {
        if (!isObject(body) || !("//" in body)) {
          cleanNames[name] = body;
          continue;
        }
        const { "//": comment, ...rest } = body;
        const extra = isObject(comment)
          ? Object.keys(comment).filter((key) => !ALLOWED_BLOCK_COMMENT_KEYS.includes(key))
          : ["(not an object)"];
        if (extra.length > 0) {
          problems.push({ path: `${kind}.${type}.${name}.//`, expected: null, actual: comment });
        }
        cleanNames[name] = rest;
      }
      cleanTypes[type] = cleanNames;
    }
    out[kind] = cleanTypes;
  }
  return { document: out, problems };
}

function diff(expected: Json | undefined, actual: Json | undefined, path: string, out: Difference[]): void {
  if (isObject(expected) && isObject(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of [...keys].sort()) diff(expected[k], actual[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const n = Math.max(expected.length, actual.length);
    for (let i = 0; i < n; i++) diff(expected[i], actual[i], `${path}[${i}]`, out);
    return;
  }
  if (expected !== actual) out.push({ path, expected, actual });
}

/**
 * Every difference between the library's document and the baseline's, after {@link normalizeDocument}
 * on both (an empty list means equal).
 */
export function compareDocuments(expected: Json, actual: Json): Difference[] {
  const e = normalizeDocument(expected);
  const a = normalizeDocument(actual);
  const out: Difference[] = [...e.problems, ...a.problems];
  diff(e.document, a.document, "", out);
  return out;
}

/**
 * Groups differences by the shape of their path (block names replaced by `*`), so that one defect
 * repeated on thousands of blocks reads as one line: `resource.kafka_quota.*.config.producer_byte_rate
 * (missing in baseline) ×2`.
 */
export function summarizeDifferences(differences: readonly Difference[]): { pattern: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const d of differences) {
    const parts = d.path.split(".");
    const kindIndex = parts.findIndex((p) => (BLOCK_KINDS as readonly string[]).includes(p));
    if (kindIndex >= 0 && parts.length > kindIndex + 2) parts[kindIndex + 2] = "*";
    const what =
      d.actual === undefined ? "missing in baseline" : d.expected === undefined ? "only in baseline" : "differs";
    const key = `${parts.join(".").replace(/\[\d+\]/g, "[]")} (${what})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([pattern, count]) => ({ pattern, count }))
    .sort((x, y) => y.count - x.count || x.pattern.localeCompare(y.pattern));
}
