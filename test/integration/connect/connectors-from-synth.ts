/**
 * The connector configurations of synthesized stacks, as the provider would send them, and the
 * translation that makes one checkable on the local Connect worker.
 *
 * - `aws_mskconnect_connector.connector_configuration` (MSK Connect);
 * - `confluent_connector.config_nonsensitive` plus the keys of `config_sensitive` (Confluent Cloud).
 *
 * Terraform JSON writes a literal `${` as `$${`: such values are config-provider references
 * (`${secretsmanager:<secret>:<key>}`); a bare `${…}` is a Terraform expression resolved only at
 * apply (an ARN, a bootstrap string, a service-account id).
 *
 * Translation changes only what cannot work here, and records every key it touched:
 * - bootstrap servers (`*bootstrap.servers`) → the local cluster;
 * - MSK IAM client settings (`*security.protocol=SASL_SSL` with `*sasl.mechanism=AWS_MSK_IAM`) →
 *   PLAINTEXT, the IAM `sasl.*` keys dropped (the local brokers have no IAM, nor TLS);
 * - config-provider references and sensitive values → placeholders (a generated RSA key where the
 *   key must be one: `snowflake.private.key`);
 * - other Terraform expressions → placeholders.
 * Host names of databases and Snowflake accounts are kept: the worker resolves no name but
 * loopback ones (worker.sh), so connections to them fail at once and nothing leaves the machine.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";

export type Backend = "msk" | "confluent";

export interface SynthConnector {
  /** `<stack>/<resource type>.<resource name>`. */
  readonly id: string;
  readonly stack: string;
  readonly backend: Backend;
  /** The connector's name (MSK: `name`; Confluent: `config_nonsensitive.name`). */
  readonly name: string;
  readonly connectorClass: string;
  /** Every key with its value as the provider sends it (`$${` unescaped to `${`). */
  readonly config: Record<string, string>;
  /** Keys whose value is sensitive (Confluent `config_sensitive`). */
  readonly sensitiveKeys: readonly string[];
  /** MSK: the worker configuration's properties (`properties_file_content`), when it is in the stack. */
  readonly workerProperties?: Record<string, string>;
}

function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const i = line.search(/[=:]/);
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

export interface Translation {
  readonly key: string;
  /** The synthesized value (sensitive values shown as `<sensitive>`); undefined when the key is added. */
  readonly from?: string;
  /** The value sent; undefined when the key is dropped. */
  readonly to?: string;
  readonly why: string;
}

export interface Translated {
  readonly config: Record<string, string>;
  readonly translations: readonly Translation[];
  /** What Terraform itself would refuse (a config-provider reference not escaped as `$${`). */
  readonly problems: readonly string[];
}

function fail(message: string): never {
  throw new Error(message);
}

/** A Terraform string: `$${` is a literal `${`; a bare `${` starts an expression. */
function unescape(value: string): string {
  return value.replace(/\$\$\{/g, "${");
}

function isTerraformExpression(raw: string): boolean {
  return /(^|[^$])\$\{/.test(raw);
}

function stringMap(raw: unknown, where: string): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== "object" || Array.isArray(raw)) fail(`${where} is not an object`);
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

/** Raw (Terraform) values keyed by connector id, for telling expressions from provider references. */
export const RAW_VALUES = new Map<string, Record<string, string>>();

/** Every connector resource of DIR/stacks/*\/cdk.tf.json. */
export function connectorsFromSynth(dir: string): SynthConnector[] {
  const stacksDir = path.join(dir, "stacks");
  if (!fs.existsSync(stacksDir)) fail(`no ${stacksDir}: synthesize first`);
  const out: SynthConnector[] = [];
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    const file = path.join(stacksDir, stack, "cdk.tf.json");
    if (!fs.existsSync(file)) continue;
    const tf = JSON.parse(fs.readFileSync(file, "utf8")) as { resource?: Record<string, Record<string, unknown>> };
    const resources = tf.resource ?? {};
    for (const [name, r] of Object.entries(resources.aws_mskconnect_connector ?? {})) {
      const res = r as { name?: unknown; connector_configuration?: unknown; worker_configuration?: { arn?: unknown } };
      const id = `${stack}/aws_mskconnect_connector.${name}`;
      const ref = /^\$\{aws_mskconnect_worker_configuration\.([^.]+)\.arn\}$/.exec(
        String(res.worker_configuration?.arn ?? ""),
      );
      const wc = ref
        ? (resources.aws_mskconnect_worker_configuration?.[ref[1]] as { properties_file_content?: unknown })
        : undefined;
      const workerProperties = wc ? parseProperties(unescape(String(wc.properties_file_content ?? ""))) : undefined;
      const raw = stringMap(res.connector_configuration, `${id}.connector_configuration`);
      RAW_VALUES.set(id, raw);
      const config = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, unescape(v)]));
      out.push({
        id,
        stack,
        backend: "msk",
        name: String(res.name ?? name),
        connectorClass: config["connector.class"] ?? fail(`${id} has no connector.class`),
        config,
        sensitiveKeys: [],
        workerProperties,
      });
    }
    for (const [name, r] of Object.entries(resources.confluent_connector ?? {})) {
      const res = r as { config_nonsensitive?: unknown; config_sensitive?: unknown };
      const id = `${stack}/confluent_connector.${name}`;
      const plain = stringMap(res.config_nonsensitive, `${id}.config_nonsensitive`);
      const sensitive = stringMap(res.config_sensitive, `${id}.config_sensitive`);
      RAW_VALUES.set(id, { ...plain, ...sensitive });
      const config = Object.fromEntries(Object.entries({ ...plain, ...sensitive }).map(([k, v]) => [k, unescape(v)]));
      out.push({
        id,
        stack,
        backend: "confluent",
        name: config.name ?? name,
        connectorClass: config["connector.class"] ?? fail(`${id} has no connector.class`),
        config,
        sensitiveKeys: Object.keys(sensitive).sort(),
      });
    }
  }
  return out;
}

