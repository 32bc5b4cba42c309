/**
 * The plan of an IBM MQ → Kafka migration, computed from a queue inventory before anything is
 * created: each flow's topic (class, partitions, retention, key), the connectors its phase needs,
 * the order flows move in and the checks each must pass. Pure: no cdktf import.
 */
import { failWith } from "../errors";
import { TOPIC_SEGMENT_PATTERN } from "../standards/naming";
import { checkNameSegments } from "./name-segments";
import { PARTITION_SIZING } from "../standards/topic-config";
import { TOPIC_CLASSES } from "../standards/topic-classes";
import { MQ_MIGRATION_STANDARD, MqFlowPhase } from "../standards/mq-migration";
import { compareText } from "../core/compare";

/** How a flow's consumers depend on message order. */
export type MqOrdering =
  /** No order needed: partitions from the volume. */
  | "none"
  /** Order per key (a message header becomes the record key): partitions from the volume, keyed. */
  | "key"
  /** The whole queue in order: one partition, one connector task. */
  | "queue";

/** How a flow's messages are exchanged. */
export type MqExchange = "fire-and-forget" | "request-reply";

/** Message header the MQ source turns into the record key (`mq.record.builder.key.header`). */
export type MqKeyHeader = "JMSMessageID" | "JMSCorrelationID" | "JMSCorrelationIDAsBytes" | "JMSDestination";

/** One consumer application of a flow. */
export interface MqFlowConsumer {
  /** Application name. */
  readonly name: string;
  /** It reads the Kafka topic already (true) or still the MQ queue (false). */
  readonly migrated: boolean;
}

/** One flow of the inventory: a queue, its producers and consumers. */
export interface MqFlow {
  /** Flow name, lower case (`payments`): the topic's middle segment and the connectors' prefix. */
  readonly name: string;
  /** The queue the producers put to (requests, for request/reply). */
  readonly queue: string;
  /** Peak volume, messages per second. */
  readonly volumeMessagesPerSecond: number;
  /** Typical message size, bytes (the largest regular one, not the mean). */
  readonly messageSizeBytes: number;
  /** Ordering the consumers need. */
  readonly ordering: MqOrdering;
  /** The header whose value orders messages (ordering `key`). @default - required for ordering `key` */
  readonly orderingKey?: MqKeyHeader;
  /** Fire-and-forget, or request/reply (requesters wait for a reply on `replyQueue`). */
  readonly exchange: MqExchange;
  /** Request/reply: the queue requesters read replies from. @default - required for request/reply */
  readonly replyQueue?: string;
  /** The flow's consumers (responders, for request/reply). */
  readonly consumers: readonly MqFlowConsumer[];
  /** Where the flow stands: changing this one value moves it. */
  readonly phase: MqFlowPhase;
  /**
   * Pilot: the queue holding a copy of the flow's messages (an MQ streaming queue of `queue`, or a
   * subscription queue), read by the source so that the MQ consumers keep every message.
   * @default - required in the pilot phase
   */
  readonly pilotQueue?: string;
  /**
   * Coexistence: the queue the consumers not yet migrated read, fed from the topic by the MQ sink.
   * @default - required in coexistence while a consumer is not migrated
   */
  readonly legacyQueue?: string;
  /** The messages hold personal data: topic class `personal`. @default false */
  readonly personalData?: boolean;
}

/** A connector a flow's phase needs. */
export interface PlannedMqConnector {
  /** Connector name. */
  readonly name: string;
  /** Source (queue → topic) or sink (topic → queue). */
  readonly direction: "source" | "sink";
  /** The queue it reads or writes. */
  readonly queue: string;
  /** The topic it writes or reads. */
  readonly topicName: string;
  /** Why it exists. */
  readonly purpose: string;
  /** Source: the header that becomes the record key. Sink: the header set from the key. */
  readonly keyHeader?: string;
}

