package kafkastandards.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares what the producer had acknowledged with what the consumers read.
 *
 *   ContinuityReport --label NAME --dir DIR --consumed FILE[,FILE...] --kill-ms T [--assert]
 *
 * DIR holds the producer's acked.log, failed.log and producer.summary. With --assert the run is
 * held to the durability claim: every acknowledged record consumed, byte for byte, once; without it
 * the counts are only reported.
 */
public final class ContinuityReport {
  private record Consumed(int run, long time, int partition, long offset, long seq, boolean ok) {}

  public static void main(String[] args) throws IOException {
    Cli cli = new Cli(args);
    String label = cli.get("label");
    Path dir = Path.of(cli.get("dir"));
    long killMs = cli.getLong("kill-ms", Long.MAX_VALUE);
    boolean assertSafe = cli.flag("assert");

    Map<Long, long[]> acked = new HashMap<>(); // seq -> {partition, offset}
    for (String line : Files.readAllLines(dir.resolve("acked.log"))) {
      String[] f = line.split(" ");
      acked.put(Long.parseLong(f[0]), new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
    }
    Set<Long> failed = new HashSet<>();
    for (String line : Files.readAllLines(dir.resolve("failed.log"))) failed.add(Long.parseLong(line.split(" ")[0]));

    String[] files = cli.get("consumed").split(",");
    Map<String, Consumed> byPosition = new HashMap<>();
    Map<Long, Set<String>> positionsOfSeq = new HashMap<>();
    long redelivered = 0;
    long consumedAfterKill = 0;
    List<Map<Integer, long[]>> rangePerRun = new ArrayList<>(); // partition -> {min, max} offset
    for (int run = 0; run < files.length; run++) {
      Map<Integer, long[]> ranges = new TreeMap<>();
      rangePerRun.add(ranges);
      for (String line : Files.readAllLines(Path.of(files[run]))) {
        String[] f = line.split(" ");
        Consumed c = new Consumed(run, Long.parseLong(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]),
            Long.parseLong(f[3]), f[4].equals("1"));
        String pos = c.partition() + "@" + c.offset();
        if (byPosition.putIfAbsent(pos, c) != null) redelivered++;
        positionsOfSeq.computeIfAbsent(c.seq(), k -> new HashSet<>()).add(pos);
        if (run == 0 && c.time() > killMs) consumedAfterKill++;
        long[] r = ranges.computeIfAbsent(c.partition(), k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
        r[0] = Math.min(r[0], c.offset());
        r[1] = Math.max(r[1], c.offset());
      }
    }

    long intact = 0, lost = 0, corrupted = 0, elsewhere = 0;
    List<Long> lostSample = new ArrayList<>();
    for (Map.Entry<Long, long[]> e : acked.entrySet()) {
      long seq = e.getKey();
      Consumed c = byPosition.get(e.getValue()[0] + "@" + e.getValue()[1]);
      if (c != null && c.seq() == seq && c.ok()) {
        intact++;
      } else if (c != null && c.seq() == seq) {
        corrupted++;
      } else if (positionsOfSeq.containsKey(seq)) {
        elsewhere++;
      } else {
        lost++;
        if (lostSample.size() < 10) lostSample.add(seq);
      }
    }
    long duplicated = positionsOfSeq.values().stream().filter(s -> s.size() > 1).count();
    long unackedPresent = failed.stream().filter(positionsOfSeq::containsKey).count();
    long badPayloads = byPosition.values().stream().filter(c -> !c.ok()).count();

    // Resumption: the second consumer run starts right after the first one's last record, per partition.
    List<String> resumeProblems = new ArrayList<>();
    if (rangePerRun.size() > 1) {
      for (Map.Entry<Integer, long[]> e : rangePerRun.get(0).entrySet()) {
        long[] next = rangePerRun.get(1).get(e.getKey());
        if (next != null && next[0] != e.getValue()[1] + 1) {
          resumeProblems.add("partition " + e.getKey() + ": first run ended at " + e.getValue()[1]
              + ", second began at " + next[0]);
        }
      }
    }

    String producerSummary = Files.readString(dir.resolve("producer.summary")).trim();
    String counts = String.format(
        "%s: %s | acknowledged=%d consumed=%d intact=%d lost=%d corrupted=%d at-other-offset=%d duplicated=%d redelivered=%d unacked-but-present=%d",
        label, producerSummary, acked.size(), byPosition.size(), intact, lost, corrupted, elsewhere, duplicated,
        redelivered, unackedPresent);
    Cli.info(counts);
    if (!lostSample.isEmpty()) Cli.info(label + ": first lost sequence numbers " + lostSample);
    Files.writeString(dir.resolve("report.txt"), counts + "\n");

    if (!assertSafe) return;
    boolean ok = true;
    ok &= check(label + ": every send was acknowledged through the broker failure (no delivery failure)",
        failed.isEmpty() && !acked.isEmpty(), failed.size() + " sends failed");
    ok &= check(label + ": zero acknowledged records lost", lost == 0, lost + " lost, e.g. " + lostSample);
    ok &= check(label + ": every acknowledged record consumed as produced (key, payload, partition, offset)",
        corrupted == 0 && elsewhere == 0 && badPayloads == 0,
        corrupted + " corrupted, " + elsewhere + " at another offset, " + badPayloads + " bad payloads");
    ok &= check(label + ": no record written twice (idempotent producer)", duplicated == 0, duplicated + " duplicated");
    ok &= check(label + ": consumer kept consuming after the broker was killed", consumedAfterKill > 0,
        "first consumer read nothing after the kill");
    ok &= check(label + ": restarted consumer resumed at its committed offsets (no gap, no re-delivery)",
        resumeProblems.isEmpty() && redelivered == 0 && rangePerRun.size() > 1,
        redelivered + " re-delivered; " + resumeProblems);
    System.exit(ok ? 0 : 1);
  }

  private static boolean check(String name, boolean condition, String why) {
    if (condition) Cli.pass(name);
    else Cli.fail(name, why);
    return condition;
  }
}
