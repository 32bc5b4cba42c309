import { failWith } from "../errors";
import { isUnresolved } from "../core/resource-metadata";
import { nearest } from "../core/suggest";
import { recordedOverrides, resolveTierAndName } from "../core/resolve-common";
import { EnvironmentTier, TierPolicy } from "../standards/tiers";
import {
  CONFLUENT_AVAILABILITIES,
  CONFLUENT_CLOUDS,
  CONFLUENT_CLUSTER_KINDS,
  CONFLUENT_ID_PATTERNS,
  CONFLUENT_REGION_FORMATS,
  CONFLUENT_TIER_RULES,
  CONNECTION_TYPE_CLOUDS,
  ConfluentAvailability,
  ConfluentCloud,
  ConfluentTierRules,
  DEDICATED_CKU,
  DEFAULT_STREAM_GOVERNANCE_PACKAGE,
  ELASTIC_MAX_ECKU,
  PRIVATE_NETWORKING_KINDS,
  RESERVED_APPLICATION_NAMES,
  SERVICE_ACCOUNT_NAME_MAX_LENGTH,
  STREAM_GOVERNANCE_PACKAGES,
  StreamGovernancePackage,
  confluentServiceAccountName,
} from "../standards/confluent";
import { ConfluentClusterType } from "./cluster-type";
import { Rule, bool, custom, instance, list, obj, oneOf, str, validate } from "../core/validate";
import { ENVIRONMENT_TIERS } from "../standards/tiers";
import { ConfluentClusterProps } from "./confluent-cluster-props";
import { ConfluentNetworking } from "./networking";
import { checkPrivateNetworking } from "./resolve-networking";
import { applyConfluentWorkload } from "../sizing/apply-workload";

/** Props with every default applied and every rule checked. */
export interface ResolvedConfluentClusterProps {
  /** `<clusterName>-<tier>`. */
  readonly name: string;
  readonly tier: EnvironmentTier;
  readonly policy: TierPolicy;
  readonly rules: ConfluentTierRules;
  readonly cloud: ConfluentCloud;
  readonly clusterType: ConfluentClusterType;
  readonly availability: ConfluentAvailability;
  /** The value written to `availability`. */
  readonly providerAvailability: string;
  /** Environment to create, when no id was given. */
  readonly newEnvironment?: { readonly name: string; readonly streamGovernance: StreamGovernancePackage };
  readonly networking: ConfluentNetworking;
  readonly privateNetworking: boolean;
  readonly applications: readonly string[];
  readonly waitForApiKeys: boolean;
  /** Weakenings in effect, by prop, for the audit metadata. */
  readonly overrides: Readonly<Record<string, string>>;
}

/** Throw the library's error. */
/** Throws a KafkaStandardsError (shared shorthand). */
export const fail: typeof failWith = failWith;

function resolveClusterType(value: unknown, path: string): ConfluentClusterType {
  if (value === undefined) return ConfluentClusterType.standard();
  if (value instanceof ConfluentClusterType) return value;
  // Untyped callers may name an elastic type; Dedicated needs its CKU count.
  if (value === "basic") return ConfluentClusterType.basic();
  if (value === "standard") return ConfluentClusterType.standard();
  if (value === "enterprise") return ConfluentClusterType.enterprise();
  const hint = typeof value === "string" ? nearest(value, CONFLUENT_CLUSTER_KINDS) : undefined;
  return fail(
    "KSE-CFL-005",
    "clusterType",
    value,
    "ConfluentClusterType.basic(), .standard(), .enterprise() or .dedicated({ cku })",
    `${hint ? `did you mean "${hint}"? ` : ""}Use a ConfluentClusterType factory, e.g. ConfluentClusterType.standard().`,
    path,
  );
}

