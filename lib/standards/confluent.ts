/**
 * Confluent Cloud: cluster types and their limits, what each tier allows, networking per cluster
 * type and cloud, RBAC role names and the id formats the library checks.
 *
 * Constructs read these values for their defaults and checks, audit rules and docs read the same
 * data, so the three can never disagree. No cdktf import here: this is data.
 *
 * Sources (one stored version each; Confluent revises these pages):
 * - [types] docs.confluent.io/cloud/current/clusters/cluster-types.html ("Cluster limit comparison").
 * - [net] docs.confluent.io/cloud/current/networking/overview.html.
 * - [tf] confluentinc/terraform-provider-confluent v2.83.4: `internal/provider/resource_kafka_cluster.go`,
 *   `docs/resources/confluent_kafka_cluster.md`, `confluent_network.md`, `confluent_api_key.md`,
 *   `confluent_role_binding.md`, `confluent_environment.md`.
 * - [rbac] docs.confluent.io/cloud/current/access-management/access-control/rbac/predefined-rbac-roles.html.
 */
import type { EnvironmentTier } from "./tiers";

/** Cloud providers Confluent Cloud runs on (`cloud` of `confluent_kafka_cluster`, [tf]). */
export type ConfluentCloud = "AWS" | "AZURE" | "GCP";

/** Every cloud, in the provider's order. */
export const CONFLUENT_CLOUDS: readonly ConfluentCloud[] = Object.freeze(["AWS", "AZURE", "GCP"]);

/** Shape of a region name per cloud, with an example for error messages. */
export interface RegionFormat {
  /** Region names of the cloud match this pattern. */
  readonly pattern: RegExp;
  /** A valid region, shown in messages. */
  readonly example: string;
}

/**
 * Region name formats. AWS: `us-east-1`, `us-gov-west-1`; GCP: `europe-west3`,
 * `northamerica-northeast1`; Azure: lower-case words without separators, `westeurope`, `eastus2`.
 * Shapes only: whether Confluent offers a region is checked by the service at apply time.
 */
export const CONFLUENT_REGION_FORMATS: Readonly<Record<ConfluentCloud, RegionFormat>> = Object.freeze({
  AWS: Object.freeze({ pattern: /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/, example: "eu-central-1" }),
  GCP: Object.freeze({ pattern: /^[a-z]+-[a-z]+\d{1,2}$/, example: "europe-west3" }),
  AZURE: Object.freeze({ pattern: /^[a-z]+\d?$/, example: "westeurope" }),
});

/** Kafka cluster types the library builds (the provider's `freight` type is not offered yet). */
export type ConfluentClusterKind = "basic" | "standard" | "enterprise" | "dedicated";

/** Every cluster type, smallest first. */
export const CONFLUENT_CLUSTER_KINDS: readonly ConfluentClusterKind[] = Object.freeze([
  "basic",
  "standard",
  "enterprise",
  "dedicated",
]);

/** Zone layout of a cluster. */
export type ConfluentAvailability = "SINGLE_ZONE" | "MULTI_ZONE";

/** Every availability. */
export const CONFLUENT_AVAILABILITIES: readonly ConfluentAvailability[] = Object.freeze(["SINGLE_ZONE", "MULTI_ZONE"]);

/**
 * How clients reach a cluster.
 * - `PUBLIC`: internet endpoints (TLS 1.2 and API-key authentication are always on, [net]).
 * - `PRIVATELINK`, `PEERING`, `TRANSITGATEWAY`: a `confluent_network` with that connection type (Dedicated).
 * - `EXISTING_NETWORK`: a `confluent_network` created elsewhere (Dedicated).
 * - `ENVIRONMENT_PRIVATE_ACCESS`: private access configured on the environment (PrivateLink
 *   attachment, ingress gateway or PNI): the cluster resource takes no network (Enterprise, [tf] examples).
 */
export type ConfluentNetworkingKind =
  | "PUBLIC"
  | "PRIVATELINK"
  | "PEERING"
  | "TRANSITGATEWAY"
  | "EXISTING_NETWORK"
  | "ENVIRONMENT_PRIVATE_ACCESS";

/** Networking kinds that keep the cluster off the internet. */
export const PRIVATE_NETWORKING_KINDS: readonly ConfluentNetworkingKind[] = Object.freeze([
  "PRIVATELINK",
  "PEERING",
  "TRANSITGATEWAY",
  "EXISTING_NETWORK",
  "ENVIRONMENT_PRIVATE_ACCESS",
]);

