// Public entry point of cdktf-kafka-standards. Inside the library, import from defining files, never from here.
export * from "./errors";
export * from "./standards/tiers";
export * from "./standards/kafka-versions";
export * from "./standards/broker-types";
export * from "./standards/broker-baseline";
export * from "./standards/alarm-thresholds";
export * from "./standards/naming";
export * from "./standards/topic-classes";
export * from "./standards/client-profiles";
export * from "./msk/index";
export * from "./standards/confluent";
export * from "./confluent/index";
export * from "./standards/audit-controls";
export * from "./standards/runbooks";
export * from "./standards/topic-config";
export * from "./standards/mq-migration";
export * from "./standards/connector-modernization";
export * from "./audit/index";
export * from "./monitoring/alarm-escalation";
export * from "./monitoring/monitoring-options";
export * from "./monitoring/msk-monitoring";
export * from "./topic/kafka-cluster";
export * from "./topic/kafka-topic";
export * from "./topic/kafka-topic-props";
export * from "./topic/topic-spec";
export * from "./access/kafka-principal";
export * from "./access/kafka-application";
export * from "./access/client-properties";
export * from "./core/stack-artifacts";
export * from "./standards/sizing-sources";
export * from "./standards/sizing-msk";
export * from "./standards/sizing-confluent";
export * from "./standards/pricing";
export * from "./sizing/workload";
export * from "./sizing/types";
export * from "./sizing/size";
export * from "./sizing/plan";
export * from "./sizing/chart";
export {
  renderComparisonMarkdown,
  renderSizingText,
  renderSizingMarkdown,
  renderPlanText,
  renderPlanMarkdown,
} from "./sizing/render";
export { parseByteSize, parseCount, parseDurationHours } from "./sizing/units";
export * from "./inspect/types";
export { InspectError } from "./inspect/errors";
export { readInventory, INSPECTOR_MAIN, type InspectTarget, type InspectDeps } from "./inspect/run";
export {
  auditInventory,
  liveFindings,
  LIVE_CHECKS,
  type LiveAuditOptions,
  type LiveCheck,
  type LiveCheckOptions,
} from "./inspect/live-checks";
export { inventoryToTerraform, type InventoryTerraform } from "./inspect/resources";
export {
  topicHealth,
  rates as inventoryRates,
  skew as inventorySkew,
  kafkaRelease,
  type TopicHealth,
  type Rate,
  type Rates,
  type Skew,
} from "./inspect/metrics";
export { renderInventoryMarkdown, renderInventoryMermaid, writeInspectReports } from "./inspect/report";
export * from "./standards/connect";
export * from "./standards/connect-pipeline";
export * from "./connect/index";
