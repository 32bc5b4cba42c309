/**
 * Options of `kafka-standards loadtest`: parsed from the command line, validated, with defaults.
 * Every problem is a UsageError (one line, exit code 2). Secrets are never command-line values:
 * `--password-env` names the environment variable that holds them.
 */
import { CLIENT_PROFILE_NAMES, type ClientProfileName } from "../standards/client-profiles";
import { parseCommandArgs } from "../cli/args";
import { UsageError } from "../cli/usage-error";

/** How the load generator authenticates. */
export type LoadtestAuth = "plaintext" | "tls" | "msk-iam" | "scram" | "confluent";

/** Every --auth value. */
export const LOADTEST_AUTH_MODES: readonly LoadtestAuth[] = Object.freeze([
  "plaintext",
  "tls",
  "msk-iam",
  "scram",
  "confluent",
]);

/** Validated options. */
export interface LoadtestOptions {
  /** Bootstrap servers, `host:port,...`. */
  readonly bootstrap: string;
  /** Topic to write and read. */
  readonly topic: string;
  /** Client profile under test. */
  readonly profile: ClientProfileName;
  /** Run the Kafka client defaults first and report the profile's ratios to them. */
  readonly compareDefault: boolean;
  /** Records to produce (and consume). */
  readonly records: number;
  /** Value size in bytes. */
  readonly recordSize: number;
  /** Producer rate limit in records/s; undefined = as fast as the client goes. */
  readonly throughput?: number;
  /** Authentication. */
  readonly auth: LoadtestAuth;
  /** SCRAM user name or Confluent API key. */
  readonly username?: string;
  /** Environment variable that holds the password, API secret or keystore password. */
  readonly passwordEnv?: string;
  /** AWS region for MSK IAM. */
  readonly awsRegion?: string;
  /** JSON report path. */
  readonly json: string;
  /** Markdown report path. */
  readonly markdown: string;
  /** Consumer group; undefined = one per run. */
  readonly consumerGroup?: string;
  /** Create the topic when it does not exist. */
  readonly createTopic: boolean;
  /** Partitions of a created topic. */
  readonly partitions?: number;
  /** Replication factor of a created topic. */
  readonly replicationFactor?: number;
  /** min.insync.replicas of a created topic; undefined = the broker default. */
  readonly minInsyncReplicas?: number;
  /** Extra client properties (`--property key=value`), applied to every client that defines the key. */
  readonly properties: Readonly<Record<string, string>>;
  /** Bound on connecting to the cluster, in seconds. */
  readonly connectTimeoutS: number;
}

/** Largest --records: the generator tracks every record in memory (a few bits each). */
export const MAX_RECORDS = 100_000_000;
/** Each record starts with a 16-byte run id and sequence number. */
export const MIN_RECORD_SIZE = 16;
/** Larger records need broker and client limits raised (message.max.bytes, max.request.size). */
export const MAX_RECORD_SIZE = 10 * 1024 * 1024;

/** Keys the command sets itself. */
const MANAGED_KEYS: Readonly<Record<string, string>> = Object.freeze({
  "bootstrap.servers": "--bootstrap",
  "group.id": "--consumer-group",
  "key.serializer": "the load generator (byte arrays)",
  "value.serializer": "the load generator (byte arrays)",
  "key.deserializer": "the load generator (byte arrays)",
  "value.deserializer": "the load generator (byte arrays)",
});

