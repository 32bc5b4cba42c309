import { Construct } from "constructs";
import { Fn, Lazy, TerraformProvider, TerraformStack } from "cdktf";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Acl, AclConfig } from "../providers/kafka/acl";
import { Quota } from "../providers/kafka/quota";
import { KafkaStandardsError } from "../errors";
import { recordMetadata } from "../core/resource-metadata";
import { CLIENT_PROFILES } from "../standards/client-profiles";
import { KafkaApplication, checkApplicationArgument } from "../access/kafka-application";
import { KafkaPrincipal } from "../access/kafka-principal";
import { ClientQuota, IKafkaAccess, IKafkaCluster } from "../topic/kafka-cluster";
import { assertDeclaredOn } from "../access/declared-on";
import { checkClientQuota } from "../core/client-quota-input";
import type { KafkaTopic } from "../topic/kafka-topic";

/** What access grants need of an MSK cluster. */
export interface MskAccessTarget {
  readonly clusterName: string;
  readonly clusterArn: string;
  readonly tier: string;
  readonly iam: boolean;
  readonly scramUsers: readonly string[];
  readonly mutualTls: boolean;
  /** Where IAM policies go (the control-plane stack). */
  readonly policyScope: Construct;
  /** Where ACLs and quotas go (the data-plane stack), created on first use. */
  dataPlane(): TerraformStack;
  /** The cluster's Kafka provider configuration in the data plane. */
  dataPlaneProvider(): TerraformProvider;
  /** The cluster, for cross-cluster checks. */
  readonly cluster: IKafkaCluster;
  /** Adds consumer-lag alarms for a group. */
  addConsumerGroup(group: string, topic: string): void;
  /** Tags for IAM policies. */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Import id of a `kafka_acl`: `principal|host|operation|permission|resource_type|resource_name|pattern`,
 * the resource's id (Mongey/kafka `kafka/kafka_acls.go`, `StringlyTypedACL.String`).
 */
export function aclImportId(acl: AclConfig): string {
  return [
    acl.aclPrincipal,
    acl.aclHost,
    acl.aclOperation,
    acl.aclPermissionType,
    acl.resourceType,
    acl.resourceName,
    acl.resourcePatternTypeFilter ?? "Literal",
  ].join("|");
}

interface IamStatement {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Action: string[];
  readonly Resource: string[];
}

/**
 * Least-privilege access on MSK. IAM principals get one `aws_iam_policy` per application with
 * `kafka-cluster:*` actions scoped to the cluster, the granted topics, groups and transactional ids
 * (never `*`); SCRAM and mTLS principals get Kafka ACLs on the same resources through the data plane.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html#kafka-actions
 */
export class MskAccess implements IKafkaAccess {
  private readonly applications = new Map<string, KafkaApplication>();
  private readonly statements = new Map<string, IamStatement[]>();
  private readonly aclKeys = new Set<string>();

  constructor(private readonly target: MskAccessTarget) {}

  /** Applications declared on the cluster. */
  public get all(): KafkaApplication[] {
    return [...this.applications.values()];
  }

  /** Registers an application (validated once). */
  public register(app: KafkaApplication, path: string): KafkaApplication {
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(app.name) || this.applications.has(app.name)) {
      throw new KafkaStandardsError({
        code: "KSE-ACCESS-003",
        prop: "application name",
        value: app.name,
        allowed: "a unique name of lower-case letters, digits and hyphens",
        fix: "Rename the application.",
        path,
      });
    }
    this.checkPrincipal(app.principal, path);
    this.applications.set(app.name, app);
    return app;
  }

  public isRegistered(app: KafkaApplication): boolean {
    return this.applications.get(app.name) === app;
  }

