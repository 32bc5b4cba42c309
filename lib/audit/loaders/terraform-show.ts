/**
 * Loader for `terraform show -json` output.
 *
 * - Plan: resources from `planned_values.root_module` (and its `child_modules`). A value that is
 *   only known after apply is absent there and marked in `resource_changes[].change.after_unknown`;
 *   the loader puts it back as `${<reference>}` (from the plan's `configuration` expressions) or as
 *   `${(known after apply)}`, so presence checks see it as set and reference-following rules can
 *   still find, for example, the KMS key a cluster uses.
 * - State: resources from `values.root_module`.
 *
 * Addresses keep their module prefix (`module.msk.aws_msk_cluster.this`). Plan and state output do
 * not contain `lifecycle` blocks, so rules about `prevent_destroy` do not apply to them.
 */
import { METADATA_OUTPUT, decodeMetadata, type CarriedMetadata } from "../../core/metadata-output";
import { RESOURCE_METADATA_KEY } from "../../standards/naming";
import { AuditDocument } from "../document";
import type { AuditMetadata, AuditResource, DocumentSource } from "../types";
import { asObject, blocks } from "../values";

/** Placeholder for a value that is known only after apply and has no reference to follow. */
export const UNKNOWN_AFTER_APPLY = "${(known after apply)}";

/** True when `json` is `terraform show -json` output of a plan. */
export function isPlanJson(json: Record<string, unknown>): boolean {
  return asObject(json.planned_values) !== undefined || Array.isArray(json.resource_changes);
}

/** True when `json` is `terraform show -json` output of a state (possibly empty). */
export function isStateJson(json: Record<string, unknown>): boolean {
  if (asObject(json.values) !== undefined) return true;
  return typeof json.format_version === "string" && typeof json.terraform_version === "string";
}

type Expressions = Record<string, unknown>;

/** Module path of an address without instance keys: `module.a[0].module.b.x.y` → `module.a.module.b`. */
function modulePath(address: string): string {
  const parts: string[] = [];
  const re = /module\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?\./g;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(address)) !== null && m.index === last) {
    parts.push(`module.${m[1]}`);
    last = re.lastIndex;
  }
  return parts.join(".");
}

/** Module prefix as written in the address, with instance keys: `module.a[0].`. */
function modulePrefix(address: string): string {
  const m = /^((?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)*)/.exec(address);
  return m ? m[1] : "";
}

/** A resource of the plan's `configuration`: its expressions and the provider configuration it uses. */
interface ConfiguredResource {
  readonly expressions?: Expressions;
  readonly providerConfigKey?: string;
}

/** Index `configuration` resources by `<module path>|<type>.<name>` (mode-qualified for data). */
function indexConfiguration(json: Record<string, unknown>): Map<string, ConfiguredResource> {
  const out = new Map<string, ConfiguredResource>();
  const walk = (mod: Record<string, unknown> | undefined, path: string): void => {
    if (!mod) return;
    for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
      const res = asObject(r);
      if (!res || typeof res.address !== "string") continue;
      const expressions = asObject(res.expressions);
      const providerConfigKey = typeof res.provider_config_key === "string" ? res.provider_config_key : undefined;
      out.set(`${path}|${res.address}`, {
        ...(expressions ? { expressions } : {}),
        ...(providerConfigKey ? { providerConfigKey } : {}),
      });
    }
    for (const [name, call] of Object.entries(asObject(mod.module_calls) ?? {})) {
      walk(asObject(asObject(call)?.module), path ? `${path}.module.${name}` : `module.${name}`);
    }
  };
  walk(asObject(asObject(json.configuration)?.root_module), "");
  return out;
}

/** The constant tags of a `default_tags` expression (`expressions.default_tags[].tags.constant_value`). */
function constantDefaultTags(expressions: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const d of blocks(asObject(expressions)?.default_tags)) {
    const value = asObject(asObject(d.tags)?.constant_value);
    for (const [k, v] of Object.entries(value ?? {})) if (typeof v === "string") tags[k] = v;
  }
  return tags;
}

