import { isUnresolved } from "../core/resource-metadata";
import { failWith } from "../errors";

/** Kinds of principals the library grants access to. */
export type KafkaPrincipalKind = "iam-role" | "scram-user" | "tls-certificate" | "confluent-service-account";

/** IAM role names (IAM quotas: 1-64 of letters, digits and `+=,.@_-`). */
const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** SCRAM user names, as MSK clusters accept them (KSE-MSK-020). */
const SCRAM_USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Attribute types RFC 2253 names by keyword (Java's X500Principal writes them in upper case). */
const RFC2253_KEYWORDS = new Set(["CN", "L", "ST", "O", "OU", "C", "STREET", "DC", "UID"]);

/**
 * A subject DN as Kafka's default principal builder names it (`X500Principal.getName()`, RFC 2253):
 * RDNs joined by "," (multi-valued ones by "+") with no surrounding spaces, keyword types in upper
 * case. Escaped separators (`\,`) are kept.
 */
export function rfc2253(dn: string): string {
  const parts: string[] = [];
  const separators: string[] = [];
  let current = "";
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i];
    if (c === "\\" && i + 1 < dn.length) {
      current += c + dn[++i];
    } else if (c === "," || c === "+") {
      parts.push(current);
      separators.push(c);
      current = "";
    } else current += c;
  }
  parts.push(current);
  const trimUnescaped = (x: string): string => x.replace(/^\s+/, "").replace(/(?<!\\)\s+$/, "");
  const rdns = parts.map((part) => {
    const eq = part.indexOf("=");
    if (eq < 0) return trimUnescaped(part);
    const type = trimUnescaped(part.slice(0, eq));
    return `${RFC2253_KEYWORDS.has(type.toUpperCase()) ? type.toUpperCase() : type}=${trimUnescaped(part.slice(eq + 1))}`;
  });
  return rdns.map((r, i) => (i === 0 ? r : `${separators[i - 1]}${r}`)).join("");
}

function principalName(
  factory: string,
  prop: string,
  value: unknown,
  allowed: string,
  problem: (v: string) => string | undefined,
): void {
  const fail = (fix: string): never => failWith("KSE-ACCESS-010", `${factory}(${prop})`, value, allowed, fix);
  if (typeof value !== "string") fail(`Pass the ${prop} as a string.`);
  const v = value as string;
  if (isUnresolved(v)) return;
  if (v.trim() === "") fail(`Pass a non-empty ${prop}.`);
  if (v === "*" || v === "User:*") fail("Name one principal: there is no wildcard principal.");
  if (v.startsWith("User:")) fail(`Pass the ${prop} without the "User:" prefix; the library adds it to ACLs.`);
  const fix = problem(v);
  if (fix !== undefined) fail(fix);
}

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
    principalName(
      "KafkaPrincipal.iamRole",
      "roleName",
      roleName,
      "an IAM role name (1-64 of letters, digits and +=,.@_-)",
      (v) => {
        const role =
          /^arn:aws[a-z-]*:iam::\d*:role\/(?:[^/]*\/)*([^/]+)$/.exec(v)?.[1] ??
          /^arn:aws[a-z-]*:sts::\d*:assumed-role\/([^/]+)\//.exec(v)?.[1];
        if (role !== undefined) return `Pass the role name, not its ARN: did you mean "${role}"?`;
        if (v.startsWith("arn:")) return "Pass the name of an IAM role, not an ARN.";
        if (v.includes("*")) return "Name one role: wildcards are not principals.";
        return IAM_ROLE_NAME.test(v) ? undefined : "Pass the role's name as IAM shows it (role.name).";
      },
    );
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
    principalName(
      "KafkaPrincipal.scramUser",
      "username",
      username,
      "a SCRAM user name of letters, digits, '.', '_' or '-' (at most 64)",
      (v) =>
        SCRAM_USER_NAME.test(v) ? undefined : "Use a user of the cluster's ClientAuthentication.scram({ users }).",
    );
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
    principalName(
      "KafkaPrincipal.tlsCertificate",
      "distinguishedName",
      distinguishedName,
      'the client certificate\'s distinguished name, e.g. "CN=orders-api,OU=payments,O=Example"',
      (v) => {
        if (!/^[A-Za-z][\w.-]*=/.test(v))
          return 'Pass the full subject DN as Kafka sees it, e.g. "CN=orders-api,O=Example".';
        const canonical = rfc2253(v);
        const other = canonical
          .split(/(?<!\\)[,+]/)
          .map((rdn) => rdn.slice(0, Math.max(0, rdn.indexOf("="))))
          .find((type) => !RFC2253_KEYWORDS.has(type) && !/^\d+(\.\d+)+$/.test(type));
        if (other !== undefined)
          return `Kafka names the attribute type "${other}" by its OID with a hex-encoded value (EMAILADDRESS=a@b.c becomes 1.2.840.113549.1.9.1=#16…), so ACLs for "${v}" would never match; pass the principal exactly as the broker logs it, or use a certificate whose subject has only ${[...RFC2253_KEYWORDS].join(", ")}.`;
        return canonical === v
          ? undefined
          : `Kafka's principal for this certificate is "User:${canonical}" (the RFC 2253 form: no spaces around "," "+" or "=", attribute types in upper case), so ACLs for "${v}" would never match; pass "${canonical}".`;
      },
    );
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
    principalName(
      "KafkaPrincipal.confluentServiceAccount",
      "serviceAccountId",
      serviceAccountId,
      "a Confluent service account id such as sa-abc123 (or a reference to one)",
      (v) => (/\s/.test(v) ? "Pass the service account's id (sa-…), not its display name." : undefined),
    );
    if (displayName !== undefined) {
      principalName(
        "KafkaPrincipal.confluentServiceAccount",
        "displayName",
        displayName,
        "a non-empty display name",
        () => undefined,
      );
    }
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
