package kafkastandards.it.connect.frameworkonly;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * A sink connector that defines no keys of its own, so that Connect's
 * {@code PUT /connector-plugins/.../config/validate} checks only the framework's part of a
 * configuration (tasks.max, converters and their settings, transforms and predicates with their
 * settings, error handling, topics or topics.regex, the dead-letter queue) for connectors whose own plugin is
 * not served by a registry. It never runs: {@link #taskClass()} refuses.
 */
public final class FrameworkOnlySinkConnector extends SinkConnector {
  @Override
  public String version() {
    return "0.0.0";
  }

  @Override
  public void start(Map<String, String> props) {
    throw new UnsupportedOperationException("validation only");
  }

  @Override
  public Class<? extends Task> taskClass() {
    throw new UnsupportedOperationException("validation only");
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    throw new UnsupportedOperationException("validation only");
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return new ConfigDef();
  }
}
