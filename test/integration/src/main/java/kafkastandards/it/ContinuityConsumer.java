package kafkastandards.it;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Consumes the continuity topic in a consumer group, committing after each processed poll.
 *
 *   ContinuityConsumer --bootstrap B --topic T --group G --props FILE --out FILE
 *                      (--max-records M | --until-end) [--timeout-s 180]
 *
 * --max-records stops after about M records (a processed poll is never cut);
 * --until-end stops once every partition is read up to the end offsets taken at start.
 * FILE gets "epochMillis partition offset seq payloadOk" per record; FILE.summary the counts
 * and the committed offsets at start and end.
 */
public final class ContinuityConsumer {
  public static void main(String[] args) throws Exception {
    Cli cli = new Cli(args);
    String topic = cli.get("topic");
    long maxRecords = cli.getLong("max-records", Long.MAX_VALUE);
    boolean untilEnd = cli.flag("until-end");
    long deadline = System.currentTimeMillis() + cli.getLong("timeout-s", 180) * 1000;
    Path out = Path.of(cli.get("out"));

    Properties props = new Properties();
    for (Map.Entry<String, String> e : Cli.readProperties(Path.of(cli.get("props"))).entrySet()) props.put(e.getKey(), e.getValue());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cli.get("bootstrap"));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, cli.get("group"));
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "it-continuity-consumer");
    props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");

    long count = 0;
    long bad = 0;
    boolean reachedGoal = false;
    StringBuilder summary = new StringBuilder();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
      Map<TopicPartition, OffsetAndMetadata> committedAtStart = consumer.committed(Set.copyOf(partitions), Duration.ofSeconds(30));
      summary.append("committedAtStart=").append(offsets(committedAtStart)).append('\n');
      Map<TopicPartition, Long> end = untilEnd ? consumer.endOffsets(partitions, Duration.ofSeconds(30)) : Map.of();
      if (untilEnd) summary.append("endOffsets=").append(end).append('\n');

      consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> parts) {}

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> parts) {
          System.out.println("consumer: assigned " + parts.size() + " partitions");
        }
      });
      while (System.currentTimeMillis() < deadline) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
        long now = System.currentTimeMillis();
        for (ConsumerRecord<byte[], byte[]> r : batch) {
          long seq = -1;
          boolean ok;
          try {
            seq = Payload.seqOf(r.key());
            ok = Payload.matches(seq, r.value());
          } catch (RuntimeException e) {
            ok = false;
          }
          if (!ok) bad++;
          w.write(now + " " + r.partition() + " " + r.offset() + " " + seq + " " + (ok ? 1 : 0) + "\n");
          count++;
        }
        if (!batch.isEmpty()) {
          w.flush();
          consumer.commitSync(Duration.ofSeconds(60));
        }
        if (count >= maxRecords) {
          reachedGoal = true;
          break;
        }
        if (untilEnd && !consumer.assignment().isEmpty() && consumer.assignment().size() == partitions.size()) {
          boolean done = true;
          for (TopicPartition tp : partitions) {
            if (consumer.position(tp, Duration.ofSeconds(30)) < end.get(tp)) done = false;
          }
          if (done) {
            reachedGoal = true;
            break;
          }
        }
      }
      Map<TopicPartition, OffsetAndMetadata> committedAtEnd = consumer.committed(Set.copyOf(partitions), Duration.ofSeconds(30));
      summary.append("committedAtEnd=").append(offsets(committedAtEnd)).append('\n');
    }
    summary.append("consumed=").append(count).append(" payloadMismatch=").append(bad)
        .append(" reachedGoal=").append(reachedGoal).append('\n');
    Files.writeString(Path.of(out + ".summary"), summary.toString());
    System.out.print("consumer: " + summary.toString().replace("\n", "\n          ").stripTrailing() + "\n");
    System.exit(reachedGoal ? 0 : 3);
  }

  private static String offsets(Map<TopicPartition, OffsetAndMetadata> m) {
    Map<Integer, Long> byPartition = new java.util.TreeMap<>();
    m.forEach((tp, om) -> byPartition.put(tp.partition(), om == null ? -1 : om.offset()));
    return byPartition.toString();
  }
}
