import { TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import { ConfluentClusterProps } from "../../lib/confluent/confluent-cluster-props";
import { ConfluentClusterType } from "../../lib/confluent/cluster-type";
import { ConfluentNetworking } from "../../lib/confluent/networking";
import { KafkaStandardsError } from "../../lib/errors";
import { TIER_POLICIES } from "../../lib/standards/tiers";
import { only, resourcesForSnapshot, resourcesOf, synth, SynthDoc } from "../helpers";
import { newConfluentStack } from "./helpers";

const BASE: ConfluentClusterProps = { clusterName: "orders", tier: "prod", cloud: "AWS", region: "eu-central-1" };
const PRIVATE_LINK = ConfluentNetworking.privateLink({ allowedAccounts: ["123456789012"] });
const REF = /^\$\{[^}]+\}$/;

function build(props: Partial<ConfluentClusterProps> = {}): { doc: SynthDoc; cluster: ConfluentCluster } {
  const { stack } = newConfluentStack();
  const cluster = new ConfluentCluster(stack, "orders", { ...BASE, ...props });
  return { doc: synth(stack), cluster };
}

function kafka(doc: SynthDoc): any {
  return only(doc, "confluent_kafka_cluster");
}

function ref(doc: SynthDoc, type: string, attr: string, pick: (r: any) => boolean = () => true): string {
  const entry = Object.entries<any>(doc.resource[type] ?? {}).find(([, r]) => pick(r));
  if (!entry) throw new Error(`no ${type}`);
  return `\${${type}.${entry[0]}.${attr}}`;
}

/** Outputs that expose token values, so a test can read what they synthesize to. */
function probe(stack: TerraformStack, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) new TerraformOutput(stack, `probe_${name}`, { value });
}

function probed(doc: SynthDoc, name: string): string {
  return doc.output![`probe_${name}`].value;
}

function meta(resource: any): any {
  return resource["//"]["kafka-standards"];
}

function warnings(cluster: ConfluentCluster, type = "@cdktf/warn"): string[] {
  return cluster.node.metadata.filter((m) => m.type === type).map((m) => String(m.data));
}

function catchError(fn: () => void): KafkaStandardsError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KafkaStandardsError);
    return e as KafkaStandardsError;
  }
  throw new Error("expected a KafkaStandardsError");
}

function expectError(props: Partial<ConfluentClusterProps>, code: string, fragment: string): void {
  const { stack } = newConfluentStack();
  const error = catchError(() => new ConfluentCluster(stack, "orders", { ...BASE, ...props }));
  expect(error.code).toBe(code);
  expect(error.message).toContain(`[${code}]`);
  expect(error.message).toContain(fragment);
  // Nothing half-created: the failed construct left no children behind.
  expect(stack.node.tryFindChild("orders")?.node.children.length ?? 0).toBe(0);
}

