import { ConnectorDefinition } from "./connector-definition";
import { ConnectorErrorHandling } from "./connector-config";
import { ConnectorSecret } from "./connector-secret";
import { ConnectPlugin } from "./connect-plugin";
import { ISchemaRegistry, SubjectOptions } from "./schema-registry";

/** An egress rule of the MSK Connect workers' security group (to the database, Snowflake, AWS endpoints). */
export interface ConnectorEgressRule {
  /** IPv4 CIDR of the destination. Exactly one of cidr and prefixListId. */
  readonly cidr?: string;
  /** Managed prefix list of the destination (e.g. an S3 gateway endpoint's). */
  readonly prefixListId?: string;
  /** TCP port. */
  readonly port: number;
  /** What the destination is (shown in the rule and the audit). */
  readonly description: string;
}

/** MSK Connect autoscaling capacity. */
export interface MskConnectCapacity {
  /**
   * Minimum workers.
   * @default MSK_CONNECT_CAPACITY[tier].minWorkers
   */
  readonly minWorkers?: number;
  /**
   * Maximum workers (1–10).
   * @default MSK_CONNECT_CAPACITY[tier].maxWorkers
   */
  readonly maxWorkers?: number;
  /**
   * MSK Connect units per worker: 1, 2, 4 or 8.
   * @default MSK_CONNECT_CAPACITY[tier].mcuCount
   */
  readonly mcuCount?: 1 | 2 | 4 | 8;
}

/** What MSK Connect needs besides the connector itself. */
export interface MskConnectOptions {
  /** The connector's custom plugin. */
  readonly plugin: ConnectPlugin;
  /** VPC of the workers (the cluster's). */
  readonly vpcId: string;
  /** Subnets the workers run in (each worker takes one IP address). */
  readonly subnetIds: readonly string[];
  /**
   * Egress the workers need besides the brokers (which the construct opens on port 9098).
   * @default - brokers only
   */
  readonly egress?: readonly ConnectorEgressRule[];
  /**
   * Autoscaling capacity.
   * @default the tier's MSK_CONNECT_CAPACITY
   */
  readonly capacity?: MskConnectCapacity;
  /**
   * Base of runbook links in alarm descriptions.
   * @default "kafka-standards/runbooks"
   */
  readonly runbookBaseUrl?: string;
}

/**
 * What a connector is, the same on both backends: the catalog entry, its name, error handling,
 * tasks, schema registry and extra keys.
 */
export interface ConnectorIntentProps {
  /** The connector (a `ConnectorCatalog` entry). */
  readonly connector: ConnectorDefinition;
  /**
   * Connector name (also its consumer group `connect-<name>` and dead-letter topic `dlq.<name>`).
   * @default - the construct id in lower case, non-alphanumerics as hyphens
   */
  readonly name?: string;
  /**
   * Extra configuration keys of the connector: only keys it knows (checked, with a suggestion for
   * typos), never a key the construct sets itself, credentials only as `ConnectorSecret`.
   * @default - none
   */
  readonly config?: Readonly<Record<string, string | ConnectorSecret>>;
  /**
   * Error handling; weakening the standard needs a reason and shows in the audit.
   * @default the standard's (CONNECT_ERROR_STANDARD)
   */
  readonly errorHandling?: ConnectorErrorHandling;
  /**
   * `tasks.max`.
   * @default - the catalog entry's: the partitions of a sink's topics, one per table of a JDBC source, 1 for CDC
   */
  readonly tasksMax?: number;
  /**
   * Schema registry the converters use; the connector's topics get subjects with the standard's compatibility.
   * @default - JSON with embedded schemas (MSK Connect), schemaless JSON (Confluent Cloud)
   */
  readonly schemaRegistry?: ISchemaRegistry;
  /**
   * Compatibility of the subjects of the connector's topics.
   * @default "BACKWARD"
   */
  readonly subjects?: SubjectOptions;
  /**
   * Pipeline the connector belongs to (recorded for the architecture doc and alarms).
   * @default - none
   */
  readonly pipeline?: string;
  /**
   * Owning team.
   * @default - none
   */
  readonly owner?: string;
  /**
   * Tags of the AWS resources.
   * @default - the standard tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The construct id turned into a connector name: `Db2Source` → `db2source`, `orders_sink` → `orders-sink`. */
export function defaultConnectorName(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
