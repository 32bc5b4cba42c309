/**
 * The stack output that carries the library's resource metadata into plans and states.
 *
 * `terraform show -json` drops the `"//"` comments where the library records a resource's tier,
 * topic class, overrides and suppressions, so an audit of a plan would judge the library's own
 * resources without them (a telemetry topic's min.insync.replicas of 1 read as a durable topic's).
 * Terraform keeps root-module outputs in plans (`planned_values.outputs`) and states
 * (`values.outputs`), so every stack with such metadata also gets one output holding it, encoded
 * here. No cdktf import: the audit's loaders decode it.
 */
import { compareText } from "./compare";

/** Name of the output. */
export const METADATA_OUTPUT = "kafka_standards_metadata";

/** Format version of the encoded value. */
export const METADATA_OUTPUT_VERSION = 1;

/** The metadata keys the audit reads; other keys (alarm runbooks, broker ids) stay in `"//"` only. */
export const CARRIED_METADATA_KEYS = Object.freeze([
  "tier",
  "class",
  "construct",
  "cluster",
  "retire",
  "archive",
  "overrides",
  "dataClassification",
  "suppressions",
] as const);

/** Metadata of one resource, as carried. */
export type CarriedMetadata = Readonly<Record<string, unknown>>;

/** The decoded value: resources grouped by identical metadata, so large stacks stay small. */
interface EncodedMetadata {
  readonly v: number;
  readonly groups: readonly { readonly m: CarriedMetadata; readonly r: readonly string[] }[];
}

/** Keep the carried keys of a metadata object, in a stable order. */
export function carriedMetadata(metadata: Readonly<Record<string, unknown>>): CarriedMetadata {
  const out: Record<string, unknown> = {};
  for (const key of CARRIED_METADATA_KEYS) if (metadata[key] !== undefined) out[key] = metadata[key];
  return out;
}

/** Encode metadata by resource address as the output's value (JSON text). */
export function encodeMetadata(byAddress: ReadonlyMap<string, CarriedMetadata>): string {
  const groups = new Map<string, string[]>();
  for (const [address, metadata] of [...byAddress.entries()].sort(([a], [b]) => compareText(a, b))) {
    if (Object.keys(metadata).length === 0) continue;
    const key = JSON.stringify(metadata);
    const list = groups.get(key);
    if (list) list.push(address);
    else groups.set(key, [address]);
  }
  const encoded: EncodedMetadata = {
    v: METADATA_OUTPUT_VERSION,
    groups: [...groups.entries()].map(([m, r]) => ({ m: JSON.parse(m) as CarriedMetadata, r })),
  };
  return JSON.stringify(encoded);
}

/**
 * Escape Terraform template sequences, so the value is taken literally: in Terraform JSON
 * configuration a string is a template, where `${` and `%{` start an expression.
 */
export function escapeTemplate(text: string): string {
  return text.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}

/** Undo {@link escapeTemplate} (for the value as written in `cdk.tf.json`; Terraform does it for plans and states). */
export function unescapeTemplate(text: string): string {
  return text.replace(/\$\$\{/g, () => "${").replace(/%%\{/g, () => "%{");
}

/** Decode the output's value; an empty map when it is absent or not in this format. */
export function decodeMetadata(value: unknown): Map<string, CarriedMetadata> {
  const out = new Map<string, CarriedMetadata>();
  if (typeof value !== "string") return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return out;
  }
  const encoded = parsed as Partial<EncodedMetadata> | null;
  if (!encoded || encoded.v !== METADATA_OUTPUT_VERSION || !Array.isArray(encoded.groups)) return out;
  for (const g of encoded.groups) {
    if (!g || typeof g.m !== "object" || g.m === null || !Array.isArray(g.r)) continue;
    for (const address of g.r) if (typeof address === "string") out.set(address, g.m);
  }
  return out;
}
