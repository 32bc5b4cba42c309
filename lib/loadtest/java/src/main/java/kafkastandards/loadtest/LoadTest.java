package kafkastandards.loadtest;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Produces N records to a topic with the given producer properties, then reads them back with the
 * given consumer properties, and prints JSON lines on stdout:
 *
 * <pre>
 *   {"type":"info", ...}          client and JVM versions, host
 *   {"type":"overrides", ...}     which clients took each --overrides key
 *   {"type":"cluster", ...}       cluster id and brokers (after a bounded connect)
 *   {"type":"topic", ...}         partitions, replication factor, min.insync.replicas, created or not
 *   {"type":"progress", ...}      phase, done, total, elapsedMs (every 250 ms)
 *   {"type":"producer", ...}      producer phase results
 *   {"type":"consumer", ...}      consumer phase results
 *   {"type":"done"}
 *   {"type":"error","kind":...}   kind config | unreachable | auth | topic | runtime; exit status 2 (1 for runtime)
 * </pre>
 *
 * <p>Each record value starts with the run id (8 bytes) and the record's sequence number (8 bytes),
 * so the consumer counts exactly this run's records. While the producer runs, a second consumer
 * assigned to every partition reads along and measures end-to-end latency from each record's
 * timestamp (set at send); after the producer phase, the consumer phase reads the same records
 * again from their first offset through the consumer group, as a backlog, for throughput and the
 * count check.
 */
public final class LoadTest {
  private static final String PROVIDERS = "config.providers";
  private static final long PROGRESS_INTERVAL_MS = 250;
  private static final int HEADER_BYTES = 16;

