import { defineRule, fail, notApplicable, pass } from "../../rule";
import { isUnresolved } from "../../values";
import { CONNECTOR_TYPES, visibleConfig, visibleConfigAttribute } from "../shared/connectors";
import { connectorClassName } from "../shared/connect";

/** Kafka client security protocols that send data unencrypted. */
const PLAINTEXT_PROTOCOLS = ["plaintext", "sasl_plaintext"];

/** `ssl.mode` values that turn TLS off (Confluent Cloud managed database connectors). */
const TLS_OFF_MODES = ["disable", "disabled"];

/** Connector classes that reach their system without TLS unless a key turns it on. */
const TLS_KEY_BY_CLASS: Readonly<Record<string, { key: string; expected?: string; what: string }>> = {
  // IBM JCC driver property, passed through Debezium's `driver.*` (CommonConnectorConfig.DRIVER_CONFIG_PREFIX).
  Db2Connector: { key: "driver.sslConnection", expected: "true", what: "Db2" },
  // ibm-messaging/kafka-connect-mq-source and -sink v3.0.0; Confluent Cloud IbmMQSource.
  MQSourceConnector: { key: "mq.ssl.cipher.suite", what: "the MQ channel" },
  MQSinkConnector: { key: "mq.ssl.cipher.suite", what: "the MQ channel" },
  IbmMQSource: { key: "mq.ssl.cipher.suite", what: "the MQ channel" },
};

/**
 * Connectors reach Kafka, schema registries and the external systems they copy from or to over TLS:
 * no PLAINTEXT client protocol, no http:// registry, no TLS turned off, and the Db2 and IBM MQ
 * connectors with their TLS settings.
 */
export const connectorPlaintextTransport = defineRule({
  id: "KS-CONN-005",
  area: "CONN",
  severity: "error",
  title: "Connectors reach Kafka, registries and external systems over TLS",
  explanation:
    "A connector copies every record, and often a database or queue-manager password, across the network: a PLAINTEXT Kafka client, an http:// schema registry, or a Db2 or MQ connection without TLS exposes both to anyone on the path.",
  fix: 'Use SASL_SSL/SSL client protocols and https:// registries; for Db2 set "driver.sslConnection"="true" (Debezium) or ":sslConnection=true;" in the JDBC URL; for IBM MQ set "mq.ssl.cipher.suite" to the channel\'s cipher.',
  controls: [],
  resourceTypes: CONNECTOR_TYPES,
  evaluate(connector) {
    const attr = visibleConfigAttribute(connector);
    const config = visibleConfig(connector);
    if (Object.keys(config).length === 0 && isUnresolved(connector.attributes[attr])) {
      return notApplicable(`${attr} is an unresolved expression`);
    }
    const problems: string[] = [];
    for (const [key, raw] of Object.entries(config)) {
      const value = raw.trim().toLowerCase();
      if (key.endsWith("security.protocol") && PLAINTEXT_PROTOCOLS.includes(value)) problems.push(`${key}=${raw}`);
      if (/schema\.registry\.url$|registry\.url$|\.endpoint$/.test(key) && value.startsWith("http://")) {
        problems.push(`${key} is http://`);
      }
      if (key === "ssl.mode" && TLS_OFF_MODES.includes(value)) problems.push(`ssl.mode=${raw}`);
      if (key === "connection.url" && value.startsWith("jdbc:db2:") && !/sslconnection=true/.test(value)) {
        problems.push("connection.url reaches Db2 without sslConnection=true");
      }
    }
    const rule = TLS_KEY_BY_CLASS[connectorClassName(connector)];
    if (rule) {
      const v = config[rule.key];
      if (v === undefined || v.trim() === "" || (rule.expected !== undefined && v.toLowerCase() !== rule.expected)) {
        problems.push(`${rule.key} is not set: ${rule.what} is reached without TLS`);
      }
    }
    if (problems.length === 0) return pass();
    return fail(problems.sort().join("; "));
  },
});