let placeholderKey: string | undefined;
/** A throwaway RSA key, PKCS#8 DER in base64 without header lines (Snowflake's key-pair format). */
export function placeholderPrivateKey(): string {
  if (!placeholderKey) {
    const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
    placeholderKey = privateKey.export({ type: "pkcs8", format: "der" }).toString("base64");
  }
  return placeholderKey;
}

/** The placeholder for a secret or unresolved value of KEY. */
export function placeholderFor(key: string): string {
  if (key === "snowflake.private.key") return placeholderPrivateKey();
  if (/port$/.test(key)) return "50000";
  if (/service\.account\.id$/.test(key)) return "sa-placeholder";
  return `it-placeholder-${key.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

const IAM_MECHANISM = "AWS_MSK_IAM";

/** The configuration as sent to the local worker, and what was changed (see the file comment). */
export function translate(c: SynthConnector, bootstrap: string): Translated {
  const raw = RAW_VALUES.get(c.id) ?? {};
  const config: Record<string, string> = { ...c.config };
  const translations: Translation[] = [];
  const problems: string[] = [];
  const shown = (k: string): string => (c.sensitiveKeys.includes(k) ? "<sensitive>" : c.config[k]);
  for (const key of Object.keys(c.config).sort()) {
    const value = c.config[key];
    if (key.endsWith("bootstrap.servers")) {
      config[key] = bootstrap;
      translations.push({ key, from: value, to: bootstrap, why: "bootstrap servers: the local cluster" });
      continue;
    }
    if (c.sensitiveKeys.includes(key)) {
      config[key] = placeholderFor(key);
      translations.push({
        key,
        from: "<sensitive>",
        to: key === "snowflake.private.key" ? "<generated RSA key>" : config[key],
        why: "config_sensitive: a placeholder",
      });
      continue;
    }
    const rawValue = raw[key] ?? "";
    if (/(^|[^$])\$\{[A-Za-z][A-Za-z0-9_-]*:[^}]*\}/.test(rawValue)) {
      problems.push(
        `${key}: the config-provider reference ${rawValue} is written as a Terraform expression; Terraform JSON needs $\${…} for a literal \${…}`,
      );
    }
    if (/\$\$\{[A-Za-z][A-Za-z0-9_-]*:[^}]*\}/.test(rawValue)) {
      config[key] = placeholderFor(key);
      translations.push({
        key,
        from: value,
        to: key === "snowflake.private.key" ? "<generated RSA key>" : config[key],
        why: "config-provider reference: the worker has no such provider; a placeholder",
      });
      continue;
    }
    if (isTerraformExpression(rawValue)) {
      config[key] = placeholderFor(key);
      translations.push({
        key,
        from: value,
        to: config[key],
        why: "Terraform expression (known at apply): a placeholder",
      });
    }
  }
  // MSK: converters the connector does not set come from its worker configuration, as on MSK Connect.
  for (const [k, v] of Object.entries(c.workerProperties ?? {})) {
    if (!/^(key|value|header)\.converter(\..+)?$/.test(k)) continue;
    const role = k.split(".").slice(0, 2).join(".");
    if (role in c.config) continue;
    config[k] = v;
    translations.push({
      key: k,
      to: v,
      why: "not set on the connector: MSK Connect takes it from the worker configuration",
    });
  }
  // MSK IAM: every client prefix whose mechanism is AWS_MSK_IAM talks PLAINTEXT to the local cluster.
  for (const key of Object.keys(config).sort()) {
    if (!key.endsWith("sasl.mechanism") || config[key] !== IAM_MECHANISM) continue;
    const prefix = key.slice(0, -"sasl.mechanism".length);
    for (const k of Object.keys(config).sort()) {
      if (!k.startsWith(prefix)) continue;
      const rest = k.slice(prefix.length);
      if (rest === "security.protocol") {
        translations.push({
          key: k,
          from: shown(k),
          to: "PLAINTEXT",
          why: "MSK IAM: the local cluster has no IAM or TLS",
        });
        config[k] = "PLAINTEXT";
      } else if (["sasl.mechanism", "sasl.jaas.config", "sasl.client.callback.handler.class"].includes(rest)) {
        translations.push({ key: k, from: shown(k), why: "MSK IAM: dropped (PLAINTEXT locally)" });
        delete config[k];
      }
    }
  }
  return { config, translations, problems };
}
