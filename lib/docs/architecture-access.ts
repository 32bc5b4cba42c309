/**
 * Who may do what in a synthesized document: principals (SCRAM users, IAM policies, ACL
 * principals, Confluent service accounts) and their grants on topics and clusters, read from
 * `aws_secretsmanager_secret` (`AmazonMSK_*`), `aws_iam_policy` / `aws_iam_role_policy`,
 * `kafka_acl`, `confluent_kafka_acl`, `confluent_role_binding` and `confluent_api_key`.
 *
 * Access is named as a data flow where it can be derived: `produce` for ACL Write, IAM
 * `kafka-cluster:WriteData` and role DeveloperWrite; `consume` for ACL Read, IAM `ReadData` and
 * role DeveloperRead.
 */
import { parseJsonTemplate } from "../core/json-template";
import { CONFLUENT_ROLES } from "../standards/confluent";
import { MSK_SCRAM_SECRET_PREFIX } from "../standards/naming";
import {
  DocIndex,
  DocResource,
  asObject,
  block,
  blocks,
  display,
  isReference,
  str,
  strings,
} from "./architecture-document";
import type { ClusterEntry, ClusterRegistry, TopicEntry } from "./architecture-clusters";
import { confluentCluster, isScramSecret, mongeyCluster } from "./architecture-clusters";

/** A principal that holds grants. */
export interface PrincipalEntry {
  /** Stable key: `User:<name>`, or the service account's address. */
  readonly key: string;
  /** Text shown. */
  label: string;
  /** Kind of identity. */
  kind: "SCRAM user" | "IAM policy" | "service account" | "principal";
  /** Credentials on clusters: Confluent API keys, SCRAM secrets associated with an MSK cluster. */
  readonly credentials: { readonly clusterKey: string; readonly kind: "API key" | "SCRAM secret" }[];
}

/** What a grant allows. */
export type Access = "produce" | "consume" | "manage" | "owner" | "admin";

/** One grant: a principal's access to a topic, a topic pattern or a whole cluster. */
export interface GrantEntry {
  /** Principal key. */
  readonly principalKey: string;
  /** Cluster key. */
  readonly clusterKey: string;
  /** What is allowed. */
  readonly access: Access;
  /** The topic, when the grant names one of the document's topics. */
  readonly topicKey?: string;
  /** Topic pattern when no single topic matches (`*` is every topic); absent for cluster grants. */
  readonly pattern?: string;
}

/** The access part of the inventory. */
export interface AccessInventory {
  readonly principals: PrincipalEntry[];
  readonly grants: GrantEntry[];
}

/** Kafka ACL operations (Mongey `acl_operation`, Confluent `operation`) as data flows. */
const ACL_ACCESS: Readonly<Record<string, readonly Access[]>> = {
  write: ["produce"],
  read: ["consume"],
  all: ["produce", "consume"],
};

/** IAM actions on MSK data (docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html). */
const IAM_ACCESS: Readonly<Record<string, readonly Access[]>> = {
  "kafka-cluster:writedata": ["produce"],
  "kafka-cluster:writedataidempotently": ["produce"],
  "kafka-cluster:readdata": ["consume"],
  "kafka-cluster:*": ["produce", "consume"],
};

/** Predefined Confluent roles as data flows (CONFLUENT_ROLES in the standard). */
const ROLE_ACCESS: Readonly<Record<string, Access>> = {
  [CONFLUENT_ROLES.developerWrite]: "produce",
  [CONFLUENT_ROLES.developerRead]: "consume",
  [CONFLUENT_ROLES.developerManage]: "manage",
  ResourceOwner: "owner",
  [CONFLUENT_ROLES.clusterAdmin]: "admin",
};

/** A pattern grant matching more topics than this is shown as the pattern, not one edge per topic. */
export const PATTERN_EXPANSION_LIMIT = 10;

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
}

/** The topics of one cluster, indexed for grant lookups by exact name and by prefix. */
class ClusterTopics {
  /** Topics by name, in document order. */
  public readonly byName = new Map<string, TopicEntry[]>();
  /** Topics sorted by name (ties in document order), for prefix ranges. */
  public readonly sorted: TopicEntry[] = [];

  constructor(private readonly order: ReadonlyMap<TopicEntry, number>) {}

  public add(t: TopicEntry): void {
    const list = this.byName.get(t.name);
    if (list) list.push(t);
    else this.byName.set(t.name, [t]);
    this.sorted.push(t);
  }

  public seal(): void {
    this.sorted.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : this.order.get(a)! - this.order.get(b)!));
  }

  /** Topics whose name starts with `prefix`, in document order: a binary search, then the range. */
  public withPrefix(prefix: string): TopicEntry[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].name < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: TopicEntry[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i].name.startsWith(prefix); i++) out.push(this.sorted[i]);
    return out.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}

