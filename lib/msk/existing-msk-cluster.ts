import { Construct } from "constructs";
import { Fn, TerraformResource, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { KafkaProvider, KafkaProviderConfig } from "../providers/kafka/provider";
import { Acl, AclConfig } from "../providers/kafka/acl";
import { Topic } from "../providers/kafka/topic";
import { Quota } from "../providers/kafka/quota";
import { KafkaStandardsError } from "../errors";
import { recordMetadata } from "../core/resource-metadata";
import { checkConstructSite } from "../core/construct-site";
import { EphemeralResource } from "../core/ephemeral";
import { ensureAudit } from "../audit/cdktf/ensure-audit";
import { Rule, bool, instance, list, num, obj, oneOf, reject, custom, str, validate } from "../core/validate";
import { TOPIC_NAME_PATTERN, BOOTSTRAP_SERVERS_PATTERN } from "../standards/naming";
import { ENVIRONMENT_TIERS, EnvironmentTier } from "../standards/tiers";
import { ClientQuota, IKafkaCluster } from "../topic/kafka-cluster";
import { KafkaTopic } from "../topic/kafka-topic";
import { KafkaTopicProps } from "../topic/kafka-topic-props";
import { declareTopic } from "../topic/declare-topic";
import { KafkaApplication, KafkaApplicationOptions, checkApplicationOptions } from "../access/kafka-application";
import { MskAccess, aclImportId } from "./msk-access";
import { ExistingClusterAuth } from "./existing-cluster-auth";

/** Which principals applications on the existing cluster may use (its enabled client authentication). */
export interface ExistingClusterPrincipals {
  /** IAM roles. @default - true when `auth` is IAM */
  readonly iam?: boolean;
  /** SCRAM users of the cluster. @default - the `auth` SCRAM user, if any */
  readonly scramUsers?: readonly string[];
  /** mTLS certificates. @default - true when `auth` is mutual TLS */
  readonly mutualTls?: boolean;
}

/** Attributes of an existing MSK (or Apache Kafka) cluster, for {@link MskCluster.fromAttributes}. */
export interface ExistingMskClusterAttributes {
  /** Name of the cluster: alias of its Kafka provider and the `cluster` of every resource's metadata. */
  readonly clusterName: string;
  /** Tier of the cluster: sets `prevent_destroy` and the audit's tier rules. */
  readonly tier: EnvironmentTier;
  /** Bootstrap brokers of the listener `auth` uses, `host:port[,host:port…]`. */
  readonly bootstrapBrokers: string;
  /** How the data plane authenticates. */
  readonly auth: ExistingClusterAuth;
  /**
   * Cluster ARN, needed for the IAM policies of IAM principals.
   * @default - IAM principals are refused
   */
  readonly clusterArn?: string;
  /**
   * Number of brokers, for the replication-factor check.
   * @default - not checked
   */
  readonly brokerNodes?: number;
  /** Principals the applications may use. @default - derived from `auth` */
  readonly principals?: ExistingClusterPrincipals;
  /** Topic name convention. @default TOPIC_NAME_PATTERN */
  readonly topicNamePattern?: RegExp;
}

/** One ACL taken over as found, for {@link ExistingMskCluster.adoptAcl}. */
export interface AdoptedAcl {
  /** `User:<name>` (or `User:*`). */
  readonly principal: string;
  /** Host. @default "*" */
  readonly host?: string;
  /** Operation, Mongey/kafka spelling (`Read`, `Write`, `IdempotentWrite`, …). */
  readonly operation: string;
  /** `Allow` or `Deny`. @default "Allow" */
  readonly permission?: "Allow" | "Deny";
  /** `Topic`, `Group`, `Cluster`, `TransactionalID`. */
  readonly resourceType: string;
  /** Resource name, `*` or prefix. */
  readonly resourceName: string;
  /** `Literal` or `Prefixed`. @default "Literal" */
  readonly patternType?: "Literal" | "Prefixed";
  /** Why the ACL is kept as found (at least 10 characters). */
  readonly reason: string;
}

/** One client quota taken over as found, for {@link ExistingMskCluster.adoptQuota}. */
export interface AdoptedQuota {
  /** `user`, `client-id` or `ip` (one component: the provider has no combined entities). */
  readonly entityType: "user" | "client-id" | "ip";
  /** Entity name. @default - the default entity of the type */
  readonly entityName?: string;
  /** Quota values by Kafka key (`producer_byte_rate`, `consumer_byte_rate`, `request_percentage`, …). */
  readonly config: Readonly<Record<string, number>>;
  /** Why the quota is kept as found (at least 10 characters). */
  readonly reason: string;
}

const ATTRIBUTES: Rule = obj(
  "KSE-CORE-004",
  "attrs",
  [
    str("KSE-MSK-051", "clusterName", {
      required: true,
      allowed: "the cluster's name",
      fix: 'Name the cluster, e.g. clusterName: "orders-prod".',
    }),
    oneOf("KSE-CORE-006", "tier", ENVIRONMENT_TIERS, { required: true, fix: "Use dev, staging or prod." }),
    str("KSE-MSK-051", "bootstrapBrokers", {
      required: true,
      allowed: "host:port[,host:port…]",
      fix: 'Give the bootstrap brokers of the listener the data plane uses, e.g. "b-1.orders:9098".',
    }),
    instance("KSE-MSK-051", "auth", ExistingClusterAuth, {
      required: true,
      allowed: "ExistingClusterAuth.iam(), .scram({ … }), .mutualTls({ … }) or .plaintext({ reason })",
      fix: "Use an ExistingClusterAuth factory.",
    }),
    custom(
      "KSE-CORE-006",
      "topicNamePattern",
      { allowed: "a RegExp", fix: "Give a regular expression, or omit it." },
      (v, at) => {
        if (v !== undefined && !(v instanceof RegExp))
          reject({ code: "KSE-CORE-006", allowed: "a RegExp", fix: "Give a regular expression, or omit it." }, at, v);
      },
    ),
    str("KSE-CORE-006", "clusterArn", { allowed: "the cluster ARN", fix: "Give the ARN, or omit it." }),
    num("KSE-CORE-006", "brokerNodes", {
      integer: true,
      min: 1,
      allowed: "a positive integer",
      fix: "Give the broker count, or omit it.",
      literal: "Give the broker count as a number.",
    }),
    obj(
      "KSE-CORE-006",
      "principals",
      [
        bool("KSE-CORE-006", "iam"),
        list("KSE-CORE-006", "scramUsers", undefined, {
          allowed: "a list of SCRAM user names",
          fix: 'Give e.g. scramUsers: ["orders-api"].',
        }),
        bool("KSE-CORE-006", "mutualTls"),
      ],
      { allowed: "{ iam?, scramUsers?, mutualTls? }", fix: "Give the cluster's enabled principal kinds." },
    ),
  ],
  {
    required: true,
    allowed:
      "ExistingMskClusterAttributes { clusterName, tier, bootstrapBrokers, auth, clusterArn?, brokerNodes?, principals?, topicNamePattern? }",
    fix: 'Pass attributes, e.g. { clusterName: "orders", tier: "prod", bootstrapBrokers: "b-1:9098", auth: ExistingClusterAuth.iam() }.',
  },
);

function fail(
  code: "KSE-MSK-051" | "KSE-MSK-052",
  prop: string,
  value: unknown,
  allowed: string,
  fix: string,
  path: string,
): never {
  throw new KafkaStandardsError({ code, prop, value, allowed, fix, path });
}

/**
 * A cluster Terraform does not own (created by hand, by another team, or by other tooling), returned by
 * {@link MskCluster.fromAttributes}: topics, applications, grants and quotas are declared on it exactly as on
 * an `MskCluster` and reach it through the data plane (Mongey/kafka provider) in the stack of `scope`;
 * nothing of the cluster itself (brokers, network, encryption, monitoring) is created or changed.
 *
 * Objects that already exist are adopted without recreating them: `addTopic(name, { adopt: { reason } })`,
 * `addApplication(name, { principal, adopt: true })` and {@link adoptAcl} add Terraform `import` blocks, so
 * the first apply imports them. `kafka-standards inspect --emit typescript` writes such a program from a
 * live cluster.
 *
 * @example
 * import { ExistingClusterAuth, MskCluster } from "cdktf-kafka-standards";
 *
 * const legacy = MskCluster.fromAttributes(stack, "legacy", {
 *   clusterName: "legacy",
 *   tier: "prod",
 *   bootstrapBrokers: "b-1.legacy.kafka.eu-west-1.amazonaws.com:9096",
 *   auth: ExistingClusterAuth.scram({
 *     username: "terraform",
 *     passwordSecretArn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_terraform",
 *   }),
 * });
 * legacy.adoptAcl({
 *   principal: "User:reporting",
 *   operation: "Read",
 *   resourceType: "Topic",
 *   resourceName: "legacy.",
 *   patternType: "Prefixed",
 *   reason: "reporting reads every legacy topic until it moves to per-topic grants",
 * });
 */
export class ExistingMskCluster extends Construct implements IKafkaCluster {
  /** Backend. */
  public readonly backend = "msk" as const;
  /** Cluster name. */
  public readonly clusterName: string;
  /** Tier. */
  public readonly tier: EnvironmentTier;
  /** Cluster ARN, when given. */
  public readonly clusterArn?: string;
  /** Access (ACLs, IAM policies, quotas). */
  public readonly access: MskAccess;
  /** The Kafka provider of the cluster, in the stack of the construct. */
  public readonly dataPlaneProvider: KafkaProvider;
  private readonly attrs: ExistingMskClusterAttributes;
  private adoptedAcls?: Construct;
  private adoptedQuotas?: Construct;

  constructor(scope: Construct, id: string, attrs: ExistingMskClusterAttributes) {
    const path = checkConstructSite(scope, id, "MskCluster.fromAttributes");
    validate(attrs, ATTRIBUTES, "attrs", path);
    if (!(attrs.auth instanceof ExistingClusterAuth))
      fail(
        "KSE-MSK-051",
        "auth",
        attrs.auth,
        "ExistingClusterAuth.iam(), .scram({ … }), .mutualTls({ … }) or .plaintext({ reason })",
        "Use an ExistingClusterAuth factory.",
        path,
      );
    if (!BOOTSTRAP_SERVERS_PATTERN.test(attrs.bootstrapBrokers))
      fail(
        "KSE-MSK-051",
        "bootstrapBrokers",
        attrs.bootstrapBrokers,
        "host:port[,host:port…]",
        'Give e.g. "b-1.orders.kafka.eu-west-1.amazonaws.com:9098".',
        path,
      );
    if (attrs.auth.mechanism === "plaintext" && (attrs.tier !== "dev" || (attrs.auth.reason ?? "").trim().length < 10))
      fail(
        "KSE-MSK-052",
        "auth",
        `plaintext (tier ${attrs.tier}, reason ${JSON.stringify(attrs.auth.reason ?? "")})`,
        "PLAINTEXT only on a dev cluster and with a reason of at least 10 characters",
        "Use ExistingClusterAuth.iam(), .scram(…) or .mutualTls(…) on staging and prod.",
        path,
      );
    if (attrs.auth.mechanism === "scram" && (!attrs.auth.username || !attrs.auth.passwordSecretArn))
      fail(
        "KSE-MSK-051",
        "auth",
        "scram",
        "ExistingClusterAuth.scram({ username, passwordSecretArn })",
        "Give the SCRAM user and the ARN of its Secrets Manager secret.",
        path,
      );
    super(scope, id);
    this.attrs = attrs;
    this.clusterName = attrs.clusterName;
    this.tier = attrs.tier;
    this.clusterArn = attrs.clusterArn;
    ensureAudit(this);
    this.dataPlaneProvider = this.provider(attrs);
    const auth = attrs.auth;
    this.access = new MskAccess({
      cluster: this,
      clusterName: this.clusterName,
      clusterArn: attrs.clusterArn ?? "",
      tier: this.tier,
      iam: attrs.principals?.iam ?? auth.mechanism === "iam",
      scramUsers: attrs.principals?.scramUsers ?? (auth.username !== undefined ? [auth.username] : []),
      mutualTls: attrs.principals?.mutualTls ?? auth.mechanism === "mtls",
      policyScope: this,
      dataPlane: () => TerraformStack.of(this),
      dataPlaneProvider: () => this.dataPlaneProvider,
      addConsumerGroup: () => undefined, // monitoring stays with whoever owns the cluster
      tags: {},
    });
  }

  private provider(attrs: ExistingMskClusterAttributes): KafkaProvider {
    const auth = attrs.auth;
    const base: KafkaProviderConfig = {
      alias: attrs.clusterName,
      bootstrapServers: attrs.bootstrapBrokers.split(","),
      tlsEnabled: auth.mechanism !== "plaintext",
    };
    if (auth.mechanism === "iam")
      return new KafkaProvider(this, "kafka", { ...base, saslMechanism: "aws-iam", saslAwsRegion: auth.region });
    if (auth.mechanism === "mtls")
      return new KafkaProvider(this, "kafka", {
        ...base,
        clientCertFile: auth.files!.clientCertFile,
        clientKeyFile: auth.files!.clientKeyFile,
        ...(auth.files!.caCertFile !== undefined ? { caCertFile: auth.files!.caCertFile } : {}),
      });
    if (auth.mechanism === "scram") {
      const aws = new AwsProvider(this, "aws", { alias: `${attrs.clusterName}-secrets`, region: auth.region });
      const secret = new EphemeralResource(this, "AdminSecret", {
        type: "aws_secretsmanager_secret_version",
        config: { secret_id: auth.passwordSecretArn },
        provider: aws,
      });
      return new KafkaProvider(this, "kafka", {
        ...base,
        saslMechanism: "scram-sha512",
        saslUsername: auth.username,
        saslPassword: Fn.lookup(Fn.jsondecode(secret.attribute("secret_string")), "password"),
      });
    }
    return new KafkaProvider(this, "kafka", base);
  }

  /** Adds a topic through the data plane (`adopt` imports an existing one). */
  public addTopic(name: string, props: KafkaTopicProps = {}): KafkaTopic {
    return declareTopic({
      cluster: this,
      parent: () => this,
      parentPath: this.node.path,
      scopeId: "topics",
      name,
      props,
      context: {
        backend: "msk",
        tier: this.tier,
        clusterName: this.clusterName,
        brokerNodes: this.attrs.brokerNodes,
        namePattern: this.attrs.topicNamePattern ?? TOPIC_NAME_PATTERN,
      },
      resource: (scope, spec) => {
        const topic = new Topic(scope, "Topic", {
          name: spec.name,
          partitions: spec.partitions,
          replicationFactor: spec.replicationFactor,
          config: { ...spec.config },
          lifecycle: spec.preventDestroy ? { preventDestroy: true } : undefined,
          provider: this.dataPlaneProvider,
        });
        if (spec.adopt !== undefined) topic.importFrom(spec.name, topic.provider);
        recordMetadata(topic, {
          tier: this.tier,
          construct: "KafkaTopic",
          cluster: this.clusterName,
          class: spec.topicClass.name,
          retire: spec.retire,
          overrides: Object.keys(spec.overrides).length > 0 ? spec.overrides : undefined,
        });
        return topic;
      },
    });
  }

  /** Declares an application (`adopt: true` imports the ACLs of its grants). */
  public addApplication(name: string, options: KafkaApplicationOptions = {}): KafkaApplication {
    checkApplicationOptions(name, options, this.node.path);
    if (options.principal === undefined)
      throw new KafkaStandardsError({
        code: "KSE-ACCESS-006",
        prop: "principal",
        value: undefined,
        allowed: "the principal the application authenticates as",
        fix: `Set principal on addApplication("${name}", { principal })`,
        path: this.node.path,
      });
    if (options.principal.kind === "iam-role" && this.clusterArn === undefined)
      fail(
        "KSE-MSK-051",
        "clusterArn",
        undefined,
        "the cluster ARN when an application uses an IAM principal (its policy names the cluster's topics)",
        "Give clusterArn in MskCluster.fromAttributes.",
        this.node.path,
      );
    return this.access.register(
      new KafkaApplication(name, { ...options, principal: options.principal, cluster: this }),
      this.node.path,
    );
  }

  /** Adds byte-rate quotas for an application. `kafka_quota` has no importer: the first apply rewrites the same values. */
  public addQuota(application: KafkaApplication, quota: ClientQuota): void {
    this.access.addQuota(application, quota, this.node.path);
  }

  /**
   * Takes over one existing client quota exactly as found, when it belongs to no application (client
   * ids, IPs, default entities). `kafka_quota` has no importer: the first apply writes the values the
   * broker already holds.
   */
  public adoptQuota(quota: AdoptedQuota): TerraformResource {
    const path = this.node.path;
    if (typeof quota !== "object" || quota === null || String(quota.reason ?? "").trim().length < 10)
      fail(
        "KSE-MSK-052",
        "adoptQuota(quota).reason",
        quota?.reason,
        "a reason of at least 10 characters",
        "Say why the quota is kept as found.",
        path,
      );
    if (!["user", "client-id", "ip"].includes(quota.entityType))
      fail(
        "KSE-MSK-052",
        "adoptQuota(quota).entityType",
        quota.entityType,
        "user, client-id or ip",
        "Give one entity type.",
        path,
      );
    const values = Object.entries(quota.config ?? {});
    if (values.length === 0 || values.some(([, v]) => typeof v !== "number" || !Number.isFinite(v) || v <= 0))
      fail(
        "KSE-MSK-052",
        "adoptQuota(quota).config",
        quota.config,
        "positive numbers by quota key",
        "Give the values the broker holds.",
        path,
      );
    const id = `${quota.entityType}|${quota.entityName ?? "<default>"}`;
    this.adoptedQuotas ??= new Construct(this, "adopted-quotas");
    if (this.adoptedQuotas.node.tryFindChild(id))
      fail(
        "KSE-MSK-052",
        "adoptQuota(quota)",
        id,
        "each quota entity once",
        "Remove the duplicate adoptQuota call.",
        path,
      );
    const resource = new Quota(new Construct(this.adoptedQuotas, id), "Quota", {
      entityType: quota.entityType,
      ...(quota.entityName !== undefined ? { entityName: quota.entityName } : {}),
      config: { ...quota.config },
      provider: this.dataPlaneProvider,
    });
    recordMetadata(resource, {
      tier: this.tier,
      construct: "AdoptedQuota",
      cluster: this.clusterName,
      overrides: { quota: `kept as found: ${quota.reason.trim()}` },
    });
    return resource;
  }

  /**
   * Takes over one existing ACL exactly as found, with an import block, when it matches no grant of the
   * library (wildcards, Deny, other operations). Returns the resource, to scope suppressions of the audit
   * findings it raises.
   */
  public adoptAcl(acl: AdoptedAcl): TerraformResource {
    const path = this.node.path;
    if (typeof acl !== "object" || acl === null || (acl.reason ?? "").trim().length < 10)
      fail(
        "KSE-MSK-052",
        "adoptAcl(acl).reason",
        acl?.reason,
        "a reason of at least 10 characters",
        "Say why the ACL is kept as found.",
        path,
      );
    for (const key of ["principal", "operation", "resourceType", "resourceName"] as const)
      if (typeof acl[key] !== "string" || acl[key] === "")
        fail("KSE-MSK-052", `adoptAcl(acl).${key}`, acl[key], "a non-empty string", `Give ${key}.`, path);
    if (!acl.principal.startsWith("User:"))
      fail(
        "KSE-MSK-052",
        "adoptAcl(acl).principal",
        acl.principal,
        "User:<name>",
        'Write e.g. "User:orders-api".',
        path,
      );
    const config: AclConfig = {
      aclPrincipal: acl.principal,
      aclHost: acl.host ?? "*",
      aclOperation: acl.operation,
      aclPermissionType: acl.permission ?? "Allow",
      resourceType: acl.resourceType,
      resourceName: acl.resourceName,
      resourcePatternTypeFilter: acl.patternType ?? "Literal",
      provider: this.dataPlaneProvider,
    };
    const id = aclImportId(config);
    this.adoptedAcls ??= new Construct(this, "adopted-acls");
    if (this.adoptedAcls.node.tryFindChild(id))
      fail("KSE-MSK-052", "adoptAcl(acl)", id, "each ACL once", "Remove the duplicate adoptAcl call.", path);
    const scope = new Construct(this.adoptedAcls, id);
    const resource = new Acl(scope, "Acl", config);
    resource.importFrom(id, resource.provider);
    recordMetadata(resource, {
      tier: this.tier,
      construct: "AdoptedAcl",
      cluster: this.clusterName,
      overrides: { acl: `kept as found: ${acl.reason.trim()}` },
    });
    return resource;
  }
}
