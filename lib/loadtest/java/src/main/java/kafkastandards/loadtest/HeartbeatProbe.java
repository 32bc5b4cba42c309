package kafkastandards.loadtest;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The heartbeat probe of a database → Kafka → sink pipeline (`kafka-standards probe`).
 *
 * <p>Every interval it sets {@code BEAT_ID} (its clock in epoch ms, strictly increasing) and
 * {@code BEAT_AT} on the pipeline's row of the heartbeat table and commits; then it watches the
 * heartbeat topic (manual assignment, no consumer group) for a record carrying that {@code BEAT_ID}
 * (as JSON text, an Avro or Protobuf varint, or 8 big-endian bytes) and queries the sink for the
 * newest {@code BEAT_ID} that arrived. Source lag runs from the commit to the record's timestamp in
 * Kafka, clamped to when the probe fetched it (so another host's clock can neither make it negative nor
 * larger than what the probe saw); end-to-end latency runs from the commit to the first sink query
 * that returns the heartbeat.
 *
 * <p>Each measurement is printed on stdout as one CloudWatch Embedded Metric Format line. While a
 * heartbeat is missing, each new heartbeat first reports the age of the oldest missing one
 * ({@code "Complete": false}), so a stalled pipeline shows a growing value, never a gap. With
 * {@code --prometheus-port}, {@code /metrics} serves the latest values as gauges.
 *
 * <p>Diagnostics go to stderr. Exit 2 when the first connection to the source, the sink or the
 * cluster fails; later failures are logged and retried on the next heartbeat.
 */
public final class HeartbeatProbe {
  private static final class Beat {
    final long id;
    final long committedAt;
    long seenInKafka = -1;
    long seenInSink = -1;
    boolean reported;

    Beat(long id, long committedAt) {
      this.id = id;
      this.committedAt = committedAt;
    }
  }

  private final Properties opts = new Properties();
  private final List<Driver> drivers = new ArrayList<>();
  private Connection source;
  private Connection sink;
  private KafkaConsumer<byte[], byte[]> consumer;
  private final Deque<Beat> beats = new ArrayDeque<>();
  private volatile double lastSourceLag = Double.NaN;
  private volatile double lastEndToEnd = Double.NaN;
  private long lastBeatId;

  private String opt(String name) {
    String v = opts.getProperty(name);
    if (v == null || v.isEmpty()) fail("--" + name + " is required");
    return v;
  }

