import type { ProdOverride } from "../msk/msk-cluster-props";
import type { EnvironmentTier } from "../standards/tiers";
import type { ConfluentAvailability, ConfluentCloud, StreamGovernancePackage } from "../standards/confluent";
import { ConfluentClusterType } from "./cluster-type";
import { ConfluentNetworking } from "./networking";
import type { Workload } from "../sizing/workload";

/** Properties of a {@link ConfluentCluster}. */
export interface ConfluentClusterProps {
  /** Cluster base name; the tier is appended (`orders` → `orders-prod`). Lower case, digits, hyphens. */
  readonly clusterName: string;
  /** Environment tier: drives the allowed cluster types, availability and deletion protection. */
  readonly tier: EnvironmentTier;
  /** Cloud provider that runs the cluster. Changing it replaces the cluster. */
  readonly cloud: ConfluentCloud;
  /** Region of the cloud, e.g. `eu-central-1` (AWS), `europe-west3` (GCP), `westeurope` (Azure). */
  readonly region: string;
  /**
   * The load the cluster must carry (messages/s, message size, retention, consumer groups …). Without
   * `clusterType`, it picks the cheapest type the tier, availability and networking allow, with its
   * eCKU ceiling (`maxEcku`) or CKU count; an explicit `clusterType` that cannot carry the workload
   * throws KSE-SIZE-023.
   * @default - no sizing: `clusterType` and its defaults decide the size
   * @see `kafka-standards size`, which prints the same model's comparison and scale plan
   */
  readonly workload?: Workload;
  /**
   * Cluster type.
   * @default ConfluentClusterType.standard()
   */
  readonly clusterType?: ConfluentClusterType;
  /**
   * Zone layout. Changing it replaces the cluster. Written as `LOW` / `HIGH` for Enterprise clusters.
   * @default - "MULTI_ZONE" in prod, "SINGLE_ZONE" in dev and staging (Basic is always single-zone)
   */
  readonly availability?: ConfluentAvailability;
  /**
   * Id of an existing environment (`env-…`) to create the cluster in.
   * @default - a new environment named `environmentName`, protected from destroy in prod
   */
  readonly environmentId?: string;
  /**
   * Display name of the new environment; not allowed with `environmentId`.
   * @default - the cluster name with its tier, e.g. `orders-prod`
   */
  readonly environmentName?: string;
  /**
   * Stream Governance package of the new environment; not allowed with `environmentId`.
   * @default "ESSENTIALS"
   */
  readonly streamGovernance?: StreamGovernancePackage;
  /**
   * How clients reach the cluster. Required for Dedicated clusters, where
   * `ConfluentNetworking.publicEndpoints()` is a weakening (needs `prodOverride` in prod).
   * @default - public endpoints for Basic and Standard (their only option), the environment's
   * private access for Enterprise (its only option)
   */
  readonly networking?: ConfluentNetworking;
  /**
   * Applications that use the cluster: each gets its own service account and a cluster-scoped API
   * key, and no role yet (grant topic roles with `ConfluentApplication.addRoleBinding`). More can be
   * added with `addApplication()`.
   * @default - none
   */
  readonly applications?: readonly string[];
  /**
   * Wait, after creating each API key, until the cluster accepts it. The check calls the cluster's
   * endpoint, which a Terraform runner outside a private network cannot reach.
   * @default - true with public endpoints, false with private networking
   */
  readonly waitForApiKeys?: boolean;
  /**
   * Add outputs with each application's API key (`<id>_<app>_api_key`) and secret
   * (`<id>_<app>_api_secret`, marked sensitive), for pipelines that hand them to a secret store.
   * @default false
   */
  readonly credentialOutputs?: boolean;
  /**
   * Topic name convention of this cluster.
   * @default TOPIC_NAME_PATTERN (`<domain>.<dataset>[.<qualifier>]`, lower case)
   */
  readonly topicNamePattern?: RegExp;
  /**
   * Required in prod for a weakening (public endpoints on a Dedicated cluster).
   * @default - none: weakening a prod cluster throws KSE-CFL-019
   */
  readonly prodOverride?: ProdOverride;
}
