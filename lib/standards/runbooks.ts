/**
 * Runbook content per alarm, and the escalation matrix per severity.
 *
 * Commands use placeholders the renderer fills in per cluster: `{cluster}` (name), `{region}`,
 * `{bootstrap}` (bootstrap string variable), `{broker}`, `{group}`, `{topic}`. Kafka CLI commands
 * take `--command-config client.properties` with the client's auth settings (IAM: the
 * aws-msk-iam-auth properties; SCRAM: the user's JAAS line from Secrets Manager).
 */
import { AlarmSeverity } from "./alarm-thresholds";

/** Runbook content for one alarm. */
export interface RunbookEntry {
  /** What the operator sees. */
  readonly symptom: string;
  /** What is at stake. */
  readonly impact: string;
  /** First checks, each a sentence and a command. */
  readonly checks: readonly { readonly step: string; readonly command: string }[];
  /** Remediation steps, in order. */
  readonly remediation: readonly string[];
}

/** Who acts, how fast, per severity. */
export interface EscalationLevel {
  /** Severity. */
  readonly severity: AlarmSeverity;
  /** Time to acknowledge. */
  readonly acknowledgeWithin: string;
  /** Who is notified first. */
  readonly firstResponder: string;
  /** Who is next, and when. */
  readonly escalateTo: string;
}

/** The escalation matrix: one SNS topic per severity carries it. */
export const ESCALATION_MATRIX: readonly EscalationLevel[] = Object.freeze([
  Object.freeze({
    severity: "Warning" as const,
    acknowledgeWithin: "next business day",
    firstResponder: "owning team's channel (SNS topic `<cluster>-alarms-warning`)",
    escalateTo: "the platform team if still firing after 24 hours or if it turns Critical",
  }),
  Object.freeze({
    severity: "Critical" as const,
    acknowledgeWithin: "15 minutes, any time",
    firstResponder: "on-call engineer paged (SNS topic `<cluster>-alarms-critical`)",
    escalateTo:
      "platform lead after 30 minutes without mitigation; AWS Support (severity 'production system down') when the cause is the service",
  }),
]);

const DESCRIBE = {
  step: "Cluster state and current broker count",
  command:
    "aws kafka describe-cluster-v2 --region {region} --cluster-arn \"$(aws kafka list-clusters-v2 --region {region} --cluster-name-filter {cluster} --query 'ClusterInfoList[0].ClusterArn' --output text)\"",
};
// Epoch seconds instead of `date -d` (GNU-only): the AWS CLI takes "Unix time in seconds" for timestamp
// parameters (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-types.html).
const METRIC = (metric: string, dims: string): { step: string; command: string } => ({
  step: `Recent values of ${metric}`,
  command: `aws cloudwatch get-metric-statistics --region {region} --namespace AWS/Kafka --metric-name ${metric} --dimensions ${dims} --start-time "$(( $(date -u +%s) - 3600 ))" --end-time "$(date -u +%s)" --period 300 --statistics Maximum Average`,
});
const CLUSTER_DIM = 'Name="Cluster Name",Value={cluster}';
const BROKER_DIM = 'Name="Cluster Name",Value={cluster} Name="Broker ID",Value={broker}';
const TOPICS = (flag: string): { step: string; command: string } => ({
  step: `Partitions reported by the brokers (${flag})`,
  command: `kafka-topics.sh --bootstrap-server {bootstrap} --command-config client.properties --describe ${flag}`,
});

