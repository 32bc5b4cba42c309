/**
 * Schema registries that connectors serialize through, with a compatibility mode on every subject.
 *
 * - AWS: {@link GlueSchemaRegistry} (`aws_glue_registry`, optional `aws_glue_schema`s) and the AWS
 *   Glue Schema Registry Avro converter, which registers each topic's value schema under the topic's
 *   name with the standard's compatibility (awslabs/aws-glue-schema-registry
 *   `AWSSchemaRegistryConstants`, `AWSSchemaNamingStrategy`).
 * - Confluent Cloud: {@link ConfluentSchemaRegistry}: the environment's Schema Registry (data source
 *   `confluent_schema_registry_cluster`), a `confluent_subject_config` per subject, managed by the
 *   cluster's manager service account through its own Schema Registry API key.
 */
import { Construct } from "constructs";
import { Fn } from "cdktf";
import { GlueRegistry } from "@cdktf/provider-aws/lib/glue-registry";
import { GlueSchema } from "@cdktf/provider-aws/lib/glue-schema";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { ApiKey } from "../providers/confluent/api-key";
import { DataConfluentSchemaRegistryCluster } from "../providers/confluent/data-confluent-schema-registry-cluster";
import { RoleBinding } from "../providers/confluent/role-binding";
import { SubjectConfig } from "../providers/confluent/subject-config";
import { recordMetadata, standardTags } from "../core/resource-metadata";
import { failWith } from "../errors";
import {
  CONNECT_CONVERTERS,
  SCHEMA_COMPATIBILITIES,
  SCHEMA_COMPATIBILITY_STANDARD,
  SchemaCompatibility,
  glueCompatibility,
} from "../standards/connect";
import { CONFLUENT_API_KEY_REFS } from "../standards/confluent";
import { TIER_POLICIES } from "../standards/tiers";
import type { ConfluentCluster } from "../confluent/confluent-cluster";
import { ConnectBackend, ConverterSettings } from "./connector-definition";

/** A registry a connector serializes through. */
export interface ISchemaRegistry {
  /** `glue` (AWS) or `confluent` (Confluent Cloud). */
  readonly kind: "glue" | "confluent";
  /** Converter settings for a connector on a backend. */
  converters(backend: ConnectBackend, path: string): ConverterSettings;
  /**
   * Declares the subjects of a topic's records with a compatibility mode (idempotent per topic).
   * @returns the subject names
   */
  addTopicSubjects(topicName: string, options?: SubjectOptions): readonly string[];
}

/** Options of a topic's subjects. */
export interface SubjectOptions {
  /**
   * Compatibility mode. NONE needs `reason`.
   * @default "BACKWARD" (SCHEMA_COMPATIBILITY_STANDARD)
   */
  readonly compatibility?: SchemaCompatibility;
  /** Why compatibility checks are off (NONE), at least 10 characters. */
  readonly reason?: string;
  /**
   * Avro schema of the record values, registered up front (Glue needs a definition to create a schema).
   * @default - the converter registers the first schema it sees
   */
  readonly valueSchema?: string;
}

function checkCompatibility(options: SubjectOptions | undefined, path: string): SchemaCompatibility {
  const c = options?.compatibility ?? SCHEMA_COMPATIBILITY_STANDARD.cdc;
  if (!SCHEMA_COMPATIBILITIES.includes(c)) {
    failWith(
      "KSE-CONN-014",
      "compatibility",
      c,
      SCHEMA_COMPATIBILITIES.join(", "),
      "Use BACKWARD, the standard for change streams.",
      path,
    );
  }
  if (c === "NONE" && (typeof options?.reason !== "string" || options.reason.trim().length < 10)) {
    failWith(
      "KSE-CONN-014",
      "reason",
      options?.reason,
      "a reason of at least 10 characters for compatibility NONE",
      "Keep BACKWARD, or say why producers may break consumers.",
      path,
    );
  }
  return c;
}

