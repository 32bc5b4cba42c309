/**
 * The live inventory as the Terraform resources the audit rules read: topics → `kafka_topic`, ACLs →
 * `kafka_acl`, quotas → `kafka_quota`, SCRAM users → `kafka_user_scram_credential` (Mongey/kafka
 * provider attribute names), and the brokers' configuration → one `aws_msk_configuration` whose
 * `server_properties` hold the settings common to every broker, which the broker-baseline rules read.
 */
import { RESOURCE_METADATA_KEY } from "../standards/naming";
import { replicationFactorOf } from "./metrics";
import type { LiveInventory, LiveQuota } from "./types";

/** A Terraform JSON configuration (`resource.<type>.<name>`), as `auditDocument` accepts it. */
export interface InventoryTerraform {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly "//": { readonly metadata: { readonly stackName: string } };
}

/** A Terraform-safe resource name: letters, digits, `_` and `-`, starting with a letter or `_`. */
export function resourceName(raw: string, taken: Set<string>): string {
  let base = raw.replace(/[^A-Za-z0-9_-]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  taken.add(name);
  return name;
}

/** Settings set to the same value on every broker (sensitive values and per-broker identity left out). */
export function commonBrokerConfig(inv: LiveInventory): Record<string, string> {
  if (inv.brokerConfigs.length === 0) return {};
  const [first, ...rest] = inv.brokerConfigs;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(first.configs)) {
    if (value === "<sensitive>") continue;
    if (rest.every((b) => b.configs[key] === value)) out[key] = value;
  }
  return out;
}

function quotaEntity(q: LiveQuota): { type: string; name: string | undefined } {
  const types = Object.keys(q.entity).sort();
  const type = types.join("|");
  const names = types.map((t) => q.entity[t]);
  const name = names.every((n) => n === "<default>") ? undefined : names.join("|");
  return { type, name };
}

/**
 * Broker-baseline keys the brokers may report as sensitive (the authorizer's own settings are not
 * broker configs, so describeConfigs hides their value), with the rule that reads each. When hidden,
 * the configuration resource records a suppression naming why, so the report shows the rule as not
 * verified instead of assuming the MSK default.
 */
export const HIDDEN_BASELINE_KEYS: Readonly<Record<string, string>> = Object.freeze({
  "allow.everyone.if.no.acl.found": "KS-MSK-023",
});

/** Terraform JSON of the inventory, named after the cluster id. */
export function inventoryToTerraform(inv: LiveInventory, name = `live-${inv.clusterId}`): InventoryTerraform {
  const resource: Record<string, Record<string, Record<string, unknown>>> = {};
  const add = (type: string, raw: string, body: Record<string, unknown>, taken: Set<string>): void => {
    (resource[type] ??= {})[resourceName(raw, taken)] = body;
  };
  const live = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    "//": { [RESOURCE_METADATA_KEY]: { source: "live", ...extra } },
  });

  const props = commonBrokerConfig(inv);
  const lines = Object.keys(props)
    .sort()
    .map((k) => `${k}=${props[k]}`);
  const hidden = Object.keys(HIDDEN_BASELINE_KEYS).filter(
    (k) => inv.brokerConfigs.length > 0 && inv.brokerConfigs.every((b) => b.configs[k] === "<sensitive>"),
  );
  const suppressions = hidden.map((k) => ({
    id: HIDDEN_BASELINE_KEYS[k],
    reason: `${k} is set on every broker but describeConfigs reports its value as sensitive; not verifiable remotely, check server.properties`,
  }));
  add(
    "aws_msk_configuration",
    "brokers",
    {
      name: `${name}-brokers`,
      server_properties: lines.join("\n") + (lines.length ? "\n" : ""),
      ...live(suppressions.length > 0 ? { suppressions } : {}),
    },
    new Set(),
  );

  const topics = new Set<string>();
  for (const t of inv.topics) {
    if (t.internal) continue;
    add(
      "kafka_topic",
      t.name,
      {
        name: t.name,
        partitions: t.partitions.length,
        replication_factor: replicationFactorOf(t),
        config: { ...t.configs },
        ...live(),
      },
      topics,
    );
  }

  const acls = new Set<string>();
  for (const a of inv.acls ?? []) {
    add(
      "kafka_acl",
      `${a.principal}_${a.operation}_${a.resourceType}_${a.resourceName}`,
      {
        acl_principal: a.principal,
        acl_host: a.host,
        acl_operation: a.operation,
        acl_permission_type: a.permission,
        resource_type: a.resourceType,
        resource_name: a.resourceName,
        resource_pattern_type_filter: a.patternType,
        ...live(),
      },
      acls,
    );
  }

  const quotas = new Set<string>();
  for (const q of inv.quotas ?? []) {
    const { type, name: entityName } = quotaEntity(q);
    add(
      "kafka_quota",
      `${type}_${entityName ?? "default"}`,
      {
        entity_type: type,
        ...(entityName !== undefined ? { entity_name: entityName } : {}),
        config: Object.fromEntries(Object.entries(q.values).map(([k, v]) => [k, String(v)])),
        ...live(),
      },
      quotas,
    );
  }

  const users = new Set<string>();
  for (const u of inv.scramUsers ?? []) {
    for (const m of u.mechanisms) {
      add("kafka_user_scram_credential", `${u.name}_${m}`, { username: u.name, scram_mechanism: m, ...live() }, users);
    }
  }

  return { resource, "//": { metadata: { stackName: name } } };
}
