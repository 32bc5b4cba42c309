import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { Connector } from "../providers/confluent/connector";
import { ServiceAccount } from "../providers/confluent/service-account";
import { RoleBinding } from "../providers/confluent/role-binding";
import { recordMetadata } from "../core/resource-metadata";
import { failWith } from "../errors";
import { KafkaStandardsSuppressions } from "../audit/cdktf/suppressions";
import { StackArtifacts } from "../core/stack-artifacts";
import { CONFLUENT_MANAGED_SINK_GROUP_PREFIX } from "../standards/connect";
import { confluentServiceAccountName } from "../standards/confluent";
import type { ConfluentCluster } from "../confluent/confluent-cluster";
import type { KafkaTopic } from "../topic/kafka-topic";
import { declareConnectorTopics } from "./connector-topics";
import { ConverterSettings } from "./connector-definition";
import { ResolvedConnector, checkConnectorName, resolveConnector } from "./connector-config";
import { ConnectorIntentProps, defaultConnectorName } from "./kafka-connector-props";
import { ConfluentSchemaRegistry } from "./schema-registry";
import { connectorArtifactsProducer } from "./connector-artifacts";

/** Properties of a {@link ConfluentConnector}. */
export interface ConfluentConnectorProps extends ConnectorIntentProps {
  /** The Confluent Cloud cluster (Standard, Enterprise or Dedicated: role bindings need RBAC inside Kafka). */
  readonly cluster: ConfluentCluster;
}

/** Keys the construct sets for the connector's identity; the caller may not. */
const IDENTITY_KEYS = ["kafka.auth.mode", "kafka.service.account.id", "kafka.api.key", "kafka.api.secret"];

/** Without a registry, managed connectors read and write schemaless JSON. */
const SCHEMALESS_JSON: ConverterSettings = Object.freeze({
  format: "json",
  managedDataFormat: "JSON",
  converterConfig: Object.freeze({}),
});

/**
 * A fully managed connector on Confluent Cloud (`confluent_connector`) with its own service
 * account and role bindings on exactly its topics (DeveloperWrite for sources; DeveloperRead and
 * the managed consumer-group prefix for sinks, DeveloperWrite on the dead-letter topic), secrets
 * only in `config_sensitive`, and the standard's error handling: a sink's dead-letter topic
 * `dlq.<name>` is declared on the cluster (class `dlq`).
 *
 * The connector authenticates as its service account (`kafka.auth.mode=SERVICE_ACCOUNT`): no API
 * key exists for it.
 *
 * @see https://registry.terraform.io/providers/confluentinc/confluent/latest/docs/resources/confluent_connector
 * @see https://docs.confluent.io/cloud/current/connectors/service-account.html
 * @example
 * import { TerraformVariable } from "cdktf";
 * import { ConfluentConnector, ConnectorCatalog, ConnectorSecret } from "cdktf-kafka-standards";
 *
 * // A fully managed Snowflake sink with its own service account; the key only in config_sensitive:
 * const privateKey = new TerraformVariable(stack, "snowflake_private_key", { type: "string", sensitive: true });
 * new ConfluentConnector(stack, "OrdersSink", {
 *   cluster: confluentCluster,
 *   name: "orders-sink",
 *   connector: ConnectorCatalog.snowflakeSink({
 *     topics: [{ topic: confluentCluster.addTopic("sales.orders.eu-west-1", { partitions: 6 }) }],
 *     url: "xy12345.eu-west-1.snowflakecomputing.com:443",
 *     user: "KAFKA",
 *     privateKey: ConnectorSecret.terraformReference(privateKey.stringValue),
 *     database: "DWH",
 *     schema: "STAGING",
 *     role: "LOADER",
 *   }),
 * });
 */
export class ConfluentConnector extends Construct {
  /** Connector name. */
  public readonly connectorName: string;
  /** The resolved configuration. */
  public readonly resolved: ResolvedConnector;
  /** The `confluent_connector`. */
  public readonly connector: Connector;
  /** The connector's service account. */
  public readonly serviceAccount: ServiceAccount;
  /** Its role bindings. */
  public readonly roleBindings: readonly RoleBinding[];
  /** The dead-letter topic, for sinks. */
  public readonly deadLetterTopic?: KafkaTopic;