/** Properties of a {@link GlueSchemaRegistry}. */
export interface GlueSchemaRegistryProps {
  /** Registry name (1–255 of letters, digits, `-`, `_`, `$`, `#`, `.`). */
  readonly registryName: string;
  /** Tier, for tags and metadata. */
  readonly tier: "dev" | "staging" | "prod";
  /**
   * Compatibility the converter gives schemas it registers.
   * @default "BACKWARD"
   */
  readonly compatibility?: SchemaCompatibility;
  /** Tags. @default - the standard tags */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An AWS Glue Schema Registry for MSK connectors. Values are Avro, registered by the converter under
 * the topic's name with the standard's compatibility; keys are schemaless JSON (Glue's default
 * naming gives keys and values the same schema name, so keys stay out of the registry). Topics
 * given a value schema get an `aws_glue_schema` with an explicit compatibility.
 *
 * The connectors' plugins must contain the converter (`software.amazon.glue:schema-registry-kafkaconnect-converter`).
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/schema-registry-integrations.html
 * @example
 * import { GlueSchemaRegistry } from "cdktf-kafka-standards";
 *
 * // Subjects with BACKWARD compatibility by default; connectors given it use the Glue converters:
 * new GlueSchemaRegistry(stack, "Registry", { registryName: "sales-prod", tier: "prod" });
 */
export class GlueSchemaRegistry extends Construct implements ISchemaRegistry {
  /** Kind. */
  public readonly kind = "glue" as const;
  /** The registry. */
  public readonly registry: GlueRegistry;
  /** Schemas created up front, by topic. */
  public readonly schemas = new Map<string, GlueSchema>();
  /** Registry name. */
  public readonly registryName: string;
  private readonly compatibility: SchemaCompatibility;
  private readonly region: string;
  private readonly props: GlueSchemaRegistryProps;
  private readonly subjects = new Map<string, SchemaCompatibility>();

