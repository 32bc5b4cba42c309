package kafkastandards.it;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.tools.ProducerPerformance;

/**
 * Runs Apache Kafka's ProducerPerformance twice in one JVM: first a short unrecorded warm-up with
 * the same arguments but WARMUP records, then the measured run. Without it, the first second of a
 * run (class loading, JIT compilation, connections, metadata) dominates the tail latencies of a
 * short run. ProducerPerformance 3.9 has no warm-up option of its own.
 *
 *   WarmProducerPerformance WARMUP ProducerPerformance-arguments...
 */
public final class WarmProducerPerformance {
  public static void main(String[] args) throws Exception {
    long warmup = Long.parseLong(args[0]);
    String[] measured = Arrays.copyOfRange(args, 1, args.length);
    if (warmup > 0) {
      List<String> w = new ArrayList<>(Arrays.asList(measured));
      for (int i = 0; i + 1 < w.size(); i++) {
        if (w.get(i).equals("--num-records")) w.set(i + 1, Long.toString(warmup));
        if (w.get(i).equals("--transactional-id")) w.set(i + 1, w.get(i + 1) + "-warmup");
      }
      PrintStream out = System.out;
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      try {
        ProducerPerformance.main(w.toArray(new String[0]));
      } finally {
        System.setOut(out);
      }
      System.out.println("warm-up: " + warmup + " records sent");
    }
    ProducerPerformance.main(measured);
  }
}
