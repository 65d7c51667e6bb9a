package org.mcalign.wvs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import org.mcalign.data.Checksums;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32C;

/**
 * Reads a stream ahead, a block at a time, on a daemon thread that also takes the SHA-256 and
 * CRC-32C of every byte, while the caller parses the blocks already read. Hashing 100 MB on
 * the pass's thread (or reading the file a second time for provenance.json) was about 0.1 s of
 * stage 1's 1.3 s; here it happens beside the pass.
 * The checksums are available once the caller has read to the end ({@link #sha256()}, {@link
 * #crc32c()}). A read error on the thread is thrown by the caller's next {@code read} past the
 * bytes read before it. {@link #close()} stops the thread; the
 * stream is left to its opener to close.
 */
final class ReadAhead extends InputStream {
  static final int BLOCK = 1 << 20;
  private static final int DEPTH = 3;

  /** A block read, the end of input ({@code length < 0}), or a read error ({@code error != null}). */
  private record Block(byte[] data, int length, IOException error) {}

  private final InputStream in;
  private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(DEPTH);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(DEPTH + 2);
  private final MessageDigest sha256;
  private final CRC32C crc32c = new CRC32C();
  private final Thread reader;
  private Block current;
  private int pos;
  private boolean ended;
  private String sha256Hex;

  ReadAhead(InputStream in, String name) {
    this.in = in;
    this.sha256 = Checksums.sha256();
    for (int i = 0; i < DEPTH + 2; i++) free.add(new byte[BLOCK]);
    reader = new Thread(this::readAll, "read-ahead " + name);
    reader.setDaemon(true);
    reader.start();
  }

  private void readAll() {
    try {
      while (true) {
        byte[] buf = free.take();
        int n = 0;
        IOException error = null;
        try {
          for (int r; n < buf.length && (r = in.read(buf, n, buf.length - n)) >= 0; ) n += r;
        } catch (IOException e) {
          error = e;
        }
        if (n > 0) {
          sha256.update(buf, 0, n);
          crc32c.update(buf, 0, n);
          full.put(new Block(buf, n, null));
        }
        if (error != null) {
          full.put(new Block(null, 0, error));
          return;
        }
        if (n < buf.length) {
          full.put(new Block(null, -1, null));
          return;
        }
      }
    } catch (InterruptedException e) {
      // closed by the caller
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    if (!advance()) return -1;
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current.data, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int read() throws IOException {
    if (!advance()) return -1;
    return current.data[pos++] & 0xff;
  }

  /** Makes {@code current} a block with bytes left; false at the end of input. */
  private boolean advance() throws IOException {
    if (ended) return false;
    if (current != null && pos < current.length) return true;
    if (current != null) free.add(current.data);
    current = null;
    Block next;
    try {
      next = full.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading");
    }
    if (next.error != null) throw new IOException(next.error.getMessage(), next.error);
    if (next.length < 0) {
      ended = true;
      sha256Hex = Checksums.hex(sha256); // the thread has ended its updates before the end mark
      return false;
    }
    current = next;
    pos = 0;
    return true;
  }

  /** SHA-256 of every byte of the stream, as lower-case hex; only once it has been read to the end. */
  String sha256() {
    requireEnd();
    return sha256Hex;
  }

  /** CRC-32C of every byte of the stream; only once it has been read to the end. */
  long crc32c() {
    requireEnd();
    return crc32c.getValue();
  }

  private void requireEnd() {
    if (!ended) throw new IllegalStateException("the stream has not been read to its end");
  }

  @Override
  public void close() {
    reader.interrupt(); // wakes it where it waits for a free block or a place in the queue
    try {
      reader.join(); // after the read it may be in; the stream is its opener's to close
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
