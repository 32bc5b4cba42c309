import { debeziumDb2Source } from "./catalog/debezium-db2-source";
import { jdbcSource } from "./catalog/jdbc-source";
import { snowflakeSink } from "./catalog/snowflake-sink";
import { mirrorCheckpoint, mirrorHeartbeat, mirrorSource } from "./catalog/mirror-maker";
import { ibmMqSink, ibmMqSource } from "./catalog/ibm-mq";

/**
 * The connectors of the standard, each a typed props object rendered to configuration keys that
 * were checked against the connector's source (see each entry's `sources`).
 *
 * | entry | MSK Connect class | Confluent Cloud class |
 * | --- | --- | --- |
 * | `debeziumDb2Source` | `io.debezium.connector.db2.Db2Connector` | — (no managed Db2 CDC) |
 * | `jdbcSource` | `io.confluent.connect.jdbc.JdbcSourceConnector` | `IbmDb2Source` |
 * | `snowflakeSink` | `com.snowflake.kafka.connector.SnowflakeSinkConnector` | `SnowflakeSink` |
 * | `mirrorSource` / `mirrorCheckpoint` / `mirrorHeartbeat` | `org.apache.kafka.connect.mirror.Mirror*Connector` | — (cluster links) |
 * | `ibmMqSource` | `com.ibm.eventstreams.connect.mqsource.MQSourceConnector` | `IbmMQSource` |
 * | `ibmMqSink` | `com.ibm.eventstreams.connect.mqsink.MQSinkConnector` | — |
 */
export const ConnectorCatalog = Object.freeze({
  debeziumDb2Source,
  jdbcSource,
  snowflakeSink,
  mirrorSource,
  mirrorCheckpoint,
  mirrorHeartbeat,
  ibmMqSource,
  ibmMqSink,
});
