/**
 * `inspect --emit typescript`: a runnable cdktf program that declares what a live cluster holds (topics
 * with their class and explicit overrides, applications derived from ACL principals with their grants,
 * quotas) on `MskCluster.fromAttributes`, with `adopt` everywhere, so the first apply imports every object
 * instead of recreating it. Deviations from the standard become overrides with a reason, and the live audit's
 * findings on them become suppressions naming the rule and the reason, so the library's audit shows them as
 * accepted weakenings. Pure: inventory and options in, source text out.
 */
import { TOPIC_CLASSES, TOPIC_CLASS_NAMES, TopicClass, TopicClassName } from "../standards/topic-classes";
import { TOPIC_NAME_PATTERN } from "../standards/naming";
import type { EnvironmentTier } from "../standards/tiers";
import type { AuditReport } from "../audit/engine";
import { replicationFactorOf } from "./metrics";
import { resourceName } from "./resources";
import type { LiveAcl, LiveInventory, LiveTopic } from "./types";

/** How the emitted program reaches the cluster (from `--command-config`). */
export type EmitAuth =
  | { readonly kind: "plaintext" }
  | { readonly kind: "iam"; readonly region?: string }
  | { readonly kind: "scram"; readonly username: string }
  | { readonly kind: "mtls" };

/** Options of {@link emitTypeScript}. */
export interface EmitOptions {
  /** Bootstrap servers the program's Kafka provider uses. */
  readonly bootstrapServers: string;
  /** Authentication of the data plane. */
  readonly auth: EmitAuth;
  /** Tier of the cluster. */
  readonly tier: EnvironmentTier;
  /** Cluster name. @default `live-<cluster id>` */
  readonly clusterName?: string;
  /** Class per topic, overriding the inference. */
  readonly topicClasses?: Readonly<Record<string, TopicClassName>>;
  /** The live audit of the same inventory: its findings on adopted objects become suppressions. */
  readonly audit?: AuditReport;
  /**
   * Raise each topic's replication factor, min.insync.replicas and unclean leader election to its class
   * (in-place updates) instead of keeping them as found. Retention and cleanup policy are kept.
   * @default false
   */
  readonly remediate?: boolean;
  /** Reason written on every adopted object. */
  readonly reason?: string;
}

/** What was emitted. */
export interface EmitResult {
  readonly code: string;
  readonly topics: number;
  readonly applications: number;
  readonly grants: number;
  readonly adoptedAcls: number;
  readonly quotas: number;
  /** Changes the program makes on purpose (`remediate`). */
  readonly remediations: readonly string[];
  /** Objects that could not be expressed (named, with why). */
  readonly skipped: readonly string[];
}

/** Provider spelling of the Admin client's enum names (`TRANSACTIONAL_ID` → `TransactionalID`). */
export function providerSpelling(value: string): string {
  const special: Record<string, string> = { TRANSACTIONAL_ID: "TransactionalID", DELEGATION_TOKEN: "DelegationToken" };
  if (special[value]) return special[value];
  return value
    .toLowerCase()
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** A live ACL in the provider's spelling, as its import id. */
export function liveAclId(a: LiveAcl): string {
  return [
    a.principal,
    a.host,
    providerSpelling(a.operation),
    providerSpelling(a.permission),
    providerSpelling(a.resourceType),
    a.resourceName,
    providerSpelling(a.patternType),
  ].join("|");
}

function classConfig(c: TopicClass): Record<string, string> {
  return {
    "cleanup.policy": c.cleanupPolicy,
    "retention.ms": String(c.retentionMs),
    "min.insync.replicas": String(c.minInsyncReplicas),
  };
}

/**
 * The class of a live topic: compacted → `state`; else the class whose retention equals the topic's and
 * whose durability matches its min.insync.replicas; else `events`.
 */
export function inferTopicClass(t: LiveTopic): TopicClassName {
  const cleanup = t.configs["cleanup.policy"] ?? "delete";
  if (cleanup.includes("compact")) return "state";
  const retention = t.configs["retention.ms"];
  const minIsr = Number(t.configs["min.insync.replicas"] ?? t.effectiveMinInsyncReplicas ?? 2);
  if (retention !== undefined) {
    const match = TOPIC_CLASS_NAMES.find((n) => {
      const c = TOPIC_CLASSES[n];
      return String(c.retentionMs) === retention && c.durable === minIsr >= 2 && c.cleanupPolicy === cleanup;
    });
    if (match) return match;
  }
  return "events";
}

/** The package the emitted program imports (a user's program, so by its published name). */
const PACKAGE_NAME = "cdktf-kafka-standards";

const q = (s: string): string => JSON.stringify(s);
const ident = (raw: string, taken: Set<string>): string => {
  const camel = raw.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""));
  return resourceName(/^[A-Za-z_]/.test(camel) ? camel : `_${camel}`, taken).replace(/-/g, "_");
};

