/**
 * The plan of the security proof (security.sh), read from synthesized examples: which data-plane
 * resources to apply, which applications connect with which rendered client files, and the access
 * matrix with the expected outcome of every cell.
 *
 *   ts-node --transpile-only test/integration/security-plan.ts --synth DIR --out PLAN.json --apps APPS.tsv
 *
 * An example takes part when its cluster has Mongey/kafka resources (`kafka_topic`, `kafka_acl`,
 * `kafka_quota`, `kafka_user_scram_credential`) in a data-plane stack and at least one application
 * whose client files authenticate with SASL/SCRAM or mutual TLS. IAM applications are listed as
 * skipped: MSK evaluates their IAM policies, no Kafka authorizer does.
 *
 * Expected outcomes come from the grants as the synthesis renders them in each application's client
 * files (the `# Topics:` lines, `group.id`, the `transactional.id` prefix, the certificate subject),
 * never from the `kafka_acl` resources: the ACLs are what the run applies and puts to the test, so a
 * missing, extra or mistyped ACL shows up as a cell whose outcome differs from the expected one.
 *
 * APPS.tsv has one line per application that connects: example, application, auth (msk-scram |
 * msk-tls), SCRAM user or certificate subject, the subject in openssl's /K=V form (mTLS), and the
 * environment variable holding the SCRAM password (SCRAM).
 */
import * as fs from "fs";
import * as path from "path";

/** Operations the matrix tries on a topic. */
export const TOPIC_OPERATIONS = [
  "produce",
  "idempotent-produce",
  "transactional-produce-granted-id",
  "transactional-produce-other-id",
  "consume-own-group",
  "consume-other-group",
  "describe",
  "create",
  "delete",
  "alter-configs",
] as const;
/** Operations the matrix tries on a consumer group. */
export const GROUP_OPERATIONS = ["describe-group", "delete-group"] as const;
export type Operation = (typeof TOPIC_OPERATIONS)[number] | (typeof GROUP_OPERATIONS)[number];

/** What the rendered client files grant an application. */
export interface Grants {
  readonly produces: string[];
  readonly consumes: { topic: string; group: string }[];
  /** The transactional-id prefix of its producer (`<app>-` of `transactional.id=<app>-${HOSTNAME}`), if any. */
  readonly transactionalPrefix: string | null;
}

export interface AppPlan {
  readonly name: string;
  readonly auth: "msk-scram" | "msk-tls";
  /** The principal the brokers see: `User:<SCRAM user>` or `User:<certificate subject>`. */
  readonly principal: string;
  readonly scramUser?: string;
  readonly certificateSubject?: string;
  /** Client files, by library and role (absent when the application has no such role). */
  readonly files: Record<"java" | "librdkafka", { producer?: string; consumer?: string }>;
  readonly grants: Grants;
  /** Client profiles named in the files' first line. */
  readonly producerProfile?: string;
  readonly consumerProfile?: string;
  /** producer_byte_rate of the application's `kafka_quota` (entity user = its principal's name), if any. */
  readonly producerByteRate?: number;
}

export interface Cell {
  readonly id: string;
  readonly app: string;
  readonly kind: "topic" | "group";
  readonly resource: string;
  readonly operation: Operation;
  readonly expected: "allowed" | "denied";
  /** Why, in words, from the grants. */
  readonly basis: string;
  /** The group a consume uses. */
  readonly group?: string;
  /** The transactional id a transactional produce uses; `{lib}` is replaced by the client library. */
  readonly transactionalId?: string;
  /** Topic config key and value an alter-configs request sets (validate only). */
  readonly config?: { key: string; value: string };
}

export interface ExamplePlan {
  readonly name: string;
  readonly cluster: string;
  /** Data-plane stack files whose kafka_* resources are applied. */
  readonly dataPlane: string[];
  readonly scramUsers: { user: string; passwordEnv: string }[];
  readonly topics: { name: string; partitions: number; replicationFactor: number; config: Record<string, string> }[];
  readonly groups: string[];
  readonly applications: AppPlan[];
  readonly skipped: { name: string; why: string }[];
  readonly cells: Cell[];
}