class AccessReader {
  public readonly principals = new Map<string, PrincipalEntry>();
  public readonly grants: GrantEntry[] = [];
  private readonly grantKeys = new Set<string>();
  private readonly topicsByKey = new Map<string, TopicEntry>();
  private readonly topicsByCluster = new Map<string, ClusterTopics>();
  /** SCRAM secret address → the cluster entries its associations name (single associations first). */
  private readonly scramAssociations = new Map<string, ClusterEntry[]>();
  /** Secret address → its first secret version. */
  private readonly secretVersions = new Map<string, DocResource>();

  constructor(
    private readonly index: DocIndex,
    private readonly registry: ClusterRegistry,
    private readonly topics: readonly TopicEntry[],
  ) {
    // Grants look topics up by key, exact name or prefix: index them once, not once per grant.
    const order = new Map(topics.map((t, i) => [t, i] as const));
    for (const t of topics) {
      if (!this.topicsByKey.has(t.key)) this.topicsByKey.set(t.key, t);
      let cluster = this.topicsByCluster.get(t.clusterKey);
      if (!cluster) {
        cluster = new ClusterTopics(order);
        this.topicsByCluster.set(t.clusterKey, cluster);
      }
      cluster.add(t);
    }
    for (const c of this.topicsByCluster.values()) c.seal();
  }

  /** Topics of a cluster a glob matches, in document order. */
  private matching(clusterKey: string, glob: string): TopicEntry[] {
    const cluster = this.topicsByCluster.get(clusterKey);
    if (!cluster) return [];
    const star = glob.indexOf("*");
    if (!/[*?]/.test(glob)) return [...(cluster.byName.get(glob) ?? [])];
    if (star === glob.length - 1 && !glob.includes("?")) return cluster.withPrefix(glob.slice(0, -1));
    const re = globToRegExp(glob);
    return this.topics.filter((t) => t.clusterKey === clusterKey && re.test(t.name));
  }

  public principal(key: string, label: string, kind: PrincipalEntry["kind"]): PrincipalEntry {
    const hit = this.principals.get(key);
    if (hit) {
      // A SCRAM user or a service account is more specific than a bare ACL principal.
      if (hit.kind === "principal" && kind !== "principal") Object.assign(hit, { kind, label });
      return hit;
    }
    const entry: PrincipalEntry = { key, label, kind, credentials: [] };
    this.principals.set(key, entry);
    return entry;
  }

  /** A Kafka principal string (`User:alice`, `User:${confluent_service_account.x.id}`) as a principal. */
  public kafkaPrincipal(value: unknown): PrincipalEntry | undefined {
    const sa = this.index.ref(value, ["confluent_service_account"]);
    if (sa) return this.serviceAccount(sa);
    const text = str(value);
    if (!text || isReference(text)) return text ? this.principal(display(text), display(text), "principal") : undefined;
    return this.principal(text, text.replace(/^User:/, ""), "principal");
  }

  public serviceAccount(sa: DocResource): PrincipalEntry {
    return this.principal(
      sa.address,
      `service account ${display(sa.attrs.display_name ?? sa.name)}`,
      "service account",
    );
  }

  /**
   * Grants access to the topics a name or pattern matches. A pattern that matches no topic, or more
   * than {@link PATTERN_EXPANSION_LIMIT}, stays one pattern grant.
   */
  public grant(
    principal: PrincipalEntry,
    cluster: ClusterEntry,
    access: Access,
    pattern: unknown,
    prefixed = false,
  ): void {
    const topicRef = this.index.ref(pattern, ["kafka_topic", "confluent_kafka_topic", "confluent_kafka_mirror_topic"]);
    if (topicRef) {
      const t = this.topicsByKey.get(topicRef.address);
      if (t) return this.add({ principalKey: principal.key, clusterKey: t.clusterKey, access, topicKey: t.key });
    }
    const text = display(pattern);
    const glob = prefixed ? `${text}*` : text || "*";
    const matches = glob === "*" ? [] : this.matching(cluster.key, glob);
    const isPattern = glob !== text || /[*?]/.test(text);
    if (matches.length === 0 || (isPattern && matches.length > PATTERN_EXPANSION_LIMIT)) {
      return this.add({ principalKey: principal.key, clusterKey: cluster.key, access, pattern: glob });
    }
    for (const t of matches)
      this.add({ principalKey: principal.key, clusterKey: t.clusterKey, access, topicKey: t.key });
  }

  public add(g: GrantEntry): void {
    const key = [g.principalKey, g.clusterKey, g.access, g.topicKey, g.pattern].join("\u0000");
    if (this.grantKeys.has(key)) return;
    this.grantKeys.add(key);
    this.grants.push(g);
  }

