package kafkastandards.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Topic chores for the scripts.
 *
 *   TopicTool create   --bootstrap B --topic T --partitions P --rf R [--config k=v ...]
 *                      (recreates T when it exists; returns once every replica is in sync)
 *   TopicTool delete   --bootstrap B --topic T
 *   TopicTool leader   --bootstrap B --topic T [--partition 0]     prints the leader's broker id
 *   TopicTool wait-isr --bootstrap B --topic T [--timeout-s 120]   waits until every replica is in sync
 */
public final class TopicTool {
  public static void main(String[] args) throws Exception {
    Cli cli = new Cli(args);
    String topic = cli.get("topic");
    try (Admin admin = Cli.admin(cli.get("bootstrap"))) {
      switch (cli.positional.get(0)) {
        case "create": {
          delete(admin, topic);
          Map<String, String> configs = new HashMap<>();
          for (String kv : cli.all("config")) {
            int eq = kv.indexOf('=');
            configs.put(kv.substring(0, eq), kv.substring(eq + 1));
          }
          NewTopic nt = new NewTopic(topic, Optional.of(Integer.parseInt(cli.get("partitions"))),
              Optional.of(Short.parseShort(cli.get("rf")))).configs(configs);
          for (int attempt = 1; ; attempt++) {
            try {
              admin.createTopics(List.of(nt)).all().get(30, TimeUnit.SECONDS);
              break;
            } catch (ExecutionException e) {
              // a topic deleted a moment ago can still be in the way
              if (attempt >= 20) throw e;
              Cli.sleep(500);
            }
          }
          waitFullIsr(admin, topic, 60_000);
          System.out.println("created " + topic + " " + configs);
          break;
        }
        case "delete":
          delete(admin, topic);
          break;
        case "leader": {
          int partition = Integer.parseInt(cli.get("partition", "0"));
          TopicDescription d = describe(admin, topic);
          System.out.println(d.partitions().get(partition).leader().id());
          break;
        }
        case "wait-isr": {
          TopicDescription d = waitFullIsr(admin, topic, cli.getLong("timeout-s", 120) * 1000);
          System.out.println("in sync: " + d.partitions().size() + " partitions of " + topic);
          break;
        }
        default:
          throw new IllegalArgumentException("unknown command " + cli.positional.get(0));
      }
    }
  }

  static TopicDescription describe(Admin admin, String topic) throws Exception {
    return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
  }

  /** Waits until every partition has a leader and all its replicas in the ISR. */
  static TopicDescription waitFullIsr(Admin admin, String topic, long timeoutMs) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    String last = "";
    while (true) {
      try {
        TopicDescription d = describe(admin, topic);
        boolean complete = true;
        for (TopicPartitionInfo p : d.partitions()) {
          if (p.leader() == null || p.leader().isEmpty() || p.isr().size() < p.replicas().size()) {
            complete = false;
            last = "partition " + p.partition() + " leader " + p.leader() + " isr " + p.isr().size() + "/" + p.replicas().size();
          }
        }
        if (complete) return d;
      } catch (ExecutionException e) {
        last = e.getCause().toString();
      }
      if (System.currentTimeMillis() > deadline) throw new IllegalStateException(topic + " not in sync in time: " + last);
      Cli.sleep(500);
    }
  }

  static void delete(Admin admin, String topic) throws Exception {
    try {
      admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) throw e;
      return;
    }
    long deadline = System.currentTimeMillis() + 30_000;
    while (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
      if (System.currentTimeMillis() > deadline) throw new IllegalStateException(topic + " still listed after deletion");
      Cli.sleep(200);
    }
  }
}
