import { Construct } from "constructs";
import { TerraformResource } from "cdktf";
import { KafkaStandardsError } from "../errors";
import { CLIENT_PROFILES } from "../standards/client-profiles";
import { KafkaApplication } from "../access/kafka-application";
import { KafkaPrincipal } from "../access/kafka-principal";
import { IKafkaCluster } from "./kafka-cluster";
import { TopicSpec } from "./topic-spec";

/** Options of a consume grant. */
export interface GrantConsumeOptions {
  /** Consumer group the application reads with (no wildcard groups). */
  readonly group: string;
}

/** Consumer group names: Kafka accepts any string; the standard keeps them ASCII so MSK lag metrics are emitted. */
const GROUP_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,248}$/;

/**
 * A Kafka topic on either backend, created with `cluster.addTopic(name, props)`.
 *
 * Its configuration comes from its class (see docs/STANDARDS.md); in prod it carries
 * `prevent_destroy` until it is retired. Grants are least-privilege: one topic, one group, no wildcard.
 *
 * @example
 * import { KafkaPrincipal } from "cdktf-kafka-standards";
 *
 * const orders = cluster.addTopic("orders.created", { topicClass: "events", throughput: { targetMBps: 60 } });
 * orders.grantProduce(cluster.addApplication("orders-api", { principal: KafkaPrincipal.iamRole("orders-api-task") }));
 * orders.grantConsume(cluster.addApplication("billing", { principal: KafkaPrincipal.iamRole("billing-task") }), {
 *   group: "billing",
 * });
 */
export class KafkaTopic extends Construct {
  /** Topic name. */
  public readonly topicName: string;
  /** The validated specification. */
  public readonly spec: TopicSpec;
  /** The cluster. */
  public readonly cluster: IKafkaCluster;
  /** The underlying Terraform resource (`kafka_topic` or `confluent_kafka_topic`). */
  public readonly resource: TerraformResource;

  constructor(
    scope: Construct,
    id: string,
    cluster: IKafkaCluster,
    spec: TopicSpec,
    resource: (scope: Construct) => TerraformResource,
  ) {
    super(scope, id);
    this.topicName = spec.name;
    this.spec = spec;
    this.cluster = cluster;
    this.resource = resource(this);
  }

  /** Lets an application (or principal) write to this topic. */
  public grantProduce(grantee: KafkaApplication | KafkaPrincipal): KafkaApplication {
    const app = this.application(grantee);
    const profile = CLIENT_PROFILES[app.producerProfile];
    if (
      profile.requiresDurableTopic &&
      (this.spec.replicationFactor < 3 || Number(this.spec.config["min.insync.replicas"]) < 2)
    ) {
      throw new KafkaStandardsError({
        code: "KSE-ACCESS-001",
        prop: "producerProfile",
        value: app.producerProfile,
        allowed: `topics with replication factor ≥ 3 and min.insync.replicas ≥ 2 (topic ${this.topicName} has RF ${this.spec.replicationFactor}, min ISR ${this.spec.config["min.insync.replicas"]})`,
        fix: "Write to a durable topic, or give the application the THROUGHPUT or LATENCY profile.",
        path: this.node.path,
      });
    }
    if (!app.produces.includes(this.topicName)) {
      app.produces.push(this.topicName);
      this.cluster.access.grantProduce(this, app);
    }
    return app;
  }

  /** Lets an application (or principal) read this topic with one consumer group. */
  public grantConsume(grantee: KafkaApplication | KafkaPrincipal, options: GrantConsumeOptions): KafkaApplication {
    const app = this.application(grantee);
    if (!GROUP_PATTERN.test(options.group ?? "")) {
      throw new KafkaStandardsError({
        code: "KSE-ACCESS-002",
        prop: "group",
        value: options.group,
        allowed: "an ASCII consumer group name of letters, digits, '.', '_' or '-' (no wildcard)",
        fix: 'Name the group after the application, e.g. "billing".',
        path: this.node.path,
      });
    }
    if (!app.consumes.some((c) => c.topic === this.topicName && c.group === options.group)) {
      app.consumes.push({ topic: this.topicName, group: options.group });
      this.cluster.access.grantConsume(this, app, options.group);
    }
    return app;
  }

  private application(grantee: KafkaApplication | KafkaPrincipal): KafkaApplication {
    return grantee instanceof KafkaApplication ? grantee : this.cluster.access.applicationFor(grantee);
  }
}
