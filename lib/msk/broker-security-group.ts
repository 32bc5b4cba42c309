import { Construct } from "constructs";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { recordMetadata } from "../core/resource-metadata";

/** Properties of a {@link BrokerSecurityGroup}. */
export interface BrokerSecurityGroupProps {
  /** Cluster name. */
  readonly name: string;
  /** VPC id. */
  readonly vpcId: string;
  /** Broker ports clients may reach. */
  readonly ports: readonly number[];
  /** Source security groups. */
  readonly sourceSecurityGroupIds: readonly string[];
  /** Source IPv4 CIDR blocks. */
  readonly sourceCidrs: readonly string[];
  /** Tags. */
  readonly tags: Readonly<Record<string, string>>;
  /** Tier, for the audit metadata. */
  readonly tier: string;
}

/**
 * The brokers' security group: ingress only from the listed client security groups and CIDRs,
 * only on the ports of the enabled authentication modes. No egress rule is declared (brokers do not
 * initiate connections to clients); Terraform removes AWS's default allow-all egress rule.
 *
 * @example
 * import { TerraformOutput } from "cdktf";
 *
 * // Created by MskCluster from `allowedClientSecurityGroupIds` / `allowedClientCidrs`; its id, for the
 * // egress rules of client security groups managed elsewhere:
 * new TerraformOutput(stack, "broker_security_group_id", { value: cluster.securityGroup.securityGroup.id });
 */
export class BrokerSecurityGroup extends Construct {
  /** The security group. */
  public readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: BrokerSecurityGroupProps) {
    super(scope, id);
    this.securityGroup = new SecurityGroup(this, "Group", {
      name: `${props.name}-brokers`,
      description: `Kafka brokers of ${props.name}: client access on authenticated ports only`,
      vpcId: props.vpcId,
      tags: { ...props.tags, Name: `${props.name}-brokers` },
    });
    recordMetadata(this.securityGroup, { tier: props.tier, construct: "MskCluster" });
    const ports = [...props.ports].sort((a, b) => a - b);
    props.sourceSecurityGroupIds.forEach((sg, i) => {
      for (const port of ports) {
        new VpcSecurityGroupIngressRule(this, `FromGroup${i}Port${port}`, {
          securityGroupId: this.securityGroup.id,
          referencedSecurityGroupId: sg,
          ipProtocol: "tcp",
          fromPort: port,
          toPort: port,
          description: `Kafka clients (security group ${i + 1}) on port ${port}`,
          tags: { ...props.tags },
        });
      }
    });
    props.sourceCidrs.forEach((cidr, i) => {
      for (const port of ports) {
        new VpcSecurityGroupIngressRule(this, `FromCidr${i}Port${port}`, {
          securityGroupId: this.securityGroup.id,
          cidrIpv4: cidr,
          ipProtocol: "tcp",
          fromPort: port,
          toPort: port,
          description: `Kafka clients (CIDR ${i + 1}) on port ${port}`,
          tags: { ...props.tags },
        });
      }
    });
  }
}