  private long num(String name, long fallback) {
    String v = opts.getProperty(name);
    if (v == null) return fallback;
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      fail("--" + name + " " + v + " is not a whole number");
      return fallback;
    }
  }

  private static void fail(String message) {
    System.err.println("error: " + message);
    System.err.flush();
    System.exit(2);
  }

  private static void log(String message) {
    System.err.println("[probe] " + message);
  }

  private static Properties load(String file) {
    Properties p = new Properties();
    if (file == null) return p;
    try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      fail("cannot read " + file + ": " + e.getMessage());
    }
    return p;
  }

  private void loadDrivers() {
    String jars = opts.getProperty("driver-jars", "");
    List<URL> urls = new ArrayList<>();
    for (String jar : jars.split(File.pathSeparator)) {
      if (jar.isEmpty()) continue;
      File f = new File(jar);
      if (!f.isFile()) fail("--driver-jars: " + jar + " is not a file");
      try {
        urls.add(f.toURI().toURL());
      } catch (IOException e) {
        fail("--driver-jars: " + jar + ": " + e.getMessage());
      }
    }
    ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), HeartbeatProbe.class.getClassLoader());
    for (Driver d : ServiceLoader.load(Driver.class, loader)) drivers.add(d);
    drivers.addAll(Collections.list(DriverManager.getDrivers()));
  }

  private Connection connect(String url, Properties props, String what) throws SQLException {
    for (Driver d : drivers) {
      if (d.acceptsURL(url)) {
        Connection c = d.connect(url, props);
        if (c != null) return c;
      }
    }
    throw new SQLException("no JDBC driver for " + what + " URL " + url.replaceAll("(?i)password=[^;&]*", "password=***") + " (add its jar to --driver-jars)");
  }

  private void openSource() throws SQLException {
    if (source != null) return;
    source = connect(opt("source-url"), load(opts.getProperty("source-properties")), "source");
    source.setAutoCommit(false);
  }

  private void openSink() throws SQLException {
    if (sink != null) return;
    sink = connect(opt("sink-url"), load(opts.getProperty("sink-properties")), "sink");
    sink.setReadOnly(true);
    sink.setAutoCommit(true);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) return;
    try {
      c.close();
    } catch (Exception e) {
      // closing a broken connection
    }
  }

  private void openConsumer() {
    Properties p = load(opts.getProperty("command-config"));
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, opt("bootstrap-server"));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "kafka-standards-probe-" + opt("pipeline"));
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(num("timeout-ms", 30_000)));
    consumer = new KafkaConsumer<>(p);
    String topic = opt("topic");
    List<PartitionInfo> parts = consumer.partitionsFor(topic, Duration.ofMillis(num("timeout-ms", 30_000)));
    if (parts == null || parts.isEmpty()) fail("topic " + topic + " not found (or not described for this principal)");
    List<TopicPartition> tps = new ArrayList<>();
    for (PartitionInfo pi : parts) tps.add(new TopicPartition(topic, pi.partition()));
    consumer.assign(tps);
    consumer.seekToEnd(tps);
    for (TopicPartition tp : tps) consumer.position(tp);
  }

  /** Writes the next heartbeat and commits; returns it, or null when the write failed. */
  private Beat writeBeat() {
    long id = Math.max(System.currentTimeMillis(), lastBeatId + 1);
    // Quoted upper-case names: what Db2 stores for unquoted ones, and exact on any other database.
    String table = quoted(opt("source-table"));
    String pipeline = opt("pipeline");
    try {
      openSource();
      int n;
      try (PreparedStatement u =
          source.prepareStatement("UPDATE " + table + " SET \"BEAT_ID\" = ?, \"BEAT_AT\" = CURRENT_TIMESTAMP WHERE \"PIPELINE\" = ?")) {
        u.setLong(1, id);
        u.setString(2, pipeline);
        n = u.executeUpdate();
      }
      if (n == 0) {
        try (PreparedStatement i =
            source.prepareStatement("INSERT INTO " + table + " (\"PIPELINE\", \"BEAT_ID\", \"BEAT_AT\") VALUES (?, ?, CURRENT_TIMESTAMP)")) {
          i.setString(1, pipeline);
          i.setLong(2, id);
          i.executeUpdate();
        }
      }
      source.commit();
      lastBeatId = id;
      return new Beat(id, System.currentTimeMillis());
    } catch (SQLException e) {
      log("heartbeat " + id + " not written: " + e.getMessage());
      closeQuietly(source);
      source = null;
      return null;
    }
  }

  static String quoted(String qualified) {
    StringBuilder out = new StringBuilder();
    for (String part : qualified.split("\\.")) {
      if (out.length() > 0) out.append('.');
      out.append('"').append(part.toUpperCase(Locale.ROOT).replace("\"", "\"\"")).append('"');
    }
    return out.toString();
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    if (hay == null || needle.length == 0 || hay.length < needle.length) return false;
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return true;
    }
    return false;
  }

  private static byte[] varint(long v) {
    byte[] buf = new byte[10];
    int n = 0;
    while ((v & ~0x7FL) != 0) {
      buf[n++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[n++] = (byte) v;
    byte[] out = new byte[n];
    System.arraycopy(buf, 0, out, 0, n);
    return out;
  }

  /** The encodings a BEAT_ID can take in a record: JSON text, Avro (zig-zag) and Protobuf varints, int64 big-endian. */
  static byte[][] encodings(long id) {
    byte[] be = new byte[8];
    for (int i = 0; i < 8; i++) be[i] = (byte) (id >>> (56 - 8 * i));
    return new byte[][] {
      Long.toString(id).getBytes(StandardCharsets.US_ASCII), varint((id << 1) ^ (id >> 63)), varint(id), be
    };
  }

  static boolean carries(byte[] key, byte[] value, byte[] pipeline, long id) {
    if (!contains(key, pipeline) && !contains(value, pipeline)) return false;
    for (byte[] e : encodings(id)) if (contains(value, e)) return true;
    return false;
  }

  private void pollKafka(long timeoutMs) {
    byte[] pipeline = opt("pipeline").getBytes(StandardCharsets.UTF_8);
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(timeoutMs))) {
      long fetched = System.currentTimeMillis();
      // Newest first: an update event also carries the previous BEAT_ID in its before-image.
      Iterator<Beat> it = beats.descendingIterator();
      while (it.hasNext()) {
        Beat b = it.next();
        if (b.seenInKafka < 0 && carries(r.key(), r.value(), pipeline, b.id)) {
          // Arrival is the record's timestamp (written by the producer or the broker), not when this
          // consumer happened to fetch it; a timestamp outside [commit, fetch] (another clock) is clamped.
          long arrived = Math.max(b.committedAt, Math.min(fetched, r.timestamp()));
          for (Beat older : beats) {
            if (older.id > b.id) break;
            if (older.seenInKafka < 0) older.seenInKafka = Math.max(older.committedAt, arrived);
          }
          break;
        }
      }
    }
  }

  private void pollSink() {
    if (beats.stream().allMatch(b -> b.seenInSink >= 0)) return;
    try {
      openSink();
      long newest;
      try (PreparedStatement q = sink.prepareStatement(opt("sink-query"))) {
        q.setString(1, opt("pipeline"));
        try (ResultSet rs = q.executeQuery()) {
          newest = rs.next() ? rs.getLong(1) : 0;
        }
      }
      long now = System.currentTimeMillis();
      for (Beat b : beats) if (b.seenInSink < 0 && b.id <= newest) b.seenInSink = now;
    } catch (SQLException e) {
      log("sink query failed: " + e.getMessage());
      closeQuietly(sink);
      sink = null;
    }
  }

  private void emit(Beat b, boolean complete, long now) {
    double sourceLag = ((b.seenInKafka >= 0 ? b.seenInKafka : now) - b.committedAt) / 1000.0;
    double endToEnd = ((b.seenInSink >= 0 ? b.seenInSink : now) - b.committedAt) / 1000.0;
    lastSourceLag = sourceLag;
    lastEndToEnd = endToEnd;
    String ns = opts.getProperty("namespace", "KafkaStandards/Pipelines");
    String dim = opts.getProperty("dimension", "Pipeline");
    String src = opts.getProperty("source-metric", "SourceLagSeconds");
    String e2e = opts.getProperty("e2e-metric", "EndToEndLatencySeconds");
    Json metrics =
        Json.array(
            List.of(
                Json.object().put("Name", src).put("Unit", "Seconds"),
                Json.object().put("Name", e2e).put("Unit", "Seconds")));
    Json directive =
        Json.object()
            .put("Namespace", ns)
            .put("Dimensions", Json.array(List.of(Json.array(List.of(dim)))))
            .put("Metrics", metrics);
    Json line =
        Json.object()
            .put("_aws", Json.object().put("Timestamp", now).put("CloudWatchMetrics", Json.array(List.of(directive))))
            .put(dim, opt("pipeline"))
            .put(src, sourceLag)
            .put(e2e, endToEnd)
            .put("BeatId", b.id)
            .put("Complete", complete);
    System.out.println(line);
    System.out.flush();
  }

  private void startPrometheus() throws IOException {
    long port = num("prometheus-port", 0);
    if (port <= 0) return;
    String host = opts.getProperty("prometheus-host", "127.0.0.1");
    HttpServer server = HttpServer.create(new InetSocketAddress(host, (int) port), 0);
    String pipeline = opt("pipeline").replace("\\", "\\\\").replace("\"", "\\\"");
    String srcName = opts.getProperty("prometheus-source", "kafka_standards_pipeline_source_lag_seconds");
    String e2eName = opts.getProperty("prometheus-e2e", "kafka_standards_pipeline_end_to_end_latency_seconds");
    server.createContext(
        "/metrics",
        exchange -> {
          StringBuilder out = new StringBuilder();
          for (String[] g : new String[][] {{srcName, Double.toString(lastSourceLag)}, {e2eName, Double.toString(lastEndToEnd)}}) {
            if (g[1].equals("NaN")) continue;
            out.append("# TYPE ").append(g[0]).append(" gauge\n");
            out.append(g[0]).append("{pipeline=\"").append(pipeline).append("\"} ").append(g[1]).append('\n');
          }
          byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
          }
        });
    server.setExecutor(null);
    server.start();
    log("Prometheus metrics on http://" + host + ":" + port + "/metrics");
  }

  private void run() throws IOException {
    loadDrivers();
    try {
      openSource();
    } catch (SQLException e) {
      fail("cannot connect to the source database: " + e.getMessage());
    }
    try {
      openSink();
    } catch (SQLException e) {
      fail("cannot connect to the sink: " + e.getMessage());
    }
    try {
      openConsumer();
    } catch (RuntimeException e) {
      fail("cannot read topic " + opts.getProperty("topic") + ": " + e.getMessage());
    }
    startPrometheus();
    long interval = num("interval-ms", 60_000);
    long count = num("count", 0);
    long maxMs = num("max-s", 0) * 1000;
    long settleMs = num("settle-ms", interval);
    long sinkEvery = Math.max(200, Math.min(5_000, interval / 10));
    long started = System.currentTimeMillis();
    long nextBeat = started;
    long nextSink = started;
    long written = 0;
    long lastWrittenAt = started;
    for (;;) {
      long now = System.currentTimeMillis();
      if (maxMs > 0 && now - started >= maxMs) break;
      if (count > 0 && written >= count && (beats.stream().allMatch(b -> b.reported) || now - lastWrittenAt >= interval + settleMs)) break;
      if (now >= nextBeat && (count == 0 || written < count)) {
        // Before the next heartbeat: the oldest one still missing reports its age.
        Beat oldest = beats.peekFirst();
        if (oldest != null && !oldest.reported) emit(oldest, false, now);
        Beat b = writeBeat();
        if (b != null) beats.addLast(b);
        written++;
        lastWrittenAt = now;
        nextBeat += interval;
      }
      pollKafka(Math.max(1, Math.min(200, nextBeat - System.currentTimeMillis())));
      if (System.currentTimeMillis() >= nextSink) {
        pollSink();
        nextSink = System.currentTimeMillis() + sinkEvery;
      }
      while (!beats.isEmpty() && beats.peekFirst().seenInKafka >= 0 && beats.peekFirst().seenInSink >= 0) {
        Beat done = beats.pollFirst();
        emit(done, true, System.currentTimeMillis());
        done.reported = true;
      }
    }
    long now = System.currentTimeMillis();
    for (Beat b : beats) if (!b.reported) emit(b, false, now);
    closeQuietly(consumer);
    closeQuietly(source);
    closeQuietly(sink);
  }

  public static void main(String[] args) throws IOException {
    HeartbeatProbe probe = new HeartbeatProbe();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) fail("bad argument " + args[i]);
      probe.opts.setProperty(args[i].substring(2).toLowerCase(Locale.ROOT), args[i + 1]);
    }
    probe.run();
    System.out.flush();
    System.exit(0);
  }
}
