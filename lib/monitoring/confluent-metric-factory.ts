/**
 * PromQL for the Confluent Cloud metrics of one Kafka cluster, as scraped from the Metrics API
 * export endpoint: the metric factory shared by the Prometheus rules and the Grafana dashboard.
 *
 * @see https://api.telemetry.confluent.cloud/docs#tag/Version-2/paths/~1v2~1metrics~1%7Bdataset%7D~1export/get
 */
import { CONFLUENT_METRICS, ConfluentMetricId } from "../standards/confluent-metrics";
import { ConfluentClusterKind } from "../standards/confluent";
import { CONFLUENT_REPLICATION_FACTOR } from "../standards/topic-config";

/** What the Confluent monitoring renderers need to know about one cluster. */
export interface ConfluentMonitoringInput {
  /** Cluster name (`display_name`), used in alert labels, titles and file names. */
  readonly clusterName: string;
  /**
   * Kafka cluster id (`lkc-…`), or a Terraform reference such as
   * `${confluent_kafka_cluster.orders.id}` when the id is known only after apply; the rules then
   * carry {@link KAFKA_CLUSTER_ID_PLACEHOLDER}.
   */
  readonly kafkaClusterId: string;
  /** Cluster type: selects the limits and the alarms that apply. */
  readonly clusterType: ConfluentClusterKind;
  /** Environment tier, written as a label on every alert. */
  readonly tier: string;
  /**
   * CKUs of a Dedicated cluster: throughput limits scale with it.
   * @default - the type's maximum limits
   */
  readonly cku?: number;
  /**
   * Consumer groups to alert on, each with the topic it reads.
   * @default - one lag alert over every consumer group and topic of the cluster
   */
  readonly consumerGroups?: readonly { readonly group: string; readonly topic: string }[];
  /**
   * Base of the runbook links (`<base>/<cluster>-<alarm>.md`).
   * @default DEFAULT_RUNBOOK_BASE
   */
  readonly runbookBaseUrl?: string;
  /**
   * Terraform output that holds the cluster id, named in the substitution instructions.
   * @default - none; the instructions say to look the id up
   */
  readonly clusterIdOutput?: string;
  /**
   * The environment id (`env-…`), when literal, or the Terraform output that holds it, named in the runbooks.
   * @default - none; the runbooks say to look the id up
   */
  readonly environmentId?: string;
  /** Terraform output that holds the environment id. @default - none */
  readonly environmentIdOutput?: string;
}

/**
 * Stands for the cluster id in rule files rendered before `terraform apply`. It is a plain string
 * inside a PromQL label matcher, so the file passes `promtool check rules` as is; substitute it with
 * `envsubst '${KAFKA_CLUSTER_ID}'` (naming the variable, which leaves Prometheus's own `$labels` and
 * `$value` templates alone) or `sed`.
 */
export const KAFKA_CLUSTER_ID_PLACEHOLDER = "${KAFKA_CLUSTER_ID}";

/** True when the input's cluster id is a Terraform reference, unknown until apply. */
export function isClusterIdReference(input: ConfluentMonitoringInput): boolean {
  return input.kafkaClusterId.includes("${");
}

/** The cluster id written into rules: the literal id, or the placeholder. */
export function ruleClusterId(input: ConfluentMonitoringInput): string {
  return isClusterIdReference(input) ? KAFKA_CLUSTER_ID_PLACEHOLDER : input.kafkaClusterId;
}

/** A PromQL double-quoted string literal. */
export function promString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

/** Counters are exported as the delta of one 60-second sample ([export] "Metric translation"). */
const SAMPLE_SECONDS = 60;

/**
 * Metric factory: PromQL per metric of one cluster. The cluster is selected by a `kafka_id`
 * matcher value: a literal id in rules, `$kafka_id` in dashboards.
 */
export class ConfluentMetricFactory {
  constructor(private readonly kafkaId: string) {}

  /** A selector of one metric on the cluster, with extra label matchers. */
  public selector(metric: ConfluentMetricId, extra: Readonly<Record<string, string>> = {}): string {
    const m = CONFLUENT_METRICS[metric];
    const idLabel = metric === "scrapeResourceAccessError" ? "resource_id" : "kafka_id";
    const matchers = [
      `${idLabel}=${promString(this.kafkaId)}`,
      ...Object.entries(extra).map(([k, v]) => `${k}=${promString(v)}`),
    ];
    return `${m.name}{${matchers.join(",")}}`;
  }

  /** Ingress of the cluster, bytes per second. */
  public ingressBytesPerSecond(): string {
    return `sum(${this.selector("receivedBytes")}) / ${SAMPLE_SECONDS}`;
  }

  /** Egress of the cluster, bytes per second. */
  public egressBytesPerSecond(): string {
    return `sum(${this.selector("sentBytes")}) / ${SAMPLE_SECONDS}`;
  }

  /** Ingress per topic, bytes per second (the ten busiest). */
  public topTopicsIngress(): string {
    return `topk(10, sum by (topic) (${this.selector("receivedBytes")}) / ${SAMPLE_SECONDS})`;
  }

  /** Retained bytes before replication: the export counts every replica ([stacks]), RF is fixed at 3. */
  public retainedBytesBeforeReplication(): string {
    return `sum(${this.selector("retainedBytes")}) / ${CONFLUENT_REPLICATION_FACTOR}`;
  }

  /** Partition count of the cluster. */
  public partitionCount(): string {
    return `max(${this.selector("partitionCount")})`;
  }

  /** Largest partition lag per consumer group and topic (as MSK's MaxOffsetLag), optionally of one group and topic. */
  public consumerLag(group?: string, topic?: string): string {
    const extra: Record<string, string> = {};
    if (group !== undefined) extra.consumer_group_id = group;
    if (topic !== undefined) extra.topic = topic;
    return `max by (consumer_group_id, topic) (${this.selector("consumerLagOffsets", extra)})`;
  }

  /** Cluster load of a Dedicated cluster, 0–1. */
  public clusterLoad(): string {
    return `max(${this.selector("clusterLoadPercent")})`;
  }

  /** Active authenticated connections. */
  public activeConnections(): string {
    return `sum(${this.selector("activeConnectionCount")})`;
  }

  /** Requests per second by request type. */
  public requestsPerSecond(): string {
    return `sum by (type) (${this.selector("requestCount")}) / ${SAMPLE_SECONDS}`;
  }

  /** 1 when the export cannot read the cluster, or when none of its metrics arrive. */
  public metricsUnavailable(): string {
    return `max(${this.selector("scrapeResourceAccessError")}) or absent(${this.selector("partitionCount")})`;
  }

  /** The expression an alarm of the standard watches. */
  public forAlarm(metric: ConfluentMetricId): string {
    switch (metric) {
      case "receivedBytes":
        return this.ingressBytesPerSecond();
      case "sentBytes":
        return this.egressBytesPerSecond();
      case "retainedBytes":
        return this.retainedBytesBeforeReplication();
      case "partitionCount":
        return this.partitionCount();
      case "consumerLagOffsets":
        return this.consumerLag();
      case "clusterLoadPercent":
        return this.clusterLoad();
      case "activeConnectionCount":
        return this.activeConnections();
      case "requestCount":
        return this.requestsPerSecond();
      case "scrapeResourceAccessError":
        return this.metricsUnavailable();
    }
  }
}