/** Findings of the live audit on one live resource (`kafka_topic.<name>` …), as rule ids. */
function findingsOn(audit: AuditReport | undefined, resource: string): string[] {
  if (!audit) return [];
  return [...new Set(audit.findings.filter((f) => f.resource.endsWith(resource)).map((f) => f.rule))].sort();
}

/** SCRAM user names the library accepts (`KafkaPrincipal.scramUser`). */
const SCRAM_USER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A certificate subject as Kafka names an SSL principal (`KafkaPrincipal.tlsCertificate`). */
const DISTINGUISHED_NAME = /^[A-Za-z][\w.-]*=/;

/**
 * Principal of an ACL principal string, or undefined where no application fits: wildcards, `ANONYMOUS`,
 * IAM sessions (`User:arn:…`, named per assumed-role session), and names the library would refuse.
 */
function principalFactory(aclPrincipal: string): { expr: string; name: string } | undefined {
  if (!aclPrincipal.startsWith("User:")) return undefined;
  const name = aclPrincipal.slice(5);
  if (name === "*" || name === "ANONYMOUS" || name.startsWith("arn:")) return undefined;
  if (DISTINGUISHED_NAME.test(name)) return { expr: `KafkaPrincipal.tlsCertificate(${q(name)})`, name };
  if (SCRAM_USER.test(name)) return { expr: `KafkaPrincipal.scramUser(${q(name)})`, name };
  return undefined;
}

function appName(raw: string, taken: Set<string>): string {
  // A certificate subject is named after its common name.
  const cn = DISTINGUISHED_NAME.test(raw) ? /(?:^|,)\s*CN=([^,]+)/i.exec(raw)?.[1] : undefined;
  const base =
    (cn ?? raw)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50) || "app";
  const start = /^[a-z]/.test(base) ? base : `app-${base}`;
  let name = start;
  for (let i = 2; taken.has(name); i++) name = `${start}-${i}`;
  taken.add(name);
  return name;
}

