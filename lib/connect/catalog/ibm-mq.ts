/**
 * IBM MQ source and sink. The key names differ between IBM's open-source connectors (MSK Connect)
 * and Confluent's fully managed `IbmMQSource` (patterns-facts C5): `mq.queue` + `topic` +
 * `mq.connection.name.list` against `jms.destination.name` + `kafka.topic` + `mq.hostname`/`mq.port`.
 * One props shape renders both.
 *
 * Sources: ibm-messaging/kafka-connect-mq-source v3.0.0 `MQSourceConnector.java`,
 * ibm-messaging/kafka-connect-mq-sink v3.0.0 `MQSinkConfig.java`, docs.confluent.io IBM MQ Source
 * (self-managed) and kafka-docker-playground `ccloud/fm-ibm-mq-source/config-IbmMQSource.txt`.
 */
import { KafkaTopic } from "../../topic/kafka-topic";
import {
  CONNECT_FRAMEWORK_KEYS,
  CONNECT_SINK_KEYS,
  CONNECT_SOURCE_KEYS,
  ConnectorDefinition,
  RenderContext,
  RenderedConnector,
  catalogFail,
  optionalInt,
  requireOneOf,
  requireString,
  requireTopics,
} from "../connector-definition";
import { ConnectorSecret, requireSecret } from "../connector-secret";
import { HOST_PATTERN } from "./common";

/** One MQ listener. */
export interface MqConnection {
  /** Host name or IP. */
  readonly host: string;
  /**
   * Listener port.
   * @default 1414
   */
  readonly port?: number;
}

/** TLS of the MQ channel. */
export interface MqTls {
  /** CipherSpec/CipherSuite the channel uses, e.g. `TLS_AES_256_GCM_SHA384`. */
  readonly cipherSuite: string;
  /**
   * Distinguished name the queue manager's certificate must match.
   * @default - not checked beyond the trust store
   */
  readonly peerName?: string;
}

/** Connection settings shared by source and sink. */
export interface MqConnectionProps {
  /** Queue manager name. */
  readonly queueManager: string;
  /** Listeners of the queue manager (several for a multi-instance queue manager). */
  readonly connections: readonly MqConnection[];
  /** Server-connection channel. */
  readonly channel: string;
  /** Queue to read from (source) or write to (sink). */
  readonly queue: string;
  /**
   * MQ user.
   * @default - no user (channel authentication by certificate)
   */
  readonly user?: string;
  /**
   * Its password.
   * @default - none
   */
  readonly password?: ConnectorSecret;
  /**
   * TLS of the channel. Omitting it sends messages and credentials in the clear: that takes
   * `plaintext: { reason }` and shows in the audit.
   */
  readonly tls?: MqTls;
  /**
   * Accept an unencrypted channel, with the reason (at least 10 characters).
   * @default - refused
   */
  readonly plaintext?: { readonly reason: string };
}

/** Properties of the IBM MQ source. */
export interface IbmMqSourceProps extends MqConnectionProps {
  /** Topic the messages go to. */
  readonly topic: KafkaTopic;
  /**
   * Record builder (open-source connector): `default` copies the body as bytes or text, `json` parses it.
   * @default "default"
   */
  readonly recordBuilder?: "default" | "json";
  /**
   * The message header used as the record key (open-source: `mq.record.builder.key.header`).
   * @default - no key
   */
  readonly keyHeader?: "JMSMessageID" | "JMSCorrelationID" | "JMSCorrelationIDAsBytes" | "JMSDestination";
  /**
   * `mq.batch.size`: messages per transaction.
   * @default 250
   */
  readonly batchSize?: number;
}

