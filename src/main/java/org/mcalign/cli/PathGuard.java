package org.mcalign.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mcalign.data.IoMessages;

/**
 * The paths a command reads and writes, checked before anything is read or written: inputs
 * exist and are readable files (or folders), and no output is one of the inputs, the response
 * store or another output, nor lies inside a folder the command reads, nor holds an input
 * inside a folder it replaces. A refusal names both options and the path, and leaves every
 * file as it was.
 */
final class PathGuard {
  private enum Kind {
    INPUT("input"), INPUT_FOLDER("input folder"), OUTPUT("output"), OUTPUT_FOLDER("output folder"), STORE("response store");

    final String word;

    Kind(String word) {
      this.word = word;
    }
  }

  private record Entry(Kind kind, String option, Path path) {}

  private final List<Entry> entries = new ArrayList<>();

  /** A file the command reads (must exist). Null paths (options not given) are skipped. */
  PathGuard input(String option, Path path) {
    return add(Kind.INPUT, option, path);
  }

  /** A folder the command reads (a dataset): nothing may be written inside it. */
  PathGuard inputFolder(String option, Path path) {
    return add(Kind.INPUT_FOLDER, option, path);
  }

  /** A file the command writes. */
  PathGuard output(String option, Path path) {
    return add(Kind.OUTPUT, option, path);
  }

  /** A folder the command writes as one set (replaced as a whole). */
  PathGuard outputFolder(String option, Path path) {
    return add(Kind.OUTPUT_FOLDER, option, path);
  }

  /** A response store the command reads and writes (with its -wal, -shm and .lock files). */
  PathGuard store(String option, Path path) {
    return add(Kind.STORE, option, path);
  }

  private PathGuard add(Kind kind, String option, Path path) {
    if (path != null) entries.add(new Entry(kind, option, path));
    return this;
  }

  /** Checks everything; throws {@link IllegalArgumentException} with the first problem. */
  void check() {
    for (Entry e : entries) {
      if (e.kind == Kind.INPUT) IoMessages.requireReadableFile(e.path, e.option);
      if (e.kind == Kind.INPUT_FOLDER) IoMessages.requireReadableFolder(e.path, e.option);
    }
    for (int i = 0; i < entries.size(); i++) {
      for (int j = 0; j < entries.size(); j++) {
        if (i != j) checkPair(entries.get(i), entries.get(j));
      }
    }
    for (Entry e : entries) {
      boolean folder = Files.isDirectory(e.path);
      if ((e.kind == Kind.OUTPUT || e.kind == Kind.STORE) && folder) {
        throw new IllegalArgumentException(e.option + " " + e.path + " is a folder; give a file name");
      }
      if (e.kind == Kind.OUTPUT_FOLDER && Files.exists(e.path) && !folder) {
        throw new IllegalArgumentException(e.option + " " + e.path + " is a file; give a folder");
      }
    }
  }

  /** Refuses when writing {@code w} would change what {@code r} is (w a written path). */
  private static void checkPair(Entry w, Entry r) {
    boolean writes = w.kind == Kind.OUTPUT || w.kind == Kind.OUTPUT_FOLDER || w.kind == Kind.STORE;
    if (!writes) return;
    // a store against an output is reported from the output's side (the pair comes twice)
    if (w.kind == Kind.STORE && (r.kind == Kind.OUTPUT || r.kind == Kind.OUTPUT_FOLDER)) return;
    Path wp = canonical(w.path);
    Path rp = canonical(r.path);
    String clash = null;
    switch (w.kind) {
      case OUTPUT, STORE -> {
        if (r.kind == Kind.INPUT_FOLDER || r.kind == Kind.OUTPUT_FOLDER) {
          if (wp.startsWith(rp)) clash = "lies inside";
        } else if (same(w.path, r.path) || (r.kind == Kind.STORE && storeFiles(rp).contains(wp))
            || (w.kind == Kind.STORE && storeFiles(wp).contains(rp))) {
          clash = "is the same file as";
        }
      }
      case OUTPUT_FOLDER -> {
        if (wp.equals(rp) || same(w.path, r.path)) clash = "is the same folder as";
        else if (rp.startsWith(wp)) clash = "contains";
        else if (r.kind == Kind.INPUT_FOLDER && wp.startsWith(rp)) clash = "lies inside";
      }
      default -> { }
    }
    if (clash == null) return;
    String what = switch (r.kind) {
      case INPUT, INPUT_FOLDER -> "the command would overwrite its input";
      case STORE -> "the command would overwrite the response store";
      case OUTPUT, OUTPUT_FOLDER -> "two outputs would overwrite each other";
    };
    throw new IllegalArgumentException(w.option + " " + w.path + " " + clash + " " + r.option + " " + r.path + " (the "
        + r.kind.word + "): " + what + ". Choose another " + (w.kind == Kind.OUTPUT_FOLDER ? "folder" : "file")
        + " for " + w.option + "; nothing was written.");
  }

  private static List<Path> storeFiles(Path store) {
    String n = store.getFileName().toString();
    return List.of(store, store.resolveSibling(n + "-wal"), store.resolveSibling(n + "-shm"), store.resolveSibling(n + "-journal"),
        store.resolveSibling(n + ".lock"));
  }

  private static boolean same(Path a, Path b) {
    if (canonical(a).equals(canonical(b))) return true;
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The path with symbolic links of its existing part resolved: two names of one file, through
   * a link or {@code ..}, compare equal even before the file exists.
   */
  static Path canonical(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    List<String> rest = new ArrayList<>();
    while (existing != null && !Files.exists(existing)) {
      rest.add(0, existing.getFileName().toString());
      existing = existing.getParent();
    }
    if (existing == null) return abs;
    try {
      Path real = existing.toRealPath();
      for (String r : rest) real = real.resolve(r);
      return real;
    } catch (IOException e) {
      return abs;
    }
  }
}
