/**
 * How the data plane (the Mongey/kafka provider) authenticates to a cluster Terraform does not own.
 * Credentials never appear in the configuration.
 */
export class ExistingClusterAuth {
  /**
   * IAM (SASL/OAUTHBEARER signed with the AWS credentials of the environment running Terraform), port 9098.
   *
   * @example
   * import { ExistingClusterAuth } from "cdktf-kafka-standards";
   *
   * ExistingClusterAuth.iam({ region: "eu-west-1" });
   */
  public static iam(options: { readonly region?: string } = {}): ExistingClusterAuth {
    return new ExistingClusterAuth("iam", options.region);
  }

  /**
   * SASL/SCRAM-SHA-512 as `username`, whose password is read from the Secrets Manager secret
   * `passwordSecretArn` (JSON with a `password` key, as MSK requires) at plan time through an
   * ephemeral block: never in the configuration, the plan or the state. Port 9096.
   *
   * @example
   * import { ExistingClusterAuth } from "cdktf-kafka-standards";
   *
   * ExistingClusterAuth.scram({
   *   username: "terraform",
   *   passwordSecretArn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_terraform",
   * });
   */
  public static scram(options: {
    readonly username: string;
    readonly passwordSecretArn: string;
    readonly region?: string;
  }): ExistingClusterAuth {
    return new ExistingClusterAuth("scram", options.region, options.username, options.passwordSecretArn);
  }

  /**
   * Mutual TLS with a client certificate and key read from files when Terraform runs (port 9094).
   *
   * @example
   * import { ExistingClusterAuth } from "cdktf-kafka-standards";
   *
   * ExistingClusterAuth.mutualTls({ clientCertFile: "terraform.pem", clientKeyFile: "terraform.key" });
   */
  public static mutualTls(options: {
    readonly clientCertFile: string;
    readonly clientKeyFile: string;
    readonly caCertFile?: string;
  }): ExistingClusterAuth {
    return new ExistingClusterAuth("mtls", undefined, undefined, undefined, options);
  }

  /**
   * Unauthenticated PLAINTEXT: a weakening, accepted on `dev` clusters only and with a reason of at
   * least 10 characters (a local or test cluster).
   *
   * @example
   * import { ExistingClusterAuth } from "cdktf-kafka-standards";
   *
   * ExistingClusterAuth.plaintext({ reason: "local integration cluster without TLS" });
   */
  public static plaintext(options: { readonly reason: string }): ExistingClusterAuth {
    return new ExistingClusterAuth("plaintext", undefined, undefined, undefined, undefined, options?.reason);
  }

  private constructor(
    /** Mechanism. */
    public readonly mechanism: "iam" | "scram" | "mtls" | "plaintext",
    /** AWS region (IAM signing, Secrets Manager). */
    public readonly region?: string,
    /** SCRAM user name. */
    public readonly username?: string,
    /** Secret holding the SCRAM password. */
    public readonly passwordSecretArn?: string,
    /** Certificate files for mutual TLS. */
    public readonly files?: {
      readonly clientCertFile: string;
      readonly clientKeyFile: string;
      readonly caCertFile?: string;
    },
    /** Why PLAINTEXT is accepted. */
    public readonly reason?: string,
  ) {}
}