/** Properties of the IBM MQ sink (IBM's open-source connector on MSK Connect, `IbmMqSink` on Confluent Cloud). */
export interface IbmMqSinkProps extends MqConnectionProps {
  /** Topics to write to the queue. */
  readonly topics: readonly KafkaTopic[];
  /**
   * Set the message's `JMSCorrelationID` from the record key (replies to MQ requesters):
   * `mq.message.builder.key.header` (open-source; `JMSCorrelationID` is its only value) or
   * `jms.forward.kafka.key` (Confluent Cloud).
   * @default - no header from the key
   */
  readonly keyHeader?: "JMSCorrelationID";
  /**
   * Message builder: `default` writes the value as the body, `json` as JSON text.
   * @default "default"
   */
  readonly messageBuilder?: "default" | "json";
  /**
   * `mq.persistent`: persistent messages survive a queue-manager restart.
   * @default true
   */
  readonly persistent?: boolean;
  /**
   * `mq.time.to.live`, ms (0: never expire).
   * @default 0
   */
  readonly timeToLiveMs?: number;
}

const SOURCE_OSS_KEYS: readonly string[] = Object.freeze([
  ...CONNECT_FRAMEWORK_KEYS,
  ...CONNECT_SOURCE_KEYS,
  "mq.queue.manager",
  "mq.connection.mode",
  "mq.connection.name.list",
  "mq.channel.name",
  "mq.ccdt.url",
  "mq.queue",
  "mq.exactly.once.state.queue",
  "mq.user.name",
  "mq.password",
  "mq.user.authentication.mqcsp",
  "mq.record.builder",
  "mq.message.body.jms",
  "mq.jms.properties.copy.to.kafka.headers",
  "mq.record.builder.key.header",
  "mq.record.builder.json.schemas.enable",
  "mq.record.builder.json.schema.content",
  "mq.message.mqmd.read",
  "mq.ssl.cipher.suite",
  "mq.ssl.peer.name",
  "mq.ssl.keystore.location",
  "mq.ssl.keystore.password",
  "mq.ssl.truststore.location",
  "mq.ssl.truststore.password",
  "mq.ssl.use.ibm.cipher.mappings",
  "mq.batch.size",
  "mq.client.reconnect.options",
  "topic",
]);

const SOURCE_MANAGED_KEYS: readonly string[] = Object.freeze([
  ...CONNECT_FRAMEWORK_KEYS,
  "kafka.auth.mode",
  "kafka.service.account.id",
  "kafka.topic",
  "output.data.format",
  "jms.destination.name",
  "jms.destination.type",
  "jms.message.selector",
  "jms.subscription.durable",
  "jms.subscription.name",
  "mq.hostname",
  "mq.port",
  "mq.connection.list",
  "mq.configuration.mode",
  "mq.queue.manager",
  "mq.channel",
  "mq.username",
  "mq.password",
  "mq.ssl.cipher.suite",
  "mq.ssl.peer.name",
  "mq.ssl.fips.required",
  "max.pending.messages",
  "max.poll.duration",
  "character.encoding",
  "initial.poll.wait.time.ms",
]);

const SINK_OSS_KEYS: readonly string[] = Object.freeze([
  ...CONNECT_FRAMEWORK_KEYS,
  ...CONNECT_SINK_KEYS,
  "mq.queue.manager",
  "mq.connection.mode",
  "mq.connection.name.list",
  "mq.channel.name",
  "mq.ccdt.url",
  "mq.queue",
  "mq.exactly.once.state.queue",
  "mq.user.name",
  "mq.password",
  "mq.user.authentication.mqcsp",
  "mq.message.builder",
  "mq.message.body.jms",
  "mq.time.to.live",
  "mq.persistent",
  "mq.reply.queue",
  "mq.message.builder.key.header",
  "mq.message.builder.value.converter",
  "mq.message.builder.topic.property",
  "mq.message.builder.partition.property",
  "mq.message.builder.offset.property",
  "mq.message.mqmd.write",
  "mq.message.mqmd.context",
  "mq.kafka.headers.copy.to.jms.properties",
  "mq.retry.backoff.ms",
  "mq.ssl.cipher.suite",
  "mq.ssl.peer.name",
  "mq.ssl.keystore.location",
  "mq.ssl.keystore.password",
  "mq.ssl.truststore.location",
  "mq.ssl.truststore.password",
  "mq.ssl.use.ibm.cipher.mappings",
]);

