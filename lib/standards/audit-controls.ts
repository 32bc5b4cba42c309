/**
 * Data the audit rules read that the other standards files do not hold: the external controls a
 * rule can name (scanner checks, Security Hub controls, regulation articles), the ports that make a
 * security-group rule "Kafka ingress", and the compliance thresholds of the GDPR and SOX packs.
 *
 * No cdktf import here: this is data. RULES.md renders the control titles from this table.
 */

/** Family of an external control a rule maps to. */
export type ControlFramework =
  | "Checkov"
  | "Trivy"
  | "KICS"
  | "AWS Security Hub"
  | "cdk-nag"
  | "AWS Control Tower"
  | "GDPR"
  | "SOX";

/** One external control, by the id its owner uses. */
export interface ControlInfo {
  /** The id as the owning tool or text spells it, e.g. `CKV_AWS_81`, `MSK.1`, `GDPR-Art.32(1)(a)`. */
  readonly id: string;
  /** Who defines it. */
  readonly framework: ControlFramework;
  /** What it asks for, in one line. */
  readonly title: string;
  /** Where it is defined. */
  readonly source: string;
}

function control(info: ControlInfo): ControlInfo {
  return Object.freeze(info);
}

/**
 * Every control a rule may name. A rule naming an id missing here fails the rule-registry test,
 * so the table and the rules cannot drift apart.
 *
 * Scanner logic: kafka-facts.md §A1 (Checkov), §A2 (Trivy, KICS), §A3 (Security Hub), anchors.md (cdk-nag).
 */
