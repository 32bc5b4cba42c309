import { Construct } from "constructs";
import { App, TerraformStack } from "cdktf";
import { MskCluster as MskClusterL1, MskClusterLoggingInfoBrokerLogs } from "@cdktf/provider-aws/lib/msk-cluster";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { recordMetadata, standardTags } from "../core/resource-metadata";
import { KafkaVersion } from "../standards/kafka-versions";
import { BrokerInstanceType } from "../standards/broker-types";
import { EnvironmentTier } from "../standards/tiers";
import { ClientAuthentication, MSK_PORTS } from "./client-authentication";
import { MskClusterProps } from "./msk-cluster-props";
import type { Workload } from "../sizing/workload";
import { resolveMskClusterProps } from "./resolve-props";
import { checkConstructSite } from "../core/construct-site";
import { checkUniqueClusterName } from "../core/resolve-common";
import { watchClusterNameAcrossStacks } from "./cluster-name-collision";
import { ClusterKey } from "./cluster-key";
import { BrokerSecurityGroup } from "./broker-security-group";
import { BrokerConfiguration } from "./broker-configuration";
import { ScramUsers, ScramUserSecret } from "./scram-users";
import { StorageAutoscaling } from "./storage-autoscaling";
import { AlarmEscalation } from "../monitoring/alarm-escalation";
import { MskMonitoring } from "../monitoring/msk-monitoring";
import { ArtifactFile, StackArtifacts } from "../core/stack-artifacts";
import { addNamedOutput, outputName } from "../core/outputs";
import { ensureAudit } from "../audit/cdktf/ensure-audit";
import { runbookProducer } from "../docs/runbooks";
import { architectureProducer } from "../docs/architecture";
import { Topic } from "../providers/kafka/topic";
import { KafkaStandardsError } from "../errors";
import { TOPIC_NAME_PATTERN } from "../standards/naming";
import { ClientQuota, IKafkaCluster } from "../topic/kafka-cluster";
import { KafkaTopic } from "../topic/kafka-topic";
import { KafkaTopicProps } from "../topic/kafka-topic-props";
import { KafkaApplication, KafkaApplicationOptions, checkApplicationOptions } from "../access/kafka-application";
import { ClientAuthMode } from "../access/client-properties";
import { clientPropertyFiles } from "../access/client-property-files";
import { declareTopic } from "../topic/declare-topic";
import { MskAccess } from "./msk-access";
import { MskDataPlane, MskDataPlaneCluster, validateDataPlaneAccess } from "./msk-data-plane";
import { KafkaProvider } from "../providers/kafka/provider";
import { ExistingMskCluster, ExistingMskClusterAttributes } from "./existing-msk-cluster";

/**
 * A secure, durable Amazon MSK provisioned cluster.
 *
 * By default: TLS between clients and brokers and inside the cluster (written explicitly), a
 * customer-managed KMS key with rotation for data at rest, IAM authentication, no unauthenticated
 * or public access, a security group open only to the listed clients on the ports of the enabled
 * authentication modes, broker logs in a KMS-encrypted CloudWatch Logs group, enhanced monitoring
 * per tier, the standard broker baseline as a content-addressed configuration, storage
 * autoscaling that Terraform does not fight, tags on everything and bootstrap outputs per auth mode.
 *
 * Weakening any of it takes an explicit prop, needs `prodOverride` in prod, and is recorded for
 * the audit report.
 *
 * @example
 * import { KafkaPrincipal, MskCluster } from "cdktf-kafka-standards";
 *
 * const orders = new MskCluster(stack, "orders", {
 *   clusterName: "orders",
 *   tier: "prod",
 *   vpcId: "vpc-0123",
 *   clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
 *   allowedClientSecurityGroupIds: ["sg-0456"],
 *   owner: "team-orders",
 * });
 * const created = orders.addTopic("orders.created", { topicClass: "events", partitions: 12 });
 * created.grantProduce(orders.addApplication("orders-api", { principal: KafkaPrincipal.iamRole("orders-api-task") }));
 *
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html
 */
