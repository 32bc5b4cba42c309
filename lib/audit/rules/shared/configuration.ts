/**
 * Reading `aws_msk_configuration.server_properties` for the broker-baseline rules.
 */
import { BASELINE_REQUIREMENTS, brokerBaseline, parseServerProperties } from "../../../standards/broker-baseline";
import { TIER_POLICIES } from "../../../standards/tiers";
import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import type { AuditResource, AuditRule, RuleContext, RuleResult } from "../../types";
import { ownTier } from "../../tier";
import { block, isSet, isUnresolved, num } from "../../values";
import { configurationUsers, isExpressCluster, supportingTier } from "./msk";

/**
 * MSK defaults for the baseline keys when a configuration does not set them (archived MSK
 * default-configuration table, kafka-facts §B5; RF and min ISR as for 3-AZ clusters).
 */
export const MSK_DEFAULTS: Readonly<Record<string, string>> = Object.freeze({
  "unclean.leader.election.enable": "true",
  "auto.create.topics.enable": "false",
  "allow.everyone.if.no.acl.found": "true",
  "min.insync.replicas": "2",
  "default.replication.factor": "3",
});

/** Parsed properties of a configuration, or the result to return instead. */
export type ParsedConfiguration =
  | {
      readonly ok: true;
      readonly props: Record<string, string>;
      readonly express: boolean;
      /** Clusters in the document that attach the configuration. */
      readonly users: readonly AuditResource[];
    }
  | { readonly ok: false; readonly result: RuleResult };

/** Parse `server_properties`; Express is true when every cluster attaching it uses Express brokers. */
export function readConfiguration(configuration: AuditResource, ctx: RuleContext): ParsedConfiguration {
  const text = configuration.attributes.server_properties;
  if (typeof text !== "string") return { ok: false, result: notApplicable("server_properties is not set") };
  if (isUnresolved(text)) {
    return { ok: false, result: notVerifiable("server_properties is an unresolved expression", [text]) };
  }
  const users = configurationUsers(ctx.doc, configuration);
  return {
    ok: true,
    props: parseServerProperties(text),
    express: users.length > 0 && users.every(isExpressCluster),
    users,
  };
}

/** Resource types a broker-baseline rule evaluates: configurations, and clusters whose configuration is out of sight. */
export const BASELINE_RULE_TYPES = ["aws_msk_configuration", "aws_msk_cluster"] as const;

/**
 * A broker-baseline rule evaluated on a cluster: not applicable when its configuration is in the
 * document (checked there) or absent (KS-MSK-009), not verifiable when it is out of sight.
 */
export function clusterConfigurationResult(
  cluster: AuditResource,
  ctx: RuleContext,
  key: string,
  fixedOnExpress: boolean,
): RuleResult {
  const arn = block(cluster.attributes, "configuration_info")?.arn;
  if (!isSet(arn)) return notApplicable("no configuration attached (see KS-MSK-009)");
  if (fixedOnExpress && isExpressCluster(cluster)) return notApplicable(`Express brokers fix ${key} themselves`);
  if (ctx.doc.targets(arn).some((t) => t.type === "aws_msk_configuration")) {
    return notApplicable("its configuration is checked on the aws_msk_configuration");
  }
  return notVerifiable(`its configuration is not in this document: ${key} cannot be read`, ctx.doc.outside(arn));
}

/** The effective value of a key: as set, else the MSK default. */
export function effective(props: Record<string, string>, key: string): { value: string; defaulted: boolean } {
  if (props[key] !== undefined) return { value: props[key].trim().toLowerCase(), defaulted: false };
  return { value: MSK_DEFAULTS[key], defaulted: true };
}

/** What differs between the broker-baseline rules that require one exact value. */
export interface BaselineEqualsRuleSpec {
  readonly id: string;
  readonly key: "unclean.leader.election.enable" | "auto.create.topics.enable" | "allow.everyone.if.no.acl.found";
  readonly title: string;
  readonly explanation: string;
  /** Express brokers fix this key themselves: not applicable to configurations only Express clusters use. */
  readonly fixedOnExpress?: boolean;
}

/** A broker-baseline rule: `<key>=<required value>` in every MSK configuration (value from BASELINE_REQUIREMENTS). */
export function baselineEqualsRule(spec: BaselineEqualsRuleSpec): AuditRule {
  const required = BASELINE_REQUIREMENTS[spec.key].equals;
  return defineRule({
    id: spec.id,
    area: "MSK",
    severity: "error",
    title: spec.title,
    explanation: spec.explanation,
    fix: `Add "${spec.key}=${required}" to server_properties.`,
    controls: [],
    constructFix: {
      MskCluster: `The MskCluster writes ${spec.key}=${required}: remove ${spec.key} from the serverProperties prop.`,
    },
    resourceTypes: BASELINE_RULE_TYPES,
    evaluate(configuration, ctx) {
      if (configuration.type === "aws_msk_cluster") {
        return clusterConfigurationResult(configuration, ctx, spec.key, spec.fixedOnExpress === true);
      }
      const parsed = readConfiguration(configuration, ctx);
      if (!parsed.ok) return parsed.result;
      if (spec.fixedOnExpress && parsed.express) return notApplicable(`Express brokers fix ${spec.key} = ${required}`);
      const { value, defaulted } = effective(parsed.props, spec.key);
      if (value === required) return pass();
      return fail(
        `${spec.key} is ${value}${defaulted ? " (MSK default: key not set)" : ""}; the baseline requires ${required}`,
      );
    },
  });
}

/**
 * The smallest replication the standard accepts for a configuration, from the same data the
 * constructs use: the baseline for the smallest cluster that attaches it (`brokerBaseline`), never
 * below what the tier allows (`TIER_POLICIES[tier].minBrokerNodes`). A dev configuration of a
 * two-broker cluster therefore needs default.replication.factor 2 and min.insync.replicas 1; staging,
 * prod and unknown tiers need 3 and 2.
 */
export function requiredReplication(
  configuration: AuditResource,
  users: readonly AuditResource[],
  ctx: RuleContext,
): { readonly replicationFactor: number; readonly minInsyncReplicas: number; readonly why: string } {
  const strict = {
    replicationFactor: BASELINE_REQUIREMENTS["default.replication.factor"].min,
    minInsyncReplicas: BASELINE_REQUIREMENTS["min.insync.replicas"].min,
  };
  const tier = supportingTier(configuration, users, ownTier, ctx.tierOf);
  if (!tier) return { ...strict, why: "the baseline" };
  const policy = TIER_POLICIES[tier];
  const counts = users.map((u) => num(u.attributes.number_of_broker_nodes)).filter((n): n is number => n !== undefined);
  const smallest = Math.max(policy.minBrokerNodes, counts.length > 0 ? Math.min(...counts) : policy.minBrokerNodes);
  const baseline = Object.fromEntries(
    brokerBaseline({ brokerNodes: smallest, express: false }).map((p) => [p.key, p.value]),
  );
  const replicationFactor = Math.min(strict.replicationFactor, Number(baseline["default.replication.factor"]));
  const minInsyncReplicas = Math.min(strict.minInsyncReplicas, Number(baseline["min.insync.replicas"]));
  if (replicationFactor === strict.replicationFactor && minInsyncReplicas === strict.minInsyncReplicas) {
    return { ...strict, why: "the baseline" };
  }
  return { replicationFactor, minInsyncReplicas, why: `the ${tier} baseline for ${smallest} brokers` };
}
