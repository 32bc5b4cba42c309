/**
 * Producer and consumer tuning profiles, for the Java client and librdkafka.
 *
 * Sources: Confluent "Optimize Confluent Cloud Clients" (throughput, latency, durability pages),
 * Apache Kafka producer/consumer configuration reference, librdkafka CONFIGURATION.md for the
 * librdkafka names (e.g. `fetch.wait.max.ms`, `queue.buffering.max.kbytes`).
 */

/** The standard's client profiles. */
export type ClientProfileName = "THROUGHPUT" | "LATENCY" | "DURABILITY" | "EXACTLY_ONCE";

/** Every profile name. */
export const CLIENT_PROFILE_NAMES: readonly ClientProfileName[] = Object.freeze([
  "THROUGHPUT",
  "LATENCY",
  "DURABILITY",
  "EXACTLY_ONCE",
]);

/** Client library whose property names a profile is rendered for. */
export type ClientLibrary = "java" | "librdkafka";

/** A profile: properties per client library, and what it requires of the topics it writes to. */
export interface ClientProfile {
  /** Profile name. */
  readonly name: ClientProfileName;
  /** What the profile optimises and what it gives up. */
  readonly summary: string;
  /** Producer properties per client library. */
  readonly producer: Readonly<Record<ClientLibrary, Readonly<Record<string, string>>>>;
  /** Consumer properties per client library. */
  readonly consumer: Readonly<Record<ClientLibrary, Readonly<Record<string, string>>>>;
  /** Topics written with this profile need RF >= 3 and min.insync.replicas >= 2. */
  readonly requiresDurableTopic: boolean;
  /** The producer waits for all in-sync replicas (acks=all). */
  readonly acksAll: boolean;
}

function freeze(p: ClientProfile): ClientProfile {
  return Object.freeze({
    ...p,
    producer: Object.freeze({ java: Object.freeze(p.producer.java), librdkafka: Object.freeze(p.producer.librdkafka) }),
    consumer: Object.freeze({ java: Object.freeze(p.consumer.java), librdkafka: Object.freeze(p.consumer.librdkafka) }),
  });
}

/**
 * THROUGHPUT keeps acks=all and idempotence: batching and lz4 carry the gain (batch.size 100–200 kB,
 * linger.ms 10–100, lz4 per Confluent's throughput guide), so the profile costs no durability.
 */
const THROUGHPUT = freeze({
  name: "THROUGHPUT",
  summary: "Large batches, lz4 compression and a short linger for records/s; keeps acks=all and idempotence.",
  requiresDurableTopic: false,
  acksAll: true,
  producer: {
    java: {
      acks: "all",
      "enable.idempotence": "true",
      "batch.size": "131072",
      "linger.ms": "20",
      "compression.type": "lz4",
      "buffer.memory": "67108864",
    },
    librdkafka: {
      acks: "all",
      "enable.idempotence": "true",
      "batch.size": "131072",
      "linger.ms": "20",
      "compression.type": "lz4",
      "queue.buffering.max.kbytes": "65536",
    },
  },
  consumer: {
    java: { "fetch.min.bytes": "100000", "fetch.max.wait.ms": "500", "max.partition.fetch.bytes": "2097152" },
    librdkafka: { "fetch.min.bytes": "100000", "fetch.wait.max.ms": "500", "max.partition.fetch.bytes": "2097152" },
  },
});

/**
 * LATENCY sends each record at once without compression and waits for the leader only (acks=1),
 * per Confluent's latency guide. It trades durability: a leader failure can lose acknowledged records.
 */
const LATENCY = freeze({
  name: "LATENCY",
  summary: "No linger, no compression, leader-only acknowledgement: lowest end-to-end latency, weaker durability.",
  requiresDurableTopic: false,
  acksAll: false,
  producer: {
    java: { acks: "1", "enable.idempotence": "false", "linger.ms": "0", "compression.type": "none" },
    librdkafka: { acks: "1", "enable.idempotence": "false", "linger.ms": "0", "compression.type": "none" },
  },
  consumer: {
    java: { "fetch.min.bytes": "1", "fetch.max.wait.ms": "100" },
    librdkafka: { "fetch.min.bytes": "1", "fetch.wait.max.ms": "100" },
  },
});

/** DURABILITY: acks=all, idempotence, unbounded retries within delivery.timeout.ms, manual commits. */
const DURABILITY = freeze({
  name: "DURABILITY",
  summary: "acks=all with idempotence and bounded delivery time; consumers commit only what they processed.",
  requiresDurableTopic: true,
  acksAll: true,
  producer: {
    java: {
      acks: "all",
      "enable.idempotence": "true",
      "max.in.flight.requests.per.connection": "5",
      retries: "2147483647",
      "delivery.timeout.ms": "120000",
    },
    librdkafka: {
      acks: "all",
      "enable.idempotence": "true",
      "max.in.flight.requests.per.connection": "5",
      retries: "2147483647",
      "delivery.timeout.ms": "120000",
    },
  },
  consumer: {
    java: { "enable.auto.commit": "false", "auto.offset.reset": "earliest" },
    librdkafka: { "enable.auto.commit": "false", "auto.offset.reset": "earliest" },
  },
});

/**
 * EXACTLY_ONCE: DURABILITY plus transactions (a transactional.id is added per application) and
 * read_committed. transaction.timeout.ms must be at least delivery.timeout.ms: librdkafka refuses a
 * transactional producer whose message.timeout.ms (its name for delivery.timeout.ms) is longer
 * (librdkafka CONFIGURATION.md, transaction.timeout.ms); 120 s stays below the brokers' default
 * transaction.max.timeout.ms of 900 s.
 */
const EXACTLY_ONCE = freeze({
  name: "EXACTLY_ONCE",
  summary: "Transactional, idempotent producers and read_committed consumers for end-to-end exactly-once.",
  requiresDurableTopic: true,
  acksAll: true,
  producer: {
    java: { ...DURABILITY.producer.java, "transaction.timeout.ms": "120000" },
    librdkafka: { ...DURABILITY.producer.librdkafka, "transaction.timeout.ms": "120000" },
  },
  consumer: {
    java: { ...DURABILITY.consumer.java, "isolation.level": "read_committed" },
    librdkafka: { ...DURABILITY.consumer.librdkafka, "isolation.level": "read_committed" },
  },
});

/** Every client profile, by name. */
export const CLIENT_PROFILES: Readonly<Record<ClientProfileName, ClientProfile>> = Object.freeze({
  THROUGHPUT,
  LATENCY,
  DURABILITY,
  EXACTLY_ONCE,
});
