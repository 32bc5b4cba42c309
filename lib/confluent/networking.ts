import { ConfluentConnectionType, ConfluentNetworkingKind } from "../standards/confluent";
import { Rule, checkValue, list, obj, str, validate } from "../core/validate";

/** DNS resolution of a PrivateLink network. */
export type PrivateLinkDnsResolution = "PRIVATE" | "CHASED_PRIVATE";

/** Options of a new PrivateLink network (AWS PrivateLink, Azure Private Link, GCP Private Service Connect). */
export interface PrivateLinkOptions {
  /**
   * Cloud accounts allowed to connect, one `confluent_private_link_access` each: 12-digit AWS
   * account ids, Azure subscription ids or Google Cloud project ids, matching the cluster's cloud.
   */
  readonly allowedAccounts: readonly string[];
  /**
   * The three zones of the network (AWS AZ ids such as `euc1-az1`, GCP zones).
   * @default - chosen by Confluent Cloud
   */
  readonly zones?: readonly string[];
  /**
   * DNS resolution: `PRIVATE` needs only private DNS for the cluster endpoints; `CHASED_PRIVATE`
   * needs public and private DNS.
   * @default "PRIVATE"
   */
  readonly dnsResolution?: PrivateLinkDnsResolution;
}

/** Options of a new peering or Transit Gateway network. */
export interface RoutedNetworkOptions {
  /** IPv4 `/16` block of the Confluent network; must not overlap the networks it connects to. */
  readonly cidr: string;
  /**
   * The three zones of the network.
   * @default - chosen by Confluent Cloud
   */
  readonly zones?: readonly string[];
  /**
   * IPv4 `/24` block Confluent reserves for its own use in the network.
   * @default - Confluent's default (`172.20.255.0/24`)
   */
  readonly reservedCidr?: string;
}

/** Everything a networking choice carries. */
export interface ConfluentNetworkingSettings {
  /** The kind. */
  readonly kind: ConfluentNetworkingKind;
  /** PrivateLink options. */
  readonly privateLink?: PrivateLinkOptions;
  /** Peering / Transit Gateway options. */
  readonly routed?: RoutedNetworkOptions;
  /** Id of an existing network. */
  readonly networkId?: string;
}

// Factories check the shape of their options; the cluster checks the values against its cloud
// (account id formats, /16 and /24 blocks, three zones).
const ZONES = list(
  "KSE-CFL-021",
  "zones",
  str("KSE-CFL-021", "zones[]", { allowed: "zone ids such as euc1-az1", fix: "List zone ids as strings." }),
  { allowed: "a list of three distinct zones", fix: "List three zones, or omit zones." },
);

const PRIVATE_LINK_OPTIONS: Rule = obj(
  "KSE-CORE-004",
  "privateLink",
  [
    list(
      "KSE-CFL-022",
      "allowedAccounts",
      str("KSE-CFL-022", "allowedAccounts[]", {
        allowed: "12-digit AWS account ids, Azure subscription ids or Google Cloud project ids",
        fix: "List account ids as strings.",
      }),
      {
        required: true,
        allowed: "a list of the accounts whose private endpoints connect",
        fix: 'List the accounts, e.g. ConfluentNetworking.privateLink({ allowedAccounts: ["123456789012"] }).',
      },
    ),
    ZONES,
    str("KSE-CFL-021", "dnsResolution", { allowed: "PRIVATE, CHASED_PRIVATE", fix: "Use PRIVATE (the default)." }),
  ],
  {
    required: true,
    allowed: "{ allowedAccounts, zones?, dnsResolution? }",
    fix: 'Use ConfluentNetworking.privateLink({ allowedAccounts: ["123456789012"] }).',
  },
);

const ROUTED_OPTIONS = (factory: string): Rule =>
  obj(
    "KSE-CORE-004",
    factory,
    [
      str("KSE-CFL-021", "cidr", {
        required: true,
        allowed: "an IPv4 /16 block, e.g. 10.10.0.0/16",
        fix: "Pick a /16 that overlaps none of the networks it connects to.",
      }),
      ZONES,
      str("KSE-CFL-021", "reservedCidr", { allowed: "an IPv4 /24 block", fix: "Pick a /24, or omit it." }),
    ],
    {
      required: true,
      allowed: "{ cidr, zones?, reservedCidr? }",
      fix: `Use ConfluentNetworking.${factory}({ cidr: "10.10.0.0/16" }).`,
    },
  );

