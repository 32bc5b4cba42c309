/**
 * The SOX profile: rules added to the base pack when `sox` is on. Its scorecard also counts every
 * base rule tagged `sox` (broker logging).
 */
import type { AuditRule } from "../types";
import { soxAuditTopicProtected } from "../rules/sox/audit-topic-protected";
import { soxAuditTopicRetention } from "../rules/sox/audit-topic-retention";
import { soxBrokerLogRetention } from "../rules/sox/broker-log-retention";
import { soxOwnerTag } from "../rules/sox/owner-tag";

/** Rules the SOX profile adds. */
export const SOX_PACK: readonly AuditRule[] = Object.freeze([
  soxAuditTopicRetention,
  soxAuditTopicProtected,
  soxOwnerTag,
  soxBrokerLogRetention,
]);
