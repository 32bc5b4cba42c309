/**
 * Schema of the Mongey/kafka Terraform provider (release v0.13.1), restricted to
 * the provider block and the four resources this library uses.
 *
 * Names, types, flags and schema versions follow the provider's Go source
 * (kafka/provider.go and kafka/resource_kafka_*.go). None of these resources
 * declares timeouts or nested blocks. The descriptions are this library's own.
 */
import type { ProviderSpec } from "./spec";

export const kafkaSpec: ProviderSpec = {
  fqpn: "registry.terraform.io/mongey/kafka",
  sourceVersion: "0.13.1",
  provider: {
    attributes: {
      bootstrap_servers: [["list", "string"], "R", "Broker addresses as `host:port` strings, one per list element."],
      tls_enabled: ["bool", "O", "Connect over TLS (default true; env KAFKA_ENABLE_TLS)."],
      skip_tls_verify: ["bool", "O", "Skip verification of the brokers' certificates (env KAFKA_SKIP_VERIFY)."],
      ca_cert: ["string", "O", "CA certificate, as PEM text or a file path (env KAFKA_CA_CERT)."],
      client_cert: [
        "string",
        "O",
        "Client certificate for mutual TLS, as PEM text or a file path (env KAFKA_CLIENT_CERT).",
      ],
      client_key: [
        "string",
        "O",
        "Client private key for mutual TLS, as PEM text or a file path (env KAFKA_CLIENT_KEY).",
      ],
      client_key_passphrase: [
        "string",
        "O",
        "Passphrase of an encrypted PEM client key (env KAFKA_CLIENT_KEY_PASSPHRASE).",
      ],
      ca_cert_file: ["string", "OD", "Deprecated: use `ca_cert`."],
      client_cert_file: ["string", "OD", "Deprecated: use `client_cert`."],
      client_key_file: ["string", "OD", "Deprecated: use `client_key`."],
      sasl_mechanism: [
        "string",
        "O",
        "`plain` (default), `scram-sha256`, `scram-sha512`, `aws-iam` or `oauthbearer` (env KAFKA_SASL_MECHANISM).",
      ],
      sasl_username: ["string", "O", "SASL user name, or the OAuth client ID (env KAFKA_SASL_USERNAME)."],
      sasl_password: ["string", "O", "SASL password, or the OAuth client secret (env KAFKA_SASL_PASSWORD)."],
      sasl_token_url: ["string", "O", "OAuth token endpoint for `oauthbearer` (env KAFKA_SASL_TOKEN_URL)."],
      sasl_oauth_scopes: [
        ["list", "string"],
        "O",
        "OAuth scopes requested for `oauthbearer` (env KAFKA_SASL_OAUTH_SCOPES).",
      ],
      sasl_aws_region: ["string", "O", "AWS region of the MSK cluster for `aws-iam` (env KAFKA_SASL_IAM_AWS_REGION)."],
      sasl_aws_role_arn: ["string", "O", "IAM role to assume for `aws-iam` (env AWS_ROLE_ARN)."],
      sasl_aws_external_id: ["string", "O", "External ID passed when assuming `sasl_aws_role_arn`."],
      sasl_aws_profile: ["string", "O", "AWS shared-config profile for `aws-iam` (env AWS_PROFILE)."],
      sasl_aws_shared_config_files: [
        ["list", "string"],
        "O",
        "AWS shared config files read with `sasl_aws_profile` (env AWS_SHARED_CONFIG_FILES).",
      ],
      sasl_aws_access_key: ["string", "O", "Static AWS access key ID for `aws-iam` (env AWS_ACCESS_KEY_ID)."],
      sasl_aws_secret_key: ["string", "O", "Static AWS secret access key for `aws-iam` (env AWS_SECRET_ACCESS_KEY)."],
      sasl_aws_token: ["string", "O", "AWS session token for `aws-iam` (env AWS_SESSION_TOKEN)."],
      sasl_aws_container_authorization_token_file: [
        "string",
        "O",
        "Token file for container credentials, e.g. EKS Pod Identity (env AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE).",
      ],
      sasl_aws_container_credentials_full_uri: [
        "string",
        "O",
        "Container credentials endpoint, e.g. EKS Pod Identity (env AWS_CONTAINER_CREDENTIALS_FULL_URI).",
      ],
      sasl_aws_creds_debug: ["bool", "O", "Log how AWS credentials are resolved (env AWS_CREDS_DEBUG)."],
      kafka_version: ["string", "O", "Kafka protocol version the client speaks (default `2.7.0`; env KAFKA_VERSION)."],
      timeout: ["number", "O", "Timeout in seconds for admin requests and for waiting on changes (default 120)."],
    },
  },

  resources: {
    kafka_topic: {
      version: 0,
      description: "A Kafka topic. Decreasing `partitions` replaces the topic.",
      attributes: {
        name: ["string", "R", "Name of the topic. Changing it replaces the topic."],
        partitions: ["number", "R", "Number of partitions."],
        replication_factor: ["number", "R", "Number of replicas of each partition."],
        config: [["map", "string"], "O", "Topic-level configuration overrides; values are strings."],
      },
    },

    kafka_acl: {
      version: 1,
      description: "A Kafka ACL. Every argument forces a replacement when changed.",
      attributes: {
        resource_name: ["string", "R", "Resource name or prefix; `kafka-cluster` for `Cluster`."],
        resource_type: ["string", "R", "`Topic`, `Group`, `Cluster`, `TransactionalID` or `DelegationToken`."],
        resource_pattern_type_filter: ["string", "O", "`Literal` (default) or `Prefixed`."],
        acl_principal: ["string", "R", "Principal, e.g. `User:alice`."],
        acl_host: ["string", "R", "Host the ACL applies to, usually `*`."],
        acl_operation: ["string", "R", "Operation, e.g. `Read`, `Write`, `Describe` or `IdempotentWrite`."],
        acl_permission_type: ["string", "R", "`Allow` or `Deny`."],
      },
    },

    kafka_quota: {
      version: 0,
      description: "A client quota. Every argument forces a replacement when changed.",
      attributes: {
        entity_type: ["string", "R", "`client-id`, `user` or `ip`."],
        entity_name: ["string", "O", "Name of the entity; omit it for the default entity of the type."],
        config: [["map", "number"], "O", "Quota settings, e.g. `producer_byte_rate`."],
      },
    },

    kafka_user_scram_credential: {
      version: 0,
      description: "A SCRAM credential of a Kafka user. Set exactly one of `password` and `password_wo`.",
      attributes: {
        username: ["string", "R", "Name of the user."],
        scram_mechanism: ["string", "R", "`SCRAM-SHA-256` or `SCRAM-SHA-512`."],
        scram_iterations: ["number", "O", "Hash iterations, at least 4096 (the default)."],
        password: ["string", "OS", "Password of the user; it is stored in the state."],
        password_wo: ["string", "OSW", "Write-only password of the user (Terraform 1.11 or later); never stored."],
        password_wo_version: ["string", "O", "Change this value to push a new `password_wo`."],
      },
    },
  },

  dataSources: {},
};
