/**
 * Schema of the confluentinc/confluent Terraform provider (release v2.83.4),
 * restricted to the provider block and the resources this library uses.
 *
 * Names, types, required/optional/computed/sensitive/deprecated flags, nesting
 * modes, MaxItems and schema versions follow the provider's Go source
 * (internal/provider/provider.go and internal/provider/resource_*.go,
 * data_source_schema_registry_cluster.go; resource_subject_config.go for
 * `confluent_subject_config`, all at tag v2.83.4). The descriptions are this library's own.
 */
import type { AttributeSpec, NestedBlockSpec, ProviderSpec } from "./spec";

/* ---------- Reusable nested blocks ---------- */

function idBlock(flags: "R" | "O", description: string, idDescription: string): NestedBlockSpec {
  return { nesting: "list", flags, max: 1, description, attributes: { id: ["string", "R", idDescription] } };
}

const environmentBlock = idBlock(
  "R",
  "Environment that contains the resource.",
  "ID of the environment, e.g. `env-abc123`.",
);
const kafkaClusterRequired = idBlock(
  "R",
  "Kafka cluster the resource belongs to.",
  "ID of the Kafka cluster, e.g. `lkc-abc123`.",
);
const kafkaClusterOptional = idBlock(
  "O",
  "Kafka cluster the resource belongs to. Omit it when the provider block sets `kafka_id`.",
  "ID of the Kafka cluster, e.g. `lkc-abc123`.",
);

function credentialsBlock(what: string): NestedBlockSpec {
  return {
    nesting: "list",
    flags: "O",
    max: 1,
    description: `API key and secret used to call the ${what}. Omit it when the provider block supplies them.`,
    attributes: {
      key: ["string", "RS", "API key ID."],
      secret: ["string", "RS", "API key secret."],
    },
  };
}

function linkedClusterBlock(role: string): NestedBlockSpec {
  return {
    nesting: "list",
    flags: "O",
    max: 1,
    description: `The ${role} Kafka cluster of the link.`,
    attributes: {
      id: ["string", "R", "ID of the Kafka cluster, e.g. `lkc-abc123`."],
      rest_endpoint: ["string", "O", "REST endpoint of the cluster. Set either this or `bootstrap_endpoint`."],
      bootstrap_endpoint: ["string", "O", "Bootstrap endpoint of the cluster. Set either this or `rest_endpoint`."],
    },
    blocks: { credentials: credentialsBlock("cluster's REST API") },
  };
}

function schemaRulesBlock(kind: string): NestedBlockSpec {
  const attributes: Record<string, AttributeSpec> = {
    name: ["string", "R", "Rule name, unique within the rule set."],
    doc: ["string", "O", "Free-text documentation of the rule."],
    kind: ["string", "R", "`CONDITION` or `TRANSFORM`."],
    mode: ["string", "R", "When the rule applies: `UPGRADE`, `DOWNGRADE`, `UPDOWN`, `WRITE`, `READ` or `WRITEREAD`."],
    type: ["string", "R", "Rule executor type, e.g. `CEL` or `ENCRYPT`."],
    expr: ["string", "O", "Rule body, e.g. a CEL expression."],
    on_success: ["string", "O", "Action taken when the rule succeeds."],
    on_failure: ["string", "O", "Action taken when the rule fails."],
    disabled: ["bool", "O", "Whether the rule is switched off."],
    tags: [["set", "string"], "OC", "Tags the rule applies to."],
    params: [["map", "string"], "OC", "Executor parameters."],
  };
  return { nesting: "set", flags: "O", description: `${kind} rules of the rule set.`, attributes };
}

/* ---------- Provider ---------- */