/** Connection types of a `confluent_network` ([tf] `confluent_network.md`). */
export type ConfluentConnectionType = "PRIVATELINK" | "PEERING" | "TRANSITGATEWAY";

/** Clouds on which each connection type exists ([net]: Transit Gateway is an AWS service). */
export const CONNECTION_TYPE_CLOUDS: Readonly<Record<ConfluentConnectionType, readonly ConfluentCloud[]>> =
  Object.freeze({
    PRIVATELINK: Object.freeze(["AWS", "AZURE", "GCP"] as ConfluentCloud[]),
    PEERING: Object.freeze(["AWS", "AZURE", "GCP"] as ConfluentCloud[]),
    TRANSITGATEWAY: Object.freeze(["AWS"] as ConfluentCloud[]),
  });

/** Published per-cluster limits ([types], one stored version; values marked `*` there are provisional). */
export interface ConfluentClusterLimits {
  /** Maximum ingress, MBps. */
  readonly ingressMBps: number;
  /** Maximum egress, MBps. */
  readonly egressMBps: number;
  /** Maximum storage before replication, TB; undefined is unlimited. */
  readonly storageTB?: number;
  /** Maximum partitions before replication (non-compacted). */
  readonly partitions: number;
}

/** What the standard knows about one cluster type. */
export interface ConfluentClusterTypeInfo {
  /** The type. */
  readonly kind: ConfluentClusterKind;
  /** What it is for. */
  readonly summary: string;
  /** Zone layouts the type offers. */
  readonly availabilities: readonly ConfluentAvailability[];
  /**
   * The provider value written for each availability. The provider accepts `SINGLE_ZONE`,
   * `MULTI_ZONE`, `LOW` and `HIGH` and treats SINGLE_ZONE/LOW and MULTI_ZONE/HIGH as equal; its
   * docs use LOW/HIGH for Enterprise and SINGLE_ZONE/MULTI_ZONE for the others ([tf]).
   */
  readonly providerAvailability: Readonly<Record<ConfluentAvailability, string>>;
  /** Networking kinds the type supports ([net]). */
  readonly networking: readonly ConfluentNetworkingKind[];
  /** Networking used when none is given; undefined means the caller must choose. */
  readonly defaultNetworking?: ConfluentNetworkingKind;
  /** RBAC inside Kafka (topic-scoped role bindings), OAuth and audit logs ([types]: not on Basic). */
  readonly rbacInKafka: boolean;
  /** Self-managed encryption keys (BYOK) ([types]: Dedicated only). */
  readonly byok: boolean;
  /** `elastic` (eCKU, `max_ecku`) or `fixed` (CKU, `cku`). */
  readonly scaling: "elastic" | "fixed";
  /** Published limits. */
  readonly limits: ConfluentClusterLimits;
}

/** Provider availability values for every type but Enterprise. */
const ZONE_VALUES = Object.freeze({ SINGLE_ZONE: "SINGLE_ZONE", MULTI_ZONE: "MULTI_ZONE" });

/**
 * The cluster types. Basic offers no multi-zone option ([types] "Multi-zone high availability:
 * not available"); Basic and Standard are public only, Enterprise private only, Dedicated both ([net]).
 */
