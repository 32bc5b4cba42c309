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
import { RESOURCE_METADATA_KEY } from "../../standards/naming";
import { AuditDocument } from "../document";
import type { AuditMetadata, AuditResource, DocumentSource } from "../types";
import { asObject } from "../values";

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

/** Index `configuration` resources by `<module path>|<type>.<name>` (mode-qualified for data). */
function indexConfiguration(json: Record<string, unknown>): Map<string, Expressions> {
  const out = new Map<string, Expressions>();
  const walk = (mod: Record<string, unknown> | undefined, path: string): void => {
    if (!mod) return;
    for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
      const res = asObject(r);
      const expressions = asObject(res?.expressions);
      if (res && expressions && typeof res.address === "string") out.set(`${path}|${res.address}`, expressions);
    }
    for (const [name, call] of Object.entries(asObject(mod.module_calls) ?? {})) {
      walk(asObject(asObject(call)?.module), path ? `${path}.module.${name}` : `module.${name}`);
    }
  };
  walk(asObject(asObject(json.configuration)?.root_module), "");
  return out;
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
  const resources: AuditResource[] = raw.map((r) => {
    let attributes: Record<string, unknown> = r.values;
    const unknown = asObject(changes.get(r.address)?.change)?.after_unknown;
    if (unknown && typeof unknown === "object") {
      const relative = r.address.slice(modulePrefix(r.address).length).replace(/\[[^\]]*\]$/, "");
      const expressions = config.get(`${modulePath(r.address)}|${relative}`);
      attributes = fillUnknown(attributes, unknown, expressions, modulePrefix(r.address)) as Record<string, unknown>;
    }
    const split = splitMetadata(attributes);
    attributes = split.attributes;
    const metadata = split.metadata;
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
      const { attributes, metadata } = splitMetadata(before);
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
