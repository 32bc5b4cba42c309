/** Kinds of principals the library grants access to. */
export type KafkaPrincipalKind = "iam-role" | "scram-user" | "tls-certificate" | "confluent-service-account";

/**
 * Who is granted access to Kafka resources. Each backend understands the kinds it supports: MSK
 * IAM roles (IAM policies), MSK SCRAM users and mTLS certificates (Kafka ACLs), Confluent Cloud
 * service accounts (RBAC role bindings). There is no wildcard principal.
 */
export class KafkaPrincipal {
  /**
   * An IAM role (by name) that MSK IAM access control authorises; grants attach IAM policies to it.
   *
   * @example
   * import { KafkaPrincipal } from "cdktf-kafka-standards";
   *
   * cluster.addApplication("orders-api", { principal: KafkaPrincipal.iamRole("orders-api-task") });
   */
  public static iamRole(roleName: string): KafkaPrincipal {
    return new KafkaPrincipal("iam-role", roleName, roleName);
  }

  /**
   * A SASL/SCRAM user of an MSK cluster; grants become Kafka ACLs for `User:<name>`.
   *
   * @example
   * import { ClientAuthentication, KafkaPrincipal, MskCluster } from "cdktf-kafka-standards";
   *
   * const payments = new MskCluster(stack, "payments", {
   *   clusterName: "payments",
   *   tier: "prod",
   *   vpcId: "vpc-0123",
   *   clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
   *   allowedClientSecurityGroupIds: ["sg-0456"],
   *   authentication: ClientAuthentication.scram({ users: ["ledger"] }),
   * });
   * payments.addApplication("ledger", { principal: KafkaPrincipal.scramUser("ledger") });
   */
  public static scramUser(username: string): KafkaPrincipal {
    return new KafkaPrincipal("scram-user", username, `User:${username}`);
  }

  /**
   * A client certificate's distinguished name (mutual TLS); grants become ACLs for `User:<dn>`.
   *
   * @example
   * import { ClientAuthentication, KafkaPrincipal, MskCluster } from "cdktf-kafka-standards";
   *
   * const telemetry = new MskCluster(stack, "telemetry", {
   *   clusterName: "telemetry",
   *   tier: "prod",
   *   vpcId: "vpc-0123",
   *   clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
   *   allowedClientSecurityGroupIds: ["sg-0456"],
   *   authentication: ClientAuthentication.mutualTls({
   *     certificateAuthorityArns: ["arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/0a1b2c3d"],
   *   }),
   * });
   * telemetry.addApplication("collector", { principal: KafkaPrincipal.tlsCertificate("CN=collector,OU=telemetry") });
   */
  public static tlsCertificate(distinguishedName: string): KafkaPrincipal {
    return new KafkaPrincipal("tls-certificate", distinguishedName, `User:${distinguishedName}`);
  }

  /**
   * A Confluent Cloud service account, by its id (`sa-…`, usually a reference to `confluent_service_account.id`).
   *
   * @example
   * import { KafkaPrincipal } from "cdktf-kafka-standards";
   *
   * // Every application of a ConfluentCluster authenticates as its own service account:
   * const billing = confluentCluster.addApplication("billing");
   * const principal = KafkaPrincipal.confluentServiceAccount(billing.principal.id!, "billing"); // its sa-… id
   * confluentCluster.addTopic("orders.created", { partitions: 6 }).grantConsume(principal, { group: "billing" });
   */
  public static confluentServiceAccount(serviceAccountId: string, displayName?: string): KafkaPrincipal {
    return new KafkaPrincipal(
      "confluent-service-account",
      displayName ?? serviceAccountId,
      `User:${serviceAccountId}`,
      serviceAccountId,
    );
  }

  private constructor(
    /** Kind of principal. */
    public readonly kind: KafkaPrincipalKind,
    /** Human-readable name (role name, user name, DN or service-account name). */
    public readonly name: string,
    /** Kafka ACL principal string (`User:…`). */
    public readonly aclPrincipal: string,
    /** Provider id, for Confluent service accounts. */
    public readonly id?: string,
  ) {}
}
