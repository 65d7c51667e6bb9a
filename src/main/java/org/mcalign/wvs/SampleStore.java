package org.mcalign.wvs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the self-consistency draws read: per tested country, its respondents in file order, as
 * their weights and two bits per respondent and kept item (0 missing, 1 pro, 2 con). The draws
 * reject positions without a valid answer as they go, so which respondents they read is known
 * only while drawing; this store is the least that reproduces them exactly.
 *
 * <p>A country's block is laid out by column: the weights (8 bytes each, little-endian), then
 * for each kept item its classes, four respondents to a byte. A draw reads one item of one
 * random respondent: in a column of a few kilobytes, not a record anywhere in the country's
 * block (the row layout this replaced spent about twice as long per draw, most of it waiting
 * for memory).
 *
 * <p>Countries are held in memory while all of them fit in {@code budget} bytes; otherwise they
 * stay in a temporary file and each country is read when its groups draw (once per round, as the
 * groups are drawn country after country), so memory is bounded by the budget or the largest
 * country, whatever the file's size.
 */
final class SampleStore implements AutoCloseable {
  private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int WEIGHT_BYTES = 8;
  static final int MISSING = 0;
  static final int PRO = 1;
  static final int CON = 2;

  final int recordBytes; // of a respondent's row as written to the spill before it is turned into columns
  private final int columns;
  private final int[] respondents; // per slot
  private final long[] offsets; // per slot, in the spill file (column layout)
  private final byte[][] blocks; // per slot when in memory
  private final FileChannel spill; // null when in memory
  private byte[] loaded; // the country read last from the spill
  private int loadedSlot = -1;
  long loads; // countries read from the spill (for tests and benchmarks)

  /**
   * @param slotOfCountry tested country's slot, -1 for other countries
   * @param respondents respondents per slot
   * @param kept kept item indices (the store's columns, in this order)
   * @param budget the most bytes held in memory; a larger store goes to a temporary file
   */
  SampleStore(Microdata data, int[] slotOfCountry, int[] respondents, int[] kept, long budget) {
    this.recordBytes = WEIGHT_BYTES + (kept.length + 3) / 4;
    this.columns = kept.length;
    this.respondents = respondents.clone();
    int slots = respondents.length;
    this.offsets = new long[slots + 1];
    for (int s = 0; s < slots; s++) offsets[s + 1] = offsets[s] + bytesFor(respondents[s]);
    boolean inMemory = offsets[slots] <= budget;
    this.blocks = new byte[slots][];
    this.spill = inMemory ? null : openSpill();
    // class of each (kept column, code): codes 1..11 of a kept item are valid answers
    byte[][] classOf = new byte[kept.length][Microdata.CODES];
    for (int t = 0; t < kept.length; t++) {
      String item = data.items[kept[t]];
      int max = (int) data.maxima[kept[t]];
      for (int code = 1; code <= max; code++) classOf[t][code] = (byte) (ProRule.isPro(item, max, code) ? PRO : CON);
    }
    if (inMemory) {
      // straight into each country's columns
      int[] filled = new int[slots];
      for (int s = 0; s < slots; s++) blocks[s] = new byte[Math.toIntExact(bytesFor(respondents[s]))];
      data.forEachRow((index, weight, cell, b, at) -> {
        int slot = slotOfCountry[data.cellKeys.get(cell)[0]];
        if (slot < 0) return;
        if (filled[slot] == respondents[slot]) throw new IllegalStateException("more respondents than counted in country slot " + slot);
        int pos = filled[slot]++;
        byte[] out = blocks[slot];
        DOUBLE.set(out, pos * WEIGHT_BYTES, weight);
        int stride = stride(respondents[slot]);
        int column = respondents[slot] * WEIGHT_BYTES + (pos >> 2);
        int shift = (pos & 3) << 1;
        for (int t = 0; t < kept.length; t++, column += stride) {
          int i = kept[t];
          int code = (b[at + (i >> 1)] >> ((i & 1) << 2)) & 0xF;
          out[column] |= (byte) (classOf[t][code] << shift);
        }
      });
      for (int s = 0; s < slots; s++) {
        if (filled[s] != respondents[s]) throw new IllegalStateException("country slot " + s + ": " + filled[s] + " of " + respondents[s] + " respondents");
      }
      return;
    }
    // too large for memory: rows into a staging file, then each country turned into columns
    try (FileChannel rows = openSpill()) {
      long[] rowOffsets = new long[slots + 1];
      for (int s = 0; s < slots; s++) rowOffsets[s + 1] = rowOffsets[s] + (long) respondents[s] * recordBytes;
      Writer w = new Writer(rows, rowOffsets);
      data.forEachRow((index, weight, cell, b, at) -> {
        int slot = slotOfCountry[data.cellKeys.get(cell)[0]];
        if (slot < 0) return;
        byte[] out = w.next(slot);
        int o = w.at;
        DOUBLE.set(out, o, weight);
        o += WEIGHT_BYTES;
        for (int t = 0; t < kept.length; t++) {
          int i = kept[t];
          int code = (b[at + (i >> 1)] >> ((i & 1) << 2)) & 0xF;
          out[o + (t >> 2)] |= (byte) (classOf[t][code] << ((t & 3) << 1));
        }
      });
      w.finish();
      byte[][] buffers = new byte[2][];
      for (int s = 0; s < slots; s++) toColumns(rows, rowOffsets[s], s, buffers);
    } catch (IOException e) {
      throw failure("write", e);
    }
  }

