package kafkastandards.it;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces records 0..N-1 at a steady rate and logs every acknowledgement.
 *
 *   ContinuityProducer --bootstrap B --topic T --props FILE --records N --rate R --out DIR [--first S]
 *
 * Sequence numbers run from S (default 0) to S+N-1.
 *
 * DIR/acked.log   "seq partition offset" for every record the broker acknowledged
 * DIR/failed.log  "seq exception" for every record whose send failed
 * DIR/progress    acknowledged count, rewritten every 200 ms (the scripts poll it)
 * DIR/producer.summary  sent/acked/failed counts at the end
 */
public final class ContinuityProducer {
  public static void main(String[] args) throws Exception {
    Cli cli = new Cli(args);
    long records = cli.getLong("records", 60_000);
    long first = cli.getLong("first", 0);
    double rate = Double.parseDouble(cli.get("rate", "2000"));
    Path out = Path.of(cli.get("out"));
    Files.createDirectories(out);

    Properties props = new Properties();
    for (Map.Entry<String, String> e : Cli.readProperties(Path.of(cli.get("props"))).entrySet()) props.put(e.getKey(), e.getValue());
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cli.get("bootstrap"));
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "it-continuity-producer");

    AtomicLong acked = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long sent = 0;
    long start = System.nanoTime();
    try (BufferedWriter ackLog = Files.newBufferedWriter(out.resolve("acked.log"), StandardCharsets.US_ASCII);
        BufferedWriter failLog = Files.newBufferedWriter(out.resolve("failed.log"), StandardCharsets.US_ASCII);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      Thread progress = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          writeProgress(out, acked.get(), failed.get());
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "progress");
      progress.setDaemon(true);
      progress.start();

      String topic = cli.get("topic");
      for (long seq = 0; seq < records; seq++) {
        long due = start + (long) (seq * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        final long s = first + seq;
        producer.send(new ProducerRecord<>(topic, Payload.key(s), Payload.value(s)), (md, ex) -> {
          try {
            if (ex == null) {
              synchronized (ackLog) {
                ackLog.write(s + " " + md.partition() + " " + md.offset() + "\n");
              }
              acked.incrementAndGet();
            } else {
              synchronized (failLog) {
                failLog.write(s + " " + ex.getClass().getSimpleName() + "\n");
              }
              failed.incrementAndGet();
            }
          } catch (IOException io) {
            throw new RuntimeException(io);
          }
        });
        sent++;
      }
      producer.flush();
      progress.interrupt();
      producer.close(Duration.ofSeconds(150));
    }
    writeProgress(out, acked.get(), failed.get());
    String summary = "sent=" + sent + " acked=" + acked.get() + " failed=" + failed.get()
        + " seconds=" + String.format("%.1f", (System.nanoTime() - start) / 1e9);
    Files.writeString(out.resolve("producer.summary"), summary + "\n");
    System.out.println("producer: " + summary);
  }

  private static void writeProgress(Path out, long acked, long failed) {
    try {
      Path tmp = out.resolve("progress.tmp");
      Files.writeString(tmp, acked + " " + failed + "\n");
      Files.move(tmp, out.resolve("progress"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // progress is advisory
    }
  }
}
