/**
 * Turns a synthesized `cdk.tf.json` into the `terraform show -json` document of a plan of the same
 * configuration against an estate where it is already applied (a no-op plan): the way Terraform lays
 * it out, without Terraform.
 *
 * - `"//"` comments and meta-arguments (`lifecycle`, `depends_on`, `provider`, …) are dropped; the
 *   provider becomes the configuration's `provider_config_key`.
 * - Nested blocks become lists (Terraform's JSON writes every block as a list; cdktf writes a block
 *   of at most one item as an object); maps stay objects. Block or map comes from the committed
 *   provider schemas (Confluent, Kafka) and, for AWS, from the map attributes these documents use.
 * - `${…}` expressions are evaluated against the estate: every attribute another resource reads
 *   (an `arn`, `id`, `key_id`, …) gets a stable synthetic value on its resource, variables get values
 *   of their type, and `replace()` / `split()` are applied. What cannot be evaluated (`jsonencode`)
 *   is left unknown, as `after_unknown` with its references in the configuration.
 * - Outputs go to `planned_values.outputs` with their `sensitive` flag, `$${` escapes resolved.
 * - AWS resources get `tags_all` (provider `default_tags` merged under `tags`).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

type Json = Record<string, any>;

const ACCOUNT = "123456789012";
const REGION = "eu-west-1";
const UNKNOWN = Symbol("unknown");
type Value = unknown;

const META_ARGUMENTS = new Set([
  "//",
  "lifecycle",
  "depends_on",
  "provider",
  "count",
  "for_each",
  "provisioner",
  "connection",
]);

/** Map attributes of the AWS resources (everything else that is an object is a block). */
const AWS_MAP_ATTRIBUTES = new Set(["tags", "tags_all", "dimensions", "config", "environment"]);

interface SchemaBlock {
  readonly attributes?: Record<string, { type?: unknown }>;
  readonly block_types?: Record<string, { block: SchemaBlock; nesting_mode: string }>;
}

function loadSchemas(): Map<string, SchemaBlock> {
  const out = new Map<string, SchemaBlock>();
  const dir = path.join(__dirname, "..", "..", "lib", "providers", "schema");
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const json = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    for (const provider of Object.values<any>(json.provider_schemas ?? {})) {
      for (const [type, schema] of Object.entries<any>(provider.resource_schemas ?? {})) out.set(type, schema.block);
      for (const [type, schema] of Object.entries<any>(provider.data_source_schemas ?? {}))
        out.set(`data.${type}`, schema.block);
    }
  }
  return out;
}

const SCHEMAS = loadSchemas();

function hash(text: string, length = 8): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

function uuid(seed: string): string {
  const h = hash(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Split a function's arguments at top-level commas. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      current += c;
      if (c === "\\") current += text[++i];
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === "," && depth === 0) {
      out.push(current.trim());
      current = "";
      continue;
    }
    current += c;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** The end (index of the closing `}`) of a `${` that opens at `start`. */
function closing(text: string, start: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = start + 2; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === "{") depth++;
    else if (c === "}") {
      if (depth === 0) return i;
      depth--;
    }
  }
  throw new Error(`unterminated expression in ${text}`);
}

/** The estate the plan is made against: synthetic values for what resources read from each other. */
class Estate {
  public readonly resources = new Map<string, { type: string; name: string; mode: "managed" | "data"; body: Json }>();
  public readonly variables: Json;

  constructor(doc: Json) {
    this.variables = doc.variable ?? {};
    for (const [mode, section] of [
      ["managed", doc.resource],
      ["data", doc.data],
    ] as const) {
      for (const [type, byName] of Object.entries<Json>(section ?? {})) {
        for (const [name, body] of Object.entries<Json>(byName)) {
          const address = mode === "data" ? `data.${type}.${name}` : `${type}.${name}`;
          this.resources.set(address, { type, name, mode, body });
        }
      }
    }
  }

  /** The value of `<address>.<attribute>` in the applied estate. */
  public attribute(address: string, attribute: string): Value {
    const r = this.resources.get(address);
    if (!r) return `${address}.${attribute}`;
    const literal = r.body[attribute];
    if (literal !== undefined && (typeof literal !== "string" || !literal.includes("${"))) return literal;
    return this.computed(address, attribute);
  }