/** Writes the program. */
export function emitTypeScript(inv: LiveInventory, options: EmitOptions): EmitResult {
  const reason = options.reason ?? `adopted from live cluster ${inv.clusterId} by kafka-standards inspect`;
  const clusterName = options.clusterName ?? `live-${inv.clusterId}`.toLowerCase().replace(/[^a-z0-9-]/g, "-");
  const skipped: string[] = [];
  const remediations: string[] = [];
  const body: string[] = [];
  const vars = new Set<string>(["stack", "cluster", "app"]);
  const liveNames = new Set<string>();
  const suppress = (target: string, rules: string[]): void => {
    if (rules.length === 0) return;
    body.push(
      `KafkaStandardsSuppressions.add(${target}, [`,
      ...rules.map((r) => `  { id: ${q(r)}, reason: FOUND },`),
      `]);`,
    );
  };

  // Topics.
  const topicVar = new Map<string, string>();
  const durable = new Map<string, boolean>();
  const topics = inv.topics.filter((t) => !t.internal);
  for (const t of topics) {
    if (!TOPIC_NAME_PATTERN.test(t.name) && !options.topicClasses?.[t.name]) {
      // The cluster's pattern is relaxed below to accept every live name.
    }
    const className = options.topicClasses?.[t.name] ?? inferTopicClass(t);
    const cls = TOPIC_CLASSES[className];
    const liveRf = replicationFactorOf(t);
    const defaults = classConfig(cls);
    const config: Record<string, string> = {};
    for (const key of Object.keys(t.configs).sort()) {
      if (defaults[key] !== t.configs[key]) config[key] = t.configs[key];
    }
    // A class default the topic does not override is kept at the broker's effective value when it differs.
    if (config["min.insync.replicas"] === undefined && t.effectiveMinInsyncReplicas !== null) {
      const eff = String(t.effectiveMinInsyncReplicas);
      if (eff !== defaults["min.insync.replicas"] && t.configs["min.insync.replicas"] === undefined)
        config["min.insync.replicas"] = eff;
    }
    let rf = liveRf;
    if (options.remediate) {
      // Raised in place (the provider reassigns partitions; it never recreates the topic). Retention and
      // cleanup policy are left as found: lowering them deletes data.
      const target = Math.min(cls.minReplicationFactor, inv.brokers.length);
      if (rf < target) {
        remediations.push(`${t.name}: replication factor ${rf} → ${target}`);
        rf = target;
      }
      const isr = config["min.insync.replicas"];
      if (isr !== undefined && Number(isr) < cls.minInsyncReplicas && rf > cls.minInsyncReplicas) {
        remediations.push(`${t.name}: min.insync.replicas ${isr} → ${cls.minInsyncReplicas}`);
        delete config["min.insync.replicas"];
      }
      if (cls.durable && config["unclean.leader.election.enable"] === "true") {
        remediations.push(`${t.name}: unclean.leader.election.enable true → false`);
        delete config["unclean.leader.election.enable"];
      }
    }
    const v = ident(t.name, vars);
    topicVar.set(t.name, v);
    const minIsr = Number(config["min.insync.replicas"] ?? defaults["min.insync.replicas"]);
    durable.set(t.name, rf >= 3 && minIsr >= 2);
    const props = [
      `topicClass: ${q(className)}`,
      `partitions: ${t.partitions.length}`,
      `replicationFactor: ${rf}`,
      ...(Object.keys(config).length > 0
        ? [
            `config: { ${Object.entries(config)
              .map(([k, val]) => `${q(k)}: ${q(val)}`)
              .join(", ")} }`,
          ]
        : []),
      `adopt: { reason: REASON }`,
    ];
    body.push(`const ${v} = cluster.addTopic(${q(t.name)}, {`, ...props.map((p) => `  ${p},`), `});`);
    suppress(v, findingsOn(options.audit, `kafka_topic.${resourceName(t.name, new Set())}`));
    liveNames.add(t.name);
  }

  // Applications and grants from ACL principals; the rest adopted as found.
  const acls = inv.acls ?? [];
  const covered = new Set<string>();
  const apps = new Map<string, { v: string; name: string; expr: string; profile?: string; lines: string[] }>();
  const appNames = new Set<string>();
  const appFor = (principal: string): { v: string; name: string; lines: string[]; profile?: string } | undefined => {
    const existing = apps.get(principal);
    if (existing) return existing;
    const p = principalFactory(principal);
    if (!p) return undefined;
    const name = appName(p.name, appNames);
    const entry = { v: ident(name, vars), name, expr: p.expr, lines: [] as string[] };
    apps.set(principal, entry);
    return entry;
  };
  const have = new Set(acls.map(liveAclId));
  const byPrincipal = new Map<string, LiveAcl[]>();
  for (const a of acls) (byPrincipal.get(a.principal) ?? byPrincipal.set(a.principal, []).get(a.principal)!).push(a);
  let grants = 0;
  for (const [principal, list] of byPrincipal) {
    if (!principalFactory(principal)) continue;
    const id = (op: string, type: string, name: string, pattern = "Literal"): string =>
      [principal, "*", op, "Allow", type, name, pattern].join("|");
    const groups = list
      .filter((a) => liveAclId(a) === id("Read", "Group", a.resourceName))
      .map((a) => a.resourceName)
      .filter((g) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,248}$/.test(g));
    const idempotent = have.has(id("IdempotentWrite", "Cluster", "kafka-cluster"));
    const produced = [...liveNames].filter(
      (t) => have.has(id("Write", "Topic", t)) && have.has(id("Describe", "Topic", t)),
    );
    const consumed = [...liveNames].filter(
      (t) => have.has(id("Read", "Topic", t)) && have.has(id("Describe", "Topic", t)),
    );
    if (produced.length === 0 && (consumed.length === 0 || groups.length === 0)) continue;
    const app = appFor(principal)!;
    if (produced.length > 0) {
      const allDurable = produced.every((t) => durable.get(t));
      // EXACTLY_ONCE writes Write and Describe on the transactional ids `<application>-*` (MskAccess.grantProduce).
      const txn = [
        id("Write", "TransactionalID", `${app.name}-`, "Prefixed"),
        id("Describe", "TransactionalID", `${app.name}-`, "Prefixed"),
      ];
      const transactional = idempotent && allDurable && txn.every((x) => have.has(x));
      app.profile = !idempotent ? "LATENCY" : transactional ? "EXACTLY_ONCE" : allDurable ? "DURABILITY" : "THROUGHPUT";
      if (transactional) for (const x of txn) covered.add(x);
      for (const t of produced) {
        app.lines.push(`${topicVar.get(t)}.grantProduce(${app.v});`);
        covered.add(id("Write", "Topic", t)).add(id("Describe", "Topic", t));
        grants++;
      }
      if (idempotent) covered.add(id("IdempotentWrite", "Cluster", "kafka-cluster"));
    }
    if (groups.length > 0) {
      for (const t of consumed) {
        for (const g of groups) {
          app.lines.push(`${topicVar.get(t)}.grantConsume(${app.v}, { group: ${q(g)} });`);
          covered
            .add(id("Read", "Topic", t))
            .add(id("Describe", "Topic", t))
            .add(id("Read", "Group", g));
          grants++;
        }
      }
    }
  }

  // Quotas of users become application quotas.
  let quotas = 0;
  const quotaLines: string[] = [];
  const keyOf: Record<string, string> = {
    producer_byte_rate: "producerByteRate",
    consumer_byte_rate: "consumerByteRate",
    request_percentage: "requestPercentage",
  };
  for (const quota of inv.quotas ?? []) {
    const types = Object.keys(quota.entity);
    const unknown = Object.keys(quota.values).filter((k) => !keyOf[k]);
    const user = quota.entity.user;
    const app =
      types.length === 1 && user !== undefined && user !== "<default>" && unknown.length === 0
        ? appFor(`User:${user}`)
        : undefined;
    if (app) {
      const values = Object.entries(quota.values).map(([k, val]) => `${keyOf[k]}: ${val}`);
      quotaLines.push(`cluster.addQuota(${app.v}, { ${values.join(", ")} });`);
    } else if (types.length === 1 && ["user", "client-id", "ip"].includes(types[0])) {
      const name = quota.entity[types[0]];
      quotaLines.push(
        `cluster.adoptQuota({`,
        `  entityType: ${q(types[0])},`,
        ...(name !== "<default>" ? [`  entityName: ${q(name)},`] : []),
        `  config: { ${Object.entries(quota.values)
          .map(([k, val]) => `${q(k)}: ${val}`)
          .join(", ")} },`,
        `  reason: REASON,`,
        `});`,
      );
    } else {
      skipped.push(`quota ${JSON.stringify(quota.entity)}: the provider has no quota of combined entities`);
      continue;
    }
    quotas++;
  }

  const appLines: string[] = [];
  const scramUsers = new Set<string>((inv.scramUsers ?? []).map((u) => u.name));
  let mtls = false;
  for (const [principal, a] of apps) {
    const p = principalFactory(principal)!;
    if (p.expr.includes("tlsCertificate")) mtls = true;
    else scramUsers.add(p.name);
    const profile = a.profile ? `, producerProfile: ${q(a.profile)}` : "";
    const adopt = a.lines.length > 0 ? ", adopt: true" : "";
    appLines.push(`const ${a.v} = cluster.addApplication(${q(a.name)}, { principal: ${a.expr}${profile}${adopt} });`);
    appLines.push(...a.lines);
  }

  const aclLines: string[] = [];
  let adoptedAcls = 0;
  const aclNames = new Set<string>();
  for (const a of acls) {
    const id = liveAclId(a);
    if (covered.has(id)) continue;
    const [principal, host, operation, permission, resourceType, resourceName_, patternType] = id.split("|");
    const v = ident(`acl_${principal}_${operation}_${resourceType}_${resourceName_}`, vars);
    aclNames.add(v);
    aclLines.push(
      `const ${v} = cluster.adoptAcl({`,
      `  principal: ${q(principal)},`,
      `  host: ${q(host)},`,
      `  operation: ${q(operation)},`,
      `  permission: ${q(permission)},`,
      `  resourceType: ${q(resourceType)},`,
      `  resourceName: ${q(resourceName_)},`,
      `  patternType: ${q(patternType)},`,
      `  reason: REASON,`,
      `});`,
    );
    const live = `kafka_acl.${resourceName(`${a.principal}_${a.operation}_${a.resourceType}_${a.resourceName}`, new Set())}`;
    const rules = findingsOn(options.audit, live);
    if (rules.length > 0) {
      aclLines.push(
        `KafkaStandardsSuppressions.add(${v}, [`,
        ...rules.map((r) => `  { id: ${q(r)}, reason: FOUND },`),
        `]);`,
      );
    }
    adoptedAcls++;
  }

  const auth = options.auth;
  const authExpr =
    auth.kind === "plaintext"
      ? `ExistingClusterAuth.plaintext({ reason: ${q("the live cluster's listener has no TLS; move to TLS before staging")} })`
      : auth.kind === "iam"
        ? `ExistingClusterAuth.iam(${auth.region ? `{ region: ${q(auth.region)} }` : ""})`
        : auth.kind === "scram"
          ? `ExistingClusterAuth.scram({ username: ${q(auth.username)}, passwordSecretArn: process.env.KAFKA_ADMIN_SECRET_ARN ?? "arn:aws:secretsmanager:REGION:ACCOUNT:secret:REPLACE" })`
          : `ExistingClusterAuth.mutualTls({ clientCertFile: process.env.KAFKA_CLIENT_CERT ?? "client.pem", clientKeyFile: process.env.KAFKA_CLIENT_KEY ?? "client.key" })`;
  const principals = [
    auth.kind === "iam" ? "iam: true" : undefined,
    `scramUsers: [${[...scramUsers].sort().map(q).join(", ")}]`,
    mtls || auth.kind === "mtls" ? "mutualTls: true" : undefined,
  ].filter(Boolean);
  const needsPrincipal = appLines.length > 0;
  const needsSuppressions =
    body.some((l) => l.startsWith("KafkaStandardsSuppressions")) ||
    aclLines.some((l) => l.startsWith("KafkaStandardsSuppressions"));
  const imports = [
    "ExistingClusterAuth",
    ...(needsPrincipal ? ["KafkaPrincipal"] : []),
    ...(needsSuppressions ? ["KafkaStandardsSuppressions"] : []),
    "MskCluster",
  ];
  const code = [
    `// Generated by \`kafka-standards inspect --emit typescript\` from cluster ${inv.clusterId}.`,
    `// Every object exists already: \`adopt\` makes the first apply import it (Terraform import blocks) instead of`,
    `// creating it. Deviations from the standard are explicit overrides; their audit findings are suppressed with`,
    `// a reason. Remove \`adopt\` once the first apply has run, then raise the overrides one by one.`,
    `import { App, TerraformStack } from "cdktf";`,
    `import { ${imports.join(", ")} } from ${q(PACKAGE_NAME)};`,
    ``,
    `/** Why each object is taken over as found. */`,
    `const REASON = ${q(reason)};`,
    `/** Why each audit finding on an adopted object is accepted for now. */`,
    `const FOUND = ${q(`${reason}: found so on the live cluster, to be raised to the standard`)};`,
    ``,
    `const app = new App({ skipBackendValidation: true });`,
    `const stack = new TerraformStack(app, ${q(clusterName)});`,
    `const cluster = MskCluster.fromAttributes(stack, "cluster", {`,
    `  clusterName: ${q(clusterName)},`,
    `  tier: ${q(options.tier)},`,
    `  bootstrapBrokers: process.env.KAFKA_BOOTSTRAP ?? ${q(options.bootstrapServers)},`,
    `  auth: ${authExpr},`,
    `  brokerNodes: ${inv.brokers.length},`,
    `  principals: { ${principals.join(", ")} },`,
    `  topicNamePattern: /^[A-Za-z0-9._-]+$/,`,
    `});`,
    ``,
    ...(body.length ? ["// Topics", ...body, ""] : []),
    ...(appLines.length ? ["// Applications from ACL principals, with their grants", ...appLines, ""] : []),
    ...(quotaLines.length
      ? ["// Quotas (kafka_quota has no importer: the first apply writes the same values)", ...quotaLines, ""]
      : []),
    ...(aclLines.length ? ["// ACLs no grant of the library expresses, kept as found", ...aclLines, ""] : []),
    ...(skipped.length ? ["// Not expressed:", ...skipped.map((s) => `//   ${s}`), ""] : []),
    ...(remediations.length
      ? ["// Raised to the standard on purpose (--remediate):", ...remediations.map((r) => `//   ${r}`), ""]
      : []),
    `app.synth();`,
    ``,
  ].join("\n");
  return { code, topics: topics.length, applications: apps.size, grants, adoptedAcls, quotas, remediations, skipped };
}
