package kafkastandards.it;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets of a disaster-recovery pair's two clusters, for dr.sh.
 *
 *   DrProbe end       --bootstrap B --topic T            "p0=o0 p1=o1 ... total=N" (end offsets)
 *   DrProbe committed --bootstrap B --topic T --group G  "p0=o0 ... total=N" (-1 for none)
 *   DrProbe describe  --bootstrap B --topic T            "partitions=P rf=R"
 *   DrProbe delete-group --bootstrap B --group G --topic T   deletes the group (absent: nothing to do)
 *   DrProbe watch     --a B1 --b B2 --topic T --out F [--interval-ms 200] [--max-s 120]
 *       appends "epochMillis totalEndA totalEndB" every interval until killed or max-s
 */
public final class DrProbe {
  public static void main(String[] args) throws Exception {
    Cli cli = new Cli(args);
    String topic = cli.get("topic");
    switch (cli.positional.get(0)) {
      case "end":
        try (Admin admin = admin(cli.get("bootstrap"))) {
          System.out.println(format(ends(admin, topic)));
        }
        break;
      case "committed":
        try (Admin admin = admin(cli.get("bootstrap"))) {
          Map<TopicPartition, OffsetAndMetadata> c = admin.listConsumerGroupOffsets(cli.get("group"))
              .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
          Map<Integer, Long> out = new TreeMap<>();
          for (TopicPartition tp : partitions(admin, topic)) {
            OffsetAndMetadata om = c.get(tp);
            out.put(tp.partition(), om == null ? -1 : om.offset());
          }
          System.out.println(format(out));
        }
        break;
      case "describe":
        try (Admin admin = admin(cli.get("bootstrap"))) {
          TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
          System.out.println("partitions=" + d.partitions().size() + " rf=" + d.partitions().get(0).replicas().size());
        }
        break;
      case "delete-group":
        try (Admin admin = admin(cli.get("bootstrap"))) {
          try {
            admin.deleteConsumerGroups(List.of(cli.get("group"))).all().get(30, TimeUnit.SECONDS);
          } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) throw e;
          }
        }
        break;
      case "watch": {
        long interval = cli.getLong("interval-ms", 200);
        long deadline = System.currentTimeMillis() + cli.getLong("max-s", 120) * 1000;
        try (Admin a = admin(cli.get("a"));
            Admin b = admin(cli.get("b"));
            BufferedWriter w = Files.newBufferedWriter(Path.of(cli.get("out")), StandardCharsets.US_ASCII)) {
          while (System.currentTimeMillis() < deadline) {
            long now = System.currentTimeMillis();
            long ea;
            long eb;
            try {
              // The copy first, then the source: the difference can only overstate the lag at the first
              // read (records written in between count as lag), never go below it.
              eb = total(ends(b, topic));
              ea = total(ends(a, topic));
            } catch (Exception e) {
              // one side unreachable (a killed primary): the watch ends with the last good sample
              break;
            }
            w.write(now + " " + ea + " " + eb + "\n");
            w.flush();
            Thread.sleep(interval);
          }
        }
        break;
      }
      default:
        throw new IllegalArgumentException("unknown command " + cli.positional.get(0));
    }
  }

  private static Admin admin(String bootstrap) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("request.timeout.ms", "3000");
    p.put("default.api.timeout.ms", "5000");
    return Admin.create(p);
  }

  private static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
    TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
    return d.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
  }

  private static Map<Integer, Long> ends(Admin admin, String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> spec = partitions(admin, topic).stream()
        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r = admin.listOffsets(spec).all().get(5, TimeUnit.SECONDS);
    Map<Integer, Long> out = new TreeMap<>();
    r.forEach((tp, info) -> out.put(tp.partition(), info.offset()));
    return out;
  }

  private static long total(Map<Integer, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).filter(v -> v > 0).sum();
  }

  private static String format(Map<Integer, Long> m) {
    StringBuilder b = new StringBuilder();
    m.forEach((p, o) -> b.append('p').append(p).append('=').append(o).append(' '));
    return b.append("total=").append(total(m)).toString();
  }
}
