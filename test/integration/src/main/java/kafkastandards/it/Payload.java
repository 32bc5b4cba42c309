package kafkastandards.it;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/** The continuity test's records: key = sequence number, value = 8-byte sequence + bytes derived from it. */
final class Payload {
  static final int SIZE = 512;

  static byte[] key(long seq) {
    return Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
  }

  static long seqOf(byte[] key) {
    return Long.parseLong(new String(key, StandardCharsets.US_ASCII));
  }

  static byte[] value(long seq) {
    byte[] v = new byte[SIZE];
    ByteBuffer.wrap(v).putLong(seq);
    SplittableRandom r = new SplittableRandom(seq * 0x9E3779B97F4A7C15L + 17);
    for (int i = 8; i < SIZE; i++) v[i] = (byte) r.nextInt(256);
    return v;
  }

  static boolean matches(long seq, byte[] value) {
    return value != null && Arrays.equals(value(seq), value);
  }

  private Payload() {}
}