/** One SLA or sizing check of a flow, evaluated from the inventory. */
export interface MqFlowCheck {
  readonly check: string;
  readonly expected: string;
  readonly planned: string;
  readonly ok: boolean;
}

/** The plan of one flow. */
export interface PlannedMqFlow {
  readonly flow: MqFlow;
  /** Topic of the flow's messages (requests). */
  readonly topicName: string;
  /** Topic of the replies (request/reply). */
  readonly replyTopicName?: string;
  readonly topicClass: "events" | "personal";
  readonly partitions: number;
  /** Peak throughput from the inventory, MB/s. */
  readonly throughputMBps: number;
  /** `retention.ms` to set when the class keeps less than the rollback window. */
  readonly retentionMs?: number;
  readonly retentionReason?: string;
  /** Header that becomes the record key, when any. */
  readonly keyHeader?: MqKeyHeader;
  /** Connectors of the current phase. */
  readonly connectors: readonly PlannedMqConnector[];
  /** Risk score (lower moves first). */
  readonly risk: number;
  /** Position in the migration order (1 = first). */
  readonly wave: number;
  readonly checks: readonly MqFlowCheck[];
}

/** What the plan needs. */
export interface MqMigrationPlanInput {
  readonly name: string;
  readonly domain: string;
  readonly region: string;
  readonly flows: readonly MqFlow[];
  readonly rollbackWindowDays?: number;
  readonly path: string;
}

/** The migration plan. */
export interface MqMigrationPlan {
  readonly name: string;
  /** Flows in inventory order. */
  readonly flows: readonly PlannedMqFlow[];
  /** Flow names in migration order. */
  readonly order: readonly string[];
  /** The recommended pilot: the lowest-risk flow. */
  readonly recommendedPilot: string;
  readonly rollbackWindowDays: number;
}

const MQ_NAME = /^[A-Za-z0-9._%/]{1,48}$/;
const DAY_MS = 86_400_000;
const KEY_HEADERS: readonly MqKeyHeader[] = [
  "JMSMessageID",
  "JMSCorrelationID",
  "JMSCorrelationIDAsBytes",
  "JMSDestination",
];

function positive(v: unknown, prop: string, max: number, path: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v > max) {
    failWith(
      "KSE-MQ-003",
      prop,
      v,
      `a positive finite number up to ${max}`,
      `Give ${prop} from the queue's statistics.`,
      path,
    );
  }
  return v;
}

function queueName(v: unknown, prop: string, path: string): string {
  if (typeof v !== "string" || !MQ_NAME.test(v)) {
    failWith(
      "KSE-MQ-002",
      prop,
      v,
      "an MQ queue name (at most 48 characters)",
      "Use the queue's name as defined.",
      path,
    );
  }
  return v;
}

