package kafkastandards.it;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigsOptions;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Runs the access-matrix cells of one application with the Java client, as that application: its
 * rendered client files, with the ${env:...} references resolved by the files' own
 * EnvVarConfigProvider from the environment the caller sets (bootstrap servers, SCRAM password or
 * keystore and its password, HOSTNAME), plus the local trust settings from --local (the test CA).
 *
 *   AccessMatrix --plan PLAN.json --example E --app A --local LOCAL.properties
 *                --admin-bootstrap B --out RESULTS.jsonl [--threads 6]
 *
 * Producer operations start from the application's producer file (its profile), consumer
 * operations from its consumer file, admin operations from the connection settings (bootstrap,
 * client.id, security.protocol, sasl.*, ssl.*, config.providers*); an application without a file
 * of that role uses the connection settings of the other. Per operation only what the operation
 * is changes: enable.idempotence (false for a plain produce, true otherwise), transactional.id (and,
 * for a profile without transactions, transaction.timeout.ms = delivery.timeout.ms, which librdkafka
 * requires), group.id.
 *
 * Outcome of a cell: "allowed" (the operation succeeded; for create topic, TopicExistsException;
 * for delete group, GroupNotEmpty/GroupIdNotFound: the broker let the principal past its
 * authorization), "denied" (an AuthorizationException: topic, group, cluster or transactional id),
 * or "error" (anything else, which the report counts as a mismatch).
 */
public final class AccessMatrix {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final Properties producerBase;
  private final Properties consumerBase;
  private final Properties connection;
  private final String adminBootstrap;
  private final Map<String, Object> groupLocks = new ConcurrentHashMap<>();
  private Admin admin;

  private AccessMatrix(Properties producerBase, Properties consumerBase, Properties connection, String adminBootstrap) {
    this.producerBase = producerBase;
    this.consumerBase = consumerBase;
    this.connection = connection;
    this.adminBootstrap = adminBootstrap;
  }

  record Outcome(String outcome, String detail, long ms) {
    Outcome(String outcome, String detail) {
      this(outcome, detail, -1);
    }

    Outcome timed(long startNanos) {
      return new Outcome(outcome, detail, (System.nanoTime() - startNanos) / 1_000_000);
    }
  }