function checkCapacity(type: ConfluentClusterType, availability: ConfluentAvailability, path: string): void {
  const multiZone = availability === "MULTI_ZONE";
  if (type.kind === "dedicated") {
    const cku = type.cku;
    if (isUnresolved(cku)) return;
    if (typeof cku !== "number" || !Number.isInteger(cku) || cku < DEDICATED_CKU.min || cku > DEDICATED_CKU.max) {
      fail(
        "KSE-CFL-009",
        "clusterType.cku",
        cku,
        `an integer from ${DEDICATED_CKU.min} to ${DEDICATED_CKU.max}`,
        "Set ConfluentClusterType.dedicated({ cku: 2 }) or another whole number of CKUs.",
        path,
      );
    }
    if (multiZone && cku < DEDICATED_CKU.minMultiZone) {
      fail(
        "KSE-CFL-010",
        "clusterType.cku",
        cku,
        `at least ${DEDICATED_CKU.minMultiZone} CKUs for a MULTI_ZONE Dedicated cluster`,
        `Use ConfluentClusterType.dedicated({ cku: ${DEDICATED_CKU.minMultiZone} }).`,
        path,
      );
    }
    const byok = type.byokKeyId;
    if (byok !== undefined && !isUnresolved(byok) && !CONFLUENT_ID_PATTERNS.byokKeyId.test(byok)) {
      fail(
        "KSE-CFL-012",
        "clusterType.byokKeyId",
        byok,
        "a Confluent key id such as cck-abc123",
        "Pass the id of a confluent_byok_key (its `id` attribute), not the cloud KMS key ARN.",
        path,
      );
    }
    return;
  }
  const max = type.maxEcku;
  if (max === undefined || isUnresolved(max)) return;
  const min = multiZone ? ELASTIC_MAX_ECKU.minMultiZone : ELASTIC_MAX_ECKU.min;
  if (!Number.isInteger(max) || max < min) {
    fail(
      "KSE-CFL-011",
      "clusterType.maxEcku",
      max,
      `an integer of at least ${min}${multiZone ? " for a multi-zone cluster" : ""}`,
      `Raise maxEcku to ${min} or more, or leave it unset for the service's ceiling.`,
      path,
    );
  }
}

function resolveEnvironment(
  props: ConfluentClusterProps,
  name: string,
  path: string,
): ResolvedConfluentClusterProps["newEnvironment"] {
  const id = props.environmentId;
  if (id !== undefined) {
    if (!isUnresolved(id) && !CONFLUENT_ID_PATTERNS.environmentId.test(id)) {
      fail(
        "KSE-CFL-013",
        "environmentId",
        id,
        "an environment id such as env-abc123",
        "Pass the id of the environment (`confluent environment list`), or omit it to create one.",
        path,
      );
    }
    const extra = props.environmentName !== undefined ? "environmentName" : "streamGovernance";
    if (props.environmentName !== undefined || props.streamGovernance !== undefined) {
      fail(
        "KSE-CFL-013",
        extra,
        props[extra],
        "environmentName and streamGovernance only when the construct creates the environment",
        `Remove ${extra}, or remove environmentId to create a new environment.`,
        path,
      );
    }
    return undefined;
  }
  const envName = props.environmentName ?? name;
  if (!isUnresolved(envName) && !CONFLUENT_ID_PATTERNS.environmentName.test(envName)) {
    fail(
      "KSE-CFL-014",
      "environmentName",
      envName,
      "1-64 letters, digits, hyphens and underscores, starting and ending with a letter or digit",
      'Rename the environment, e.g. "orders-prod".',
      path,
    );
  }
  const streamGovernance = props.streamGovernance ?? DEFAULT_STREAM_GOVERNANCE_PACKAGE;
  if (!STREAM_GOVERNANCE_PACKAGES.includes(streamGovernance)) {
    fail(
      "KSE-CFL-015",
      "streamGovernance",
      streamGovernance,
      STREAM_GOVERNANCE_PACKAGES.join(", "),
      "Use ESSENTIALS (the default) or ADVANCED.",
      path,
    );
  }
  return { name: envName, streamGovernance };
}

