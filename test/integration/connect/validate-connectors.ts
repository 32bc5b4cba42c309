/**
 * Checks every connector configuration of synthesized stacks on a real Kafka Connect worker:
 * `PUT /connector-plugins/<class>/config/validate` with the real plugin where a registry serves it,
 * and, where none does, Connect's framework validation plus the plugin's keys from its public source.
 *
 *   ts-node --transpile-only test/integration/connect/validate-connectors.ts --synth DIR
 *     --connect URL --bootstrap SERVERS --worker-log FILE --out FILE
 *
 * Prints one PASS/FAIL line per connector; writes every call, error and translation to --out (JSON),
 * from which proof-report.ts writes the report. Exit 1 when a connector fails.
 *
 * A connector passes when:
 * - the plugin answers its configuration with 0 errors, except errors that need the database or the
 *   Snowflake account (unreachable from here), each of which is listed: Debezium Db2 and Snowflake
 *   connect while validating, so their configuration is validated twice, once as synthesized
 *   (connection errors only) and once with the endpoint key emptied, which makes the plugin skip its
 *   connection attempt and check every other key (exactly the one "required" error on the endpoint);
 * - every key is one the plugin, Connect's framework, a transform, predicate or converter defines,
 *   or falls under a prefix the plugin passes through (listed per plugin below, with its source);
 * - for a class no registry serves (Confluent's JDBC source, IBM MQ, Confluent Cloud's managed
 *   classes): every plugin key is in the key list of its public source (keys/*.json), values of the
 *   enumerated and numeric keys parse, and the framework part passes Connect's own validation (the
 *   it-framework-only plugin).
 */
import * as fs from "fs";
import * as path from "path";
import { SynthConnector, Translation, connectorsFromSynth, translate } from "./connectors-from-synth";

function arg(name: string): string {
  const i = process.argv.indexOf(name);
  if (i < 0 || !process.argv[i + 1]) {
    process.stderr.write(`missing ${name}\n`);
    process.exit(2);
  }
  return process.argv[i + 1];
}

const KEYS_DIR = path.join(__dirname, "keys");

interface KeyList {
  readonly plugin: string;
  readonly title: string;
  readonly source: string;
  readonly why: string;
  readonly direction: string;
  readonly prefixes: readonly string[];
  readonly keys: Record<string, { type?: string; values?: string[]; caseInsensitive?: boolean }>;
}

function keyList(file: string): KeyList {
  return JSON.parse(fs.readFileSync(path.join(KEYS_DIR, file), "utf8")) as KeyList;
}

/** How a connector class is checked. */
interface Target {
  /** Plugin class validated on the worker. */
  readonly plugin: string;
  /** Key whose emptying makes the plugin skip its connection attempt during validation. */
  readonly endpointKey?: string;
  /** Connection errors of the as-synthesized call: key and message pattern. */
  readonly connectionError?: (key: string, message: string) => boolean;
  /** Prefixes the plugin passes through to a nested client or driver, with the source saying so. */
  readonly passThrough: readonly string[];
  readonly passThroughSource?: string;
  /** For classes no registry serves: the key list of the public source. */
  readonly keys?: KeyList;
  /** Confluent Cloud managed class mapped to a self-managed plugin with the same keys. */
  readonly managedKeys?: KeyList;
  /** Keys the plugin reads and checks outside the definitions validate returns (with the source). */
  readonly readKeys?: { keys: readonly string[]; source: string };
  /** Key lists of nested components the plugin configures from its own keys (checked by name and type). */
  readonly nestedKeys?: KeyList;
  /** The key holding the Snowflake account `host:port`, pointed at the local TLS endpoint. */
  readonly snowflakeUrlKey?: string;
  readonly note: string;
}

/** Snowflake 2.5.0 reads these without defining them in ConnectorConfigDefinition. */
const SNOWFLAKE_READ_KEYS = {
  keys: ["snowflake.enable.schematization", "snowflake.jdbc.map"],
  source:
    "snowflakedb/snowflake-kafka-connector v2.5.0 DefaultConnectorConfigValidator.java, DefaultStreamingConfigValidator.java, Utils.java (read and checked by the connector, absent from ConnectorConfigDefinition)",
};

