/**
 * Turns a connector's intent (catalog entry, error handling, tasks, extra keys) into its final
 * configuration, the same way for both backends, validating everything before anything is created.
 */
import { nearest } from "../core/suggest";
import { isUnresolved } from "../core/resource-metadata";
import { failWith } from "../errors";
import {
  CREDENTIAL_KEY_EXCLUDED_SUFFIXES,
  CREDENTIAL_KEY_SUFFIXES,
  CREDENTIAL_KEY_WORDS,
} from "../standards/audit-controls";
import {
  CONNECTOR_NAME_PATTERN,
  CONNECT_ERROR_STANDARD,
  ConnectorDirection,
  deadLetterTopicName,
  sinkConsumerGroup,
} from "../standards/connect";
import { CONNECT_PREFIX_KEYS, ConnectorDefinition, RenderContext, RenderedConnector } from "./connector-definition";
import { ConnectorSecret } from "./connector-secret";
import { MIRROR_PREFIX_KEYS } from "./catalog/mirror-maker";

/**
 * Error handling of a connector. The defaults are the standard's (`CONNECT_ERROR_STANDARD`): sinks
 * skip a bad record into their dead-letter topic with context headers, sources stop rather than
 * drop, every error is logged without the record's content, failing operations are retried for
 * 10 minutes. Anything weaker needs `reason`, is recorded on the connector and shows in the audit
 * report as an accepted finding.
 */
export interface ConnectorErrorHandling {
  /**
   * `errors.tolerance`.
   * @default "all" for sinks (with a dead-letter topic), "none" for sources
   */
  readonly tolerance?: "all" | "none";
  /**
   * Route failed records of a sink to its dead-letter topic `dlq.<connector>` (created on the cluster).
   * @default true for sinks
   */
  readonly deadLetterQueue?: boolean;
  /**
   * `errors.deadletterqueue.context.headers.enable`: dead-letter records carry the original topic,
   * partition, offset and exception as headers.
   * @default true
   */
  readonly contextHeaders?: boolean;
  /**
   * `errors.log.enable`.
   * @default true
   */
  readonly logErrors?: boolean;
  /**
   * `errors.retry.timeout`, ms (0: no retry).
   * @default 600000
   */
  readonly retryTimeoutMs?: number;
  /**
   * `errors.retry.delay.max.ms`.
   * @default 60000
   */
  readonly retryDelayMaxMs?: number;
  /** Why the standard is weakened (at least 10 characters); required for any weakening. */
  readonly reason?: string;
}

/** A weakening, with the audit rules whose findings it accepts. */
export interface ConnectorWeakening {
  /** The prop. */
  readonly prop: string;
  /** The caller's reason. */
  readonly reason: string;
  /** Rule ids the weakening makes fire. */
  readonly rules: readonly string[];
}

/** Everything the backend constructs need. */
export interface ResolvedConnector {
  /** Connector name. */
  readonly name: string;
  /** Direction. */
  readonly direction: ConnectorDirection;
  /** The catalog entry. */
  readonly definition: ConnectorDefinition;
  /** The catalog entry's rendering. */
  readonly rendered: RenderedConnector;
  /** Final non-secret configuration, sorted by key. */
  readonly config: Readonly<Record<string, string>>;
  /** Secret configuration. */
  readonly secrets: Readonly<Record<string, ConnectorSecret>>;
  /** `tasks.max`. */
  readonly tasksMax: number;
  /** Dead-letter topic name, for sinks that have one. */
  readonly deadLetterTopic?: string;
  /** The sink's consumer group (self-managed Connect). */
  readonly consumerGroup?: string;
  /** Weakenings chosen through named props. */
  readonly weakenings: readonly ConnectorWeakening[];
}

/** Arguments of {@link resolveConnector}. */
export interface ResolveConnectorArgs {
  readonly definition: ConnectorDefinition;
  readonly ctx: RenderContext;
  readonly extraConfig?: Readonly<Record<string, string | ConnectorSecret>>;
  readonly errorHandling?: ConnectorErrorHandling;
  readonly tasksMax?: number;
}

/** True when a key name says its value is a credential (the audit's KS-CONN-002 vocabulary, plus passphrases). */
export function isCredentialKey(key: string): boolean {
  const k = key.toLowerCase();
  if (CREDENTIAL_KEY_EXCLUDED_SUFFIXES.some((s) => k.endsWith(s))) return false;
  // Stricter than the audit's vocabulary: key passphrases (`snowflake.private.key.passphrase`) too.
  if (k.includes("passphrase")) return true;
  if (CREDENTIAL_KEY_WORDS.some((w) => k.includes(w))) return true;
  return CREDENTIAL_KEY_SUFFIXES.some((s) => k === s || k.endsWith(`.${s}`) || k.endsWith(`_${s}`));
}