const SINK_MANAGED_KEYS: readonly string[] = Object.freeze([
  ...CONNECT_FRAMEWORK_KEYS,
  ...CONNECT_SINK_KEYS,
  "kafka.auth.mode",
  "kafka.service.account.id",
  "input.data.format",
  "jms.destination.name",
  "jms.destination.type",
  "jms.forward.kafka.key",
  "jms.forward.kafka.headers",
  "jms.forward.kafka.metadata",
  "jms.message.format",
  "jms.producer.delivery.mode",
  "jms.producer.time.to.live.ms",
  "mq.hostname",
  "mq.port",
  "mq.queue.manager",
  "mq.channel",
  "mq.username",
  "mq.password",
  "mq.ssl.cipher.suite",
  "mq.ssl.peer.name",
  "mq.ssl.fips.required",
  "mq.offsets.queue.name",
  "exactly.once.enabled",
  "character.encoding",
]);

const MQ_NAME = /^[A-Za-z0-9._%/]{1,48}$/;

/** Checked connection settings. */
export interface CheckedConnection {
  readonly ports: string[];
  readonly weakenings: NonNullable<RenderedConnector["weakenings"]>;
}

/** Checks the connection settings shared by the MQ source and sink (KSE-CONN-015). */
export function checkMqConnection(props: MqConnectionProps): CheckedConnection {
  if (typeof props !== "object" || props === null) catalogFail("props", props, "an object", "Pass the props.");
  requireString(props.queueManager, "queueManager", MQ_NAME, "an MQ object name (at most 48 characters)");
  requireString(props.channel, "channel", /^[A-Za-z0-9._%/]{1,20}$/, "a channel name (at most 20 characters)");
  requireString(props.queue, "queue", MQ_NAME, "an MQ queue name (at most 48 characters)");
  if (!Array.isArray(props.connections) || props.connections.length === 0) {
    catalogFail("connections", props.connections, "at least one { host, port }", "List the queue manager's listeners.");
  }
  const ports = props.connections.map((c, i) => {
    requireString(c?.host, `connections[${i}].host`, HOST_PATTERN, "a host name or IP address");
    return optionalInt(c.port, `connections[${i}].port`, 1, 65535) ?? "1414";
  });
  if (props.user !== undefined) requireString(props.user, "user");
  const weakenings: NonNullable<RenderedConnector["weakenings"]>[number][] = [];
  if (props.tls === undefined) {
    const reason = props.plaintext?.reason;
    if (typeof reason !== "string" || reason.trim().length < 10) {
      catalogFail(
        "tls",
        undefined,
        "TLS on the MQ channel ({ cipherSuite }), or plaintext: { reason } of at least 10 characters",
        "Give the channel's cipher suite; an unencrypted channel exposes messages and credentials.",
      );
    }
    weakenings.push({ prop: "plaintext", reason, rules: ["KS-CONN-005"] });
  } else {
    requireString(props.tls.cipherSuite, "tls.cipherSuite", /^[A-Z0-9_]{4,64}$/, "a cipher suite name");
  }
  return { ports, weakenings };
}

function secrets(props: MqConnectionProps, key: string, path: string): Record<string, ConnectorSecret> {
  return props.password === undefined ? {} : { [key]: requireSecret(props.password, "password", path) };
}

/**
 * IBM MQ source: messages of one queue into one topic.
 *
 * - MSK Connect: `com.ibm.eventstreams.connect.mqsource.MQSourceConnector` (v3 needs Java 17; jar
 *   from the project's GitHub releases).
 * - Confluent Cloud: the fully managed `IbmMQSource` (JMS destination keys).
 */