const FRAMEWORK_SOURCE = "kafkastandards.it.connect.frameworkonly.FrameworkOnlySourceConnector";
const FRAMEWORK_SINK = "kafkastandards.it.connect.frameworkonly.FrameworkOnlySinkConnector";
const MIRROR_PREFIXES = [
  "source.cluster.",
  "target.cluster.",
  "source.consumer.",
  "target.consumer.",
  "source.producer.",
  "target.producer.",
  "source.admin.",
  "target.admin.",
  "consumer.",
  "producer.",
  "admin.",
];

const TARGETS: Record<string, () => Target> = {
  "io.debezium.connector.db2.Db2Connector": () => ({
    plugin: "io.debezium.connector.db2.Db2Connector",
    endpointKey: "database.hostname",
    // Db2Connector.validateConnection (3.3.1) throws when it cannot reach the database: HTTP 500.
    connectionError: (key, message) =>
      (key === "" || key.startsWith("database.")) &&
      /database name|connect|unknown host|Connection refused|ERRORCODE=-4499|ERRORCODE=-4222/i.test(message),
    passThrough: ["driver."],
    passThroughSource: "Debezium 3.3 Db2 connector docs: pass-through driver.* properties go to the JDBC driver",
    nestedKeys: keyList("debezium-kafka-schema-history.json"),
    note: "real plugin: io.debezium:debezium-connector-db2:3.3.1.Final (+ com.ibm.db2:jcc)",
  }),
  "com.snowflake.kafka.connector.SnowflakeSinkConnector": () => ({
    plugin: "com.snowflake.kafka.connector.SnowflakeSinkConnector",
    endpointKey: "snowflake.url.name",
    connectionError: (key, message) =>
      ["snowflake.url.name", "snowflake.user.name", "snowflake.private.key"].includes(key) &&
      /Cannot connect to Snowflake/i.test(message),
    passThrough: [],
    readKeys: SNOWFLAKE_READ_KEYS,
    snowflakeUrlKey: "snowflake.url.name",
    note: "real plugin: com.snowflake:snowflake-kafka-connector:2.5.0",
  }),
  "org.apache.kafka.connect.mirror.MirrorSourceConnector": () => mirror("MirrorSourceConnector"),
  "org.apache.kafka.connect.mirror.MirrorCheckpointConnector": () => mirror("MirrorCheckpointConnector"),
  "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector": () => mirror("MirrorHeartbeatConnector"),
  "io.confluent.connect.jdbc.JdbcSourceConnector": () => ({
    plugin: FRAMEWORK_SOURCE,
    keys: keyList("confluent-jdbc-source.json"),
    passThrough: [],
    note: "no registry serves the plugin: keys against its public source, framework keys on the worker",
  }),
  "com.ibm.eventstreams.connect.mqsource.MQSourceConnector": () => ({
    plugin: FRAMEWORK_SOURCE,
    keys: keyList("ibm-mq-source.json"),
    passThrough: [],
    note: "no registry serves the plugin: keys against its public source, framework keys on the worker",
  }),
  "com.ibm.eventstreams.connect.mqsink.MQSinkConnector": () => ({
    plugin: FRAMEWORK_SINK,
    keys: keyList("ibm-mq-sink.json"),
    passThrough: [],
    note: "no registry serves the plugin: keys against its public source, framework keys on the worker",
  }),
  SnowflakeSink: () => ({
    plugin: "com.snowflake.kafka.connector.SnowflakeSinkConnector",
    endpointKey: "snowflake.url.name",
    connectionError: (key, message) =>
      ["snowflake.url.name", "snowflake.user.name", "snowflake.private.key"].includes(key) &&
      /Cannot connect to Snowflake/i.test(message),
    managedKeys: keyList("cc-SnowflakeSink.json"),
    readKeys: SNOWFLAKE_READ_KEYS,
    snowflakeUrlKey: "snowflake.url.name",
    passThrough: [],
    note: "Confluent Cloud managed class: its keys against the managed connector's definitions; the keys it shares with the self-managed Snowflake connector through that plugin (2.5.0)",
  }),
  IbmDb2Source: () => ({
    plugin: FRAMEWORK_SOURCE,
    keys: keyList("cc-IbmDb2Source.json"),
    passThrough: [],
    note: "Confluent Cloud managed class (Confluent's JDBC source underneath, not served): keys against the managed connector's definitions, framework keys on the worker",
  }),
  IbmMQSource: () => ({
    plugin: FRAMEWORK_SOURCE,
    keys: keyList("cc-IbmMQSource.json"),
    passThrough: [],
    note: "Confluent Cloud managed class: keys against the managed connector's definitions, framework keys on the worker",
  }),
  IbmMqSink: () => ({
    plugin: FRAMEWORK_SINK,
    keys: keyList("cc-IbmMqSink.json"),
    passThrough: [],
    note: "Confluent Cloud managed class: keys against the managed connector's definitions, framework keys on the worker",
  }),
};