/** Runbook content per alarm id of `MSK_ALARM_THRESHOLDS`. */
export const RUNBOOKS: Readonly<Record<string, RunbookEntry>> = Object.freeze({
  "active-controller": {
    symptom: "No broker reports itself as the active controller for 5 minutes.",
    impact: "No leader elections, topic or ACL changes; partitions whose leader fails stay offline.",
    checks: [
      DESCRIBE,
      METRIC("ActiveControllerCount", CLUSTER_DIM),
      {
        step: "KRaft quorum status (KRaft clusters)",
        command:
          "kafka-metadata-quorum.sh --bootstrap-server {bootstrap} --command-config client.properties describe --status",
      },
    ],
    remediation: [
      "If the cluster state is not ACTIVE (UPDATING, MAINTENANCE, HEALING), wait for the operation to finish: a controller move during a rolling update is expected.",
      "If ACTIVE and still no controller after 10 minutes, open an AWS Support case: controllers are managed by the service.",
      "Freeze topic, ACL and configuration changes until a controller is back.",
    ],
  },
  "offline-partitions": {
    symptom: "One or more partitions have no leader.",
    impact: "Producers and consumers of those partitions fail; acks=all writes to them are refused.",
    checks: [DESCRIBE, METRIC("OfflinePartitionsCount", CLUSTER_DIM), TOPICS("--unavailable-partitions")],
    remediation: [
      "Identify the brokers that host the offline partitions and check their health (CPU, disk, heap alarms).",
      "If a broker is down, let MSK replace it; do not enable unclean leader election (it loses acknowledged data).",
      "If the partitions have replication factor 1, they stay offline until their only broker returns: recreate such topics with RF 3 afterwards.",
    ],
  },
  "under-replicated-partitions": {
    symptom: "Followers have fallen behind their leaders on broker {broker}.",
    impact: "Durability is reduced: another failure can make partitions offline or below min ISR.",
    checks: [
      DESCRIBE,
      METRIC("UnderReplicatedPartitions", BROKER_DIM),
      TOPICS("--under-replicated-partitions"),
      METRIC("CpuUser", BROKER_DIM),
    ],
    remediation: [
      "During MSK maintenance or a rolling update this is expected for up to 15 minutes; confirm the cluster state.",
      "Check network and disk throughput of the broker (BytesInPerSec, BytesOutPerSec, EBS throughput limits); raise provisioned throughput or broker size if saturated.",
      "If one broker lags persistently, reboot it (`aws kafka reboot-broker --cluster-arn … --broker-ids {broker}`) outside peak hours.",
    ],
  },
  "under-min-isr-partitions": {
    symptom: "Partitions on broker {broker} have fewer in-sync replicas than min.insync.replicas.",
    impact:
      "Producers with acks=all (the DURABILITY and EXACTLY_ONCE profiles) get NotEnoughReplicas errors: writes are refused.",
    checks: [DESCRIBE, METRIC("UnderMinIsrPartitionCount", BROKER_DIM), TOPICS("--under-min-isr-partitions")],
    remediation: [
      "Find the replicas that dropped out (`--under-min-isr-partitions`) and the brokers they live on.",
      "Restore the failed broker (MSK heals it); do not lower min.insync.replicas below 2 on durable topics.",
      "Tell the producing teams: their writes are failing, not lost, and will succeed once ISR recovers.",
    ],
  },
  "disk-used": {
    symptom: "Broker {broker} data volume is filling up.",
    impact: "At 100 % the broker stops; partitions it leads go offline.",
    checks: [
      METRIC("KafkaDataLogsDiskUsed", BROKER_DIM),
      {
        step: "Largest partitions on the broker",
        command:
          "kafka-log-dirs.sh --bootstrap-server {bootstrap} --command-config client.properties --describe --broker-list {broker}",
      },
      {
        step: "Storage autoscaling activity",
        command: "aws application-autoscaling describe-scaling-activities --region {region} --service-namespace kafka",
      },
    ],
    remediation: [
      "Storage autoscaling grows volumes at most every 6 hours; if it is at its maximum, raise `storageAutoscaling.maxVolumeSizeGiB` and deploy.",
      "For an immediate fix: `aws kafka update-broker-storage` with a larger volume (storage never shrinks).",
      "Check for topics whose retention exceeds their class and lower it; delete retired topics.",
    ],
  },
  cpu: {
    symptom: "CpuUser + CpuSystem on broker {broker} is above the headroom the standard keeps.",
    impact: "A broker failure or rolling update would overload the remaining brokers; latency rises.",
    checks: [
      METRIC("CpuUser", BROKER_DIM),
      METRIC("CpuSystem", BROKER_DIM),
      METRIC("RequestHandlerAvgIdlePercent", BROKER_DIM),
    ],
    remediation: [
      "Look for new clients, reconnect storms (ConnectionCreationRate) and uncompressed producers; apply the THROUGHPUT profile (batching, lz4).",
      "Scale up the broker type (`aws kafka update-broker-type`, ~10–15 min per broker) before scaling out.",
      "Do not reassign partitions while CPU is above 70 %.",
    ],
  },
  "heap-after-gc": {
    symptom: "Heap used after garbage collection on broker {broker} stays high.",
    impact: "Long GC pauses, ISR shrink, eventually OutOfMemory and broker restarts.",
    checks: [
      METRIC("HeapMemoryAfterGC", BROKER_DIM),
      {
        step: "Number of transactional ids and producers",
        command: "kafka-transactions.sh --bootstrap-server {bootstrap} --command-config client.properties list",
      },
    ],
    remediation: [
      "Many idle transactional ids are the usual cause: lower `transactional.id.expiration.ms` (e.g. 86400000) in `serverProperties`.",
      "Reduce partition count per broker towards the recommended figure of the broker type, or scale up.",
    ],
  },
  "consumer-max-offset-lag": {
    symptom: "Consumer group {group} is more records behind topic {topic} than the threshold.",
    impact: "Downstream data is late; with retention, unread records can age out and be lost to the group.",
    checks: [
      METRIC(
        "MaxOffsetLag",
        'Name="Cluster Name",Value={cluster} Name="Consumer Group",Value={group} Name="Topic",Value={topic}',
      ),
      {
        step: "Lag and members per partition",
        command:
          "kafka-consumer-groups.sh --bootstrap-server {bootstrap} --command-config client.properties --describe --group {group}",
      },
    ],
    remediation: [
      "Check the consuming application is running and not rebalancing in a loop (members churn, max.poll.interval.ms exceeded).",
      "Scale consumers up to the partition count; apply the THROUGHPUT consumer profile if fetches are small.",
      "If the topic has more traffic than planned, add partitions (counts only grow) and consumers.",
    ],
  },
  "consumer-estimated-time-lag": {
    symptom: "Consumer group {group} reads records of {topic} older than the freshness objective.",
    impact: "Data delivered downstream is stale beyond the agreed objective.",
    checks: [
      METRIC(
        "EstimatedMaxTimeLag",
        'Name="Cluster Name",Value={cluster} Name="Consumer Group",Value={group} Name="Topic",Value={topic}',
      ),
      {
        step: "Lag and members per partition",
        command:
          "kafka-consumer-groups.sh --bootstrap-server {bootstrap} --command-config client.properties --describe --group {group}",
      },
    ],
    remediation: [
      "Same as offset lag: confirm the consumers run, stop rebalance loops, scale consumers to the partition count.",
      "If a single partition lags, look for a hot key or a poison record (check the application's error log and dead-letter topic).",
    ],
  },
  "produce-throttle": {
    symptom: "Express broker {broker} throttles producers.",
    impact: "Producer latency rises; buffers fill and sends time out.",
    checks: [METRIC("ProduceThrottleTime", BROKER_DIM), METRIC("BytesInPerSec", BROKER_DIM)],
    remediation: [
      "Ingress exceeds the broker's quota: add brokers (multiples of 3) or move to a larger express.m7g size.",
      "Enable compression (THROUGHPUT profile) to reduce bytes in.",
    ],
  },
  "fetch-throttle": {
    symptom: "Express broker {broker} throttles consumers.",
    impact: "Consumer lag grows while throttled.",
    checks: [METRIC("FetchThrottleTime", BROKER_DIM), METRIC("BytesOutPerSec", BROKER_DIM)],
    remediation: [
      "Egress = ingress × consumer groups: add brokers or a larger size, or reduce the number of groups reading the same topics.",
    ],
  },
});

