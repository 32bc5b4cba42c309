import { Token } from "cdktf";
import { failWith } from "../errors";
import { MSK_CONFIG_PROVIDER } from "../standards/connect";

/** How a {@link ConnectorSecret} reaches the connector. */
export type ConnectorSecretKind = "secrets-manager" | "terraform-reference";

/** The Secrets Manager secret a config-provider reference reads. */
export interface SecretsManagerSecretRef {
  /**
   * Secret ARN: the service execution role is granted `secretsmanager:GetSecretValue` on exactly it.
   * A reference such as `aws_secretsmanager_secret.db.arn` or a literal ARN.
   */
  readonly secretArn: string;
  /**
   * Secret name (a literal), used in the reference. Required when `secretArn` is a Terraform
   * reference: the reference is a literal the worker resolves, so it cannot hold a Terraform expression.
   * @default - the URL-encoded literal ARN (config providers cannot parse the `:` of a raw ARN)
   */
  readonly secretName?: string;
  /**
   * ARN of the customer-managed KMS key that encrypts the secret: the role is granted
   * `kms:Decrypt` on it, through Secrets Manager only.
   * @default - no key grant (the secret uses the AWS-managed key)
   */
  readonly kmsKeyArn?: string;
}

/**
 * A credential a connector needs (database password, private key, API secret), never a literal.
 *
 * - On MSK Connect, `ConnectorSecret.secretsManager(...)`: the connector configuration holds only a
 *   config-provider reference `${secretsmanager:<secret>:<key>}` that the worker resolves at runtime;
 *   the worker configuration declares the provider and the execution role may read that one secret.
 * - On Confluent Cloud, `ConnectorSecret.terraformReference(...)`: a Terraform reference (a variable,
 *   another resource's attribute) that goes into `config_sensitive`, never `config_nonsensitive`.
 *
 * A plain string given where a secret is expected is refused with `KSE-CONN-003`.
 *
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect-config-provider.html
 */
export class ConnectorSecret {
  /**
   * A key of a JSON secret in AWS Secrets Manager, resolved by the MSK Connect worker's config
   * provider (aws-samples/msk-config-providers).
   * @example
   * import { ConnectorSecret } from "cdktf-kafka-standards";
   *
   * // The configuration holds `${secretsmanager:prod/sales/pipeline:db2_password}`; the worker reads it.
   * const password = ConnectorSecret.secretsManager(
   *   { secretArn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/sales/pipeline-AbCdEf", secretName: "prod/sales/pipeline" },
   *   "db2_password",
   * );
   * console.log(password.kind);
   */
  public static secretsManager(secret: SecretsManagerSecretRef, jsonKey: string): ConnectorSecret {
    if (typeof secret !== "object" || secret === null || typeof secret.secretArn !== "string" || !secret.secretArn) {
      failWith(
        "KSE-CONN-015",
        "secret.secretArn",
        secret,
        "the ARN of the Secrets Manager secret",
        "Pass { secretArn: secret.arn } (and secretName when the reference should use the name).",
      );
    }
    if (
      secret.secretName !== undefined
        ? typeof secret.secretName !== "string" ||
          Token.isUnresolved(secret.secretName) ||
          !/^[A-Za-z0-9/_+=.@-]{1,512}$/.test(secret.secretName)
        : Token.isUnresolved(secret.secretArn)
    ) {
      failWith(
        "KSE-CONN-015",
        "secret.secretName",
        secret.secretName,
        "the literal name of the secret (required when secretArn is a Terraform reference)",
        'Pass secretName: "prod/sales/db2" alongside secretArn: secret.arn; the worker resolves the name at runtime.',
      );
    }
    if (typeof jsonKey !== "string" || !/^[A-Za-z0-9_.-]{1,128}$/.test(jsonKey)) {
      failWith(
        "KSE-CONN-015",
        "jsonKey",
        jsonKey,
        "the key of the value inside the JSON secret (letters, digits, '_', '.', '-')",
        'Name the JSON key, e.g. "password".',
      );
    }
    return new ConnectorSecret("secrets-manager", { ...secret }, jsonKey);
  }