function mirror(cls: string): Target {
  return {
    plugin: `org.apache.kafka.connect.mirror.${cls}`,
    passThrough: MIRROR_PREFIXES,
    passThroughSource:
      "apache/kafka 3.9.1 MirrorConnectorConfig / MirrorClientConfig: client settings per cluster and client (source.cluster.*, target.cluster.*, source.consumer.*, target.producer.*, source.admin.*, target.admin.*, consumer.*, producer.*, admin.*)",
    note: "real plugin: org.apache.kafka:connect-mirror:3.9.1 (on the worker classpath, as in the Kafka distribution)",
  };
}

/** Keys Connect's framework passes to a nested component (apache/kafka 3.9.1 ConnectorConfig, SourceConnectorConfig). */
const FRAMEWORK_PREFIXES = ["producer.override.", "consumer.override.", "admin.override.", "topic.creation."];

/** Confluent Cloud managed transforms mapped to the Apache Kafka transform whose keys they mirror. */
const MANAGED_TRANSFORMS: Record<string, { to: string; source: string }> = {
  "io.confluent.connect.cloud.transforms.TopicRegexRouter": {
    to: "org.apache.kafka.connect.transforms.RegexRouter",
    source: "docs.confluent.io/cloud/current/connectors/transforms/topicregexrouter (keys regex, replacement)",
  },
};

const GLUE = keyList("glue-converter.json");

interface ConfigInfo {
  definition: { name: string };
  value: { name: string; value: string | null; errors: string[] };
}
interface CallResult {
  readonly label: string;
  readonly plugin: string;
  readonly sent: Record<string, string>;
  readonly httpStatus: number;
  readonly ms: number;
  readonly errorCount: number;
  /** Per key: the plugin's error messages. Key "" for an HTTP error of the whole call. */
  readonly errors: { key: string; messages: string[] }[];
  readonly definedKeys: string[];
  /** Errors explained by the unreachable database/Snowflake (or the emptied endpoint). */
  readonly expected: { key: string; message: string; reason: string }[];
  readonly unexpected: { key: string; message: string }[];
}

async function validate(
  connect: string,
  label: string,
  plugin: string,
  config: Record<string, string>,
): Promise<Omit<CallResult, "expected" | "unexpected">> {
  const started = Date.now();
  const body = { ...config, "connector.class": plugin };
  const res = await fetch(`${connect}/connector-plugins/${encodeURIComponent(plugin)}/config/validate`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(150_000),
  });
  const text = await res.text();
  const ms = Date.now() - started;
  let json: { error_count?: number; configs?: ConfigInfo[]; message?: string };
  try {
    json = JSON.parse(text);
  } catch {
    json = { message: text };
  }
  if (!res.ok || !json.configs) {
    return {
      label,
      plugin,
      sent: body,
      httpStatus: res.status,
      ms,
      errorCount: 1,
      errors: [{ key: "", messages: [json.message ?? text] }],
      definedKeys: [],
    };
  }
  const errors = json.configs
    .filter((c) => c.value.errors.length > 0)
    .map((c) => ({ key: c.value.name, messages: c.value.errors }));
  return {
    label,
    plugin,
    sent: body,
    httpStatus: res.status,
    ms,
    errorCount: json.error_count ?? errors.length,
    errors,
    definedKeys: json.configs.map((c) => c.definition.name),
  };
}

interface Finding {
  readonly key: string;
  readonly problem: string;
}