/** What the secured continuity and quota checks use, chosen from the examples. */
export interface Selections {
  /** A SCRAM producer and a SCRAM consumer of one topic, both with the DURABILITY profile. */
  readonly continuity?: { example: string; topic: string; producer: string; consumer: string; group: string };
  /** Producers with a producer_byte_rate quota, SCRAM first, each with a topic it produces to. */
  readonly quotas: { example: string; app: string; topic: string; producerByteRate: number }[];
}

/** The profile a rendered file's first line names (`# app: producer of cluster c (java), profile P.`). */
export function profileOf(text: string): string | undefined {
  return /, profile ([A-Z_]+)\.$/m.exec(text.split("\n")[0])?.[1];
}

export function selections(examples: ExamplePlan[]): Selections {
  let continuity: Selections["continuity"];
  const quotas: Selections["quotas"] = [];
  for (const e of examples) {
    for (const p of e.applications) {
      if (p.producerByteRate !== undefined && p.grants.produces.length > 0) {
        quotas.push({
          example: e.name,
          app: p.name,
          topic: p.grants.produces[0],
          producerByteRate: p.producerByteRate,
        });
      }
      if (continuity !== undefined || p.auth !== "msk-scram" || p.producerProfile !== "DURABILITY") continue;
      for (const topic of p.grants.produces) {
        const c = e.applications.find(
          (a) =>
            a.auth === "msk-scram" &&
            a.consumerProfile === "DURABILITY" &&
            a.grants.consumes.some((x) => x.topic === topic),
        );
        if (c !== undefined && continuity === undefined) {
          const group = c.grants.consumes.find((x) => x.topic === topic)!.group;
          continuity = { example: e.name, topic, producer: p.name, consumer: c.name, group };
        }
      }
    }
  }
  const scram = (q: Selections["quotas"][number]): boolean =>
    examples.find((e) => e.name === q.example)?.applications.find((a) => a.name === q.app)?.auth === "msk-scram";
  quotas.sort((a, b) => Number(scram(b)) - Number(scram(a)));
  return { continuity, quotas };
}

type Resources = Record<string, Record<string, Record<string, unknown>>>;

const MONGEY_TYPES = ["kafka_topic", "kafka_acl", "kafka_quota", "kafka_user_scram_credential"];
const SCRAM_SECRET_PREFIX = "AmazonMSK_";
const SUBJECT_HEADER = "#   Certificate subject (the principal of the ACLs and quotas, exactly as written): ";

function fail(message: string): never {
  process.stderr.write(`security-plan: ${message}\n`);
  process.exit(2);
}

/** `key=value` lines of a properties file (no continuation lines in rendered files). */
export function readProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const i = line.indexOf("=");
    if (i < 0) throw new Error(`line without '=': ${line}`);
    out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

/** The granted topics of a producer file's `# Topics: a, b` line. */
export function producerTopics(text: string): string[] {
  const line = text.split("\n").find((l) => l.startsWith("# Topics: "));
  if (line === undefined) throw new Error("no '# Topics:' line");
  const list = line.slice("# Topics: ".length).trim();
  if (list === "none granted yet") return [];
  return list.split(", ").map((t) => {
    if (!/^[A-Za-z0-9._-]+$/.test(t)) throw new Error(`not a topic name in '# Topics:': ${t}`);
    return t;
  });
}