  public applicationFor(principal: KafkaPrincipal): KafkaApplication {
    const existing = this.all.find((a) => a.principal.kind === principal.kind && a.principal.name === principal.name);
    if (existing) return existing;
    const name =
      principal.name
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/^-+|-+$/g, "") || "app";
    return this.register(
      new KafkaApplication(name, { principal, cluster: this.target.cluster }),
      this.target.policyScope.node.path,
    );
  }

  public grantProduce(topic: KafkaTopic, app: KafkaApplication): void {
    const profile = CLIENT_PROFILES[app.producerProfile];
    const idempotent = profile.producer.java["enable.idempotence"] === "true";
    const transactional = app.producerProfile === "EXACTLY_ONCE";
    if (app.principal.kind === "iam-role") {
      const actions = ["kafka-cluster:Connect"];
      if (idempotent) actions.push("kafka-cluster:WriteDataIdempotently");
      this.addStatement(app, "Cluster", actions, [this.target.clusterArn]);
      this.addStatement(
        app,
        "ProduceTopics",
        ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"],
        [this.arn("topic", topic.topicName)],
      );
      if (transactional) {
        this.addStatement(
          app,
          "TransactionalIds",
          ["kafka-cluster:DescribeTransactionalId", "kafka-cluster:AlterTransactionalId"],
          [this.arn("transactional-id", `${app.name}-*`)],
        );
      }
      return;
    }
    this.acl(app, "Topic", topic.topicName, "Literal", "Write");
    this.acl(app, "Topic", topic.topicName, "Literal", "Describe");
    if (idempotent) this.acl(app, "Cluster", "kafka-cluster", "Literal", "IdempotentWrite");
    if (transactional) {
      this.acl(app, "TransactionalID", `${app.name}-`, "Prefixed", "Write");
      this.acl(app, "TransactionalID", `${app.name}-`, "Prefixed", "Describe");
    }
  }

  public grantConsume(topic: KafkaTopic, app: KafkaApplication, group: string): void {
    this.target.addConsumerGroup(group, topic.topicName);
    if (app.principal.kind === "iam-role") {
      this.addStatement(app, "Cluster", ["kafka-cluster:Connect"], [this.target.clusterArn]);
      this.addStatement(
        app,
        "ConsumeTopics",
        ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"],
        [this.arn("topic", topic.topicName)],
      );
      this.addStatement(
        app,
        "ConsumerGroups",
        ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"],
        [this.arn("group", group)],
      );
      return;
    }
    this.acl(app, "Topic", topic.topicName, "Literal", "Read");
    this.acl(app, "Topic", topic.topicName, "Literal", "Describe");
    this.acl(app, "Group", group, "Literal", "Read");
  }

  /**
   * Quotas per principal: SCRAM users and mTLS certificates by their authenticated user name (clients
   * cannot change it); IAM principals by `client.id`, which the rendered client properties set to the
   * application name (an IAM principal's Kafka name is its assumed-role session, not stable).
   */
  public addQuota(app: KafkaApplication, quota: ClientQuota, path: string): void {
    checkApplicationArgument(app, "application", path);
    checkClientQuota(quota, path);
    assertDeclaredOn(this.target.cluster, app, "add the quota to", path);
    const config: Record<string, number> = {};
    if (quota.producerByteRate !== undefined) config.producer_byte_rate = quota.producerByteRate;
    if (quota.consumerByteRate !== undefined) config.consumer_byte_rate = quota.consumerByteRate;
    if (quota.requestPercentage !== undefined) config.request_percentage = quota.requestPercentage;
    const bad = Object.entries(config).find(([, v]) => !Number.isFinite(v) || v <= 0);
    if (Object.keys(config).length === 0 || bad) {
      throw new KafkaStandardsError({
        code: "KSE-ACCESS-004",
        prop: bad ? bad[0] : "quota",
        value: bad ? bad[1] : quota,
        allowed: "at least one positive rate (producerByteRate, consumerByteRate, requestPercentage)",
        fix: "Give the byte rates in bytes per second.",
        path,
      });
    }
    const byUser = app.principal.kind === "scram-user" || app.principal.kind === "tls-certificate";
    const q = new Quota(this.scopeFor("Quotas"), app.name, {
      entityType: byUser ? "user" : "client-id",
      entityName: byUser ? app.principal.name : app.name,
      config,
      provider: this.target.dataPlaneProvider(),
    });
    recordMetadata(q, { tier: this.target.tier, construct: "KafkaQuota", cluster: this.target.clusterName });
  }

  private checkPrincipal(p: KafkaPrincipal, path: string): void {
    const ok =
      (p.kind === "iam-role" && this.target.iam) ||
      (p.kind === "scram-user" && this.target.scramUsers.includes(p.name)) ||
      (p.kind === "tls-certificate" && this.target.mutualTls);
    if (!ok) {
      const allowed = [
        this.target.iam ? "KafkaPrincipal.iamRole(...)" : undefined,
        this.target.scramUsers.length > 0
          ? `KafkaPrincipal.scramUser(one of ${this.target.scramUsers.join(", ")})`
          : undefined,
        this.target.mutualTls ? "KafkaPrincipal.tlsCertificate(...)" : undefined,
      ].filter(Boolean);
      throw new KafkaStandardsError({
        code: "KSE-ACCESS-005",
        prop: "principal",
        value: `${p.kind}:${p.name}`,
        allowed: `principals of the cluster's authentication modes: ${allowed.join(", ")}`,
        fix: "Use a principal of an enabled mode, or enable the mode on the cluster.",
        path,
      });
    }
  }

  private arn(kind: "topic" | "group" | "transactional-id", name: string): string {
    // Topic, group and transactional-id ARNs share the cluster ARN's name/uuid: arn:…:topic/<cluster>/<uuid>/<name>.
    // One Fn.replace token per kind and cluster, not one per grant.
    let prefix = this.arnPrefixes.get(kind);
    if (prefix === undefined) {
      prefix = Fn.replace(this.target.clusterArn, ":cluster/", `:${kind}/`);
      this.arnPrefixes.set(kind, prefix);
    }
    return `${prefix}/${name}`;
  }

  private readonly arnPrefixes = new Map<string, string>();

  private addStatement(app: KafkaApplication, sid: string, actions: string[], resources: string[]): void {
    let list = this.statements.get(app.name);
    if (!list) {
      list = [];
      this.statements.set(app.name, list);
      this.createPolicy(app, list);
    }
    const existing = list.find((s) => s.Sid === sid);
    if (!existing) {
      list.push({ Sid: sid, Effect: "Allow", Action: [...actions], Resource: [...resources] });
      return;
    }
    for (const a of actions) if (!existing.Action.includes(a)) existing.Action.push(a);
    for (const r of resources) if (!existing.Resource.includes(r)) existing.Resource.push(r);
  }

  private createPolicy(app: KafkaApplication, statements: IamStatement[]): void {
    const scope = new Construct(this.target.policyScope, `Access-${app.name}`);
    const policy = new IamPolicy(scope, "Policy", {
      name: `${this.target.clusterName}-${app.name}-kafka`,
      description: `Least-privilege Kafka access of ${app.name} on ${this.target.clusterName}`,
      // JSON text whose ARNs are Terraform interpolations, rendered once all grants are known.
      policy: Lazy.stringValue({ produce: () => JSON.stringify({ Version: "2012-10-17", Statement: statements }) }),
      tags: { ...this.target.tags },
    });
    recordMetadata(policy, { tier: this.target.tier, construct: "MskAccess", cluster: this.target.clusterName });
    new IamRolePolicyAttachment(scope, "Attachment", { role: app.principal.name, policyArn: policy.arn });
  }

  private scopeFor(id: string): Construct {
    const plane = this.target.dataPlane();
    const name = `${this.target.clusterName}-${id}`;
    return (plane.node.tryFindChild(name) as Construct | undefined) ?? new Construct(plane, name);
  }

  private acl(
    app: KafkaApplication,
    resourceType: string,
    resourceName: string,
    pattern: "Literal" | "Prefixed",
    operation: string,
  ): void {
    const key = `${app.principal.aclPrincipal}|${resourceType}|${resourceName}|${pattern}|${operation}`;
    if (this.aclKeys.has(key)) return;
    this.aclKeys.add(key);
    const scope = this.scopeFor(`Acls-${app.name}`);
    const config: AclConfig = {
      aclPrincipal: app.principal.aclPrincipal,
      aclHost: "*",
      aclOperation: operation,
      aclPermissionType: "Allow",
      resourceType,
      resourceName,
      resourcePatternTypeFilter: pattern,
      provider: this.target.dataPlaneProvider(),
    };
    const acl = new Acl(scope, `${resourceType}-${resourceName}-${operation}`.replace(/[^A-Za-z0-9_-]/g, "_"), config);
    if (app.props.adopt === true) acl.importFrom(aclImportId(config), acl.provider);
    recordMetadata(acl, { tier: this.target.tier, construct: "MskAccess", cluster: this.target.clusterName });
  }
}
