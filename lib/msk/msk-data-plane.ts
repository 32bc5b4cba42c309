import { Construct } from "constructs";
import { Fn, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { KafkaProvider } from "../providers/kafka/provider";
import { KafkaStandardsError } from "../errors";
import { ensureAudit } from "../audit/cdktf/ensure-audit";
import { StackArtifacts } from "../core/stack-artifacts";
import { architectureProducer } from "../docs/architecture";

/** What the data plane needs of its MSK cluster. */
export interface MskDataPlaneCluster {
  /** Cluster name. */
  readonly clusterName: string;
  /** IAM bootstrap brokers (a token of the control-plane stack), when IAM is on. */
  readonly iamBootstrapBrokers?: string;
  /** SCRAM bootstrap brokers, when SCRAM is on. */
  readonly scramBootstrapBrokers?: string;
  /** SCRAM users' secrets, by user name. */
  readonly scramSecretArns: Readonly<Record<string, string>>;
  /** The control-plane stack. */
  readonly controlPlane: TerraformStack;
}

/** Properties of an {@link MskDataPlane}. */
export interface MskDataPlaneProps {
  /** The cluster whose topics, ACLs and quotas the stack manages. */
  readonly cluster: MskDataPlaneCluster;
  /**
   * SCRAM user the Kafka provider authenticates as, when the cluster has IAM off. Its password is read
   * from Secrets Manager at plan time, never written into the configuration.
   * @default - IAM, with the AWS credentials of the environment running Terraform
   */
  readonly adminScramUser?: string;
}

function awsRegionOf(stack: TerraformStack): string | undefined {
  const provider = stack.node.findAll().find((c): c is AwsProvider => c instanceof AwsProvider);
  return provider?.region;
}

/**
 * The data-plane stack of an MSK cluster: topics, ACLs and quotas through the Mongey/kafka provider.
 *
 * It is separate from the control-plane stack that creates the cluster, because the Kafka provider
 * needs the bootstrap brokers when Terraform configures it, which a cluster created in the same
 * apply cannot provide. The bootstrap string crosses stacks as a cdktf cross-stack reference, which
 * also orders the deployment: `cdktf deploy <control> <data>` (or `cdktf deploy '*'`).
 *
 * Credentials never appear in the configuration: with IAM (the default) the provider signs with the
 * AWS credentials of the environment (`AWS_PROFILE`, instance or pipeline role); with SCRAM it reads
 * the user's secret from Secrets Manager at plan time (the password then lives only in state).
 */
export class MskDataPlane extends TerraformStack {
  /** The Kafka provider. */
  public readonly kafkaProvider: KafkaProvider;

  constructor(scope: Construct, id: string, props: MskDataPlaneProps) {
    super(scope, id);
    ensureAudit(this);
    StackArtifacts.of(this).add(architectureProducer);
    const c = props.cluster;
    const region = awsRegionOf(c.controlPlane);
    if (props.adminScramUser === undefined) {
      if (c.iamBootstrapBrokers === undefined) {
        throw new KafkaStandardsError({
          code: "KSE-MSK-022",
          prop: "dataPlane.adminScramUser",
          value: undefined,
          allowed: "a SCRAM user of the cluster when IAM authentication is off",
          fix: 'Set dataPlane: { adminScramUser: "<user>" } to one of the cluster\'s SCRAM users, or keep IAM on.',
          path: this.node.path,
        });
      }
      this.kafkaProvider = new KafkaProvider(this, "kafka", {
        bootstrapServers: Fn.split(",", c.iamBootstrapBrokers),
        tlsEnabled: true,
        saslMechanism: "aws-iam",
        saslAwsRegion: region,
      });
      return;
    }
    const secretArn = c.scramSecretArns[props.adminScramUser];
    if (secretArn === undefined || c.scramBootstrapBrokers === undefined) {
      throw new KafkaStandardsError({
        code: "KSE-MSK-022",
        prop: "dataPlane.adminScramUser",
        value: props.adminScramUser,
        allowed: `one of the cluster's SCRAM users (${Object.keys(c.scramSecretArns).join(", ") || "none"})`,
        fix: "Name a user listed in ClientAuthentication.scram({ users }).",
        path: this.node.path,
      });
    }
    new AwsProvider(this, "aws", { region });
    const secret = new DataAwsSecretsmanagerSecretVersion(this, "AdminSecret", { secretId: secretArn });
    this.kafkaProvider = new KafkaProvider(this, "kafka", {
      bootstrapServers: Fn.split(",", c.scramBootstrapBrokers),
      tlsEnabled: true,
      saslMechanism: "scram-sha512",
      saslUsername: props.adminScramUser,
      saslPassword: Fn.lookup(Fn.jsondecode(secret.secretString), "password"),
    });
  }
}