export const AUDIT_CONTROLS: Readonly<Record<string, ControlInfo>> = Object.freeze(
  Object.fromEntries(
    [
      control({
        id: "CKV_AWS_80",
        framework: "Checkov",
        title: "MSK cluster logging is enabled (a broker_logs destination with enabled = true)",
        source: "bridgecrewio/checkov checkov/terraform/checks/resource/aws/MSKClusterLogging.py",
      }),
      control({
        id: "CKV_AWS_81",
        framework: "Checkov",
        title: "MSK cluster encryption: encryption_info present, client_broker TLS, in_cluster not false",
        source: "bridgecrewio/checkov checkov/terraform/checks/resource/aws/MSKClusterEncryption.py",
      }),
      control({
        id: "CKV_AWS_291",
        framework: "Checkov",
        title: "MSK nodes are private (public_access.type is not SERVICE_PROVIDED_EIPS)",
        source: "bridgecrewio/checkov checkov/terraform/checks/resource/aws/MSKClusterNodesArePrivate.py",
      }),
      control({
        id: "CKV_AWS_7",
        framework: "Checkov",
        title: "Rotation for customer-created KMS keys is enabled",
        source: "bridgecrewio/checkov checkov/terraform/checks/resource/aws/KMSRotation.py",
      }),
      control({
        id: "CKV_AWS_149",
        framework: "Checkov",
        title: "Secrets Manager secret is encrypted with a customer-managed KMS key",
        source: "bridgecrewio/checkov checkov/terraform/checks/resource/aws/SecretManagerSecretEncrypted.py",
      }),
      control({
        id: "CKV_AWS_158",
        framework: "Checkov",
        title: "CloudWatch log group is encrypted with KMS",
        source: "bridgecrewio/checkov checkov/terraform/checks/resource/aws/CloudWatchLogGroupKMSKey.py",
      }),
      control({
        id: "CKV_AWS_338",
        framework: "Checkov",
        title: "CloudWatch log group retains logs for at least one year",
        source: "bridgecrewio/checkov checkov/terraform/checks/resource/aws/CloudWatchLogGroupRetentionYear.py",
      }),
      control({
        id: "CKV_AWS_66",
        framework: "Checkov",
        title: "CloudWatch log group specifies a retention period",
        source: "bridgecrewio/checkov checkov/terraform/checks/resource/aws/CloudWatchLogGroupRetention.py",
      }),
      control({
        id: "CKV_AWS_277",
        framework: "Checkov",
        title: "No security group allows ingress from 0.0.0.0/0 to all ports",
        source: "bridgecrewio/checkov checkov/terraform/checks/resource/aws/SecurityGroupUnrestrictedIngressAny.py",
      }),
      control({
        id: "CKV_AWS_355",
        framework: "Checkov",
        title: "No IAM policy document allows '*' as the resource of restrictable actions",
        source: "bridgecrewio/checkov checkov/terraform/checks/resource/aws/IAMStarResourcePolicyDocument.py",
      }),
      control({
        id: "AVD-AWS-0073",
        framework: "Trivy",
        title: "MSK in-transit encryption: client_broker not PLAINTEXT/TLS_PLAINTEXT (absent counts as TLS_PLAINTEXT)",
        source: "aquasecurity/trivy-checks checks/cloud/aws/msk/enable_in_transit_encryption",
      }),
      control({
        id: "AVD-AWS-0074",
        framework: "Trivy",
        title: "MSK broker logging enabled on s3, firehose or cloudwatch",
        source: "aquasecurity/trivy-checks checks/cloud/aws/msk/enable_logging",
      }),
      control({
        id: "AVD-AWS-0179",
        framework: "Trivy",
        title: "MSK at-rest encryption uses encryption_at_rest_kms_key_arn",
        source: "aquasecurity/trivy-checks checks/cloud/aws/msk/enable_at_rest_encryption",
      }),
      control({
        id: "6db52fa6-d4da-4608-908a-89f0c59e743e",
        framework: "KICS",
        title: "MSK Cluster Encryption Disabled",
        source: "Checkmarx/kics assets/queries/terraform/aws/msk_cluster_encryption_disabled",
      }),
      control({
        id: "2f56b7ab-7fba-4e93-82f0-247e5ddeb239",
        framework: "KICS",
        title: "MSK Cluster Logging Disabled (also any declared broker_logs destination without enabled = true)",
        source: "Checkmarx/kics assets/queries/terraform/aws/msk_cluster_logging_disabled",
      }),
      control({
        id: "54378d69-dd7c-4b08-a43e-80d563396857",
        framework: "KICS",
        title: "MSK Broker Is Publicly Accessible",
        source: "Checkmarx/kics assets/queries/terraform/aws/msk_broker_is_publicly_accessible",
      }),
      control({
        id: "MSK.1",
        framework: "AWS Security Hub",
        title: "MSK clusters are encrypted in transit among broker nodes",
        source: "docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html",
      }),
      control({
        id: "MSK.2",
        framework: "AWS Security Hub",
        title: "MSK clusters have enhanced monitoring of at least PER_TOPIC_PER_BROKER",
        source: "docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html",
      }),
      control({
        id: "MSK.3",
        framework: "AWS Security Hub",
        title: "MSK Connect connectors are encrypted in transit",
        source: "docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html",
      }),
      control({
        id: "MSK.4",
        framework: "AWS Security Hub",
        title: "MSK clusters have public access disabled",
        source: "docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html",
      }),
      control({
        id: "MSK.5",
        framework: "AWS Security Hub",
        title: "MSK Connect connectors have logging enabled",
        source: "docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html",
      }),
      control({
        id: "MSK.6",
        framework: "AWS Security Hub",
        title: "MSK clusters have unauthenticated access disabled",
        source: "docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html",
      }),
      control({
        id: "MSKClientToBrokerTLS",
        framework: "cdk-nag",
        title: "MSK cluster uses TLS-only communication between clients and brokers",
        source: "cdklabs/cdk-nag src/rules/msk/MSKClientToBrokerTLS.ts",
      }),
      control({
        id: "MSKBrokerToBrokerTLS",
        framework: "cdk-nag",
        title: "MSK cluster uses TLS communication between brokers",
        source: "cdklabs/cdk-nag src/rules/msk/MSKBrokerToBrokerTLS.ts",
      }),
      control({
        id: "MSKBrokerLogging",
        framework: "cdk-nag",
        title: "MSK cluster sends broker logs to a supported destination",
        source: "cdklabs/cdk-nag src/rules/msk/MSKBrokerLogging.ts",
      }),
      control({
        id: "CT.MSK.PR.1",
        framework: "AWS Control Tower",
        title: "MSK cluster enforces encryption in transit between brokers",
        source: "AWS Control Tower proactive controls",
      }),
      control({
        id: "CT.MSK.PR.2",
        framework: "AWS Control Tower",
        title: "MSK cluster is configured with public access disabled",
        source: "AWS Control Tower proactive controls",
      }),
      control({
        id: "GDPR-Art.5(1)(e)",
        framework: "GDPR",
        title: "Storage limitation: personal data kept no longer than necessary",
        source: "Regulation (EU) 2016/679, Article 5(1)(e)",
      }),
      control({
        id: "GDPR-Art.5(2)",
        framework: "GDPR",
        title: "Accountability: the controller can demonstrate compliance (who accessed what)",
        source: "Regulation (EU) 2016/679, Article 5(2)",
      }),
      control({
        id: "GDPR-Art.32(1)(a)",
        framework: "GDPR",
        title: "Security of processing: encryption of personal data",
        source: "Regulation (EU) 2016/679, Article 32(1)(a)",
      }),
      control({
        id: "GDPR-Art.32(1)(b)",
        framework: "GDPR",
        title: "Security of processing: ongoing confidentiality and integrity of processing systems",
        source: "Regulation (EU) 2016/679, Article 32(1)(b)",
      }),
      control({
        id: "SOX-802",
        framework: "SOX",
        title: "Record retention: audit records kept seven years and protected from destruction",
        source: "Sarbanes-Oxley Act §802; SEC Regulation S-X Rule 2-06",
      }),
      control({
        id: "SOX-404",
        framework: "SOX",
        title: "Internal control: changes are attributable and operational evidence is retained",
        source: "Sarbanes-Oxley Act §404 (IT general controls: change management, logging)",
      }),
    ].map((c) => [c.id, c]),
  ),
);

