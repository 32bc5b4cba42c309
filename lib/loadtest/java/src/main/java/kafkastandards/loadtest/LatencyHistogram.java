package kafkastandards.loadtest;

/**
 * Latency counts in microseconds: exact below 256 µs, above that in buckets that keep the 8 most
 * significant bits of the value (less than 0.8 % relative error). Percentiles report the top of
 * their bucket, never more than the largest value recorded. Not thread-safe: callers synchronize.
 */
final class LatencyHistogram {
  private static final int EXACT = 256;
  private static final int PER_OCTAVE = 128;
  private final long[] counts = new long[EXACT + 56 * PER_OCTAVE];
  private long total;
  private long sum;
  private long max;

  void record(long micros) {
    long v = Math.max(0, micros);
    counts[index(v)]++;
    total++;
    sum += v;
    if (v > max) max = v;
  }

  long count() {
    return total;
  }

  static int index(long v) {
    if (v < EXACT) return (int) v;
    int shift = 63 - Long.numberOfLeadingZeros(v) - 7;
    return EXACT + (shift - 1) * PER_OCTAVE + (int) ((v >>> shift) - PER_OCTAVE);
  }

  /** The largest value that falls into bucket {@code index}. */
  static long highest(int index) {
    if (index < EXACT) return index;
    int shift = (index - EXACT) / PER_OCTAVE + 1;
    long mantissa = (index - EXACT) % PER_OCTAVE + PER_OCTAVE;
    return (mantissa << shift) + (1L << shift) - 1;
  }

  /** The value at percentile {@code p} (0 < p <= 100), in microseconds. */
  long percentile(double p) {
    if (total == 0) return 0;
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) return Math.min(max, highest(i));
    }
    return max;
  }

  /** {"count","mean","p50","p99","p999","max"} in milliseconds. */
  Json toJsonMillis() {
    return Json.object()
        .put("count", total)
        .put("mean", total == 0 ? 0.0 : millis(Math.round((double) sum / total)))
        .put("p50", millis(percentile(50)))
        .put("p99", millis(percentile(99)))
        .put("p999", millis(percentile(99.9)))
        .put("max", millis(max));
  }

  private static double millis(long micros) {
    return Math.round(micros / 10.0) / 100.0;
  }
}
