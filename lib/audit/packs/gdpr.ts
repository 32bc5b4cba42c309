/**
 * The GDPR profile: rules added to the base pack when `gdpr` is on. Its scorecard also counts every
 * base rule tagged `gdpr` (encryption in transit and at rest, key rotation, access logging).
 */
import type { AuditRule } from "../types";
import { gdprConfluentByok } from "../rules/gdpr/confluent-byok";
import { gdprPersonalTopicRetention } from "../rules/gdpr/personal-topic-retention";

/** Rules the GDPR profile adds. */
export const GDPR_PACK: readonly AuditRule[] = Object.freeze([gdprPersonalTopicRetention, gdprConfluentByok]);