export class MskCluster extends Construct implements IKafkaCluster {
  /** Backend of this cluster. */
  public readonly backend = "msk" as const;
  /** The cluster name (`<clusterName>-<tier>`). */
  public readonly clusterName: string;
  /** The tier. */
  public readonly tier: EnvironmentTier;
  /** The underlying `aws_msk_cluster`. */
  public readonly cluster: MskClusterL1;
  /** Cluster ARN. */
  public readonly clusterArn: string;
  /** ARN of the customer-managed key used at rest, for secrets and for logs. */
  public readonly kmsKeyArn: string;
  /** The key, when the construct created it. */
  public readonly clusterKey?: ClusterKey;
  /** The brokers' security group. */
  public readonly securityGroup: BrokerSecurityGroup;
  /** The broker configuration. */
  public readonly configuration: BrokerConfiguration;
  /** The broker log group, when CloudWatch logging is on. */
  public readonly logGroup?: CloudwatchLogGroup;
  /** SCRAM users' secrets (empty without SCRAM). */
  public readonly scramSecrets: readonly ScramUserSecret[];
  /** Number of broker nodes. */
  public readonly brokerNodes: number;
  /** Kafka version. */
  public readonly kafkaVersion: KafkaVersion;
  /** Broker instance type. */
  public readonly instanceType: BrokerInstanceType;
  /** Authentication modes. */
  public readonly authentication: ClientAuthentication;
  /** Effective broker `server.properties`. */
  public readonly serverProperties: Readonly<Record<string, string>>;
  /** Alarm escalation topics (the cluster's own, or the shared ones passed in). */
  public readonly escalation: AlarmEscalation;
  /** Alarms and dashboard. */
  public readonly monitoring: MskMonitoring;
  /** Grants and quotas. */
  public readonly access: MskAccess;
  private readonly props: MskClusterProps;
  private dataPlaneStack?: MskDataPlane;
  private kafkaProvider?: KafkaProvider;

  /**
   * A cluster Terraform does not own: topics, applications, grants and quotas through the data plane only,
   * with `adopt` to import objects that exist already. Nothing of the cluster itself is created.
   *
   * @example
   * import { ExistingClusterAuth, KafkaPrincipal, MskCluster } from "cdktf-kafka-standards";
   *
   * const legacy = MskCluster.fromAttributes(stack, "legacy", {
   *   clusterName: "legacy",
   *   tier: "prod",
   *   clusterArn: "arn:aws:kafka:eu-west-1:123456789012:cluster/legacy/uuid",
   *   bootstrapBrokers: "b-1.legacy.kafka.eu-west-1.amazonaws.com:9098",
   *   auth: ExistingClusterAuth.iam({ region: "eu-west-1" }),
   * });
   * const orders = legacy.addTopic("orders.created", {
   *   partitions: 12,
   *   adopt: { reason: "created by hand in 2019; managed as code from now on" },
   * });
   * orders.grantProduce(
   *   legacy.addApplication("orders-api", { principal: KafkaPrincipal.iamRole("orders-api"), adopt: true }),
   * );
   */
  public static fromAttributes(scope: Construct, id: string, attrs: ExistingMskClusterAttributes): ExistingMskCluster {
    return new ExistingMskCluster(scope, id, attrs);
  }