  /** A computed attribute: what the provider would return after apply. */
  public computed(address: string, attribute: string): Value {
    const r = this.resources.get(address)!;
    const { type, name, body } = r;
    const display = typeof body.name === "string" && !body.name.includes("${") ? body.name : name;
    const id = uuid(address);
    if (type === "aws_caller_identity" && attribute === "account_id") return ACCOUNT;
    if (type === "aws_partition" && attribute === "partition") return "aws";
    if (type === "aws_region" && (attribute === "region" || attribute === "name")) return REGION;
    if (type === "terraform_remote_state" && attribute === "outputs")
      return new Proxy({}, { get: (_t, key) => `remote-${String(key)}` });
    if (type === "aws_secretsmanager_random_password") return `generated-${hash(address)}`;
    if (attribute === "arn") {
      switch (type) {
        case "aws_kms_key":
          return `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;
        case "aws_msk_cluster":
          return `arn:aws:kafka:${REGION}:${ACCOUNT}:cluster/${body.cluster_name}/${id}-2`;
        case "aws_msk_configuration":
          return `arn:aws:kafka:${REGION}:${ACCOUNT}:configuration/${display}/${id}-2`;
        case "aws_secretsmanager_secret":
          return `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${display}-${hash(address, 6)}`;
        case "aws_cloudwatch_log_group":
          return `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${display}`;
        case "aws_iam_policy":
          return `arn:aws:iam::${ACCOUNT}:policy/${display}`;
        case "aws_sns_topic":
          return `arn:aws:sns:${REGION}:${ACCOUNT}:${display}`;
        default:
          return `arn:aws:${type.replace(/^aws_/, "")}:${REGION}:${ACCOUNT}:${display}`;
      }
    }
    if (attribute === "key_id" || (attribute === "id" && type === "aws_kms_key")) return id;
    if (attribute === "id" && type === "aws_secretsmanager_secret") return this.computed(address, "arn");
    if (attribute === "id" && type.startsWith("confluent_")) {
      const prefix: Record<string, string> = {
        confluent_kafka_cluster: "lkc",
        confluent_environment: "env",
        confluent_service_account: "sa",
        confluent_network: "n",
        confluent_api_key: "KEY",
      };
      return `${prefix[type] ?? "id"}-${hash(address, 6)}`;
    }
    if (attribute === "id") return `${display}-${hash(address, 6)}`;
    if (attribute === "latest_revision") return 1;
    if (attribute === "name") return display;
    return `${attribute}-of-${hash(address, 10)}`;
  }

  /** The value of a variable, from its type. */
  public variable(name: string): Value {
    const v = this.variables[name] ?? {};
    if (v.default !== undefined) return v.default;
    const type = String(v.type ?? "string");
    if (type.startsWith("list")) return ["a", "b", "c"].map((z) => `${name}-${z}`);
    if (type === "number") return 3;
    if (type === "bool") return true;
    return `${name}-value`;
  }

  /** Evaluate a traversal (`type.name.attr…`, `data.…`, `var.x`, `terraform.workspace`). */
  public traversal(text: string): Value {
    const parts = text.split(".");
    if (parts[0] === "var") return this.variable(parts[1]);
    if (parts[0] === "terraform" && parts[1] === "workspace") return "default";
    const data = parts[0] === "data";
    const [type, name, attribute, ...rest] = data ? parts.slice(1) : parts;
    if (!type || !name || !attribute) return UNKNOWN;
    const address = `${data ? "data." : ""}${type}.${name}`;
    let value = this.attribute(address, attribute);
    for (const key of rest) value = (value as Json)?.[key];
    return value ?? UNKNOWN;
  }

  /** Evaluate one expression inside `${…}`. */
  public expression(expr: string): Value {
    const text = expr.trim();
    const call = /^([a-z_]+)\(([\s\S]*)\)$/.exec(text);
    if (call) {
      const args = splitArguments(call[2]);
      const arg = (i: number): Value => {
        const a = args[i];
        return /^"/.test(a) ? JSON.parse(a) : this.expression(a);
      };
      if (call[1] === "replace") {
        const [s, from, to] = [arg(0), arg(1), arg(2)];
        if ([s, from, to].some((v) => typeof v !== "string")) return UNKNOWN;
        return (s as string).split(from as string).join(to as string);
      }
      if (call[1] === "split") {
        const [sep, s] = [arg(0), arg(1)];
        if (typeof sep !== "string" || typeof s !== "string") return UNKNOWN;
        return s.split(sep);
      }
      return UNKNOWN;
    }
    if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(text)) return this.traversal(text);
    return UNKNOWN;
  }

  /** Evaluate a string template (with `$${` / `%%{` escapes). */
  public template(text: string): Value {
    if (!text.includes("${") && !text.includes("%%{")) return text;
    // A string that is exactly one expression takes the expression's value (lists stay lists).
    if (text.startsWith("${") && !text.startsWith("$${") && closing(text, 0) === text.length - 1) {
      return this.expression(text.slice(2, -1));
    }
    let out = "";
    for (let i = 0; i < text.length; i++) {
      if (text.startsWith("$${", i) || text.startsWith("%%{", i)) {
        out += text[i + 1] + "{";
        i += 2;
      } else if (text.startsWith("${", i)) {
        const end = closing(text, i);
        const value = this.expression(text.slice(i + 2, end));
        if (value === UNKNOWN || (typeof value === "object" && value !== null)) return UNKNOWN;
        out += String(value);
        i = end;
      } else out += text[i];
    }
    return out;
  }
}

/** First references of an expression text, as Terraform's configuration lists them. */
function references(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
    out.push(`${m[1]}.${m[2]}`, m[1]);
  }
  return [...new Set(out)];
}

interface Converted {
  readonly value: unknown;
  readonly unknown: unknown;
  readonly expression: unknown;
}

/** Convert one attribute value: evaluate templates, turn blocks into lists; report unknowns. */
function convert(
  value: unknown,
  estate: Estate,
  kind: "map" | "block" | "attribute",
  schema?: SchemaBlock,
  awsLike = false,
): Converted {
  if (typeof value === "string") {
    const v = estate.template(value);
    if (v === UNKNOWN) return { value: undefined, unknown: true, expression: { references: references(value) } };
    return { value: v, unknown: false, expression: { constant_value: v } };
  }
  if (Array.isArray(value)) {
    const items = value.map((x) => convert(x, estate, kind === "block" ? "block" : "attribute", schema, awsLike));
    return {
      value: items.map((i) => i.value),
      unknown: items.some((i) => i.unknown !== false) ? items.map((i) => i.unknown) : false,
      expression: items.map((i) => i.expression),
    };
  }
  if (value && typeof value === "object") {
    if (kind === "map") {
      const entries = Object.entries(value as Json).map(([k, v]) => [k, convert(v, estate, "attribute")] as const);
      return {
        value: Object.fromEntries(entries.map(([k, c]) => [k, c.value])),
        unknown: entries.some(([, c]) => c.unknown !== false)
          ? Object.fromEntries(entries.map(([k, c]) => [k, c.unknown]))
          : false,
        expression: { constant_value: Object.fromEntries(entries.map(([k, c]) => [k, c.value])) },
      };
    }
    const body = convertBody(value as Json, estate, schema, awsLike);
    return { value: body.values, unknown: body.unknown, expression: body.expressions };
  }
  return { value, unknown: false, expression: { constant_value: value } };
}

function convertBody(
  body: Json,
  estate: Estate,
  schema: SchemaBlock | undefined,
  awsLike: boolean,
): { values: Json; unknown: Json; expressions: Json } {
  const values: Json = {};
  const unknown: Json = {};
  const expressions: Json = {};
  for (const [key, raw] of Object.entries(body)) {
    if (META_ARGUMENTS.has(key)) continue;
    const blockType = schema?.block_types?.[key];
    const attrType = schema?.attributes?.[key]?.type;
    const isMap = awsLike
      ? AWS_MAP_ATTRIBUTES.has(key)
      : Array.isArray(attrType) && (attrType[0] === "map" || attrType[0] === "object");
    const objectLike = (x: unknown): boolean => x !== null && typeof x === "object" && !Array.isArray(x);
    const isBlock =
      blockType !== undefined ||
      (awsLike && !isMap && (objectLike(raw) || (Array.isArray(raw) && raw.length > 0 && raw.every(objectLike))));
    if (isBlock) {
      const list = Array.isArray(raw) ? raw : [raw];
      const items = list.map((item) => convert(item, estate, "block", blockType?.block, awsLike));
      values[key] = items.map((i) => i.value);
      if (items.some((i) => i.unknown !== false)) unknown[key] = items.map((i) => i.unknown);
      expressions[key] = items.map((i) => i.expression);
      continue;
    }
    const c = convert(raw, estate, isMap ? "map" : "attribute");
    if (c.unknown === true) {
      unknown[key] = true;
    } else {
      values[key] = c.value;
      if (c.unknown !== false) unknown[key] = c.unknown;
    }
    expressions[key] = c.expression;
  }
  return { values, unknown, expressions };
}

/** Default tags of each AWS provider configuration, by configuration key (`aws`, `aws.<alias>`). */
function defaultTags(doc: Json): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const config of [doc.provider?.aws ?? []].flat()) {
    const tags = Object.assign({}, ...[config.default_tags ?? []].flat().map((d: Json) => d.tags ?? {}));
    out.set(config.alias ? `aws.${config.alias}` : "aws", tags);
  }
  return out;
}

/**
 * The `terraform show -json` document of a no-op plan of `doc` against an estate where it is applied.
 *
 * @param keepOutputs - carry the configuration's outputs into `planned_values.outputs` (Terraform does)
 */
export function planFromConfig(doc: Json, keepOutputs = true): Json {
  const estate = new Estate(doc);
  // Every attribute a resource reads from another exists on that resource after apply.
  const text = JSON.stringify({ resource: doc.resource, data: doc.data, output: doc.output });
  const read = new Map<string, Set<string>>();
  for (const m of text.matchAll(/((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (!estate.resources.has(m[1])) continue;
    const set = read.get(m[1]) ?? new Set<string>();
    set.add(m[2]);
    read.set(m[1], set);
  }
  const tags = defaultTags(doc);
  const planned: Json[] = [];
  const changes: Json[] = [];
  const configured: Json[] = [];
  for (const [address, r] of estate.resources) {
    const schemaKey = r.mode === "data" ? `data.${r.type}` : r.type;
    const awsLike = !SCHEMAS.has(schemaKey);
    const body = convertBody(r.body, estate, SCHEMAS.get(schemaKey), awsLike);
    const values = body.values;
    for (const attribute of read.get(address) ?? []) {
      if (values[attribute] === undefined && r.type !== "terraform_remote_state") {
        values[attribute] = estate.computed(address, attribute);
      }
    }
    const providerKey = typeof r.body.provider === "string" ? r.body.provider : r.type.split("_")[0];
    if (
      r.type.startsWith("aws_") &&
      r.mode === "managed" &&
      (values.tags !== undefined || (tags.get(providerKey) && Object.keys(tags.get(providerKey)!).length > 0))
    ) {
      values.tags_all = { ...(tags.get(providerKey) ?? {}), ...(values.tags ?? {}) };
    }
    const entry = {
      address,
      mode: r.mode,
      type: r.type,
      name: r.name,
      provider_name: `registry.terraform.io/${providerKey}`,
    };
    planned.push({ ...entry, schema_version: 0, values, sensitive_values: {} });
    changes.push({
      ...entry,
      change: {
        actions: [r.mode === "data" ? "read" : "no-op"],
        before: values,
        after: values,
        after_unknown: body.unknown,
      },
    });
    configured.push({
      address,
      mode: r.mode,
      type: r.type,
      name: r.name,
      provider_config_key: providerKey,
      expressions: body.expressions,
    });
  }
  const outputs: Json = {};
  if (keepOutputs) {
    for (const [name, o] of Object.entries<Json>(doc.output ?? {})) {
      const v = typeof o.value === "string" ? estate.template(o.value) : o.value;
      outputs[name] = { sensitive: o.sensitive === true, ...(v === UNKNOWN ? {} : { value: v }) };
    }
  }
  const providerConfig: Json = {};
  for (const [key, t] of tags) {
    providerConfig[key] = {
      name: "aws",
      full_name: "registry.terraform.io/hashicorp/aws",
      ...(key.includes(".") ? { alias: key.split(".")[1] } : {}),
      expressions: Object.keys(t).length > 0 ? { default_tags: [{ tags: { constant_value: t } }] } : {},
    };
  }
  return {
    format_version: "1.2",
    terraform_version: "1.9.8",
    planned_values: { outputs, root_module: { resources: planned } },
    resource_changes: changes,
    configuration: { provider_config: providerConfig, root_module: { resources: configured } },
  };
}