export const CONFLUENT_CLUSTER_TYPES: Readonly<Record<ConfluentClusterKind, ConfluentClusterTypeInfo>> = Object.freeze({
  basic: Object.freeze({
    kind: "basic",
    summary: "Experiments and early development; no RBAC inside Kafka, single zone, public only.",
    availabilities: Object.freeze(["SINGLE_ZONE"] as ConfluentAvailability[]),
    providerAvailability: ZONE_VALUES,
    networking: Object.freeze(["PUBLIC"] as ConfluentNetworkingKind[]),
    defaultNetworking: "PUBLIC",
    rbacInKafka: false,
    byok: false,
    scaling: "elastic",
    limits: Object.freeze({ ingressMBps: 250, egressMBps: 750, storageTB: 5, partitions: 4096 }),
  }),
  standard: Object.freeze({
    kind: "standard",
    summary: "Production workloads over public endpoints; elastic.",
    availabilities: CONFLUENT_AVAILABILITIES,
    providerAvailability: ZONE_VALUES,
    networking: Object.freeze(["PUBLIC"] as ConfluentNetworkingKind[]),
    defaultNetworking: "PUBLIC",
    rbacInKafka: true,
    byok: false,
    scaling: "elastic",
    limits: Object.freeze({ ingressMBps: 250, egressMBps: 750, partitions: 4096 }),
  }),
  enterprise: Object.freeze({
    kind: "enterprise",
    summary:
      "Production workloads that need private networking, elastic; reached through the environment's private access.",
    availabilities: CONFLUENT_AVAILABILITIES,
    providerAvailability: Object.freeze({ SINGLE_ZONE: "LOW", MULTI_ZONE: "HIGH" }),
    networking: Object.freeze(["ENVIRONMENT_PRIVATE_ACCESS"] as ConfluentNetworkingKind[]),
    defaultNetworking: "ENVIRONMENT_PRIVATE_ACCESS",
    rbacInKafka: true,
    byok: false,
    scaling: "elastic",
    limits: Object.freeze({ ingressMBps: 300, egressMBps: 900, partitions: 5000 }),
  }),
  dedicated: Object.freeze({
    kind: "dedicated",
    summary: "Critical, high-traffic workloads; fixed CKUs, public or private networking, BYOK.",
    availabilities: CONFLUENT_AVAILABILITIES,
    providerAvailability: ZONE_VALUES,
    networking: Object.freeze([
      "PUBLIC",
      "PRIVATELINK",
      "PEERING",
      "TRANSITGATEWAY",
      "EXISTING_NETWORK",
    ] as ConfluentNetworkingKind[]),
    rbacInKafka: true,
    byok: true,
    scaling: "fixed",
    limits: Object.freeze({ ingressMBps: 9120, egressMBps: 27360, partitions: 100000 }),
  }),
});

/**
 * Dedicated capacity in CKUs.
 * - min 1, and 2 for MULTI_ZONE: provider `ckuCheck()` and `confluent_kafka_cluster.md` ([tf]).
 * - max 152: the published Dedicated limits (9,120 MBps ingress, 27,360 MBps egress, [types])
 *   divided by the per-CKU dimensions (60 MBps ingress, 180 MBps egress). Larger clusters are
 *   arranged with Confluent, not self-served.
 */
export const DEDICATED_CKU = Object.freeze({ min: 1, minMultiZone: 2, max: 152 });

/**
 * Elastic capacity ceiling (`max_ecku`) of Basic, Standard and Enterprise clusters: at least 1,
 * and at least 2 for HIGH (multi-zone) availability ([tf] schema description of `max_ecku`).
 */
export const ELASTIC_MAX_ECKU = Object.freeze({ min: 1, minMultiZone: 2 });

/** What the standard requires of Confluent clusters in one tier. */
export interface ConfluentTierRules {
  /** The tier. */
  readonly tier: EnvironmentTier;
  /** Cluster types allowed. */
  readonly allowedClusterTypes: readonly ConfluentClusterKind[];
  /** The cluster must span several zones. */
  readonly requireMultiZone: boolean;
  /** Availability used when none is given (clamped to what the type offers). */
  readonly defaultAvailability: ConfluentAvailability;
  /** Public endpoints on a type that offers private networking need `prodOverride`. */
  readonly publicNeedsOverride: boolean;
}

/**
 * Tier rules.
 * - prod is never Basic: no RBAC inside Kafka, no private networking, 99.5 % SLA ([types]; audit KS-CFL-002).
 * - prod is multi-zone: a zone outage must not stop producers (the same reasoning as 3 AZs for MSK).
 * - dev and staging may be Basic and single-zone to save cost.
 */
export const CONFLUENT_TIER_RULES: Readonly<Record<EnvironmentTier, ConfluentTierRules>> = Object.freeze({
  dev: Object.freeze({
    tier: "dev",
    allowedClusterTypes: CONFLUENT_CLUSTER_KINDS,
    requireMultiZone: false,
    defaultAvailability: "SINGLE_ZONE",
    publicNeedsOverride: false,
  }),
  staging: Object.freeze({
    tier: "staging",
    allowedClusterTypes: CONFLUENT_CLUSTER_KINDS,
    requireMultiZone: false,
    defaultAvailability: "SINGLE_ZONE",
    publicNeedsOverride: false,
  }),
  prod: Object.freeze({
    tier: "prod",
    allowedClusterTypes: Object.freeze(["standard", "enterprise", "dedicated"] as ConfluentClusterKind[]),
    requireMultiZone: true,
    defaultAvailability: "MULTI_ZONE",
    publicNeedsOverride: true,
  }),
});