export const confluentSpec: ProviderSpec = {
  fqpn: "registry.terraform.io/confluentinc/confluent",
  sourceVersion: "2.83.4",
  provider: {
    attributes: {
      cloud_api_key: ["string", "OS", "Cloud API key (env CONFLUENT_CLOUD_API_KEY)."],
      cloud_api_secret: ["string", "OS", "Cloud API secret (env CONFLUENT_CLOUD_API_SECRET)."],
      endpoint: ["string", "O", "Base URL of the Confluent Cloud API."],
      max_retries: [
        "number",
        "O",
        "Maximum number of HTTP retries, at least 4 (env TF_PROVIDER_CONFLUENT_MAX_RETRIES).",
      ],
      organization_id: ["string", "O", "Organization ID used by Flink resources (env CONFLUENT_ORGANIZATION_ID)."],
      environment_id: ["string", "O", "Environment ID used by Flink resources (env CONFLUENT_ENVIRONMENT_ID)."],
      kafka_id: ["string", "O", "Default Kafka cluster ID for topic and ACL resources (env KAFKA_ID)."],
      kafka_api_key: ["string", "OS", "Default Kafka API key (env KAFKA_API_KEY)."],
      kafka_api_secret: ["string", "OS", "Default Kafka API secret (env KAFKA_API_SECRET)."],
      kafka_rest_endpoint: ["string", "O", "Default Kafka REST endpoint (env KAFKA_REST_ENDPOINT)."],
      schema_registry_id: ["string", "O", "Default Schema Registry cluster ID (env SCHEMA_REGISTRY_ID)."],
      schema_registry_api_key: ["string", "OS", "Default Schema Registry API key (env SCHEMA_REGISTRY_API_KEY)."],
      schema_registry_api_secret: [
        "string",
        "OS",
        "Default Schema Registry API secret (env SCHEMA_REGISTRY_API_SECRET).",
      ],
      schema_registry_rest_endpoint: [
        "string",
        "O",
        "Default Schema Registry REST endpoint (env SCHEMA_REGISTRY_REST_ENDPOINT).",
      ],
      catalog_rest_endpoint: ["string", "O", "Default Stream Catalog REST endpoint (env CATALOG_REST_ENDPOINT)."],
      flink_api_key: ["string", "OS", "Default Flink API key (env FLINK_API_KEY)."],
      flink_api_secret: ["string", "OS", "Default Flink API secret (env FLINK_API_SECRET)."],
      flink_compute_pool_id: ["string", "O", "Default Flink compute pool ID (env FLINK_COMPUTE_POOL_ID)."],
      flink_principal_id: ["string", "O", "Default Flink principal ID (env FLINK_PRINCIPAL_ID)."],
      flink_rest_endpoint: ["string", "O", "Default Flink REST endpoint (env FLINK_REST_ENDPOINT)."],
      tableflow_api_key: ["string", "OS", "Default Tableflow API key (env TABLEFLOW_API_KEY)."],
      tableflow_api_secret: ["string", "OS", "Default Tableflow API secret (env TABLEFLOW_API_SECRET)."],
    },
    blocks: {
      oauth: {
        nesting: "list",
        flags: "O",
        max: 1,
        description: "Authenticate with an external OAuth identity provider instead of API keys.",
        attributes: {
          oauth_identity_pool_id: ["string", "R", "Confluent Cloud identity pool that accepts the external token."],
          oauth_external_token_url: [
            "string",
            "O",
            "Token URL of the identity provider. Set either this or `oauth_external_access_token`.",
          ],
          oauth_external_access_token: ["string", "OS", "An access token already obtained from the identity provider."],
          oauth_external_client_id: ["string", "O", "OAuth client ID at the identity provider."],
          oauth_external_client_secret: ["string", "OS", "OAuth client secret at the identity provider."],
          oauth_external_token_scope: ["string", "O", "OAuth scope to request (needed for Microsoft Entra ID)."],
          oauth_sts_token_expired_in_seconds: [
            "string",
            "O",
            "Lifetime, in seconds, of the Confluent Cloud STS token.",
          ],
        },
      },
    },
  },

  resources: {
    confluent_environment: {
      version: 0,
      description: "A Confluent Cloud environment.",
      attributes: {
        display_name: ["string", "R", "Human-readable name of the environment."],
        resource_name: ["string", "C", "Confluent Resource Name (CRN) of the environment."],
      },
      blocks: {
        stream_governance: {
          nesting: "list",
          flags: "O",
          max: 1,
          description: "Stream Governance settings of the environment.",
          attributes: { package: ["string", "R", "Stream Governance package: `ESSENTIALS` or `ADVANCED`."] },
        },
      },
    },

    confluent_kafka_cluster: {
      version: 1,
      description:
        "A Kafka cluster in Confluent Cloud. Exactly one of `basic`, `standard`, `enterprise`, `freight` and `dedicated` must be set.",
      timeouts: ["create", "update"],
      attributes: {
        display_name: ["string", "R", "Human-readable name of the cluster."],
        availability: [
          "string",
          "R",
          "Availability: `SINGLE_ZONE`, `MULTI_ZONE`, `LOW` or `HIGH`. Changing it replaces the cluster.",
        ],
        cloud: ["string", "R", "Cloud provider: `AWS`, `AZURE` or `GCP`. Changing it replaces the cluster."],
        region: ["string", "R", "Cloud region, e.g. `us-east-1`. Changing it replaces the cluster."],
        deletion_protection: ["bool", "O", "When true, the provider refuses to delete the cluster."],
        api_version: ["string", "C", "API group and version of the cluster object."],
        kind: ["string", "C", "Kind of the cluster object."],
        bootstrap_endpoint: [
          "string",
          "C",
          "Kafka bootstrap endpoint, e.g. `SASL_SSL://pkc-xxxxx.us-east-1.aws.confluent.cloud:9092`.",
        ],
        rest_endpoint: ["string", "C", "Kafka REST endpoint of the cluster."],
        rbac_crn: ["string", "C", "CRN of the cluster, used as the prefix of role-binding CRN patterns."],
        endpoints: [
          [
            "list",
            [
              "object",
              {
                access_point_id: "string",
                bootstrap_endpoint: "string",
                connection_type: "string",
                rest_endpoint: "string",
              },
            ],
          ],
          "C",
          "Endpoints of the cluster per access point.",
        ],
      },
      blocks: {
        environment: environmentBlock,
        network: idBlock("O", "Private network the cluster is attached to.", "ID of the network, e.g. `n-abc123`."),
        basic: {
          nesting: "list",
          flags: "O",
          description: "Selects the Basic cluster type.",
          attributes: { max_ecku: ["number", "OC", "Upper limit of elastic CKUs."] },
        },
        standard: {
          nesting: "list",
          flags: "O",
          description: "Selects the Standard cluster type.",
          attributes: { max_ecku: ["number", "OC", "Upper limit of elastic CKUs."] },
        },
        enterprise: {
          nesting: "list",
          flags: "O",
          description: "Selects the Enterprise cluster type.",
          attributes: { max_ecku: ["number", "OC", "Upper limit of elastic CKUs."] },
        },
        freight: {
          nesting: "list",
          flags: "O",
          description: "Selects the Freight cluster type (AWS only).",
          attributes: {
            max_ecku: ["number", "OC", "Upper limit of elastic CKUs."],
            zones: [["list", "string"], "C", "Availability zones the cluster runs in."],
          },
        },
        dedicated: {
          nesting: "list",
          flags: "O",
          max: 1,
          description: "Selects the Dedicated cluster type.",
          attributes: {
            cku: ["number", "R", "Number of Confluent Kafka Units, at least 1 (at least 2 for multi-zone)."],
            encryption_key: ["string", "OC", "Customer-managed key used to encrypt data at rest."],
            zones: [["list", "string"], "C", "Availability zones the cluster runs in."],
          },
        },
        byok_key: idBlock("O", "Self-managed encryption key of the cluster.", "ID of the key, e.g. `cck-abc123`."),
      },
    },

    confluent_service_account: {
      version: 0,
      description: "A service account, the identity applications authenticate as.",
      attributes: {
        display_name: ["string", "R", "Unique name of the service account."],
        description: ["string", "OC", "Free-text description of the service account."],
        api_version: ["string", "C", "API group and version of the service account object."],
        kind: ["string", "C", "Kind of the service account object."],
      },
    },

    confluent_api_key: {
      version: 0,
      description: "An API key. Without `managed_resource` it is a Cloud API key.",
      attributes: {
        display_name: ["string", "O", "Human-readable name of the key."],
        description: ["string", "O", "Free-text description of the key."],
        disable_wait_for_ready: ["bool", "O", "Skip waiting until the key can be used."],
        secret: ["string", "CS", "Secret of the key."],
      },
      blocks: {
        owner: {
          nesting: "list",
          flags: "R",
          max: 1,
          description: "Service account or user that owns the key.",
          attributes: {
            id: ["string", "R", "ID of the owner, e.g. `sa-abc123`."],
            api_version: ["string", "R", "API version of the owner, `iam/v2`."],
            kind: ["string", "R", "Kind of the owner: `ServiceAccount` or `User`."],
          },
        },
        managed_resource: {
          nesting: "list",
          flags: "O",
          max: 1,
          description: "Resource the key grants access to, e.g. a Kafka or Schema Registry cluster.",
          attributes: {
            id: ["string", "R", "ID of the resource, e.g. `lkc-abc123`."],
            api_version: ["string", "R", "API version of the resource, e.g. `cmk/v2` or `srcm/v3`."],
            kind: ["string", "R", "Kind of the resource, e.g. `Cluster`."],
          },
          blocks: {
            environment: {
              nesting: "list",
              flags: "O",
              description: "Environment that contains the resource.",
              attributes: { id: ["string", "R", "ID of the environment, e.g. `env-abc123`."] },
            },
          },
        },
      },
    },

    confluent_role_binding: {
      version: 0,
      description: "Grants a role to a principal on the resources matched by a CRN pattern.",
      attributes: {
        principal: ["string", "R", "Principal receiving the role, e.g. `User:sa-abc123`."],
        role_name: ["string", "R", "Role to grant, e.g. `CloudClusterAdmin` or `DeveloperRead`."],
        crn_pattern: ["string", "R", "CRN pattern of the resources the role applies to."],
        disable_wait_for_ready: ["bool", "O", "Skip waiting until the binding takes effect."],
      },
    },

    confluent_kafka_topic: {
      version: 2,
      description: "A Kafka topic in a Confluent Cloud cluster.",
      attributes: {
        topic_name: ["string", "R", "Name of the topic. Changing it replaces the topic."],
        partitions_count: ["number", "O", "Number of partitions (the provider default is 6). It can only grow."],
        rest_endpoint: [
          "string",
          "O",
          "REST endpoint of the Kafka cluster. Omit it when the provider block sets `kafka_rest_endpoint`.",
        ],
        config: [["map", "string"], "OC", "Topic-level configuration overrides, e.g. `retention.ms`."],
      },
      blocks: {
        kafka_cluster: kafkaClusterOptional,
        credentials: credentialsBlock("Kafka REST API"),
      },
    },

    confluent_kafka_acl: {
      version: 2,
      description: "A Kafka ACL. Every argument forces a replacement when changed.",
      attributes: {
        resource_type: ["string", "R", "Resource type, e.g. `TOPIC`, `GROUP`, `CLUSTER` or `TRANSACTIONAL_ID`."],
        resource_name: ["string", "R", "Resource name or prefix; `kafka-cluster` for `CLUSTER`."],
        pattern_type: ["string", "R", "Pattern type: `LITERAL` or `PREFIXED`."],
        principal: ["string", "R", "Principal, e.g. `User:sa-abc123`."],
        host: ["string", "R", "Host the ACL applies to, usually `*`."],
        operation: ["string", "R", "Operation, e.g. `READ`, `WRITE`, `DESCRIBE` or `IDEMPOTENT_WRITE`."],
        permission: ["string", "R", "`ALLOW` or `DENY`."],
        rest_endpoint: [
          "string",
          "O",
          "REST endpoint of the Kafka cluster. Omit it when the provider block sets `kafka_rest_endpoint`.",
        ],
      },
      blocks: {
        kafka_cluster: kafkaClusterOptional,
        credentials: credentialsBlock("Kafka REST API"),
      },
    },

    confluent_kafka_client_quota: {
      version: 0,
      description: "A client quota on a Dedicated Kafka cluster.",
      attributes: {
        display_name: ["string", "R", "Human-readable name of the quota."],
        description: ["string", "OC", "Free-text description of the quota."],
        principals: [["set", "string"], "R", "Service accounts the quota applies to, or `<default>`."],
      },
      blocks: {
        throughput: {
          nesting: "list",
          flags: "R",
          max: 1,
          description: "Throughput limits of the quota.",
          attributes: {
            ingress_byte_rate: ["string", "R", "Ingress limit in bytes per second, as a string."],
            egress_byte_rate: ["string", "R", "Egress limit in bytes per second, as a string."],
          },
        },
        kafka_cluster: kafkaClusterRequired,
        environment: environmentBlock,
      },
    },

    confluent_connector: {
      version: 0,
      description: "A fully managed Kafka Connect connector.",
      timeouts: ["create"],
      attributes: {
        config_nonsensitive: [
          ["map", "string"],
          "R",
          "Non-secret connector configuration, including `connector.class` and `name`.",
        ],
        config_sensitive: [["map", "string"], "OCS", "Secret connector configuration, e.g. passwords."],
        status: ["string", "OC", "Desired status; only `RUNNING` and `PAUSED` can be switched between."],
      },
      blocks: {
        environment: environmentBlock,
        kafka_cluster: kafkaClusterRequired,
        offsets: {
          nesting: "set",
          flags: "O",
          description: "Source or sink offsets to set on the connector.",
          attributes: {
            partition: [["map", "string"], "R", "Partition the offset belongs to."],
            offset: [["map", "string"], "R", "Offset value."],
          },
        },
      },
    },

    confluent_cluster_link: {
      version: 0,
      description: "A cluster link between two Kafka clusters.",
      attributes: {
        link_name: ["string", "R", "Name of the link."],
        link_mode: ["string", "O", "`DESTINATION` (default), `SOURCE` or `BIDIRECTIONAL`."],
        connection_mode: ["string", "O", "`OUTBOUND` (default) or `INBOUND`."],
        cluster_link_id: ["string", "C", "Identifier assigned to the link."],
        config: [["map", "string"], "OC", "Cluster link configuration settings."],
      },
      blocks: {
        source_kafka_cluster: linkedClusterBlock("source"),
        destination_kafka_cluster: linkedClusterBlock("destination"),
        local_kafka_cluster: linkedClusterBlock("local (bidirectional mode)"),
        remote_kafka_cluster: linkedClusterBlock("remote (bidirectional mode)"),
      },
    },

    confluent_kafka_mirror_topic: {
      version: 0,
      description: "A mirror topic fed by a cluster link.",
      attributes: {
        mirror_topic_name: [
          "string",
          "OC",
          "Name of the mirror topic; needed only when the cluster link adds a topic-name prefix.",
        ],
        status: ["string", "OC", "Status: `ACTIVE`, `PAUSED`, `FAILED_OVER` or `PROMOTED`."],
      },
      blocks: {
        source_kafka_topic: {
          nesting: "list",
          flags: "R",
          max: 1,
          description: "Topic mirrored from the source cluster.",
          attributes: { topic_name: ["string", "R", "Name of the source topic."] },
        },
        cluster_link: {
          nesting: "list",
          flags: "R",
          max: 1,
          description: "Cluster link the mirror topic uses.",
          attributes: { link_name: ["string", "R", "Name of the cluster link."] },
        },
        kafka_cluster: {
          nesting: "list",
          flags: "R",
          max: 1,
          description: "Destination Kafka cluster that holds the mirror topic.",
          attributes: {
            id: ["string", "R", "ID of the Kafka cluster, e.g. `lkc-abc123`."],
            rest_endpoint: ["string", "O", "REST endpoint of the cluster."],
          },
          blocks: { credentials: credentialsBlock("Kafka REST API") },
        },
      },
    },

    confluent_schema: {
      version: 0,
      description: "A schema registered under a subject in Schema Registry.",
      attributes: {
        subject_name: ["string", "R", "Subject the schema is registered under."],
        format: ["string", "R", "`AVRO`, `JSON` or `PROTOBUF`."],
        schema: ["string", "OC", "Schema definition."],
        rest_endpoint: ["string", "O", "Schema Registry REST endpoint. Omit it when the provider block sets it."],
        version: ["number", "C", "Version of the schema under the subject."],
        schema_identifier: ["number", "C", "Globally unique ID of the schema."],
        hard_delete: ["bool", "O", "Delete permanently instead of soft-deleting."],
        recreate_on_update: [
          "bool",
          "O",
          "Replace the resource on every schema change, so that each version is its own resource instance.",
        ],
        skip_validation_during_plan: ["bool", "O", "Skip the compatibility check while planning."],
      },
      blocks: {
        schema_registry_cluster: idBlock(
          "O",
          "Schema Registry cluster holding the schema. Omit it when the provider block sets `schema_registry_id`.",
          "ID of the Schema Registry cluster, e.g. `lsrc-abc123`.",
        ),
        credentials: credentialsBlock("Schema Registry REST API"),
        schema_reference: {
          nesting: "set",
          flags: "O",
          description: "Other schemas this schema refers to.",
          attributes: {
            name: ["string", "R", "Name under which the reference is used in the schema."],
            subject_name: ["string", "R", "Subject of the referenced schema."],
            version: ["number", "R", "Version of the referenced schema."],
          },
        },
        metadata: {
          nesting: "list",
          flags: "O",
          max: 1,
          description: "Metadata attached to the schema.",
          attributes: {
            properties: [["map", "string"], "OC", "Free-form key/value properties."],
            sensitive: [["set", "string"], "OC", "Names of fields that hold sensitive data."],
          },
          blocks: {
            tags: {
              nesting: "set",
              flags: "O",
              description: "Tags attached to schema fields.",
              attributes: {
                key: ["string", "OC", "Path of the tagged field."],
                value: [["set", "string"], "OC", "Tags of the field."],
              },
            },
          },
        },
        ruleset: {
          nesting: "list",
          flags: "O",
          max: 1,
          description: "Data contract rules of the schema.",
          blocks: {
            domain_rules: schemaRulesBlock("Domain"),
            migration_rules: schemaRulesBlock("Migration"),
            encoding_rules: schemaRulesBlock("Encoding"),
          },
        },
      },
    },

    confluent_subject_config: {
      version: 0,
      description:
        "Subject-level configuration in Schema Registry: the compatibility level checked when a new schema version is registered under the subject.",
      attributes: {
        subject_name: ["string", "R", "Subject the configuration applies to, e.g. `orders.created-value`."],
        compatibility_level: [
          "string",
          "OC",
          "`BACKWARD`, `BACKWARD_TRANSITIVE`, `FORWARD`, `FORWARD_TRANSITIVE`, `FULL`, `FULL_TRANSITIVE` or `NONE`.",
        ],
        compatibility_group: [
          "string",
          "OC",
          "Metadata property whose value groups schema versions for compatibility checks.",
        ],
        normalize: ["bool", "OC", "Normalize schemas when they are registered or looked up under the subject."],
        alias: ["string", "OC", "Subject this subject is an alias for; references to it resolve to that subject."],
        rest_endpoint: ["string", "O", "Schema Registry REST endpoint. Omit it when the provider block sets it."],
      },
      blocks: {
        schema_registry_cluster: idBlock(
          "O",
          "Schema Registry cluster holding the subject. Omit it when the provider block sets `schema_registry_id`.",
          "ID of the Schema Registry cluster, e.g. `lsrc-abc123`.",
        ),
        credentials: credentialsBlock("Schema Registry REST API"),
      },
    },

    confluent_network: {
      version: 0,
      description: "A private network (peering, transit gateway or Private Link) in Confluent Cloud.",
      timeouts: ["create", "delete"],
      attributes: {
        display_name: ["string", "OC", "Human-readable name of the network."],
        cloud: ["string", "R", "Cloud provider: `AWS`, `AZURE` or `GCP`."],
        region: ["string", "R", "Cloud region of the network."],
        connection_types: [
          ["list", "string"],
          "R",
          "Connection types: `PEERING`, `TRANSITGATEWAY` and/or `PRIVATELINK`.",
        ],
        cidr: ["string", "OC", "IPv4 /16 CIDR block of the network."],
        reserved_cidr: ["string", "OC", "IPv4 /24 CIDR block reserved for the network."],
        zones: [["list", "string"], "OC", "Availability zones of the network."],
        resource_name: ["string", "C", "CRN of the network."],
        dns_domain: ["string", "C", "Root DNS domain of the network."],
        endpoint_suffix: ["string", "C", "Suffix of the endpoints of clusters in the network."],
        zonal_subdomains: [["map", "string"], "C", "DNS subdomain per availability zone."],
        gateway: [["list", ["object", { id: "string" }]], "C", "Gateway of the network."],
      },
      blocks: {
        environment: environmentBlock,
        dns_config: {
          nesting: "list",
          flags: "O",
          max: 1,
          description: "DNS settings of a Private Link network.",
          attributes: { resolution: ["string", "R", "`CHASED_PRIVATE` or `PRIVATE`."] },
        },
        zone_info: {
          nesting: "list",
          flags: "O",
          description: "CIDR block per availability zone.",
          attributes: {
            zone_id: ["string", "OC", "Availability zone ID."],
            cidr: ["string", "OC", "IPv4 CIDR block for the zone."],
          },
        },
        aws: {
          nesting: "list",
          flags: "O",
          description: "AWS details of the network, filled in by Confluent Cloud.",
          attributes: {
            vpc: ["string", "C", "VPC ID of the network."],
            account: ["string", "C", "AWS account ID of the network."],
            private_link_endpoint_service: ["string", "C", "Endpoint service name for Private Link."],
          },
        },
        azure: {
          nesting: "list",
          flags: "O",
          description: "Azure details of the network, filled in by Confluent Cloud.",
          attributes: {
            private_link_service_aliases: [["map", "string"], "C", "Private Link service alias per zone."],
          },
        },
        gcp: {
          nesting: "list",
          flags: "O",
          description: "Google Cloud details of the network, filled in by Confluent Cloud.",
          attributes: {
            project: ["string", "C", "Google Cloud project ID of the network."],
            vpc_network: ["string", "C", "VPC network name."],
            private_service_connect_service_attachments: [
              ["map", "string"],
              "C",
              "Private Service Connect attachment per zone.",
            ],
          },
        },
      },
    },

    confluent_private_link_access: {
      version: 0,
      description:
        "Allows a cloud account to connect to a Private Link network. Set exactly one of `aws`, `azure` and `gcp`.",
      timeouts: ["create", "delete"],
      attributes: {
        display_name: ["string", "OC", "Human-readable name of the access."],
      },
      blocks: {
        environment: environmentBlock,
        network: idBlock("R", "Network the access applies to.", "ID of the network, e.g. `n-abc123`."),
        aws: {
          nesting: "list",
          flags: "O",
          max: 1,
          description: "AWS account allowed to connect.",
          attributes: { account: ["string", "R", "12-digit AWS account ID."] },
        },
        azure: {
          nesting: "list",
          flags: "O",
          max: 1,
          description: "Azure subscription allowed to connect.",
          attributes: { subscription: ["string", "R", "Azure subscription ID."] },
        },
        gcp: {
          nesting: "list",
          flags: "O",
          max: 1,
          description: "Google Cloud project allowed to connect.",
          attributes: { project: ["string", "R", "Google Cloud project ID."] },
        },
      },
    },
  },

  dataSources: {
    confluent_schema_registry_cluster: {
      version: 0,
      description: "Looks up the Schema Registry cluster of an environment.",
      attributes: {
        id: ["string", "OC", "ID of the Schema Registry cluster, e.g. `lsrc-abc123`."],
        display_name: ["string", "OC", "Name of the Schema Registry cluster."],
        api_version: ["string", "C", "API group and version of the cluster object."],
        kind: ["string", "C", "Kind of the cluster object."],
        package: ["string", "C", "Stream Governance package of the cluster."],
        cloud: ["string", "C", "Cloud provider of the cluster."],
        region: ["string", "C", "Cloud region of the cluster."],
        rest_endpoint: ["string", "C", "Public REST endpoint of the cluster."],
        private_rest_endpoint: ["string", "CD", "Private REST endpoint of the cluster (deprecated)."],
        private_regional_rest_endpoints: [["map", "string"], "C", "Private regional REST endpoints, per network."],
        catalog_endpoint: ["string", "C", "Stream Catalog endpoint of the cluster."],
        resource_name: ["string", "C", "CRN of the cluster."],
      },
      blocks: {
        environment: environmentBlock,
      },
    },
  },
};