/** Validates a connector name (`KSE-CONN-001`). */
export function checkConnectorName(name: unknown, path: string): string {
  if (typeof name !== "string" || !CONNECTOR_NAME_PATTERN.test(name)) {
    failWith(
      "KSE-CONN-001",
      "name",
      name,
      `${CONNECTOR_NAME_PATTERN} (lower-case letters, digits and hyphens, starting with a letter, at most 63 characters)`,
      'Name the connector after what it moves, e.g. "sales-db2-source".',
      path,
    );
  }
  return name;
}

function resolveErrors(
  direction: ConnectorDirection,
  managed: boolean,
  given: ConnectorErrorHandling | undefined,
  path: string,
): { config: Record<string, string>; dlq: boolean; weakenings: ConnectorWeakening[] } {
  const e = given ?? {};
  const std = CONNECT_ERROR_STANDARD;
  const sink = direction === "sink";
  const tolerance = e.tolerance ?? (sink ? std.sinkTolerance : std.sourceTolerance);
  if (tolerance !== "all" && tolerance !== "none") {
    failWith(
      "KSE-CONN-007",
      "errorHandling.tolerance",
      tolerance,
      '"all" or "none"',
      "Use the standard's default.",
      path,
    );
  }
  const dlq = sink && tolerance === "all" && e.deadLetterQueue !== false;
  const headers = e.contextHeaders ?? std.contextHeaders;
  const log = e.logErrors ?? std.logEnable;
  const retry = e.retryTimeoutMs ?? std.retryTimeoutMs;
  const delay = e.retryDelayMaxMs ?? std.retryDelayMaxMs;
  for (const [prop, v] of [
    ["retryTimeoutMs", retry],
    ["retryDelayMaxMs", delay],
  ] as const) {
    if (!Number.isInteger(v) || v < (prop === "retryTimeoutMs" ? -1 : 0)) {
      failWith(
        "KSE-CONN-007",
        `errorHandling.${prop}`,
        v,
        "a whole number of milliseconds (retryTimeoutMs: -1 retries forever)",
        "Use the standard's default.",
        path,
      );
    }
  }
  const weakenings: ConnectorWeakening[] = [];
  const weak = (prop: string, rules: string[]): void => {
    weakenings.push({ prop: `errorHandling.${prop}`, reason: e.reason ?? "", rules });
  };
  if (sink && tolerance === "none") weak("tolerance", ["KS-CONN-003"]);
  if (!sink && tolerance === "all") weak("tolerance", []);
  if (sink && tolerance === "all" && e.deadLetterQueue === false) weak("deadLetterQueue", ["KS-CONN-001"]);
  if (dlq && !headers && !managed) weak("contextHeaders", ["KS-CONN-003"]);
  if (!log && !managed) weak("logErrors", ["KS-CONN-004"]);
  if (retry === 0 && std.retryTimeoutMs !== 0) weak("retryTimeoutMs", []);
  if (weakenings.length > 0 && (typeof e.reason !== "string" || e.reason.trim().length < 10)) {
    failWith(
      "KSE-CONN-007",
      "errorHandling.reason",
      e.reason,
      `a reason of at least 10 characters for weakening ${weakenings.map((w) => w.prop).join(", ")}`,
      "Say why the standard's error handling does not fit; the audit report shows it.",
      path,
    );
  }
  const config: Record<string, string> = { "errors.tolerance": tolerance };
  if (!managed) {
    config["errors.log.enable"] = String(log);
    config["errors.log.include.messages"] = String(std.logIncludeMessages);
    config["errors.retry.timeout"] = String(retry);
    config["errors.retry.delay.max.ms"] = String(delay);
  }
  return { config, dlq, weakenings };
}

function isKnownKey(key: string, known: readonly string[]): boolean {
  if (known.includes(key)) return true;
  const prefixes = [...CONNECT_PREFIX_KEYS, ...MIRROR_PREFIX_KEYS, ...known.filter((k) => k.endsWith("."))];
  return prefixes.some((p) => key.startsWith(p) && key.length > p.length);
}

/**
 * Renders a connector for its backend and applies the standard: name, class, tasks, converters,
 * error handling and dead-letter topic, then the caller's extra keys (known keys only, no literal
 * credentials, no key the construct already manages).
 */
