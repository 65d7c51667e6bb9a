package org.mcalign.wvs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The reading pass's per-respondent records — weight, cell, four bits per candidate item — kept
 * in a temporary file instead of the heap, so the process's memory does not grow with
 * respondents × items (the real file's width makes that 200 MB). The file is unlinked as soon as
 * it is opened (Linux keeps it while the channel is open), so nothing is left behind even when
 * the process is killed. Records are appended once and read back in order.
 */
final class RowSpill implements AutoCloseable {
  /** Record layout: weight (double), cell (int), then the codes, two per byte. */
  static final int CODES_AT = 12;

  private static final int BUFFER = 1 << 20;

  final int recordBytes;
  private final Path file;
  private final FileChannel channel;
  private final byte[] buf;
  private final ByteBuffer view;
  private int used;
  private long records;

  RowSpill(int codeBytes) {
    this.recordBytes = CODES_AT + codeBytes;
    this.buf = new byte[Math.max(BUFFER, recordBytes)];
    this.view = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    try {
      this.file = Files.createTempFile("mcalign-wvs-rows-", ".bin");
      this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
          StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException e) {
      throw failure("create", e);
    }
  }

  /**
   * Starts a record and returns where its codes begin in {@link #buffer()}; the codes are zero
   * (missing) until set.
   */
  int append(double weight, int cell) {
    if (used + recordBytes > buf.length) flush();
    int at = used;
    view.putDouble(at, weight);
    view.putInt(at + 8, cell);
    used += recordBytes;
    records++;
    return at + CODES_AT;
  }

  byte[] buffer() {
    return buf;
  }

  long records() {
    return records;
  }

  /** Temp-file bytes written. */
  long bytes() {
    return records * recordBytes;
  }

  private void flush() {
    try {
      ByteBuffer b = ByteBuffer.wrap(buf, 0, used);
      while (b.hasRemaining()) channel.write(b);
    } catch (IOException e) {
      throw failure("write", e);
    }
    Arrays.fill(buf, 0, used, (byte) 0);
    used = 0;
  }

  /** Receives records in the order they were appended. */
  interface Visitor {
    /** {@code codes} starts at {@code at}: item i's code is {@code (b[at + i/2] >> 4*(i%2)) & 0xF}. */
    void record(long index, double weight, int cell, byte[] b, int at);
  }

  /** Reads every record back, in order; {@code source} names the data in the error when the file was released. */
  void forEach(String source, Visitor v) {
    if (!channel.isOpen()) {
      throw new IllegalStateException("the respondents' rows of " + source + " were released (GroundTruth.compute(Path)"
          + " releases them when it is done); to compute again, read the file with Microdata.read and compute from that");
    }
    if (used > 0) flush();
    try {
      long index = 0;
      long position = 0;
      long end = records * recordBytes;
      while (position < end) {
        int n = (int) Math.min(end - position, (buf.length / recordBytes) * (long) recordBytes);
        ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
        while (b.hasRemaining()) {
          if (channel.read(b, position + b.position()) < 0) throw new IOException("the file ended early");
        }
        for (int at = 0; at < n; at += recordBytes) v.record(index++, view.getDouble(at), view.getInt(at + 8), buf, at + CODES_AT);
        position += n;
      }
      Arrays.fill(buf, (byte) 0);
    } catch (IOException e) {
      throw failure("read", e);
    }
  }

  private UncheckedIOException failure(String what, IOException e) {
    return new UncheckedIOException("could not " + what + " the temporary row file " + (file == null ? "in " + tempFolder() : file)
        + " (" + e.getMessage() + "; give a writable folder with room for " + (bytes() >= (1 << 20) ? "more than " + bytes() / (1 << 20)
        + " MB" : "about 12 bytes per respondent plus half a byte per respondent and candidate item") + ": java -Djava.io.tmpdir=DIR -jar …)", e);
  }

  static String tempFolder() {
    return System.getProperty("java.io.tmpdir");
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw failure("close", e);
    }
  }
}