  /** A failure the user can act on: printed as one error line, exit status 2. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final String kind;

    Failure(String kind, String message) {
      super(message);
      this.kind = kind;
    }
  }

  private final Map<String, String> options;
  private final Map<String, String> producerProps;
  private final Map<String, String> consumerProps;
  private final Map<String, String> adminProps;
  private final String topic;
  private final int records;
  private final int recordSize;
  private final double throughput;
  private final long runId;
  private final long connectTimeoutMs;
  private final long idleTimeoutMs;
  private final int transactionRecords;

  private volatile String phase = "connect";
  private final AtomicLong phaseDone = new AtomicLong();
  private volatile long phaseTotal;
  private volatile long phaseStartNanos = System.nanoTime();

  private LoadTest(Map<String, String> options) throws Failure, IOException {
    this.options = options;
    this.producerProps = readProperties(require("producer-config"));
    this.consumerProps = readProperties(require("consumer-config"));
    this.adminProps = readProperties(require("admin-config"));
    this.topic = require("topic");
    this.records = (int) number("records", 100000, 1, Integer.MAX_VALUE - 1);
    this.recordSize = (int) number("record-size", 1024, HEADER_BYTES, Integer.MAX_VALUE);
    this.throughput = Double.parseDouble(options.getOrDefault("throughput", "-1"));
    this.runId = Long.parseUnsignedLong(require("run-id"), 16);
    this.connectTimeoutMs = number("connect-timeout-ms", 30000, 1, Long.MAX_VALUE);
    this.idleTimeoutMs = number("idle-timeout-ms", 30000, 1, Long.MAX_VALUE);
    this.transactionRecords = (int) number("transaction-records", 1000, 1, Integer.MAX_VALUE);
  }

  public static void main(String[] args) {
    int status;
    try {
      new LoadTest(parseArgs(args)).run();
      status = 0;
    } catch (Failure f) {
      emit(Json.object().put("type", "error").put("kind", f.kind).put("message", f.getMessage()));
      status = 2;
    } catch (Throwable t) {
      emit(Json.object().put("type", "error").put("kind", "runtime").put("message", describe(t)));
      status = 1;
    }
    System.out.flush();
    // Client threads (a consumer's heartbeat, the producer's sender) must not keep the JVM alive.
    System.exit(status);
  }

  private void run() throws Exception {
    String clientVersion = AppInfoParser.getVersion();
    emit(Json.object()
        .put("type", "info")
        .put("kafkaClientVersion", clientVersion)
        .put("javaVersion", System.getProperty("java.version"))
        .put("javaVendor", System.getProperty("java.vendor"))
        .put("host", hostName()));
    applyOverrides(clientVersion);
    checkNames("producer", producerProps, ProducerConfig.configNames(), clientVersion);
    checkNames("consumer", consumerProps, ConsumerConfig.configNames(), clientVersion);
    checkNames("admin client", adminProps, AdminClientConfig.configNames(), clientVersion);
    checkValues();

    Thread progress = new Thread(this::progressLoop, "loadtest-progress");
    progress.setDaemon(true);
    progress.start();

    try (Admin admin = connect()) {
      List<TopicPartition> partitions = prepareTopic(admin);
      Map<TopicPartition, Long> start = latestOffsets(admin, partitions);

      TailReader tail = new TailReader(partitions, start);
      Thread tailThread = new Thread(tail, "loadtest-tail-reader");
      tailThread.setDaemon(true);
      tailThread.start();
      if (!tail.ready.await(connectTimeoutMs, TimeUnit.MILLISECONDS) || tail.failure.get() != null) {
        Throwable f = tail.failure.get();
        throw f != null ? classify("consumer", f) : new Failure("unreachable", "the consumer did not reach the topic within " + connectTimeoutMs / 1000 + " s");
      }

      BitSet acked = produce(tail);
      tailThread.join(idleTimeoutMs + 10000);
      consume(partitions, start, acked, tail);
    }
    emit(Json.object().put("type", "done"));
  }

  // ---------------------------------------------------------------------------------------------
  // Configuration

  /** Adds each --overrides key to every client that defines it; a key no client defines fails. */
  private void applyOverrides(String clientVersion) throws Failure, IOException {
    String file = options.get("overrides");
    Json applied = Json.object().put("type", "overrides");
    List<String> producer = new ArrayList<>();
    List<String> consumer = new ArrayList<>();
    List<String> admin = new ArrayList<>();
    if (file != null) {
      for (Map.Entry<String, String> e : readProperties(file).entrySet()) {
        String key = e.getKey();
        boolean any = false;
        if (known(key, ProducerConfig.configNames())) {
          producerProps.put(key, e.getValue());
          producer.add(key);
          any = true;
        }
        if (known(key, ConsumerConfig.configNames())) {
          consumerProps.put(key, e.getValue());
          consumer.add(key);
          any = true;
        }
        if (known(key, AdminClientConfig.configNames())) {
          adminProps.put(key, e.getValue());
          admin.add(key);
          any = true;
        }
        if (!any) {
          throw new Failure("config", "property " + key + " is not a producer, consumer or admin client setting of Kafka client " + clientVersion);
        }
      }
    }
    emit(applied.put("producer", Json.array(producer)).put("consumer", Json.array(consumer)).put("admin", Json.array(admin)));
  }

  /** config.providers and its sub-keys are read by every client, outside its ConfigDef. */
  private static boolean known(String key, Set<String> names) {
    return names.contains(key) || key.equals(PROVIDERS) || key.startsWith(PROVIDERS + ".");
  }

  private static void checkNames(String client, Map<String, String> props, Set<String> names, String version) throws Failure {
    List<String> unknown = new ArrayList<>();
    for (String key : props.keySet()) {
      if (!known(key, names)) unknown.add(key);
    }
    if (!unknown.isEmpty()) {
      throw new Failure("config", "unknown " + client + " propert" + (unknown.size() == 1 ? "y " : "ies ") + String.join(", ", unknown) + " (not defined by Kafka client " + version + ")");
    }
  }