  public static void main(String[] args) throws Exception {
    Cli cli = new Cli(args);
    Map<String, Object> plan = Json.readObject(Files.readString(Path.of(cli.get("plan")), StandardCharsets.UTF_8));
    String exampleName = cli.get("example");
    String appName = cli.get("app");
    Map<String, Object> example = null;
    for (Object o : Json.list(plan.get("examples"), "examples")) {
      if (exampleName.equals(Json.object(o, "example").get("name"))) example = Json.object(o, "example");
    }
    if (example == null) throw new IllegalArgumentException("no example " + exampleName + " in the plan");
    Map<String, Object> app = null;
    for (Object o : Json.list(example.get("applications"), "applications")) {
      if (appName.equals(Json.object(o, "application").get("name"))) app = Json.object(o, "application");
    }
    if (app == null) throw new IllegalArgumentException("no application " + appName + " in " + exampleName);
    Map<String, Object> files = Json.object(Json.object(app.get("files"), "files").get("java"), "files.java");
    LinkedHashMap<String, String> local = Cli.readProperties(Path.of(cli.get("local")));
    Properties producerFile = load(files.get("producer"), local);
    Properties consumerFile = load(files.get("consumer"), local);
    Properties connection = connectionOf(producerFile != null ? producerFile : consumerFile);
    AccessMatrix m = new AccessMatrix(producerFile != null ? producerFile : connection,
        consumerFile != null ? consumerFile : connection, connection, cli.get("admin-bootstrap"));

    List<Map<String, Object>> cells = new ArrayList<>();
    for (Object o : Json.list(example.get("cells"), "cells")) {
      Map<String, Object> c = Json.object(o, "cell");
      if (appName.equals(c.get("app"))) cells.add(c);
    }
    int threads = (int) cli.getLong("threads", 6);
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Properties adminProps = new Properties();
    adminProps.putAll(connection);
    adminProps.put("default.api.timeout.ms", "30000");
    try (Admin admin = Admin.create(adminProps);
        BufferedWriter out = Files.newBufferedWriter(Path.of(cli.get("out")), StandardCharsets.UTF_8)) {
      m.admin = admin;
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Map<String, Object> c : cells) {
        futures.add(pool.submit(() -> {
          long t = System.nanoTime();
          return m.run(c).timed(t);
        }));
      }
      int allowed = 0;
      int denied = 0;
      int errors = 0;
      for (int i = 0; i < cells.size(); i++) {
        Outcome r;
        try {
          r = futures.get(i).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
          r = new Outcome("error", "cell did not finish: " + e);
        }
        switch (r.outcome()) {
          case "allowed" -> allowed++;
          case "denied" -> denied++;
          default -> errors++;
        }
        out.write("{\"id\":" + quote((String) cells.get(i).get("id")) + ",\"lib\":\"java\",\"outcome\":"
            + quote(r.outcome()) + ",\"detail\":" + quote(r.detail()) + ",\"ms\":" + r.ms() + "}\n");
      }
      System.out.printf("java %s/%s: %d cells in %.1f s: %d allowed, %d denied, %d errors%n", exampleName, appName,
          cells.size(), (System.nanoTime() - started) / 1e9, allowed, denied, errors);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Properties load(Object file, Map<String, String> local) throws Exception {
    if (file == null) return null;
    Properties p = new Properties();
    p.putAll(Cli.readProperties(Path.of(Json.string(file, "file"))));
    p.putAll(local);
    return p;
  }

  /** The connection settings of a client file: where and as whom it connects. */
  static Properties connectionOf(Properties p) {
    Properties c = new Properties();
    for (String k : p.stringPropertyNames()) {
      if (k.equals("bootstrap.servers") || k.equals("client.id") || k.equals("security.protocol")
          || k.startsWith("sasl.") || k.startsWith("ssl.") || k.startsWith("config.providers")) {
        c.put(k, p.getProperty(k));
      }
    }
    return c;
  }

  private Outcome run(Map<String, Object> c) {
    String op = (String) c.get("operation");
    String resource = (String) c.get("resource");
    try {
      return switch (op) {
        case "produce" -> produce(resource, false, null);
        case "idempotent-produce" -> produce(resource, true, null);
        case "transactional-produce-granted-id", "transactional-produce-other-id" ->
            produce(resource, true, ((String) c.get("transactionalId")).replace("{lib}", "java"));
        case "consume-own-group", "consume-other-group" -> consume(resource, (String) c.get("group"));
        case "describe" -> {
          admin.describeTopics(List.of(resource)).allTopicNames().get(30, TimeUnit.SECONDS);
          yield new Outcome("allowed", "DescribeTopics answered");
        }
        case "create" -> {
          admin.createTopics(List.of(new NewTopic(resource, Optional.empty(), Optional.empty())),
              new CreateTopicsOptions().validateOnly(true)).all().get(30, TimeUnit.SECONDS);
          yield new Outcome("allowed", "CreateTopics (validate only) accepted");
        }
        case "delete" -> {
          admin.deleteTopics(List.of(resource)).all().get(30, TimeUnit.SECONDS);
          yield new Outcome("allowed", "DeleteTopics deleted the topic");
        }
        case "alter-configs" -> {
          Map<String, Object> kv = Json.object(c.get("config"), "config");
          admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, resource),
              List.of(new AlterConfigOp(new ConfigEntry((String) kv.get("key"), (String) kv.get("value")),
                  AlterConfigOp.OpType.SET))), new AlterConfigsOptions().validateOnly(true)).all().get(30, TimeUnit.SECONDS);
          yield new Outcome("allowed", "IncrementalAlterConfigs (validate only) accepted");
        }
        case "describe-group" -> {
          synchronized (lock(resource)) {
            admin.describeConsumerGroups(List.of(resource)).all().get(30, TimeUnit.SECONDS);
          }
          yield new Outcome("allowed", "DescribeGroups answered");
        }
        case "delete-group" -> {
          synchronized (lock(resource)) {
            admin.deleteConsumerGroups(List.of(resource)).all().get(30, TimeUnit.SECONDS);
          }
          yield new Outcome("allowed", "DeleteGroups deleted the group");
        }
        default -> new Outcome("error", "unknown operation " + op);
      };
    } catch (Throwable t) {
      return classify(t);
    }
  }

  private Object lock(String group) {
    return groupLocks.computeIfAbsent(group, g -> new Object());
  }

  /** Authorization errors are denials; a few authorized refusals count as allowed; the rest are errors. */
  static Outcome classify(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof AuthorizationException) return new Outcome("denied", c.getClass().getSimpleName() + ": " + c.getMessage());
      if (c instanceof TopicExistsException) return new Outcome("allowed", "authorized; TopicExistsException");
      if (c instanceof GroupNotEmptyException || c instanceof GroupIdNotFoundException) {
        return new Outcome("allowed", "authorized; " + c.getClass().getSimpleName());
      }
      if (c.getCause() == c) break;
    }
    Throwable root = t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t;
    return new Outcome("error", root.getClass().getSimpleName() + ": " + root.getMessage());
  }

  private Outcome produce(String topic, boolean idempotent, String transactionalId) throws Exception {
    Properties p = new Properties();
    p.putAll(producerBase);
    p.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, Boolean.toString(idempotent));
    if (idempotent) p.put(ProducerConfig.ACKS_CONFIG, "all");
    if (transactionalId != null) {
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
      // As librdkafka requires, a transaction may last as long as a delivery (a profile without
      // transactions keeps the 60 s default).
      p.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, p.getProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000"));
    }
    byte[] key = ("it-matrix:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      if (transactionalId == null) {
        producer.send(new ProducerRecord<>(topic, key, key)).get(30, TimeUnit.SECONDS);
        return new Outcome("allowed", (idempotent ? "idempotent " : "") + "record acknowledged");
      }
      producer.initTransactions();
      producer.beginTransaction();
      try {
        producer.send(new ProducerRecord<>(topic, key, key)).get(30, TimeUnit.SECONDS);
        producer.commitTransaction();
      } catch (Exception e) {
        try {
          producer.abortTransaction();
        } catch (Exception ignored) {
          // the producer may be in a fatal state; the first error is what counts
        }
        throw e;
      }
      return new Outcome("allowed", "transaction " + transactionalId + " committed");
    }
  }

  private Outcome consume(String topic, String group) throws Exception {
    synchronized (lock(group)) {
      byte[] marker = ("it-matrix-marker:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
      long offset;
      Properties ap = Cli.adminProperties(adminBootstrap);
      ap.put(ProducerConfig.ACKS_CONFIG, "all");
      try (KafkaProducer<byte[], byte[]> superUser = new KafkaProducer<>(ap, new ByteArraySerializer(), new ByteArraySerializer())) {
        offset = superUser.send(new ProducerRecord<>(topic, 0, marker, marker)).get(30, TimeUnit.SECONDS).offset();
      }
      Properties p = new Properties();
      p.putAll(consumerBase);
      p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
      boolean manualCommit = "false".equalsIgnoreCase(p.getProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true"));
      TopicPartition tp0 = new TopicPartition(topic, 0);
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.contains(tp0)) consumer.seek(tp0, offset);
          }
        });
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            if (r.partition() == 0 && java.util.Arrays.equals(r.key(), marker)) {
              if (manualCommit) consumer.commitSync(WAIT);
              return new Outcome("allowed", "read the marker at offset " + offset + " in group " + group
                  + (manualCommit ? " and committed" : ""));
            }
          }
        }
        return new Outcome("error", "no record within " + WAIT.toSeconds() + " s (group " + group + ")");
      }
    }
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : (s == null ? "" : s).toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
          else b.append(ch);
        }
      }
    }
    return b.append('"').toString();
  }
}
