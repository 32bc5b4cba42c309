/**
 * The client properties of a load test: connection and authentication exactly as `cdktf synth`
 * renders them for applications (`clientProperties` in lib/access), the profile's tuning from
 * CLIENT_PROFILES, and the load test's own identity. Secrets stay out of the files: the properties
 * reference environment variables (`${env:NAME}`, resolved by the Java client's
 * EnvVarConfigProvider), and the generator's process gets those variables.
 */
import { clientProperties, CLIENT_SECRET_ENV, type ClientAuthMode } from "../access/client-properties";
import { KafkaApplication } from "../access/kafka-application";
import { KafkaPrincipal } from "../access/kafka-principal";
import { CLIENT_PROFILES, type ClientProfileName } from "../standards/client-profiles";
import type { LoadtestAuth, LoadtestOptions } from "./options";

/** client.id of the producer and consumers; prefix of the transactional.id and default group. */
export const LOADTEST_CLIENT_ID = "kafka-standards-loadtest";

/** Environment variables the generator's process needs for the `${env:...}` references. */
export const KEYSTORE_ENV = Object.freeze({ location: "KAFKA_KEYSTORE", password: "KAFKA_KEYSTORE_PASSWORD" });

/** What is rendered for one run. */
export interface LoadtestClientConfig {
  /** Producer properties. */
  readonly producer: Record<string, string>;
  /** Consumer properties (both the reading-along consumer and the consumer phase). */
  readonly consumer: Record<string, string>;
  /** Admin client properties (cluster check, topic, offsets). */
  readonly admin: Record<string, string>;
}

/** The library's auth mode for a loadtest --auth value (plaintext has none). */
const AUTH_MODE: Readonly<Record<LoadtestAuth, ClientAuthMode | undefined>> = Object.freeze({
  plaintext: undefined,
  tls: "msk-tls",
  "msk-iam": "msk-iam",
  scram: "msk-scram",
  confluent: "confluent-api-key",
});

function principalFor(auth: ClientAuthMode, username: string | undefined): KafkaPrincipal {
  switch (auth) {
    case "msk-iam":
      return KafkaPrincipal.iamRole(LOADTEST_CLIENT_ID);
    case "msk-scram":
      return KafkaPrincipal.scramUser(username ?? LOADTEST_CLIENT_ID);
    case "msk-tls":
      return KafkaPrincipal.tlsCertificate(`CN=${LOADTEST_CLIENT_ID}`);
    case "confluent-api-key":
      return KafkaPrincipal.confluentServiceAccount(LOADTEST_CLIENT_ID);
  }
}

/**
 * The connection and authentication part of what `clientProperties` renders for `auth`: its output
 * without the bootstrap reference, the identity (client.id, group.id, transactional.id) and the
 * profile's tuning keys, which the load test sets itself.
 */
export function authProperties(
  options: Pick<LoadtestOptions, "auth" | "username">,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  // TLS without a keystore: server-authenticated TLS only (no client certificate).
  if (options.auth === "plaintext") return { "security.protocol": "PLAINTEXT" };
  if (options.auth === "tls" && !env[KEYSTORE_ENV.location]) return { "security.protocol": "SSL" };
  const mode = AUTH_MODE[options.auth]!;
  const application = new KafkaApplication(LOADTEST_CLIENT_ID, {
    principal: principalFor(mode, options.username),
    producerProfile: "DURABILITY",
  });
  const rendered = clientProperties({
    application,
    clusterName: LOADTEST_CLIENT_ID,
    auth: mode,
    library: "java",
    role: "producer",
    bootstrapOutput: "bootstrap",
  });
  const drop = new Set([
    "bootstrap.servers",
    "client.id",
    "transactional.id",
    "group.id",
    ...Object.keys(CLIENT_PROFILES.DURABILITY.producer.java),
  ]);
  return Object.fromEntries(Object.entries(rendered).filter(([k]) => !drop.has(k)));
}

/**
 * The variables the generator's process gets on top of the caller's environment: the secret
 * (read from the variable --password-env names) under the name the properties reference, the
 * Confluent API key, and the AWS region. Never written to a file or a report.
 */
