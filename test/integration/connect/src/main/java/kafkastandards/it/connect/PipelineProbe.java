package kafkastandards.it.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Probes of the end-to-end Connect check; each prints JSON on stdout.
 *
 * <pre>
 *   poison  --bootstrap B --topic T --key K --value V   (K empty: no key)
 *           one record the pipeline's converter cannot read, written straight to the topic
 *           (acks=all); prints its partition and offset
 *   sample  --bootstrap B --group G --topics T1,T2 --interval-ms 250 --stop-file F --max-s 300 --out FILE
 *           until F exists: the sink connector's consumer-group lag (end offset - committed, summed
 *           over the partitions of the topics), one JSON line per sample (the first is written
 *           before the command prints "sampling")
 *   records --bootstrap B --topic T --timeout-s 60 --min N
 *           every record of a topic from the beginning (waiting for at least N), with its headers
 *           (UTF-8) and its key and value (UTF-8)
 *   count   --bootstrap B --topics T1,T2
 *           records on each topic (end offset - start offset, summed over partitions)
 *   describe --bootstrap B --topics T1,T2
 *           partitions and the smallest replica count of each topic
 *   create-topics --bootstrap B --file F
 *           creates the topics of F (JSON: [{name, partitions, replicationFactor, config}]), deleting
 *           any that exist first, and waits until every partition has its replicas in sync
 *   tls-endpoint --port P --keystore F --storepass S --max-s N
 *           a TLS listener on 127.0.0.1:P with an untrusted (self-signed) certificate, standing for
 *           an unreachable Snowflake account: clients fail the handshake at once; stops after N s
 * </pre>
 */
