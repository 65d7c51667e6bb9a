package org.mcalign.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The committed list of the paper's files ({@code data/manifest.tsv}): local name, path in the
 * upstream repository, SHA-256 and size. Lines starting with {@code #} are comments.
 */
public final class Manifest {

  /** One file of the paper's data. */
  public record Entry(String localPath, String upstreamPath, String sha256, long bytes) {}

  /** The state of one file in a folder. */
  public enum Status {
    OK,
    MISSING,
    MISMATCH
  }

  /** The result of checking one file: its status and the SHA-256 found (null when missing). */
  public record FileCheck(Entry entry, Status status, String actualSha256) {}

  private final List<Entry> entries;

  private Manifest(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The manifest of the project at {@code projectRoot}. */
  public static Manifest load(Path projectRoot) {
    return parse(projectRoot.resolve(Dataset.MANIFEST));
  }

  /**
   * The project's manifest as built into the jar (the paper's pinned checksums), for a program run
   * outside the project folder; empty when the classes were built without it.
   */
  public static Optional<Manifest> builtIn() {
    try (java.io.InputStream in = Manifest.class.getResourceAsStream("/org/mcalign/data/manifest.tsv")) {
      if (in == null) return Optional.empty();
      return Optional.of(parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Parses a manifest file. */
  public static Manifest parse(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + Dataset.MANIFEST + ": " + e.getMessage(), e);
    }
    return parse(lines);
  }

  private static Manifest parse(List<String> lines) {
    String expected = "manifest: tab-separated local_path, upstream_path, sha256 (64 hex digits), bytes; '#' starts a comment line";
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] f = line.split("\t");
      if (f.length != 4 || !f[2].matches("[0-9a-f]{64}") || !f[3].matches("\\d+")) {
        throw new DataFormatException(Dataset.MANIFEST, i + 1, null, "malformed manifest line", expected);
      }
      entries.add(new Entry(f[0], f[1], f[2], Long.parseLong(f[3])));
    }
    return new Manifest(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  public Optional<Entry> entry(String localPath) {
    return entries.stream().filter(e -> e.localPath().equals(localPath)).findFirst();
  }

  /** Total size of all files in bytes. */
  public long totalBytes() {
    return entries.stream().mapToLong(Entry::bytes).sum();
  }

  /** The entries whose file is absent from {@code folder} (no checksum work). */
  public List<Entry> missing(Path folder) {
    return entries.stream().filter(e -> !Files.isRegularFile(folder.resolve(e.localPath()))).toList();
  }

  /** Checks every file: present and with the listed SHA-256. */
  public List<FileCheck> verify(Path folder) {
    List<FileCheck> out = new ArrayList<>();
    for (Entry e : entries) {
      Path p = folder.resolve(e.localPath());
      if (!Files.isRegularFile(p)) {
        out.add(new FileCheck(e, Status.MISSING, null));
        continue;
      }
      String sha = Checksums.sha256(p);
      out.add(new FileCheck(e, sha.equals(e.sha256()) ? Status.OK : Status.MISMATCH, sha));
    }
    return out;
  }
}