/** Validates the inventory and plans each flow. */
export function planMqMigration(input: MqMigrationPlanInput): MqMigrationPlan {
  const path = input.path;
  checkNameSegments("KSE-MQ-008", input, "payments", path);
  const windowDays = input.rollbackWindowDays ?? MQ_MIGRATION_STANDARD.defaultRollbackWindowDays;
  if (typeof windowDays !== "number" || !Number.isFinite(windowDays) || windowDays <= 0 || windowDays > 365) {
    failWith(
      "KSE-MQ-008",
      "rollbackWindowDays",
      windowDays,
      "days from 0 to 365",
      "Give how long a switched flow can still go back to MQ.",
      path,
    );
  }
  if (!Array.isArray(input.flows) || input.flows.length === 0) {
    failWith("KSE-MQ-001", "flows", input.flows, "at least one flow", "List the queues the migration moves.", path);
  }
  const names = new Set<string>();
  const queues = new Set<string>();
  const planned = input.flows.map((f, i) => {
    const p = `flows[${i}]`;
    if (typeof f !== "object" || f === null) {
      failWith(
        "KSE-MQ-001",
        p,
        f,
        "{ name, queue, volumeMessagesPerSecond, messageSizeBytes, ordering, exchange, consumers, phase }",
        "Describe the flow.",
        path,
      );
    }
    if (typeof f.name !== "string" || !TOPIC_SEGMENT_PATTERN.test(f.name)) {
      failWith(
        "KSE-MQ-002",
        `${p}.name`,
        f.name,
        `${TOPIC_SEGMENT_PATTERN}`,
        'Name the flow in lower case, e.g. "payments".',
        path,
      );
    }
    if (names.has(f.name)) failWith("KSE-MQ-002", `${p}.name`, f.name, "each flow once", "Remove the duplicate.", path);
    names.add(f.name);
    const ownQueues = [
      ["queue", queueName(f.queue, `${p}.queue`, path)],
      ...(f.replyQueue !== undefined ? [["replyQueue", queueName(f.replyQueue, `${p}.replyQueue`, path)]] : []),
      ...(f.pilotQueue !== undefined ? [["pilotQueue", queueName(f.pilotQueue, `${p}.pilotQueue`, path)]] : []),
      ...(f.legacyQueue !== undefined ? [["legacyQueue", queueName(f.legacyQueue, `${p}.legacyQueue`, path)]] : []),
    ];
    for (const [prop, q] of ownQueues) {
      if (queues.has(q)) {
        failWith(
          "KSE-MQ-002",
          `${p}.${prop}`,
          q,
          "a queue used by one flow, in one role",
          "Each flow has its own queues; two flows on one queue are one flow.",
          path,
        );
      }
      queues.add(q);
    }
    const volume = positive(
      f.volumeMessagesPerSecond,
      `${p}.volumeMessagesPerSecond`,
      MQ_MIGRATION_STANDARD.maxMessagesPerSecond,
      path,
    );
    const size = positive(f.messageSizeBytes, `${p}.messageSizeBytes`, MQ_MIGRATION_STANDARD.maxMessageBytes, path);
    return planFlow(f, p, volume, size, input, windowDays, path);
  });
  const order = [...planned].sort((a, b) => a.risk - b.risk || compareText(a.flow.name, b.flow.name));
  const wave = new Map(order.map((f, i) => [f.flow.name, i + 1]));
  return {
    name: input.name,
    flows: planned.map((f) => ({ ...f, wave: wave.get(f.flow.name)! })),
    order: order.map((f) => f.flow.name),
    recommendedPilot: order[0].flow.name,
    rollbackWindowDays: windowDays,
  };
}

