import { Construct } from "constructs";
import { failWith } from "../errors";
import type { MskCluster } from "../msk/msk-cluster";
import type { ConfluentCluster } from "../confluent/confluent-cluster";
import { IKafkaCluster } from "../topic/kafka-cluster";
import type { KafkaTopic } from "../topic/kafka-topic";
import { ResolvedConnector } from "./connector-config";
import { ConnectorIntentProps, MskConnectOptions, defaultConnectorName } from "./kafka-connector-props";
import { MskConnector } from "./msk-connector";
import { ConfluentConnector } from "./confluent-connector";

/** Properties of a {@link KafkaConnector}. */
export interface KafkaConnectorProps extends ConnectorIntentProps {
  /** The cluster: an `MskCluster` (MSK Connect) or a `ConfluentCluster` (fully managed connector). */
  readonly cluster: IKafkaCluster;
  /**
   * MSK Connect's plugin, network and capacity; required on MSK, refused on Confluent Cloud.
   * @default - none
   */
  readonly msk?: MskConnectOptions;
}

/**
 * A connector declared once and built for the cluster's backend: on an `MskCluster` an
 * {@link MskConnector} (MSK Connect), on a `ConfluentCluster` a {@link ConfluentConnector} (fully
 * managed). The intent (catalog entry, error handling, tasks, schema registry, extra keys) is the
 * same; only MSK Connect needs a plugin and a network.
 *
 * @example
 * import { ConnectPlugin, ConnectorCatalog, ConnectorSecret, KafkaConnector } from "cdktf-kafka-standards";
 *
 * // A Snowflake sink on MSK Connect with the standard's error handling (DLQ, logs, retries):
 * new KafkaConnector(stack, "OrdersSink", {
 *   cluster,
 *   name: "orders-sink",
 *   connector: ConnectorCatalog.snowflakeSink({
 *     topics: [{ topic: cluster.addTopic("sales.orders.eu-west-1", { partitions: 6 }) }],
 *     url: "xy12345.eu-west-1.snowflakecomputing.com:443",
 *     user: "KAFKA",
 *     privateKey: ConnectorSecret.secretsManager(
 *       { secretArn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/sales/pipeline-AbCdEf", secretName: "prod/sales/pipeline" },
 *       "snowflake_private_key",
 *     ),
 *     database: "DWH",
 *     schema: "STAGING",
 *     role: "LOADER",
 *   }),
 *   msk: {
 *     plugin: ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::connect-plugins", fileKey: "snowflake-kafka-connector-2.5.0.zip" }),
 *     vpcId: "vpc-0123",
 *     subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
 *     egress: [{ cidr: "0.0.0.0/0", port: 443, description: "Snowflake over HTTPS" }],
 *   },
 * });
 */
export class KafkaConnector extends Construct {
  /** Backend the connector was built for. */
  public readonly backend: "msk" | "confluent";
  /** Connector name. */
  public readonly connectorName: string;
  /** The resolved configuration. */
  public readonly resolved: ResolvedConnector;
  /** The MSK Connect connector, on MSK. */
  public readonly mskConnector?: MskConnector;
  /** The Confluent Cloud connector, on Confluent. */
  public readonly confluentConnector?: ConfluentConnector;

  constructor(scope: Construct, id: string, props: KafkaConnectorProps) {
    super(scope, id);
    const cluster = props?.cluster;
    const name = props?.name ?? defaultConnectorName(id);
    if (cluster?.backend === "msk") {
      if (props.msk === undefined) {
        failWith(
          "KSE-CONN-011",
          "msk",
          undefined,
          "{ plugin, vpcId, subnetIds } for a connector on MSK Connect",
          "Give the connector's plugin (ConnectPlugin.fromS3 or .upload) and the workers' subnets.",
          this.node.path,
        );
      }
      this.mskConnector = new MskConnector(this, "MskConnect", {
        ...props,
        name,
        cluster: cluster as unknown as MskCluster,
        msk: props.msk,
      });
      this.backend = "msk";
      this.resolved = this.mskConnector.resolved;
    } else if (cluster?.backend === "confluent") {
      if (props.msk !== undefined) {
        failWith(
          "KSE-CONN-019",
          "msk",
          "<MSK Connect options>",
          "no MSK Connect options for a Confluent Cloud cluster (its connectors are fully managed)",
          "Remove msk.",
          this.node.path,
        );
      }
      this.confluentConnector = new ConfluentConnector(this, "Confluent", {
        ...props,
        name,
        cluster: cluster as unknown as ConfluentCluster,
      });
      this.backend = "confluent";
      this.resolved = this.confluentConnector.resolved;
    } else {
      failWith(
        "KSE-CONN-019",
        "cluster",
        cluster,
        "an MskCluster or a ConfluentCluster",
        "Pass the cluster the connector runs against.",
        this.node.path,
      );
    }
    this.connectorName = this.resolved.name;
  }

  /** The dead-letter topic of a sink. */
  public get deadLetterTopic(): KafkaTopic | undefined {
    return this.mskConnector?.deadLetterTopic ?? this.confluentConnector?.deadLetterTopic;
  }
}
