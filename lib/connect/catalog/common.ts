/**
 * Pieces several catalog entries share: MSK IAM client settings, topic routing and record keys.
 */
import { ConnectBackend, addTransform, exactRegex, transformAlias } from "../connector-definition";

/**
 * Client settings for MSK IAM authentication (aws-samples/mirrormaker2-msk-migration
 * `Configuration/connectors/iam/*.json`; aws-msk-iam-auth README), prefixed for a nested client.
 */
export function mskIamClientSettings(prefix: string): Record<string, string> {
  return {
    [`${prefix}security.protocol`]: "SASL_SSL",
    [`${prefix}sasl.mechanism`]: "AWS_MSK_IAM",
    [`${prefix}sasl.jaas.config`]: "software.amazon.msk.auth.iam.IAMLoginModule required;",
    [`${prefix}sasl.client.callback.handler.class`]: "software.amazon.msk.auth.iam.IAMClientCallbackHandler",
  };
}

/** Class of the topic-routing transform per backend (Apache RegexRouter; Confluent Cloud's TopicRegexRouter). */
export function routerClass(backend: ConnectBackend): string {
  // Confluent Cloud managed connectors do not offer RegexRouter; TopicRegexRouter is their equivalent
  // (docs.confluent.io/cloud/current/connectors/transforms/topicregexrouter: keys `regex`, `replacement`).
  return backend === "confluent"
    ? "io.confluent.connect.cloud.transforms.TopicRegexRouter"
    : "org.apache.kafka.connect.transforms.RegexRouter";
}

/** Routes the topic a source connector derives from a table (`raw`) to the standard's name (`topic`). */
export function addRoute(config: Record<string, string>, backend: ConnectBackend, raw: string, topic: string): void {
  if (raw === topic) return;
  addTransform(config, transformAlias("route", topic), {
    type: routerClass(backend),
    regex: exactRegex(raw),
    replacement: topic,
  });
}

/**
 * Makes the record key the table's business key (apache/kafka `ValueToKey`, applied only to the
 * table's topic through a `TopicNameMatches` predicate). Runs after routing, so it matches the
 * standard's topic name.
 */
export function addBusinessKey(config: Record<string, string>, topic: string, columns: readonly string[]): void {
  addTransform(
    config,
    transformAlias("key", topic),
    { type: "org.apache.kafka.connect.transforms.ValueToKey", fields: columns.join(",") },
    {
      alias: transformAlias("is", topic),
      settings: {
        type: "org.apache.kafka.connect.transforms.predicates.TopicNameMatches",
        pattern: exactRegex(topic),
      },
    },
  );
}

/** Db2 identifiers (schema, table, column): ordinary SQL identifiers. */
export const DB2_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_#$@]{0,127}$/;

/** A host name or IP address. */
export const HOST_PATTERN = /^[A-Za-z0-9.-]{1,253}$/;