function planFlow(
  f: MqFlow,
  p: string,
  volume: number,
  size: number,
  input: MqMigrationPlanInput,
  windowDays: number,
  path: string,
): PlannedMqFlow {
  if (!["none", "key", "queue"].includes(f.ordering)) {
    failWith(
      "KSE-MQ-004",
      `${p}.ordering`,
      f.ordering,
      "none, key or queue",
      "Say what order the consumers need.",
      path,
    );
  }
  if (f.exchange !== "fire-and-forget" && f.exchange !== "request-reply") {
    failWith(
      "KSE-MQ-005",
      `${p}.exchange`,
      f.exchange,
      "fire-and-forget or request-reply",
      "Say whether producers wait for a reply.",
      path,
    );
  }
  const requestReply = f.exchange === "request-reply";
  if (requestReply && f.replyQueue === undefined) {
    failWith(
      "KSE-MQ-005",
      `${p}.replyQueue`,
      undefined,
      "the queue requesters read replies from",
      "Name the reply queue (the JMSReplyTo of the requests).",
      path,
    );
  }
  if (!requestReply && f.replyQueue !== undefined) {
    failWith(
      "KSE-MQ-005",
      `${p}.replyQueue`,
      f.replyQueue,
      "no reply queue on a fire-and-forget flow",
      'Remove replyQueue, or set exchange: "request-reply".',
      path,
    );
  }
  let keyHeader: MqKeyHeader | undefined;
  if (f.ordering === "key") {
    if (requestReply) {
      failWith(
        "KSE-MQ-004",
        `${p}.ordering`,
        "key",
        "none or queue on a request/reply flow (its records are keyed by JMSMessageID, which the reply carries back as JMSCorrelationID)",
        'Use ordering "queue" if requests must stay in order.',
        path,
      );
    }
    if (!KEY_HEADERS.includes(f.orderingKey as MqKeyHeader)) {
      failWith(
        "KSE-MQ-004",
        `${p}.orderingKey`,
        f.orderingKey,
        KEY_HEADERS.join(", "),
        "Name the header whose value orders the messages.",
        path,
      );
    }
    keyHeader = f.orderingKey;
  } else if (f.orderingKey !== undefined) {
    failWith("KSE-MQ-004", `${p}.orderingKey`, f.orderingKey, 'only with ordering "key"', "Remove orderingKey.", path);
  }
  if (requestReply) keyHeader = "JMSMessageID";

  const consumers = f.consumers;
  if (!Array.isArray(consumers) || consumers.length === 0) {
    failWith(
      "KSE-MQ-007",
      `${p}.consumers`,
      consumers,
      "at least one { name, migrated }",
      "List the applications that read the queue.",
      path,
    );
  }
  const seen = new Set<string>();
  consumers.forEach((c, j) => {
    if (typeof c?.name !== "string" || c.name.trim() === "" || typeof c.migrated !== "boolean") {
      failWith("KSE-MQ-007", `${p}.consumers[${j}]`, c, "{ name, migrated: boolean }", "Describe the consumer.", path);
    }
    if (seen.has(c.name)) {
      failWith("KSE-MQ-007", `${p}.consumers[${j}].name`, c.name, "each consumer once", "Remove the duplicate.", path);
    }
    seen.add(c.name);
  });
  const onMq = consumers.filter((c) => !c.migrated).map((c) => c.name);

  // Sizing: strict queue order takes one partition, which must carry the whole flow.
  const mbps = (volume * size) / 1_000_000;
  const perPartition = Math.min(PARTITION_SIZING.producerMBpsPerPartition, PARTITION_SIZING.consumerMBpsPerPartition);
  if (f.ordering === "queue" && mbps > perPartition) {
    failWith(
      "KSE-MQ-004",
      `${p}.ordering`,
      `queue at ${mbps.toFixed(1)} MB/s`,
      `strict queue order up to one partition's ${perPartition} MB/s`,
      'Order by key (ordering: "key" with orderingKey) so the flow can spread over partitions, or split the queue.',
      path,
    );
  }
  const partitions =
    f.ordering === "queue" ? 1 : Math.max(PARTITION_SIZING.minimumPartitions, Math.ceil(mbps / perPartition));
  const topicClass = f.personalData === true ? "personal" : "events";
  const classRetention = TOPIC_CLASSES[topicClass].retentionMs;
  const needed = Math.ceil(windowDays * DAY_MS);
  const topicName = `${input.domain}.${f.name}.${input.region}`;
  const replyTopicName = requestReply ? `${input.domain}.${f.name}-reply.${input.region}` : undefined;

  const connectors = phaseConnectors(f, p, input.name, topicName, replyTopicName, keyHeader, onMq, path);
  const checks: MqFlowCheck[] = [
    {
      check: "capacity",
      expected: `${mbps.toFixed(2)} MB/s peak (${volume} msg/s × ${size} B)`,
      planned: `${partitions} partition(s) × ${perPartition} MB/s`,
      ok: partitions * perPartition >= mbps,
    },
    {
      check: "ordering",
      expected:
        f.ordering === "queue" ? "the whole queue in order" : f.ordering === "key" ? `order per ${keyHeader}` : "none",
      planned:
        f.ordering === "queue"
          ? "1 partition, 1 source task"
          : keyHeader
            ? `records keyed by ${keyHeader}, 1 source task`
            : "unkeyed records, 1 source task",
      ok: true,
    },
    {
      check: "rollback window",
      expected: `${windowDays} day(s) of messages kept for a replay to MQ`,
      planned: `retention ${(Math.max(classRetention, needed) / DAY_MS).toFixed(1)} day(s)`,
      ok: Math.max(classRetention, needed) >= needed,
    },
    {
      check: "message size",
      expected: `${size} B`,
      planned: `at most ${MQ_MIGRATION_STANDARD.maxMessageBytes} B (the brokers' default message.max.bytes)`,
      ok: size <= MQ_MIGRATION_STANDARD.maxMessageBytes,
    },
  ];
  const risk =
    (requestReply ? 4 : 0) +
    (f.ordering === "queue" ? 3 : f.ordering === "key" ? 1 : 0) +
    consumers.length +
    Math.log10(1 + volume) +
    (f.personalData === true ? 1 : 0);
  return {
    flow: f,
    topicName,
    replyTopicName,
    topicClass,
    partitions,
    throughputMBps: mbps,
    ...(needed > classRetention
      ? {
          retentionMs: needed,
          retentionReason: `rollback window of ${windowDays} day(s) (MQ migration ${input.name})`,
        }
      : {}),
    keyHeader,
    connectors,
    risk: Math.round(risk * 100) / 100,
    wave: 0,
    checks,
  };
}

