package org.mcalign.notebook;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Replaces {@code System.out} and {@code System.err} of the kernel JVM with streams that
 * send what cells print to the notebook while the cell runs: buffered, and flushed every
 * {@value #FLUSH_MILLIS} ms, when a buffer grows large, before any display, and at the end of
 * the cell. Text printed when no cell runs goes to the JVM's original streams (the kernel log).
 */
final class Console {
  static final long FLUSH_MILLIS = 100;
  private static final int FLUSH_BYTES = 32 * 1024;

  private static Buffer out;
  private static Buffer err;

  private Console() {}

  /** Installs the streams once per JVM. */
  static synchronized void install() {
    if (out != null) return;
    out = new Buffer(false, System.out);
    err = new Buffer(true, System.err);
    System.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, false, StandardCharsets.UTF_8));
    Thread flusher = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(FLUSH_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
        flush();
      }
    }, "console-flusher");
    flusher.setDaemon(true);
    flusher.start();
  }

  /** Sends whatever is buffered (stdout before stderr). */
  static void flush() {
    Buffer o = out;
    Buffer e = err;
    if (o == null) return;
    System.out.flush();
    System.err.flush();
    o.send();
    e.send();
  }

  private static final class Buffer extends OutputStream {
    private final boolean isErr;
    private final PrintStream original;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] buf = new byte[8192];
    private int count;

    Buffer(boolean isErr, PrintStream original) {
      this.isErr = isErr;
      this.original = original;
    }

    @Override
    public synchronized void write(int b) {
      ensure(1);
      buf[count++] = (byte) b;
      if (count >= FLUSH_BYTES) send();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, buf, count, len);
      count += len;
      if (count >= FLUSH_BYTES) send();
    }

    private void ensure(int more) {
      if (count + more > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
      }
    }

    /** Decodes the whole UTF-8 characters buffered, keeping a split trailing sequence for later. */
    synchronized void send() {
      if (count == 0) return;
      int complete = completeLength();
      if (complete == 0) return;
      String text;
      try {
        CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(buf, 0, complete));
        text = chars.toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        text = new String(buf, 0, complete, StandardCharsets.UTF_8);
      }
      System.arraycopy(buf, complete, buf, 0, count - complete);
      count -= complete;
      CellOutput target = Notebook.output();
      if (target != null) {
        target.stream(isErr, Notebook.scrubber().scrub(text));
      } else {
        original.print(text);
        original.flush();
      }
    }

    /** Length of the buffer without a trailing incomplete UTF-8 sequence. */
    private int completeLength() {
      int i = count - 1;
      int back = 0;
      while (i >= 0 && back < 3 && (buf[i] & 0xC0) == 0x80) {
        i--;
        back++;
      }
      if (i < 0) return count;
      int lead = buf[i] & 0xFF;
      int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      return (count - i) < need ? i : count;
    }
  }
}
