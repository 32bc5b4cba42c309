// Public API of the audit, for the package entry point. Inside the library, import from the defining files.
export * from "./types";
export { defineRule, pass, fail, notApplicable, notVerifiable, type RuleDefinition } from "./rule";
export { AuditDocument, referencedAddresses } from "./document";
export {
  auditDocument,
  evaluateRules,
  failingFindings,
  fixFor,
  MIN_SUPPRESSION_REASON_LENGTH,
  type AuditOutcome,
  type AuditReport,
  type AuditSummary,
  type Evaluation,
} from "./engine";
export { isKafkaResource } from "./scope";
export { resolveAuditOptions, failsAt, type AuditOptions, type FailOn, type ResolvedAuditOptions } from "./options";
export { ALL_RULES, ruleById, rulesFor } from "./registry";
export { BASE_PACK } from "./packs/base";
export { GDPR_PACK } from "./packs/gdpr";
export { SOX_PACK } from "./packs/sox";
export { loadDocument, loadDocumentFile, loadDocumentText } from "./loaders/load";
export { AuditInputError, ACCEPTED_INPUT } from "./loaders/input-error";
export { formatSummary, formatReportText } from "./report/summary";
export { renderAuditMarkdown } from "./report/markdown";
export {
  renderAuditJson,
  toCliJson,
  type CliJsonOutput,
  type CliJsonFinding,
  type CliJsonUnverified,
} from "./report/json";
export { renderRulesDoc } from "./report/rules-doc";
export { loadAuditReports } from "./report/files";
export type { Inventory, ClusterInventory, PrincipalInventory, BrokerTypeCount } from "./report/inventory";
export type { Scorecard, ProfileScore, ControlScore } from "./report/scorecard";
export {
  KafkaStandardsAudit,
  KafkaAuditAspect,
  KafkaStandardsAuditError,
  MAX_LISTED_FINDINGS,
  REPORT_DIR,
  synthLine,
  type KafkaStandardsAuditOptions,
} from "./cdktf/aspect";
export { KafkaStandardsSuppressions, SUPPRESSIONS_OVERRIDE_PATH, type Suppression } from "./cdktf/suppressions";
export { METADATA_OUTPUT, decodeMetadata } from "../core/metadata-output";
