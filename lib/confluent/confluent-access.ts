import { Construct } from "constructs";
import { KafkaAcl } from "../providers/confluent/kafka-acl";
import { KafkaClientQuota } from "../providers/confluent/kafka-client-quota";
import { KafkaStandardsError } from "../errors";
import { recordMetadata } from "../core/resource-metadata";
import { ResourceMetadata } from "../standards/naming";
import { KafkaApplication, checkApplicationArgument } from "../access/kafka-application";
import { KafkaPrincipal } from "../access/kafka-principal";
import { ClientQuota, IKafkaAccess, IKafkaCluster } from "../topic/kafka-cluster";
import { assertDeclaredOn } from "../access/declared-on";
import { checkClientQuota } from "../core/client-quota-input";
import type { KafkaTopic } from "../topic/kafka-topic";
import { ConfluentApplication } from "./confluent-application";

/** What access grants need of a Confluent cluster. */
export interface ConfluentAccessTarget {
  readonly clusterName: string;
  readonly clusterId: string;
  readonly environmentId: string;
  readonly restEndpoint: string;
  readonly credentials: { readonly key: string; readonly secret: string };
  readonly rbacInKafka: boolean;
  readonly dedicated: boolean;
  readonly scope: Construct;
  readonly metadata: ResourceMetadata;
  /** The cluster, for cross-cluster checks. */
  readonly cluster: IKafkaCluster;
  /** The application's service-account handle, by name. */
  handle(name: string): ConfluentApplication | undefined;
}

/**
 * Least-privilege access on Confluent Cloud: topic- and group-scoped role bindings (DeveloperWrite,
 * DeveloperRead) on clusters with RBAC inside Kafka, and literal ACLs for the application's service
 * account on Basic clusters, which have none. Never a wildcard principal or resource.
 * @see https://docs.confluent.io/cloud/current/access-management/access-control/rbac/predefined-rbac-roles.html
 */
export class ConfluentAccess implements IKafkaAccess {
  private readonly applications = new Map<string, KafkaApplication>();
  private readonly acls = new Set<string>();

  constructor(private readonly target: ConfluentAccessTarget) {}

  /** Applications declared on the cluster. */
  public get all(): KafkaApplication[] {
    return [...this.applications.values()];
  }

  /** Registers an application backed by its service-account handle. */
  public register(app: KafkaApplication): KafkaApplication {
    this.applications.set(app.name, app);
    return app;
  }

  /** The application of a name. */
  public get(name: string): KafkaApplication | undefined {
    return this.applications.get(name);
  }

  public isRegistered(app: KafkaApplication): boolean {
    return this.applications.get(app.name) === app;
  }

  public applicationFor(principal: KafkaPrincipal): KafkaApplication {
    const found = this.all.find((a) => a.principal.kind === principal.kind && a.principal.id === principal.id);
    if (found) return found;
    throw new KafkaStandardsError({
      code: "KSE-ACCESS-005",
      prop: "principal",
      value: `${principal.kind}:${principal.name}`,
      allowed: "an application of this cluster (each has its own service account)",
      fix: "Declare it with cluster.addApplication(name) and grant to the returned application.",
      path: this.target.scope.node.path,
    });
  }

  public grantProduce(topic: KafkaTopic, app: KafkaApplication): void {
    this.grantProduceOn(topic.topicName, app);
  }

  public grantConsume(topic: KafkaTopic, app: KafkaApplication, group: string): void {
    this.grantConsumeOn(topic.topicName, app, group);
  }

  /**
   * Produce rights on a topic of this cluster known by name only (e.g. a mirror topic of a DR pair),
   * for an application declared on this cluster. Records the topic on the application.
   */
  public grantProduceOn(topicName: string, app: KafkaApplication): void {
    if (!app.produces.includes(topicName)) app.produces.push(topicName);
    const transactional = app.producerProfile === "EXACTLY_ONCE";
    if (this.target.rbacInKafka) {
      const h = this.handle(app);
      this.bindOnce(h, "DeveloperWrite", "topic", topicName, false);
      if (transactional) this.bindOnce(h, "DeveloperWrite", "transactional-id", `${app.name}-`, true);
      return;
    }
    this.acl(app, "TOPIC", topicName, "LITERAL", "WRITE");
    this.acl(app, "TOPIC", topicName, "LITERAL", "DESCRIBE");
    if (transactional) {
      this.acl(app, "TRANSACTIONAL_ID", `${app.name}-`, "PREFIXED", "WRITE");
      this.acl(app, "TRANSACTIONAL_ID", `${app.name}-`, "PREFIXED", "DESCRIBE");
    }
  }