  constructor(scope: Construct, id: string, props: GlueSchemaRegistryProps) {
    super(scope, id);
    if (typeof props?.registryName !== "string" || !/^[A-Za-z0-9_$#.-]{1,255}$/.test(props.registryName)) {
      failWith(
        "KSE-CONN-013",
        "registryName",
        props?.registryName,
        "1–255 letters, digits, '-', '_', '$', '#' or '.'",
        'Name the registry, e.g. "sales-prod".',
        this.node.path,
      );
    }
    this.props = props;
    this.registryName = props.registryName;
    this.compatibility = checkCompatibility({ compatibility: props.compatibility }, this.node.path);
    this.registry = new GlueRegistry(this, "Registry", {
      registryName: props.registryName,
      description: `Schemas of the Kafka topics of ${props.registryName} (cdktf-kafka-standards)`,
      tags: standardTags({ tier: props.tier, tags: props.tags }),
    });
    recordMetadata(this.registry, { tier: props.tier, construct: "GlueSchemaRegistry" });
    this.region = new DataAwsRegion(this, "Region").region;
  }

  /** ARN of the registry. */
  public get registryArn(): string {
    return this.registry.arn;
  }

  /** ARN pattern of every schema of the registry (`…:schema/<registry>/*`). */
  public get schemaArnPattern(): string {
    return `${Fn.replace(this.registry.arn, ":registry/", ":schema/")}/*`;
  }

  public converters(backend: ConnectBackend, path: string): ConverterSettings {
    if (backend !== "msk") {
      failWith(
        "KSE-CONN-013",
        "schemaRegistry",
        "glue",
        "a ConfluentSchemaRegistry for Confluent Cloud connectors",
        "Bind the environment's Schema Registry with new ConfluentSchemaRegistry(...).",
        path,
      );
    }
    const v = "value.converter.";
    return {
      format: "schema-registry",
      managedDataFormat: "AVRO",
      converterConfig: {
        "key.converter": CONNECT_CONVERTERS.json,
        "key.converter.schemas.enable": "false",
        "value.converter": CONNECT_CONVERTERS.glueAvro,
        [`${v}region`]: this.region,
        [`${v}registry.name`]: this.registryName,
        [`${v}schemaAutoRegistrationEnabled`]: "true",
        [`${v}avroRecordType`]: "GENERIC_RECORD",
        [`${v}compatibility`]: glueCompatibility(this.compatibility),
      },
    };
  }

  public addTopicSubjects(topicName: string, options?: SubjectOptions): readonly string[] {
    const compatibility = checkCompatibility(options ?? { compatibility: this.compatibility }, this.node.path);
    if (!this.subjects.has(topicName)) {
      this.subjects.set(topicName, compatibility);
      if (options?.valueSchema !== undefined) {
        const schema = new GlueSchema(this, `Schema-${topicName.replace(/[^A-Za-z0-9]/g, "_")}`, {
          schemaName: topicName,
          registryArn: this.registry.arn,
          dataFormat: "AVRO",
          compatibility: glueCompatibility(compatibility),
          schemaDefinition: options.valueSchema,
          description: `Values of topic ${topicName}`,
          tags: standardTags({ tier: this.props.tier, tags: this.props.tags }),
        });
        recordMetadata(schema, { tier: this.props.tier, construct: "GlueSchemaRegistry", topic: topicName });
        this.schemas.set(topicName, schema);
      }
    }
    return [topicName];
  }

  /** Compatibility per subject declared so far. */
  public get subjectCompatibility(): ReadonlyMap<string, SchemaCompatibility> {
    return this.subjects;
  }
}

/** Properties of a {@link ConfluentSchemaRegistry}. */
export interface ConfluentSchemaRegistryProps {
  /** The cluster whose environment's Schema Registry is used; its manager account manages the subjects. */
  readonly cluster: ConfluentCluster;
  /**
   * Default compatibility of the subjects.
   * @default "BACKWARD"
   */
  readonly compatibility?: SchemaCompatibility;
}

/**
 * The Schema Registry of a Confluent Cloud environment (Stream Governance), with a
 * `confluent_subject_config` per subject holding the standard's compatibility. The cluster's
 * manager service account gets a Schema Registry API key and `ResourceOwner` on exactly the
 * subjects it configures; managed connectors write and read Avro through the registry.
 *
 * @see https://registry.terraform.io/providers/confluentinc/confluent/latest/docs/resources/confluent_subject_config
 * @example
 * import { ConfluentSchemaRegistry } from "cdktf-kafka-standards";
 *
 * // The environment's Schema Registry, with the standard's compatibility mode per subject:
 * new ConfluentSchemaRegistry(stack, "Registry", { cluster: confluentCluster });
 */
export class ConfluentSchemaRegistry extends Construct implements ISchemaRegistry {
  /** Kind. */
  public readonly kind = "confluent" as const;
  /** The environment's Schema Registry cluster. */
  public readonly registry: DataConfluentSchemaRegistryCluster;
  /** The manager's Schema Registry API key. */
  public readonly apiKey: ApiKey;
  /** Subject configurations, by subject. */
  public readonly subjectConfigs = new Map<string, SubjectConfig>();
  private readonly cluster: ConfluentCluster;
  private readonly compatibility: SchemaCompatibility;
  private readonly subjectBindings = new Map<string, RoleBinding>();

