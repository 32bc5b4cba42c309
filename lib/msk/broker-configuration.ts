import { createHash } from "crypto";
import { Construct } from "constructs";
import { MskConfiguration } from "@cdktf/provider-aws/lib/msk-configuration";
import { renderServerProperties } from "../standards/broker-baseline";
import { recordMetadata } from "../core/resource-metadata";

/** Properties of a {@link BrokerConfiguration}. */
export interface BrokerConfigurationProps {
  /** Cluster name; the configuration name is `<name>-<hash>`. */
  readonly name: string;
  /** Kafka version the configuration is for. */
  readonly kafkaVersion: string;
  /** Effective server properties. */
  readonly serverProperties: Readonly<Record<string, string>>;
  /** Tier, for the audit metadata. */
  readonly tier: string;
}

/**
 * An `aws_msk_configuration` whose name carries a hash of its content and which is created before
 * the old one is destroyed. Changing a property therefore creates a new configuration, moves the
 * cluster to it, and only then deletes the old one, instead of failing with ConflictException
 * (a configuration in use cannot be replaced in place).
 *
 * @example
 * import { TerraformOutput } from "cdktf";
 * import { MskCluster } from "cdktf-kafka-standards";
 *
 * // Created by MskCluster from the broker baseline and `serverProperties`:
 * const orders = new MskCluster(stack, "orders", {
 *   clusterName: "orders",
 *   tier: "prod",
 *   vpcId: "vpc-0123",
 *   clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
 *   allowedClientSecurityGroupIds: ["sg-0456"],
 *   serverProperties: { "log.retention.hours": "336" },
 * });
 * // Its name carries a hash of the properties, so a change creates a new configuration first:
 * new TerraformOutput(stack, "orders_configuration_arn", { value: orders.configuration.configuration.arn });
 */
export class BrokerConfiguration extends Construct {
  /** The configuration. */
  public readonly configuration: MskConfiguration;
  /** The rendered `server.properties`. */
  public readonly serverPropertiesText: string;
  /** Content hash in the name (8 hex characters of SHA-256 over version and properties). */
  public readonly contentHash: string;

  constructor(scope: Construct, id: string, props: BrokerConfigurationProps) {
    super(scope, id);
    this.serverPropertiesText = renderServerProperties(props.serverProperties);
    this.contentHash = createHash("sha256")
      .update(`${props.kafkaVersion}\n${this.serverPropertiesText}`)
      .digest("hex")
      .slice(0, 8);
    this.configuration = new MskConfiguration(this, "Configuration", {
      name: `${props.name}-${this.contentHash}`,
      description: `Broker baseline of ${props.name} (cdktf-kafka-standards)`,
      kafkaVersions: [props.kafkaVersion],
      serverProperties: this.serverPropertiesText,
      lifecycle: { createBeforeDestroy: true },
    });
    recordMetadata(this.configuration, { tier: props.tier, construct: "MskCluster" });
  }
}
