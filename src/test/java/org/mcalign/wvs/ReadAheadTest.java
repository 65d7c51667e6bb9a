package org.mcalign.wvs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadAheadTest {
  /** Every byte in order, and the checksums of all of them, whatever the sizes of the reads. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, ReadAhead.BLOCK - 1, ReadAhead.BLOCK, ReadAhead.BLOCK + 1, 5 * ReadAhead.BLOCK + 12345})
  void readsEveryByteAndTakesTheirChecksums(int size) throws Exception {
    byte[] data = new byte[size];
    new SplittableRandom(size).nextBytes(data);
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    SplittableRandom lengths = new SplittableRandom(7);
    try (ReadAhead in = new ReadAhead(new ByteArrayInputStream(data), "data")) {
      byte[] buf = new byte[70_000];
      while (true) {
        if (lengths.nextInt(4) == 0) { // the single-byte read too
          int one = in.read();
          if (one < 0) break;
          got.write(one);
          continue;
        }
        int n = in.read(buf, 3, 1 + lengths.nextInt(buf.length - 3));
        if (n < 0) break;
        got.write(buf, 3, n);
      }
      assertEquals(-1, in.read(buf, 0, 10), "the end stays the end");
      assertArrayEquals(data, got.toByteArray());
      assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)), in.sha256());
      CRC32C crc = new CRC32C();
      crc.update(data);
      assertEquals(crc.getValue(), in.crc32c());
    }
  }

  @Test
  void aReadErrorComesAfterTheBytesBeforeIt() throws Exception {
    byte[] data = new byte[ReadAhead.BLOCK + 100];
    try (ReadAhead in = new ReadAhead(failingAfter(data), "data")) {
      assertEquals(data.length, in.readNBytes(data.length).length);
      IOException e = assertThrows(IOException.class, () -> in.read(new byte[10], 0, 10));
      assertEquals("disk on fire", e.getMessage());
      assertThrows(IllegalStateException.class, in::sha256, "no checksum of a stream not read to its end");
    }
  }

  /** A stream of {@code data} whose next read after them fails ("disk on fire"). */
  static InputStream failingAfter(byte[] data) {
    return new InputStream() {
      int at;

      @Override
      public int read() throws IOException {
        if (at == data.length) throw new IOException("disk on fire");
        return data[at++];
      }
    };
  }

  @Test
  void closingBeforeTheEndStopsTheThread() throws Exception {
    byte[] data = new byte[10 * ReadAhead.BLOCK];
    ReadAhead in = new ReadAhead(new ByteArrayInputStream(data), "closing-test");
    assertEquals(100, in.read(new byte[100], 0, 100));
    in.close();
    boolean alive = Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("read-ahead closing-test"));
    assertFalse(alive, "the read-ahead thread outlives close()");
    assertThrows(IllegalStateException.class, in::crc32c);
    assertTrue(data.length > 0);
  }
}
