/** Kinds of principals the library grants access to. */
export type KafkaPrincipalKind = "iam-role" | "scram-user" | "tls-certificate" | "confluent-service-account";

/**
 * Who is granted access to Kafka resources. Each backend understands the kinds it supports: MSK
 * IAM roles (IAM policies), MSK SCRAM users and mTLS certificates (Kafka ACLs), Confluent Cloud
 * service accounts (RBAC role bindings). There is no wildcard principal.
 */
export class KafkaPrincipal {
  /** An IAM role (by name) that MSK IAM access control authorises; grants attach IAM policies to it. */
  public static iamRole(roleName: string): KafkaPrincipal {
    return new KafkaPrincipal("iam-role", roleName, roleName);
  }

  /** A SASL/SCRAM user of an MSK cluster; grants become Kafka ACLs for `User:<name>`. */
  public static scramUser(username: string): KafkaPrincipal {
    return new KafkaPrincipal("scram-user", username, `User:${username}`);
  }

  /** A client certificate's distinguished name (mutual TLS); grants become ACLs for `User:<dn>`. */
  public static tlsCertificate(distinguishedName: string): KafkaPrincipal {
    return new KafkaPrincipal("tls-certificate", distinguishedName, `User:${distinguishedName}`);
  }

  /** A Confluent Cloud service account, by its id (`sa-…`, usually a reference to `confluent_service_account.id`). */
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