export function generatorEnvironment(
  options: Pick<LoadtestOptions, "auth" | "username" | "passwordEnv" | "awsRegion">,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const out: Record<string, string> = {};
  const secret = options.passwordEnv !== undefined ? env[options.passwordEnv] : undefined;
  switch (options.auth) {
    case "scram":
      if (secret !== undefined) out[CLIENT_SECRET_ENV.scramPassword] = secret;
      break;
    case "confluent":
      if (options.username !== undefined) out[CLIENT_SECRET_ENV.apiKey] = options.username;
      if (secret !== undefined) out[CLIENT_SECRET_ENV.apiSecret] = secret;
      break;
    case "tls":
      if (secret !== undefined) out[KEYSTORE_ENV.password] = secret;
      break;
    case "msk-iam":
      if (options.awsRegion !== undefined) out.AWS_REGION = options.awsRegion;
      break;
    case "plaintext":
      break;
  }
  return out;
}

/** Identity of one run. */
export interface RunIdentity {
  /** 16 hex digits, unique per run. */
  readonly runId: string;
  /** Consumer group. */
  readonly group: string;
}

/**
 * Producer, consumer and admin properties of one run: `profile` undefined means the Kafka client
 * defaults (connection, authentication and identity only). `--property` keys are added later, by
 * the generator, to the clients that define them.
 */
export function loadtestClientConfig(
  options: Pick<LoadtestOptions, "auth" | "username" | "bootstrap">,
  profile: ClientProfileName | undefined,
  identity: RunIdentity,
  env: NodeJS.ProcessEnv = process.env,
): LoadtestClientConfig {
  const auth = authProperties(options, env);
  const providers = Object.fromEntries(Object.entries(auth).filter(([k]) => k.startsWith("config.providers")));
  const security = Object.fromEntries(Object.entries(auth).filter(([k]) => !k.startsWith("config.providers")));
  const base = (clientId: string): Record<string, string> => ({
    ...providers,
    "bootstrap.servers": options.bootstrap,
    "client.id": clientId,
    ...security,
  });
  const tuning = profile !== undefined ? CLIENT_PROFILES[profile] : undefined;
  const producer: Record<string, string> = { ...base(LOADTEST_CLIENT_ID), ...(tuning?.producer.java ?? {}) };
  if (profile === "EXACTLY_ONCE") producer["transactional.id"] = `${LOADTEST_CLIENT_ID}-${identity.runId}`;
  const consumer: Record<string, string> = {
    ...base(LOADTEST_CLIENT_ID),
    "group.id": identity.group,
    ...(tuning?.consumer.java ?? {}),
  };
  return { producer, consumer, admin: base(`${LOADTEST_CLIENT_ID}-admin`) };
}

/** Adds `properties` to `target` where `keys` says the generator applied them. */
export function withOverrides(
  target: Readonly<Record<string, string>>,
  properties: Readonly<Record<string, string>>,
  keys: readonly string[],
): Record<string, string> {
  const out = { ...target };
  for (const key of keys) if (key in properties) out[key] = properties[key];
  return out;
}

/** Renders a Java properties file (keys and values escaped as java.util.Properties reads them). */
export function renderPropertiesFile(props: Readonly<Record<string, string>>, header?: string): string {
  const escape = (s: string, key: boolean): string =>
    s
      .replace(/\\/g, "\\\\")
      .replace(/\n/g, "\\n")
      .replace(/\r/g, "\\r")
      .replace(/\t/g, "\\t")
      .replace(key ? /[=: #!]/g : /^[ #!]/, (c) => `\\${c}`);
  const lines = header ? header.split("\n").map((l) => `# ${l}`) : [];
  for (const [k, v] of Object.entries(props)) lines.push(`${escape(k, true)}=${escape(v, false)}`);
  return lines.join("\n") + "\n";
}

const REDACTED = "[redacted]";
const SECRET_KEY = /password|secret/i;

/**
 * Properties as they may be shown: values of password/secret keys and literal passwords inside
 * sasl.jaas.config are replaced unless they are `${env:...}` references, and any occurrence of a
 * known secret value is replaced too.
 */
export function redactProperties(
  props: Readonly<Record<string, string>>,
  secretValues: readonly string[] = [],
): Record<string, string> {
  const isReference = (v: string): boolean => /^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$/.test(v.trim());
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(props)) {
    let value = raw;
    for (const secret of secretValues) if (secret.length > 0) value = value.split(secret).join(REDACTED);
    if (SECRET_KEY.test(key) && !isReference(value)) value = REDACTED;
    if (/jaas\.config$/.test(key))
      value = value.replace(/(password\s*=\s*)"([^"]*)"/gi, (m, prefix: string, literal: string) =>
        isReference(literal) ? m : `${prefix}"${REDACTED}"`,
      );
    out[key] = value;
  }
  return out;
}