export interface ConnectorResult {
  readonly id: string;
  readonly stack: string;
  readonly backend: string;
  readonly name: string;
  readonly connectorClass: string;
  readonly method: string;
  readonly note: string;
  readonly pluginVersion?: string;
  readonly keySource?: string;
  readonly passThroughSource?: string;
  readonly translations: readonly Translation[];
  readonly calls: readonly CallResult[];
  /** Keys checked outside the plugin: against a public key list, or managed-only keys. */
  readonly listChecked: readonly string[];
  readonly findings: readonly Finding[];
  readonly passed: boolean;
}

function prefixed(key: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => key.startsWith(p));
}

/** Checks values of a key list's enumerated and numeric keys. */
function checkValue(list: KeyList, key: string, value: string): string | undefined {
  const spec = list.keys[key];
  if (!spec) return undefined;
  if (spec.values) {
    const ok = spec.caseInsensitive
      ? spec.values.map((v) => v.toLowerCase()).includes(value.toLowerCase())
      : spec.values.includes(value);
    if (!ok) return `value ${JSON.stringify(value)} is not one of ${spec.values.filter((v) => v).join(", ")}`;
  }
  if ((spec.type === "INT" || spec.type === "LONG") && !/^-?\d+$/.test(value.trim()))
    return `value ${value} is not an integer`;
  if (spec.type === "BOOLEAN" && !/^(true|false)$/i.test(value.trim())) return `value ${value} is not a boolean`;
  return undefined;
}

/** Converter settings of a converter the worker does not have, checked against its key list. */
function converterFallback(
  config: Record<string, string>,
  translations: Translation[],
  listChecked: string[],
  findings: Finding[],
): void {
  for (const role of ["key.converter", "value.converter"]) {
    if (config[role] !== GLUE.plugin) continue;
    translations.push({
      key: role,
      from: config[role],
      to: "org.apache.kafka.connect.json.JsonConverter",
      why: "the AWS Glue Schema Registry converter is not on the worker (not served by Maven Central here; it needs AWS Glue): its settings are checked against its public source",
    });
    config[role] = "org.apache.kafka.connect.json.JsonConverter";
    for (const k of Object.keys(config).filter((k) => k.startsWith(`${role}.`))) {
      const setting = k.slice(role.length + 1);
      listChecked.push(k);
      if (!(setting in GLUE.keys))
        findings.push({ key: k, problem: `not a setting of ${GLUE.plugin} (${GLUE.source})` });
      else {
        const bad = checkValue(GLUE, setting, config[k]);
        if (bad) findings.push({ key: k, problem: bad });
      }
      translations.push({ key: k, from: config[k], why: `Glue converter setting: checked against ${GLUE.source}` });
      delete config[k];
    }
  }
}

interface Env {
  readonly connect: string;
  readonly bootstrap: string;
  readonly versions: Record<string, string>;
  readonly workerLog: string;
  /** The worker's hosts file (jdk.net.hosts.file) and the local TLS endpoint standing for Snowflake. */
  readonly workerHosts: string;
  readonly tlsPort: string;
}