/** Stream Governance packages of an environment ([tf] `confluent_environment.md`). */
export type StreamGovernancePackage = "ESSENTIALS" | "ADVANCED";

/** Every package. */
export const STREAM_GOVERNANCE_PACKAGES: readonly StreamGovernancePackage[] = Object.freeze(["ESSENTIALS", "ADVANCED"]);

/** Package written on environments the library creates, explicitly rather than left to the service. */
export const DEFAULT_STREAM_GOVERNANCE_PACKAGE: StreamGovernancePackage = "ESSENTIALS";

/** Predefined Confluent Cloud RBAC roles the library uses ([rbac]). */
export const CONFLUENT_ROLES = Object.freeze({
  /** Full control of one Kafka cluster: the manager service account only. */
  clusterAdmin: "CloudClusterAdmin",
  /** Read (consume) topics and use consumer groups. */
  developerRead: "DeveloperRead",
  /** Write (produce) to topics. */
  developerWrite: "DeveloperWrite",
  /** Create, alter and delete topics and groups. */
  developerManage: "DeveloperManage",
} as const);

/** Role names an application service account may receive, always on a topic, group or transactional id. */
export type ConfluentApplicationRole = "DeveloperRead" | "DeveloperWrite" | "DeveloperManage";

/** Every application role. */
export const CONFLUENT_APPLICATION_ROLES: readonly ConfluentApplicationRole[] = Object.freeze([
  "DeveloperRead",
  "DeveloperWrite",
  "DeveloperManage",
]);

/** Kafka resource types a role binding can scope to, as written in a CRN pattern ([tf] role binding docs). */
export type ConfluentKafkaResourceType = "topic" | "group" | "transactional-id";

/** Every scoped resource type. */
export const CONFLUENT_KAFKA_RESOURCE_TYPES: readonly ConfluentKafkaResourceType[] = Object.freeze([
  "topic",
  "group",
  "transactional-id",
]);

/** Owner and managed-resource descriptors of cluster API keys ([tf] `confluent_api_key.md`). */
export const CONFLUENT_API_KEY_REFS = Object.freeze({
  owner: Object.freeze({ kind: "ServiceAccount", apiVersion: "iam/v2" }),
  cluster: Object.freeze({ kind: "Cluster", apiVersion: "cmk/v2" }),
});

/** Id and name formats the library checks before the service does. */
export const CONFLUENT_ID_PATTERNS = Object.freeze({
  /** Environment id, e.g. `env-abc123`. */
  environmentId: /^env-[a-z0-9]+$/,
  /** Network id, e.g. `n-abc123` ([tf]: `n-` or `nr-`). */
  networkId: /^nr?-[a-z0-9]+$/,
  /** Confluent BYOK key id, e.g. `cck-abc123`. */
  byokKeyId: /^cck-[a-z0-9]+$/,
  /** AWS account id: 12 digits ([tf] `confluent_private_link_access`). */
  awsAccount: /^\d{12}$/,
  /** Azure subscription id: a GUID. */
  azureSubscription: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /** Google Cloud project id: 6–30 lower-case letters, digits and hyphens, starting with a letter. */
  gcpProject: /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
  /**
   * Environment display names: start and end with a letter or digit; letters, digits, hyphens and
   * underscores in between ([tf] `confluent_environment.md`); at most 64 characters by the standard.
   */
  environmentName: /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62}[A-Za-z0-9])?$/,
  /** Application names: lower case, digits and hyphens, starting with a letter (service account names). */
  applicationName: /^[a-z][a-z0-9-]{0,39}$/,
  /** Topic, group and transactional-id names in role bindings (Kafka's legal characters). */
  kafkaResourceName: /^[A-Za-z0-9._-]{1,249}$/,
});

/** Application names the library keeps for itself. */
export const RESERVED_APPLICATION_NAMES: readonly string[] = Object.freeze(["manager"]);

/** Display name of a cluster service account: `<cluster>-<role or application>`, e.g. `orders-prod-billing`. */
export function confluentServiceAccountName(clusterResourceName: string, suffix: string): string {
  return `${clusterResourceName}-${suffix}`;
}

/** Maximum service account display name the standard allows (same bound as other resource names). */
export const SERVICE_ACCOUNT_NAME_MAX_LENGTH = 64;
