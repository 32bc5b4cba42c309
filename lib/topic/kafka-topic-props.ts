import { TopicClassName } from "../standards/topic-classes";
import type { Workload } from "../sizing/workload";

/** Throughput a topic must carry; partitions are derived from it. */
export interface TopicThroughput {
  /** Target throughput of the topic, MB/s (produce side; consumers read the same bytes). */
  readonly targetMBps: number;
  /**
   * Measured produce throughput of one partition, MB/s.
   * @default 10 (PARTITION_SIZING.producerMBpsPerPartition)
   */
  readonly producerMBpsPerPartition?: number;
  /**
   * Measured consume throughput of one partition for the slowest consumer group, MB/s.
   * @default 20 (PARTITION_SIZING.consumerMBpsPerPartition)
   */
  readonly consumerMBpsPerPartition?: number;
  /**
   * Floor on the partition count.
   * @default 3 (one per availability zone)
   */
  readonly minimumPartitions?: number;
}

/** How an existing topic is brought under code (`adopt` on {@link KafkaTopicProps}). */
export interface TopicAdoption {
  /**
   * Why the topic is adopted as it is (at least 10 characters): shown with every accepted deviation
   * in the docs and the audit report.
   */
  readonly reason: string;
}

/** Properties of a {@link KafkaTopic}, as given to `cluster.addTopic(name, props)`. */
export interface KafkaTopicProps {
  /**
   * Topic class: fixes cleanup policy, retention, replication and durability (see docs/STANDARDS.md).
   * @default "events"
   */
  readonly topicClass?: TopicClassName;
  /**
   * Partition count. Counts only grow: lowering one makes the Kafka provider delete and recreate the
   * topic, losing its data, so the library refuses a lower value when it can see the previous one.
   * @default - derived from `throughput`, else 6
   */
  readonly partitions?: number;
  /**
   * Throughput to size partitions from: max(target / producer-per-partition, target / consumer-per-partition),
   * at least `minimumPartitions`. Mutually exclusive with `partitions`.
   * @default - not used
   */
  readonly throughput?: TopicThroughput;
  /**
   * The load the topic carries, or its cluster's workload (the rate is spread over `workload.topics`):
   * partitions are sized from it with the same model as `kafka-standards size`. Explicit `partitions`
   * win when they carry it; fewer throw KSE-SIZE-025. Not with `throughput`.
   * @default - not used
   */
  readonly workload?: Workload;
  /**
   * Replication factor. At least the class minimum (3) and at most the broker count; fixed at 3 on Confluent Cloud.
   * @default 3
   */
  readonly replicationFactor?: number;
  /**
   * Extra topic configuration, merged over the class's. Keys must be Kafka topic configs (Confluent:
   * the editable ones); values are checked; the class's cleanup policy cannot be changed.
   * @default - the class configuration only
   */
  readonly config?: Readonly<Record<string, string>>;
  /**
   * Retire the topic: lifts `prevent_destroy` (prod, and every tier for archival classes such as
   * `audit`) so it can be deleted by removing it in a later deployment. The reason is shown in the
   * docs and the audit report. `archive` says where the records were archived; archival classes
   * require it.
   * @default - not retired
   */
  readonly retire?: { readonly reason: string; readonly archive?: string };
  /**
   * The topic already exists on the cluster (MSK only): the first apply imports it (a Terraform
   * `import` block, id = topic name) instead of creating it, and its deviations from the class
   * (replication factor below the class minimum, min.insync.replicas, retention outside the class
   * bounds, cleanup policy, unclean leader election) are recorded as overrides with this reason
   * instead of refused. Raise them in a later deployment; remove `adopt` once the topic is in the
   * state.
   * @default - the topic is created, and deviations are refused
   */
  readonly adopt?: TopicAdoption;
  /**
   * Owning team (recorded in the metadata the audit reads).
   * @default - the cluster's owner, if any
   */
  readonly owner?: string;
}