  constructor(scope: Construct, id: string, props: MskClusterProps) {
    // Validate everything before adding anything to the tree, so an error leaves nothing behind and the
    // same id can be used again: the site (scope, id), the props, and the cluster's names in the stack.
    const path = checkConstructSite(scope, id, "MskCluster");
    const r = resolveMskClusterProps(props, path);
    checkUniqueClusterName(scope, "msk", r.name, props.clusterName, path);
    super(scope, id);
    this.clusterName = r.name;
    this.tier = r.tier;
    watchClusterNameAcrossStacks(this);
    this.brokerNodes = r.brokerNodes;
    this.kafkaVersion = r.kafkaVersion;
    this.instanceType = r.instanceType;
    this.authentication = r.authentication;
    this.serverProperties = r.serverProperties;

    this.props = props;
    const tags = standardTags({ tier: r.tier, owner: props.owner, tags: props.tags });
    const meta = { tier: r.tier, construct: "MskCluster" };
    const preventDestroy = r.policy.preventDestroy;

    if (props.kmsKeyArn !== undefined) {
      this.kmsKeyArn = props.kmsKeyArn;
    } else {
      this.clusterKey = new ClusterKey(this, "Key", {
        name: r.name,
        deletionWindowDays: r.policy.kmsDeletionWindowDays,
        tags,
        tier: r.tier,
        preventDestroy,
      });
      this.kmsKeyArn = this.clusterKey.keyArn;
    }

    const ports = r.authentication.ports();
    if (r.clientBroker === "TLS_PLAINTEXT") ports.push(MSK_PORTS.plaintext);
    this.securityGroup = new BrokerSecurityGroup(this, "SecurityGroup", {
      name: r.name,
      vpcId: props.vpcId,
      ports,
      sourceSecurityGroupIds: props.allowedClientSecurityGroupIds ?? [],
      sourceCidrs: props.allowedClientCidrs ?? [],
      tags,
      tier: r.tier,
    });

    this.configuration = new BrokerConfiguration(this, "Configuration", {
      name: r.name,
      kafkaVersion: r.kafkaVersion.version,
      serverProperties: r.serverProperties,
      tier: r.tier,
    });

    const brokerLogs: { -readonly [K in keyof MskClusterLoggingInfoBrokerLogs]: MskClusterLoggingInfoBrokerLogs[K] } =
      {};
    if (props.logging?.cloudWatch !== false) {
      this.logGroup = new CloudwatchLogGroup(this, "BrokerLogs", {
        name: `/aws/msk/${r.name}/broker`,
        retentionInDays: r.logRetentionDays,
        kmsKeyId: this.kmsKeyArn,
        tags,
      });
      recordMetadata(this.logGroup, meta);
      brokerLogs.cloudwatchLogs = { enabled: true, logGroup: this.logGroup.name };
    }
    if (props.logging?.s3) {
      brokerLogs.s3 = { enabled: true, bucket: props.logging.s3.bucket, prefix: props.logging.s3.prefix };
    }
    if (props.logging?.firehoseDeliveryStream) {
      brokerLogs.firehose = { enabled: true, deliveryStream: props.logging.firehoseDeliveryStream };
    }

    const auth = r.authentication;
    const open = props.openMonitoring;
    this.cluster = new MskClusterL1(this, "Cluster", {
      clusterName: r.name,
      kafkaVersion: r.kafkaVersion.version,
      numberOfBrokerNodes: r.brokerNodes,
      enhancedMonitoring: r.enhancedMonitoring,
      brokerNodeGroupInfo: {
        instanceType: r.instanceType.instanceType,
        clientSubnets: [...props.clientSubnetIds],
        securityGroups: [this.securityGroup.securityGroup.id],
        connectivityInfo: {
          publicAccess: { type: props.publicAccess === true ? "SERVICE_PROVIDED_EIPS" : "DISABLED" },
        },
        storageInfo: r.volumeSizeGiB === undefined ? undefined : { ebsStorageInfo: { volumeSize: r.volumeSizeGiB } },
      },
      clientAuthentication: {
        unauthenticated: props.unauthenticatedAccess === true,
        sasl: { iam: auth.iam, scram: auth.scram !== undefined },
        tls: auth.mutualTls ? { certificateAuthorityArns: [...auth.mutualTls.certificateAuthorityArns] } : undefined,
      },
      encryptionInfo: {
        encryptionAtRestKmsKeyArn: this.kmsKeyArn,
        encryptionInTransit: { clientBroker: r.clientBroker, inCluster: true },
      },
      configurationInfo: {
        arn: this.configuration.configuration.arn,
        revision: this.configuration.configuration.latestRevision,
      },
      loggingInfo: Object.keys(brokerLogs).length > 0 ? { brokerLogs } : undefined,
      openMonitoring: open
        ? {
            prometheus: {
              jmxExporter: { enabledInBroker: open.jmxExporter !== false },
              nodeExporter: { enabledInBroker: open.nodeExporter !== false },
            },
          }
        : undefined,
      tags,
      lifecycle: {
        preventDestroy,
        // Storage autoscaling grows the volume; Terraform must not try to shrink it back.
        ignoreChanges: r.autoscaling
          ? ["broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size"]
          : undefined,
      },
    });
    this.clusterArn = this.cluster.arn;
    const overrides: Record<string, string> = { ...r.overrides };
    if (r.kafkaVersion.isEscapeHatch)
      overrides.kafkaVersion = `${r.kafkaVersion.version} (not in the standard's catalog)`;
    if (r.instanceType.isEscapeHatch)
      overrides.instanceType = `${r.instanceType.instanceType} (not in the standard's catalog)`;
    recordMetadata(this.cluster, { ...meta, overrides: Object.keys(overrides).length > 0 ? overrides : undefined });

    if (r.autoscaling && r.volumeSizeGiB !== undefined) {
      new StorageAutoscaling(this, "StorageAutoscaling", {
        clusterArn: this.clusterArn,
        clusterName: r.name,
        minGiB: r.volumeSizeGiB,
        maxGiB: r.autoscaling.maxGiB,
        targetPercent: r.autoscaling.targetPercent,
        tags,
      });
    }

    this.scramSecrets = auth.scram
      ? new ScramUsers(this, "ScramUsers", {
          clusterName: r.name,
          clusterArn: this.clusterArn,
          users: auth.scram.users,
          kmsKeyArn: this.kmsKeyArn,
          tags,
          tier: r.tier,
          preventDestroy,
        }).secrets
      : [];

    this.escalation =
      props.monitoring?.escalation ??
      new AlarmEscalation(this, "Escalation", {
        name: r.name,
        kmsKeyArn: this.kmsKeyArn,
        subscriptions: props.monitoring?.subscriptions,
        tier: r.tier,
        tags,
      });
    this.monitoring = new MskMonitoring(this, "Monitoring", {
      ...props.monitoring,
      clusterName: r.name,
      brokerNodes: r.brokerNodes,
      express: r.express,
      escalation: this.escalation,
      tier: r.tier,
      tags,
    });
    StackArtifacts.of(this).add(runbookProducer);
    StackArtifacts.of(this).add(architectureProducer);
    ensureAudit(this);

    this.access = new MskAccess({
      cluster: this,
      clusterName: r.name,
      clusterArn: this.clusterArn,
      tier: r.tier,
      iam: auth.iam,
      scramUsers: auth.scram?.users ?? [],
      mutualTls: auth.mutualTls !== undefined,
      policyScope: this,
      dataPlane: () => this.dataPlane,
      dataPlaneProvider: () => this.dataPlaneProvider,
      addConsumerGroup: (group, topic) => this.monitoring.addConsumerGroup(group, topic),
      tags,
    });

    this.addOutputs(r.clientBroker === "TLS_PLAINTEXT");
  }

