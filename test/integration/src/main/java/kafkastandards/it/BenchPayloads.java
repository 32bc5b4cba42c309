package kafkastandards.it;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import java.io.OutputStream;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.utils.ByteBufferOutputStream;

/**
 * Writes the benchmark's payload file: COUNT distinct records of exactly SIZE bytes, one per line,
 * shaped like JSON business events (fixed field names, random ids, amounts and words), so that
 * compression sees realistic structure instead of identical or random bytes.
 *
 *   BenchPayloads --out FILE [--count 10000] [--size 1024] [--seed 42]
 *
 * Prints "lz4-ratio R": uncompressed/compressed size of 128 KiB runs of random records from the
 * file, compressed with Kafka's lz4 codec (the THROUGHPUT profile's), an estimate of what a full
 * batch gains.
 */
public final class BenchPayloads {
  private static final String[] WORDS = {
    "order", "payment", "shipment", "refund", "invoice", "customer", "account", "priority", "standard", "express",
    "warehouse", "north", "south", "east", "west", "pending", "confirmed", "delivered", "cancelled", "returned",
    "discount", "voucher", "gift", "subscription", "renewal", "trial", "premium", "basic", "bundle", "single",
  };
  private static final String[] COUNTRIES = {"DE", "FR", "US", "GB", "NL", "ES", "IT", "SE", "PL", "JP"};
  private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "SEK", "PLN", "JPY"};
  private static final String[] TYPES = {"OrderPlaced", "OrderPaid", "OrderShipped", "OrderRefunded", "CartUpdated"};

  public static void main(String[] args) throws Exception {
    Cli cli = new Cli(args);
    int count = Integer.parseInt(cli.get("count", "10000"));
    int size = Integer.parseInt(cli.get("size", "1024"));
    SplittableRandom random = new SplittableRandom(cli.getLong("seed", 42));
    List<byte[]> records = new ArrayList<>(count);
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(cli.get("out")), StandardCharsets.US_ASCII)) {
      for (int i = 0; i < count; i++) {
        String r = record(random, size);
        records.add(r.getBytes(StandardCharsets.US_ASCII));
        w.write(r);
        w.write('\n');
      }
    }
    Compression lz4 = Compression.lz4().build();
    long raw = 0;
    long compressed = 0;
    for (int batch = 0; batch < 50; batch++) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      while (buf.size() < 128 * 1024) buf.writeBytes(records.get(random.nextInt(records.size())));
      byte[] in = buf.toByteArray();
      raw += in.length;
      ByteBufferOutputStream out = new ByteBufferOutputStream(in.length + 1024);
      try (OutputStream os = lz4.wrapForOutput(out, RecordBatch.CURRENT_MAGIC_VALUE)) {
        os.write(in);
      }
      compressed += out.position();
    }
    System.out.printf("lz4-ratio %.2f%n", (double) raw / compressed);
  }

  private static String record(SplittableRandom r, int size) {
    StringBuilder b = new StringBuilder(size);
    b.append("{\"type\":\"").append(TYPES[r.nextInt(TYPES.length)]).append('"');
    b.append(",\"eventId\":\"").append(hex(r, 8)).append('-').append(hex(r, 4)).append('-').append(hex(r, 4))
        .append('-').append(hex(r, 4)).append('-').append(hex(r, 12)).append('"');
    b.append(",\"ts\":").append(1_760_000_000_000L + r.nextLong(100_000_000_000L));
    b.append(",\"customer\":{\"id\":").append(r.nextInt(10_000_000)).append(",\"country\":\"")
        .append(COUNTRIES[r.nextInt(COUNTRIES.length)]).append("\",\"segment\":\"").append(WORDS[r.nextInt(WORDS.length)])
        .append("\"}");
    b.append(",\"currency\":\"").append(CURRENCIES[r.nextInt(CURRENCIES.length)]).append('"');
    b.append(",\"items\":[");
    int items = 1 + r.nextInt(4);
    for (int i = 0; i < items; i++) {
      if (i > 0) b.append(',');
      b.append("{\"sku\":\"SKU-").append(r.nextInt(1_000_000)).append("\",\"qty\":").append(1 + r.nextInt(9))
          .append(",\"price\":").append(r.nextInt(100_000) / 100.0).append('}');
    }
    b.append("],\"note\":\"");
    String tail = "\"}";
    while (b.length() < size - tail.length()) {
      String word = WORDS[r.nextInt(WORDS.length)];
      b.append(b.charAt(b.length() - 1) == '"' ? "" : " ").append(word);
    }
    b.setLength(size - tail.length());
    b.append(tail);
    return b.toString();
  }

  private static String hex(SplittableRandom r, int digits) {
    StringBuilder b = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) b.append(Character.forDigit(r.nextInt(16), 16));
    return b.toString();
  }
}