  /**
   * A Terraform reference whose value Terraform knows only at apply time (`var.db_password`,
   * `aws_secretsmanager_secret_version.x.secret_string`, `confluent_api_key.x.secret`). Literal
   * strings are refused: they would sit in the plan and the code.
   * @example
   * import { TerraformVariable } from "cdktf";
   * import { ConnectorSecret } from "cdktf-kafka-standards";
   *
   * // For Confluent's managed connectors: the value reaches config_sensitive, never the plain config.
   * const key = new TerraformVariable(stack, "snowflake_private_key", { type: "string", sensitive: true });
   * const privateKey = ConnectorSecret.terraformReference(key.stringValue);
   * console.log(privateKey.kind);
   */
  public static terraformReference(value: string): ConnectorSecret {
    if (typeof value !== "string" || !Token.isUnresolved(value)) {
      failWith(
        "KSE-CONN-003",
        "secret",
        typeof value === "string" ? "<literal string, value hidden>" : value,
        "a Terraform reference (a TerraformVariable marked sensitive, or another resource's attribute)",
        'Declare new TerraformVariable(this, "db_password", { sensitive: true }) and pass its .stringValue.',
      );
    }
    return new ConnectorSecret("terraform-reference", undefined, undefined, value);
  }

  /** True for a ConnectorSecret (also across copies of the library). */
  public static isConnectorSecret(value: unknown): value is ConnectorSecret {
    return value instanceof ConnectorSecret;
  }

  private constructor(
    /** How the secret reaches the connector. */
    public readonly kind: ConnectorSecretKind,
    /** The Secrets Manager secret (secrets-manager kind). */
    public readonly secretsManagerSecret?: SecretsManagerSecretRef,
    /** The JSON key inside the secret (secrets-manager kind). */
    public readonly jsonKey?: string,
    /** The Terraform reference (terraform-reference kind). */
    public readonly reference?: string,
  ) {}

  /**
   * The value written into the connector configuration.
   *
   * For Secrets Manager it is the config-provider reference, written with Terraform's `$${` escape
   * so Terraform passes the literal `${secretsmanager:…}` to MSK Connect instead of parsing it.
   */
  public configValue(): string {
    if (this.kind === "terraform-reference") return this.reference!;
    const s = this.secretsManagerSecret!;
    const secret = s.secretName ?? encodeURIComponent(s.secretArn);
    return `$\${${MSK_CONFIG_PROVIDER.name}:${secret}:${this.jsonKey}}`;
  }
}

/**
 * Validates a value given for a secret prop: a {@link ConnectorSecret}, never a string or anything
 * else. Returns the secret, or undefined when the prop is optional and absent.
 */
export function requireSecret(value: unknown, prop: string, path: string, optional = false): ConnectorSecret {
  if (value === undefined && optional) return undefined as unknown as ConnectorSecret;
  if (ConnectorSecret.isConnectorSecret(value)) return value;
  return failWith(
    "KSE-CONN-003",
    prop,
    typeof value === "string" ? "<literal string, value hidden>" : value,
    "a ConnectorSecret: ConnectorSecret.secretsManager(...) on MSK Connect, ConnectorSecret.terraformReference(...) on Confluent Cloud",
    "Never put a credential in code or in the plan: store it in Secrets Manager or pass a sensitive Terraform variable.",
    path,
  );
}

/**
 * {@link requireSecret} for a pattern's prop, also checked against the cluster's backend: MSK Connect
 * reads secrets through Secrets Manager, Confluent Cloud through sensitive Terraform references.
 */
export function requireBackendSecret(
  value: unknown,
  prop: string,
  backend: "msk" | "confluent",
  path: string,
): ConnectorSecret {
  const secret = requireSecret(value, prop, path);
  const wanted = backend === "msk" ? "secrets-manager" : "terraform-reference";
  if (secret.kind !== wanted) {
    failWith(
      "KSE-CONN-004",
      prop,
      secret.kind,
      backend === "msk"
        ? "ConnectorSecret.secretsManager(...) on MSK Connect"
        : "ConnectorSecret.terraformReference(...) on Confluent Cloud",
      "Use the secret kind of the cluster's backend.",
      path,
    );
  }
  return secret;
}
