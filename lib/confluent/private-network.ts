import { Construct } from "constructs";
import { Network } from "../providers/confluent/network";
import { PrivateLinkAccess } from "../providers/confluent/private-link-access";
import { isUnresolved, recordMetadata } from "../core/resource-metadata";
import { ResourceMetadata } from "../standards/naming";
import { ConfluentCloud } from "../standards/confluent";
import { ConfluentNetworking } from "./networking";
import { privateLinkAccessBlock } from "./resolve-networking";

/** Properties of a {@link ConfluentPrivateNetwork}. */
export interface ConfluentPrivateNetworkProps {
  /** Display name of the network. */
  readonly name: string;
  /** Environment id. */
  readonly environmentId: string;
  /** Cloud. */
  readonly cloud: ConfluentCloud;
  /** Region. */
  readonly region: string;
  /** A networking choice with a connection type (checked by the caller). */
  readonly networking: ConfluentNetworking;
  /** Protect the network from destroy. */
  readonly preventDestroy: boolean;
  /** Audit metadata for every resource. */
  readonly metadata: ResourceMetadata;
}

/**
 * A `confluent_network` for PrivateLink, peering or Transit Gateway and, for PrivateLink, one
 * `confluent_private_link_access` per allowed account. The peering connection, Transit Gateway
 * attachment and client-side endpoints and DNS are outside this construct.
 *
 * @example
 * import { TerraformOutput } from "cdktf";
 *
 * // Created by a Dedicated ConfluentCluster with `networking: ConfluentNetworking.privateLink(...)`;
 * // its id, for the VPC endpoint created on the client side:
 * new TerraformOutput(stack, "confluent_network_id", { value: confluentCluster.privateNetwork!.networkId });
 *
 * @see https://docs.confluent.io/cloud/current/networking/private-links/overview.html
 */
export class ConfluentPrivateNetwork extends Construct {
  /** The network. */
  public readonly network: Network;
  /** Accesses granted on a PrivateLink network, in the order of `allowedAccounts`. */
  public readonly accesses: readonly PrivateLinkAccess[];

  constructor(scope: Construct, id: string, props: ConfluentPrivateNetworkProps) {
    super(scope, id);
    const s = props.networking.settings;
    const connectionType = props.networking.connectionType;
    if (connectionType === undefined) throw new Error(`${s.kind} networking creates no network`);
    const environment = { id: props.environmentId };
    this.network = new Network(this, "Network", {
      displayName: props.name,
      cloud: props.cloud,
      region: props.region,
      connectionTypes: [connectionType],
      environment,
      cidr: s.routed?.cidr,
      reservedCidr: s.routed?.reservedCidr,
      zones: copy(s.routed?.zones ?? s.privateLink?.zones),
      // PRIVATE: clients need only private DNS for the cluster endpoints (what the Console uses).
      dnsConfig: s.privateLink ? { resolution: s.privateLink.dnsResolution ?? "PRIVATE" } : undefined,
      lifecycle: { preventDestroy: props.preventDestroy },
    });
    recordMetadata(this.network, props.metadata);

    this.accesses = (s.privateLink?.allowedAccounts ?? []).map((account, i) => {
      // The account id names the construct, so removing one account leaves the others in place.
      const childId = isUnresolved(account) ? `Access${i}` : `Access-${account}`;
      const access = new PrivateLinkAccess(this, childId, {
        displayName: `${props.name}-${isUnresolved(account) ? i : account}`,
        environment,
        network: { id: this.network.id },
        ...privateLinkAccessBlock(props.cloud, account),
      });
      recordMetadata(access, props.metadata);
      return access;
    });
  }

  /** Network id (`n-…`). */
  public get networkId(): string {
    return this.network.id;
  }
}

function copy(list: readonly string[] | undefined): string[] | undefined {
  return list === undefined ? undefined : isUnresolved(list) ? (list as string[]) : [...list];
}