/** Usage text (`--help`). */
export const LOADTEST_USAGE = `Usage: kafka-standards loadtest --bootstrap <host:port,...> --topic <name> [options]

Producer and consumer load with a client profile against any Kafka cluster, with the Apache Kafka
Java client (built with Maven on first use, then cached). The producer phase writes --records records
and measures throughput and acknowledgement latency; a consumer reading along measures end-to-end
latency from the record timestamps; the consumer phase then reads the same records through the
consumer group and checks that every acknowledged record was consumed.

Options:
  --bootstrap <servers>        bootstrap servers, host:port[,host:port...] (required)
  --topic <name>               topic to write and read (required; must exist unless --create-topic)
  --profile <name>             THROUGHPUT, LATENCY, DURABILITY (default) or EXACTLY_ONCE
  --compare-default            run with the Kafka client defaults first and report the profile's ratios
  --records <n>                records to produce and consume (default 100000)
  --record-size <bytes>        value size (default 1024, at least ${MIN_RECORD_SIZE})
  --throughput <records/s>     producer rate limit (default: unlimited, where latencies include the
                               time records wait in the client's buffer)
  --auth <mode>                plaintext (default), tls, msk-iam, scram or confluent
  --username <name>            SCRAM user (scram) or API key (confluent)
  --password-env <VAR>         environment variable holding the SCRAM password, the API secret
                               (confluent) or the keystore password (tls with KAFKA_KEYSTORE)
  --aws-region <region>        AWS region for msk-iam (default: the AWS SDK's region chain)
  --consumer-group <id>        consumer group (default: kafka-standards-loadtest-<run id>)
  --create-topic               create the topic when it does not exist; needs --partitions and
                               --replication-factor, optionally --min-insync-replicas
  --partitions <n>             partitions of a created topic
  --replication-factor <n>     replication factor of a created topic
  --min-insync-replicas <n>    min.insync.replicas of a created topic (default: the broker's)
  --property <key=value>       extra client property (repeatable), e.g. a truststore; applied to every
                               client that defines the key; secrets as \${env:NAME} references only
  --connect-timeout <s>        give up when no broker answers within this many seconds (default 30)
  --json <file>                JSON report (default loadtest-report.json)
  --markdown <file>            Markdown report (default loadtest-report.md)
  -h, --help                   show this help

Authentication: scram = SASL_SSL with SCRAM-SHA-512 (MSK port 9096); confluent = SASL_SSL with PLAIN
and the API key as user name; msk-iam = SASL_SSL with AWS_MSK_IAM and the AWS SDK's credential
chain (MSK port 9098); tls = SSL, with a client certificate when KAFKA_KEYSTORE names a PKCS12
keystore (MSK port 9094). The properties are the ones cdktf synth renders for applications.

Needs Java 11+ and, for the first run only, Maven 3.8+ (cache: $XDG_CACHE_HOME or ~/.cache, under
kafka-standards/loadtest). Exit codes: 0 every acknowledged record consumed and no send failed,
1 the count check failed, 2 unusable options, missing java/mvn, unreachable cluster, unknown property.
`;

/** What the command line asked for. */
export type LoadtestCommandLine = { readonly help: true } | { readonly help: false; readonly options: LoadtestOptions };

function positiveInt(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  const value = Number(raw.trim());
  if (value < min || value > max)
    throw new UsageError(`--${name} must be between ${min.toLocaleString("en-US")} and ${max.toLocaleString("en-US")}`);
  return value;
}

/** `host:port[,host:port...]`; hosts may be names, IPv4 or bracketed IPv6. */
export function validateBootstrap(raw: string): string {
  const entries = raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (entries.length === 0) throw new UsageError("--bootstrap is empty (host:port[,host:port...])");
  for (const entry of entries) {
    const m = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):(\d{1,5})$/.exec(entry);
    if (!m) throw new UsageError(`--bootstrap: "${entry}" is not host:port`);
    const port = Number(m[2]);
    if (port < 1 || port > 65535) throw new UsageError(`--bootstrap: port ${port} of "${entry}" is out of range`);
  }
  return entries.join(",");
}

/** Kafka's own rule for topic names. */
export function validateTopicName(name: string): string {
  if (name.length === 0 || name.length > 249) throw new UsageError("--topic must be 1 to 249 characters");
  if (name === "." || name === "..") throw new UsageError(`--topic cannot be "${name}"`);
  if (!/^[A-Za-z0-9._-]+$/.test(name))
    throw new UsageError(`--topic "${name}" has characters Kafka does not allow (letters, digits, ".", "_", "-")`);
  return name;
}

