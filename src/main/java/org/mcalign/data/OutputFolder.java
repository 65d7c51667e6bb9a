package org.mcalign.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An output folder written as one set: a run builds its files in a staging folder beside the
 * target and publishes them by renaming folders, so that the folder holds either the previous
 * run's set or the new one, never a mix, whenever the run is killed.
 *
 * <pre>{@code
 * try (OutputFolder f = OutputFolder.begin(out, "analyze all")) {
 *   List<Path> staged = writeEverythingInto(f.staging());
 *   return f.publish(staged); // the same files under out/
 * }
 * }</pre>
 *
 * <p>Publishing renames the complete staging folder to {@code .NAME.ready-ID} (it is complete
 * from then on), the old folder to {@code .NAME.old-ID}, and the ready folder to {@code NAME};
 * the old one is then deleted. Between the last two renames the folder is briefly absent; a run
 * killed right there is rolled forward by the next {@link #begin} (or rolled back when nothing
 * ready exists). Stale staging folders, old folders and temporary files of killed runs are
 * deleted by the next run. Each folder carries a hidden lock file: one writer at a time
 * ({@link Lease}), a second is refused at once naming the first.
 *
 * <p>Entries of the folder that the previous set did not write (a user's own files) are kept
 * (hard-linked into the new set); entries the previous set wrote and this one does not are
 * gone with it. The previous set's entries are listed in a hidden manifest.
 */
public final class OutputFolder implements AutoCloseable {
  static final String LOCK = ".mcalign-lock";
  static final String MANIFEST = ".mcalign-output.json";

  private final Path dir;
  private final Path parent;
  private final String name;
  private final String purpose;
  private final Lease dirLease;
  private final Path staging;
  private final Lease stagingLease;
  private final Optional<Set<String>> previous;
  private boolean published;

  private OutputFolder(Path dir, String purpose, Lease dirLease, Path staging, Lease stagingLease, Optional<Set<String>> previous) {
    this.dir = dir;
    this.parent = dir.getParent();
    this.name = dir.getFileName().toString();
    this.purpose = purpose;
    this.dirLease = dirLease;
    this.staging = staging;
    this.stagingLease = stagingLease;
    this.previous = previous;
  }

  /**
   * Starts a new set for {@code dir} (created if missing): recovers or cleans what killed runs
   * left, takes the folder's lease ({@link LeaseHeldException} if another process writes it)
   * and makes an empty staging folder.
   */
  public static OutputFolder begin(Path dir, String purpose) {
    Path target = canonical(dir);
    if (target.getParent() == null) throw new IllegalArgumentException("cannot use the root folder " + target + " as an output folder");
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new IllegalArgumentException("output folder " + dir + " is a file; give a folder");
    }
    String resource = "output folder " + target;
    try {
      Files.createDirectories(target.getParent());
      Lease lease = null;
      for (int attempt = 0; lease == null; attempt++) {
        if (!Files.exists(target)) recoverMissing(target, resource);
        try {
          lease = Lease.acquire(target.resolve(LOCK), resource, purpose);
        } catch (UncheckedIOException e) {
          // the folder was swapped or removed under us between the check and the lock: look again
          if (attempt >= 3 || Files.exists(target)) throw e;
        }
      }
      try {
        Optional<Set<String>> previous = readManifest(target);
        cleanSiblings(target);
        AtomicFiles.deleteStaleTemporaries(target);
        deleteLegacyStaging(target);
        Path staging = target.getParent().resolve("." + target.getFileName() + ".staging-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectory(staging);
        Lease stagingLease = Lease.acquire(staging.resolve(LOCK), resource, purpose);
        return new OutputFolder(target, purpose, lease, staging, stagingLease, previous);
      } catch (IOException | RuntimeException e) {
        lease.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare output folder " + dir + ": " + IoMessages.describe(e), e);
    }
  }

  /** The folder to write the new set into. */
  public Path staging() {
    return staging;
  }

  /**
   * Publishes the staging folder's content as the folder's new set and returns
   * {@code written} (paths inside the staging folder) as paths inside the final folder.
   */
  public List<Path> publish(List<Path> written) {
    if (published) throw new IllegalStateException("already published");
    Path ready = sibling("ready");
    Path old = sibling("old");
    try {
      Set<String> fresh = entries(staging);
      carryOver(fresh);
      writeManifest(fresh);
      copyPermissions(dir, staging);
      move(staging, ready);
      move(dir, old);
      try {
        move(ready, dir);
      } catch (IOException e) {
        move(old, dir); // roll back: the previous set stays
        throw e;
      }
      published = true;
      deleteTree(old);
    } catch (IOException e) {
      throw new UncheckedIOException("could not publish the outputs into " + dir + ": " + IoMessages.describe(e), e);
    } finally {
      if (!published) {
        deleteTree(ready);
        deleteTree(staging);
      }
    }
    List<Path> out = new ArrayList<>();
    for (Path p : written) out.add(dir.resolve(staging.relativize(p.toAbsolutePath().normalize())));
    return out;
  }

  /** Releases the folder; an unpublished staging folder is deleted (the previous set stays). */
  @Override
  public void close() {
    try {
      if (!published) deleteTree(staging);
    } finally {
      stagingLease.close();
      dirLease.close();
    }
  }

  @Override
  public String toString() {
    return "OutputFolder[" + dir + ", " + purpose + "]";
  }

  // ---- publishing ----

  private Path sibling(String kind) {
    return parent.resolve("." + name + "." + kind + "-" + staging.getFileName().toString().substring(("." + name + ".staging-").length()));
  }

  /** Keeps entries of the folder that no mcalign set wrote, and refuses a folder where the new set needs a file. */
  private void carryOver(Set<String> fresh) throws IOException {
    for (String e : entries(dir)) {
      Path from = dir.resolve(e);
      if (fresh.contains(e)) {
        boolean ours = previous.map(p -> p.contains(e)).orElse(false);
        if (!ours && Files.isDirectory(from) != Files.isDirectory(staging.resolve(e))) {
          throw new IOException(from + " is " + (Files.isDirectory(from) ? "a folder" : "a file") + " not written by mcalign where "
              + "the outputs need " + (Files.isDirectory(from) ? "a file" : "a folder") + ": move it away and run again");
        }
        continue;
      }
      if (previous.map(p -> p.contains(e)).orElse(false)) continue; // the previous set's: replaced
      linkTree(from, staging.resolve(e));
    }
  }

  /** The new folder gets the old one's permissions (a private folder stays private). */
  private static void copyPermissions(Path from, Path to) {
    try {
      if (from.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
      }
    } catch (IOException | UnsupportedOperationException ignored) {
      // the default permissions are the usual ones
    }
  }

  private static void linkTree(Path from, Path to) throws IOException {
    if (Files.isDirectory(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(to);
      try (Stream<Path> s = Files.list(from)) {
        for (Path p : (Iterable<Path>) s::iterator) linkTree(p, to.resolve(p.getFileName().toString()));
      }
    } else if (Files.isSymbolicLink(from)) {
      Files.createSymbolicLink(to, Files.readSymbolicLink(from));
    } else {
      try {
        Files.createLink(to, from);
      } catch (UnsupportedOperationException | IOException e) {
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private void writeManifest(Set<String> fresh) throws IOException {
    var root = Json.object();
    root.put("written_by", "mcalign");
    root.put("purpose", purpose);
    root.put("published_at", Instant.now().toString());
    var arr = root.putArray("entries");
    fresh.forEach(arr::add);
    AtomicFiles.writeString(staging.resolve(MANIFEST), Json.pretty(root) + "\n");
  }

  private static Optional<Set<String>> readManifest(Path dir) {
    Path m = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(m)) return Optional.empty();
    try {
      JsonNode n = Json.readTree(Files.readString(m));
      Set<String> out = new LinkedHashSet<>();
      for (JsonNode e : n.path("entries")) out.add(e.asText());
      return Optional.of(out);
    } catch (IOException e) {
      return Optional.empty(); // unreadable: treat every entry as not ours (kept)
    }
  }

  /** Visible entries of a folder (not the lock, the manifest or temporary files). */
  private static Set<String> entries(Path folder) throws IOException {
    Set<String> out = new java.util.TreeSet<>();
    try (Stream<Path> s = Files.list(folder)) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(LOCK) && !n.equals(MANIFEST) && !AtomicFiles.isTemporary(n))
          .forEach(out::add);
    }
    return out;
  }

  // ---- recovery of killed runs ----

  /** The folder is missing: a run was killed between its two renames. Roll forward to its complete set, else back. */
  private static void recoverMissing(Path target, String resource) throws IOException {
    List<Path> ready = siblings(target, "ready");
    List<Path> old = siblings(target, "old");
    List<Path> candidates = new ArrayList<>(ready);
    candidates.addAll(old);
    for (Path c : candidates) {
      Path lock = c.resolve(LOCK);
      Optional<Lease> l = Files.exists(lock) ? Lease.tryAbandoned(lock) : Optional.empty();
      if (Files.exists(lock) && l.isEmpty()) {
        // its writer is alive and in the middle of publishing
        throw new LeaseHeldException(resource, Lease.holder(lock));
      }
      try {
        move(c, target);
        return;
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
        return; // someone else recovered it first
      } finally {
        l.ifPresent(Lease::close);
      }
    }
    try {
      Files.createDirectory(target);
    } catch (FileAlreadyExistsException e) {
      // created meanwhile by another run: fine, its lock decides
    }
  }

  /** Deletes staging, ready and old folders of runs that are no longer alive. */
  private static void cleanSiblings(Path target) throws IOException {
    for (String kind : List.of("staging", "ready", "old")) {
      for (Path s : siblings(target, kind)) {
        Path lock = s.resolve(LOCK);
        Optional<Lease> l = Files.exists(lock) ? Lease.tryAbandoned(lock) : Optional.empty();
        if (Files.exists(lock) && l.isEmpty()) continue; // alive (cannot be while we hold the folder; leave it be)
        try {
          deleteTree(s);
        } finally {
          l.ifPresent(Lease::close);
        }
      }
    }
  }

  /** Staging folders that the former writer of stage 1 made inside the folder ({@code .staging-*}) and a kill left behind. */
  private static void deleteLegacyStaging(Path target) throws IOException {
    try (Stream<Path> s = Files.list(target)) {
      s.filter(p -> p.getFileName().toString().startsWith(".staging-") && Files.isDirectory(p)).forEach(OutputFolder::deleteTree);
    }
  }

  /** Leftovers of {@code kind} beside {@code target}, newest first. */
  static List<Path> siblings(Path target, String kind) throws IOException {
    String prefix = "." + target.getFileName() + "." + kind + "-";
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(target.getParent())) {
      s.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p)).forEach(out::add);
    }
    out.sort(Comparator.comparing((Path p) -> {
      try {
        return Files.getLastModifiedTime(p).toMillis();
      } catch (IOException e) {
        return 0L;
      }
    }).reversed());
    return out;
  }

  // ---- files ----

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + from + " to " + to + " atomically (" + e.getReason()
          + "): the output folder must be on the same file system as its parent folder", e);
    }
  }

  /** Deletes a folder and everything in it, as far as it can (leftovers are deleted by the next run). */
  public static void deleteTree(Path root) {
    if (root == null || !Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // a leftover is deleted by the next run
        }
      });
    } catch (IOException | UncheckedIOException ignored) {
      // as above
    }
  }

  /** The folder as it will be written: absolute, normalised, symbolic links resolved (so the real folder is replaced, not the link). */
  static Path canonical(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    try {
      return Files.exists(abs) ? abs.toRealPath() : abs;
    } catch (IOException e) {
      return abs;
    }
  }
}
