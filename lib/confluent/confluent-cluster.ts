import { Construct } from "constructs";
import { Annotations } from "cdktf";
import { Environment } from "../providers/confluent/environment";
import { KafkaCluster } from "../providers/confluent/kafka-cluster";
import { RoleBinding } from "../providers/confluent/role-binding";
import { recordMetadata } from "../core/resource-metadata";
import { ResourceMetadata } from "../standards/naming";
import { EnvironmentTier } from "../standards/tiers";
import { CONFLUENT_ROLES, ConfluentAvailability, confluentServiceAccountName } from "../standards/confluent";
import { ConfluentClusterType } from "./cluster-type";
import { ConfluentNetworking } from "./networking";
import { ConfluentClusterProps } from "./confluent-cluster-props";
import { ResolvedConfluentClusterProps, checkApplicationName, resolveConfluentClusterProps } from "./resolve-props";
import { checkConstructSite } from "../core/construct-site";
import { checkUniqueClusterName } from "../core/resolve-common";
import { ConfluentPrivateNetwork } from "./private-network";
import { ClusterServiceAccount } from "./cluster-service-account";
import { ConfluentApplication } from "./confluent-application";
import { ConfluentAccess } from "./confluent-access";
import { KafkaTopic as ConfluentKafkaTopic } from "../providers/confluent/kafka-topic";
import { ArtifactFile, StackArtifacts } from "../core/stack-artifacts";
import { addNamedOutput, outputName } from "../core/outputs";
import { ensureAudit } from "../audit/cdktf/ensure-audit";
import { KafkaStandardsError } from "../errors";
import { TOPIC_NAME_PATTERN } from "../standards/naming";
import { ClientQuota, IKafkaCluster } from "../topic/kafka-cluster";
import { KafkaTopic } from "../topic/kafka-topic";
import { KafkaTopicProps } from "../topic/kafka-topic-props";
import { partitionGuard } from "../topic/partition-guard";
import { architectureProducer } from "../docs/architecture";
import { confluentMonitoringProducer } from "../monitoring/confluent-monitoring-producer";
import { confluentRunbookProducer } from "../docs/confluent-runbooks";
import { KafkaApplication, KafkaApplicationOptions, checkApplicationOptions } from "../access/kafka-application";
import { KafkaPrincipal } from "../access/kafka-principal";
import { clientPropertyFiles } from "../access/client-property-files";
import { declareTopic } from "../topic/declare-topic";

/** Credentials of the cluster's manager API key, for Kafka-level resources (topics, ACLs). */
export interface ConfluentKafkaCredentials {
  /** API key id: a reference to `confluent_api_key.<manager>.id`. */
  readonly key: string;
  /** API key secret: a reference to `confluent_api_key.<manager>.secret`, never a literal. */
  readonly secret: string;
}

/**
 * A secure Confluent Cloud Kafka cluster with its environment, a manager service account and one
 * service account per application.
 *
 * By default: a new environment with an explicit Stream Governance package, a Standard cluster,
 * multi-zone in prod, Basic never in prod; private networking for Enterprise and, by explicit
 * choice, for Dedicated; a manager service account that alone holds `CloudClusterAdmin` on the
 * cluster and owns the Kafka API key used for topics and ACLs; a service account and
 * cluster-scoped API key per application with no cluster-wide role; API keys owned by service
 * accounts only; `prevent_destroy` on the environment, network, cluster and keys in prod and
 * deletion protection on prod clusters; outputs for the cluster id and endpoints.
 *
 * API secrets are attributes computed by the provider: the synthesized configuration holds only
 * references to them, the Terraform state holds their values.
 *
 * @example
 * import { ConfluentCluster } from "cdktf-kafka-standards";
 *
 * // The stack needs a ConfluentProvider (from "cdktf-kafka-standards/providers").
 * const shop = new ConfluentCluster(stack, "shop", {
 *   clusterName: "shop",
 *   tier: "prod",
 *   cloud: "AWS",
 *   region: "eu-central-1",
 * });
 * const carts = shop.addTopic("shop.carts", { topicClass: "events", partitions: 6 });
 * carts.grantProduce(shop.addApplication("storefront"));
 *
 * @see https://docs.confluent.io/cloud/current/clusters/cluster-types.html
 * @see https://registry.terraform.io/providers/confluentinc/confluent/latest/docs/resources/confluent_kafka_cluster
 */