async function checkConnector(c: SynthConnector, env: Env): Promise<ConnectorResult> {
  const { connect, bootstrap, versions, workerLog } = env;
  const make = TARGETS[c.connectorClass];
  const findings: Finding[] = [];
  if (!make) {
    return {
      id: c.id,
      stack: c.stack,
      backend: c.backend,
      name: c.name,
      connectorClass: c.connectorClass,
      method: "none",
      note: "",
      translations: [],
      calls: [],
      listChecked: [],
      findings: [{ key: "connector.class", problem: `no check is defined for ${c.connectorClass}` }],
      passed: false,
    };
  }
  const target = make();
  const tr = translate(c, bootstrap);
  for (const p of tr.problems) findings.push({ key: p.split(":")[0], problem: p });
  const translations = [...tr.translations];
  const config = { ...tr.config };
  const listChecked: string[] = [];
  converterFallback(config, translations, listChecked, findings);
  if (c.backend === "msk" && !("name" in config)) {
    config.name = c.name;
    translations.push({
      key: "name",
      to: c.name,
      why: "MSK Connect names the connector from the resource's name attribute",
    });
  }
  if (target.snowflakeUrlKey && config[target.snowflakeUrlKey]) {
    // The account host resolves to 127.0.0.1 in the worker, where a TLS endpoint with an untrusted
    // certificate refuses the handshake: the driver gives up at once (an SSL handshake failure is
    // not retried), instead of retrying for 75-90 s, past the REST call's 90 s limit.
    const value = config[target.snowflakeUrlKey];
    const host = value
      .replace(/^https?:\/\//, "")
      .replace(/:\d+\/?$/, "")
      .replace(/\/$/, "");
    const hosts = fs.readFileSync(env.workerHosts, "utf8");
    if (!hosts.split("\n").some((l) => l.split(/\s+/).slice(1).includes(host))) {
      fs.appendFileSync(env.workerHosts, `127.0.0.1 ${host}\n`);
    }
    config[target.snowflakeUrlKey] = `${host}:${env.tlsPort}`;
    translations.push({
      key: target.snowflakeUrlKey,
      from: value,
      to: config[target.snowflakeUrlKey],
      why: "Snowflake account: its host resolves to 127.0.0.1 inside the worker, where a TLS endpoint with an untrusted certificate refuses the handshake (the driver stops at once instead of retrying past the REST call's 90 s limit)",
    });
  }

  // Managed transforms → their Apache Kafka equivalent (same keys).
  for (const [k, v] of Object.entries(config)) {
    const m = /^transforms\.([^.]+)\.type$/.exec(k);
    if (m && MANAGED_TRANSFORMS[v]) {
      translations.push({
        key: k,
        from: v,
        to: MANAGED_TRANSFORMS[v].to,
        why: `managed transform → the transform whose keys it mirrors (${MANAGED_TRANSFORMS[v].source})`,
      });
      config[k] = MANAGED_TRANSFORMS[v].to;
    }
  }

  // Keys of classes without a served plugin: against the public key list.
  const list = target.keys ?? target.managedKeys;
  let selfManagedDefs: Set<string> | undefined;
  if (target.managedKeys) {
    const res = await fetch(`${connect}/connector-plugins/${encodeURIComponent(target.plugin)}/config`);
    selfManagedDefs = new Set(((await res.json()) as { name: string }[]).map((d) => d.name));
  }
  const frameworkKey = (k: string): boolean =>
    /^(name|connector\.class|tasks\.max|tasks\.max\.enforce|key\.converter|value\.converter|header\.converter|transforms|predicates|config\.action\.reload|errors\..*|topics|topics\.regex|topic\.creation\.groups|exactly\.once\.support|transaction\.boundary(\.interval\.ms)?|offsets\.storage\.topic)$/.test(
      k,
    ) ||
    prefixed(k, [
      "transforms.",
      "predicates.",
      "key.converter.",
      "value.converter.",
      "header.converter.",
      ...FRAMEWORK_PREFIXES,
    ]);
  if (list) {
    for (const [k, v] of Object.entries(config)) {
      if (k === "connector.class" || k === "name") continue;
      const inList = k in list.keys || prefixed(k, list.prefixes);
      if (target.managedKeys) {
        // Managed: every key must be one of the managed connector's (SMT keys are framework keys).
        if (!inList && !prefixed(k, ["transforms.", "predicates."]) && k !== "transforms" && k !== "predicates") {
          findings.push({ key: k, problem: `not a key of ${list.title} (${list.source})` });
        }
        listChecked.push(k);
        if (selfManagedDefs && !selfManagedDefs.has(k) && !frameworkKey(k) && !target.readKeys?.keys.includes(k)) {
          translations.push({
            key: k,
            from: c.sensitiveKeys.includes(k) ? "<sensitive>" : c.config[k],
            why: `Confluent Cloud only: checked against ${list.source}; not sent to the self-managed plugin`,
          });
          delete config[k];
        }
      } else if (!frameworkKey(k)) {
        listChecked.push(k);
        if (!inList) findings.push({ key: k, problem: `not a key of ${list.title} (${list.source})` });
        else {
          const bad = checkValue(list, k, v);
          if (bad) findings.push({ key: k, problem: bad });
        }
      }
    }
  }

  const calls: CallResult[] = [];
  const classify = (r: Omit<CallResult, "expected" | "unexpected">, expectEndpointRequired: boolean): CallResult => {
    const expected: CallResult["expected"] = [];
    const unexpected: CallResult["unexpected"] = [];
    for (const e of r.errors) {
      for (const m of e.messages) {
        if (expectEndpointRequired && e.key === target.endpointKey && /required|must be|empty|non-empty/i.test(m)) {
          expected.push({ key: e.key, message: m, reason: "the endpoint key emptied on purpose for this call" });
        } else if (!expectEndpointRequired && target.connectionError?.(e.key, m)) {
          let reason = "needs the database or Snowflake account, unreachable from here";
          if (e.key === "") {
            const cause = lastConnectionCause(workerLog);
            if (cause) reason += ` (worker log: ${cause})`;
          }
          expected.push({ key: e.key, message: m, reason });
        } else unexpected.push({ key: e.key, message: m });
      }
    }
    return { ...r, expected, unexpected };
  };

  const asSynth = classify(await validate(connect, "as synthesized", target.plugin, config), false);
  calls.push(asSynth);
  if (target.endpointKey) {
    if (!(target.endpointKey in config)) {
      findings.push({ key: target.endpointKey, problem: "the endpoint key is not set" });
    } else {
      const fieldsOnly = { ...config, [target.endpointKey]: "" };
      calls.push(
        classify(
          await validate(connect, `${target.endpointKey} emptied (every other key)`, target.plugin, fieldsOnly),
          true,
        ),
      );
    }
  }

  // Keys of a nested component (Debezium's schema history): by name, type and presence.
  const nested = target.nestedKeys;
  if (nested) {
    for (const [k, spec] of Object.entries(nested.keys)) {
      if ((spec as { required?: boolean }).required && !config[k])
        findings.push({ key: k, problem: `required by ${nested.title} (${nested.source})` });
    }
    for (const [k, v] of Object.entries(config)) {
      if (!k.startsWith("schema.history.internal.kafka.") && !prefixed(k, nested.prefixes)) continue;
      listChecked.push(k);
      if (prefixed(k, nested.prefixes)) continue;
      if (!(k in nested.keys)) findings.push({ key: k, problem: `not a key of ${nested.title} (${nested.source})` });
      else {
        const bad = checkValue(nested, k, v);
        if (bad) findings.push({ key: k, problem: bad });
      }
    }
  }
  if (target.readKeys) for (const k of target.readKeys.keys) if (k in config) listChecked.push(k);

  // Unknown keys: every key sent must be defined by the plugin/framework, or passed through.
  const defined = new Set(calls.flatMap((x) => x.definedKeys));
  for (const k of Object.keys(config)) {
    if (k === "name" || defined.has(k) || prefixed(k, target.passThrough) || prefixed(k, FRAMEWORK_PREFIXES)) continue;
    if (listChecked.includes(k)) continue;
    // Converter settings are validated by Connect 3.9 when the converter defines them.
    findings.push({
      key: k,
      problem: `not defined by ${target.plugin} nor by Connect's framework, and no pass-through prefix covers it`,
    });
  }
  for (const call of calls)
    for (const u of call.unexpected) findings.push({ key: u.key || "(call)", problem: `${call.label}: ${u.message}` });
  // A call that errs only through the expected causes must err there (the plugin did check).
  const endpointCall = calls.find((x) => x.label.includes("emptied"));
  if (endpointCall && !endpointCall.expected.some((e) => e.key === target.endpointKey)) {
    findings.push({
      key: target.endpointKey!,
      problem: "emptying the endpoint key gave no error on it: the plugin did not check it",
    });
  }

  return {
    id: c.id,
    stack: c.stack,
    backend: c.backend,
    name: c.name,
    connectorClass: c.connectorClass,
    method:
      target.plugin === FRAMEWORK_SOURCE || target.plugin === FRAMEWORK_SINK
        ? "key list + framework validation"
        : target.managedKeys
          ? "managed key list + self-managed plugin validation"
          : "plugin validation",
    note: target.note,
    pluginVersion: versions[target.plugin],
    keySource:
      [list?.source, target.nestedKeys?.source, target.readKeys?.source].filter((x) => x).join("; ") || undefined,
    passThroughSource: target.passThroughSource,
    translations,
    calls,
    listChecked,
    findings,
    passed: findings.length === 0,
  };
}

/** The last driver-level cause of a failed connection in the worker log (the 500 has none). */
function lastConnectionCause(workerLog: string): string | undefined {
  if (!fs.existsSync(workerLog)) return undefined;
  const lines = fs.readFileSync(workerLog, "utf8").split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^Caused by: (com\.ibm\.db2\.jcc\.\S+|java\.net\.\S+): (.*)$/.exec(lines[i]);
    if (m) return `${m[1]}: ${m[2]}`.slice(0, 300);
  }
  return undefined;
}

