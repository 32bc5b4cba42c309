package kafkastandards.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Checks the client properties files the synthesis renders for the Java client
 * (&lt;app&gt;-producer.java.properties, &lt;app&gt;-consumer.java.properties) with the real client.
 *
 *   ClientProfileCheck setup    --bootstrap B --topic T
 *       creates T (3 partitions, RF 3, min.insync.replicas 2) and gives the SASL/PLAIN user it-app
 *       the ACLs a client of T needs (prefixed topic T, any group, any transactional id).
 *   ClientProfileCheck teardown --bootstrap B --topic T
 *       deletes T and those ACLs.
 *   ClientProfileCheck java     --bootstrap B --sasl-bootstrap S --topic T [--self-test true] FILE...
 *       per file, with the ${env:NAME} variables it references set in the environment:
 *       - every key is a ProducerConfig / ConsumerConfig name (by the file name's role), or one of
 *         AbstractConfig's config.providers keys for a provider the file lists;
 *       - every value passes the client's ConfigDef parsing and validation, and sasl.jaas.config is
 *         a valid client JAAS entry; a value naming a class that is not on this classpath (the
 *         aws-msk-iam-auth classes) is reported, not failed;
 *       - every ${env:...} reference resolves through the file's EnvVarConfigProvider;
 *       - a KafkaProducer / KafkaConsumer built from the file's properties produces / consumes one
 *         record on the local cluster. Only the connection is changed: bootstrap.servers points at
 *         the local cluster, and the security settings become PLAINTEXT, except SASL/PLAIN files
 *         (Confluent API keys), which keep their mechanism and JAAS entry and connect to the local
 *         SASL_PLAINTEXT listener as it-app (TLS is not available locally). Every tuning key is kept.
 *         Transactional producers commit their record in a transaction; every produced record is
 *         read back with read_committed.
 *       --self-test true first runs the first producer file with a misspelt key (linger.msec) and with an
 *       invalid value (compression.type=lz5) through the same steps; both must fail, naming the key.
 *
 * Prints one "PASS name" or "FAIL name: why" line per file.
 */
public final class ClientProfileCheck {
  private static final Pattern ENV_REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
  private static final String SASL_USER = "it-app";
  private static final String CONFIG_PROVIDERS = "config.providers";

  public static void main(String[] args) throws Exception {
    Cli cli = new Cli(args);
    String mode = cli.positional.isEmpty() ? "" : cli.positional.get(0);
    String topic = cli.get("topic");
    switch (mode) {
      case "setup":
        try (Admin admin = Cli.admin(cli.get("bootstrap"))) {
          TopicTool.delete(admin, topic);
          admin.createTopics(List.of(new NewTopic(topic, 3, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
              .all().get(30, TimeUnit.SECONDS);
          TopicTool.waitFullIsr(admin, topic, 30_000);
          admin.createAcls(acls(topic)).all().get(30, TimeUnit.SECONDS);
        }
        return;
      case "teardown":
        try (Admin admin = Cli.admin(cli.get("bootstrap"))) {
          admin.deleteAcls(acls(topic).stream().map(AclBinding::toFilter).toList()).all().get(30, TimeUnit.SECONDS);
          TopicTool.delete(admin, topic);
        }
        return;
      case "java":
        break;
      default:
        throw new IllegalArgumentException("mode must be setup, teardown or java");
    }

    Target target = new Target(cli.get("bootstrap"), cli.get("sasl-bootstrap"), topic);
    List<Path> files = cli.positional.subList(1, cli.positional.size()).stream().map(Path::of).toList();
    boolean ok = true;
    if (files.isEmpty()) {
      Cli.fail("rendered Java client files to check", "none given");
      System.exit(1);
    }
    if (cli.flag("self-test")) ok &= selfTest(target, files);
    for (Path file : files) {
      String label = "Java client accepts " + label(file);
      try {
        Result r = checkFile(target, file, Map.of());
        if (r.problems.isEmpty()) {
          Cli.pass(label + ": " + r.summary());
        } else {
          Cli.fail(label, String.join("; ", r.problems));
          ok = false;
        }
      } catch (Exception e) {
        Cli.fail(label, e.toString());
        ok = false;
      }
    }
    System.exit(ok ? 0 : 1);
  }

  /** Where the clients connect. */
  record Target(String bootstrap, String saslBootstrap, String topic) {}

  /** What one file's check found. */
  static final class Result {
    final List<String> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    String summary() {
      return String.join("; ", notes);
    }
  }

  private static List<AclBinding> acls(String topic) {
    String principal = "User:" + SASL_USER;
    return List.of(
        new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.PREFIXED),
            new AccessControlEntry(principal, "*", AclOperation.ALL, AclPermissionType.ALLOW)),
        new AclBinding(new ResourcePattern(ResourceType.GROUP, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL),
            new AccessControlEntry(principal, "*", AclOperation.ALL, AclPermissionType.ALLOW)),
        new AclBinding(new ResourcePattern(ResourceType.TRANSACTIONAL_ID, ResourcePattern.WILDCARD_RESOURCE,
            PatternType.LITERAL), new AccessControlEntry(principal, "*", AclOperation.ALL, AclPermissionType.ALLOW)));
  }

  /** stacks/STACK/kafka-standards/clients/CLUSTER/FILE as STACK/CLUSTER/FILE. */
  static String label(Path file) {
    Path cluster = file.getParent();
    Path stack = cluster == null || cluster.getParent() == null || cluster.getParent().getParent() == null
        ? null : cluster.getParent().getParent().getParent();
    String prefix = stack == null || stack.getFileName() == null ? "" : stack.getFileName() + "/";
    return prefix + (cluster == null ? "" : cluster.getFileName() + "/") + file.getFileName();
  }

  static boolean isProducer(Path file) {
    String n = file.getFileName().toString();
    if (n.endsWith("-producer.java.properties")) return true;
    if (n.endsWith("-consumer.java.properties")) return false;
    throw new IllegalArgumentException(n + " is neither <app>-producer.java.properties nor <app>-consumer.java.properties");
  }

  private static boolean selfTest(Target target, List<Path> files) throws Exception {
    Path producer = files.stream().filter(ClientProfileCheck::isProducer).findFirst().orElse(null);
    if (producer == null) {
      Cli.fail("self-test: a misspelt key fails the Java check", "no producer file to start from");
      return false;
    }
    boolean ok = true;
    String[][] cases = {{"linger.msec", "5", "a misspelt key"}, {"compression.type", "lz5", "an invalid value"}};
    for (String[] c : cases) {
      String name = "self-test: " + label(producer) + " with " + c[2] + " (" + c[0] + "=" + c[1]
          + ") fails the Java check, naming the key";
      Result r = checkFile(target, producer, Map.of(c[0], c[1]));
      String hit = r.problems.stream().filter(p -> p.contains(c[0])).findFirst().orElse(null);
      if (hit != null) {
        Cli.pass(name + " [" + hit + "]");
      } else {
        Cli.fail(name, r.problems.isEmpty() ? "the check accepted it" : "reported: " + String.join("; ", r.problems));
        ok = false;
      }
    }
    return ok;
  }

  /** The checks of one file; EXTRA is added to its properties (the self-test). */
  static Result checkFile(Target target, Path file, Map<String, String> extra) throws Exception {
    boolean producer = isProducer(file);
    String role = producer ? "producer" : "consumer";
    LinkedHashMap<String, String> props = Cli.readProperties(file);
    props.putAll(extra);
    Result r = new Result();
    if (props.isEmpty()) {
      r.problems.add("the file has no properties");
      return r;
    }

    // 1. Names.
    Set<String> names = producer ? ProducerConfig.configNames() : ConsumerConfig.configNames();
    Set<String> providers = new TreeSet<>();
    for (String p : props.getOrDefault(CONFIG_PROVIDERS, "").split(",")) if (!p.isBlank()) providers.add(p.trim());
    for (String key : props.keySet()) {
      if (names.contains(key) || isProviderKey(key, providers)) continue;
      r.problems.add("unknown " + role + " property " + key + " (not a " + (producer ? "ProducerConfig" : "ConsumerConfig")
          + " name of kafka-clients " + AppInfoParser.getVersion() + ")");
    }

    // 2. Every ${env:...} reference resolves through the file's own config providers.
    Map<String, String> resolved = new LinkedHashMap<>();
    try {
      new AbstractConfig(new ConfigDef(), props, false).originalsStrings().forEach(resolved::put);
    } catch (RuntimeException e) {
      r.problems.add("config providers: " + e.getMessage());
      return r;
    }
    Set<String> refs = new TreeSet<>();
    for (String v : props.values()) for (Matcher m = ENV_REF.matcher(v); m.find(); ) refs.add(m.group(1));
    List<String> unresolved = resolved.entrySet().stream().filter(e -> e.getValue().contains("${"))
        .map(Map.Entry::getKey).toList();
    if (!unresolved.isEmpty()) r.problems.add("references left unresolved in " + unresolved);

    // 3. Values, through the client's own definitions.
    ConfigDef def = producer ? ProducerConfig.configDef() : ConsumerConfig.configDef();
    List<String> absentClasses = new ArrayList<>();
    for (Map.Entry<String, String> e : resolved.entrySet()) {
      ConfigDef.ConfigKey ck = def.configKeys().get(e.getKey());
      if (ck == null) continue;
      if (ck.type == ConfigDef.Type.CLASS && !loadable(e.getValue())) {
        absentClasses.add(e.getKey() + "=" + e.getValue());
        continue;
      }
      try {
        Object parsed = ConfigDef.parseType(e.getKey(), e.getValue(), ck.type);
        if (ck.validator != null) ck.validator.ensureValid(e.getKey(), parsed);
      } catch (RuntimeException ex) {
        r.problems.add("invalid value " + e.getKey() + "=" + e.getValue() + " (" + ex.getMessage() + ")");
      }
    }
    String jaas = resolved.get(SaslConfigs.SASL_JAAS_CONFIG);
    String jaasUser = null;
    if (jaas != null) {
      try {
        JaasContext ctx = JaasContext.loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(jaas)));
        AppConfigurationEntry entry = ctx.configurationEntries().get(0);
        Object user = entry.getOptions().get("username");
        jaasUser = user == null ? null : user.toString();
        if (!loadable(entry.getLoginModuleName())) absentClasses.add("login module " + entry.getLoginModuleName());
      } catch (RuntimeException ex) {
        r.problems.add("invalid value sasl.jaas.config (" + ex.getMessage() + ")");
      }
    }
    if (!r.problems.isEmpty()) return r;
    r.notes.add(props.size() + " keys, all " + (producer ? "ProducerConfig" : "ConsumerConfig")
        + " names with valid values" + (refs.isEmpty() ? "" : ", ${env:" + String.join("}, ${env:", refs) + "} resolved"));
    if (!absentClasses.isEmpty()) r.notes.add("not on this classpath, so not loaded: " + String.join(", ", absentClasses));

    // 4. The real client, with the connection swapped to the local cluster.
    Properties run = new Properties();
    run.putAll(props);
    boolean plain = "PLAIN".equals(resolved.get(SaslConfigs.SASL_MECHANISM))
        && resolved.getOrDefault("security.protocol", "").startsWith("SASL_");
    for (String k : List.copyOf(props.keySet())) {
      if (k.startsWith("ssl.") || (!plain && (k.startsWith("sasl.") || k.equals("security.protocol")))) run.remove(k);
    }
    run.put("security.protocol", plain ? "SASL_PLAINTEXT" : "PLAINTEXT");
    run.put("bootstrap.servers", plain ? target.saslBootstrap() : target.bootstrap());
    String how = plain ? "SASL_PLAINTEXT with the file's PLAIN JAAS entry (as " + jaasUser + ")" : "PLAINTEXT";
    String key = "it-clients:" + file.getFileName() + ":" + UUID.randomUUID();
    if (producer) {
      r.notes.add(produce(target, run, resolved.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG), key, how, r));
    } else {
      r.notes.add(consume(target, run, key, how, r));
    }
    return r;
  }

  private static boolean isProviderKey(String key, Set<String> providers) {
    if (key.equals(CONFIG_PROVIDERS)) return true;
    for (String p : providers) {
      String prefix = CONFIG_PROVIDERS + "." + p + ".";
      if (key.equals(prefix + "class") || key.startsWith(prefix + "param.")) return true;
    }
    return false;
  }

  private static boolean loadable(String className) {
    try {
      Class.forName(className.trim(), false, ClientProfileCheck.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String produce(Target target, Properties run, String txId, String key, String how, Result r)
      throws Exception {
    boolean transactional = txId != null;
    RecordMetadata md;
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(run, new ByteArraySerializer(), new ByteArraySerializer())) {
      ProducerRecord<byte[], byte[]> rec = new ProducerRecord<>(target.topic(), 0, key.getBytes(), key.getBytes());
      if (transactional) {
        p.initTransactions();
        p.beginTransaction();
        md = p.send(rec).get(30, TimeUnit.SECONDS);
        p.commitTransaction();
      } else {
        md = p.send(rec).get(30, TimeUnit.SECONDS);
      }
    }
    if (!readBack(target.bootstrap(), new TopicPartition(target.topic(), 0), md.offset(), key)) {
      r.problems.add("the produced record (offset " + md.offset() + ") could not be read back with read_committed");
    }
    return "KafkaProducer over " + how + " "
        + (transactional ? "committed one record in a transaction (transactional.id " + txId + ")" : "wrote one record")
        + ", read back";
  }

  private static String consume(Target target, Properties run, String key, String how, Result r) throws Exception {
    TopicPartition tp = new TopicPartition(target.topic(), 0);
    long offset = writeMarker(target.bootstrap(), tp, key);
    String group = run.getProperty(ConsumerConfig.GROUP_ID_CONFIG);
    boolean manualCommit = "false".equals(run.getProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(run, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      if (group != null) {
        c.subscribe(List.of(target.topic()), new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.contains(tp)) c.seek(tp, offset);
          }
        });
      } else {
        c.assign(List.of(tp));
        c.seek(tp, offset);
      }
      if (!pollFor(c, key, 30_000)) {
        r.problems.add("KafkaConsumer over " + how + " did not receive the record at offset " + offset + " within 30 s");
        return "";
      }
      if (manualCommit) c.commitSync(Duration.ofSeconds(30));
    }
    return "KafkaConsumer over " + how + (group != null ? " joined group " + group + "," : "") + " read one record"
        + (manualCommit ? " and committed its offset" : "");
  }

  private static long writeMarker(String bootstrap, TopicPartition tp, String key) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("acks", "all");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      return producer.send(new ProducerRecord<>(tp.topic(), tp.partition(), key.getBytes(), key.getBytes()))
          .get(30, TimeUnit.SECONDS).offset();
    }
  }

  private static boolean readBack(String bootstrap, TopicPartition tp, long offset, String key) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("isolation.level", "read_committed");
    p.put("enable.auto.commit", "false");
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.assign(List.of(tp));
      c.seek(tp, offset);
      return pollFor(c, key, 15_000);
    }
  }

  private static boolean pollFor(KafkaConsumer<byte[], byte[]> c, String key, long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      for (ConsumerRecord<byte[], byte[]> rec : c.poll(Duration.ofMillis(200))) {
        if (rec.key() != null && key.equals(new String(rec.key()))) return true;
      }
    }
    return false;
  }
}