export class ConfluentCluster extends Construct implements IKafkaCluster {
  /** Backend of this cluster. */
  public readonly backend = "confluent" as const;
  /** Grants and quotas. */
  public readonly access: ConfluentAccess;
  /** The cluster name (`<clusterName>-<tier>`). */
  public readonly clusterName: string;
  /** The tier. */
  public readonly tier: EnvironmentTier;
  /** The cluster type. */
  public readonly clusterType: ConfluentClusterType;
  /** Zone layout. */
  public readonly availability: ConfluentAvailability;
  /** How clients reach the cluster. */
  public readonly networking: ConfluentNetworking;
  /** The environment, when the construct created it. */
  public readonly environment?: Environment;
  /** Environment id (`env-…`). */
  public readonly environmentId: string;
  /** The private network, when the construct created one. */
  public readonly privateNetwork?: ConfluentPrivateNetwork;
  /** The underlying `confluent_kafka_cluster`. */
  public readonly cluster: KafkaCluster;
  /** The manager service account and its API key. */
  public readonly manager: ClusterServiceAccount;
  /** The manager's `CloudClusterAdmin` binding on the cluster. */
  public readonly managerRoleBinding: RoleBinding;

  private readonly resolved: ResolvedConfluentClusterProps;
  private readonly meta: ResourceMetadata;
  private readonly apps = new Map<string, ConfluentApplication>();
  /** Whether each application's API key and secret are Terraform outputs (`credentialOutputs`). */
  public readonly credentialOutputs: boolean;
  private readonly topicPattern?: RegExp;

  constructor(scope: Construct, id: string, props: ConfluentClusterProps) {
    // Validate everything before adding anything to the tree, so an error leaves nothing behind and the
    // same id can be used again: the site (scope, id), the props, and the cluster's names in the stack.
    const path = checkConstructSite(scope, id, "ConfluentCluster");
    const r = resolveConfluentClusterProps(props, path);
    checkUniqueClusterName(scope, "confluent", r.name, props.clusterName, path);
    super(scope, id);
    this.resolved = r;
    this.clusterName = r.name;
    this.tier = r.tier;
    this.clusterType = r.clusterType;
    this.availability = r.availability;
    this.networking = r.networking;
    this.credentialOutputs = props.credentialOutputs === true;
    this.topicPattern = props.topicNamePattern;
    const preventDestroy = r.policy.preventDestroy;
    this.meta = { tier: r.tier, construct: "ConfluentCluster", cluster: r.name };

    if (r.newEnvironment) {
      this.environment = new Environment(this, "Environment", {
        displayName: r.newEnvironment.name,
        streamGovernance: { package: r.newEnvironment.streamGovernance },
        lifecycle: { preventDestroy },
      });
      recordMetadata(this.environment, this.meta);
      this.environmentId = this.environment.id;
    } else {
      this.environmentId = props.environmentId as string;
    }

    let networkId: string | undefined;
    if (r.networking.connectionType !== undefined) {
      this.privateNetwork = new ConfluentPrivateNetwork(this, "PrivateNetwork", {
        name: r.name,
        environmentId: this.environmentId,
        cloud: r.cloud,
        region: props.region,
        networking: r.networking,
        preventDestroy,
        metadata: this.meta,
      });
      networkId = this.privateNetwork.networkId;
    } else if (r.networking.kind === "EXISTING_NETWORK") {
      networkId = r.networking.settings.networkId;
    }

    const type = r.clusterType;
    const elastic = type.kind === "dedicated" ? undefined : [{ maxEcku: type.maxEcku }];
    this.cluster = new KafkaCluster(this, "Cluster", {
      displayName: r.name,
      availability: r.providerAvailability,
      cloud: r.cloud,
      region: props.region,
      environment: { id: this.environmentId },
      network: networkId === undefined ? undefined : { id: networkId },
      basic: type.kind === "basic" ? elastic : undefined,
      standard: type.kind === "standard" ? elastic : undefined,
      enterprise: type.kind === "enterprise" ? elastic : undefined,
      dedicated: type.kind === "dedicated" ? { cku: type.cku as number } : undefined,
      byokKey: type.byokKeyId === undefined ? undefined : { id: type.byokKeyId },
      // Part of the cluster spec: the service refuses to delete the cluster until it is set back to
      // false, whatever client asks (confluent_kafka_cluster.md, provider 2.83).
      deletionProtection: preventDestroy ? true : undefined,
      lifecycle: { preventDestroy },
    });
    recordMetadata(this.cluster, {
      ...this.meta,
      overrides: Object.keys(r.overrides).length > 0 ? r.overrides : undefined,
    });

    // The manager: the only principal with a cluster-wide role. Its key waits for the binding,
    // so topics and ACLs created with it do not race the role assignment.
    const managerName = confluentServiceAccountName(r.name, "manager");
    const managerSa = new ClusterServiceAccount(this, "Manager", {
      name: managerName,
      description: `Manages Kafka cluster ${r.name}: topics, ACLs and role bindings (${CONFLUENT_ROLES.clusterAdmin}).`,
      scope: { clusterId: this.clusterId, environmentId: this.environmentId },
      waitForApiKey: r.waitForApiKeys,
      preventDestroy,
      metadata: this.meta,
    });
    this.manager = managerSa;
    this.managerRoleBinding = new RoleBinding(this, "ManagerClusterAdmin", {
      principal: managerSa.principal,
      roleName: CONFLUENT_ROLES.clusterAdmin,
      crnPattern: this.rbacCrn,
    });
    recordMetadata(this.managerRoleBinding, this.meta);
    managerSa.apiKey.dependsOn = [this.managerRoleBinding.fqn];

    if (r.networking.kind === "ENVIRONMENT_PRIVATE_ACCESS") {
      Annotations.of(this).addInfo(
        `${r.name} is reached only through private access on its environment (PrivateLink attachment, ingress gateway or PNI), which this construct does not create.`,
      );
    }

    this.addOutputs();
    this.access = new ConfluentAccess({
      cluster: this,
      clusterName: r.name,
      clusterId: this.clusterId,
      environmentId: this.environmentId,
      restEndpoint: this.restEndpoint,
      credentials: this.kafkaCredentials,
      rbacInKafka: r.clusterType.info.rbacInKafka,
      dedicated: r.clusterType.kind === "dedicated",
      scope: this,
      metadata: this.meta,
      handle: (name) => this.apps.get(name),
    });
    for (const app of r.applications) this.register(app, this.createApplication(app), {});
    StackArtifacts.of(this).add(partitionGuard);
    StackArtifacts.of(this).add(architectureProducer);
    StackArtifacts.of(this).add(confluentMonitoringProducer);
    StackArtifacts.of(this).add(confluentRunbookProducer);
    ensureAudit(this);
  }

