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
 * What the self-consistency draws read: per tested country, its respondents in file order, each
 * as a record of its weight and two bits per kept item (0 missing, 1 pro, 2 con). The draws
 * reject positions without a valid answer as they go, so which respondents they read is known
 * only while drawing; this store is the least that reproduces them exactly.
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

  final int recordBytes;
  private final int[] respondents; // per slot
  private final long[] offsets; // per slot, in the spill file
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
    this.respondents = respondents.clone();
    int slots = respondents.length;
    this.offsets = new long[slots + 1];
    for (int s = 0; s < slots; s++) offsets[s + 1] = offsets[s] + (long) respondents[s] * recordBytes;
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
    Writer w = new Writer(slots);
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
  }

  /** Fills each country's records: straight into its block in memory, or through a buffer into the spill. */
  private final class Writer {
    private final int[] filled;
    private final byte[][] pending;
    private final int[] pendingRecords;
    int at;

    Writer(int slots) {
      filled = new int[slots];
      pending = new byte[slots][];
      pendingRecords = new int[slots];
      for (int s = 0; s < slots; s++) {
        if (spill == null) blocks[s] = new byte[Math.multiplyExact(respondents[s], recordBytes)];
        else pending[s] = new byte[Math.max(1, Math.min(respondents[s], (64 << 10) / recordBytes + 1)) * recordBytes];
      }
    }

    byte[] next(int slot) {
      if (filled[slot] == respondents[slot]) throw new IllegalStateException("more respondents than counted in country slot " + slot);
      if (spill == null) {
        at = filled[slot]++ * recordBytes;
        return blocks[slot];
      }
      if ((pendingRecords[slot] + 1) * recordBytes > pending[slot].length) flush(slot);
      at = pendingRecords[slot]++ * recordBytes;
      filled[slot]++;
      return pending[slot];
    }

    private void flush(int slot) {
      int n = pendingRecords[slot] * recordBytes;
      long position = offsets[slot] + (long) (filled[slot] - pendingRecords[slot]) * recordBytes;
      try {
        ByteBuffer b = ByteBuffer.wrap(pending[slot], 0, n);
        while (b.hasRemaining()) spill.write(b, position + b.position());
      } catch (IOException e) {
        throw failure("write", e);
      }
      java.util.Arrays.fill(pending[slot], 0, n, (byte) 0);
      pendingRecords[slot] = 0;
    }

    void finish() {
      for (int s = 0; s < filled.length; s++) {
        if (filled[s] != respondents[s]) throw new IllegalStateException("country slot " + s + ": " + filled[s] + " of " + respondents[s] + " respondents");
        if (spill != null && pendingRecords[s] > 0) flush(s);
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

  /** The records of a country's respondents (read from the spill unless it is the one read last). */
  byte[] block(int slot) {
    if (spill == null) return blocks[slot];
    if (slot == loadedSlot) return loaded;
    int n = Math.multiplyExact(respondents[slot], recordBytes);
    if (loaded == null || loaded.length < n) loaded = new byte[n];
    try {
      // in pieces: the JDK reads through a temporary native buffer as large as each request
      for (int at = 0; at < n; ) {
        ByteBuffer b = ByteBuffer.wrap(loaded, at, Math.min(n - at, 1 << 20));
        while (b.hasRemaining()) {
          if (spill.read(b, offsets[slot] + b.position()) < 0) throw new IOException("the file ended early");
        }
        at = b.position();
      }
    } catch (IOException e) {
      throw failure("read", e);
    }
    loadedSlot = slot;
    loads++;
    return loaded;
  }

  /** Respondent {@code pos}'s class for kept column {@code t}: MISSING, PRO or CON. */
  int classOf(byte[] block, int pos, int t) {
    return (block[pos * recordBytes + WEIGHT_BYTES + (t >> 2)] >> ((t & 3) << 1)) & 3;
  }

  double weight(byte[] block, int pos) {
    return (double) DOUBLE.get(block, pos * recordBytes);
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