  /** Bytes of a country's block of n respondents: weights, then the columns. */
  private long bytesFor(int n) {
    return (long) n * WEIGHT_BYTES + (long) columns * stride(n);
  }

  private static int stride(int n) {
    return (n + 3) / 4;
  }

  /**
   * Reads a country's rows from the staging file and writes its block, by column, to the spill.
   * Each column byte (four respondents) is put together and written once; the two buffers are
   * kept for the next country (as large as the largest so far: one-off arrays of megabytes each
   * stayed on the heap until the collector's next cycle, and the peak RSS grew with them).
   */
  private void toColumns(FileChannel rows, long from, int slot, byte[][] buffers) throws IOException {
    int n = respondents[slot];
    int rowBytes = Math.multiplyExact(n, recordBytes);
    int outBytes = Math.toIntExact(bytesFor(n));
    if (buffers[0] == null || buffers[0].length < rowBytes) buffers[0] = new byte[rowBytes];
    if (buffers[1] == null || buffers[1].length < outBytes) buffers[1] = new byte[outBytes];
    byte[] row = buffers[0];
    byte[] out = buffers[1];
    readFully(rows, row, rowBytes, from);
    for (int pos = 0; pos < n; pos++) System.arraycopy(row, pos * recordBytes, out, pos * WEIGHT_BYTES, WEIGHT_BYTES);
    int stride = stride(n);
    for (int group = 0; group < stride; group++) { // respondents 4·group … 4·group + 3
      int first = group * 4;
      int count = Math.min(4, n - first);
      int column = n * WEIGHT_BYTES + group;
      for (int t = 0; t < columns; t++, column += stride) {
        int at = first * recordBytes + WEIGHT_BYTES + (t >> 2);
        int shift = (t & 3) << 1;
        int packed = 0;
        for (int k = 0; k < count; k++, at += recordBytes) packed |= ((row[at] >> shift) & 3) << (k << 1);
        out[column] = (byte) packed;
      }
    }
    ByteBuffer b = ByteBuffer.wrap(out, 0, outBytes);
    while (b.hasRemaining()) spill.write(b, offsets[slot] + b.position());
  }

  /** Reads {@code length} bytes at {@code position} into the start of {@code into}. */
  private static void readFully(FileChannel channel, byte[] into, int length, long position) throws IOException {
    // in pieces: the JDK reads through a temporary native buffer as large as each request
    for (int at = 0; at < length; ) {
      ByteBuffer b = ByteBuffer.wrap(into, at, Math.min(length - at, 1 << 20));
      while (b.hasRemaining()) {
        if (channel.read(b, position + b.position()) < 0) throw new IOException("the file ended early");
      }
      at = b.position();
    }
  }