  /** Kafka cluster id (`lkc-…`). */
  public get clusterId(): string {
    // Getters below return one token per cluster, not one per read: every topic, ACL and role
    // binding reads them, and cdktf records a stack trace for each token it creates.
    return (this.cached.clusterId ??= this.cluster.id);
  }

  /** Bootstrap endpoint for Kafka clients (`SASL_SSL://…:9092`). */
  public get bootstrapEndpoint(): string {
    return (this.cached.bootstrapEndpoint ??= this.cluster.bootstrapEndpoint);
  }

  /** Kafka REST endpoint, used by the provider for topics and ACLs. */
  public get restEndpoint(): string {
    return (this.cached.restEndpoint ??= this.cluster.restEndpoint);
  }

  /** The cluster's CRN, the prefix of role-binding CRN patterns. */
  public get rbacCrn(): string {
    return (this.cached.rbacCrn ??= this.cluster.rbacCrn);
  }

  /**
   * The manager's Kafka API key, for the per-resource `credentials` of topics and ACLs in this
   * stack. Both values are references; the secret's value lives only in the Terraform state.
   */
  public get kafkaCredentials(): ConfluentKafkaCredentials {
    return { key: this.manager.apiKeyId, secret: this.manager.apiKeySecret };
  }

  private readonly cached: {
    clusterId?: string;
    bootstrapEndpoint?: string;
    restEndpoint?: string;
    rbacCrn?: string;
  } = {};

  /** Applications, in the order they were added. */
  public get applications(): readonly ConfluentApplication[] {
    return [...this.apps.values()];
  }

  /** The application of a name, if added. */
  public application(name: string): ConfluentApplication | undefined {
    return this.apps.get(name);
  }

  /**
   * Add an application: its own service account and a cluster-scoped API key, with no role yet, and
   * its client profiles. Grant it topics with `topic.grantProduce(app)` / `grantConsume(app, { group })`;
   * its service-account handle (for custom role bindings) is `cluster.application(name)`.
   */
  public addApplication(name: string, props: KafkaApplicationOptions = {}): KafkaApplication {
    checkApplicationOptions(name, props, this.node.path);
    checkApplicationName(name, "name", this.clusterName, new Set(this.apps.keys()), this.node.path);
    if (props.principal !== undefined) {
      throw new KafkaStandardsError({
        code: "KSE-ACCESS-005",
        prop: "principal",
        value: `${props.principal.kind}:${props.principal.name}`,
        allowed: "no principal: every Confluent application gets its own service account",
        fix: "Remove principal.",
        path: this.node.path,
      });
    }
    return this.register(name, this.createApplication(name), props);
  }

