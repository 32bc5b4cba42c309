/**
 * Reading `aws_msk_configuration.server_properties` for the broker-baseline rules.
 */
import { BASELINE_REQUIREMENTS, parseServerProperties } from "../../../standards/broker-baseline";
import { defineRule, fail, notApplicable, pass } from "../../rule";
import type { AuditResource, AuditRule, RuleContext, RuleResult } from "../../types";
import { isUnresolved } from "../../values";
import { configurationUsers, isExpressCluster } from "./msk";

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

/** Parsed properties of a configuration, or a not-applicable result. */
export type ParsedConfiguration =
  | { readonly ok: true; readonly props: Record<string, string>; readonly express: boolean }
  | { readonly ok: false; readonly result: RuleResult };

/** Parse `server_properties`; Express is true when every cluster attaching it uses Express brokers. */
export function readConfiguration(configuration: AuditResource, ctx: RuleContext): ParsedConfiguration {
  const text = configuration.attributes.server_properties;
  if (typeof text !== "string") return { ok: false, result: notApplicable("server_properties is not set") };
  if (isUnresolved(text)) return { ok: false, result: notApplicable("server_properties is an unresolved expression") };
  const users = configurationUsers(ctx.doc, configuration);
  return { ok: true, props: parseServerProperties(text), express: users.length > 0 && users.every(isExpressCluster) };
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
    resourceTypes: ["aws_msk_configuration"],
    evaluate(configuration, ctx) {
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