/** `default_tags` of each AWS provider configuration of a plan, by provider configuration key (`aws`, `aws.west`, `module.x:aws`). */
function planDefaultTags(json: Record<string, unknown>): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const [key, config] of Object.entries(asObject(asObject(json.configuration)?.provider_config) ?? {})) {
    const c = asObject(config);
    if (c?.name !== "aws") continue;
    out.set(key, constantDefaultTags(c.expressions));
  }
  return out;
}

/** The default tags of a provider configuration key; keys of modules that inherit their parent's provider fall back to it. */
function defaultTagsFor(
  tags: ReadonlyMap<string, Record<string, string>>,
  key: string | undefined,
): Record<string, string> | undefined {
  if (key === undefined) return tags.get("aws");
  return tags.get(key) ?? tags.get(key.slice(key.lastIndexOf(":") + 1));
}

function referenceOf(expression: unknown, prefix: string): string | undefined {
  const refs = asObject(expression)?.references;
  if (!Array.isArray(refs) || refs.length === 0) return undefined;
  const first = refs.find((r): r is string => typeof r === "string");
  if (!first) return undefined;
  // Resource references are relative to the module; variables and locals stay as written.
  const local = /^(var|local|each|count|path|terraform)\./.test(first);
  return `\${${local ? "" : prefix}${first}}`;
}

/** Put values marked unknown back, following configuration references where there are any. */
function fillUnknown(values: unknown, unknown: unknown, expressions: unknown, prefix: string): unknown {
  if (unknown === true) return referenceOf(expressions, prefix) ?? UNKNOWN_AFTER_APPLY;
  if (Array.isArray(unknown)) {
    const arr = Array.isArray(values) ? [...values] : [];
    const exprs = Array.isArray(expressions) ? expressions : [];
    unknown.forEach((u, i) => {
      if (u === false || u === undefined || u === null) return;
      arr[i] = fillUnknown(arr[i], u, exprs[i] ?? exprs[0], prefix);
    });
    return arr;
  }
  const u = asObject(unknown);
  if (u) {
    const obj = { ...(asObject(values) ?? {}) };
    const exprs = asObject(expressions) ?? {};
    for (const [k, v] of Object.entries(u)) {
      if (v === false) continue;
      obj[k] = fillUnknown(obj[k], v, exprs[k], prefix);
    }
    return obj;
  }
  return values;
}

interface RawResource {
  readonly address: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly values: Record<string, unknown>;
}

function walkModule(mod: Record<string, unknown> | undefined, out: RawResource[]): void {
  if (!mod) return;
  for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
    const res = asObject(r);
    if (!res || typeof res.address !== "string" || typeof res.type !== "string") continue;
    out.push({
      address: res.address,
      mode: res.mode === "data" ? "data" : "managed",
      type: res.type,
      name: typeof res.name === "string" ? res.name : res.address,
      values: asObject(res.values) ?? {},
    });
  }
  for (const child of Array.isArray(mod.child_modules) ? mod.child_modules : []) walkModule(asObject(child), out);
}

/**
 * Terraform drops `"//"` comments from plans and state; documents that keep the library's metadata
 * (e.g. converted by a tool that preserves it) are honoured like a cdktf document.
 */
function splitMetadata(values: Record<string, unknown>): {
  attributes: Record<string, unknown>;
  metadata?: AuditMetadata;
} {
  const { "//": comment, ...attributes } = values;
  const metadata = asObject(asObject(comment)?.[RESOURCE_METADATA_KEY]) as AuditMetadata | undefined;
  return metadata ? { attributes, metadata } : { attributes };
}

/**
 * The library's metadata carried by the stack output {@link METADATA_OUTPUT}: from the plan's planned
 * outputs (or the output's constant expression in its configuration), or from the state's outputs.
 */
function carriedMetadataOf(json: Record<string, unknown>, source: DocumentSource): Map<string, CarriedMetadata> {
  const values = asObject(source === "plan" ? json.planned_values : json.values);
  const planned = asObject(asObject(values?.outputs)?.[METADATA_OUTPUT])?.value;
  if (typeof planned === "string") return decodeMetadata(planned);
  const configured = asObject(
    asObject(asObject(asObject(asObject(json.configuration)?.root_module)?.outputs)?.[METADATA_OUTPUT])?.expression,
  )?.constant_value;
  return decodeMetadata(configured);
}