  /** Kafka's own validation of every value, before anything connects. */
  private void checkValues() throws Failure {
    try {
      new ProducerConfig(withSerdes(producerProps, true));
    } catch (ConfigException e) {
      throw new Failure("config", "producer: " + firstLine(e.getMessage()));
    }
    try {
      new ConsumerConfig(withSerdes(consumerProps, false));
    } catch (ConfigException e) {
      throw new Failure("config", "consumer: " + firstLine(e.getMessage()));
    }
    try {
      new AdminClientConfig(new HashMap<>(adminProps));
    } catch (ConfigException e) {
      throw new Failure("config", "admin client: " + firstLine(e.getMessage()));
    }
  }

  private static Map<String, Object> withSerdes(Map<String, String> props, boolean producer) {
    Map<String, Object> map = new HashMap<>(props);
    if (producer) {
      map.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      map.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    } else {
      map.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
      map.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }
    return map;
  }

  private static Properties toProperties(Map<String, String> map) {
    Properties p = new Properties();
    p.putAll(map);
    return p;
  }

  // ---------------------------------------------------------------------------------------------
  // Cluster and topic

  private Admin connect() throws Failure {
    Admin admin;
    try {
      admin = Admin.create(toProperties(adminProps));
    } catch (KafkaException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) root = root.getCause();
      throw new Failure("unreachable", "cannot create a client for " + adminProps.get("bootstrap.servers") + ": " + describe(root));
    }
    try {
      DescribeClusterResult result = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) Math.min(Integer.MAX_VALUE, connectTimeoutMs)));
      Collection<Node> nodes = result.nodes().get();
      String clusterId = result.clusterId().get();
      List<Object> brokers = new ArrayList<>();
      for (Node n : nodes) brokers.add(Json.object().put("id", n.id()).put("host", n.host()).put("port", n.port()).put("rack", n.rack()));
      emit(Json.object().put("type", "cluster").put("clusterId", clusterId).put("brokers", Json.array(brokers)));
      return admin;
    } catch (ExecutionException | InterruptedException e) {
      admin.close(Duration.ofSeconds(2));
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      if (cause instanceof TimeoutException) {
        throw new Failure("unreachable", "no broker of " + adminProps.get("bootstrap.servers") + " answered within " + connectTimeoutMs / 1000 + " s (check the address, the port of the listener for this --auth, network access and security groups)");
      }
      throw classify("admin client", cause);
    }
  }

  private List<TopicPartition> prepareTopic(Admin admin) throws Exception {
    TopicDescription description = describeTopic(admin);
    boolean created = false;
    if (description == null) {
      if (!options.containsKey("create-topic")) {
        throw new Failure("topic", "topic " + topic + " does not exist (create it, or pass --create-topic with --partitions and --replication-factor)");
      }
      int partitions = (int) number("partitions", 0, 1, 100000);
      short rf = (short) number("replication-factor", 0, 1, Short.MAX_VALUE);
      NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), Optional.of(rf));
      if (options.containsKey("min-insync-replicas")) {
        newTopic.configs(Map.of("min.insync.replicas", options.get("min-insync-replicas")));
      }
      try {
        admin.createTopics(List.of(newTopic)).all().get(connectTimeoutMs, TimeUnit.MILLISECONDS);
        created = true;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          if (e.getCause() instanceof AuthorizationException) throw classify("admin client", e.getCause());
          throw new Failure("topic", "cannot create topic " + topic + " (" + partitions + " partitions, replication factor " + rf + "): " + describe(e.getCause()));
        }
      }
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(connectTimeoutMs);
      while (true) {
        description = describeTopic(admin);
        if (description != null && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) break;
        if (System.nanoTime() > deadline) throw new Failure("topic", "topic " + topic + " has partitions without a leader " + connectTimeoutMs / 1000 + " s after it was created");
        Thread.sleep(200);
      }
    }
    List<TopicPartition> partitions = new ArrayList<>();
    int minReplicas = Integer.MAX_VALUE;
    for (TopicPartitionInfo p : description.partitions()) {
      partitions.add(new TopicPartition(topic, p.partition()));
      minReplicas = Math.min(minReplicas, p.replicas().size());
    }
    Map<String, String> configs = topicConfigs(admin);
    emit(Json.object()
        .put("type", "topic")
        .put("name", topic)
        .put("created", created)
        .put("partitions", partitions.size())
        .put("replicationFactor", minReplicas)
        .put("minInsyncReplicas", configs.containsKey("min.insync.replicas") ? Integer.valueOf(configs.get("min.insync.replicas")) : null)
        .put("timestampType", configs.get("message.timestamp.type"))
        .put("configsError", configs.get("error")));
    return partitions;
  }

  private TopicDescription describeTopic(Admin admin) throws Exception {
    try {
      return admin.describeTopics(List.of(topic)).allTopicNames().get(connectTimeoutMs, TimeUnit.MILLISECONDS).get(topic);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) return null;
      throw classify("admin client", e.getCause());
    }
  }

  /**
   * min.insync.replicas and message.timestamp.type, or an "error" entry when they cannot be read
   * (an application principal may be denied DescribeConfigs). A topic created a moment ago may not
   * be known to every broker yet: retried a few times.
   */
  private Map<String, String> topicConfigs(Admin admin) throws InterruptedException {
    Map<String, String> out = new HashMap<>();
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    for (int attempt = 1; ; attempt++) {
      try {
        Config config = admin.describeConfigs(List.of(resource)).all().get(connectTimeoutMs, TimeUnit.MILLISECONDS).get(resource);
        for (String name : List.of("min.insync.replicas", "message.timestamp.type")) {
          ConfigEntry entry = config.get(name);
          if (entry != null && entry.value() != null) out.put(name, entry.value());
        }
        return out;
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof AuthorizationException || attempt == 5) {
          out.put("error", describe(cause));
          return out;
        }
        Thread.sleep(300L * attempt);
      }
    }
  }

  /**
   * The log end offset of every partition. Retried while metadata is still spreading (a topic
   * created a moment ago may be unknown to the leader of one of its partitions), within the
   * connect timeout.
   */
  private Map<TopicPartition, Long> latestOffsets(Admin admin, List<TopicPartition> partitions) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (TopicPartition tp : partitions) request.put(tp, OffsetSpec.latest());
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(connectTimeoutMs);
    for (int attempt = 1; ; attempt++) {
      try {
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(request).all().get(connectTimeoutMs, TimeUnit.MILLISECONDS).entrySet()) {
          out.put(e.getKey(), e.getValue().offset());
        }
        return out;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) throw classify("admin client", e.getCause());
        Thread.sleep(Math.min(1000, 100L * attempt));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Producer phase

  private BitSet produce(TailReader tail) throws Exception {
    boolean transactional = producerProps.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    BitSet acked = new BitSet(records);
    BitSet committed = new BitSet(records);
    LatencyHistogram ackLatency = new LatencyHistogram();
    AtomicLong errors = new AtomicLong();
    AtomicReference<Throwable> firstError = new AtomicReference<>();
    byte[] value = payload();
    long commits = 0;
    long aborts = 0;

    KafkaProducer<byte[], byte[]> producer;
    try {
      producer = new KafkaProducer<>(toProperties(producerProps), new ByteArraySerializer(), new ByteArraySerializer());
    } catch (KafkaException e) {
      throw new Failure("config", "producer: " + describe(e));
    }
    try {
      if (transactional) {
        try {
          producer.initTransactions();
        } catch (KafkaException e) {
          throw classify("producer", e);
        }
      }
      startPhase("produce", records);
      long start = System.nanoTime();
      long transactionStart = 0;
      for (int i = 0; i < records; i++) {
        if (throughput > 0) {
          long due = start + (long) (i * 1e9 / throughput);
          long wait = due - System.nanoTime();
          if (wait > 0) LockSupport.parkNanos(wait);
        }
        if (transactional && i % transactionRecords == 0) {
          producer.beginTransaction();
          transactionStart = i;
        }
        putLong(value, 8, i);
        final int seq = i;
        final long sentAt = System.nanoTime();
        try {
          producer.send(new ProducerRecord<>(topic, null, System.currentTimeMillis(), null, value), (metadata, exception) -> {
            long micros = (System.nanoTime() - sentAt) / 1000;
            if (exception == null) {
              synchronized (acked) {
                acked.set(seq);
                ackLatency.record(micros);
              }
              phaseDone.incrementAndGet();
            } else {
              errors.incrementAndGet();
              firstError.compareAndSet(null, exception);
            }
          });
        } catch (KafkaException e) {
          throw classify("producer", e);
        }
        if (transactional && ((i + 1) % transactionRecords == 0 || i == records - 1)) {
          try {
            producer.commitTransaction();
            commits++;
            synchronized (committed) {
              committed.set((int) transactionStart, i + 1);
            }
          } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw classify("producer", e);
          } catch (KafkaException e) {
            producer.abortTransaction();
            aborts++;
            firstError.compareAndSet(null, e);
          }
        }
        Throwable fatal = firstError.get();
        if (fatal instanceof AuthorizationException || fatal instanceof AuthenticationException) throw classify("producer", fatal);
      }
      producer.flush();
      long end = System.nanoTime();
      BitSet result;
      synchronized (acked) {
        result = (BitSet) acked.clone();
      }
      if (transactional) result.and(committed);
      long ackedCount = result.cardinality();
      tail.producerFinished(ackedCount);
      double seconds = (end - start) / 1e9;
      Json json = Json.object()
          .put("type", "producer")
          .put("records", records)
          .put("acknowledged", ackedCount)
          .put("errors", errors.get())
          .put("firstError", firstError.get() == null ? null : describe(firstError.get()))
          .put("durationMs", Math.round(seconds * 1000))
          .put("recordsPerSec", round(ackedCount / seconds))
          .put("mibPerSec", round2(ackedCount * (double) recordSize / seconds / (1024 * 1024)));
      synchronized (acked) {
        json.put("ackLatencyMs", ackLatency.toJsonMillis());
      }
      if (transactional) json.put("transactions", Json.object().put("committed", commits).put("aborted", aborts).put("recordsPerTransaction", transactionRecords));
      emit(json);
      return result;
    } finally {
      producer.close(Duration.ofSeconds(10));
    }
  }

  /** A fixed value: 16 header bytes, then letters and digits from a seeded generator. */
  private byte[] payload() {
    byte[] value = new byte[recordSize];
    putLong(value, 0, runId);
    byte[] alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);
    Random random = new Random(runId);
    for (int i = HEADER_BYTES; i < value.length; i++) value[i] = alphabet[random.nextInt(alphabet.length)];
    return value;
  }

  // ---------------------------------------------------------------------------------------------
  // End-to-end latency: a consumer that reads along while the producer runs

  private final class TailReader implements Runnable {
    final CountDownLatch ready = new CountDownLatch(1);
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final LatencyHistogram latency = new LatencyHistogram();
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> start;
    private volatile long expected = -1;
    private long seen;

    TailReader(List<TopicPartition> partitions, Map<TopicPartition, Long> start) {
      this.partitions = partitions;
      this.start = start;
    }

    void producerFinished(long acknowledged) {
      expected = acknowledged;
    }

    @Override
    public void run() {
      BitSet distinct = new BitSet(records);
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(toProperties(consumerProps), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        consumer.assign(partitions);
        for (TopicPartition tp : partitions) consumer.seek(tp, start.get(tp));
        for (TopicPartition tp : partitions) consumer.position(tp, Duration.ofMillis(connectTimeoutMs));
        ready.countDown();
        long lastNew = System.nanoTime();
        while (true) {
          ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
          long now = System.currentTimeMillis();
          for (ConsumerRecord<byte[], byte[]> r : batch) {
            int seq = sequence(r.value());
            if (seq < 0 || distinct.get(seq)) continue;
            distinct.set(seq);
            seen++;
            latency.record((now - r.timestamp()) * 1000);
            lastNew = System.nanoTime();
          }
          long target = expected;
          if (target >= 0 && (seen >= target || System.nanoTime() - lastNew > TimeUnit.SECONDS.toNanos(5))) break;
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      } finally {
        ready.countDown();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Consumer phase: the same records again, from their first offset, through the consumer group

  private void consume(List<TopicPartition> partitions, Map<TopicPartition, Long> start, BitSet acked, TailReader tail) throws Failure {
    long ackedCount = acked.cardinality();
    boolean manualCommit = "false".equalsIgnoreCase(consumerProps.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
    BitSet consumed = new BitSet(records);
    long distinct = 0;
    long consumedAcked = 0;
    long duplicates = 0;
    long unexpected = 0;
    long bytes = 0;
    long commits = 0;
    long[] assignedAt = {0};
    long lastNewAt = 0;
    startPhase("consume", ackedCount);
    long joinStart = System.nanoTime();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(toProperties(consumerProps), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
          if (!manualCommit || revoked.isEmpty()) return;
          try {
            consumer.commitSync();
          } catch (KafkaException e) {
            // A rebalance mid-run: the records are counted already; the next owner may re-read some.
          }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
          for (TopicPartition tp : assigned) {
            Long offset = start.get(tp);
            if (offset != null) consumer.seek(tp, offset);
          }
          if (assignedAt[0] == 0 && !assigned.isEmpty()) assignedAt[0] = System.nanoTime();
        }
      });
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofMillis(connectTimeoutMs));
      long lastProgress = System.nanoTime();
      long lastEndCheck = 0;
      while (consumedAcked < ackedCount) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
        long now = System.nanoTime();
        for (ConsumerRecord<byte[], byte[]> r : batch) {
          int seq = sequence(r.value());
          if (seq < 0) continue;
          if (consumed.get(seq)) {
            duplicates++;
            continue;
          }
          consumed.set(seq);
          distinct++;
          bytes += r.serializedValueSize();
          if (acked.get(seq)) {
            consumedAcked++;
            phaseDone.incrementAndGet();
          } else {
            unexpected++;
          }
          lastProgress = now;
          lastNewAt = now;
        }
        if (manualCommit && !batch.isEmpty()) {
          consumer.commitAsync();
          commits++;
        }
        if (now - lastProgress > TimeUnit.MILLISECONDS.toNanos(idleTimeoutMs)) break;
        if (now - lastEndCheck > TimeUnit.MILLISECONDS.toNanos(500) && consumer.assignment().size() == partitions.size()) {
          lastEndCheck = now;
          boolean atEnd = true;
          for (TopicPartition tp : partitions) atEnd &= consumer.position(tp) >= end.get(tp);
          if (atEnd) break;
        }
      }
      if (manualCommit) {
        consumer.commitSync(Duration.ofMillis(connectTimeoutMs));
        commits++;
      }
    } catch (KafkaException e) {
      throw classify("consumer", e);
    }
    long from = assignedAt[0] != 0 ? assignedAt[0] : joinStart;
    double seconds = lastNewAt > from ? (lastNewAt - from) / 1e9 : 0;
    BitSet missing = (BitSet) acked.clone();
    missing.andNot(consumed);
    List<Object> firstMissing = new ArrayList<>();
    for (int i = missing.nextSetBit(0); i >= 0 && firstMissing.size() < 10; i = missing.nextSetBit(i + 1)) firstMissing.add(i);
    emit(Json.object()
        .put("type", "consumer")
        .put("consumed", distinct)
        .put("consumedAcknowledged", consumedAcked)
        .put("missing", missing.cardinality())
        .put("firstMissing", Json.array(firstMissing))
        .put("duplicates", duplicates)
        .put("unacknowledgedConsumed", unexpected)
        .put("groupJoinMs", assignedAt[0] != 0 ? Math.round((assignedAt[0] - joinStart) / 1e6) : null)
        .put("durationMs", Math.round(seconds * 1000))
        .put("recordsPerSec", seconds > 0 ? round(distinct / seconds) : 0.0)
        .put("mibPerSec", seconds > 0 ? round2(bytes / seconds / (1024 * 1024)) : 0.0)
        .put("commits", manualCommit ? commits : null)
        .put("endToEndLatencyMs", tail.latency.toJsonMillis())
        .put("endToEndFailure", tail.failure.get() == null ? null : describe(tail.failure.get())));
  }

  /** The sequence number of a record of this run, or -1. */
  private int sequence(byte[] value) {
    if (value == null || value.length < HEADER_BYTES || getLong(value, 0) != runId) return -1;
    long seq = getLong(value, 8);
    return seq >= 0 && seq < records ? (int) seq : -1;
  }

  // ---------------------------------------------------------------------------------------------
  // Progress and output

  private void startPhase(String name, long total) {
    phaseDone.set(0);
    phaseTotal = total;
    phaseStartNanos = System.nanoTime();
    phase = name;
  }

  private void progressLoop() {
    while (true) {
      try {
        Thread.sleep(PROGRESS_INTERVAL_MS);
      } catch (InterruptedException e) {
        return;
      }
      String current = phase;
      if (current.equals("connect")) continue;
      emit(Json.object()
          .put("type", "progress")
          .put("phase", current)
          .put("done", phaseDone.get())
          .put("total", phaseTotal)
          .put("elapsedMs", (System.nanoTime() - phaseStartNanos) / 1000000));
    }
  }

  private static void emit(Json line) {
    String text = line.toString();
    synchronized (System.out) {
      System.out.println(text);
      System.out.flush();
    }
  }

  /** Authentication, TLS and authorization errors become user-facing failures; others stay runtime errors. */
  private static Failure classify(String client, Throwable t) {
    Throwable cause = t;
    while (cause instanceof ExecutionException || (cause instanceof KafkaException && cause.getCause() instanceof KafkaException)) {
      if (cause.getCause() == null) break;
      cause = cause.getCause();
    }
    if (cause instanceof SslAuthenticationException) return new Failure("auth", "TLS handshake failed: " + describe(cause));
    if (cause instanceof AuthenticationException) return new Failure("auth", "authentication failed: " + describe(cause));
    if (cause instanceof AuthorizationException) return new Failure("auth", "not authorized (" + client + "): " + describe(cause));
    if (cause instanceof TimeoutException) return new Failure("unreachable", client + " timed out: " + describe(cause));
    if (cause instanceof ConfigException) return new Failure("config", client + ": " + describe(cause));
    return new Failure("runtime", client + ": " + describe(cause));
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static void putLong(byte[] b, int at, long v) {
    for (int i = 7; i >= 0; i--) {
      b[at + i] = (byte) v;
      v >>>= 8;
    }
  }

  private static long getLong(byte[] b, int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) v = (v << 8) | (b[at + i] & 0xff);
    return v;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Arguments and files

  /** "--name value" pairs; a flag without a value is "true". */
  private static Map<String, String> parseArgs(String[] args) throws Failure {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) throw new Failure("config", "unexpected argument " + args[i]);
      String name = args[i].substring(2);
      boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
      out.put(name, hasValue ? args[++i] : "true");
    }
    return out;
  }

  private String require(String name) throws Failure {
    String v = options.get(name);
    if (v == null) throw new Failure("config", "missing --" + name);
    return v;
  }

  private long number(String name, long fallback, long min, long max) throws Failure {
    String raw = options.get(name);
    if (raw == null) {
      if (fallback >= min) return fallback;
      throw new Failure("config", "missing --" + name);
    }
    try {
      long v = Long.parseLong(raw);
      if (v < min || v > max) throw new Failure("config", "--" + name + " must be between " + min + " and " + max);
      return v;
    } catch (NumberFormatException e) {
      throw new Failure("config", "--" + name + " must be a whole number");
    }
  }

  /** A properties file. */
  private static Map<String, String> readProperties(String file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) out.put(key, p.getProperty(key));
    return out;
  }
}