function parseProperty(raw: string): [string, string] {
  const eq = raw.indexOf("=");
  if (eq <= 0) throw new UsageError(`--property "${raw.split("=")[0]}" is not key=value`);
  const key = raw.slice(0, eq).trim();
  const value = raw.slice(eq + 1);
  if (!/^[A-Za-z0-9._-]+$/.test(key)) throw new UsageError(`--property key "${key}" is not a Kafka property name`);
  const managed = MANAGED_KEYS[key];
  if (managed) throw new UsageError(`--property ${key} is set by ${managed}`);
  if (/password|secret|jaas/i.test(key) && !value.includes("${env:"))
    throw new UsageError(
      `--property ${key}: a secret is never a command-line value; reference an environment variable as \${env:NAME}`,
    );
  return [key, value];
}

/** parseCommandArgs, with Node's multi-line messages (e.g. a value that starts with "-") cut to one line. */
function parseOneLine<T extends Parameters<typeof parseCommandArgs>[1]>(args: readonly string[], config: T) {
  try {
    return parseCommandArgs(args, config);
  } catch (e) {
    if (e instanceof UsageError && e.message.includes("\n")) throw new UsageError(e.message.split("\n")[0]);
    throw e;
  }
}

/**
 * Parses and validates `loadtest` arguments. `env` is read for the variable named by --password-env
 * (only whether it is set; the value is read when the generator starts).
 */
