/**
 * The consumer test's assertions on synthesized documents that depend on issue 10 points 2, 3 and 4: pure
 * functions from the `cdk.tf.json` documents of an app (by stack name) or from the refusal cases of
 * app/refusals.ts to the problems found. check.ts runs them on the installed package's output;
 * assertions.test.ts runs them on hand-written documents, so that a PASS means what it says.
 */

/** Every `cdk.tf.json` of an app, by stack name. */
export type Stacks = Record<string, any>;

/** Resource types of the Mongey/kafka provider that belong to one cluster. */
export const DATA_PLANE_TYPES = ["kafka_topic", "kafka_acl", "kafka_quota", "kafka_user_scram_credential"];

/** The resources of a type in a stack, as `[name, body]`. */
export function resources(stacks: Stacks, stack: string, type: string): [string, any][] {
  return Object.entries(stacks[stack]?.resource?.[type] ?? {});
}

/** The cluster a resource's library metadata names (`"//"."kafka-standards".cluster`). */
export function clusterOf(resource: any): string | undefined {
  return resource?.["//"]?.["kafka-standards"]?.cluster ?? resource?.["//"]?.metadata?.cluster;
}

/** `aws_msk_cluster` resource name → `cluster_name`, in a stack. */
export function mskClusterNames(stacks: Stacks, stack: string): Record<string, string> {
  return Object.fromEntries(resources(stacks, stack, "aws_msk_cluster").map(([k, r]) => [k, r.cluster_name]));
}

/**
 * The MSK clusters whose outputs an expression of `stack` reads through `terraform_remote_state`: the data
 * source names the control stack (its local state path, or cdktf's `cross-stack-reference-input-<stack>`),
 * the output's value in that stack names the `aws_msk_cluster`, whose `cluster_name` is the answer.
 */
