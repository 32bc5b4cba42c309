import { Construct } from "constructs";
import { ServiceAccount } from "../providers/confluent/service-account";
import { ApiKey } from "../providers/confluent/api-key";
import { recordMetadata } from "../core/resource-metadata";
import { ResourceMetadata } from "../standards/naming";
import { CONFLUENT_API_KEY_REFS } from "../standards/confluent";

/** The cluster a service account's API key is scoped to. */
export interface ClusterKeyScope {
  /** Kafka cluster id (`lkc-…`). */
  readonly clusterId: string;
  /** Environment id (`env-…`). */
  readonly environmentId: string;
}

/** Properties of a {@link ClusterServiceAccount}. */
export interface ClusterServiceAccountProps {
  /** Display name of the service account (unique in the organization). */
  readonly name: string;
  /** Description of the service account. */
  readonly description: string;
  /** The cluster the API key is scoped to. */
  readonly scope: ClusterKeyScope;
  /** Wait until the cluster accepts the key. */
  readonly waitForApiKey: boolean;
  /** Protect the API key from destroy (replacing it breaks every client that uses it). */
  readonly preventDestroy: boolean;
  /** Audit metadata for every resource. */
  readonly metadata: ResourceMetadata;
}

/**
 * A service account and one Kafka API key it owns, scoped to one cluster.
 *
 * Keys are owned by service accounts, never users: a user's keys are deleted with the user.
 * The key's secret is computed by the provider and never appears in the configuration; it is in
 * the Terraform state, which must be encrypted and access-controlled.
 *
 * @example
 * import { TerraformOutput } from "cdktf";
 *
 * // Every ConfluentCluster has one for its manager (the only CloudClusterAdmin); its key id, never the secret:
 * new TerraformOutput(stack, "manager_api_key_id", { value: confluentCluster.manager.apiKeyId });
 *
 * @see https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/best-practices-api-keys.html
 */
export class ClusterServiceAccount extends Construct {
  /** The service account. */
  public readonly serviceAccount: ServiceAccount;
  /** The cluster-scoped API key. */
  public readonly apiKey: ApiKey;

  constructor(scope: Construct, id: string, props: ClusterServiceAccountProps) {
    super(scope, id);
    this.serviceAccount = new ServiceAccount(this, "ServiceAccount", {
      displayName: props.name,
      description: props.description,
    });
    recordMetadata(this.serviceAccount, props.metadata);

    this.apiKey = new ApiKey(this, "ApiKey", {
      displayName: `${props.name}-kafka`,
      description: `Kafka API key of ${props.name}`,
      owner: {
        id: this.serviceAccount.id,
        kind: CONFLUENT_API_KEY_REFS.owner.kind,
        apiVersion: CONFLUENT_API_KEY_REFS.owner.apiVersion,
      },
      managedResource: {
        id: props.scope.clusterId,
        kind: CONFLUENT_API_KEY_REFS.cluster.kind,
        apiVersion: CONFLUENT_API_KEY_REFS.cluster.apiVersion,
        environment: [{ id: props.scope.environmentId }],
      },
      disableWaitForReady: props.waitForApiKey ? undefined : true,
      lifecycle: { preventDestroy: props.preventDestroy },
    });
    recordMetadata(this.apiKey, props.metadata);
  }

  /** Display name of the service account. */
  public get serviceAccountName(): string {
    return this.serviceAccount.displayNameInput!;
  }

  /** Service account id (`sa-…`). */
  public get serviceAccountId(): string {
    // One token per account, not one per read: every role binding and ACL reads it, and cdktf
    // records a stack trace for each token it creates.
    return (this.cachedId ??= this.serviceAccount.id);
  }

  /** The RBAC principal of the service account (`User:sa-…`). */
  public get principal(): string {
    return `User:${this.serviceAccountId}`;
  }

  /** The API key id (the Kafka SASL username). */
  public get apiKeyId(): string {
    return (this.cachedKeyId ??= this.apiKey.id);
  }

  /** The API key secret (the Kafka SASL password): a reference, never a literal. Treat as sensitive. */
  public get apiKeySecret(): string {
    return (this.cachedKeySecret ??= this.apiKey.secret);
  }

  private cachedId?: string;
  private cachedKeyId?: string;
  private cachedKeySecret?: string;
}