/** Load `terraform show -json` output of a plan or a state. */
export function loadTerraformShowJson(json: Record<string, unknown>, name: string): AuditDocument {
  const source: DocumentSource = isPlanJson(json) ? "plan" : "state";
  const raw: RawResource[] = [];
  walkModule(asObject(asObject(source === "plan" ? json.planned_values : json.values)?.root_module), raw);

  const changes = new Map<string, Record<string, unknown>>();
  for (const c of Array.isArray(json.resource_changes) ? json.resource_changes : []) {
    const rc = asObject(c);
    const change = asObject(rc?.change);
    if (rc && change && typeof rc.address === "string") changes.set(rc.address, { ...rc, change });
  }
  // A plan without planned_values (rare, older formats): fall back to the changes' "after" values.
  if (source === "plan" && raw.length === 0) {
    for (const rc of changes.values()) {
      const after = asObject(asObject(rc.change)?.after);
      if (!after || typeof rc.type !== "string") continue;
      raw.push({
        address: rc.address as string,
        mode: rc.mode === "data" ? "data" : "managed",
        type: rc.type,
        name: typeof rc.name === "string" ? rc.name : (rc.address as string),
        values: after,
      });
    }
  }

  const config = indexConfiguration(json);
  const providerTags = planDefaultTags(json);
  const carried = carriedMetadataOf(json, source);
  // Resources a plan deletes are described by the state before it, and so is their metadata.
  const carriedBefore = decodeMetadata(
    asObject(asObject(asObject(asObject(json.prior_state)?.values)?.outputs)?.[METADATA_OUTPUT])?.value,
  );
  const resources: AuditResource[] = raw.map((r) => {
    let attributes: Record<string, unknown> = r.values;
    const relative = r.address.slice(modulePrefix(r.address).length).replace(/\[[^\]]*\]$/, "");
    const configured = config.get(`${modulePath(r.address)}|${relative}`);
    const unknown = asObject(changes.get(r.address)?.change)?.after_unknown;
    if (unknown && typeof unknown === "object") {
      attributes = fillUnknown(attributes, unknown, configured?.expressions, modulePrefix(r.address)) as Record<
        string,
        unknown
      >;
    }
    const defaultTags = r.type.startsWith("aws_")
      ? defaultTagsFor(providerTags, configured?.providerConfigKey)
      : undefined;
    const split = splitMetadata(attributes);
    attributes = split.attributes;
    // Metadata sits in the carrier output under the root-module address (cdktf stacks are root modules).
    const metadata = split.metadata ?? (carried.get(r.address) as AuditMetadata | undefined);
    const planned = source === "plan" ? asObject(changes.get(r.address)?.change) : undefined;
    const actions = Array.isArray(planned?.actions)
      ? planned.actions.filter((a): a is string => typeof a === "string")
      : undefined;
    const change = actions ? { actions, before: asObject(planned?.before) } : undefined;
    return {
      type: r.type,
      name: r.name,
      address: r.address,
      mode: r.mode,
      attributes,
      ...(metadata ? { metadata } : {}),
      ...(change ? { change } : {}),
      ...(defaultTags && Object.keys(defaultTags).length > 0 ? { defaultTags } : {}),
    };
  });
  // Resources the plan deletes are absent from planned_values: audit them from their "before" values.
  if (source === "plan") {
    const present = new Set(resources.map((r) => r.address));
    for (const rc of changes.values()) {
      const change = asObject(rc.change);
      const actions = Array.isArray(change?.actions)
        ? change.actions.filter((a): a is string => typeof a === "string")
        : [];
      const before = asObject(change?.before);
      if (present.has(rc.address as string) || !actions.includes("delete") || !before || typeof rc.type !== "string")
        continue;
      const split = splitMetadata(before);
      const { attributes } = split;
      const metadata =
        split.metadata ??
        ((carriedBefore.get(rc.address as string) ?? carried.get(rc.address as string)) as AuditMetadata | undefined);
      resources.push({
        type: rc.type,
        name: typeof rc.name === "string" ? rc.name : (rc.address as string),
        address: rc.address as string,
        mode: rc.mode === "data" ? "data" : "managed",
        attributes,
        ...(metadata ? { metadata } : {}),
        change: { actions, before: attributes },
      });
    }
  }
  return new AuditDocument(name, source, resources);
}
