import { Construct } from "constructs";
import { RoleBinding } from "../providers/confluent/role-binding";
import { isUnresolved, recordMetadata } from "../core/resource-metadata";
import {
  CONFLUENT_APPLICATION_ROLES,
  CONFLUENT_ID_PATTERNS,
  CONFLUENT_KAFKA_RESOURCE_TYPES,
  ConfluentApplicationRole,
  ConfluentKafkaResourceType,
} from "../standards/confluent";
import { ClusterServiceAccount, ClusterServiceAccountProps } from "./cluster-service-account";
import { fail } from "./resolve-props";

/** Kafka resources a role binding applies to: one name, or every name with a prefix. */
export interface KafkaResourcePattern {
  /** Topic, consumer group or transactional id. */
  readonly resourceType: ConfluentKafkaResourceType;
  /** The name, or the prefix when `prefixed`. */
  readonly name: string;
  /**
   * Match every name that starts with `name`.
   * @default false
   */
  readonly prefixed?: boolean;
}

/** The cluster an application's role bindings are scoped to. */
export interface ApplicationClusterScope {
  /** The cluster's `rbac_crn`. */
  readonly rbacCrn: string;
  /** Kafka cluster id. */
  readonly clusterId: string;
  /** Whether the cluster type has RBAC inside Kafka (not Basic). */
  readonly rbacInKafka: boolean;
  /** Cluster type, for messages. */
  readonly clusterKind: string;
}

/** Properties of a {@link ConfluentApplication}. */
export interface ConfluentApplicationProps extends ClusterServiceAccountProps {
  /** Application name. */
  readonly applicationName: string;
  /** The cluster role bindings are scoped to. */
  readonly cluster: ApplicationClusterScope;
}

/**
 * One application of a Confluent cluster: its own service account and a cluster-scoped API key,
 * with no role on the cluster itself. Topic, group and transactional-id roles are added with
 * {@link addRoleBinding}, always on named resources (`crn_pattern`
 * `<cluster rbac_crn>/kafka=<cluster id>/topic=<name>`), so an application reads and writes only
 * what it is granted.
 *
 * Create it with `ConfluentCluster.addApplication(name)` or the cluster's `applications` prop.
 *
 * @example
 * // Created by `addApplication`; an extra role on every topic with a prefix, on top of its grants:
 * confluentCluster.addApplication("reporting");
 * confluentCluster
 *   .application("reporting")!
 *   .addRoleBinding("DeveloperRead", { resourceType: "topic", name: "reports.", prefixed: true });
 *
 * @see https://docs.confluent.io/cloud/current/access-management/access-control/rbac/predefined-rbac-roles.html
 */
export class ConfluentApplication extends ClusterServiceAccount {
  /** The application name. */
  public readonly applicationName: string;
  private readonly cluster: ApplicationClusterScope;
  private readonly bindings: RoleBinding[] = [];
  private readonly bindingKeys = new Set<string>();
  private readonly metadata: ConfluentApplicationProps["metadata"];

  constructor(scope: Construct, id: string, props: ConfluentApplicationProps) {
    super(scope, id, props);
    this.applicationName = props.applicationName;
    this.cluster = props.cluster;
    this.metadata = props.metadata;
  }

  /** Role bindings added so far. */
  public get roleBindings(): readonly RoleBinding[] {
    return [...this.bindings];
  }

  /** The CRN pattern of Kafka resources in the application's cluster. */
  public crnPattern(resource: KafkaResourcePattern): string {
    return `${this.cluster.rbacCrn}/kafka=${this.cluster.clusterId}/${resource.resourceType}=${resource.name}${
      resource.prefixed === true ? "*" : ""
    }`;
  }

  /**
   * Grant the application a developer role on topics, consumer groups or transactional ids of its
   * cluster, e.g. `addRoleBinding("DeveloperRead", { resourceType: "topic", name: "orders.created" })`.
   * Not available on Basic clusters, which have no RBAC inside Kafka.
   */
  public addRoleBinding(role: ConfluentApplicationRole, resource: KafkaResourcePattern): RoleBinding {
    const path = this.node.path;
    if (!CONFLUENT_APPLICATION_ROLES.includes(role)) {
      fail(
        "KSE-CFL-024",
        "role",
        role,
        `${CONFLUENT_APPLICATION_ROLES.join(", ")} (cluster-wide roles are for the manager account only)`,
        "Grant DeveloperRead to consume, DeveloperWrite to produce.",
        path,
      );
    }
    if (!CONFLUENT_KAFKA_RESOURCE_TYPES.includes(resource.resourceType)) {
      fail(
        "KSE-CFL-024",
        "resource.resourceType",
        resource.resourceType,
        CONFLUENT_KAFKA_RESOURCE_TYPES.join(", "),
        "Scope the binding to a topic, group or transactional-id.",
        path,
      );
    }
    if (!isUnresolved(resource.name) && !CONFLUENT_ID_PATTERNS.kafkaResourceName.test(resource.name)) {
      fail(
        "KSE-CFL-024",
        "resource.name",
        resource.name,
        "1-249 letters, digits, '.', '_' or '-' (no wildcards: use prefixed: true)",
        "Name the resource exactly, or give its prefix with prefixed: true.",
        path,
      );
    }
    if (!this.cluster.rbacInKafka) {
      fail(
        "KSE-CFL-025",
        "role",
        role,
        "topic, group and transactional-id role bindings on clusters with RBAC inside Kafka (not basic)",
        "Use ConfluentClusterType.standard() (Basic upgrades to Standard in place), or authorize with ACLs.",
        path,
      );
    }
    const prefixed = resource.prefixed === true;
    const key = `${role}|${resource.resourceType}|${resource.name}|${prefixed}`;
    if (this.bindingKeys.has(key)) {
      fail(
        "KSE-CFL-026",
        "resource",
        { role, ...resource },
        "each role once per resource pattern",
        "Remove the duplicate grant.",
        path,
      );
    }
    const childId = isUnresolved(resource.name)
      ? `${role}-${resource.resourceType}-${this.bindings.length}`
      : `${role}-${resource.resourceType}-${resource.name}${prefixed ? "-prefix" : ""}`;
    const binding = new RoleBinding(this, childId, {
      principal: this.principal,
      roleName: role,
      crnPattern: this.crnPattern(resource),
    });
    recordMetadata(binding, this.metadata);
    this.bindingKeys.add(key);
    this.bindings.push(binding);
    return binding;
  }
}