  /** Consume rights on a topic of this cluster known by name only, with one consumer group. */
  public grantConsumeOn(topicName: string, app: KafkaApplication, group: string): void {
    if (!app.consumes.some((c) => c.topic === topicName && c.group === group)) {
      app.consumes.push({ topic: topicName, group });
    }
    if (this.target.rbacInKafka) {
      const h = this.handle(app);
      this.bindOnce(h, "DeveloperRead", "topic", topicName, false);
      this.bindOnce(h, "DeveloperRead", "group", group, false);
      return;
    }
    this.acl(app, "TOPIC", topicName, "LITERAL", "READ");
    this.acl(app, "TOPIC", topicName, "LITERAL", "DESCRIBE");
    this.acl(app, "GROUP", group, "LITERAL", "READ");
  }

  /** Client quotas exist on Dedicated clusters only (cluster-types feature table). */
  public addQuota(app: KafkaApplication, quota: ClientQuota, path: string): void {
    checkApplicationArgument(app, "application", path);
    checkClientQuota(quota, path);
    assertDeclaredOn(this.target.cluster, app, "add the quota to", path);
    const fail = (prop: string, value: unknown, allowed: string, fix: string): never => {
      throw new KafkaStandardsError({ code: "KSE-ACCESS-004", prop, value, allowed, fix, path });
    };
    if (!this.target.dedicated) {
      fail(
        "quota",
        app.name,
        "client quotas on Dedicated clusters only",
        "Use a Dedicated cluster, or size the cluster instead of throttling.",
      );
    }
    if (quota.requestPercentage !== undefined) {
      fail(
        "requestPercentage",
        quota.requestPercentage,
        "byte rates only on Confluent Cloud",
        "Remove requestPercentage.",
      );
    }
    const rates = [quota.producerByteRate, quota.consumerByteRate];
    if (rates.every((r) => r === undefined) || rates.some((r) => r !== undefined && !(r > 0))) {
      fail("quota", quota, "positive producerByteRate and/or consumerByteRate", "Give byte rates in bytes per second.");
    }
    const q = new KafkaClientQuota(this.target.scope, `Quota-${app.name}`, {
      displayName: `${this.target.clusterName}-${app.name}`,
      description: `Byte-rate quota of ${app.name}`,
      principals: [app.principal.id!],
      kafkaCluster: { id: this.target.clusterId },
      environment: { id: this.target.environmentId },
      throughput: {
        // The provider takes byte rates as strings; an unset direction is left unlimited (a very large rate).
        ingressByteRate: String(quota.producerByteRate ?? 1e12),
        egressByteRate: String(quota.consumerByteRate ?? 1e12),
      },
    });
    recordMetadata(q, this.target.metadata);
  }

  private handle(app: KafkaApplication): ConfluentApplication {
    return this.target.handle(app.name)!;
  }

  private bindOnce(
    h: ConfluentApplication,
    role: "DeveloperRead" | "DeveloperWrite",
    type: "topic" | "group" | "transactional-id",
    name: string,
    prefixed: boolean,
  ): void {
    const crn = h.crnPattern({ resourceType: type, name, prefixed });
    if (h.roleBindings.some((b) => b.roleNameInput === role && b.crnPatternInput === crn)) return;
    h.addRoleBinding(role, { resourceType: type, name, prefixed });
  }

  private acl(
    app: KafkaApplication,
    resourceType: string,
    resourceName: string,
    patternType: string,
    operation: string,
  ): void {
    const key = `${app.name}|${resourceType}|${resourceName}|${patternType}|${operation}`;
    if (this.acls.has(key)) return;
    this.acls.add(key);
    const acl = new KafkaAcl(this.target.scope, `Acl-${key.replace(/[^A-Za-z0-9_-]/g, "_")}`, {
      kafkaCluster: { id: this.target.clusterId },
      restEndpoint: this.target.restEndpoint,
      credentials: { ...this.target.credentials },
      principal: app.principal.aclPrincipal,
      host: "*",
      operation,
      permission: "ALLOW",
      resourceType,
      resourceName,
      patternType,
    });
    recordMetadata(acl, this.target.metadata);
  }
}