export function clustersReferencedBy(stacks: Stacks, expression: string, stack: string): Set<string> {
  const found = new Set<string>();
  for (const [, source, output] of expression.matchAll(/data\.terraform_remote_state\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    const ds = stacks[stack]?.data?.terraform_remote_state?.[source];
    const control =
      /terraform\.(.+)\.tfstate$/.exec(String(ds?.config?.path ?? ""))?.[1] ??
      /^cross-stack-reference-input-(.+)$/.exec(source)?.[1] ??
      "";
    const value = String(stacks[control]?.output?.[output]?.value ?? "");
    for (const [, key] of value.matchAll(/aws_msk_cluster\.([\w-]+)\./g)) {
      const name = mskClusterNames(stacks, control)[key];
      if (name) found.add(name);
    }
  }
  return found;
}

/**
 * In every `<stack>-data` stack, every Kafka resource has `provider = "kafka.<alias>"`, that aliased provider
 * exists, and its `bootstrap_servers` reads the bootstrap output of exactly the cluster the resource's
 * metadata names; no two aliases point at the same cluster.
 */
export function dataPlaneBindingProblems(stacks: Stacks): string[] {
  const problems: string[] = [];
  const dataStacks = Object.keys(stacks).filter((s) => s.endsWith("-data"));
  if (dataStacks.length === 0) problems.push("no <stack>-data stack");
  for (const stack of dataStacks) {
    const providers: any[] = stacks[stack].provider?.kafka ?? [];
    const aliasClusters = new Map<string, Set<string>>();
    for (const p of providers) {
      if (p.alias === undefined) problems.push(`${stack}: a kafka provider without alias`);
      else aliasClusters.set(p.alias, clustersReferencedBy(stacks, String(p.bootstrap_servers ?? ""), stack));
    }
    for (const type of DATA_PLANE_TYPES) {
      for (const [key, r] of resources(stacks, stack, type)) {
        const cluster = clusterOf(r);
        const alias = /^kafka\.(.+)$/.exec(String(r.provider ?? ""))?.[1];
        const what = `${stack}: ${type}.${key}`;
        if (cluster === undefined) problems.push(`${what} has no cluster in its metadata`);
        else if (alias === undefined)
          problems.push(`${what} (${cluster}) has provider ${r.provider ?? "(none)"}, not kafka.<alias>`);
        else if (!aliasClusters.has(alias))
          problems.push(`${what} uses kafka.${alias}, which the stack does not declare`);
        else {
          const bound = [...aliasClusters.get(alias)!];
          if (bound.length !== 1 || bound[0] !== cluster) {
            problems.push(
              `${what} is for ${cluster}, but kafka.${alias} bootstraps from ${bound.join(" and ") || "no cluster output"}`,
            );
          }
        }
      }
    }
    const seen = new Map<string, string>();
    for (const [alias, clusters] of aliasClusters) {
      for (const c of clusters) {
        if (seen.has(c)) problems.push(`${stack}: aliases ${seen.get(c)} and ${alias} both point at ${c}`);
        seen.set(c, alias);
      }
    }
  }
  return problems;
}

/** What app/refusals.ts prints per case. */
export interface RefusalCase {
  readonly case: string;
  readonly threw: boolean;
  readonly name?: string;
  readonly isKafkaStandardsError?: boolean;
  readonly code?: string;
  readonly message?: string;
  /** The two clusters' names (`clusterName`). */
  readonly clusters: readonly string[];
}

/** Every case threw a KafkaStandardsError with code KSE-ACCESS-007 whose message names both clusters. */
export function refusalProblems(cases: readonly RefusalCase[], expected: number): string[] {
  if (cases.length !== expected) return [`${cases.length} cases ran, expected ${expected}`];
  return cases.flatMap((c) => {
    if (!c.threw) return [`${c.case}: accepted`];
    if (!c.isKafkaStandardsError || c.code !== "KSE-ACCESS-007") {
      return [`${c.case}: ${c.name} ${c.code ?? ""} ${c.message ?? ""}`.replace(/ +/g, " ")];
    }
    return c.clusters
      .filter((n) => !(c.message ?? "").includes(n))
      .map((n) => `${c.case}: the message does not name ${n}: ${c.message}`);
  });
}

/**
 * No stack reads a password through a data source (data sources are stored in state and re-read on every
 * plan); in the stacks with SCRAM users, every secret version writes `secret_string_wo` from an ephemeral
 * `aws_secretsmanager_random_password` and never `secret_string`.
 */
export function passwordSourceProblems(stacks: Stacks, scramStacks: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [stack, doc] of Object.entries(stacks)) {
    for (const type of ["aws_secretsmanager_random_password", "aws_secretsmanager_secret_version"]) {
      for (const key of Object.keys(doc.data?.[type] ?? {})) problems.push(`${stack}: data.${type}.${key}`);
    }
  }
  for (const stack of scramStacks) {
    const versions = resources(stacks, stack, "aws_secretsmanager_secret_version");
    if (versions.length === 0) problems.push(`${stack}: no SCRAM secret version`);
    for (const [key, v] of versions) {
      const wo = String(v.secret_string_wo ?? "");
      if (v.secret_string !== undefined) problems.push(`${stack}: ${key} sets secret_string`);
      if (!/ephemeral\.aws_secretsmanager_random_password\.[\w-]+\.random_password/.test(wo)) {
        problems.push(
          `${stack}: ${key}.secret_string_wo does not read an ephemeral aws_secretsmanager_random_password: ${wo || "(unset)"}`,
        );
      }
    }
    if (Object.keys(stacks[stack]?.ephemeral?.aws_secretsmanager_random_password ?? {}).length === 0) {
      problems.push(`${stack}: no ephemeral "aws_secretsmanager_random_password" block`);
    }
  }
  return problems;
}