const NETWORK_ID = str("KSE-CFL-021", "networkId", {
  required: true,
  allowed: "a network id such as n-abc123",
  fix: "Pass the id of the confluent_network.",
});

/**
 * How clients reach a Confluent cluster.
 *
 * Basic and Standard clusters are public only and Enterprise clusters private only, so those
 * types need no choice. A Dedicated cluster needs one: `privateLink()`, `peering()`,
 * `transitGateway()` and `existingNetwork()` keep it off the internet; `publicEndpoints()` is a
 * weakening (needs `prodOverride` in prod). The peering connection or Transit Gateway attachment
 * itself (`confluent_peering`, `confluent_transit_gateway_attachment`) and the client-side
 * endpoints are created outside this construct.
 *
 * @see https://docs.confluent.io/cloud/current/networking/overview.html
 */
export class ConfluentNetworking {
  /**
   * Internet endpoints (TLS and API keys are always required).
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
   *   networking: ConfluentNetworking.publicEndpoints(), // a weakening on Dedicated
   *   prodOverride: { reason: "partners connect over the internet with TLS and API keys" },
   * });
   */
  public static publicEndpoints(): ConfluentNetworking {
    return new ConfluentNetworking({ kind: "PUBLIC" });
  }

  /**
   * A new PrivateLink network, with access for the listed accounts (Dedicated).
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
  public static privateLink(options: PrivateLinkOptions): ConfluentNetworking {
    validate(options, PRIVATE_LINK_OPTIONS, "ConfluentNetworking.privateLink(options)", undefined, "privateLink");
    return new ConfluentNetworking({ kind: "PRIVATELINK", privateLink: options });
  }

  /**
   * A new network for VPC / VNet peering (Dedicated).
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
   *   networking: ConfluentNetworking.peering({ cidr: "10.200.0.0/16" }),
   * });
   */
  public static peering(options: RoutedNetworkOptions): ConfluentNetworking {
    validate(options, ROUTED_OPTIONS("peering"), "ConfluentNetworking.peering(options)", undefined, "peering");
    return new ConfluentNetworking({ kind: "PEERING", routed: options });
  }

  /**
   * A new network for an AWS Transit Gateway attachment (Dedicated, AWS only).
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
   *   networking: ConfluentNetworking.transitGateway({ cidr: "10.201.0.0/16" }),
   * });
   */
  public static transitGateway(options: RoutedNetworkOptions): ConfluentNetworking {
    validate(
      options,
      ROUTED_OPTIONS("transitGateway"),
      "ConfluentNetworking.transitGateway(options)",
      undefined,
      "transitGateway",
    );
    return new ConfluentNetworking({ kind: "TRANSITGATEWAY", routed: options });
  }

  /**
   * A `confluent_network` managed elsewhere, by id (`n-…`) (Dedicated).
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
   *   networking: ConfluentNetworking.existingNetwork("n-abc123"),
   *   environmentId: "env-abc123", // the network's environment
   * });
   */
  public static existingNetwork(networkId: string): ConfluentNetworking {
    checkValue(NETWORK_ID, networkId, { prop: "networkId" });
    return new ConfluentNetworking({ kind: "EXISTING_NETWORK", networkId });
  }

  /**
   * Private access configured on the environment: a PrivateLink attachment, an ingress gateway or
   * PNI, created outside this construct (Enterprise; the default for that type).
   *
   * @example
   * import { ConfluentCluster, ConfluentClusterType, ConfluentNetworking } from "cdktf-kafka-standards";
   *
   * new ConfluentCluster(stack, "ledger", {
   *   clusterName: "ledger",
   *   tier: "prod",
   *   cloud: "AWS",
   *   region: "eu-central-1",
   *   clusterType: ConfluentClusterType.enterprise(),
   *   networking: ConfluentNetworking.environmentPrivateAccess(), // the default for Enterprise
   * });
   */
  public static environmentPrivateAccess(): ConfluentNetworking {
    return new ConfluentNetworking({ kind: "ENVIRONMENT_PRIVATE_ACCESS" });
  }

  private constructor(
    /** The settings. */
    public readonly settings: ConfluentNetworkingSettings,
  ) {}

  /** The kind of networking. */
  public get kind(): ConfluentNetworkingKind {
    return this.settings.kind;
  }

  /** The connection type of the `confluent_network` the construct creates, if any. */
  public get connectionType(): ConfluentConnectionType | undefined {
    const k = this.settings.kind;
    return k === "PRIVATELINK" || k === "PEERING" || k === "TRANSITGATEWAY" ? k : undefined;
  }
}
