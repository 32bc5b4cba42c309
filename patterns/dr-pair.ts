import type { KafkaTopic } from "../lib/topic/kafka-topic";
import type { KafkaApplication } from "../lib/access/kafka-application";

/** Recovery objectives of a DR pair. */
export interface DrObjectives {
  /** Recovery point objective: most seconds of acknowledged records the business accepts to lose. */
  readonly rpoSeconds: number;
  /** Recovery time objective: minutes from the decision to fail over to clients running on the standby. */
  readonly rtoMinutes: number;
}

/** The objectives every DR pair assumes when none are given. */
export const DEFAULT_DR_OBJECTIVES: DrObjectives = Object.freeze({ rpoSeconds: 60, rtoMinutes: 30 });

/**
 * What a disaster-recovery pair protects, the same on every backend and engine: the topics, the
 * consumer groups whose offsets follow them, the objectives and the standby's access. Each pair adds
 * its clusters (`primary` and the standby) and how it replicates.
 */
export interface DrPairIntentProps {
  /** Topics of the primary to replicate to the standby, under the same names. */
  readonly topics: readonly KafkaTopic[];
  /**
   * Consumer groups whose committed offsets are synced to the standby, so consumers resume near
   * where they stopped after a failover (offset sync is approximate: expect some reprocessing).
   * @default - every group the primary's applications were granted on the replicated topics
   */
  readonly consumerGroups?: readonly string[];
  /**
   * Recovery point and time objectives: written into the runbook, and the source of the pair's
   * alarm thresholds where the backend has replication metrics.
   * @default { rpoSeconds: 60, rtoMinutes: 30 }
   */
  readonly objectives?: DrObjectives;
  /**
   * Give every application of the primary that is granted on a replicated topic the same access on
   * the standby ahead of any incident (same principal or an application of the same name), so a
   * failover needs no new secret and no grant. `false` only when the standby's access is managed
   * elsewhere; the runbook then says so.
   * @default true
   */
  readonly standbyAccess?: boolean;
}

/** What every DR pair exposes, whatever its backend and engine. */
export interface IDrPair {
  /** Name of the primary cluster. */
  readonly primaryClusterName: string;
  /** Name of the standby cluster. */
  readonly standbyClusterName: string;
  /** Names of the replicated topics. */
  readonly protectedTopics: readonly string[];
  /** Consumer groups whose offsets are synced. */
  readonly consumerGroups: readonly string[];
  /** The objectives in force. */
  readonly objectives: DrObjectives;
  /** Applications of the standby that mirror the primary's grants, by name (empty without standby access). */
  readonly standbyApplications: Readonly<Record<string, KafkaApplication>>;
}

/** The consumer groups granted on the given topics to the applications of a cluster, each once. */
export function grantedGroups(applications: readonly KafkaApplication[], topics: ReadonlySet<string>): string[] {
  return [...new Set(applications.flatMap((a) => a.consumes.filter((c) => topics.has(c.topic)).map((c) => c.group)))];
}
