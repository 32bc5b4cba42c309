import { KafkaStandardsError, KafkaStandardsErrorCode } from "../errors";
import { isUnresolved } from "../core/resource-metadata";
import { CONFLUENT_ID_PATTERNS, ConfluentCloud } from "../standards/confluent";
import { ConfluentNetworking } from "./networking";
import { ipv4CidrProblem } from "../core/validate";

/** How a private-link account id looks on each cloud, for checks and messages. */
const ACCOUNT_FORMATS: Readonly<Record<ConfluentCloud, { pattern: RegExp; what: string; example: string }>> =
  Object.freeze({
    AWS: { pattern: CONFLUENT_ID_PATTERNS.awsAccount, what: "12-digit AWS account ids", example: "123456789012" },
    AZURE: {
      pattern: CONFLUENT_ID_PATTERNS.azureSubscription,
      what: "Azure subscription ids (GUIDs)",
      example: "00000000-0000-0000-0000-000000000000",
    },
    GCP: { pattern: CONFLUENT_ID_PATTERNS.gcpProject, what: "Google Cloud project ids", example: "my-project-123" },
  });

/** `confluent_private_link_access` block per cloud. */
export function privateLinkAccessBlock(
  cloud: ConfluentCloud,
  account: string,
): { aws?: { account: string }; azure?: { subscription: string }; gcp?: { project: string } } {
  if (cloud === "AZURE") return { azure: { subscription: account } };
  if (cloud === "GCP") return { gcp: { project: account } };
  return { aws: { account } };
}

function fail(
  prop: string,
  value: unknown,
  allowed: string,
  fix: string,
  path: string,
  code: KafkaStandardsErrorCode = "KSE-CFL-021",
): never {
  throw new KafkaStandardsError({ code, prop, value, allowed, fix, path });
}

function isCidr(value: string, prefix: number): boolean {
  return ipv4CidrProblem(value, prefix) === undefined;
}

function checkZones(zones: readonly string[] | undefined, prop: string, path: string): void {
  if (zones === undefined || isUnresolved(zones)) return;
  if (zones.length !== 3 || new Set(zones).size !== 3) {
    fail(prop, zones, "three distinct zones", "List three zones (AWS AZ ids such as euc1-az1), or omit zones.", path);
  }
}

/** Check the options of a private networking choice. */
export function checkPrivateNetworking(networking: ConfluentNetworking, cloud: ConfluentCloud, path: string): void {
  const s = networking.settings;
  if (s.kind === "EXISTING_NETWORK") {
    const id = s.networkId;
    if (typeof id !== "string" || (!isUnresolved(id) && !CONFLUENT_ID_PATTERNS.networkId.test(id))) {
      fail("networking.networkId", id, "a network id such as n-abc123", "Pass the id of the confluent_network.", path);
    }
  }
  if (s.routed) {
    const { cidr, reservedCidr, zones } = s.routed;
    if (typeof cidr !== "string" || (!isUnresolved(cidr) && !isCidr(cidr, 16))) {
      fail(
        "networking.cidr",
        cidr,
        "an IPv4 /16 block, e.g. 10.10.0.0/16",
        `${typeof cidr === "string" ? `${ipv4CidrProblem(cidr, 16)} ` : ""}Pick a /16 that overlaps none of the networks it connects to.`,
        path,
      );
    }
    if (reservedCidr !== undefined && !isUnresolved(reservedCidr) && !isCidr(reservedCidr, 24)) {
      fail(
        "networking.reservedCidr",
        reservedCidr,
        "an IPv4 /24 block",
        `${ipv4CidrProblem(reservedCidr, 24)} Pick a /24, or omit it.`,
        path,
      );
    }
    checkZones(zones, "networking.zones", path);
  }
  if (s.privateLink) {
    const { allowedAccounts, zones, dnsResolution } = s.privateLink;
    checkZones(zones, "networking.zones", path);
    if (dnsResolution !== undefined && dnsResolution !== "PRIVATE" && dnsResolution !== "CHASED_PRIVATE") {
      fail("networking.dnsResolution", dnsResolution, "PRIVATE, CHASED_PRIVATE", "Use PRIVATE (the default).", path);
    }
    const format = ACCOUNT_FORMATS[cloud];
    if (isUnresolved(allowedAccounts)) {
      fail(
        "networking.allowedAccounts",
        "<unresolved list>",
        "a literal list (its items may be references)",
        "List the accounts one by one: each gets its own confluent_private_link_access.",
        path,
        "KSE-CFL-022",
      );
    }
    if (!Array.isArray(allowedAccounts) || allowedAccounts.length === 0) {
      fail(
        "networking.allowedAccounts",
        allowedAccounts,
        `at least one of the ${format.what} that connect`,
        "List the accounts whose private endpoints connect to the cluster.",
        path,
        "KSE-CFL-022",
      );
    }
    const seen = new Set<string>();
    for (const [i, account] of allowedAccounts.entries()) {
      if (isUnresolved(account)) continue;
      if (typeof account !== "string" || !format.pattern.test(account) || seen.has(account)) {
        fail(
          `networking.allowedAccounts[${i}]`,
          account,
          `unique ${format.what} (the cluster runs on ${cloud})`,
          seen.has(String(account)) ? "Remove the duplicate account." : `Use ids such as ${format.example}.`,
          path,
          "KSE-CFL-022",
        );
      }
      seen.add(account);
    }
  }
}