  private credential(p: PrincipalEntry, clusterKey: string, kind: PrincipalEntry["credentials"][number]["kind"]): void {
    if (!p.credentials.some((c) => c.clusterKey === clusterKey && c.kind === kind))
      p.credentials.push({ clusterKey, kind });
  }

  /** SCRAM users: the secret's `username`, else its name without `AmazonMSK_` and the cluster prefix. */
  public scram(): void {
    this.indexScram();
    for (const s of this.index.of("aws_secretsmanager_secret").filter(isScramSecret)) {
      const clusters = this.scramAssociations.get(s.address) ?? [];
      const version = this.secretVersions.get(s.address);
      const fromValue = /"username"\s*[=:]\s*\\?"([^"\\]+)\\?"/.exec(
        `${str(version?.attrs.secret_string) ?? ""} ${str(version?.attrs.secret_string_wo) ?? ""}`,
      )?.[1];
      let user = display(s.attrs.name).slice(MSK_SCRAM_SECRET_PREFIX.length);
      for (const c of clusters) if (user.startsWith(`${c.name}_`)) user = user.slice(c.name.length + 1);
      const name = fromValue ?? user;
      const p = this.principal(`User:${name}`, `SCRAM user ${name}`, "SCRAM user");
      for (const c of clusters) this.credential(p, c.key, "SCRAM secret");
    }
  }

  /** Index secret versions and SCRAM associations by secret address, once. */
  private indexScram(): void {
    for (const v of this.index.of("aws_secretsmanager_secret_version")) {
      const secret = this.index.ref(v.attrs.secret_id)?.address;
      if (secret !== undefined && !this.secretVersions.has(secret)) this.secretVersions.set(secret, v);
    }
    const associate = (secret: string | undefined, clusterArn: unknown): void => {
      if (secret === undefined) return;
      const c = this.registry.resolve(clusterArn, false);
      if (!c) return;
      const list = this.scramAssociations.get(secret);
      if (list) list.push(c);
      else this.scramAssociations.set(secret, [c]);
    };
    for (const a of this.index.of("aws_msk_single_scram_secret_association")) {
      associate(this.index.ref(a.attrs.secret_arn)?.address, a.attrs.cluster_arn);
    }
    for (const a of this.index.of("aws_msk_scram_secret_association")) {
      for (const secret of new Set(this.index.refs(a.attrs.secret_arn_list).map((r) => r.address))) {
        associate(secret, a.attrs.cluster_arn);
      }
    }
  }

  public acls(): void {
    for (const a of this.index.of("kafka_acl")) {
      if (!/^topic$/i.test(str(a.attrs.resource_type) ?? "") || /^deny$/i.test(str(a.attrs.acl_permission_type) ?? ""))
        continue;
      const p = this.kafkaPrincipal(a.attrs.acl_principal);
      const prefixed = /^prefixed$/i.test(str(a.attrs.resource_pattern_type_filter) ?? "");
      for (const access of ACL_ACCESS[(str(a.attrs.acl_operation) ?? "").toLowerCase()] ?? []) {
        if (p) this.grant(p, mongeyCluster(this.index, this.registry, a), access, a.attrs.resource_name, prefixed);
      }
    }
    for (const a of this.index.of("confluent_kafka_acl")) {
      if (str(a.attrs.resource_type) !== "TOPIC" || str(a.attrs.permission) === "DENY") continue;
      const p = this.kafkaPrincipal(a.attrs.principal);
      const prefixed = str(a.attrs.pattern_type) === "PREFIXED";
      for (const access of ACL_ACCESS[(str(a.attrs.operation) ?? "").toLowerCase()] ?? []) {
        if (p) this.grant(p, confluentCluster(this.index, this.registry, a), access, a.attrs.resource_name, prefixed);
      }
    }
  }

  public roleBindings(): void {
    for (const b of this.index.of("confluent_role_binding")) {
      const access = ROLE_ACCESS[str(b.attrs.role_name) ?? ""];
      const p = this.kafkaPrincipal(b.attrs.principal);
      if (!access || !p) continue;
      const crn = str(b.attrs.crn_pattern) ?? "";
      const cluster =
        this.registry.resolve(/\/kafka=([^/]+)/.exec(crn)?.[1] ?? crn, false) ??
        this.registry.resolve(crn, false) ??
        this.registry.only("confluent");
      if (!cluster) continue;
      const topic = /\/topic=([^/]+)$/.exec(crn)?.[1];
      if (topic !== undefined) this.grant(p, cluster, access, topic);
      else if (!/\/(group|transactional-id)=/.test(crn))
        this.add({ principalKey: p.key, clusterKey: cluster.key, access });
    }
    for (const k of this.index.of("confluent_api_key")) {
      const owner = this.index.ref(block(k.attrs, "owner")?.id, ["confluent_service_account"]);
      const cluster = this.registry.resolve(block(k.attrs, "managed_resource")?.id, false);
      if (!owner || !cluster) continue;
      this.credential(this.serviceAccount(owner), cluster.key, "API key");
    }
    for (const sa of this.index.of("confluent_service_account")) this.serviceAccount(sa);
  }

  public iam(): void {
    const policies = [...this.index.of("aws_iam_policy"), ...this.index.of("aws_iam_role_policy")];
    for (const policy of policies) {
      const statements = this.statements(policy.attrs.policy);
      const grants = statements.flatMap((s) => this.iamGrants(s));
      if (grants.length === 0) continue;
      const p = this.principal(policy.address, `IAM policy ${display(policy.attrs.name ?? policy.name)}`, "IAM policy");
      for (const [cluster, access, pattern] of grants) this.grant(p, cluster, access, pattern);
    }
  }

  /** Statements of a policy: literal JSON, a `jsonencode(…)` expression, or an `aws_iam_policy_document`. */
  private statements(policy: unknown): Record<string, unknown>[] {
    const doc = this.index.ref(policy, ["data.aws_iam_policy_document"]);
    if (doc) {
      return blocks(doc.attrs.statement).map((s) => ({
        Effect: s.effect ?? "Allow",
        Action: s.actions,
        Resource: s.resources,
      }));
    }
    const text = str(policy) ?? "";
    const parsed = parsePolicy(text);
    if (parsed) return blocks(asObject(parsed)?.Statement);
    // Unparseable: one pseudo-statement from every action and resource the text names.
    return [
      {
        Effect: "Allow",
        Action: text.match(/kafka-cluster:[A-Za-z*]+/g) ?? [],
        Resource: text.match(/arn:[^"\s,\]]*topic\/[^"\s,\]]+/g) ?? [],
      },
    ];
  }

  private iamGrants(s: Record<string, unknown>): [ClusterEntry, Access, string][] {
    if (str(s.Effect) === "Deny") return [];
    const accesses = [...new Set(strings(s.Action).flatMap((a) => IAM_ACCESS[a.toLowerCase()] ?? []))];
    const out: [ClusterEntry, Access, string][] = [];
    for (const resource of strings(s.Resource)) {
      // The library's form: ${replace(aws_msk_cluster.<name>.arn, ":cluster/", ":topic/")}/<topic>
      const derived = /^\$\{replace\((aws_msk_cluster\.[^.]+)\.arn, ":cluster\/", ":topic\/"\)\}\/(.+)$/.exec(resource);
      const entry = derived ? this.registry.byKey(derived[1]) : undefined;
      if (derived && entry) {
        for (const a of accesses) out.push([entry, a, derived[2]]);
        continue;
      }
      // arn:aws:kafka:<region>:<account>:topic/<cluster name>/<cluster uuid>/<topic>
      const m = /topic\/([^/]+)\/[^/]+\/(.+)$/.exec(resource);
      if (!m) continue;
      const byRef = this.index.ref(resource, ["aws_msk_cluster"]);
      const clusters = byRef
        ? [this.registry.byKey(byRef.address)!]
        : this.registry.clusters.filter((c) => c.backend === "msk" && globToRegExp(display(m[1])).test(c.name));
      const targets =
        clusters.length > 0 ? clusters : [this.registry.only("msk") ?? this.registry.external(display(m[1]))];
      for (const c of targets) for (const a of accesses) out.push([c, a, m[2]]);
    }
    return out;
  }
}

