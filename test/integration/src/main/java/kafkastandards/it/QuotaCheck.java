package kafkastandards.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces with an application's rendered producer file (as the application: its ${env:...}
 * references resolved from the environment) and measures what its byte-rate quota does to it.
 *
 *   QuotaCheck --props FILE --local LOCAL.properties --topic T [--seconds 25] [--warmup-s 5]
 *              [--record-size 10240] [--rate BYTES_PER_S] [--set KEY=VALUE ...] [--no-transactions]
 *              --out FILE.json
 *
 * Every record goes to partition 0, so all of them reach one broker: Kafka enforces
 * producer_byte_rate per broker. Values are random bytes (incompressible), so the bytes on the wire
 * are the bytes counted. Without --rate the producer sends as fast as it can; with it, paced to
 * that rate, never catching up more than 50 ms of lag at once. A transactional file
 * (transactional.id) commits a transaction every 200 ms, unless --no-transactions drops the id.
 *
 * FILE.json: acknowledged bytes and rate in the window [warmup, seconds] (by acknowledgement time),
 * and the producer's own throttle metrics (produce-throttle-time-max / -avg, the throttle times the
 * brokers returned), sampled every 500 ms: their maximum over the run, and the mean of the
 * per-sample averages in the window.
 */
public final class QuotaCheck {
  /** Bytes sent but not yet acknowledged, at most, when sending as fast as possible (well above rate x round trip). */
  private static final long MAX_OUTSTANDING = 4L * 1024 * 1024;

  public static void main(String[] args) throws Exception {
    Cli cli = new Cli(args);
    int seconds = (int) cli.getLong("seconds", 25);
    int warmup = (int) cli.getLong("warmup-s", 5);
    int recordSize = (int) cli.getLong("record-size", 10240);
    long rate = cli.getLong("rate", 0);
    String topic = cli.get("topic");
    Properties p = new Properties();
    p.putAll(Cli.readProperties(Path.of(cli.get("props"))));
    p.putAll(Cli.readProperties(Path.of(cli.get("local"))));
    // Load shaping only (batch.size, linger.ms): one partition must be able to outrun the quota.
    for (String kv : cli.all("set")) p.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
    // A quota binds the principal, whatever the producer does; commit pauses would blur the rate.
    if (cli.flag("no-transactions")) p.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    boolean transactional = p.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);

    AtomicLongArray bytesPerSecond = new AtomicLongArray(seconds + 60);
    AtomicLong acked = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    double throttleMax = 0;
    double throttleAvgSum = 0;
    int throttleAvgSamples = 0;
    SplittableRandom random = new SplittableRandom(42);
    long sent = 0;
    long start;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      if (transactional) producer.initTransactions();
      // Connect and fetch metadata before the clock starts.
      producer.partitionsFor(topic);
      start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      long nextSample = start;
      long nextCommit = start + 200_000_000L;
      if (transactional) producer.beginTransaction();
      final long t0 = start;
      long nextDue = start;
      while (System.nanoTime() < end) {
        if (rate > 0) {
          // Paced, without catching up more than 50 ms of lag in a burst (a stalled send loop must
          // not turn into a rate above the offered one).
          long now = System.nanoTime();
          nextDue = Math.max(nextDue, now - 50_000_000L);
          long wait = nextDue - now;
          if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          nextDue += (long) (recordSize * 1e9 / rate);
        } else if ((sent - acked.get() - failed.get()) * recordSize > MAX_OUTSTANDING) {
          // Saturate without filling buffer.memory: what is buffered at the end is not measured.
          Thread.sleep(1);
          continue;
        }
        byte[] value = new byte[recordSize];
        random.nextBytes(value);
        producer.send(new ProducerRecord<>(topic, 0, null, value), (md, ex) -> {
          if (ex != null) {
            failed.incrementAndGet();
            return;
          }
          acked.incrementAndGet();
          int s = (int) ((System.nanoTime() - t0) / 1_000_000_000L);
          if (s < bytesPerSecond.length()) bytesPerSecond.addAndGet(s, recordSize);
        });
        sent++;
        long now = System.nanoTime();
        if (transactional && now >= nextCommit) {
          producer.commitTransaction();
          producer.beginTransaction();
          nextCommit = now + 200_000_000L;
        }
        if (now >= nextSample) {
          double max = metric(producer.metrics(), "produce-throttle-time-max");
          double avg = metric(producer.metrics(), "produce-throttle-time-avg");
          if (!Double.isNaN(max)) throttleMax = Math.max(throttleMax, max);
          if (!Double.isNaN(avg) && now - start >= warmup * 1_000_000_000L) {
            throttleAvgSum += avg;
            throttleAvgSamples++;
          }
          nextSample = now + 500_000_000L;
        }
      }
      if (transactional) producer.commitTransaction();
      producer.flush();
      double max = metric(producer.metrics(), "produce-throttle-time-max");
      if (!Double.isNaN(max)) throttleMax = Math.max(throttleMax, max);
      producer.close(Duration.ofSeconds(30));
    }
    long windowBytes = 0;
    for (int s = warmup; s < seconds; s++) windowBytes += bytesPerSecond.get(s);
    int window = seconds - warmup;
    double windowRate = windowBytes / (double) window;
    StringBuilder perSecond = new StringBuilder();
    for (int s = 0; s < seconds; s++) perSecond.append(s == 0 ? "" : ",").append(bytesPerSecond.get(s));
    String json = String.format(java.util.Locale.ROOT,
        "{\"perSecondBytes\":[" + perSecond + "],\"topic\":%s,\"partition\":0,\"recordSize\":%d,\"targetRate\":%d,\"transactional\":%b,\"sent\":%d,\"acked\":%d,"
            + "\"failed\":%d,\"windowS\":%d,\"windowBytes\":%d,\"windowRate\":%.0f,\"throttleMaxMs\":%.1f,\"throttleAvgMs\":%.1f}",
        AccessMatrix.quote(topic), recordSize, rate, transactional, sent, acked.get(), failed.get(), window, windowBytes,
        windowRate, throttleMax, throttleAvgSamples == 0 ? 0.0 : throttleAvgSum / throttleAvgSamples);
    Files.writeString(Path.of(cli.get("out")), json + "\n");
    System.out.println(json);
    System.exit(failed.get() == 0 ? 0 : 1);
  }

  private static double metric(Map<MetricName, ? extends Metric> metrics, String name) {
    for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
      if (e.getKey().name().equals(name) && e.getKey().group().equals("producer-metrics")) {
        Object v = e.getValue().metricValue();
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
      }
    }
    return Double.NaN;
  }
}