  /** Writes each country's rows through a buffer into the staging file. */
  private final class Writer {
    private final FileChannel rows;
    private final long[] rowOffsets;
    private final int[] filled;
    private final byte[][] pending;
    private final int[] pendingRecords;
    int at;

    Writer(FileChannel rows, long[] rowOffsets) {
      this.rows = rows;
      this.rowOffsets = rowOffsets;
      int slots = respondents.length;
      filled = new int[slots];
      pending = new byte[slots][];
      pendingRecords = new int[slots];
      for (int s = 0; s < slots; s++) {
        pending[s] = new byte[Math.max(1, Math.min(respondents[s], (64 << 10) / recordBytes + 1)) * recordBytes];
      }
    }

    byte[] next(int slot) {
      if (filled[slot] == respondents[slot]) throw new IllegalStateException("more respondents than counted in country slot " + slot);
      if ((pendingRecords[slot] + 1) * recordBytes > pending[slot].length) flush(slot);
      at = pendingRecords[slot]++ * recordBytes;
      filled[slot]++;
      return pending[slot];
    }

    private void flush(int slot) {
      int n = pendingRecords[slot] * recordBytes;
      long position = rowOffsets[slot] + (long) (filled[slot] - pendingRecords[slot]) * recordBytes;
      try {
        ByteBuffer b = ByteBuffer.wrap(pending[slot], 0, n);
        while (b.hasRemaining()) rows.write(b, position + b.position());
      } catch (IOException e) {
        throw failure("write", e);
      }
      java.util.Arrays.fill(pending[slot], 0, n, (byte) 0);
      pendingRecords[slot] = 0;
    }

    void finish() {
      for (int s = 0; s < filled.length; s++) {
        if (filled[s] != respondents[s]) throw new IllegalStateException("country slot " + s + ": " + filled[s] + " of " + respondents[s] + " respondents");
        if (pendingRecords[s] > 0) flush(s);
      }
    }
  }

  private static FileChannel openSpill() {
    try {
      Path p = Files.createTempFile("mcalign-wvs-samples-", ".bin");
      return FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException e) {
      throw failure("create", e);
    }
  }

  private static UncheckedIOException failure(String what, IOException e) {
    return new UncheckedIOException("could not " + what + " the temporary sample file in " + RowSpill.tempFolder()
        + " (" + e.getMessage() + ")", e);
  }

  boolean inMemory() {
    return spill == null;
  }

  /** Bytes of all countries' records. */
  long bytes() {
    return offsets[offsets.length - 1];
  }

  int respondents(int slot) {
    return respondents[slot];
  }

  /** A country's block (read from the spill unless it is the one read last). */
  byte[] block(int slot) {
    if (spill == null) return blocks[slot];
    if (slot == loadedSlot) return loaded;
    int n = Math.toIntExact(bytesFor(respondents[slot]));
    if (loaded == null || loaded.length < n) loaded = new byte[n];
    try {
      readFully(spill, loaded, n, offsets[slot]);
    } catch (IOException e) {
      throw failure("read", e);
    }
    loadedSlot = slot;
    loads++;
    return loaded;
  }

  /** Bytes of a country's block (the rest of {@link #block}'s array, if any, is left over from a larger country). */
  int blockBytes(int slot) {
    return Math.toIntExact(bytesFor(respondents[slot]));
  }

  /** Where kept column {@code t} of a country starts in its block ({@link #classAt}). */
  int column(int slot, int t) {
    return respondents[slot] * WEIGHT_BYTES + t * stride(respondents[slot]);
  }

  /** Respondent {@code pos}'s class in the column starting at {@code column}: MISSING, PRO or CON. */
  static int classAt(byte[] block, int column, int pos) {
    return (block[column + (pos >> 2)] >> ((pos & 3) << 1)) & 3;
  }

  static double weight(byte[] block, int pos) {
    return (double) DOUBLE.get(block, pos * WEIGHT_BYTES);
  }

  @Override
  public void close() {
    if (spill == null) return;
    try {
      spill.close();
    } catch (IOException e) {
      throw failure("close", e);
    }
  }
}
