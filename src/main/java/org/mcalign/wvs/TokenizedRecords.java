package org.mcalign.wvs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * {@link CsvRecords} on a daemon thread: it splits the records into fields a batch at a time
 * (about half a megabyte of records, their bytes and field offsets copied out) while the caller
 * works on the batches before. Stage 1's pass spent a third of its time splitting fields; this
 * way the caller's thread parses answer codes and adds weights while the other processor
 * splits the next records. The records, their lines and fields, blank lines skipped and errors
 * are exactly those of {@link CsvRecords}: an error is thrown by the {@link #next()} that would
 * have met it, after the records before it. The field offsets of the current record are
 * {@code starts()[base() + f]} and {@code ends()[base() + f]} in {@link #buffer()}.
 */
final class TokenizedRecords implements AutoCloseable {
  private static final int BATCH_BYTES = 1 << 19;
  private static final int DEPTH = 2;
  static final int FIRST_BATCH_RECORDS = 16;

  /** Records copied out of the tokenizer's buffer, and how the input went on after them. */
  private static final class Batch {
    byte[] data = new byte[BATCH_BYTES];
    int size;
    int[] starts = new int[BATCH_BYTES / 2];
    int[] ends = new int[BATCH_BYTES / 2];
    boolean[] escaped = new boolean[BATCH_BYTES / 2];
    int fields;
    int[] first = new int[4097]; // first field of each record; one more entry than records
    long[] lines = new long[4096];
    int records;
    int recordLimit = 4096;
    int withoutNewline; // the record that ended the input without a line break, or -1
    long bytesRead;
    RuntimeException failure;
    IOException readFailure;
    boolean end;

    void clear() {
      size = 0;
      fields = 0;
      records = 0;
      withoutNewline = -1;
      failure = null;
      readFailure = null;
      end = false;
    }

    /** Copies the tokenizer's current record in; false when it does not fit (then the batch is sent first). */
    boolean add(CsvRecords csv) {
      int from = csv.recordStart();
      int length = csv.recordEnd() - from;
      int n = csv.fieldCount();
      if (records > 0 && (size + length > data.length || fields + n > starts.length || records == recordLimit)) return false;
      if (size + length > data.length) data = Arrays.copyOf(data, size + length); // one record longer than a batch
      if (fields + n > starts.length) {
        starts = Arrays.copyOf(starts, fields + n);
        ends = Arrays.copyOf(ends, fields + n);
        escaped = Arrays.copyOf(escaped, fields + n);
      }
      System.arraycopy(csv.buffer(), from, data, size, length);
      int shift = size - from;
      for (int f = 0; f < n; f++) {
        starts[fields + f] = csv.start(f) + shift;
        ends[fields + f] = csv.end(f) + shift;
        escaped[fields + f] = csv.escaped(f);
      }
      first[records] = fields;
      lines[records] = csv.line();
      if (csv.endedWithoutNewline()) withoutNewline = records;
      records++;
      fields += n;
      first[records] = fields;
      size += length;
      bytesRead = csv.bytesRead();
      return true;
    }
  }

  private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(DEPTH);
  private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(DEPTH + 2);
  private final Thread tokenizer;
  private Batch current;
  private int record = -1;
  private int base;
  private int fieldCount;
  private boolean ended;

  TokenizedRecords(InputStream in, String name) {
    for (int i = 0; i < DEPTH + 2; i++) free.add(new Batch());
    tokenizer = new Thread(() -> tokenize(new CsvRecords(in)), "tokenize " + name);
    tokenizer.setDaemon(true);
    tokenizer.start();
  }

  private void tokenize(CsvRecords csv) {
    try {
      Batch b = free.take();
      b.clear();
      // the first batch small: the caller starts on the header and the first records while the
      // rest of the first batch is split (both threads start in the interpreter)
      b.recordLimit = FIRST_BATCH_RECORDS;
      while (true) {
        boolean more;
        try {
          more = csv.next();
        } catch (IOException e) {
          b.readFailure = e;
          full.put(b);
          return;
        } catch (RuntimeException e) {
          b.failure = e;
          full.put(b);
          return;
        }
        if (!more) {
          b.end = true;
          full.put(b);
          return;
        }
        if (!b.add(csv)) {
          full.put(b);
          b = free.take();
          b.clear();
          b.recordLimit = b.first.length - 1;
          b.add(csv);
        }
      }
    } catch (InterruptedException e) {
      // closed by the caller
    }
  }

  /** Advances to the next record; false at the end of input (as {@link CsvRecords#next()}). */
  boolean next() throws IOException {
    while (true) {
      if (ended) return false;
      if (current != null && record + 1 < current.records) {
        record++;
        base = current.first[record];
        fieldCount = current.first[record + 1] - base;
        return true;
      }
      if (current != null) {
        if (current.failure != null) throw current.failure;
        if (current.readFailure != null) throw current.readFailure;
        if (current.end) {
          ended = true;
          return false;
        }
        free.add(current);
      }
      try {
        current = full.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading");
      }
      record = -1;
    }
  }

  long line() {
    return current.lines[record];
  }

  /** Bytes read from the input so far (at the end, all of them). */
  long bytesRead() {
    return current == null ? 0 : current.bytesRead;
  }

  int fieldCount() {
    return fieldCount;
  }

  byte[] buffer() {
    return current.data;
  }

  int base() {
    return base;
  }

  int[] starts() {
    return current.starts;
  }

  int[] ends() {
    return current.ends;
  }

  int start(int field) {
    return current.starts[base + field];
  }

  int end(int field) {
    return current.ends[base + field];
  }

  boolean endedWithoutNewline() {
    return current.withoutNewline == record;
  }

  /** The field as a string (quotes removed, {@code ""} unescaped). */
  String text(int field) {
    return CsvRecords.text(current.data, start(field), end(field), current.escaped[base + field]);
  }

  /** Stops the thread; the stream is left to its opener to close. */
  @Override
  public void close() {
    tokenizer.interrupt();
    try {
      tokenizer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
