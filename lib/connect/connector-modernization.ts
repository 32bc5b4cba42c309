/**
 * Finds deprecated connector classes and keys (CONNECTOR_MODERNIZATIONS) in a connector's
 * configuration and rewrites it to the standard replacement where the mapping is mechanical.
 * Pure: the audit rule KS-CONNECT-001 and `kafka-standards connectors` share it.
 */
import { CONNECTOR_MODERNIZATIONS, KeyRename, ModernizationEntry } from "../standards/connector-modernization";

/** What was found for one catalog entry. */
export interface ModernizationFinding {
  readonly entry: ModernizationEntry;
  /** `deprecated`: the entry applies; `review`: it may (the plugin version is unknown). */
  readonly status: "deprecated" | "review";
  /** The deprecated keys present (empty when the class itself is the finding). */
  readonly keys: readonly string[];
}

/** A rewritten configuration. */
export interface ModernizationRewrite {
  /** The configuration after the mechanical replacements. */
  readonly config: Readonly<Record<string, string>>;
  /** One line per change made. */
  readonly applied: readonly string[];
  /** What a person must still do. */
  readonly manual: readonly string[];
}

function keyMatches(key: string, pattern: string): boolean {
  return pattern.endsWith("*") ? key.startsWith(pattern.slice(0, -1)) : key === pattern;
}

function versionBelow(version: string, limit: string): boolean {
  const a = version.split(/[.-]/).map((p) => parseInt(p, 10) || 0);
  const b = limit.split(/[.-]/).map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return false;
}

/**
 * The catalog entries that apply to a connector.
 * @param pluginVersion the plugin's version, when known (`GET /connector-plugins`)
 */
export function findModernizations(
  connectorClass: string | undefined,
  config: Readonly<Record<string, string>>,
  pluginVersion?: string,
): ModernizationFinding[] {
  if (!connectorClass) return [];
  const keys = Object.keys(config);
  const out: ModernizationFinding[] = [];
  for (const entry of CONNECTOR_MODERNIZATIONS) {
    if (!entry.classes.includes(connectorClass)) continue;
    const present = entry.whenKeys ? keys.filter((k) => entry.whenKeys!.some((p) => keyMatches(k, p))) : [];
    if (entry.whenKeys && present.length === 0) continue;
    if (entry.whenValue && config[entry.whenValue.key]?.toUpperCase() !== entry.whenValue.value) continue;
    if (entry.versionBelow) {
      if (pluginVersion === undefined) {
        out.push({ entry, status: "review", keys: present });
        continue;
      }
      if (!versionBelow(pluginVersion, entry.versionBelow)) continue;
    }
    out.push({
      entry,
      status: "deprecated",
      keys: entry.whenValue ? [...present, entry.whenValue.key] : present,
    });
  }
  return out;
}

/** `ORDERS,SALES.CUSTOMERS` → `(.*\.)?ORDERS,(.*\.)?SALES\.CUSTOMERS` (JDBC 10.9 include/exclude lists). */
export function tableNamesToRegex(value: string): string {
  return value
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .map((t) => `(.*\\.)?${t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)
    .join(",");
}

function rename(config: Record<string, string>, r: KeyRename, applied: string[], manual: string[]): void {
  for (const key of Object.keys(config)) {
    const matches = r.prefix ? key.startsWith(r.from) : key === r.from;
    if (!matches) continue;
    const target = r.prefix ? r.to + key.slice(r.from.length) : r.to;
    const value = r.value === "table-names-to-regex" ? tableNamesToRegex(config[key]) : config[key];
    if (target in config && config[target] !== value) {
      manual.push(`${key} and ${target} are both set with different values: keep one by hand.`);
      continue;
    }
    const before = config[key];
    delete config[key];
    config[target] = value;
    applied.push(
      r.value
        ? `${key}=${JSON.stringify(before)} → ${target}=${JSON.stringify(value)} (table names as regexes on fully qualified names)`
        : `${key} → ${target}`,
    );
  }
}

/** Rewrites a configuration to the standard replacements where they are mechanical. */
export function rewriteConnectorConfig(
  connectorClass: string | undefined,
  config: Readonly<Record<string, string>>,
  pluginVersion?: string,
): ModernizationRewrite {
  const out: Record<string, string> = { ...config };
  const applied: string[] = [];
  const manual: string[] = [];
  for (const f of findModernizations(connectorClass, config, pluginVersion)) {
    const e = f.entry;
    if (f.status === "review") {
      manual.push(`${e.id}: ${e.manualSteps[0]}`);
      continue;
    }
    if (e.kind === "manual") {
      manual.push(`${e.id}: ${e.title} → ${e.replacement}. ${e.manualSteps.join(" ")}`);
      continue;
    }
    for (const r of e.renames ?? []) rename(out, r, applied, manual);
    for (const v of e.values ?? []) {
      if (out[v.key] !== undefined && out[v.key].toUpperCase() === v.from.toUpperCase()) {
        out[v.key] = v.to;
        applied.push(`${v.key}: ${v.from} → ${v.to}`);
      }
    }
    for (const step of e.manualSteps) manual.push(`${e.id}: ${step}`);
  }
  return { config: out, applied, manual };
}
