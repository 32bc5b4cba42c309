package kafkastandards.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Prints the Java producer's default values of the given keys, as "k=v, k=v" on one line, from
 * the kafka-clients release on the classpath.
 *
 *   ClientDefaults KEY...
 */
public final class ClientDefaults {
  public static void main(String[] args) {
    Map<String, Object> defaults = ProducerConfig.configDef().defaultValues();
    List<String> out = new ArrayList<>();
    for (String key : args) {
      if (!defaults.containsKey(key)) throw new IllegalArgumentException("no default for " + key);
      out.add(key + "=" + defaults.get(key));
    }
    System.out.println(String.join(", ", out));
  }
}
