import { Construct } from "constructs";
import { TerraformResource } from "cdktf";
import { KafkaStandardsError } from "../errors";
import { CLIENT_PROFILES } from "../standards/client-profiles";
import { KafkaApplication } from "../access/kafka-application";
import { KafkaPrincipal } from "../access/kafka-principal";
import { IKafkaCluster } from "./kafka-cluster";
import { TopicSpec } from "./topic-spec";
import { assertDeclaredOn } from "../access/declared-on";

/** Options of a consume grant. */
export interface GrantConsumeOptions {
  /** Consumer group the application reads with (no wildcard groups). */
  readonly group: string;
}

/** Consumer group names: Kafka accepts any string; the standard keeps them ASCII so MSK lag metrics are emitted. */
const GROUP_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,248}$/;

/** Refuses a grantee that is neither an application nor a principal (JavaScript callers). */
function checkGrantee(grantee: unknown, method: string, path: string): void {
  if (!(grantee instanceof KafkaApplication) && !(grantee instanceof KafkaPrincipal)) {
    throw new KafkaStandardsError({
      code: "KSE-ACCESS-012",
      prop: `${method}(grantee)`,
      value: grantee,
      allowed: "a KafkaApplication (cluster.addApplication(...)) or a KafkaPrincipal",
      fix: `Pass the application returned by cluster.addApplication("<name>", …), e.g. topic.${method}(app${method === "grantConsume" ? ', { group: "billing" }' : ""}).`,
      path,
    });
  }
}

/** Refuses consume options without a usable group before anything is granted. */
function checkConsumeOptions(options: unknown, path: string): void {
  const given = typeof options === "object" && options !== null;
  for (const key of given ? Object.keys(options) : []) {
    if (key === "group") continue;
    throw new KafkaStandardsError({
      code: "KSE-CORE-005",
      prop: `options.${key}`,
      value: (options as Record<string, unknown>)[key],
      allowed: "the documented keys of the options: group",
      fix: `Remove "${key}": grantConsume takes only the consumer group.`,
      path,
    });
  }
  const group = given ? (options as { group?: unknown }).group : undefined;
  if (typeof group !== "string" || !GROUP_PATTERN.test(group)) {
    throw new KafkaStandardsError({
      code: "KSE-ACCESS-002",
      prop: "group",
      value: group,
      allowed: "an ASCII consumer group name of letters, digits, '.', '_' or '-' (no wildcard)",
      fix: given
        ? 'Name the group after the application, e.g. "billing".'
        : 'Pass the consumer group: grantConsume(app, { group: "billing" }).',
      path,
    });
  }
}

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
    checkGrantee(grantee, "grantProduce", this.node.path);
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
    checkGrantee(grantee, "grantConsume", this.node.path);
    checkConsumeOptions(options, this.node.path);
    const app = this.application(grantee);
    if (!app.consumes.some((c) => c.topic === this.topicName && c.group === options.group)) {
      app.consumes.push({ topic: this.topicName, group: options.group });
      this.cluster.access.grantConsume(this, app, options.group);
    }
    return app;
  }

  private application(grantee: KafkaApplication | KafkaPrincipal): KafkaApplication {
    if (!(grantee instanceof KafkaApplication)) return this.cluster.access.applicationFor(grantee);
    // Before anything is recorded on the application: a grant never crosses clusters.
    assertDeclaredOn(this.cluster, grantee, "grant", this.node.path);
    return grantee;
  }
}