/** The granted topics and groups of a consumer file's `# Topics: t (group g), ...` line. */
export function consumerTopics(text: string): { topic: string; group: string }[] {
  const line = text.split("\n").find((l) => l.startsWith("# Topics: "));
  if (line === undefined) throw new Error("no '# Topics:' line");
  const list = line.slice("# Topics: ".length).trim();
  if (list === "none granted yet") return [];
  return list.split(", ").map((entry) => {
    const m = /^([A-Za-z0-9._-]+) \(group ([^()]+)\)$/.exec(entry);
    if (!m) throw new Error(`not 'topic (group g)' in '# Topics:': ${entry}`);
    return { topic: m[1], group: m[2] };
  });
}

/**
 * An RFC 2253 distinguished name (most specific RDN first, as Kafka names SSL principals) in
 * openssl's `-subj` form (most significant RDN first, `/` separated, multi-valued RDNs joined by `+`).
 */
export function opensslSubject(dn: string): string {
  const rdns: string[][] = [[]];
  let current = "";
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i];
    if (c === "\\" && i + 1 < dn.length) {
      current += dn[++i];
      continue;
    }
    if (c === "," || c === "+") {
      rdns[rdns.length - 1].push(current.trim());
      current = "";
      if (c === ",") rdns.push([]);
      continue;
    }
    current += c;
  }
  rdns[rdns.length - 1].push(current.trim());
  for (const rdn of rdns) {
    for (const ava of rdn)
      if (!/^[A-Za-z][A-Za-z0-9.]*=.+$/.test(ava)) throw new Error(`not an attribute=value pair: ${ava}`);
  }
  const escape = (ava: string): string => {
    const i = ava.indexOf("=");
    return ava.slice(0, i + 1) + ava.slice(i + 1).replace(/([\\/+])/g, "\\$1");
  };
  return rdns
    .reverse()
    .map((rdn) => "/" + rdn.map(escape).join("+"))
    .join("");
}

/** The name of the environment variable that holds a local SCRAM user's password. */
export function passwordEnv(user: string): string {
  return `KAFKA_IT_SCRAM_PASSWORD_${user.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/**
 * The expected outcome of every cell, from the application's grants alone. A topic operation is
 * allowed only as granted: produce (plain, idempotent) on a produced topic; a transactional produce
 * on a produced topic with an id inside the application's transactional-id prefix, when its files
 * set one; consume on a consumed topic with the application's group for it; describe on a produced
 * or consumed topic. Creating, deleting and reconfiguring topics, consuming with a group the
 * application was not given and any transactional id outside its prefix are never granted. On a
 * group: describe when it is one of the application's groups; never delete.
 */
export function cellsFor(
  app: { name: string; grants: Grants },
  topics: { name: string; config: Record<string, string> }[],
  groups: string[],
): Cell[] {
  const g = app.grants;
  const own = [...new Set(g.consumes.map((c) => c.group))];
  const consumed = new Set(g.consumes.map((c) => c.topic));
  const produced = new Set(g.produces);
  const otherGroup = groups.find((x) => !own.includes(x)) ?? `${app.name}-not-granted`;
  const prefix = g.transactionalPrefix ?? `${app.name}-`;
  const cells: Cell[] = [];
  // Cell ids number the application's cells from 1; transactional ids carry the number of their cell.
  const add = (c: Omit<Cell, "id" | "app">): void => {
    cells.push({ id: `${app.name}#${cells.length + 1}`, app: app.name, ...c });
  };
  const yes = (basis: string) => ({ expected: "allowed" as const, basis });
  const no = (basis: string) => ({ expected: "denied" as const, basis });
  for (const t of topics) {
    const topic = t.name;
    const produces = produced.has(topic);
    const ownGroup = g.consumes.find((c) => c.topic === topic)?.group ?? own[0] ?? `${app.name}-not-granted`;
    const [configKey, configValue] = Object.entries(t.config)[0] ?? ["retention.ms", "604800000"];
    for (const operation of TOPIC_OPERATIONS) {
      const base = { kind: "topic" as const, resource: topic, operation };
      switch (operation) {
        case "produce":
        case "idempotent-produce":
          add({ ...base, ...(produces ? yes("produces to the topic") : no("does not produce to the topic")) });
          break;
        case "transactional-produce-granted-id":
          add({
            ...base,
            transactionalId: `${prefix}it-{lib}-${cells.length + 1}`,
            ...(produces && g.transactionalPrefix !== null
              ? yes(`produces to the topic, transactional ids ${prefix}*`)
              : no(
                  g.transactionalPrefix === null
                    ? "its producer is not transactional"
                    : "does not produce to the topic",
                )),
          });
          break;
        case "transactional-produce-other-id":
          add({ ...base, transactionalId: `${app.name}_it-{lib}-${cells.length + 1}`, ...no(`id outside ${prefix}*`) });
          break;
        case "consume-own-group":
          add({
            ...base,
            group: ownGroup,
            ...(consumed.has(topic)
              ? yes(`consumes the topic with group ${ownGroup}`)
              : no("does not consume the topic")),
          });
          break;
        case "consume-other-group":
          add({ ...base, group: otherGroup, ...no(`group ${otherGroup} is not its own`) });
          break;
        case "describe":
          add({
            ...base,
            ...(produces || consumed.has(topic)
              ? yes("produces to or consumes the topic")
              : no("does not use the topic")),
          });
          break;
        case "create":
        case "delete":
          add({ ...base, ...no("topics are managed by the data-plane stack") });
          break;
        case "alter-configs":
          add({
            ...base,
            config: { key: configKey, value: configValue },
            ...no("topic configs are managed by the data-plane stack"),
          });
          break;
      }
    }
  }
  for (const group of groups) {
    add({
      kind: "group",
      resource: group,
      operation: "describe-group",
      ...(own.includes(group) ? yes("its consumer group") : no("not its consumer group")),
    });
    add({ kind: "group", resource: group, operation: "delete-group", ...no("groups are not deleted by applications") });
  }
  return cells;
}

