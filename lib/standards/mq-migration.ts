/**
 * The standard's IBM MQ → Kafka migration: the phases a flow moves through, how its topic is sized
 * from the queue inventory, and the checks a phase change must pass. No cdktf import: this is data.
 *
 * Connector keys: lib/connect/catalog/ibm-mq.ts (IBM's open-source connectors on MSK Connect,
 * Confluent Cloud's managed `IbmMQSource` / `IbmMqSink`), patterns-facts C5.
 */

/** Where a flow stands. Moving a flow is changing this one value. */
export type MqFlowPhase = "pilot" | "coexistence" | "switched";

/** One phase of the migration. */
export interface MqPhaseDefinition {
  /** The phase. */
  readonly phase: MqFlowPhase;
  /** What runs in this phase. */
  readonly summary: string;
  /** What must hold before a flow enters the next phase. */
  readonly exitCriteria: readonly string[];
  /** How a flow in this phase goes back to MQ. */
  readonly rollback: string;
}

/** The phases, in order. */
export const MQ_MIGRATION_PHASES: readonly MqPhaseDefinition[] = Object.freeze(
  (
    [
      {
        phase: "pilot",
        summary:
          "The MQ source connector reads a copy of the flow's messages (a streaming queue or a subscription of the producers' queue) into the topic; MQ consumers are untouched and Kafka consumers shadow-read.",
        exitCriteria: [
          "Message counts of the copy queue and the topic agree over 7 days (throughput alarm quiet).",
          "No record in the connector's dead-letter topic for 7 days.",
          "Kafka consumers produce the same results as the MQ consumers on the same messages.",
        ],
        rollback: "Delete the source connector (set the phase back or remove the flow); MQ was never changed.",
      },
      {
        phase: "coexistence",
        summary:
          "The MQ source connector takes the flow's messages from the producers' queue; consumers already on Kafka read the topic, the others read the legacy queue the MQ sink connector feeds from the topic (and replies go back to the requesters' reply queue).",
        exitCriteria: [
          "Every consumer of the flow reads Kafka (no consumer left with migrated: false).",
          "MQ → Kafka lag within the objective for 14 days; dead-letter topics empty.",
          "Producers are ready to write to Kafka directly.",
        ],
        rollback:
          "Point the MQ consumers back at the producers' queue and delete the source connector: messages still in the topic are replayed to the legacy queue by the sink before it is removed.",
      },
      {
        phase: "switched",
        summary:
          "Producers and consumers use Kafka only; no MQ connector runs for the flow. The queues stay defined (empty) until the rollback window has passed.",
        exitCriteria: ["The rollback window has passed: the MQ queues of the flow can be deleted."],
        rollback:
          "Within the rollback window: re-create the coexistence connectors (set the phase to coexistence) and point producers back at MQ; the topic keeps the window's messages.",
      },
    ] as MqPhaseDefinition[]
  ).map((p) => Object.freeze(p)),
);

/** Sizing and checks of a migration. */
export const MQ_MIGRATION_STANDARD = Object.freeze({
  /**
   * Days a switched flow can still go back to MQ; topics keep at least this much data, so a rollback
   * can replay it.
   */
  defaultRollbackWindowDays: 7,
  /**
   * Observed topic throughput ÷ the inventory's volume that raises the Warning and Critical
   * throughput alarms: the flow outgrew the partitions planned from the inventory.
   */
  throughputWarningRatio: 1.5,
  throughputCriticalRatio: 2,
  /**
   * Largest message the standard moves through a flow, bytes: Kafka's default `message.max.bytes` is
   * 1 MiB (1048588 with overhead); larger messages need a claim-check pattern, not a bigger limit.
   */
  maxMessageBytes: 1_048_576,
  /** Largest inventory volume per flow, messages/s (beyond it, split the queue). */
  maxMessagesPerSecond: 1_000_000,
});