function phaseConnectors(
  f: MqFlow,
  p: string,
  migration: string,
  topicName: string,
  replyTopicName: string | undefined,
  keyHeader: MqKeyHeader | undefined,
  onMq: readonly string[],
  path: string,
): PlannedMqConnector[] {
  const prefix = `${migration}-${f.name}`;
  const out: PlannedMqConnector[] = [];
  switch (f.phase) {
    case "pilot":
      if (f.pilotQueue === undefined) {
        failWith(
          "KSE-MQ-006",
          `${p}.pilotQueue`,
          undefined,
          "the queue holding a copy of the flow's messages in the pilot phase",
          "Define a streaming queue (STREAMQ) on the producers' queue, or a subscription queue, and name it; the source must not take messages from the MQ consumers.",
          path,
        );
      }
      out.push({
        name: `${prefix}-mq-source`,
        direction: "source",
        queue: f.pilotQueue,
        topicName,
        purpose: "copy of the flow's messages into Kafka (shadow reading)",
        keyHeader,
      });
      break;
    case "coexistence":
      out.push({
        name: `${prefix}-mq-source`,
        direction: "source",
        queue: f.queue,
        topicName,
        purpose: "the flow's messages into Kafka (Kafka is the flow's system of record)",
        keyHeader,
      });
      if (onMq.length > 0) {
        if (f.legacyQueue === undefined) {
          failWith(
            "KSE-MQ-006",
            `${p}.legacyQueue`,
            undefined,
            `the queue the consumers still on MQ (${onMq.join(", ")}) read in coexistence`,
            "Define a queue for them and name it: the MQ sink feeds it from the topic.",
            path,
          );
        }
        out.push({
          name: `${prefix}-mq-sink`,
          direction: "sink",
          queue: f.legacyQueue,
          topicName,
          purpose: `the flow's messages back to MQ for ${onMq.join(", ")}`,
        });
      }
      if (replyTopicName) {
        out.push({
          name: `${prefix}-reply-sink`,
          direction: "sink",
          queue: f.replyQueue!,
          topicName: replyTopicName,
          purpose: "replies of the migrated responders to the MQ requesters (JMSCorrelationID from the record key)",
          keyHeader: "JMSCorrelationID",
        });
      }
      break;
    case "switched":
      if (onMq.length > 0) {
        failWith(
          "KSE-MQ-007",
          `${p}.consumers`,
          onMq.join(", "),
          "every consumer migrated before the switch",
          'Migrate them first, or keep the flow in "coexistence".',
          path,
        );
      }
      break;
    default:
      failWith("KSE-MQ-006", `${p}.phase`, f.phase, "pilot, coexistence or switched", "Set the flow's phase.", path);
  }
  return out;
}