function resolveNetworking(
  props: ConfluentClusterProps,
  type: ConfluentClusterType,
  cloud: ConfluentCloud,
  path: string,
): ConfluentNetworking {
  const info = type.info;
  const networking = props.networking;
  if (networking === undefined) {
    if (info.defaultNetworking === "PUBLIC") return ConfluentNetworking.publicEndpoints();
    if (info.defaultNetworking === "ENVIRONMENT_PRIVATE_ACCESS") return ConfluentNetworking.environmentPrivateAccess();
    return fail(
      "KSE-CFL-017",
      "networking",
      undefined,
      `an explicit choice for ${type.kind} clusters: ${info.networking.join(", ")}`,
      "Use ConfluentNetworking.privateLink({ allowedAccounts: [...] }) (recommended), .peering(), .transitGateway() or .existingNetwork(); ConfluentNetworking.publicEndpoints() is a weakening.",
      path,
    );
  }
  if (!(networking instanceof ConfluentNetworking)) {
    return fail(
      "KSE-CFL-016",
      "networking",
      networking,
      "a ConfluentNetworking factory result",
      "Use ConfluentNetworking.privateLink(...), .peering(...), .transitGateway(...), .existingNetwork(id), .environmentPrivateAccess() or .publicEndpoints().",
      path,
    );
  }
  if (!info.networking.includes(networking.kind)) {
    fail(
      "KSE-CFL-016",
      "networking",
      networking.kind,
      `${info.networking.join(", ")} for ${type.kind} clusters`,
      type.kind === "basic" || type.kind === "standard"
        ? `${type.kind} clusters are public only: remove networking, or use ConfluentClusterType.enterprise() or .dedicated({ cku }) for private networking.`
        : type.kind === "enterprise"
          ? "Enterprise clusters are reached through the environment's private access: remove networking."
          : "Pick a networking option the cluster type supports.",
      path,
    );
  }
  const connection = networking.connectionType;
  if (connection !== undefined && !CONNECTION_TYPE_CLOUDS[connection].includes(cloud)) {
    fail(
      "KSE-CFL-018",
      "networking",
      `${connection} on ${cloud}`,
      `${connection} on ${CONNECTION_TYPE_CLOUDS[connection].join(", ")}`,
      "Use ConfluentNetworking.privateLink(...) or .peering(...) on this cloud.",
      path,
    );
  }
  checkPrivateNetworking(networking, cloud, path);
  return networking;
}

/** Check an application name against the standard and the names already taken. */
export function checkApplicationName(
  app: unknown,
  prop: string,
  clusterResourceName: string,
  taken: ReadonlySet<string>,
  path: string,
): string {
  if (typeof app !== "string" || !CONFLUENT_ID_PATTERNS.applicationName.test(app)) {
    fail(
      "KSE-CFL-023",
      prop,
      app,
      "lower-case letters, digits and hyphens, starting with a letter, at most 40 characters",
      'Rename the application, e.g. "orders-api".',
      path,
    );
  }
  if (RESERVED_APPLICATION_NAMES.includes(app)) {
    fail(
      "KSE-CFL-023",
      prop,
      app,
      `any name except ${RESERVED_APPLICATION_NAMES.join(", ")} (used by the cluster's own service account)`,
      'Rename the application, e.g. "manager-api".',
      path,
    );
  }
  if (taken.has(app)) {
    fail("KSE-CFL-023", prop, app, "unique application names per cluster", "Remove the duplicate application.", path);
  }
  const saName = confluentServiceAccountName(clusterResourceName, app);
  if (saName.length > SERVICE_ACCOUNT_NAME_MAX_LENGTH) {
    fail(
      "KSE-CFL-023",
      prop,
      app,
      `a name that keeps the service account name "${clusterResourceName}-<app>" within ${SERVICE_ACCOUNT_NAME_MAX_LENGTH} characters`,
      "Shorten the application or cluster name.",
      path,
    );
  }
  return app;
}

