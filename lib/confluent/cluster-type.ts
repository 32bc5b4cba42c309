import { CONFLUENT_CLUSTER_TYPES, ConfluentClusterKind, ConfluentClusterTypeInfo } from "../standards/confluent";
import { Rule, num, obj, str, validate } from "../core/validate";

/** Options of the elastic cluster types (Basic, Standard, Enterprise). */
export interface ElasticClusterOptions {
  /**
   * Ceiling of elastic capacity, in eCKUs (`max_ecku`); at least 2 for multi-zone clusters.
   * @default - the service's ceiling for the type
   */
  readonly maxEcku?: number;
}

/** Options of a Dedicated cluster. */
export interface DedicatedClusterOptions {
  /** Confluent Kafka Units: an integer from 1 (2 for multi-zone) to 152. */
  readonly cku: number;
  /**
   * Id of a Confluent BYOK key (`confluent_byok_key`, e.g. `cck-abc123`) that encrypts data at rest
   * with a key the account controls.
   * @default - data at rest encrypted with Confluent-managed keys
   */
  readonly byokKeyId?: string;
}

// Factories check the shape of their options; the cluster checks the values against its tier and
// availability (a CKU count valid for one zone may be too small for three).
const MAX_ECKU = num("KSE-CFL-011", "maxEcku", {
  allowed: "a whole number of eCKUs, at least 1 (2 for multi-zone clusters)",
  fix: "Give maxEcku as a number, or omit it for the service's ceiling.",
});

const ELASTIC_OPTIONS = (kind: string): Rule =>
  obj("KSE-CORE-004", kind, [MAX_ECKU], {
    allowed: "{ maxEcku? }",
    fix: `Use ConfluentClusterType.${kind}() or .${kind}({ maxEcku: 4 }).`,
  });

const DEDICATED_OPTIONS: Rule = obj(
  "KSE-CORE-004",
  "dedicated",
  [
    num("KSE-CFL-009", "cku", {
      required: true,
      allowed: "an integer from 1 to 152 (at least 2 for multi-zone)",
      fix: "Set ConfluentClusterType.dedicated({ cku: 2 }) or another whole number of CKUs.",
    }),
    str("KSE-CFL-012", "byokKeyId", {
      allowed: "a Confluent key id such as cck-abc123",
      fix: "Pass the id of a confluent_byok_key (its `id` attribute), not the cloud KMS key ARN.",
    }),
  ],
  { required: true, allowed: "{ cku, byokKeyId? }", fix: "Use ConfluentClusterType.dedicated({ cku: 2 })." },
);

function checkElastic(kind: string, options: unknown): void {
  validate(options, ELASTIC_OPTIONS(kind), `ConfluentClusterType.${kind}(options)`, undefined, kind);
}

/**
 * The type of a Confluent Cloud Kafka cluster: what it costs, how it scales, how it is reached.
 *
 * `standard()` is the default. `basic()` is for experiments only (no RBAC inside Kafka, never in
 * prod), `enterprise()` is private only and elastic, `dedicated({ cku })` has fixed capacity and
 * offers every networking option and BYOK.
 *
 * @see https://docs.confluent.io/cloud/current/clusters/cluster-types.html
 */
export class ConfluentClusterType {
  /**
   * A Basic cluster: single zone, public, no RBAC inside Kafka. Not allowed in prod.
   *
   * @example
   * import { ConfluentCluster, ConfluentClusterType } from "cdktf-kafka-standards";
   *
   * new ConfluentCluster(stack, "sandbox", {
   *   clusterName: "sandbox",
   *   tier: "dev",
   *   cloud: "AWS",
   *   region: "eu-central-1",
   *   clusterType: ConfluentClusterType.basic(), // never in prod
   * });
   */
  public static basic(options: ElasticClusterOptions = {}): ConfluentClusterType {
    checkElastic("basic", options);
    return new ConfluentClusterType("basic", options.maxEcku, undefined, undefined);
  }

  /**
   * A Standard cluster: elastic, single- or multi-zone, public endpoints.
   *
   * @example
   * import { ConfluentCluster, ConfluentClusterType } from "cdktf-kafka-standards";
   *
   * new ConfluentCluster(stack, "shop", {
   *   clusterName: "shop",
   *   tier: "prod",
   *   cloud: "AWS",
   *   region: "eu-central-1",
   *   clusterType: ConfluentClusterType.standard({ maxEcku: 10 }), // the default type
   * });
   */
  public static standard(options: ElasticClusterOptions = {}): ConfluentClusterType {
    checkElastic("standard", options);
    return new ConfluentClusterType("standard", options.maxEcku, undefined, undefined);
  }

  /**
   * An Enterprise cluster: elastic, reached only through the environment's private access.
   *
   * @example
   * import { ConfluentCluster, ConfluentClusterType } from "cdktf-kafka-standards";
   *
   * new ConfluentCluster(stack, "ledger", {
   *   clusterName: "ledger",
   *   tier: "prod",
   *   cloud: "AWS",
   *   region: "eu-central-1",
   *   clusterType: ConfluentClusterType.enterprise(), // reached through the environment's private access
   * });
   */
  public static enterprise(options: ElasticClusterOptions = {}): ConfluentClusterType {
    checkElastic("enterprise", options);
    return new ConfluentClusterType("enterprise", options.maxEcku, undefined, undefined);
  }

  /**
   * A Dedicated cluster with a fixed number of CKUs.
   *
   * @example
   * import { ConfluentCluster, ConfluentClusterType, ConfluentNetworking } from "cdktf-kafka-standards";
   *
   * new ConfluentCluster(stack, "orders", {
   *   clusterName: "orders",
   *   tier: "prod",
   *   cloud: "AWS",
   *   region: "eu-central-1",
   *   clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
   *   networking: ConfluentNetworking.privateLink({ allowedAccounts: ["123456789012"] }),
   * });
   */
  public static dedicated(options: DedicatedClusterOptions): ConfluentClusterType {
    validate(options, DEDICATED_OPTIONS, "ConfluentClusterType.dedicated(options)", undefined, "dedicated");
    return new ConfluentClusterType("dedicated", undefined, options.cku, options.byokKeyId);
  }

  private constructor(
    /** The type. */
    public readonly kind: ConfluentClusterKind,
    /** Elastic ceiling, when set (elastic types). */
    public readonly maxEcku: number | undefined,
    /** CKUs (Dedicated). */
    public readonly cku: number | undefined,
    /** BYOK key id (Dedicated), when set. */
    public readonly byokKeyId: string | undefined,
  ) {}

  /** What the standard knows about this type. */
  public get info(): ConfluentClusterTypeInfo {
    return CONFLUENT_CLUSTER_TYPES[this.kind];
  }
}