  constructor(scope: Construct, id: string, props: ConfluentSchemaRegistryProps) {
    super(scope, id);
    if (typeof props?.cluster !== "object" || props.cluster === null || props.cluster.backend !== "confluent") {
      failWith(
        "KSE-CONN-013",
        "cluster",
        props?.cluster,
        "a ConfluentCluster",
        "Pass the Confluent cluster whose environment holds the registry.",
        this.node.path,
      );
    }
    this.cluster = props.cluster;
    this.compatibility = checkCompatibility({ compatibility: props.compatibility }, this.node.path);
    const meta = { tier: this.cluster.tier, construct: "ConfluentSchemaRegistry", cluster: this.cluster.clusterName };
    this.registry = new DataConfluentSchemaRegistryCluster(this, "Registry", {
      environment: { id: this.cluster.environmentId },
    });
    this.apiKey = new ApiKey(this, "ApiKey", {
      displayName: `${this.cluster.clusterName}-manager-schema-registry`,
      description: `Schema Registry API key of the manager of ${this.cluster.clusterName}: subject compatibility`,
      owner: {
        id: this.cluster.manager.serviceAccountId,
        kind: CONFLUENT_API_KEY_REFS.owner.kind,
        apiVersion: CONFLUENT_API_KEY_REFS.owner.apiVersion,
      },
      managedResource: {
        id: this.registry.id,
        apiVersion: this.registry.apiVersion,
        kind: this.registry.kind,
        environment: [{ id: this.cluster.environmentId }],
      },
      lifecycle: { preventDestroy: TIER_POLICIES[this.cluster.tier].preventDestroy },
    });
    recordMetadata(this.apiKey, meta);
  }

  /** CRN pattern of a subject (`<registry resource_name>/subject=<subject>`). */
  public subjectCrn(subject: string): string {
    return `${this.registry.resourceName}/subject=${subject}`;
  }

  public converters(backend: ConnectBackend, path: string): ConverterSettings {
    if (backend !== "confluent") {
      failWith(
        "KSE-CONN-013",
        "schemaRegistry",
        "confluent",
        "a GlueSchemaRegistry for MSK Connect connectors",
        "Bind an AWS Glue Schema Registry with new GlueSchemaRegistry(...).",
        path,
      );
    }
    return { format: "schema-registry", managedDataFormat: "AVRO", converterConfig: {} };
  }

  public addTopicSubjects(topicName: string, options?: SubjectOptions): readonly string[] {
    const compatibility = checkCompatibility(options ?? { compatibility: this.compatibility }, this.node.path);
    const subjects = [`${topicName}-key`, `${topicName}-value`];
    for (const subject of subjects) {
      if (this.subjectConfigs.has(subject)) continue;
      const safe = subject.replace(/[^A-Za-z0-9]/g, "_");
      const owner = new RoleBinding(this, `Owner-${safe}`, {
        principal: this.cluster.manager.principal,
        roleName: "ResourceOwner",
        crnPattern: this.subjectCrn(subject),
      });
      recordMetadata(owner, { tier: this.cluster.tier, construct: "ConfluentSchemaRegistry" });
      this.subjectBindings.set(subject, owner);
      const config = new SubjectConfig(this, `Subject-${safe}`, {
        subjectName: subject,
        compatibilityLevel: compatibility,
        schemaRegistryCluster: { id: this.registry.id },
        restEndpoint: this.registry.restEndpoint,
        credentials: { key: this.apiKey.id, secret: this.apiKey.secret },
        dependsOn: [owner],
      });
      recordMetadata(config, { tier: this.cluster.tier, construct: "ConfluentSchemaRegistry", topic: topicName });
      this.subjectConfigs.set(subject, config);
    }
    return subjects;
  }

  /**
   * Lets a connector's service account write (source) or read (sink) the subjects of a topic.
   * @param principal `User:sa-…` of the connector
   */
  public grant(scope: Construct, principal: string, topicName: string, write: boolean): RoleBinding[] {
    return [`${topicName}-key`, `${topicName}-value`].map((subject) => {
      const binding = new RoleBinding(
        scope,
        `Schema-${write ? "Write" : "Read"}-${subject.replace(/[^A-Za-z0-9]/g, "_")}`,
        {
          principal,
          roleName: write ? "DeveloperWrite" : "DeveloperRead",
          crnPattern: this.subjectCrn(subject),
        },
      );
      recordMetadata(binding, { tier: this.cluster.tier, construct: "ConfluentConnector" });
      return binding;
    });
  }
}