function resourcesOf(file: string): Resources {
  return (JSON.parse(fs.readFileSync(file, "utf8")).resource ?? {}) as Resources;
}

function clusterOf(r: Record<string, unknown>): string | undefined {
  const meta = (r["//"] as Record<string, Record<string, unknown>> | undefined)?.["kafka-standards"];
  return typeof meta?.cluster === "string" ? meta.cluster : undefined;
}

function auth(props: Record<string, string>): "msk-scram" | "msk-tls" | "other" {
  if (props["security.protocol"] === "SSL") return "msk-tls";
  const mechanism = props["sasl.mechanism"] ?? props["sasl.mechanisms"];
  if (props["security.protocol"] === "SASL_SSL" && mechanism === "SCRAM-SHA-512") return "msk-scram";
  return "other";
}

function scramUserOf(props: Record<string, string>): string {
  if (props["sasl.username"] !== undefined) return props["sasl.username"];
  const m = /username="([^"]+)"/.exec(props["sasl.jaas.config"] ?? "");
  if (!m) throw new Error("no SCRAM user name in sasl.username or sasl.jaas.config");
  return m[1];
}

/** Every example that takes part, read from DIR/stacks. */
export function plan(synthDir: string): ExamplePlan[] {
  const stacksDir = path.resolve(synthDir, "stacks");
  if (!fs.existsSync(stacksDir)) throw new Error(`no ${stacksDir}: synthesize first`);
  const stacks = fs.readdirSync(stacksDir).sort();
  // Data-plane resources by cluster.
  const dataPlanes = new Map<
    string,
    { files: Set<string>; topics: ExamplePlan["topics"]; userProducerRates: Map<string, number> }
  >();
  for (const stack of stacks) {
    const file = path.join(stacksDir, stack, "cdk.tf.json");
    if (!fs.existsSync(file)) continue;
    const resources = resourcesOf(file);
    for (const type of MONGEY_TYPES) {
      for (const r of Object.values(resources[type] ?? {})) {
        const cluster = clusterOf(r);
        if (cluster === undefined) throw new Error(`${stack}: a ${type} without kafka-standards cluster metadata`);
        // Keyed by example and cluster: several examples name a cluster alike (payments-prod), and one
        // example's data plane is `<stack>-data` beside its control-plane stack `<stack>`.
        const key = `${stack.replace(/-data$/, "")}/${cluster}`;
        const entry = dataPlanes.get(key) ?? {
          files: new Set<string>(),
          topics: [] as ExamplePlan["topics"],
          userProducerRates: new Map<string, number>(),
        };
        dataPlanes.set(key, entry);
        entry.files.add(file);
        const rate = (r.config as Record<string, unknown> | undefined)?.producer_byte_rate;
        if (type === "kafka_quota" && r.entity_type === "user" && typeof rate === "number") {
          entry.userProducerRates.set(String(r.entity_name), rate);
        }
        if (type === "kafka_topic") {
          entry.topics.push({
            name: String(r.name),
            partitions: Number(r.partitions),
            replicationFactor: Number(r.replication_factor),
            config: Object.fromEntries(
              Object.entries((r.config ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
            ),
          });
        }
      }
    }
  }
  const out: ExamplePlan[] = [];
  for (const stack of stacks) {
    const clientsDir = path.join(stacksDir, stack, "kafka-standards", "clients");
    if (!fs.existsSync(clientsDir)) continue;
    for (const cluster of fs.readdirSync(clientsDir).sort()) {
      const dp = dataPlanes.get(`${stack}/${cluster}`);
      if (dp === undefined) continue;
      const dir = path.join(clientsDir, cluster);
      const files = fs.readdirSync(dir).sort();
      const names = [
        ...new Set(files.map((f) => /^(.+)-(producer|consumer)\.(java|librdkafka)\.properties$/.exec(f)?.[1])),
      ];
      const applications: AppPlan[] = [];
      const skipped: ExamplePlan["skipped"] = [];
      const allGroups = new Set<string>();
      for (const name of names) {
        if (name === undefined) continue;
        const fileOf = (lib: string, role: string): string | undefined => {
          const f = path.join(dir, `${name}-${role}.${lib}.properties`);
          return fs.existsSync(f) ? f : undefined;
        };
        const appFiles = {
          java: { producer: fileOf("java", "producer"), consumer: fileOf("java", "consumer") },
          librdkafka: { producer: fileOf("librdkafka", "producer"), consumer: fileOf("librdkafka", "consumer") },
        };
        const javaFile = appFiles.java.producer ?? appFiles.java.consumer;
        if (javaFile === undefined) throw new Error(`${dir}: ${name} has librdkafka files but no Java file`);
        const javaText = fs.readFileSync(javaFile, "utf8");
        const props = readProperties(javaText);
        const producerText = appFiles.java.producer ? fs.readFileSync(appFiles.java.producer, "utf8") : undefined;
        const consumerText = appFiles.java.consumer ? fs.readFileSync(appFiles.java.consumer, "utf8") : undefined;
        const consumes = consumerText ? consumerTopics(consumerText) : [];
        for (const c of consumes) allGroups.add(c.group);
        const kind = auth(props);
        if (kind === "other") {
          skipped.push({
            name,
            why: `${props["sasl.mechanism"] ?? props["security.protocol"]}: authorized by IAM policies, which only MSK evaluates`,
          });
          continue;
        }
        const txn = producerText ? readProperties(producerText)["transactional.id"] : undefined;
        const grants: Grants = {
          produces: producerText ? producerTopics(producerText) : [],
          consumes,
          transactionalPrefix: txn === undefined ? null : txn.slice(0, txn.indexOf("${")),
        };
        // Both libraries' files must say the same.
        for (const lib of ["librdkafka"] as const) {
          const p = appFiles[lib].producer;
          const c = appFiles[lib].consumer;
          if (p && JSON.stringify(producerTopics(fs.readFileSync(p, "utf8"))) !== JSON.stringify(grants.produces))
            throw new Error(`${p}: topics differ from the Java file`);
          if (c && JSON.stringify(consumerTopics(fs.readFileSync(c, "utf8"))) !== JSON.stringify(consumes))
            throw new Error(`${c}: topics differ from the Java file`);
        }
        const profiles = {
          producerProfile: producerText ? profileOf(producerText) : undefined,
          consumerProfile: consumerText ? profileOf(consumerText) : undefined,
        };
        if (kind === "msk-scram") {
          const user = scramUserOf(props);
          applications.push({
            name,
            auth: kind,
            principal: `User:${user}`,
            scramUser: user,
            files: appFiles,
            grants,
            ...profiles,
            producerByteRate: dp.userProducerRates.get(user),
          });
        } else {
          const line = javaText.split("\n").find((l) => l.startsWith(SUBJECT_HEADER));
          if (line === undefined) throw new Error(`${javaFile}: no certificate subject in the header`);
          const subject = line.slice(SUBJECT_HEADER.length);
          applications.push({
            name,
            auth: kind,
            principal: `User:${subject}`,
            certificateSubject: subject,
            files: appFiles,
            grants,
            ...profiles,
            producerByteRate: dp.userProducerRates.get(subject),
          });
        }
      }
      if (applications.length === 0) continue;
      // SCRAM users the library declares on the cluster (Secrets Manager secrets AmazonMSK_<cluster>_<user>).
      const control = resourcesOf(path.join(stacksDir, stack, "cdk.tf.json"));
      const secretPrefix = `${SCRAM_SECRET_PREFIX}${cluster}_`;
      const scramUsers = Object.values(control.aws_secretsmanager_secret ?? {})
        .map((s) => String(s.name))
        .filter((n) => n.startsWith(secretPrefix))
        .map((n) => n.slice(secretPrefix.length))
        .sort();
      for (const a of applications) {
        if (a.scramUser !== undefined && !scramUsers.includes(a.scramUser))
          throw new Error(
            `${stack}: ${a.name} authenticates as SCRAM user ${a.scramUser}, which has no ${secretPrefix}* secret`,
          );
      }
      const topics = [...dp.topics].sort((a, b) => a.name.localeCompare(b.name));
      const groups = [...allGroups].sort();
      out.push({
        name: stack,
        cluster,
        dataPlane: [...dp.files].sort(),
        scramUsers: scramUsers.map((user) => ({ user, passwordEnv: passwordEnv(user) })),
        topics,
        groups,
        applications,
        skipped,
        cells: applications.flatMap((a) => cellsFor(a, topics, groups)),
      });
    }
  }
  return out;
}

function main(argv: string[]): void {
  const arg = (name: string): string => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0 || i + 1 >= argv.length) fail(`missing --${name}`);
    return argv[i + 1];
  };
  let examples: ExamplePlan[];
  try {
    examples = plan(arg("synth"));
  } catch (e) {
    fail((e as Error).message);
  }
  if (examples.length === 0) fail("no example has SCRAM or mutual-TLS applications with a data plane");
  fs.writeFileSync(arg("out"), JSON.stringify({ examples, selections: selections(examples) }, null, 2) + "\n");
  const rows: string[] = [];
  for (const e of examples) {
    for (const a of e.applications) {
      const who = a.scramUser ?? a.certificateSubject ?? "";
      const subject = a.certificateSubject !== undefined ? opensslSubject(a.certificateSubject) : "-";
      const env = a.scramUser !== undefined ? passwordEnv(a.scramUser) : "-";
      rows.push([e.name, a.name, a.auth, who, subject, env].join("\t"));
    }
  }
  fs.writeFileSync(arg("apps"), rows.join("\n") + "\n");
}

if (require.main === module) main(process.argv.slice(2));
