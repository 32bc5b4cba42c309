import { describeRule, r } from "../helpers";

const prod = { tier: "prod" };
const key = (kind: string, extra: Record<string, unknown> = {}) => [
  r(
    "confluent_api_key.k",
    { owner: { id: kind === "User" ? "u-1" : "sa-1", kind, api_version: "iam/v2" }, ...extra },
    prod,
  ),
];

describeRule("KS-CFL-001", [
  { name: "service account owner", resources: key("ServiceAccount"), expect: "compliant" },
  {
    name: "user owner fails",
    resources: key("User"),
    expect: "non-compliant",
    message: 'owner.kind is "User" (owner u-1)',
  },
  {
    name: "plan-style owner block",
    resources: [r("confluent_api_key.k", { owner: [{ id: "u-2", kind: "User" }] })],
    expect: "non-compliant",
    message: 'owner.kind is "User" (owner u-2)',
  },
]);

describeRule("KS-CFL-002", [
  {
    name: "standard in prod",
    resources: [r("confluent_kafka_cluster.c", { standard: [{}] }, prod)],
    expect: "compliant",
  },
  {
    name: "basic in dev",
    resources: [r("confluent_kafka_cluster.c", { basic: [{}] }, { tier: "dev" })],
    expect: "not-applicable",
  },
  {
    name: "basic in prod fails",
    resources: [r("confluent_kafka_cluster.c", { basic: [{}] }, prod)],
    expect: "non-compliant",
    message: "prod cluster uses the basic cluster type",
  },
  {
    name: "basic with the audit's tier",
    resources: [r("confluent_kafka_cluster.c", { basic: [{}] })],
    expect: "non-compliant",
    options: { tier: "prod" },
  },
  { name: "tier unknown", resources: [r("confluent_kafka_cluster.c", { basic: [{}] })], expect: "not-applicable" },
]);

describeRule("KS-CFL-003", [
  {
    name: "prod cluster with prevent_destroy",
    resources: [r("confluent_kafka_cluster.c", { standard: [{}], lifecycle: { prevent_destroy: true } }, prod)],
    expect: "compliant",
  },
  {
    name: "prod cluster without fails",
    resources: [r("confluent_kafka_cluster.c", { standard: [{}] }, prod)],
    expect: "non-compliant",
    message:
      "prod Confluent cluster without lifecycle.prevent_destroy = true: a plan that replaces or destroys it deletes its data",
  },
  {
    name: "prod environment without fails",
    resources: [r("confluent_environment.e", { display_name: "prod" }, prod)],
    expect: "non-compliant",
    message:
      "prod Confluent environment without lifecycle.prevent_destroy = true: a plan that replaces or destroys it deletes its data",
  },
  {
    name: "prod API key without fails",
    resources: key("ServiceAccount"),
    expect: "non-compliant",
    message: /^prod Confluent API key without/,
  },
  {
    name: "dev API key",
    resources: [r("confluent_api_key.k", { owner: { kind: "ServiceAccount" } }, { tier: "dev" })],
    expect: "not-applicable",
  },
]);
