import { ENHANCED_MONITORING_LEVELS, TIER_POLICIES, type EnhancedMonitoringLevel } from "../../../standards/tiers";
import { defineRule, fail, notVerifiable, pass } from "../../rule";
import { isUnresolved, show, str } from "../../values";

/** Security Hub MSK.2 asks for at least this level (kafka-facts §A3). */
const MSK2_LEVEL: EnhancedMonitoringLevel = "PER_TOPIC_PER_BROKER";

/**
 * Enhanced monitoring at least the tier policy's level; at least PER_TOPIC_PER_BROKER (Security Hub
 * MSK.2) when the tier is unknown. Severity is low in Security Hub, so a warning here.
 */
export const mskEnhancedMonitoring = defineRule({
  id: "KS-MSK-008",
  area: "MSK",
  severity: "warning",
  title: "MSK enhanced monitoring meets the tier policy",
  explanation:
    "DEFAULT monitoring has no per-broker or per-topic metrics, so hot partitions, throttling and consumer lag cannot be alarmed on. Security Hub MSK.2 asks for PER_TOPIC_PER_BROKER; the dev tier policy accepts PER_BROKER.",
  fix: 'Set enhanced_monitoring to the tier policy level ("PER_TOPIC_PER_BROKER" in staging and prod).',
  constructFix: {
    MskCluster:
      "Remove the MskCluster prop enhancedMonitoring (the tier policy level is the default) or raise it to that level.",
  },
  controls: ["MSK.2"],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster, ctx) {
    const raw = cluster.attributes.enhanced_monitoring;
    if (isUnresolved(raw)) return notVerifiable("enhanced_monitoring is an unresolved reference", [String(raw)]);
    const level = (str(raw) ?? "DEFAULT") as EnhancedMonitoringLevel;
    const tier = ctx.tierOf(cluster);
    const required = tier ? TIER_POLICIES[tier].enhancedMonitoring : MSK2_LEVEL;
    const have = ENHANCED_MONITORING_LEVELS.indexOf(level);
    if (have >= ENHANCED_MONITORING_LEVELS.indexOf(required)) return pass();
    const why = tier ? `the ${tier} tier policy` : "Security Hub MSK.2 (tier unknown)";
    return fail(
      `enhanced_monitoring is ${show(raw ?? "DEFAULT")}${raw === undefined ? " (default)" : ""}; ${why} requires ${required} or higher`,
    );
  },
});