  /** Adds consumer-lag alarms (offset and time lag, Warning and Critical) for a group reading a topic. */
  public addConsumerGroup(group: string, topic: string): void {
    this.monitoring.addConsumerGroup(group, topic);
  }

  /**
   * The data-plane stack (topics, ACLs, quotas through the Mongey/kafka provider), created on first use
   * in the same app as the cluster's stack (`<stack>-data`, or `dataPlane.stackId`). Clusters of one
   * stack share it; each has its own provider configuration there, aliased with the cluster name.
   */
  public get dataPlane(): MskDataPlane {
    if (this.dataPlaneStack) return this.dataPlaneStack;
    const id = this.dataPlaneStackId;
    const cluster = this.dataPlaneCluster();
    // Checked before the stack is created, so a refused cluster leaves no stack behind.
    validateDataPlaneAccess(cluster, this.node.path);
    const app = App.of(this);
    const existing = app.node.tryFindChild(id);
    if (existing && !(existing instanceof MskDataPlane)) {
      throw new KafkaStandardsError({
        code: "KSE-MSK-023",
        prop: "dataPlane.stackId",
        value: id,
        allowed: "a stack id not used by another stack",
        fix: 'Set dataPlane: { stackId: "<unique id>" }.',
        path: this.node.path,
      });
    }
    const plane = (existing as MskDataPlane | undefined) ?? new MskDataPlane(app, id);
    this.kafkaProvider = plane.providerFor(this, cluster);
    this.dataPlaneStack = plane;
    return plane;
  }

  /** Id of the data-plane stack of this cluster. */
  private get dataPlaneStackId(): string {
    return this.props.dataPlane?.stackId ?? `${TerraformStack.of(this).node.id}-data`;
  }

  private dataPlaneCluster(): MskDataPlaneCluster {
    const scram = this.authentication.scram !== undefined;
    return {
      clusterName: this.clusterName,
      iamBootstrapBrokers: this.authentication.iam ? this.bootstrapBrokersSaslIam : undefined,
      scramBootstrapBrokers: scram ? this.bootstrapBrokersSaslScram : undefined,
      scramSecretArns: Object.fromEntries(this.scramSecrets.map((s) => [s.username, s.secret.arn])),
      controlPlane: TerraformStack.of(this),
      adminScramUser: this.props.dataPlane?.adminScramUser,
    };
  }

  /**
   * The Kafka provider configuration bound to this cluster in the data-plane stack: every topic, ACL
   * and quota of the cluster names it. Created with the data plane.
   */
  public get dataPlaneProvider(): KafkaProvider {
    if (this.kafkaProvider === undefined)
      this.kafkaProvider = this.dataPlane.providerFor(this, this.dataPlaneCluster());
    return this.kafkaProvider;
  }