describe("ConfluentCluster defaults", () => {
  const { doc, cluster } = build();
  const c = kafka(doc);
  const envId = ref(doc, "confluent_environment", "id");

  test("snapshot of the default resources", () => {
    expect(resourcesForSnapshot(doc)).toMatchSnapshot();
  });

  test("exactly the environment, cluster, manager account, its key and its cluster role", () => {
    expect(Object.keys(doc.resource).sort()).toEqual([
      "confluent_api_key",
      "confluent_environment",
      "confluent_kafka_cluster",
      "confluent_role_binding",
      "confluent_service_account",
    ]);
    for (const type of Object.keys(doc.resource)) expect(resourcesOf(doc, type)).toHaveLength(1);
  });

  test("a new environment named after the cluster, Stream Governance written explicitly, protected in prod", () => {
    expect(only(doc, "confluent_environment")).toMatchObject({
      display_name: "orders-prod",
      stream_governance: { package: "ESSENTIALS" },
      lifecycle: { prevent_destroy: true },
    });
  });

  test("a Standard cluster, multi-zone in prod, in the new environment", () => {
    expect(c.standard).toEqual([{}]);
    expect(c.basic ?? c.dedicated ?? c.enterprise).toBeUndefined();
    expect(c).toMatchObject({
      display_name: "orders-prod",
      availability: "MULTI_ZONE",
      cloud: "AWS",
      region: "eu-central-1",
      environment: { id: envId },
    });
  });

  test("public endpoints (the only option of Standard): no network, nothing recorded as weakened", () => {
    expect(c.network).toBeUndefined();
    expect(resourcesOf(doc, "confluent_network")).toEqual([]);
    expect(meta(c).overrides).toBeUndefined();
    expect(cluster.networking.kind).toBe("PUBLIC");
  });

  test("prod cluster: prevent_destroy and server-side deletion protection", () => {
    expect(c.lifecycle).toEqual({ prevent_destroy: true });
    expect(c.deletion_protection).toBe(true);
  });

  test("the manager service account alone holds CloudClusterAdmin, on the cluster's CRN", () => {
    const sa = only(doc, "confluent_service_account");
    expect(sa.display_name).toBe("orders-prod-manager");
    expect(only(doc, "confluent_role_binding")).toMatchObject({
      principal: `User:${ref(doc, "confluent_service_account", "id")}`,
      role_name: "CloudClusterAdmin",
      crn_pattern: ref(doc, "confluent_kafka_cluster", "rbac_crn"),
    });
  });

  test("the manager's API key: owned by its service account, scoped to the cluster, after the role binding", () => {
    const key = only(doc, "confluent_api_key");
    expect(key.owner).toEqual({
      id: ref(doc, "confluent_service_account", "id"),
      kind: "ServiceAccount",
      api_version: "iam/v2",
    });
    expect(key.managed_resource).toEqual({
      id: ref(doc, "confluent_kafka_cluster", "id"),
      kind: "Cluster",
      api_version: "cmk/v2",
      environment: [{ id: envId }],
    });
    const binding = Object.keys(doc.resource.confluent_role_binding)[0];
    expect(key.depends_on).toEqual([`\${confluent_role_binding.${binding}}`]);
    expect(key.lifecycle).toEqual({ prevent_destroy: true });
    expect(key.disable_wait_for_ready).toBeUndefined();
    expect(key.display_name).toBe("orders-prod-manager-kafka");
  });

  test("no secret is a literal: the key's secret is only a reference", () => {
    expect(JSON.stringify(doc)).not.toMatch(/"(secret|api_secret|cloud_api_secret|kafka_api_secret)"\s*:\s*"(?!\$\{)/);
    const { stack } = newConfluentStack();
    const credentials = new ConfluentCluster(stack, "orders", BASE).kafkaCredentials;
    probe(stack, { key: credentials.key, secret: credentials.secret });
    const d = synth(stack);
    const key = ref(d, "confluent_api_key", "id");
    expect(probed(d, "key")).toBe(key);
    expect(probed(d, "secret")).toBe(key.replace(/\.id\}$/, ".secret}"));
  });

  test("outputs: cluster id, environment id, bootstrap and REST endpoints, none sensitive", () => {
    expect(Object.keys(doc.output ?? {}).sort()).toEqual([
      "orders_bootstrap_endpoint",
      "orders_cluster_id",
      "orders_environment_id",
      "orders_rest_endpoint",
    ]);
    expect(doc.output!.orders_bootstrap_endpoint.value).toBe(ref(doc, "confluent_kafka_cluster", "bootstrap_endpoint"));
    expect(doc.output!.orders_rest_endpoint.value).toBe(ref(doc, "confluent_kafka_cluster", "rest_endpoint"));
    expect(doc.output!.orders_cluster_id.value).toBe(ref(doc, "confluent_kafka_cluster", "id"));
    expect(doc.output!.orders_environment_id.value).toBe(envId);
    for (const o of Object.values<any>(doc.output!)) expect(o.sensitive).toBeUndefined();
  });

  test("audit metadata on every resource: tier, construct and cluster, no overrides", () => {
    for (const type of Object.keys(doc.resource)) {
      for (const r of resourcesOf(doc, type)) {
        expect(meta(r)).toEqual({ tier: "prod", construct: "ConfluentCluster", cluster: "orders-prod" });
      }
    }
  });

  test("no applications and no warnings", () => {
    expect(cluster.applications).toEqual([]);
    expect(warnings(cluster)).toEqual([]);
  });

  test("exposes names and references", () => {
    expect(cluster.clusterName).toBe("orders-prod");
    expect(cluster.tier).toBe("prod");
    expect(cluster.clusterType.kind).toBe("standard");
    expect(cluster.availability).toBe("MULTI_ZONE");
    expect(cluster.clusterId).toMatch(/^\$\{TfToken\[/);
  });
});

describe("ConfluentCluster props", () => {
  test("applications: one service account and cluster-scoped key each, no role", () => {
    const { doc, cluster } = build({ applications: ["orders-api", "billing"] });
    const accounts = resourcesOf(doc, "confluent_service_account").map((s) => s.display_name);
    expect(accounts.sort()).toEqual(["orders-prod-billing", "orders-prod-manager", "orders-prod-orders-api"]);
    const keys = resourcesOf(doc, "confluent_api_key");
    expect(keys).toHaveLength(3);
    const appKey = keys.find((k) => k.display_name === "orders-prod-billing-kafka");
    expect(appKey.owner).toEqual({
      id: ref(doc, "confluent_service_account", "id", (s) => s.display_name === "orders-prod-billing"),
      kind: "ServiceAccount",
      api_version: "iam/v2",
    });
    expect(appKey.managed_resource.id).toBe(ref(doc, "confluent_kafka_cluster", "id"));
    expect(appKey.lifecycle).toEqual({ prevent_destroy: true });
    expect(appKey.depends_on).toBeUndefined();
    expect(resourcesOf(doc, "confluent_role_binding").map((b) => b.role_name)).toEqual(["CloudClusterAdmin"]);
    expect(cluster.applications.map((a) => a.applicationName)).toEqual(["orders-api", "billing"]);
    expect(cluster.application("billing")!.principal).toMatch(/^User:\$\{TfToken\[/);
  });

  test("addApplication returns a handle with the service account and API key", () => {
    const { stack } = newConfluentStack();
    const cluster = new ConfluentCluster(stack, "orders", BASE);
    cluster.addApplication("shipping");
    const app = cluster.application("shipping")!;
    probe(stack, { sa: app.serviceAccountId, principal: app.principal, key: app.apiKeyId, secret: app.apiKeySecret });
    const doc = synth(stack);
    expect(app.applicationName).toBe("shipping");
    const sa = ref(doc, "confluent_service_account", "id", (s) => s.display_name === "orders-prod-shipping");
    const key = ref(doc, "confluent_api_key", "id", (k) => k.display_name === "orders-prod-shipping-kafka");
    expect(probed(doc, "sa")).toBe(sa);
    expect(probed(doc, "principal")).toBe(`User:${sa}`);
    expect(probed(doc, "key")).toBe(key);
    expect(probed(doc, "secret")).toBe(key.replace(/\.id\}$/, ".secret}"));
    expect(cluster.application("shipping")).toBe(app);
    expect(resourcesOf(doc, "confluent_service_account")).toHaveLength(2);
  });

  test("addRoleBinding scopes developer roles to a topic, a prefix, a group or a transactional id", () => {
    const { stack } = newConfluentStack();
    const cluster = new ConfluentCluster(stack, "orders", { ...BASE, applications: ["orders-api"] });
    const app = cluster.application("orders-api")!;
    app.addRoleBinding("DeveloperWrite", { resourceType: "topic", name: "orders.created" });
    app.addRoleBinding("DeveloperRead", { resourceType: "topic", name: "orders.", prefixed: true });
    app.addRoleBinding("DeveloperRead", { resourceType: "group", name: "orders-api" });
    app.addRoleBinding("DeveloperWrite", { resourceType: "transactional-id", name: "orders-api-", prefixed: true });
    const doc = synth(stack);
    const crn = ref(doc, "confluent_kafka_cluster", "rbac_crn");
    const id = ref(doc, "confluent_kafka_cluster", "id");
    const sa = ref(doc, "confluent_service_account", "id", (s) => s.display_name === "orders-prod-orders-api");
    const bindings = resourcesOf(doc, "confluent_role_binding")
      .filter((b) => b.role_name !== "CloudClusterAdmin")
      .map((b) => [b.principal, b.role_name, b.crn_pattern]);
    expect(bindings).toEqual([
      [`User:${sa}`, "DeveloperWrite", `${crn}/kafka=${id}/topic=orders.created`],
      [`User:${sa}`, "DeveloperRead", `${crn}/kafka=${id}/topic=orders.*`],
      [`User:${sa}`, "DeveloperRead", `${crn}/kafka=${id}/group=orders-api`],
      [`User:${sa}`, "DeveloperWrite", `${crn}/kafka=${id}/transactional-id=orders-api-*`],
    ]);
    expect(app.roleBindings).toHaveLength(4);
    for (const b of resourcesOf(doc, "confluent_role_binding")) expect(meta(b).construct).toBe("ConfluentCluster");
  });

  test.each([
    ["dev", "SINGLE_ZONE"],
    ["staging", "SINGLE_ZONE"],
    ["prod", "MULTI_ZONE"],
  ] as const)("tier %s: availability %s, protection per tier policy", (tier, availability) => {
    const { doc } = build({ tier, applications: ["app"] });
    const protect = TIER_POLICIES[tier].preventDestroy;
    expect(kafka(doc).availability).toBe(availability);
    expect(kafka(doc).lifecycle).toEqual({ prevent_destroy: protect });
    expect(kafka(doc).deletion_protection).toBe(protect ? true : undefined);
    expect(only(doc, "confluent_environment").lifecycle).toEqual({ prevent_destroy: protect });
    for (const k of resourcesOf(doc, "confluent_api_key")) expect(k.lifecycle).toEqual({ prevent_destroy: protect });
    expect(meta(kafka(doc)).tier).toBe(tier);
  });

  test("Basic in dev: single zone; a warning when applications need RBAC", () => {
    const { doc, cluster } = build({ tier: "dev", clusterType: ConfluentClusterType.basic(), applications: ["a"] });
    expect(kafka(doc).basic).toEqual([{}]);
    expect(kafka(doc).availability).toBe("SINGLE_ZONE");
    expect(warnings(cluster)).toEqual([expect.stringContaining("no RBAC inside Kafka")]);
    cluster.addApplication("b");
    expect(warnings(cluster)).toHaveLength(1);
    const { stack } = newConfluentStack();
    const later = new ConfluentCluster(stack, "orders", {
      ...BASE,
      tier: "dev",
      clusterType: ConfluentClusterType.basic(),
    });
    expect(warnings(later)).toEqual([]);
    later.addApplication("a");
    expect(warnings(later)).toEqual([expect.stringContaining("basic cluster")]);
  });

  test("Standard with an elastic ceiling", () => {
    const { doc } = build({ clusterType: ConfluentClusterType.standard({ maxEcku: 4 }) });
    expect(kafka(doc).standard).toEqual([{ max_ecku: 4 }]);
  });

  test("Enterprise: HIGH / LOW availability, no network, reached through the environment", () => {
    const prod = build({ clusterType: ConfluentClusterType.enterprise({ maxEcku: 8 }) });
    expect(kafka(prod.doc).enterprise).toEqual([{ max_ecku: 8 }]);
    expect(kafka(prod.doc).availability).toBe("HIGH");
    expect(kafka(prod.doc).network).toBeUndefined();
    expect(prod.cluster.networking.kind).toBe("ENVIRONMENT_PRIVATE_ACCESS");
    expect(warnings(prod.cluster, "@cdktf/info")).toEqual([
      expect.stringContaining("private access on its environment"),
    ]);
    const dev = build({ tier: "dev", clusterType: ConfluentClusterType.enterprise() });
    expect(kafka(dev.doc).availability).toBe("LOW");
  });

  test("Dedicated with CKUs, BYOK and PrivateLink", () => {
    const { doc, cluster } = build({
      clusterType: ConfluentClusterType.dedicated({ cku: 4, byokKeyId: "cck-abc123" }),
      networking: PRIVATE_LINK,
    });
    expect(kafka(doc).dedicated).toEqual({ cku: 4 });
    expect(kafka(doc).byok_key).toEqual({ id: "cck-abc123" });
    expect(kafka(doc).network).toEqual({ id: ref(doc, "confluent_network", "id") });
    expect(cluster.privateNetwork).toBeDefined();
  });

  test("PrivateLink: a network with private DNS and one access per account, protected in prod", () => {
    const { doc } = build({
      clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
      networking: ConfluentNetworking.privateLink({
        allowedAccounts: ["123456789012", "210987654321"],
        zones: ["euc1-az1", "euc1-az2", "euc1-az3"],
      }),
    });
    const envId = ref(doc, "confluent_environment", "id");
    expect(only(doc, "confluent_network")).toMatchObject({
      display_name: "orders-prod",
      cloud: "AWS",
      region: "eu-central-1",
      connection_types: ["PRIVATELINK"],
      zones: ["euc1-az1", "euc1-az2", "euc1-az3"],
      dns_config: { resolution: "PRIVATE" },
      environment: { id: envId },
      lifecycle: { prevent_destroy: true },
    });
    expect(only(doc, "confluent_network").cidr).toBeUndefined();
    const accesses = resourcesOf(doc, "confluent_private_link_access");
    expect(accesses.map((a) => a.aws)).toEqual([{ account: "123456789012" }, { account: "210987654321" }]);
    for (const a of accesses) {
      expect(a.network).toEqual({ id: ref(doc, "confluent_network", "id") });
      expect(a.environment).toEqual({ id: envId });
    }
  });

  test.each([
    [
      "AZURE",
      "westeurope",
      "00000000-1111-2222-3333-444444444444",
      "azure",
      { subscription: "00000000-1111-2222-3333-444444444444" },
    ],
    ["GCP", "europe-west3", "payments-prod-42", "gcp", { project: "payments-prod-42" }],
  ] as const)("PrivateLink on %s grants the cloud's account kind", (cloud, region, account, block, expected) => {
    const { doc } = build({
      cloud,
      region,
      clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
      networking: ConfluentNetworking.privateLink({ allowedAccounts: [account], dnsResolution: "CHASED_PRIVATE" }),
    });
    const access = only(doc, "confluent_private_link_access");
    expect(access[block]).toEqual(expected);
    expect(only(doc, "confluent_network").dns_config).toEqual({ resolution: "CHASED_PRIVATE" });
  });

  test("private networking turns off the API key readiness check unless asked", () => {
    const off = build({ clusterType: ConfluentClusterType.dedicated({ cku: 2 }), networking: PRIVATE_LINK });
    for (const k of resourcesOf(off.doc, "confluent_api_key")) expect(k.disable_wait_for_ready).toBe(true);
    const on = build({
      clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
      networking: PRIVATE_LINK,
      waitForApiKeys: true,
    });
    for (const k of resourcesOf(on.doc, "confluent_api_key")) expect(k.disable_wait_for_ready).toBeUndefined();
    const publicOff = build({ waitForApiKeys: false });
    expect(only(publicOff.doc, "confluent_api_key").disable_wait_for_ready).toBe(true);
  });

  test("peering: a /16 network with zones and a reserved block, no accesses or DNS config", () => {
    const { doc } = build({
      tier: "dev",
      cloud: "GCP",
      region: "europe-west3",
      clusterType: ConfluentClusterType.dedicated({ cku: 1 }),
      networking: ConfluentNetworking.peering({
        cidr: "10.42.0.0/16",
        reservedCidr: "10.43.0.0/24",
        zones: ["europe-west3-a", "europe-west3-b", "europe-west3-c"],
      }),
    });
    expect(only(doc, "confluent_network")).toMatchObject({
      connection_types: ["PEERING"],
      cidr: "10.42.0.0/16",
      reserved_cidr: "10.43.0.0/24",
      zones: ["europe-west3-a", "europe-west3-b", "europe-west3-c"],
      lifecycle: { prevent_destroy: false },
    });
    expect(only(doc, "confluent_network").dns_config).toBeUndefined();
    expect(resourcesOf(doc, "confluent_private_link_access")).toEqual([]);
    expect(kafka(doc).availability).toBe("SINGLE_ZONE");
  });

  test("Transit Gateway on AWS", () => {
    const { doc } = build({
      clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
      networking: ConfluentNetworking.transitGateway({ cidr: "10.50.0.0/16" }),
    });
    expect(only(doc, "confluent_network").connection_types).toEqual(["TRANSITGATEWAY"]);
  });

  test("existing network: referenced by id, none created", () => {
    const { doc } = build({
      clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
      networking: ConfluentNetworking.existingNetwork("n-abc123"),
    });
    expect(resourcesOf(doc, "confluent_network")).toEqual([]);
    expect(kafka(doc).network).toEqual({ id: "n-abc123" });
  });

  test("public Dedicated outside prod is allowed and recorded as a weakening", () => {
    const { doc } = build({
      tier: "staging",
      clusterType: ConfluentClusterType.dedicated({ cku: 1 }),
      networking: ConfluentNetworking.publicEndpoints(),
    });
    expect(kafka(doc).network).toBeUndefined();
    expect(meta(kafka(doc)).overrides).toEqual({ networking: "public endpoints" });
  });

  test("prodOverride accepts public Dedicated in prod and records the reason", () => {
    const { doc } = build({
      clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
      networking: ConfluentNetworking.publicEndpoints(),
      prodOverride: { reason: "partner integration over internet, ticket SEC-42" },
    });
    expect(meta(kafka(doc)).overrides).toEqual({
      networking: "public endpoints (partner integration over internet, ticket SEC-42)",
    });
  });

  test("existing environment: none created, its id used everywhere", () => {
    const { doc, cluster } = build({ environmentId: "env-abc123", applications: ["a"] });
    expect(resourcesOf(doc, "confluent_environment")).toEqual([]);
    expect(kafka(doc).environment).toEqual({ id: "env-abc123" });
    for (const k of resourcesOf(doc, "confluent_api_key"))
      expect(k.managed_resource.environment).toEqual([{ id: "env-abc123" }]);
    expect(doc.output!.orders_environment_id.value).toBe("env-abc123");
    expect(cluster.environment).toBeUndefined();
  });

  test("environment name and Stream Governance package", () => {
    const { doc } = build({ environmentName: "Payments_Prod", streamGovernance: "ADVANCED" });
    expect(only(doc, "confluent_environment")).toMatchObject({
      display_name: "Payments_Prod",
      stream_governance: { package: "ADVANCED" },
    });
  });

  test("credentialOutputs: each application's key and secret, the secret marked sensitive", () => {
    const { doc } = build({ applications: ["orders-api"], credentialOutputs: true });
    const key = ref(doc, "confluent_api_key", "id", (k) => k.display_name === "orders-prod-orders-api-kafka");
    expect(doc.output!.orders_orders_api_api_key).toEqual({
      value: key,
      description: "Kafka API key of application orders-api",
    });
    expect(doc.output!.orders_orders_api_api_secret).toEqual({
      value: key.replace(/\.id\}$/, ".secret}"),
      description: "Kafka API secret of application orders-api",
      sensitive: true,
    });
  });

  test("cluster type names are accepted from untyped callers", () => {
    const { doc } = build({ tier: "dev", clusterType: "basic" as any });
    expect(kafka(doc).basic).toEqual([{}]);
  });

  test("unresolved region, environment and account tokens skip format checks", () => {
    const { stack } = newConfluentStack();
    const region = new TerraformVariable(stack, "region", { type: "string" });
    const env = new TerraformVariable(stack, "env", { type: "string" });
    const account = new TerraformVariable(stack, "account", { type: "string" });
    new ConfluentCluster(stack, "orders", {
      ...BASE,
      region: region.stringValue,
      environmentId: env.stringValue,
      clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
      networking: ConfluentNetworking.privateLink({ allowedAccounts: [account.stringValue] }),
    });
    const doc = synth(stack);
    expect(kafka(doc).region).toBe("${var.region}");
    expect(only(doc, "confluent_private_link_access").aws).toEqual({ account: "${var.account}" });
    expect(kafka(doc).environment.id).toMatch(REF);
  });
});

describe("ConfluentCluster validation", () => {
  const dedicated = (cku: number): Partial<ConfluentClusterProps> => ({
    clusterType: ConfluentClusterType.dedicated({ cku }),
    networking: PRIVATE_LINK,
  });
  const privateLink = (cloud: "AWS" | "AZURE" | "GCP", region: string, accounts: string[]) => ({
    cloud,
    region,
    clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
    networking: ConfluentNetworking.privateLink({ allowedAccounts: accounts }),
  });

  test.each<[string, Partial<ConfluentClusterProps>, string, string]>([
    ["unknown tier", { tier: "production" as any }, "KSE-CFL-001", "dev, staging, prod"],
    ["invalid cluster name", { clusterName: "Orders_1" }, "KSE-CFL-002", "lower-case letters"],
    ["unknown cloud", { cloud: "aws" as any }, "KSE-CFL-003", 'did you mean "AWS"'],
    ["GCP region on AWS", { region: "europe-west3" }, "KSE-CFL-004", 'looks like a GCP region: set cloud to "GCP"'],
    ["malformed region", { cloud: "AZURE", region: "West Europe" }, "KSE-CFL-004", "westeurope"],
    ["unknown cluster type", { clusterType: "standart" as any }, "KSE-CFL-005", 'did you mean "standard"'],
    ["dedicated by name", { clusterType: "dedicated" as any }, "KSE-CFL-005", ".dedicated({ cku })"],
    [
      "basic in prod",
      { clusterType: ConfluentClusterType.basic() },
      "KSE-CFL-006",
      "standard, enterprise, dedicated in prod",
    ],
    [
      "multi-zone basic",
      { tier: "dev", clusterType: ConfluentClusterType.basic(), availability: "MULTI_ZONE" },
      "KSE-CFL-007",
      "SINGLE_ZONE for basic clusters",
    ],
    ["provider-only availability value", { availability: "HIGH" as any }, "KSE-CFL-007", "SINGLE_ZONE, MULTI_ZONE"],
    ["single zone in prod", { availability: "SINGLE_ZONE" }, "KSE-CFL-008", "MULTI_ZONE in prod"],
    ["fractional CKU", { ...dedicated(2.5) }, "KSE-CFL-009", "an integer from 1 to 152"],
    ["zero CKU", { tier: "dev", ...dedicated(0) }, "KSE-CFL-009", "an integer from 1 to 152"],
    ["too many CKUs", { ...dedicated(200) }, "KSE-CFL-009", "an integer from 1 to 152"],
    ["multi-zone dedicated with 1 CKU", { ...dedicated(1) }, "KSE-CFL-010", "at least 2 CKUs"],
    [
      "multi-zone elastic ceiling below 2",
      { clusterType: ConfluentClusterType.standard({ maxEcku: 1 }) },
      "KSE-CFL-011",
      "at least 2 for a multi-zone cluster",
    ],
    [
      "BYOK key given as a KMS ARN",
      {
        clusterType: ConfluentClusterType.dedicated({ cku: 2, byokKeyId: "arn:aws:kms:eu-central-1:1:key/x" }),
        networking: PRIVATE_LINK,
      },
      "KSE-CFL-012",
      "cck-abc123",
    ],
    ["malformed environment id", { environmentId: "abc123" }, "KSE-CFL-013", "env-abc123"],
    [
      "environment name with an existing environment",
      { environmentId: "env-abc123", environmentName: "x" },
      "KSE-CFL-013",
      "Remove environmentName",
    ],
    ["invalid environment name", { environmentName: "-orders" }, "KSE-CFL-014", "starting and ending with a letter"],
    [
      "unknown Stream Governance package",
      { streamGovernance: "PREMIUM" as any },
      "KSE-CFL-015",
      "ESSENTIALS, ADVANCED",
    ],
    [
      "private networking on Standard",
      { networking: PRIVATE_LINK },
      "KSE-CFL-016",
      "standard clusters are public only",
    ],
    [
      "public endpoints on Enterprise",
      { clusterType: ConfluentClusterType.enterprise(), networking: ConfluentNetworking.publicEndpoints() },
      "KSE-CFL-016",
      "ENVIRONMENT_PRIVATE_ACCESS for enterprise",
    ],
    [
      "untyped networking",
      { networking: { kind: "PRIVATELINK" } as any },
      "KSE-CFL-016",
      "ConfluentNetworking factory",
    ],
    [
      "Dedicated without a networking choice",
      { clusterType: ConfluentClusterType.dedicated({ cku: 2 }) },
      "KSE-CFL-017",
      "an explicit choice for dedicated clusters",
    ],
    [
      "Transit Gateway on GCP",
      {
        cloud: "GCP",
        region: "europe-west3",
        clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
        networking: ConfluentNetworking.transitGateway({ cidr: "10.0.0.0/16" }),
      },
      "KSE-CFL-018",
      "TRANSITGATEWAY on AWS",
    ],
    [
      "public Dedicated in prod",
      { clusterType: ConfluentClusterType.dedicated({ cku: 2 }), networking: ConfluentNetworking.publicEndpoints() },
      "KSE-CFL-019",
      "private networking for dedicated clusters in prod",
    ],
    [
      "short override reason",
      {
        clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
        networking: ConfluentNetworking.publicEndpoints(),
        prodOverride: { reason: "because" },
      },
      "KSE-CFL-020",
      "at least 10 characters",
    ],
    [
      "peering CIDR not a /16",
      {
        clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
        networking: ConfluentNetworking.peering({ cidr: "10.0.0.0/24" }),
      },
      "KSE-CFL-021",
      "IPv4 /16",
    ],
    [
      "reserved CIDR not a /24",
      {
        clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
        networking: ConfluentNetworking.peering({ cidr: "10.0.0.0/16", reservedCidr: "10.1.0.0/16" }),
      },
      "KSE-CFL-021",
      "IPv4 /24",
    ],
    [
      "two zones",
      {
        clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
        networking: ConfluentNetworking.privateLink({ allowedAccounts: ["123456789012"], zones: ["a", "b"] }),
      },
      "KSE-CFL-021",
      "three distinct zones",
    ],
    [
      "malformed network id",
      {
        clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
        networking: ConfluentNetworking.existingNetwork("vpc-1"),
      },
      "KSE-CFL-021",
      "n-abc123",
    ],
    [
      "unknown DNS resolution",
      {
        clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
        networking: ConfluentNetworking.privateLink({
          allowedAccounts: ["123456789012"],
          dnsResolution: "PUBLIC" as any,
        }),
      },
      "KSE-CFL-021",
      "PRIVATE, CHASED_PRIVATE",
    ],
    ["no PrivateLink account", privateLink("AWS", "eu-central-1", []), "KSE-CFL-022", "at least one of the 12-digit"],
    ["short AWS account", privateLink("AWS", "eu-central-1", ["12345"]), "KSE-CFL-022", "allowedAccounts[0]"],
    [
      "AWS account on Azure",
      privateLink("AZURE", "westeurope", ["123456789012"]),
      "KSE-CFL-022",
      "Azure subscription ids",
    ],
    [
      "duplicate account",
      privateLink("AWS", "eu-central-1", ["123456789012", "123456789012"]),
      "KSE-CFL-022",
      "Remove the duplicate",
    ],
    ["invalid application name", { applications: ["Orders API"] }, "KSE-CFL-023", "applications[0]"],
    ["duplicate application", { applications: ["a", "a"] }, "KSE-CFL-023", "applications[1]"],
    [
      "reserved application name",
      { applications: ["manager"] },
      "KSE-CFL-023",
      "used by the cluster's own service account",
    ],
    [
      "service account name too long",
      { clusterName: "a".repeat(40), applications: ["b".repeat(40)] },
      "KSE-CFL-023",
      "within 64 characters",
    ],
  ])("%s", (_name, props, code, fragment) => {
    expectError(props, code, fragment);
  });

  test("a token list of PrivateLink accounts is rejected (one access per listed account)", () => {
    const { stack } = newConfluentStack();
    const accounts = new TerraformVariable(stack, "accounts", { type: "list(string)" });
    const error = catchError(
      () =>
        new ConfluentCluster(stack, "orders", {
          ...BASE,
          clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
          networking: ConfluentNetworking.privateLink({ allowedAccounts: accounts.listValue }),
        }),
    );
    expect(error.code).toBe("KSE-CFL-022");
    expect(error.message).toContain("a literal list");
  });

  test("addApplication: invalid and duplicate names throw and create nothing", () => {
    const { stack } = newConfluentStack();
    const cluster = new ConfluentCluster(stack, "orders", { ...BASE, applications: ["a"] });
    const before = cluster.node.children.length;
    for (const [name, fragment] of [
      ["a", "unique application names"],
      ["Bad", "lower-case letters"],
    ]) {
      const error = catchError(() => cluster.addApplication(name));
      expect(error.code).toBe("KSE-CFL-023");
      expect(error.message).toContain(fragment);
    }
    expect(cluster.node.children.length).toBe(before);
  });

  test.each<[string, any, any, string, string]>([
    [
      "cluster-wide role",
      "CloudClusterAdmin",
      { resourceType: "topic", name: "t" },
      "KSE-CFL-024",
      "manager account only",
    ],
    ["unknown resource type", "DeveloperRead", { resourceType: "cluster", name: "t" }, "KSE-CFL-024", "topic, group"],
    [
      "wildcard in the name",
      "DeveloperRead",
      { resourceType: "topic", name: "orders.*" },
      "KSE-CFL-024",
      "prefixed: true",
    ],
  ])("addRoleBinding: %s", (_name, role, resource, code, fragment) => {
    const { stack } = newConfluentStack();
    const app = new ConfluentCluster(stack, "orders", { ...BASE, applications: ["a"] }).application("a")!;
    const error = catchError(() => app.addRoleBinding(role, resource));
    expect(error.code).toBe(code);
    expect(error.message).toContain(fragment);
    expect(app.roleBindings).toEqual([]);
  });

  test("addRoleBinding on a Basic cluster throws: no RBAC inside Kafka", () => {
    const { stack } = newConfluentStack();
    const app = new ConfluentCluster(stack, "orders", {
      ...BASE,
      tier: "dev",
      clusterType: ConfluentClusterType.basic(),
      applications: ["a"],
    }).application("a")!;
    const error = catchError(() => app.addRoleBinding("DeveloperRead", { resourceType: "topic", name: "t" }));
    expect(error.code).toBe("KSE-CFL-025");
    expect(error.message).toContain("not basic");
  });

  test("addRoleBinding twice for the same role and resource throws", () => {
    const { stack } = newConfluentStack();
    const app = new ConfluentCluster(stack, "orders", { ...BASE, applications: ["a"] }).application("a")!;
    app.addRoleBinding("DeveloperRead", { resourceType: "topic", name: "t" });
    const error = catchError(() => app.addRoleBinding("DeveloperRead", { resourceType: "topic", name: "t" }));
    expect(error.code).toBe("KSE-CFL-026");
    expect(app.roleBindings).toHaveLength(1);
  });

  test("error message names prop, value, allowed and fix", () => {
    const error = catchError(() => build({ availability: "SINGLE_ZONE" }));
    expect(error.message).toBe(
      '[KSE-CFL-008] Invalid availability at test/orders: got "SINGLE_ZONE". Allowed: MULTI_ZONE in prod. Fix: Remove availability (MULTI_ZONE is the prod default) or set it to MULTI_ZONE.',
    );
    expect(error).toMatchObject({ code: "KSE-CFL-008", prop: "availability", value: "SINGLE_ZONE" });
  });
});
