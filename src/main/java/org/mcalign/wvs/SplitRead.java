package org.mcalign.wvs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * A microdata file read as two halves in parallel (the reading pass is most of stage 1's time,
 * and the machine has two cores), with the same result as one sequential pass: the second half
 * starts after the first line break at or past the middle, is read into its own {@link Microdata}
 * and is then appended to the first ({@link Microdata#append}, which replays its weight sums in
 * file order). When that line break lies inside a quoted field the first half ends inside quotes;
 * the halves are then discarded and the file is read sequentially. Errors name the line in the
 * whole file; an error in the first half wins over one in the second, as in a sequential pass.
 */
final class SplitRead {
  private SplitRead() {}

  /** Smaller files are read sequentially (the second thread would not pay for itself). */
  static final long MIN_BYTES = Long.getLong("mcalign.wvs.splitMB", 64) << 20;

  /** The file read in two halves, or null when it must be read sequentially. */
  static Microdata read(Path file, String name, long size, Microdata.Progress progress) throws IOException {
    long split = splitPoint(file, size);
    if (split < 0) return null;
    AtomicLong laterBytes = new AtomicLong();
    AtomicLong laterRows = new AtomicLong();
    Later later = new Later(file, name, split, (b, t, r) -> {
      laterBytes.set(b);
      laterRows.set(r);
    });
    Thread thread = new Thread(later, "wvs-read-second-half");
    Microdata first = null;
    CheckedInputStream in = null;
    boolean done = false;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      in = new CheckedInputStream(bounded(ch, 0, split), new CRC32C());
      CsvRecords csv = new CsvRecords(in);
      Microdata.Header h = Microdata.header(csv, name);
      later.header = h;
      thread.start();
      try {
        first = Microdata.readRows(csv, h, name, size,
            (b, t, r) -> progress.update(b + laterBytes.get(), size, r + laterRows.get()));
      } catch (CsvRecords.CsvSyntaxException e) {
        if (e.unterminated) return null; // the middle line break is inside quotes: read sequentially
        throw new MicrodataFormatException(name, e.line, e.getMessage());
      }
      join(thread);
      if (later.failure != null) throw shifted(later.failure, name, csv.nextLine() - 1);
      first.append(later.part);
      later.part = null;
      if (first.respondents == 0) {
        throw new MicrodataFormatException(name, 0, "no respondents: the file has a header row but no data rows");
      }
      // the checksum continues over the second half's bytes, as one pass over the file computes it
      crc(ch, split, size, in);
      first.checksum = in.getChecksum().getValue();
      progress.update(first.bytes, size, first.respondents);
      done = true;
      return first;
    } finally {
      if (thread.isAlive()) join(thread);
      if (later.part != null) later.part.close();
      if (!done && first != null) first.close();
    }
  }

  /** The second half's reader. */
  private static final class Later implements Runnable {
    final Path file;
    final String name;
    final long start;
    final Microdata.Progress progress;
    volatile Microdata.Header header;
    volatile Microdata part;
    volatile RuntimeException failure;

    Later(Path file, String name, long start, Microdata.Progress progress) {
      this.file = file;
      this.name = name;
      this.start = start;
      this.progress = progress;
    }

    @Override
    public void run() {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        part = Microdata.readRows(new CsvRecords(bounded(ch, start, Long.MAX_VALUE)), header, name, -1, progress);
      } catch (IOException e) {
        failure = new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        failure = e;
      }
    }
  }

  /** The second half's error with its line counted from the file's start. */
  private static RuntimeException shifted(RuntimeException e, String name, long linesBefore) {
    if (e instanceof MicrodataFormatException m) return m.shifted(linesBefore);
    if (e instanceof CsvRecords.CsvSyntaxException s) return new MicrodataFormatException(name, s.line + linesBefore, s.getMessage());
    return e;
  }

  /** Just after the first line break at or past the middle; -1 when there is none. */
  private static long splitPoint(Path file, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(1 << 16);
      for (long p = size / 2; p < size; ) {
        b.clear();
        int n = ch.read(b, p);
        if (n <= 0) return -1;
        for (int i = 0; i < n; i++) if (b.get(i) == '\n') return p + i + 1 < size ? p + i + 1 : -1;
        p += n;
      }
      return -1;
    }
  }

  private static InputStream bounded(FileChannel ch, long from, long to) throws IOException {
    InputStream in = Channels.newInputStream(ch.position(from));
    return to == Long.MAX_VALUE ? in : new java.io.FilterInputStream(in) {
      long left = to - from;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) return -1;
        int n = super.read(b, off, (int) Math.min(len, left));
        if (n > 0) left -= n;
        return n;
      }

      @Override
      public int read() throws IOException {
        throw new UnsupportedOperationException("read in blocks");
      }
    };
  }

  private static void crc(FileChannel ch, long from, long to, CheckedInputStream in) throws IOException {
    CRC32C crc = (CRC32C) in.getChecksum();
    ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
    for (long p = from; p < to; ) {
      b.clear();
      int n = ch.read(b, p);
      if (n < 0) throw new IOException("the file ended early (it changed while being read)");
      b.flip();
      crc.update(b);
      p += n;
    }
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the microdata's second half", e);
    }
  }
}