public final class PipelineProbe {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PipelineProbe() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) throw new IllegalArgumentException("usage: poison|sample|records|count ...");
    Map<String, String> opt = options(Arrays.copyOfRange(args, 1, args.length));
    switch (args[0]) {
      case "poison" -> poison(opt);
      case "sample" -> sample(opt);
      case "records" -> records(opt);
      case "count" -> count(opt);
      case "tls-endpoint" -> tlsEndpoint(opt);
      case "create-topics" -> createTopics(opt);
      case "describe" -> describe(opt);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }

  private static String need(Map<String, String> opt, String name) {
    String v = opt.get(name);
    if (v == null) throw new IllegalArgumentException("missing --" + name);
    return v;
  }

  private static Admin admin(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return Admin.create(p);
  }

  private static void poison(Map<String, String> opt) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, need(opt, "bootstrap"));
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      String key = need(opt, "key");
      RecordMetadata md = producer.send(new ProducerRecord<>(need(opt, "topic"),
          key.isEmpty() ? null : key.getBytes(StandardCharsets.UTF_8),
          need(opt, "value").getBytes(StandardCharsets.UTF_8))).get();
      ObjectNode o = JSON.createObjectNode();
      o.put("topic", md.topic());
      o.put("partition", md.partition());
      o.put("offset", md.offset());
      System.out.println(JSON.writeValueAsString(o));
    }
  }

  private static List<TopicPartition> partitions(Admin admin, List<String> topics) throws Exception {
    List<TopicPartition> out = new ArrayList<>();
    Map<String, TopicDescription> d = admin.describeTopics(topics).allTopicNames().get();
    for (TopicDescription t : d.values()) {
      t.partitions().forEach(pi -> out.add(new TopicPartition(t.name(), pi.partition())));
    }
    return out;
  }

  private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> tps, OffsetSpec spec)
      throws Exception {
    Map<TopicPartition, OffsetSpec> req = tps.stream().collect(Collectors.toMap(tp -> tp, tp -> spec));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> res = admin.listOffsets(req).all().get();
    Map<TopicPartition, Long> out = new HashMap<>();
    res.forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  private static void sample(Map<String, String> opt) throws Exception {
    String group = need(opt, "group");
    List<String> topics = Arrays.asList(need(opt, "topics").split(","));
    long intervalMs = Long.parseLong(opt.getOrDefault("interval-ms", "250"));
    long maxMs = Long.parseLong(opt.getOrDefault("max-s", "300")) * 1000;
    Path stop = Path.of(need(opt, "stop-file"));
    long start = System.currentTimeMillis();
    boolean announced = false;
    try (Admin admin = admin(need(opt, "bootstrap"));
        BufferedWriter out = Files.newBufferedWriter(Path.of(need(opt, "out")))) {
      List<TopicPartition> tps = partitions(admin, topics);
      while (!Files.exists(stop) && System.currentTimeMillis() - start < maxMs) {
        long t = System.currentTimeMillis();
        Map<TopicPartition, Long> end = offsets(admin, tps, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long sinkLag = 0;
        for (TopicPartition tp : tps) {
          OffsetAndMetadata c = committed.get(tp);
          long startOffset = c == null ? 0 : c.offset();
          sinkLag += Math.max(0, end.get(tp) - startOffset);
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("t", t);
        o.put("sinkLag", sinkLag);
        out.write(JSON.writeValueAsString(o));
        out.newLine();
        out.flush();
        if (!announced) {
          System.out.println("sampling");
          System.out.flush();
          announced = true;
        }
        long sleep = intervalMs - (System.currentTimeMillis() - t);
        if (sleep > 0) Thread.sleep(sleep);
      }
    }
  }

  private static void records(Map<String, String> opt) throws Exception {
    String topic = need(opt, "topic");
    long timeoutMs = Long.parseLong(opt.getOrDefault("timeout-s", "60")) * 1000;
    int min = Integer.parseInt(opt.getOrDefault("min", "0"));
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, need(opt, "bootstrap"));
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-connect-probe-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    ArrayNode out = JSON.createArrayNode();
    long deadline = System.currentTimeMillis() + timeoutMs;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long quietSince = -1;
      while (System.currentTimeMillis() < deadline) {
        int got = 0;
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          got++;
          ObjectNode o = out.addObject();
          o.put("partition", r.partition());
          o.put("offset", r.offset());
          o.put("timestamp", r.timestamp());
          o.put("key", r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
          o.put("value", r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8));
          ObjectNode h = o.putObject("headers");
          for (Header header : r.headers()) {
            h.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
          }
        }
        // Done once at least MIN records arrived and the topic has been quiet for 2 s.
        if (got > 0) quietSince = -1;
        else if (out.size() >= min && !consumer.assignment().isEmpty()) {
          if (quietSince < 0) quietSince = System.currentTimeMillis();
          else if (System.currentTimeMillis() - quietSince > 2000) break;
        }
      }
    }
    System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
    if (out.size() < min) System.exit(1);
  }

  private static void describe(Map<String, String> opt) throws Exception {
    List<String> topics = Arrays.asList(need(opt, "topics").split(","));
    try (Admin admin = admin(need(opt, "bootstrap"))) {
      ObjectNode o = JSON.createObjectNode();
      for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
        ObjectNode t = o.putObject(d.name());
        t.put("partitions", d.partitions().size());
        t.put("replicationFactor", d.partitions().stream().mapToInt(pi -> pi.replicas().size()).min().orElse(0));
      }
      System.out.println(JSON.writeValueAsString(o));
    }
  }

  private static void createTopics(Map<String, String> opt) throws Exception {
    com.fasterxml.jackson.databind.JsonNode specs = JSON.readTree(Files.readString(Path.of(need(opt, "file"))));
    List<org.apache.kafka.clients.admin.NewTopic> topics = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode t : specs) {
      Map<String, String> config = new HashMap<>();
      t.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
      topics.add(new org.apache.kafka.clients.admin.NewTopic(t.get("name").asText(), t.get("partitions").asInt(),
          (short) t.get("replicationFactor").asInt()).configs(config));
    }
    List<String> names = topics.stream().map(org.apache.kafka.clients.admin.NewTopic::name).collect(Collectors.toList());
    try (Admin admin = admin(need(opt, "bootstrap"))) {
      Set<String> existing = admin.listTopics().names().get();
      List<String> stale = names.stream().filter(existing::contains).collect(Collectors.toList());
      if (!stale.isEmpty()) {
        admin.deleteTopics(stale).all().get();
        long deadline = System.currentTimeMillis() + 60_000;
        while (admin.listTopics().names().get().stream().anyMatch(stale::contains)) {
          if (System.currentTimeMillis() > deadline) throw new IllegalStateException("topics not deleted: " + stale);
          Thread.sleep(200);
        }
      }
      admin.createTopics(topics).all().get();
      long deadline = System.currentTimeMillis() + 60_000;
      while (true) {
        boolean ready = true;
        try {
          for (TopicDescription d : admin.describeTopics(names).allTopicNames().get().values()) {
            for (org.apache.kafka.common.TopicPartitionInfo pi : d.partitions()) {
              if (pi.leader() == null || pi.isr().size() < pi.replicas().size()) ready = false;
            }
          }
        } catch (java.util.concurrent.ExecutionException e) {
          // Metadata of just-created topics reaches every broker shortly after.
          ready = false;
        }
        if (ready) break;
        if (System.currentTimeMillis() > deadline) throw new IllegalStateException("topics not in sync: " + names);
        Thread.sleep(200);
      }
      System.out.println(JSON.writeValueAsString(names));
    }
  }

  private static void tlsEndpoint(Map<String, String> opt) throws Exception {
    char[] pass = need(opt, "storepass").toCharArray();
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (java.io.InputStream in = Files.newInputStream(Path.of(need(opt, "keystore")))) {
      ks.load(in, pass);
    }
    javax.net.ssl.KeyManagerFactory kmf =
        javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pass);
    javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    long deadline = System.currentTimeMillis() + Long.parseLong(opt.getOrDefault("max-s", "600")) * 1000;
    try (javax.net.ssl.SSLServerSocket server = (javax.net.ssl.SSLServerSocket) ctx.getServerSocketFactory()
        .createServerSocket(Integer.parseInt(need(opt, "port")), 50, java.net.InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(1000);
      System.out.println("listening");
      System.out.flush();
      while (System.currentTimeMillis() < deadline) {
        java.net.Socket s;
        try {
          s = server.accept();
        } catch (java.net.SocketTimeoutException e) {
          continue;
        }
        Thread t = new Thread(() -> {
          try (java.net.Socket c = s) {
            c.setSoTimeout(5000);
            ((javax.net.ssl.SSLSocket) c).startHandshake();
          } catch (Exception e) {
            // The client refuses the certificate: that is the point.
          }
        });
        t.setDaemon(true);
        t.start();
      }
    }
  }

  private static void count(Map<String, String> opt) throws Exception {
    List<String> topics = Arrays.asList(need(opt, "topics").split(","));
    try (Admin admin = admin(need(opt, "bootstrap"))) {
      List<TopicPartition> tps = partitions(admin, topics);
      Map<TopicPartition, Long> end = offsets(admin, tps, OffsetSpec.latest());
      Map<TopicPartition, Long> begin = offsets(admin, tps, OffsetSpec.earliest());
      ObjectNode o = JSON.createObjectNode();
      Set<String> names = tps.stream().map(TopicPartition::topic).collect(Collectors.toSet());
      for (String name : names) {
        long n = 0;
        for (TopicPartition tp : tps) if (tp.topic().equals(name)) n += end.get(tp) - begin.get(tp);
        o.put(name, n);
      }
      System.out.println(JSON.writeValueAsString(o));
    }
  }
}
