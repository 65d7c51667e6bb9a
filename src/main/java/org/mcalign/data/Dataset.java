package org.mcalign.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folder the paper's data is read from, and how it was found. {@link #resolve()} looks in
 * this order: the folder named by the environment variable {@code MCA_DATA} (a relative value
 * is taken relative to the project root), then {@code data/paper/} of the project root, then
 * downloads the files listed in {@code data/manifest.tsv} into {@code data/paper/}.
 *
 * <p>The project root is the nearest ancestor of the working directory that holds
 * {@code data/manifest.tsv} (notebooks run in {@code notebooks/}). {@link #describe()} never
 * shows an absolute path of the machine, so it can be printed in notebooks.
 */
public final class Dataset {

  /** Environment variable naming a folder that holds the paper's files. */
  public static final String ENV_DATA = "MCA_DATA";

  /** The manifest of the paper's files, relative to the project root. */
  public static final String MANIFEST = "data/manifest.tsv";

  /** Where downloads go, relative to the project root. */
  public static final String LOCAL_FOLDER = "data/paper";

  /** A folder holding a file of this name is a generated demo dataset, not the paper's data. */
  public static final String DEMO_MARKER = "DEMO";

  /** How the dataset was found. */
  public enum Kind {
    /** A folder named by {@code MCA_DATA} or given by the caller. */
    MIRROR,
    /** {@code data/paper/} of the project root, already complete. */
    LOCAL,
    /** {@code data/paper/}, (partly) downloaded just now. */
    DOWNLOADED,
    /** A generated, synthetic dataset in the paper's format. */
    DEMO
  }

  private final Path folder;
  private final Kind kind;
  private final String description;
  private final Set<String> used;
  private final Map<String, String> checksums;
  private volatile Study study; // null until asked for: the folder's study.json over the paper's, or the paper's
  private final Map<String, Path> replaced; // file name inside the dataset → the user's file read in its place

  Dataset(Path folder, Kind kind, String description) {
    this(folder, kind, description, ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>(), null, Map.of());
  }

  private Dataset(Path folder, Kind kind, String description, Set<String> used, Map<String, String> checksums, Study study,
      Map<String, Path> replaced) {
    this.folder = folder.toAbsolutePath().normalize();
    this.kind = kind;
    this.description = description;
    this.used = used;
    this.checksums = checksums;
    this.study = study;
    this.replaced = Map.copyOf(replaced);
  }

  /**
   * The same dataset with {@code file} read in place of its file {@code localName} (e.g. a
   * user's scores for {@code all_lang_model_responses_with_scores.csv}: {@code analyze --scores});
   * provenance lists it under the path given here, with its own origin ({@link InputOrigin}).
   */
  public Dataset withFile(String localName, Path file) {
    if (!Files.isRegularFile(file)) throw new DatasetUnavailableException("'" + file + "' is not a file");
    path(localName); // checks the name; the original is not read
    used.remove(localName);
    Map<String, Path> r = new java.util.HashMap<>(replaced);
    r.put(localName, file);
    return new Dataset(folder, kind, description, ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>(), study, r);
  }

  /** The user's file read in place of the dataset's {@code localName}, if one was given ({@link #withFile}). */
  public Optional<Path> replacement(String localName) {
    return Optional.ofNullable(replaced.get(localName));
  }

  /**
   * The study of this dataset: the one given with {@link #withStudy}, else the folder's
   * {@value Study#FILE_NAME} over the paper's (recorded as a used file), else the paper's.
   */
  public Study study() {
    Study s = study;
    if (s == null) {
      boolean own = Files.isRegularFile(folder.resolve(Study.FILE_NAME));
      s = own ? Study.read(path(Study.FILE_NAME)) : Study.paper();
      study = s;
    }
    return s;
  }

  /** The same dataset read with {@code s} as its study (e.g. {@code --study FILE}); files used are shared. */
  public Dataset withStudy(Study s) {
    return new Dataset(folder, kind, description, used, checksums, java.util.Objects.requireNonNull(s), replaced);
  }

  /**
   * Finds the paper's data: {@code MCA_DATA}, then {@code data/paper/}, then a download into
   * {@code data/paper/} (progress on stderr).
   *
   * @throws DatasetUnavailableException with a how-to message when none of these works
   */
  public static Dataset resolve() {
    return resolve(System.getenv(), Path.of(""), PaperDownload.defaultBaseUrl(), true);
  }

  /** Like {@link #resolve()} but never downloads: empty when neither MCA_DATA nor a complete data/paper/ exists. */
  public static Optional<Dataset> find() {
    return find(System.getenv(), Path.of(""));
  }

  static Dataset resolve(Map<String, String> env, Path workingDir, String baseUrl, boolean download) {
    Optional<Dataset> found = find(env, workingDir);
    if (found.isPresent()) return found.get();
    Optional<Path> root = findProjectRoot(workingDir);
    if (root.isEmpty()) {
      throw new DatasetUnavailableException(
          "No paper data: MCA_DATA is not set and the working directory is not inside the project "
              + "(no ancestor folder holds " + MANIFEST + "). " + HowTo.TEXT);
    }
    if (!download) {
      throw new DatasetUnavailableException("No paper data in " + LOCAL_FOLDER + "/ and MCA_DATA is not set. " + HowTo.TEXT);
    }
    return PaperDownload.into(root.get()).baseUrl(baseUrl).run();
  }

  static Optional<Dataset> find(Map<String, String> env, Path workingDir) {
    String named = env.get(ENV_DATA);
    Optional<Path> root = findProjectRoot(workingDir);
    if (named != null && !named.isBlank()) {
      Path p = Path.of(named.trim());
      if (!p.isAbsolute()) p = root.orElse(workingDir.toAbsolutePath()).resolve(p);
      if (!Files.isDirectory(p)) {
        throw new DatasetUnavailableException(
            "MCA_DATA is set to '" + named + "' but that is not a folder"
                + (Path.of(named.trim()).isAbsolute() ? "" : " (relative values are taken relative to the project root)")
                + ". Point it at a folder holding the paper's files, or unset it to use " + LOCAL_FOLDER + "/.");
      }
      if (Files.exists(p.resolve(DEMO_MARKER))) {
        return Optional.of(new Dataset(p, Kind.DEMO, "demo dataset (synthetic, named by MCA_DATA)"));
      }
      return Optional.of(new Dataset(p, Kind.MIRROR, "paper data (mirror named by MCA_DATA)"));
    }
    if (root.isEmpty()) return Optional.empty();
    Path local = root.get().resolve(LOCAL_FOLDER);
    if (!Files.isDirectory(local)) return Optional.empty();
    Manifest manifest = Manifest.load(root.get());
    if (!manifest.missing(local).isEmpty()) return Optional.empty();
    return Optional.of(new Dataset(local, Kind.LOCAL, "paper data (" + LOCAL_FOLDER + "/)"));
  }

  /** The dataset in a given folder (kind MIRROR, or DEMO when it holds a {@value #DEMO_MARKER} file). */
  public static Dataset at(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new DatasetUnavailableException("'" + folder + "' is not a folder holding the paper's data");
    }
    String where = nameFor(folder);
    if (Files.exists(folder.resolve(DEMO_MARKER))) return new Dataset(folder, Kind.DEMO, "demo dataset (synthetic, " + where + ")");
    return new Dataset(folder, Kind.MIRROR, "paper data (" + where + ")");
  }

  /** A generated demo dataset in {@code folder}. */
  public static Dataset demo(Path folder) {
    return new Dataset(folder, Kind.DEMO, "demo dataset (synthetic, " + nameFor(folder) + ")");
  }

  /** The folder as a user may see it: relative to the project root when inside it, else its name. */
  private static String nameFor(Path folder) {
    Path abs = folder.toAbsolutePath().normalize();
    Optional<Path> root = findProjectRoot(Path.of(""));
    if (root.isPresent() && abs.startsWith(root.get()) && !abs.equals(root.get())) {
      return root.get().relativize(abs).toString().replace('\\', '/') + "/";
    }
    if (!folder.isAbsolute() && !folder.toString().startsWith("..")) return folder.toString().replace('\\', '/') + "/";
    Path name = abs.getFileName();
    return "folder '" + (name == null ? "/" : name) + "'";
  }

  /**
   * The project root: the nearest ancestor of the working directory (or itself) holding
   * {@code data/manifest.tsv}.
   *
   * @throws IllegalStateException when the working directory is not inside the project
   */
  public static Path projectRoot() {
    return findProjectRoot(Path.of(""))
        .orElseThrow(() -> new IllegalStateException(
            "the working directory is not inside the mcalign project (no ancestor folder holds " + MANIFEST + ")"));
  }

  /** The nearest ancestor of {@code start} (or itself) holding {@code data/manifest.tsv}. */
  public static Optional<Path> findProjectRoot(Path start) {
    for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(MANIFEST))) return Optional.of(p);
    }
    return Optional.empty();
  }

  /** The folder holding the files (absolute; do not print it in notebooks, use {@link #describe()}). */
  public Path folder() {
    return folder;
  }

  /**
   * The path of a file of the dataset, e.g. {@code ground_truth_global.csv} or
   * {@code prompts/prompt_templates.txt}; the file is recorded as used (for provenance).
   */
  public Path path(String localName) {
    Path p = folder.resolve(localName).normalize();
    if (!p.startsWith(folder) || p.equals(folder)) {
      throw new IllegalArgumentException("'" + localName + "' is not a file name inside the dataset");
    }
    String name = folder.relativize(p).toString().replace('\\', '/');
    used.add(name);
    Path r = replaced.get(name);
    return r != null ? r : p;
  }

  /** The files asked for through {@link #path(String)} so far, sorted. */
  public Set<String> usedFiles() {
    return Collections.unmodifiableSet(new TreeSet<>(used));
  }

  public Kind kind() {
    return kind;
  }

  public boolean isDemo() {
    return kind == Kind.DEMO;
  }

  /** One line for notebooks, e.g. "paper data (mirror named by MCA_DATA)"; never an absolute path. */
  public String describe() {
    return description;
  }

  /**
   * Records the SHA-256 of the dataset's file {@code localName}, computed by a caller that has
   * just read every byte of it (e.g. stage 1's single pass over the microdata), so that
   * provenance does not read the file a second time. Ignored when {@code file} is not where
   * this dataset reads {@code localName}, or when its SHA-256 is already known.
   */
  public void recordSha256(String localName, Path file, String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256 in lower-case hex: '" + sha256 + "'");
    Path read = replaced.getOrDefault(localName, folder.resolve(localName)).toAbsolutePath().normalize();
    if (read.equals(file.toAbsolutePath().normalize())) checksums.putIfAbsent(localName, sha256);
  }

  /** SHA-256 of a file of the dataset, computed once per dataset. */
  String sha256(String localName) {
    return checksums.computeIfAbsent(localName, n -> Checksums.sha256(replaced.getOrDefault(n, folder.resolve(n))));
  }

  @Override
  public String toString() {
    return describe();
  }

  /** The how-to text shared by every "no data" message. */
  static final class HowTo {
    private HowTo() {}

    static final String TEXT =
        "To get the paper's data: (1) set MCA_DATA to a folder holding a copy (mirror) of the files "
            + "listed in " + MANIFEST + "; or (2) run `mcalign data fetch` on a machine with internet access; "
            + "or (3) download them by hand from https://github.com/" + Paper.UPSTREAM_REPOSITORY + "/tree/"
            + Paper.UPSTREAM_COMMIT + " (each file's upstream path is in " + MANIFEST + ") into "
            + LOCAL_FOLDER + "/ and check them with `mcalign data verify`. "
            + "Without the paper's data, a synthetic demo dataset in the same format can be generated instead.";
  }
}
