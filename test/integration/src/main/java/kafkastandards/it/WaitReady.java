package kafkastandards.it;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.common.Node;

/**
 * Waits until the cluster has the expected number of live brokers and a KRaft quorum whose voters
 * have all caught up with the leader.
 *
 *   WaitReady --bootstrap HOST:PORT,... --brokers 3 [--timeout-s 120]
 */
public final class WaitReady {
  public static void main(String[] args) throws Exception {
    Cli cli = new Cli(args);
    int expected = Integer.parseInt(cli.get("brokers"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(cli.getLong("timeout-s", 120));
    String last = "no answer yet";
    try (Admin admin = Cli.admin(cli.get("bootstrap"))) {
      while (System.nanoTime() < deadline) {
        try {
          Collection<Node> nodes = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
          QuorumInfo quorum = admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS);
          long leaderEnd = quorum.voters().stream()
              .filter(v -> v.replicaId() == quorum.leaderId())
              .mapToLong(QuorumInfo.ReplicaState::logEndOffset)
              .findFirst()
              .orElse(-1);
          long behind = quorum.voters().stream().filter(v -> v.logEndOffset() + 50 < leaderEnd).count();
          last = nodes.size() + " live brokers, quorum leader " + quorum.leaderId() + ", "
              + quorum.voters().size() + " voters, " + behind + " behind";
          if (nodes.size() == expected && quorum.voters().size() == expected && quorum.leaderId() >= 0 && behind == 0) {
            System.out.println("ready: " + last);
            return;
          }
        } catch (Exception e) {
          last = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Cli.sleep(500);
      }
    }
    System.err.println("cluster not ready in time: " + last);
    System.exit(1);
  }
}