/** Confluent resource types that belong to one Kafka cluster, and where each names it. */
export const CONFLUENT_CLUSTER_BOUND: Readonly<Record<string, readonly string[]>> = {
  confluent_kafka_topic: ["kafka_cluster.id", "rest_endpoint", "credentials.key"],
  confluent_kafka_acl: ["kafka_cluster.id", "rest_endpoint", "credentials.key"],
  confluent_role_binding: ["crn_pattern"],
  confluent_api_key: ["managed_resource.id"],
  confluent_kafka_mirror_topic: ["kafka_cluster.id", "kafka_cluster.rest_endpoint", "kafka_cluster.credentials.key"],
};

function at(resource: any, dotted: string): unknown {
  let v = resource;
  for (const k of dotted.split(".")) v = Array.isArray(v) ? v[0]?.[k] : v?.[k];
  return v;
}

/**
 * In every stack, every Confluent topic, ACL, role binding, API key and mirror topic names, through its own
 * arguments, the cluster its library metadata names: `kafka_cluster.id` and `rest_endpoint` reference
 * `confluent_kafka_cluster.<that cluster>` (`.id`, `.rest_endpoint`), a role binding's `crn_pattern` only
 * that cluster's `rbac_crn` and `id`, an API key's `managed_resource.id` that cluster's id (when its kind is
 * `Cluster`), and the API key in `credentials.key` is one of that cluster's keys.
 */
export function confluentBindingProblems(stacks: Stacks): string[] {
  const problems: string[] = [];
  for (const stack of Object.keys(stacks)) {
    const clusterName: Record<string, string | undefined> = Object.fromEntries(
      resources(stacks, stack, "confluent_kafka_cluster").map(([k, r]) => [k, clusterOf(r) ?? r.display_name]),
    );
    const keyCluster: Record<string, string | undefined> = Object.fromEntries(
      resources(stacks, stack, "confluent_api_key").map(([k, r]) => [k, clusterOf(r)]),
    );
    for (const [type, fields] of Object.entries(CONFLUENT_CLUSTER_BOUND)) {
      for (const [key, r] of resources(stacks, stack, type)) {
        const what = `${stack}: ${type}.${key}`;
        const cluster = clusterOf(r);
        if (cluster === undefined) {
          problems.push(`${what} has no cluster in its metadata`);
          continue;
        }
        for (const field of fields) {
          if (type === "confluent_api_key" && at(r, "managed_resource.kind") !== "Cluster") continue;
          const value = at(r, field);
          if (typeof value !== "string" || value === "") {
            problems.push(`${what} (${cluster}) has no ${field}`);
            continue;
          }
          if (field.endsWith("credentials.key")) {
            const apiKeys = [...value.matchAll(/\$\{confluent_api_key\.([\w-]+)\.id\}/g)].map((m) => m[1]);
            if (apiKeys.length !== 1 || keyCluster[apiKeys[0]] !== cluster) {
              const owners = apiKeys.map((k) => keyCluster[k] ?? `unknown key ${k}`).join(" and ");
              problems.push(`${what} is for ${cluster}, but ${field} is an API key of ${owners || value}`);
            }
            continue;
          }
          const refs = [...value.matchAll(/\bconfluent_kafka_cluster\.([\w-]+)\.([\w-]+)/g)];
          const named = [...new Set(refs.map((m) => clusterName[m[1]] ?? `unknown cluster ${m[1]}`))];
          const wrongAttribute = refs.filter(([, , attr]) =>
            field === "crn_pattern" ? !["rbac_crn", "id"].includes(attr) : attr !== field.split(".").pop(),
          );
          if (named.length !== 1 || named[0] !== cluster) {
            problems.push(`${what} is for ${cluster}, but ${field} references ${named.join(" and ") || value}`);
          } else if (wrongAttribute.length > 0) {
            problems.push(`${what}: ${field} reads ${wrongAttribute.map((m) => m[0]).join(", ")}`);
          }
        }
      }
    }
  }
  return problems;
}