/** The declarative description of {@link ConfluentClusterProps}: every key, its type, shape and code. */
const CONFLUENT_CLUSTER_PROPS: Rule = obj(
  "KSE-CORE-004",
  "props",
  [
    str("KSE-CFL-002", "clusterName", {
      required: true,
      allowed: 'lower-case letters, digits and hyphens, starting with a letter, e.g. "orders"',
      fix: 'Name the cluster, e.g. clusterName: "orders" (the tier is appended).',
    }),
    oneOf("KSE-CFL-001", "tier", ENVIRONMENT_TIERS, { required: true, fix: "Set tier to one of the standard tiers." }),
    custom(
      "KSE-CFL-003",
      "cloud",
      { required: true, allowed: CONFLUENT_CLOUDS.join(", "), fix: "Use AWS, AZURE or GCP (upper case)." },
      () => undefined, // checked below, with the upper-case hint
    ),
    str("KSE-CFL-004", "region", {
      required: true,
      allowed: "a region name of the cloud, e.g. eu-central-1 (AWS), europe-west3 (GCP), westeurope (Azure)",
      fix: "Set the region the cluster runs in.",
    }),
    custom(
      "KSE-CFL-005",
      "clusterType",
      { allowed: "a ConfluentClusterType", fix: "Use e.g. ConfluentClusterType.standard()." },
      () => undefined, // resolveClusterType
    ),
    oneOf("KSE-CFL-007", "availability", CONFLUENT_AVAILABILITIES, {
      fix: `Use "MULTI_ZONE" or "SINGLE_ZONE"; the construct writes the provider's value (LOW/HIGH for Enterprise).`,
    }),
    str("KSE-CFL-013", "environmentId", {
      allowed: "an environment id such as env-abc123",
      fix: "Pass the id of the environment (`confluent environment list`), or omit it to create one.",
    }),
    str("KSE-CFL-014", "environmentName", {
      allowed: "1-64 letters, digits, hyphens and underscores, starting and ending with a letter or digit",
      fix: 'Rename the environment, e.g. "orders-prod".',
    }),
    oneOf("KSE-CFL-015", "streamGovernance", STREAM_GOVERNANCE_PACKAGES, {
      fix: "Use ESSENTIALS (the default) or ADVANCED.",
    }),
    custom(
      "KSE-CFL-016",
      "networking",
      { allowed: "a ConfluentNetworking value", fix: "Use a ConfluentNetworking factory." },
      () => undefined, // resolveNetworking
    ),
    list("KSE-CFL-023", "applications", undefined, {
      literal: true,
      allowed: "a list of application names",
      fix: 'List application names, e.g. applications: ["orders-api"].',
    }),
    bool("KSE-CORE-006", "waitForApiKeys"),
    bool("KSE-CORE-006", "credentialOutputs"),
    instance("KSE-CORE-006", "topicNamePattern", RegExp, {
      allowed: "a regular expression",
      fix: "Give a RegExp, or omit it for the standard's pattern.",
    }),
    obj(
      "KSE-CFL-020",
      "prodOverride",
      [
        str("KSE-CFL-020", "reason", {
          required: true,
          allowEmpty: true,
          allowed: "a reason of at least 10 characters",
          fix: "Say why the weakening is acceptable.",
        }),
      ],
      {
        allowed: '{ reason: "…" } with a reason of at least 10 characters',
        fix: "Say why the weakening is acceptable.",
      },
    ),
    custom(
      "KSE-SIZE-001",
      "workload",
      {
        allowed: "a Workload { messagesPerSecond, averageMessageBytes, … }",
        fix: "See Workload in the API reference.",
      },
      () => undefined, // checked field by field by the sizing model (KSE-SIZE-001…011)
    ),
  ],
  {
    allowed: "ConfluentClusterProps { clusterName, tier, cloud, region, … }",
    fix: 'Pass props, e.g. new ConfluentCluster(stack, "orders", { clusterName: "orders", tier: "prod", cloud: "AWS", region: "eu-central-1" }).',
  },
);

