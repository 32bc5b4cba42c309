package kafkastandards.it;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Small shared helpers: "--name value" arguments, properties files, an Admin client. */
final class Cli {
  private final Map<String, List<String>> options = new HashMap<>();
  final List<String> positional = new ArrayList<>();

  Cli(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--")) {
        String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
        options.computeIfAbsent(a.substring(2), k -> new ArrayList<>()).add(value);
      } else {
        positional.add(a);
      }
    }
  }

  String get(String name) {
    List<String> v = options.get(name);
    if (v == null) throw new IllegalArgumentException("missing --" + name);
    return v.get(v.size() - 1);
  }

  String get(String name, String fallback) {
    List<String> v = options.get(name);
    return v == null ? fallback : v.get(v.size() - 1);
  }

  List<String> all(String name) {
    return options.getOrDefault(name, List.of());
  }

  long getLong(String name, long fallback) {
    return Long.parseLong(get(name, Long.toString(fallback)));
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(get(name, "false"));
  }

  /** Reads a properties file, keeping the order of its keys. */
  static LinkedHashMap<String, String> readProperties(Path file) throws IOException {
    LinkedHashMap<String, String> ordered = new LinkedHashMap<>();
    Properties p = new Properties() {
      @Override
      public synchronized Object put(Object key, Object value) {
        ordered.put((String) key, (String) value);
        return super.put(key, value);
      }
    };
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return ordered;
  }

  /**
   * An admin client of the test's super user: PLAINTEXT, or on the secured cluster the settings in
   * the file KAFKA_IT_ADMIN_CONFIG names (SASL_SSL as it-admin, trusting the test CA).
   */
  static Admin admin(String bootstrap) throws IOException {
    return Admin.create(adminProperties(bootstrap));
  }

  /** The super user's connection settings (see {@link #admin}), usable by any client. */
  static Properties adminProperties(String bootstrap) throws IOException {
    Properties p = new Properties();
    String file = System.getenv("KAFKA_IT_ADMIN_CONFIG");
    if (file != null && !file.isEmpty()) p.putAll(readProperties(Path.of(file)));
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "it-admin");
    return p;
  }

  static void pass(String name) {
    System.out.println("PASS " + name);
  }

  static void fail(String name, String why) {
    System.out.println("FAIL " + name + ": " + why);
  }

  static void info(String line) {
    System.out.println("INFO " + line);
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeException(e);
    }
  }
}