  constructor(scope: Construct, id: string, props: ConfluentConnectorProps) {
    super(scope, id);
    const p = this.node.path;
    const cluster = props.cluster;
    if (typeof cluster !== "object" || cluster === null || cluster.backend !== "confluent") {
      failWith("KSE-CONN-019", "cluster", cluster, "a ConfluentCluster", "Pass the Confluent cluster.", p);
    }
    if (!cluster.clusterType.info.rbacInKafka) {
      failWith(
        "KSE-CONN-016",
        "cluster",
        cluster.clusterType.kind,
        "a cluster type with RBAC inside Kafka (Standard, Enterprise, Dedicated)",
        "The connector's service account is granted its topics with role bindings; upgrade Basic to Standard.",
        p,
      );
    }
    const name = checkConnectorName(props.name ?? defaultConnectorName(id), p);
    this.connectorName = name;
    for (const key of Object.keys(props.config ?? {})) {
      if (IDENTITY_KEYS.includes(key)) {
        failWith(
          "KSE-CONN-005",
          `config["${key}"]`,
          "<value hidden>",
          "keys the construct does not set itself",
          "The connector authenticates as its own service account; remove the key.",
          p,
        );
      }
    }
    const converters = props.schemaRegistry?.converters("confluent", p) ?? SCHEMALESS_JSON;
    const r = resolveConnector(name, {
      definition: props.connector,
      ctx: { backend: "confluent", connectorName: name, path: p, clusterName: cluster.clusterName, converters },
      extraConfig: props.config,
      errorHandling: props.errorHandling,
      tasksMax: props.tasksMax,
    });
    this.resolved = r;
    const foreign = r.definition.topics.find((t) => t.cluster !== cluster);
    if (foreign) {
      failWith(
        "KSE-CONN-009",
        "connector.topics",
        foreign.topicName,
        `topics of cluster ${cluster.clusterName}`,
        "Declare the connector's topics on the cluster it runs against.",
        p,
      );
    }

    const meta = {
      tier: cluster.tier,
      construct: "ConfluentConnector",
      cluster: cluster.clusterName,
      connector: name,
      pipeline: props.pipeline,
    };
    this.deadLetterTopic = declareConnectorTopics(cluster, r, props);

    this.serviceAccount = new ServiceAccount(this, "ServiceAccount", {
      displayName: confluentServiceAccountName(cluster.clusterName, `connector-${name}`).slice(0, 64),
      description: `Fully managed connector ${name} (${r.definition.catalogId}) of ${cluster.clusterName}`,
    });
    recordMetadata(this.serviceAccount, meta);
    const principal = `User:${this.serviceAccount.id}`;
    const bindings: RoleBinding[] = [];
    const bind = (role: string, type: "topic" | "group", resource: string, prefixed = false): void => {
      const b = new RoleBinding(this, `${role}-${type}-${resource.replace(/[^A-Za-z0-9]/g, "_")}`, {
        principal,
        roleName: role,
        crnPattern: `${cluster.rbacCrn}/kafka=${cluster.clusterId}/${type}=${resource}${prefixed ? "*" : ""}`,
      });
      recordMetadata(b, meta);
      bindings.push(b);
    };
    const sink = r.direction === "sink";
    for (const t of r.definition.topics) bind(sink ? "DeveloperRead" : "DeveloperWrite", "topic", t.topicName);
    if (sink) {
      // Managed sinks consume as `connect-lcc-<connector id>`, an id known only after creation.
      bind("DeveloperRead", "group", CONFLUENT_MANAGED_SINK_GROUP_PREFIX, true);
      if (r.deadLetterTopic) bind("DeveloperWrite", "topic", r.deadLetterTopic);
    }
    if (props.schemaRegistry instanceof ConfluentSchemaRegistry) {
      for (const t of r.definition.topics) {
        bindings.push(...props.schemaRegistry.grant(this, principal, t.topicName, !sink));
      }
    }
    this.roleBindings = bindings;

    const holder = new Construct(this, "Resource");
    this.connector = new Connector(holder, "Connector", {
      environment: { id: cluster.environmentId },
      kafkaCluster: { id: cluster.clusterId },
      configNonsensitive: {
        ...r.config,
        "kafka.auth.mode": "SERVICE_ACCOUNT",
        "kafka.service.account.id": this.serviceAccount.id,
      },
      configSensitive: Object.fromEntries(Object.entries(r.secrets).map(([k, s]) => [k, s.configValue()])),
      // Its topics first: a sink would create a missing dead-letter topic itself, and the topic
      // resource would then fail with "already exists"; a source fails writing to a missing topic.
      dependsOn: [
        ...bindings,
        ...[...r.definition.topics, ...(this.deadLetterTopic ? [this.deadLetterTopic] : [])]
          .map((t) => t.resource)
          .filter((t) => TerraformStack.of(t) === TerraformStack.of(this)),
      ],
    });
    const overrides = Object.fromEntries(r.weakenings.map((w) => [w.prop, w.reason]));
    recordMetadata(this.connector, {
      ...meta,
      overrides: Object.keys(overrides).length > 0 ? overrides : undefined,
    });
    const suppressions = r.weakenings.flatMap((w) =>
      w.rules.map((rule) => ({ id: rule, reason: `${w.prop}: ${w.reason}` })),
    );
    if (suppressions.length > 0) KafkaStandardsSuppressions.add(holder, suppressions);
    StackArtifacts.of(this).add(connectorArtifactsProducer);
  }

  /** The principal (`User:sa-…`) of the connector. */
  public get principal(): string {
    return `User:${this.serviceAccount.id}`;
  }
}
