package org.mcalign.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-writer lease of a resource (a response store, an output folder): an exclusive OS
 * lock on a small lock file, held from {@link #acquire} until {@link #close}. The operating
 * system drops the lock when its process dies, however it dies, so the lease of a killed
 * process is free again at once, with no timeout to guess. The holder writes who it is
 * (pid, host, start time, what it does) into the lock file, so that a process that is refused
 * can say whom it waits for. Refusal is immediate: nothing waits for a lease.
 *
 * <p>Lock files are locked, never deleted while they may be locked: deleting one would let two
 * processes lock two different files under the same name. A lock file may be moved together
 * with its folder ({@link OutputFolder}); comparing the file's inode before and after locking
 * detects a lock taken on a file that was moved away meanwhile. The locks are POSIX record
 * locks: a process drops its lock when it closes <em>any</em> descriptor of the file, so
 * nothing else in the process may open a lock file it holds ({@link #holder} knows this
 * process's own leases without opening them).
 */
public final class Lease implements AutoCloseable {
  /** Leases held by this process, by lock file (a second lock on the same file from the same JVM is refused too). */
  private static final Map<Path, Holder> HELD = new ConcurrentHashMap<>();

  /** Who holds a lease. */
  public record Holder(long pid, String host, String since, String purpose) {
    String toJson() {
      return "{\"pid\": " + pid + ", \"host\": " + quote(host) + ", \"since\": " + quote(since) + ", \"purpose\": "
          + quote(purpose) + "}\n";
    }

    static Optional<Holder> parse(String text) {
      try {
        var n = Json.readTree(text);
        if (n == null || !n.has("pid")) return Optional.empty();
        return Optional.of(new Holder(n.path("pid").asLong(), n.path("host").asText("?"), n.path("since").asText("?"),
            n.path("purpose").asText("")));
      } catch (IOException e) {
        return Optional.empty(); // being written right now, or not ours
      }
    }

    /** "pid 1234 on host h since 2025-…Z (collect run 'x')". */
    public String describe() {
      boolean self = pid == ProcessHandle.current().pid() && host.equals(hostName());
      return "pid " + pid + (self ? " (this process)" : "") + " on host " + host + " since " + since
          + (purpose.isBlank() ? "" : " (" + purpose + ")");
    }

    private static String quote(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
  }

  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock lock;
  private final Holder holder;
  private boolean released;

  private Lease(Path lockFile, FileChannel channel, FileLock lock, Holder holder) {
    this.lockFile = lockFile;
    this.channel = channel;
    this.lock = lock;
    this.holder = holder;
  }

  /**
   * Takes the lease of {@code resource} through {@code lockFile} (created if missing), or
   * throws {@link LeaseHeldException} at once naming the holder.
   *
   * @param resource what the lease protects, for messages ("response store s.db")
   * @param purpose what this process does with it, shown to anyone refused ("collect run 'x'")
   */
  public static Lease acquire(Path lockFile, String resource, String purpose) {
    Path key = lockFile.toAbsolutePath().normalize();
    Holder me = new Holder(ProcessHandle.current().pid(), hostName(), Instant.now().toString(),
        purpose == null ? "" : purpose);
    for (int attempt = 0; ; attempt++) {
      Holder inProcess = HELD.get(key);
      if (inProcess != null) throw new LeaseHeldException(resource, Optional.of(inProcess));
      FileChannel ch = null;
      try {
        Object before = fileKey(key);
        ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // locked by another channel of this JVM
        }
        if (lock == null) {
          ch.close();
          throw new LeaseHeldException(resource, readHolder(key));
        }
        // the file locked must still be the one at this path (not moved away with its folder
        // meanwhile); compared by inode, never by opening the file again: closing any other
        // descriptor of a locked file drops this process's lock on it (POSIX record locks)
        Object after = fileKey(key);
        if (after == null || (before != null && !before.equals(after))) {
          lock.release();
          ch.close();
          if (attempt < 5) continue;
          throw new LeaseHeldException(resource, Optional.empty());
        }
        if (HELD.putIfAbsent(key, me) != null) {
          lock.release();
          ch.close();
          continue;
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(me.toJson().getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        return new Lease(key, ch, lock, me);
      } catch (IOException e) {
        closeQuietly(ch);
        throw new UncheckedIOException("could not take the lease of " + resource + " (lock file " + key + "): "
            + IoMessages.describe(e), e);
      }
    }
  }

  /** The file's identity (device and inode where the file system has them), or null when it is missing. */
  private static Object fileKey(Path p) {
    try {
      Object k = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
      return k != null ? k : p.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  /** The holder of the lease of {@code lockFile} if a live process holds it now (for status displays). */
  public static Optional<Holder> holder(Path lockFile) {
    Path key = lockFile.toAbsolutePath().normalize();
    Holder inProcess = HELD.get(key);
    if (inProcess != null) return Optional.of(inProcess);
    if (!Files.isRegularFile(key)) return Optional.empty();
    try (FileChannel ch = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock l = ch.tryLock();
      if (l != null) {
        l.release();
        return Optional.empty();
      }
      return Optional.of(readHolder(key).orElse(new Holder(-1, "?", "?", "holder not yet recorded")));
    } catch (IOException | OverlappingFileLockException e) {
      return Optional.empty();
    }
  }

  /**
   * Takes the lock of {@code lockFile} only if nobody holds it, without recording a holder (for
   * checking whether a leftover of another process is abandoned); empty when it is held.
   */
  static Optional<Lease> tryAbandoned(Path lockFile) {
    Path key = lockFile.toAbsolutePath().normalize();
    if (HELD.containsKey(key) || !Files.isRegularFile(key)) return Optional.empty();
    FileChannel ch = null;
    try {
      ch = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        ch.close();
        return Optional.empty();
      }
      Holder me = new Holder(ProcessHandle.current().pid(), hostName(), Instant.now().toString(), "cleaning up");
      if (HELD.putIfAbsent(key, me) != null) {
        l.release();
        ch.close();
        return Optional.empty();
      }
      return Optional.of(new Lease(key, ch, l, me));
    } catch (IOException e) {
      closeQuietly(ch);
      return Optional.empty();
    }
  }

  private static Optional<Holder> readHolder(Path key) {
    for (int i = 0; i < 5; i++) {
      try {
        Optional<Holder> h = Holder.parse(Files.readString(key, StandardCharsets.UTF_8));
        if (h.isPresent()) return h;
        Thread.sleep(10); // the holder may be writing it right now
      } catch (IOException e) {
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  public Holder holder() {
    return holder;
  }

  /** Releases the lease (idempotent). The lock file stays, empty of a holder's details' meaning. */
  @Override
  public synchronized void close() {
    if (released) return;
    released = true;
    HELD.remove(lockFile, holder);
    try {
      if (lock.isValid()) lock.release();
    } catch (IOException ignored) {
      // closing the channel below releases it too
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch == null) return;
    try {
      ch.close();
    } catch (IOException ignored) {
      // nothing left to do with it
    }
  }

  private static volatile String host;

  /** This machine's name (read once; never a DNS lookup, which can hang on a badly configured machine). */
  static String hostName() {
    String h = host;
    if (h != null) return h;
    try {
      Path p = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(p)) h = Files.readString(p).strip();
    } catch (IOException ignored) {
      // fall through to the environment
    }
    if (h == null || h.isEmpty()) h = System.getenv().getOrDefault("HOSTNAME", System.getenv().getOrDefault("COMPUTERNAME", "localhost"));
    host = h;
    return h;
  }
}
