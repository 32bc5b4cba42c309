import { Construct, IConstruct } from "constructs";
import { Fn, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { KafkaProvider } from "../providers/kafka/provider";
import { KafkaStandardsError } from "../errors";
import { ensureAudit } from "../audit/cdktf/ensure-audit";
import { KafkaStandardsAudit } from "../audit/cdktf/aspect";
import { EphemeralResource } from "../core/ephemeral";
import { StackArtifacts } from "../core/stack-artifacts";
import { architectureProducer } from "../docs/architecture";
import { partitionGuard } from "../topic/partition-guard";

/** What the data plane needs of one MSK cluster. */
export interface MskDataPlaneCluster {
  /** Cluster name; also the alias of the cluster's Kafka provider in the data-plane stack. */
  readonly clusterName: string;
  /** IAM bootstrap brokers (a token of the control-plane stack), when IAM is on. */
  readonly iamBootstrapBrokers?: string;
  /** SCRAM bootstrap brokers, when SCRAM is on. */
  readonly scramBootstrapBrokers?: string;
  /** SCRAM users' secrets, by user name. */
  readonly scramSecretArns: Readonly<Record<string, string>>;
  /** The control-plane stack. */
  readonly controlPlane: TerraformStack;
  /**
   * SCRAM user the Kafka provider authenticates as, when the cluster has IAM off. Its password is read
   * from Secrets Manager at plan time with an ephemeral block, never written into the configuration,
   * the plan or the state.
   * @default - IAM, with the AWS credentials of the environment running Terraform
   */
  readonly adminScramUser?: string;
}

function awsRegionOf(stack: TerraformStack): string | undefined {
  const provider = stack.node.findAll().find((c): c is AwsProvider => c instanceof AwsProvider);
  return provider?.region;
}

/**
 * Checks that the data plane can authenticate to the cluster, before anything is created: IAM, or a
 * SCRAM user of the cluster when IAM is off.
 */
export function validateDataPlaneAccess(c: MskDataPlaneCluster, path: string): void {
  if (c.adminScramUser === undefined) {
    if (c.iamBootstrapBrokers !== undefined) return;
    throw new KafkaStandardsError({
      code: "KSE-MSK-022",
      prop: "dataPlane.adminScramUser",
      value: undefined,
      allowed: "a SCRAM user of the cluster when IAM authentication is off",
      fix: 'Set dataPlane: { adminScramUser: "<user>" } to one of the cluster\'s SCRAM users, or keep IAM on.',
      path,
    });
  }
  if (c.scramSecretArns[c.adminScramUser] === undefined || c.scramBootstrapBrokers === undefined) {
    throw new KafkaStandardsError({
      code: "KSE-MSK-022",
      prop: "dataPlane.adminScramUser",
      value: c.adminScramUser,
      allowed: `one of the cluster's SCRAM users (${Object.keys(c.scramSecretArns).join(", ") || "none"})`,
      fix: "Name a user listed in ClientAuthentication.scram({ users }).",
      path,
    });
  }
}

/**
 * The data-plane stack of one or more MSK clusters: topics, ACLs and quotas through the Mongey/kafka
 * provider.
 *
 * It is separate from the control-plane stack that creates the clusters, because the Kafka provider
 * needs the bootstrap brokers when Terraform configures it, which a cluster created in the same apply
 * cannot provide. The bootstrap strings cross stacks as cdktf cross-stack references, which also order
 * the deployment: `cdktf deploy <control> <data>` (or `cdktf deploy '*'`).
 *
 * Every cluster gets its own provider configuration, aliased with the cluster name, and every topic,
 * ACL and quota of that cluster names it (`provider = kafka.<cluster>`): with several clusters in one
 * stack, each cluster's resources reach that cluster and no other.
 *
 * Credentials never appear in the configuration: with IAM (the default) the provider signs with the
 * AWS credentials of the environment (`AWS_PROFILE`, instance or pipeline role); with SCRAM it reads
 * the user's secret from Secrets Manager with an ephemeral block (Terraform ≥ 1.10), so the password
 * is in neither the plan nor the state.
 *
 * The stack's audit follows the options of its clusters' stacks (`KafkaStandardsAudit.of`) unless
 * options are set on this stack itself.
 */
export class MskDataPlane extends TerraformStack {
  private readonly clusters = new Map<string, { owner: IConstruct; provider: KafkaProvider }>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    ensureAudit(this);
    StackArtifacts.of(this).add(architectureProducer);
    StackArtifacts.of(this).add(partitionGuard);
  }

  /** Kafka provider configurations of the stack, by cluster name. */
  public get kafkaProviders(): Readonly<Record<string, KafkaProvider>> {
    return Object.fromEntries([...this.clusters.entries()].map(([name, c]) => [name, c.provider]));
  }

  /**
   * The Kafka provider bound to one cluster, created on first use. `owner` is the cluster construct;
   * two clusters of the same name cannot share a data-plane stack.
   */
  public providerFor(owner: IConstruct, c: MskDataPlaneCluster): KafkaProvider {
    const existing = this.clusters.get(c.clusterName);
    if (existing) {
      if (existing.owner === owner) return existing.provider;
      throw new KafkaStandardsError({
        code: "KSE-MSK-050",
        prop: "dataPlane.stackId",
        value: this.node.id,
        allowed: `one cluster named ${c.clusterName} per data-plane stack (already used by ${existing.owner.node.path})`,
        fix: 'Give one of the clusters its own data-plane stack: dataPlane: { stackId: "<unique id>" }.',
        path: owner.node.path,
      });
    }
    validateDataPlaneAccess(c, owner.node.path);
    KafkaStandardsAudit.inherit(this, c.controlPlane);
    const scope = new Construct(this, c.clusterName);
    const provider = c.adminScramUser === undefined ? this.iamProvider(scope, c) : this.scramProvider(scope, c);
    this.clusters.set(c.clusterName, { owner, provider });
    return provider;
  }

  private iamProvider(scope: Construct, c: MskDataPlaneCluster): KafkaProvider {
    return new KafkaProvider(scope, "kafka", {
      alias: c.clusterName,
      bootstrapServers: Fn.split(",", c.iamBootstrapBrokers!),
      tlsEnabled: true,
      saslMechanism: "aws-iam",
      saslAwsRegion: awsRegionOf(c.controlPlane),
    });
  }

  private scramProvider(scope: Construct, c: MskDataPlaneCluster): KafkaProvider {
    const aws = new AwsProvider(scope, "aws", { alias: c.clusterName, region: awsRegionOf(c.controlPlane) });
    const secret = new EphemeralResource(scope, "AdminSecret", {
      type: "aws_secretsmanager_secret_version",
      config: { secret_id: c.scramSecretArns[c.adminScramUser!] },
      provider: aws,
    });
    return new KafkaProvider(scope, "kafka", {
      alias: c.clusterName,
      bootstrapServers: Fn.split(",", c.scramBootstrapBrokers!),
      tlsEnabled: true,
      saslMechanism: "scram-sha512",
      saslUsername: c.adminScramUser,
      saslPassword: Fn.lookup(Fn.jsondecode(secret.attribute("secret_string")), "password"),
    });
  }
}
