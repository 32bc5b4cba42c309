/**
 * Reading connector configuration: `aws_mskconnect_connector.connector_configuration` and
 * `confluent_connector.config_nonsensitive` (plus `config_sensitive` keys, whose values are hidden).
 */
import {
  CONFIG_PROVIDER_PREFIXES,
  CREDENTIAL_KEY_EXCLUDED_SUFFIXES,
  CREDENTIAL_KEY_SUFFIXES,
  CREDENTIAL_KEY_WORDS,
} from "../../../standards/audit-controls";
import type { AuditResource } from "../../types";
import { stringMap } from "../../values";

/** Resource types that define a Kafka Connect connector. */
export const CONNECTOR_TYPES = ["aws_mskconnect_connector", "confluent_connector"] as const;

/** The configuration visible in the Terraform document (non-sensitive part). */
export function visibleConfig(connector: AuditResource): Record<string, string> {
  return stringMap(
    connector.type === "confluent_connector"
      ? connector.attributes.config_nonsensitive
      : connector.attributes.connector_configuration,
  );
}

/** Every configured key, sensitive ones included. */
export function allConfigKeys(connector: AuditResource): Set<string> {
  const keys = new Set(Object.keys(visibleConfig(connector)));
  if (connector.type === "confluent_connector") {
    for (const k of Object.keys(stringMap(connector.attributes.config_sensitive))) keys.add(k);
  }
  return keys;
}

/** Name of the attribute holding the visible configuration. */
export function visibleConfigAttribute(connector: AuditResource): string {
  return connector.type === "confluent_connector" ? "config_nonsensitive" : "connector_configuration";
}

/** True for a sink connector: its class says so, or it reads `topics` / `topics.regex` (sink-only keys). */
export function isSinkConnector(config: Record<string, string>): boolean {
  const cls = config["connector.class"] ?? "";
  return /sink/i.test(cls) || "topics" in config || "topics.regex" in config;
}

/** True when a key name says its value is a credential. */
export function isCredentialKey(key: string): boolean {
  const k = key.toLowerCase();
  if (CREDENTIAL_KEY_EXCLUDED_SUFFIXES.some((s) => k.endsWith(s))) return false;
  if (CREDENTIAL_KEY_WORDS.some((w) => k.includes(w))) return true;
  return CREDENTIAL_KEY_SUFFIXES.some((s) => k === s || k.endsWith(`.${s}`) || k.endsWith(`_${s}`));
}

/**
 * True when the value is a Kafka config-provider lookup (`${secretsmanager:…}`), which holds no secret.
 * In Terraform JSON the lookup is written with the `$${` escape (so Terraform passes it on literally);
 * plans and states show it unescaped.
 */
export function isConfigProviderReference(value: string): boolean {
  const m = /^\$?\$\{([a-z0-9_-]+):/i.exec(value.trim());
  return m !== null && CONFIG_PROVIDER_PREFIXES.includes(m[1].toLowerCase());
}

/** JAAS configuration with an inline password (`password="..."`). */
export function hasInlineJaasPassword(key: string, value: string): boolean {
  return /jaas\.config$/i.test(key) && /password\s*=\s*"(?!\$\{)[^"]+"/i.test(value);
}