export function resolveConnector(name: string, args: ResolveConnectorArgs): ResolvedConnector {
  const { definition, ctx } = args;
  const path = ctx.path;
  if (typeof definition !== "object" || definition === null || typeof definition.render !== "function") {
    failWith(
      "KSE-CONN-015",
      "connector",
      definition,
      "a ConnectorCatalog entry",
      "Create the connector with a ConnectorCatalog factory, e.g. ConnectorCatalog.snowflakeSink({...}).",
      path,
    );
  }
  if (!definition.backends.includes(ctx.backend)) {
    failWith(
      "KSE-CONN-008",
      "connector",
      `${definition.catalogId} on ${ctx.backend}`,
      `${definition.catalogId} on ${definition.backends.join(" or ")}`,
      "Use a catalog entry the backend offers (see ConnectorCatalog).",
      path,
    );
  }
  const rendered = definition.render(ctx);
  const managed = ctx.backend === "confluent";
  const direction = definition.direction;

  const errors = resolveErrors(direction, managed, args.errorHandling, path);
  const weakenings: ConnectorWeakening[] = [...errors.weakenings];
  for (const w of rendered.weakenings ?? []) weakenings.push({ ...w });

  const maxTasks = rendered.maxTasks;
  const tasks = args.tasksMax ?? Math.max(1, Math.min(rendered.defaultTasks, maxTasks ?? Infinity));
  if (!Number.isInteger(tasks) || tasks < 1 || (maxTasks !== undefined && tasks > maxTasks)) {
    failWith(
      "KSE-CONN-006",
      "tasksMax",
      args.tasksMax,
      maxTasks !== undefined
        ? `a whole number from 1 to ${maxTasks} (${definition.catalogId}: ${maxTasks === 1 ? "one task only" : "one task per partition or table at most"})`
        : "a whole number of at least 1",
      "Remove tasksMax to use the standard's value.",
      path,
    );
  }

  const config: Record<string, string> = {
    name,
    "connector.class": rendered.connectorClass,
    "tasks.max": String(tasks),
    ...errors.config,
  };
  if (!rendered.usesManagedDataFormats) {
    Object.assign(config, rendered.fixedConverters ?? ctx.converters.converterConfig);
  }
  let deadLetterTopic: string | undefined;
  if (errors.dlq) {
    deadLetterTopic = deadLetterTopicName(name);
    config["errors.deadletterqueue.topic.name"] = deadLetterTopic;
    if (!managed) {
      config["errors.deadletterqueue.topic.replication.factor"] = String(CONNECT_ERROR_STANDARD.dlqReplicationFactor);
      config["errors.deadletterqueue.context.headers.enable"] = String(
        args.errorHandling?.contextHeaders ?? CONNECT_ERROR_STANDARD.contextHeaders,
      );
    }
  }
  for (const [k, v] of Object.entries(rendered.config)) config[k] = v;

  const secrets: Record<string, ConnectorSecret> = { ...rendered.secrets };
  for (const [key, value] of Object.entries(args.extraConfig ?? {})) {
    if (!isKnownKey(key, rendered.knownKeys)) {
      const hint = nearest(key, rendered.knownKeys);
      failWith(
        "KSE-CONN-002",
        `config["${key}"]`,
        ConnectorSecret.isConnectorSecret(value) ? "<secret>" : value,
        `configuration keys of ${definition.catalogId} (${definition.sources[0]})`,
        hint ? `did you mean "${hint}"?` : "Remove the key.",
        path,
      );
    }
    if (key in config || key in secrets) {
      failWith(
        "KSE-CONN-005",
        `config["${key}"]`,
        ConnectorSecret.isConnectorSecret(value) ? "<secret>" : value,
        "keys the construct does not set itself",
        `${key} is derived from the connector's props (name, topics, error handling, tasks, converters): set the prop instead.`,
        path,
      );
    }
    if (ConnectorSecret.isConnectorSecret(value)) {
      secrets[key] = value;
    } else if (typeof value !== "string") {
      failWith("KSE-CONN-002", `config["${key}"]`, value, "a string value", "Give the value as a string.", path);
    } else if (isCredentialKey(key) && value.trim() !== "") {
      failWith(
        "KSE-CONN-003",
        `config["${key}"]`,
        "<literal value, hidden>",
        "a ConnectorSecret for a credential key",
        "Pass ConnectorSecret.secretsManager(...) (MSK Connect) or ConnectorSecret.terraformReference(...) (Confluent Cloud).",
        path,
      );
    } else {
      config[key] = value;
    }
  }

  for (const [key, secret] of Object.entries(secrets)) {
    const wanted = managed ? "terraform-reference" : "secrets-manager";
    if (secret.kind !== wanted) {
      failWith(
        "KSE-CONN-004",
        key,
        secret.kind,
        managed
          ? "ConnectorSecret.terraformReference(...) on Confluent Cloud (it goes into config_sensitive)"
          : "ConnectorSecret.secretsManager(...) on MSK Connect (a config-provider reference the worker resolves)",
        managed
          ? "Confluent Cloud managed connectors have no config providers: pass the secret as a sensitive Terraform variable."
          : "A Terraform reference in connector_configuration would put the secret in the plan: store it in Secrets Manager.",
        path,
      );
    }
  }
  if (!managed && Object.keys(secrets).length > 0) {
    // MSK Connect restarts connectors that use config providers unless told not to (msk-connect-config-provider).
    config["config.action.reload"] = "none";
  }
  for (const [k, v] of Object.entries(config)) {
    if (!isUnresolved(v) && typeof v !== "string") config[k] = String(v);
  }

  const sorted = Object.fromEntries(
    Object.keys(config)
      .sort()
      .map((k) => [k, config[k]]),
  );
  return {
    name,
    direction,
    definition,
    rendered,
    config: sorted,
    secrets,
    tasksMax: tasks,
    deadLetterTopic,
    consumerGroup: direction === "sink" && !managed ? sinkConsumerGroup(name) : undefined,
    weakenings,
  };
}