  /** Adds a topic (`confluent_kafka_topic`), validated against the standard, Confluent's fixed RF and editable keys. */
  public addTopic(topicName: string, props: KafkaTopicProps = {}): KafkaTopic {
    return declareTopic({
      cluster: this,
      parent: () => this,
      parentPath: this.node.path,
      scopeId: "Topics",
      name: topicName,
      props,
      context: {
        backend: "confluent",
        tier: this.tier,
        clusterName: this.clusterName,
        namePattern: this.topicNamePattern,
      },
      resource: (scope, spec) => {
        const topic = new ConfluentKafkaTopic(scope, "Topic", {
          topicName: spec.name,
          partitionsCount: spec.partitions,
          config: { ...spec.config },
          kafkaCluster: { id: this.clusterId },
          restEndpoint: this.restEndpoint,
          credentials: { ...this.kafkaCredentials },
          lifecycle: spec.preventDestroy ? { preventDestroy: true } : undefined,
        });
        recordMetadata(topic, {
          ...this.meta,
          construct: "KafkaTopic",
          cluster: this.clusterName,
          class: spec.topicClass.name,
          retire: spec.retire,
          archive: spec.archive,
        });
        return topic;
      },
    });
  }

  /** Adds byte-rate quotas for an application (Dedicated clusters only). */
  public addQuota(application: KafkaApplication, quota: ClientQuota): void {
    this.access.addQuota(application, quota, this.node.path);
  }

  private get topicNamePattern(): RegExp {
    return this.topicPattern ?? TOPIC_NAME_PATTERN;
  }

  private register(name: string, handle: ConfluentApplication, props: KafkaApplicationOptions): KafkaApplication {
    const app = new KafkaApplication(name, {
      principal: KafkaPrincipal.confluentServiceAccount(handle.serviceAccountId, name),
      producerProfile: props.producerProfile,
      consumerProfile: props.consumerProfile,
      cluster: this,
    });
    this.access.register(app);
    StackArtifacts.of(this).add({
      name: `clients-${this.clusterName}`,
      // First: the most files (four per application), written while the documents render.
      order: 5,
      produce: () => this.clientPropertyFiles(),
    });
    return app;
  }

  private clientPropertyFiles(): ArtifactFile[] {
    return clientPropertyFiles(this.clusterName, this.access.all, () => ({
      auth: "confluent-api-key",
      bootstrapOutput: outputName(this, "bootstrap_endpoint"),
    }));
  }

  private createApplication(name: string): ConfluentApplication {
    const r = this.resolved;
    const saName = confluentServiceAccountName(r.name, name);
    const app = new ConfluentApplication(this, `App-${name}`, {
      applicationName: name,
      name: saName,
      description: `Application ${name} of Kafka cluster ${r.name}.`,
      scope: { clusterId: this.clusterId, environmentId: this.environmentId },
      cluster: {
        rbacCrn: this.rbacCrn,
        clusterId: this.clusterId,
        rbacInKafka: r.clusterType.info.rbacInKafka,
        clusterKind: r.clusterType.kind,
      },
      waitForApiKey: r.waitForApiKeys,
      preventDestroy: r.policy.preventDestroy,
      metadata: this.meta,
    });
    if (this.apps.size === 0 && !r.clusterType.info.rbacInKafka) {
      Annotations.of(this).addWarning(
        `${r.name} is a ${r.clusterType.kind} cluster: it has no RBAC inside Kafka, so its applications cannot get topic role bindings. Authorize them with ACLs, or use a Standard cluster.`,
      );
    }
    this.apps.set(name, app);
    if (this.credentialOutputs) {
      const key = name.replace(/[^A-Za-z0-9_]/g, "_");
      this.output(`${key}_api_key`, app.apiKeyId, `Kafka API key of application ${name}`);
      this.output(`${key}_api_secret`, app.apiKeySecret, `Kafka API secret of application ${name}`, true);
    }
    return app;
  }

  private output(suffix: string, value: string, description: string, sensitive = false): void {
    addNamedOutput(this, suffix, value, description, sensitive);
  }

  private addOutputs(): void {
    this.output("cluster_id", this.clusterId, `Id of Confluent Kafka cluster ${this.clusterName}`);
    this.output("environment_id", this.environmentId, `Environment of Confluent Kafka cluster ${this.clusterName}`);
    this.output("bootstrap_endpoint", this.bootstrapEndpoint, "Bootstrap endpoint for Kafka clients (SASL_SSL)");
    this.output("rest_endpoint", this.restEndpoint, "Kafka REST endpoint of the cluster");
  }
}