const CCLOUD_CLUSTER = {
  step: "Cluster type, capacity and endpoints",
  command: 'confluent kafka cluster describe "$KAFKA_CLUSTER_ID" --environment "$ENVIRONMENT_ID"',
};
const CCLOUD_METRIC = (metric: string): { step: string; command: string } => ({
  step: `Recent values of ${metric} from the Metrics API`,
  command: `curl -s -u "$METRICS_API_KEY:$METRICS_API_SECRET" "https://api.telemetry.confluent.cloud/v2/metrics/cloud/export?resource.kafka.id=$KAFKA_CLUSTER_ID" | grep '^${metric}'`,
});

/** Runbook content per Confluent Cloud alarm id of `CONFLUENT_ALARM_THRESHOLDS` (same placeholders). */
export const CONFLUENT_RUNBOOKS: Readonly<Record<string, RunbookEntry>> = Object.freeze({
  ingress: {
    symptom: "Produce bandwidth of cluster {cluster} is close to its type's limit.",
    impact: "At the limit Confluent Cloud throttles producers: latency rises and sends time out.",
    checks: [CCLOUD_CLUSTER, CCLOUD_METRIC("confluent_kafka_server_received_bytes")],
    remediation: [
      "Find the topics with the most bytes in (Metrics API by topic) and the applications writing them.",
      "Enable compression on producers (the THROUGHPUT profile uses lz4).",
      "Scale the cluster: raise max eCKU (Standard/Enterprise) or add CKUs (Dedicated); Basic and Standard share one limit, so move to Dedicated for more.",
    ],
  },
  egress: {
    symptom: "Fetch bandwidth of cluster {cluster} is close to its type's limit.",
    impact: "At the limit consumers are throttled and lag grows.",
    checks: [CCLOUD_CLUSTER, CCLOUD_METRIC("confluent_kafka_server_sent_bytes")],
    remediation: [
      "Egress = ingress × consumer groups: look for new or replaying consumer groups.",
      "Scale the cluster (eCKU or CKU), or consolidate consumer groups reading the same topics.",
    ],
  },
  storage: {
    symptom: "Retained data of Basic cluster {cluster} is close to its storage limit.",
    impact: "At the limit producers are refused.",
    checks: [CCLOUD_CLUSTER, CCLOUD_METRIC("confluent_kafka_server_retained_bytes")],
    remediation: [
      "Lower retention of topics beyond their class, delete retired topics.",
      "Upgrade the cluster to Standard (in place, no storage limit).",
    ],
  },
  partitions: {
    symptom: "Cluster {cluster} is close to its partition limit.",
    impact: "At the limit new topics and partition increases fail.",
    checks: [
      CCLOUD_CLUSTER,
      { step: "Topics and their partitions", command: 'confluent kafka topic list --cluster "$KAFKA_CLUSTER_ID"' },
    ],
    remediation: [
      "Retire unused topics; right-size over-partitioned topics (create a new topic, migrate, retire the old one).",
      "Scale up (more eCKU / CKU raise the partition limit) or move to Dedicated.",
    ],
  },
  "consumer-max-offset-lag": {
    symptom: "Consumer group {group} of cluster {cluster} is more records behind topic {topic} than the threshold.",
    impact: "Downstream data is late; unread records can age out of retention.",
    checks: [
      {
        step: "Lag per partition",
        command: 'confluent kafka consumer group lag list {group} --cluster "$KAFKA_CLUSTER_ID"',
      },
      CCLOUD_METRIC("confluent_kafka_server_consumer_lag_offsets"),
    ],
    remediation: [
      "Check the consuming application runs and is not stuck in a rebalance loop.",
      "Scale consumers up to the partition count; apply the THROUGHPUT consumer profile if fetches are small.",
    ],
  },
  "cluster-load": {
    symptom: "Load of Dedicated cluster {cluster} stays high.",
    impact: "Above 80 % latency rises and clients are throttled.",
    checks: [CCLOUD_CLUSTER, CCLOUD_METRIC("confluent_kafka_server_cluster_load_percent")],
    remediation: [
      "Look for request storms: many small produce requests, frequent metadata refreshes, reconnects.",
      "Add CKUs (the cluster rebalances without downtime).",
    ],
  },
  "metrics-access": {
    symptom: "The Metrics API cannot read cluster {cluster}, or its metrics stopped arriving.",
    impact: "No other alert of the cluster can fire: the cluster is unmonitored.",
    checks: [
      CCLOUD_METRIC("confluent_scrape_resource_access_error"),
      {
        step: "The metrics service account still has MetricsViewer",
        command:
          'confluent iam rbac role-binding list --role MetricsViewer --principal "User:$METRICS_SERVICE_ACCOUNT"',
      },
    ],
    remediation: [
      "Restore the MetricsViewer role binding or rotate the metrics API key used by the scrape job.",
      "Check the Prometheus scrape job (interval ≥ 60 s, honor_timestamps: true).",
    ],
  },
});
