/**
 * Helpers for the connector rules: direction, worker properties, config-provider references.
 */
import { CONFIG_PROVIDER_PREFIXES } from "../../../standards/audit-controls";
import type { AuditResource } from "../../types";
import { isSinkConnector, visibleConfig } from "./connectors";

/**
 * Which way a connector moves data, from its class first (`…SourceConnector`, `IbmDb2Source`,
 * `…SinkConnector`, `SnowflakeSink`), then from sink-only keys: `source`, `sink` or `unknown`.
 * MirrorMaker 2's source connectors carry a `topics` key but are sources.
 */
export function connectorDirection(connector: AuditResource): "source" | "sink" | "unknown" {
  const config = visibleConfig(connector);
  const cls = (config["connector.class"] ?? "").split(".").pop() ?? "";
  if (/sink/i.test(cls)) return "sink";
  if (/source|mirror(checkpoint|heartbeat)/i.test(cls)) return "source";
  return isSinkConnector(config) ? "sink" : "unknown";
}

/** The connector's class name, without its package. */
export function connectorClassName(connector: AuditResource): string {
  return (visibleConfig(connector)["connector.class"] ?? "").split(".").pop() ?? "";
}

/** `key=value` lines of a Java properties text (comments and blank lines skipped). */
export function propertiesOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === "" || t.startsWith("#") || t.startsWith("!")) continue;
    const m = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(t);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/**
 * The part of a key that names what its value is: for `config.providers.<name>.param.<setting>` the
 * setting (a provider named `secretsmanager` is not a secret; `param.aws.secret.key` is), else the key.
 */
export function credentialPart(key: string): string {
  if (!key.startsWith("config.providers.")) return key;
  const i = key.indexOf(".param.");
  return i < 0 ? "" : key.slice(i + ".param.".length);
}

/** Config providers a configuration value references: `${secretsmanager:…}` (or its `$${` escape). */
export function referencedProviders(values: readonly string[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    for (const m of v.matchAll(/\$?\$\{([a-z0-9_-]+):/gi)) {
      const name = m[1].toLowerCase();
      if (CONFIG_PROVIDER_PREFIXES.includes(name)) out.add(name);
    }
  }
  return [...out].sort();
}