export function parseLoadtestArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): LoadtestCommandLine {
  // A secret as a value would land in shell history and the process list: refuse before parsing.
  if (args.some((a) => a === "--password" || a.startsWith("--password=")))
    throw new UsageError(
      "--password is not accepted: put the secret in an environment variable and pass --password-env VAR",
    );
  const { values, positionals } = parseOneLine(args, {
    bootstrap: { type: "string" },
    topic: { type: "string" },
    profile: { type: "string" },
    "compare-default": { type: "boolean" },
    records: { type: "string" },
    "record-size": { type: "string" },
    throughput: { type: "string" },
    auth: { type: "string" },
    username: { type: "string" },
    "password-env": { type: "string" },
    "aws-region": { type: "string" },
    json: { type: "string" },
    markdown: { type: "string" },
    "consumer-group": { type: "string" },
    "create-topic": { type: "boolean" },
    partitions: { type: "string" },
    "replication-factor": { type: "string" },
    "min-insync-replicas": { type: "string" },
    property: { type: "string", multiple: true },
    "connect-timeout": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return { help: true };
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (see --help)`);
  if (values.bootstrap === undefined) throw new UsageError("--bootstrap is required (host:port[,host:port...])");
  if (values.topic === undefined) throw new UsageError("--topic is required");
  const bootstrap = validateBootstrap(values.bootstrap);
  const topic = validateTopicName(values.topic);

  const profileRaw = (values.profile ?? "DURABILITY").toUpperCase().replace(/-/g, "_");
  if (!(CLIENT_PROFILE_NAMES as readonly string[]).includes(profileRaw))
    throw new UsageError(`--profile must be one of ${CLIENT_PROFILE_NAMES.join(", ")}, got "${values.profile}"`);
  const profile = profileRaw as ClientProfileName;

  const records = positiveInt("records", values.records, 1, MAX_RECORDS) ?? 100_000;
  const recordSize = positiveInt("record-size", values["record-size"], MIN_RECORD_SIZE, MAX_RECORD_SIZE) ?? 1024;
  let throughput: number | undefined;
  if (values.throughput !== undefined) {
    const t = Number(values.throughput);
    if (!/^\d+(\.\d+)?$/.test(values.throughput.trim()) || !(t > 0))
      throw new UsageError(`--throughput must be a positive number of records/s, got "${values.throughput}"`);
    throughput = t;
  }

  const auth = (values.auth ?? "plaintext").toLowerCase() as LoadtestAuth;
  if (!LOADTEST_AUTH_MODES.includes(auth))
    throw new UsageError(`--auth must be one of ${LOADTEST_AUTH_MODES.join(", ")}, got "${values.auth}"`);
  const username = values.username;
  const passwordEnv = values["password-env"];
  if (passwordEnv !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(passwordEnv))
      throw new UsageError(`--password-env takes the name of an environment variable, got "${passwordEnv}"`);
    if (!env[passwordEnv])
      throw new UsageError(`environment variable ${passwordEnv} (--password-env) is not set or empty`);
  }
  switch (auth) {
    case "scram":
    case "confluent": {
      const what = auth === "scram" ? "the SCRAM user" : "the API key";
      const secret = auth === "scram" ? "the SCRAM password" : "the API secret";
      if (!username) throw new UsageError(`--auth ${auth} needs --username (${what})`);
      if (!passwordEnv)
        throw new UsageError(`--auth ${auth} needs --password-env VAR (the variable holding ${secret})`);
      break;
    }
    case "tls":
      if (username !== undefined)
        throw new UsageError("--username is not used with --auth tls (the certificate names the client)");
      if (env.KAFKA_KEYSTORE && !passwordEnv && !env.KAFKA_KEYSTORE_PASSWORD)
        throw new UsageError("--auth tls with KAFKA_KEYSTORE needs --password-env VAR (the keystore password)");
      if (passwordEnv && !env.KAFKA_KEYSTORE)
        throw new UsageError(
          "--password-env with --auth tls is the keystore password: set KAFKA_KEYSTORE to the PKCS12 keystore",
        );
      break;
    case "msk-iam":
    case "plaintext":
      if (username !== undefined) throw new UsageError(`--username is not used with --auth ${auth}`);
      if (passwordEnv !== undefined) throw new UsageError(`--password-env is not used with --auth ${auth}`);
      break;
  }
  const awsRegion = values["aws-region"];
  if (awsRegion !== undefined) {
    if (auth !== "msk-iam") throw new UsageError("--aws-region is only used with --auth msk-iam");
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(awsRegion))
      throw new UsageError(`--aws-region "${awsRegion}" is not an AWS region`);
  }

  const createTopic = values["create-topic"] === true;
  const partitions = positiveInt("partitions", values.partitions, 1, 100_000);
  const replicationFactor = positiveInt("replication-factor", values["replication-factor"], 1, 32767);
  const minInsyncReplicas = positiveInt("min-insync-replicas", values["min-insync-replicas"], 1, 32767);
  if (createTopic) {
    if (partitions === undefined || replicationFactor === undefined)
      throw new UsageError("--create-topic needs --partitions and --replication-factor");
    if (minInsyncReplicas !== undefined && minInsyncReplicas > replicationFactor)
      throw new UsageError(
        `--min-insync-replicas ${minInsyncReplicas} is above --replication-factor ${replicationFactor}: no write could succeed`,
      );
  } else {
    const stray = (
      [
        ["--partitions", partitions],
        ["--replication-factor", replicationFactor],
        ["--min-insync-replicas", minInsyncReplicas],
      ] as const
    ).find(([, v]) => v !== undefined);
    if (stray) throw new UsageError(`${stray[0]} is only used with --create-topic`);
  }

  const consumerGroup = values["consumer-group"];
  if (consumerGroup !== undefined && consumerGroup.trim().length === 0)
    throw new UsageError("--consumer-group is empty");

  const properties: Record<string, string> = {};
  for (const raw of values.property ?? []) {
    const [key, value] = parseProperty(raw);
    properties[key] = value;
  }

  const connectTimeoutS = positiveInt("connect-timeout", values["connect-timeout"], 1, 600) ?? 30;
  const json = values.json ?? "loadtest-report.json";
  const markdown = values.markdown ?? "loadtest-report.md";
  if (json.length === 0 || markdown.length === 0) throw new UsageError("--json and --markdown need a file name");
  if (json === markdown) throw new UsageError("--json and --markdown name the same file");

  return {
    help: false,
    options: {
      bootstrap,
      topic,
      profile,
      compareDefault: values["compare-default"] === true,
      records,
      recordSize,
      ...(throughput !== undefined ? { throughput } : {}),
      auth,
      ...(username !== undefined ? { username } : {}),
      ...(passwordEnv !== undefined ? { passwordEnv } : {}),
      ...(awsRegion !== undefined ? { awsRegion } : {}),
      json,
      markdown,
      ...(consumerGroup !== undefined ? { consumerGroup } : {}),
      createTopic,
      ...(partitions !== undefined ? { partitions } : {}),
      ...(replicationFactor !== undefined ? { replicationFactor } : {}),
      ...(minInsyncReplicas !== undefined ? { minInsyncReplicas } : {}),
      properties,
      connectTimeoutS,
    },
  };
}
