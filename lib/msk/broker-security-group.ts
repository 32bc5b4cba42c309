import { Construct } from "constructs";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { checkTags, recordMetadata } from "../core/resource-metadata";
import { checkConstructSite } from "../core/construct-site";
import { Rule, custom, ipv4CidrProblem, list, num, obj, oneOf, str, validate } from "../core/validate";
import { ENVIRONMENT_TIERS } from "../standards/tiers";

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

const BROKER_SECURITY_GROUP_PROPS: Rule = obj(
  "KSE-CORE-004",
  "props",
  [
    str("KSE-MSK-011", "name", {
      required: true,
      allowed: "the cluster's resource name, e.g. orders-prod",
      fix: "Pass the cluster name.",
    }),
    str("KSE-MSK-024", "vpcId", {
      required: true,
      pattern: /^vpc-[0-9A-Za-z]+$/,
      allowed: "a VPC id (vpc-…)",
      fix: "Pass the VPC id of the client subnets.",
    }),
    list(
      "KSE-MSK-037",
      "ports",
      num("KSE-MSK-037", "ports[]", {
        integer: true,
        min: 1,
        max: 65535,
        allowed: "TCP ports from 1 to 65535",
        fix: "Use the MSK listener ports (9092, 9094, 9096, 9098).",
      }),
      {
        required: true,
        min: 1,
        unique: true,
        allowed: "a non-empty list of distinct TCP ports",
        fix: "Pass the ports of the enabled authentication modes.",
      },
    ),
    list(
      "KSE-MSK-026",
      "sourceSecurityGroupIds",
      str("KSE-MSK-026", "sourceSecurityGroupIds[]", {
        pattern: /^sg-[0-9A-Za-z]+$/,
        allowed: "security group ids (sg-…)",
        fix: "Pass the ids of the clients' security groups.",
      }),
      { required: true, unique: true, allowed: "a list of distinct security group ids", fix: "List each group once." },
    ),
    list(
      "KSE-MSK-027",
      "sourceCidrs",
      str("KSE-MSK-027", "sourceCidrs[]", {
        test: (v) => ipv4CidrProblem(v),
        allowed: "IPv4 CIDR blocks in canonical form",
        fix: "Give the clients' IPv4 ranges.",
      }),
      { required: true, unique: true, allowed: "a list of distinct IPv4 CIDR blocks", fix: "List each block once." },
    ),
    custom(
      "KSE-CORE-007",
      "tags",
      { required: true, allowed: "tag keys to values", fix: "Pass the tags, e.g. {}." },
      () => undefined,
    ),
    oneOf("KSE-MSK-014", "tier", ENVIRONMENT_TIERS, { required: true }),
  ],
  { required: true, allowed: "BrokerSecurityGroupProps", fix: "Pass the props." },
);

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
    // Validate before adding anything to the tree: a failed call leaves nothing behind.
    const path = checkConstructSite(scope, id, "BrokerSecurityGroup");
    validate(props, BROKER_SECURITY_GROUP_PROPS, "props", path);
    checkTags({ tier: props.tier, tags: props.tags }, path);
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