/**
 * Parses a policy: JSON (interpolations allowed), or cdktf's `${jsonencode({"Key" = value, …})}` form, whose references
 * become strings. Undefined when neither works.
 */
export function parsePolicy(text: string): unknown {
  try {
    // JSON, possibly with Terraform interpolations inside strings (the library writes policies so).
    return parseJsonTemplate(text);
  } catch {
    const inner = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(text.trim())?.[1];
    if (!inner) return undefined;
    const json = inner
      .replace(/"\s*=\s*/g, '": ')
      .replace(/([:[,]\s*)([A-Za-z_][\w.-]*(?:\[[^\]]*\])?)(?=\s*[,\]}])/g, (m, pre: string, expr: string) =>
        ["true", "false", "null"].includes(expr) ? m : `${pre}"\${${expr}}"`,
      );
    try {
      return JSON.parse(json);
    } catch {
      return undefined;
    }
  }
}

/** Reads principals and grants. */
export function readAccess(index: DocIndex, registry: ClusterRegistry, topics: readonly TopicEntry[]): AccessInventory {
  const reader = new AccessReader(index, registry, topics);
  reader.scram();
  reader.acls();
  reader.roleBindings();
  reader.iam();
  return { principals: [...reader.principals.values()], grants: reader.grants };
}