export function ibmMqSource(props: IbmMqSourceProps): ConnectorDefinition {
  const { ports, weakenings } = checkMqConnection(props);
  if (!(props.topic instanceof KafkaTopic)) {
    catalogFail("topic", props.topic, "a KafkaTopic", "Declare the topic with cluster.addTopic.");
  }
  const builder = requireOneOf(props.recordBuilder ?? "default", "recordBuilder", ["default", "json"]);
  const batch = optionalInt(props.batchSize, "batchSize", 1, 100_000);
  return {
    catalogId: "ibm-mq-source",
    direction: "source",
    topics: [props.topic],
    backends: ["msk", "confluent"],
    sources: [
      "ibm-messaging/kafka-connect-mq-source v3.0.0 MQSourceConnector.java",
      "kafka-docker-playground ccloud/fm-ibm-mq-source/config-IbmMQSource.txt",
    ],
    render(ctx: RenderContext): RenderedConnector {
      const managed = ctx.backend === "confluent";
      const config: Record<string, string> = {};
      if (managed) {
        config["kafka.topic"] = props.topic.topicName;
        config["output.data.format"] = ctx.converters.managedDataFormat;
        config["jms.destination.name"] = props.queue;
        config["jms.destination.type"] = "queue";
        config["mq.queue.manager"] = props.queueManager;
        config["mq.channel"] = props.channel;
        if (props.connections.length === 1) {
          config["mq.hostname"] = props.connections[0].host;
          config["mq.port"] = ports[0];
        } else {
          config["mq.connection.list"] = props.connections.map((c, i) => `${c.host}(${ports[i]})`).join(",");
        }
        if (props.user) config["mq.username"] = props.user;
        if (props.tls) config["mq.ssl.cipher.suite"] = props.tls.cipherSuite;
        if (props.tls?.peerName) config["mq.ssl.peer.name"] = props.tls.peerName;
      } else {
        config.topic = props.topic.topicName;
        config["mq.queue.manager"] = props.queueManager;
        config["mq.connection.mode"] = "client";
        config["mq.connection.name.list"] = props.connections.map((c, i) => `${c.host}(${ports[i]})`).join(",");
        config["mq.channel.name"] = props.channel;
        config["mq.queue"] = props.queue;
        config["mq.record.builder"] =
          builder === "json"
            ? "com.ibm.eventstreams.connect.mqsource.builders.JsonRecordBuilder"
            : "com.ibm.eventstreams.connect.mqsource.builders.DefaultRecordBuilder";
        if (props.keyHeader) config["mq.record.builder.key.header"] = props.keyHeader;
        if (batch) config["mq.batch.size"] = batch;
        if (props.user) config["mq.user.name"] = props.user;
        if (props.tls) config["mq.ssl.cipher.suite"] = props.tls.cipherSuite;
        if (props.tls?.peerName) config["mq.ssl.peer.name"] = props.tls.peerName;
      }
      return {
        connectorClass: managed ? "IbmMQSource" : "com.ibm.eventstreams.connect.mqsource.MQSourceConnector",
        config,
        secrets: secrets(props, "mq.password", ctx.path),
        knownKeys: managed ? SOURCE_MANAGED_KEYS : SOURCE_OSS_KEYS,
        // One reader keeps the queue's order; several tasks compete for messages.
        defaultTasks: 1,
        usesManagedDataFormats: managed,
        internalTopics: [],
        remoteClusters: [],
        groups: [],
        weakenings,
      };
    },
  };
}

/**
 * IBM MQ sink: records of the topics become messages on one queue, persistent by default.
 *
 * - MSK Connect: `com.ibm.eventstreams.connect.mqsink.MQSinkConnector` (ibm-messaging/kafka-connect-mq-sink v3.0.0).
 * - Confluent Cloud: the fully managed `IbmMqSink` (JMS destination keys, one listener `mq.hostname`/`mq.port`).
 */