/** A TCP port range that carries Kafka or ZooKeeper traffic on MSK. */
export interface KafkaPortRange {
  /** First port. */
  readonly from: number;
  /** Last port (inclusive). */
  readonly to: number;
  /** What listens there. */
  readonly purpose: string;
}

/**
 * Ports whose exposure to 0.0.0.0/0 or ::/0 the audit reports (KS-NET-001). A rule open on all
 * ports (protocol -1, or 0–65535) matches too.
 *
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/port-info.html
 */
export const KAFKA_PORT_RANGES: readonly KafkaPortRange[] = Object.freeze([
  Object.freeze({ from: 9092, to: 9098, purpose: "MSK brokers (plaintext 9092, TLS 9094, SASL/SCRAM 9096, IAM 9098)" }),
  Object.freeze({ from: 2181, to: 2182, purpose: "ZooKeeper (plaintext 2181, TLS 2182)" }),
]);

/** CIDR blocks that mean "anyone on the internet". */
export const OPEN_CIDRS: readonly string[] = Object.freeze(["0.0.0.0/0", "::/0"]);

/**
 * Values of the `Environment` tag (case-insensitive) the audit maps to a tier, for estates that do
 * not spell tiers exactly as the standard does.
 */
export const TIER_TAG_ALIASES: Readonly<Record<string, "dev" | "staging" | "prod">> = Object.freeze({
  dev: "dev",
  development: "dev",
  staging: "staging",
  stage: "staging",
  stg: "staging",
  prod: "prod",
  production: "prod",
  prd: "prod",
});

/** Value of the `DataClassification` tag (or metadata class) that puts a resource in GDPR scope. */
export const PERSONAL_DATA_CLASSIFICATION = "personal";

/**
 * Broker log retention the SOX pack requires, in days, whatever the tier: one year of operational
 * evidence for the annual internal-control assessment (SOX §404).
 */
export const SOX_BROKER_LOG_RETENTION_DAYS = 365;

/** Kafka's default `retention.ms` (7 days), used when a topic does not set one. */
export const KAFKA_DEFAULT_RETENTION_MS = 604800000;

/**
 * Connector configuration keys that hold credentials: any key containing one of these words, or
 * ending in one of the key-like suffixes. `key.converter` and similar are not credentials.
 */
export const CREDENTIAL_KEY_WORDS: readonly string[] = Object.freeze([
  "password",
  "passwd",
  "passphrase",
  "secret",
  "token",
  "credential",
]);

/** Key-name endings that mark a credential (`api.key`, `private.key`, `access.key.id` …). */
export const CREDENTIAL_KEY_SUFFIXES: readonly string[] = Object.freeze([
  "api.key",
  "apikey",
  "api_key",
  "access.key",
  "access.key.id",
  "accesskey",
  "private.key",
  "privatekey",
  "private_key",
  "secret.key",
  "auth.key",
  "ssl.key",
  "client.key",
]);

/**
 * Key endings that name a setting about credentials rather than a credential
 * (`aws.credentials.provider.class`, `ssl.keystore.location`, `token.endpoint.url` …).
 */
export const CREDENTIAL_KEY_EXCLUDED_SUFFIXES: readonly string[] = Object.freeze([
  ".class",
  ".enabled",
  ".type",
  ".mode",
  ".provider",
  ".location",
  ".url",
  ".endpoint",
  ".id.field",
]);

/**
 * Kafka config-provider references (`${secretsmanager:…}`, `${file:…}` …): the value is looked up at
 * runtime, so the configuration itself holds no secret.
 */
export const CONFIG_PROVIDER_PREFIXES: readonly string[] = Object.freeze([
  "secretsmanager",
  "ssm",
  "s3import",
  "file",
  "directory",
  "env",
  "vault",
]);