  /** Adds a topic to the data plane, validated against the standard and its class. */
  public addTopic(name: string, props: KafkaTopicProps = {}): KafkaTopic {
    return declareTopic({
      cluster: this,
      parent: () => this.dataPlane,
      parentPath: this.dataPlaneStackId,
      scopeId: `${this.clusterName}-topics`,
      name,
      props,
      context: {
        backend: "msk",
        tier: this.tier,
        clusterName: this.clusterName,
        brokerNodes: this.brokerNodes,
        namePattern: this.props.topicNamePattern ?? TOPIC_NAME_PATTERN,
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
        // The Mongey/kafka topic importer takes the topic name (kafka/resource_kafka_topic.go).
        if (spec.adopt !== undefined) topic.importFrom(spec.name, topic.provider);
        recordMetadata(topic, {
          tier: this.tier,
          construct: "KafkaTopic",
          cluster: this.clusterName,
          class: spec.topicClass.name,
          retire: spec.retire,
          archive: spec.archive,
          overrides: Object.keys(spec.overrides).length > 0 ? spec.overrides : undefined,
        });
        return topic;
      },
    });
  }

  /** Declares an application: its principal and client profiles. Its client properties are rendered on synth. */
  public addApplication(name: string, options: KafkaApplicationOptions = {}): KafkaApplication {
    checkApplicationOptions(name, options, this.node.path);
    if (options.principal === undefined) {
      throw new KafkaStandardsError({
        code: "KSE-ACCESS-006",
        prop: "principal",
        value: undefined,
        allowed:
          "the principal the application authenticates as: KafkaPrincipal.iamRole(...), .scramUser(...) or .tlsCertificate(...)",
        fix: `Set principal on addApplication("${name}", { principal })`,
        path: this.node.path,
      });
    }
    const app = this.access.register(
      new KafkaApplication(name, { ...options, principal: options.principal, cluster: this }),
      this.node.path,
    );
    StackArtifacts.of(this).add({
      name: `clients-${this.clusterName}`,
      // First: the most files (four per application), written while the documents render.
      order: 5,
      produce: () => this.clientPropertyFiles(),
    });
    return app;
  }

  /** Adds client-id byte-rate quotas for an application (through the data plane). */
  public addQuota(application: KafkaApplication, quota: ClientQuota): void {
    this.access.addQuota(application, quota, this.node.path);
  }

  private clientPropertyFiles(): ArtifactFile[] {
    return clientPropertyFiles(this.clusterName, this.access.all, (app) => {
      const kind = app.principal.kind;
      const auth: ClientAuthMode = kind === "iam-role" ? "msk-iam" : kind === "scram-user" ? "msk-scram" : "msk-tls";
      const attr = {
        "msk-iam": "bootstrap_brokers_sasl_iam",
        "msk-scram": "bootstrap_brokers_sasl_scram",
        "msk-tls": "bootstrap_brokers_tls",
      }[auth as "msk-iam" | "msk-scram" | "msk-tls"];
      return { auth, bootstrapOutput: outputName(this, attr) };
    });
  }

  /** The workload the cluster was sized for, when given (`workload` prop). */
  public get workload(): Workload | undefined {
    return this.props.workload;
  }

  /** The client subnets the brokers run in (`clientSubnetIds` prop). */
  public get clientSubnetIds(): readonly string[] {
    return this.props.clientSubnetIds;
  }

  /** Bootstrap brokers for IAM clients (port 9098). */
  public get bootstrapBrokersSaslIam(): string {
    return this.cluster.bootstrapBrokersSaslIam;
  }

  /** Bootstrap brokers for SCRAM clients (port 9096). */
  public get bootstrapBrokersSaslScram(): string {
    return this.cluster.bootstrapBrokersSaslScram;
  }

  /** Bootstrap brokers for mutual-TLS clients (port 9094). */
  public get bootstrapBrokersTls(): string {
    return this.cluster.bootstrapBrokersTls;
  }

  private addOutputs(plaintext: boolean): void {
    const output = (suffix: string, value: string, description: string): void => {
      addNamedOutput(this, suffix, value, description);
    };
    output("cluster_arn", this.clusterArn, `ARN of MSK cluster ${this.clusterName}`);
    if (this.authentication.iam) {
      output(
        "bootstrap_brokers_sasl_iam",
        this.bootstrapBrokersSaslIam,
        "Bootstrap brokers for IAM clients (port 9098)",
      );
    }
    if (this.authentication.scram) {
      output(
        "bootstrap_brokers_sasl_scram",
        this.bootstrapBrokersSaslScram,
        "Bootstrap brokers for SASL/SCRAM clients (port 9096)",
      );
    }
    if (this.authentication.mutualTls) {
      output("bootstrap_brokers_tls", this.bootstrapBrokersTls, "Bootstrap brokers for mutual-TLS clients (port 9094)");
    }
    if (plaintext) {
      output(
        "bootstrap_brokers_plaintext",
        this.cluster.bootstrapBrokers,
        "Bootstrap brokers for plaintext clients (port 9092)",
      );
    }
  }
}