async function main(): Promise<void> {
  const synth = arg("--synth");

  const connect = arg("--connect");
  const bootstrap = arg("--bootstrap");
  const out = arg("--out");
  const workerLog = arg("--worker-log");
  const connectors = connectorsFromSynth(synth);
  const plugins = (await (await fetch(`${connect}/connector-plugins?connectorsOnly=true`)).json()) as {
    class: string;
    version: string;
  }[];
  const versions = Object.fromEntries(plugins.map((p) => [p.class, p.version]));
  const started = Date.now();
  const env: Env = {
    connect,
    bootstrap,
    versions,
    workerLog,
    workerHosts: arg("--worker-hosts"),
    tlsPort: arg("--tls-port"),
  };
  const results = await Promise.all(connectors.map((c) => checkConnector(c, env)));
  const summary = {
    synthDir: synth,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    plugins,
    results,
    /** Classes this check knows that no synthesized connector uses (not validated in this run). */
    unused: Object.keys(TARGETS).filter((cls) => !connectors.some((c) => c.connectorClass === cls)),
  };
  fs.writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  const tag = "";
  for (const r of results) {
    const expected = r.calls.flatMap((x) => x.expected.filter((e) => !e.reason.startsWith("the endpoint")));
    const what = `${r.id} (${r.connectorClass}, ${r.method})${tag}`;
    if (r.passed) {
      const conn =
        expected.length > 0
          ? `; ${expected.length} connection error(s) listed: ${[...new Set(expected.map((e) => e.key || "validation call"))].join(", ")}`
          : "";
      process.stdout.write(
        `PASS connector config ${what}: 0 errors${conn}; ${r.translations.length} key(s) translated\n`,
      );
    } else {
      process.stdout.write(
        `FAIL connector config ${what}: ${r.findings
          .map((f) => `${f.key}: ${f.problem}`)
          .join(" | ")
          .slice(0, 1500)}\n`,
      );
    }
  }
  if (results.length === 0) process.stdout.write("FAIL connector configs: no connector resource found\n");
  if (results.length === 0 || results.some((r) => !r.passed)) process.exitCode = 1;

  // Self-test: the checks catch a misspelt key and an invalid value, on a real plugin and on a key list.
  const selfTests: { of: ConnectorResult; extra: Record<string, string>; expect: string[] }[] = [];
  const real = results.find((r) => r.method === "plugin validation" && r.connectorClass !== FRAMEWORK_SOURCE);
  if (real)
    selfTests.push({
      of: real,
      extra: { "errors.tolerence": "all", "errors.tolerance": "sometimes" },
      expect: ["errors.tolerence", "errors.tolerance"],
    });
  const listed = results.find((r) => r.method === "key list + framework validation");
  if (listed) selfTests.push({ of: listed, extra: { "poll.interval.msec": "1000" }, expect: ["poll.interval.msec"] });
  for (const t of selfTests) {
    const c = connectors.find((x) => x.id === t.of.id)!;
    const bad = await checkConnector({ ...c, config: { ...c.config, ...t.extra } }, env);
    const named = t.expect.filter((k) => bad.findings.some((f) => f.key === k || f.problem.includes(k)));
    const what = Object.entries(t.extra)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    if (!bad.passed && named.length === t.expect.length) {
      process.stdout.write(
        `PASS connector config self-test: ${what} added to ${c.id} fails, naming ${t.expect.join(" and ")}\n`,
      );
    } else {
      process.stdout.write(
        `FAIL connector config self-test: ${what} added to ${c.id} was not caught (${bad.findings.map((f) => f.key).join(", ") || "no findings"})\n`,
      );
      process.exitCode = 1;
    }
  }
}

main().catch((e: unknown) => {
  process.stdout.write(`FAIL connector configs validated: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