export function ibmMqSink(props: IbmMqSinkProps): ConnectorDefinition {
  const { ports, weakenings } = checkMqConnection(props);
  const topics = requireTopics(props.topics, "topics");
  const builder = requireOneOf(props.messageBuilder ?? "default", "messageBuilder", ["default", "json"]);
  const ttl = optionalInt(props.timeToLiveMs, "timeToLiveMs", 0, 2_147_483_647);
  if (props.keyHeader !== undefined) requireOneOf(props.keyHeader, "keyHeader", ["JMSCorrelationID"]);
  return {
    catalogId: "ibm-mq-sink",
    direction: "sink",
    topics,
    backends: ["msk", "confluent"],
    sources: [
      "ibm-messaging/kafka-connect-mq-sink v3.0.0 MQSinkConfig.java",
      "kafka-docker-playground ccloud/fm-ibm-mq-sink/config-IbmMqSink.json",
    ],
    render(ctx: RenderContext): RenderedConnector {
      const persistent = props.persistent !== false;
      const partitions = topics.reduce((n, t) => n + t.spec.partitions, 0);
      if (ctx.backend === "confluent") {
        if (props.connections.length !== 1) {
          catalogFail(
            "connections",
            props.connections.map((c) => c.host).join(","),
            "exactly one listener on Confluent Cloud (IbmMqSink takes mq.hostname and mq.port)",
            "Give the queue manager's single listener (or a load balancer in front of a multi-instance queue manager).",
            ctx.path,
          );
        }
        const config: Record<string, string> = {
          topics: topics.map((t) => t.topicName).join(","),
          "input.data.format": ctx.converters.managedDataFormat,
          "jms.destination.name": props.queue,
          "jms.destination.type": "queue",
          "mq.queue.manager": props.queueManager,
          "mq.channel": props.channel,
          "mq.hostname": props.connections[0].host,
          "mq.port": ports[0],
        };
        // The managed sink's delivery-mode values are not verified by the library: it keeps the
        // connector's default (persistent) and refuses non-persistent messages there.
        if (!persistent) {
          catalogFail(
            "persistent",
            false,
            "persistent messages on Confluent Cloud",
            "Remove persistent: false, or run the sink on MSK Connect.",
            ctx.path,
          );
        }
        if (ttl) config["jms.producer.time.to.live.ms"] = ttl;
        if (props.keyHeader) config["jms.forward.kafka.key"] = "true";
        if (props.user) config["mq.username"] = props.user;
        if (props.tls) config["mq.ssl.cipher.suite"] = props.tls.cipherSuite;
        if (props.tls?.peerName) config["mq.ssl.peer.name"] = props.tls.peerName;
        return {
          connectorClass: "IbmMqSink",
          config,
          secrets: secrets(props, "mq.password", ctx.path),
          knownKeys: SINK_MANAGED_KEYS,
          maxTasks: partitions,
          defaultTasks: 1,
          usesManagedDataFormats: true,
          internalTopics: [],
          remoteClusters: [],
          groups: [],
          weakenings,
        };
      }
      const config: Record<string, string> = {
        topics: topics.map((t) => t.topicName).join(","),
        "mq.queue.manager": props.queueManager,
        "mq.connection.mode": "client",
        "mq.connection.name.list": props.connections.map((c, i) => `${c.host}(${ports[i]})`).join(","),
        "mq.channel.name": props.channel,
        "mq.queue": props.queue,
        "mq.message.builder":
          builder === "json"
            ? "com.ibm.eventstreams.connect.mqsink.builders.JsonMessageBuilder"
            : "com.ibm.eventstreams.connect.mqsink.builders.DefaultMessageBuilder",
        "mq.persistent": String(persistent),
      };
      if (ttl) config["mq.time.to.live"] = ttl;
      if (props.keyHeader) config["mq.message.builder.key.header"] = props.keyHeader;
      if (props.user) config["mq.user.name"] = props.user;
      if (props.tls) config["mq.ssl.cipher.suite"] = props.tls.cipherSuite;
      if (props.tls?.peerName) config["mq.ssl.peer.name"] = props.tls.peerName;
      return {
        connectorClass: "com.ibm.eventstreams.connect.mqsink.MQSinkConnector",
        config,
        secrets: secrets(props, "mq.password", ctx.path),
        knownKeys: SINK_OSS_KEYS,
        maxTasks: partitions,
        defaultTasks: 1,
        internalTopics: [],
        remoteClusters: [],
        groups: [],
        weakenings,
      };
    },
  };
}