/** Apply defaults and check every rule, before anything is created. */
export function resolveConfluentClusterProps(
  input: ConfluentClusterProps,
  path: string,
): ResolvedConfluentClusterProps {
  validate(input, { ...CONFLUENT_CLUSTER_PROPS, required: true }, "props", path);
  const props = applyConfluentWorkload(input, path);
  const { tier, policy, name } = resolveTierAndName(props, { tier: "KSE-CFL-001", name: "KSE-CFL-002" }, path);
  const rules = CONFLUENT_TIER_RULES[tier];

  const cloud = props.cloud;
  if (!CONFLUENT_CLOUDS.includes(cloud)) {
    const hint = typeof cloud === "string" ? nearest(cloud.toUpperCase(), CONFLUENT_CLOUDS) : undefined;
    fail(
      "KSE-CFL-003",
      "cloud",
      cloud,
      CONFLUENT_CLOUDS.join(", "),
      hint ? `did you mean "${hint}"?` : "Use AWS, AZURE or GCP (upper case).",
      path,
    );
  }
  if (!isUnresolved(props.region) && !CONFLUENT_REGION_FORMATS[cloud].pattern.test(props.region)) {
    const other = CONFLUENT_CLOUDS.find((c) => c !== cloud && CONFLUENT_REGION_FORMATS[c].pattern.test(props.region));
    fail(
      "KSE-CFL-004",
      "region",
      props.region,
      `a ${cloud} region name such as ${CONFLUENT_REGION_FORMATS[cloud].example}`,
      other
        ? `"${props.region}" looks like a ${other} region: set cloud to "${other}" or use a ${cloud} region.`
        : `Use the cloud's own region name, e.g. "${CONFLUENT_REGION_FORMATS[cloud].example}".`,
      path,
    );
  }

  const clusterType = resolveClusterType(props.clusterType, path);
  if (!rules.allowedClusterTypes.includes(clusterType.kind)) {
    fail(
      "KSE-CFL-006",
      "clusterType",
      clusterType.kind,
      `${rules.allowedClusterTypes.join(", ")} in ${tier}`,
      "Use ConfluentClusterType.standard() (a Basic cluster can be upgraded to Standard in place).",
      path,
    );
  }

  const offered = clusterType.info.availabilities;
  const requested = props.availability;
  if (requested !== undefined && !CONFLUENT_AVAILABILITIES.includes(requested)) {
    fail(
      "KSE-CFL-007",
      "availability",
      requested,
      CONFLUENT_AVAILABILITIES.join(", "),
      `Use "MULTI_ZONE" or "SINGLE_ZONE"; the construct writes the provider's value (LOW/HIGH for Enterprise).`,
      path,
    );
  }
  const availability =
    requested ?? (offered.includes(rules.defaultAvailability) ? rules.defaultAvailability : offered[0]);
  if (!offered.includes(availability)) {
    fail(
      "KSE-CFL-007",
      "availability",
      availability,
      `${offered.join(", ")} for ${clusterType.kind} clusters`,
      "Use SINGLE_ZONE, or ConfluentClusterType.standard() for a multi-zone cluster.",
      path,
    );
  }
  if (rules.requireMultiZone && availability !== "MULTI_ZONE") {
    fail(
      "KSE-CFL-008",
      "availability",
      availability,
      `MULTI_ZONE in ${tier}`,
      "Remove availability (MULTI_ZONE is the prod default) or set it to MULTI_ZONE.",
      path,
    );
  }
  checkCapacity(clusterType, availability, path);

  const newEnvironment = resolveEnvironment(props, name, path);
  const networking = resolveNetworking(props, clusterType, cloud, path);
  const privateNetworking = PRIVATE_NETWORKING_KINDS.includes(networking.kind);

  const taken = new Set<string>();
  const applications = [...(props.applications ?? [])];
  for (const [i, app] of applications.entries()) {
    taken.add(checkApplicationName(app, `applications[${i}]`, name, taken, path));
  }

  const weakenings: Record<string, string> = {};
  // Public endpoints are a weakening only where the type offers private networking.
  if (networking.kind === "PUBLIC" && clusterType.info.networking.some((k) => k !== "PUBLIC")) {
    weakenings.networking = "public endpoints";
  }
  if (props.prodOverride !== undefined && (props.prodOverride.reason ?? "").trim().length < 10) {
    fail(
      "KSE-CFL-020",
      "prodOverride.reason",
      props.prodOverride.reason,
      "a reason of at least 10 characters",
      "Say why the weakening is acceptable.",
      path,
    );
  }
  const weak = Object.keys(weakenings);
  if (rules.publicNeedsOverride && weak.length > 0 && props.prodOverride === undefined) {
    fail(
      "KSE-CFL-019",
      weak[0],
      weakenings[weak[0]],
      `private networking for ${clusterType.kind} clusters in ${tier}`,
      'Use ConfluentNetworking.privateLink({ allowedAccounts: [...] }), or set prodOverride: { reason: "…" } to accept public endpoints explicitly (it is shown in the audit report).',
      path,
    );
  }
  const overrides = recordedOverrides(weakenings, props.prodOverride);

  return {
    name,
    tier,
    policy,
    rules,
    cloud,
    clusterType,
    availability,
    providerAvailability: clusterType.info.providerAvailability[availability],
    newEnvironment,
    networking,
    privateNetworking,
    applications,
    waitForApiKeys: props.waitForApiKeys ?? !privateNetworking,
    overrides,
  };
}
