package org.mcalign.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a result came from: the data source (kind, description, and the SHA-256 of each file used,
 * compared with the manifest), the seed, the settings, the project version and the UTC time.
 * {@link #writeTo(Path)} writes it as {@code provenance.json} into a result folder.
 *
 * <pre>{@code
 * Provenance.of(dataset, 42, Map.of("rounds", 100)).writeTo(out);
 * }</pre>
 */
public final class Provenance {

  /** The file name written into every result folder. */
  public static final String FILE_NAME = "provenance.json";


  /**
   * One input file: its name inside the dataset, the path it was read from (the name inside the
   * dataset folder, or the user's file as given, e.g. {@code analyze --scores}), SHA-256, how
   * that compares with the manifest, and where it came from ({@link InputOrigin}).
   */
  public record FileSum(String file, String path, String sha256, String manifest, InputOrigin.Kind kind, String origin) {}

  private final Dataset.Kind kind;
  private final String overallKind;
  private final String source;
  private final String study;
  private final List<FileSum> files;
  private final long seed;
  private final Map<String, Object> settings;
  private final String version;
  private final Instant created;

  private Provenance(Dataset.Kind kind, String overallKind, String source, String study, List<FileSum> files, long seed,
      Map<String, Object> settings, String version, Instant created) {
    this.kind = kind;
    this.overallKind = overallKind;
    this.source = source;
    this.study = study;
    this.files = List.copyOf(files);
    this.seed = seed;
    this.settings = settings;
    this.version = version;
    this.created = created;
  }

  /**
   * The provenance of a result computed now from {@code dataset} (the files read through it so
   * far, see {@link Dataset#usedFiles()}), with {@code seed} and {@code settings}.
   */
  public static Provenance of(Dataset dataset, long seed, Map<String, ?> settings) {
    return of(dataset, seed, settings, dataset.usedFiles());
  }

  /** As {@link #of(Dataset, long, Map)} with the input files named explicitly. */
  public static Provenance of(Dataset dataset, long seed, Map<String, ?> settings, Collection<String> files) {
    String study = dataset.study().source(); // first: a study.json read now is listed with the files
    Optional<Manifest> manifest = Dataset.findProjectRoot(Path.of("")).map(Manifest::load).or(Manifest::builtIn);
    List<FileSum> sums = new java.util.ArrayList<>();
    for (String f : new TreeSet<>(files)) {
      String sha = dataset.sha256(f);
      String check = manifest.flatMap(m -> m.entry(f))
          .map(e -> e.sha256().equals(sha) ? "match" : "differs")
          .orElse(manifest.isPresent() ? "not listed" : "no manifest");
      Optional<Path> user = dataset.replacement(f);
      InputOrigin o = origin(dataset, f, user, check);
      sums.add(new FileSum(f, user.map(p -> p.toString().replace('\\', '/')).orElse(f), sha, check, o.kind(), o.description()));
    }
    Map<String, Object> sorted = new TreeMap<>(settings == null ? Map.of() : settings);
    List<FileSum> other = sums.stream().filter(x -> !consistent(dataset.kind(), x.kind())).toList();
    String description = dataset.describe();
    if (!other.isEmpty()) {
      description += "; " + other.size() + " of " + sums.size() + " input file(s) not " + (dataset.isDemo() ? "the demo's: " : "the paper's: ")
          + String.join(", ", other.stream().map(x -> x.file() + " (" + x.kind() + ")").toList());
    }
    return new Provenance(dataset.kind(), overall(dataset.kind(), other), description, study, sums, seed, sorted, projectVersion(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** Where one file came from: the user's file in its place, the demo, the paper's (hash as pinned), a sidecar, or unknown. */
  private static InputOrigin origin(Dataset d, String file, Optional<Path> user, String check) {
    if (user.isPresent()) {
      Optional<InputOrigin> side = InputOrigin.read(user.get());
      if (side.isPresent()) return side.get();
      if (!check.equals("match"))
        return new InputOrigin(InputOrigin.Kind.USER, "the user's file, not the paper's" + (check.equals("differs")
            ? " (its SHA-256 differs from the one pinned in " + Dataset.MANIFEST + ")" : "") + "; no record of its origin beside it ("
            + InputOrigin.sidecar(user.get()).getFileName() + ")");
    }
    if (d.isDemo() && user.isEmpty()) return new InputOrigin(InputOrigin.Kind.DEMO, "generated demo dataset (synthetic)");
    if (check.equals("match")) {
      String at = Paper.UPSTREAM_REPOSITORY + "@" + Paper.UPSTREAM_COMMIT;
      boolean downloaded = user.isEmpty() && (d.kind() == Dataset.Kind.LOCAL || d.kind() == Dataset.Kind.DOWNLOADED);
      return downloaded ? new InputOrigin(InputOrigin.Kind.PAPER_DOWNLOAD, "the paper's file, downloaded from " + at)
          : new InputOrigin(InputOrigin.Kind.PAPER_MIRROR, "the paper's file (SHA-256 as pinned, " + at + ")");
    }
    Optional<InputOrigin> side = InputOrigin.read(d.folder().resolve(file));
    if (side.isPresent()) return side.get();
    return new InputOrigin(InputOrigin.Kind.USER, switch (check) {
      case "differs" -> "not the paper's file: its SHA-256 differs from the one pinned in " + Dataset.MANIFEST;
      case "not listed" -> "not one of the paper's files (not in " + Dataset.MANIFEST + ")";
      default -> "cannot be checked against the paper's pinned hashes (no " + Dataset.MANIFEST + " found)";
    });
  }

  private static boolean consistent(Dataset.Kind dataset, InputOrigin.Kind file) {
    return dataset == Dataset.Kind.DEMO ? file == InputOrigin.Kind.DEMO
        : file == InputOrigin.Kind.PAPER_MIRROR || file == InputOrigin.Kind.PAPER_DOWNLOAD;
  }

  /** The data source's kind: the folder's when every file is what it says, else SIMULATED if any file is, else USER. */
  private static String overall(Dataset.Kind dataset, List<FileSum> other) {
    if (other.isEmpty()) return dataset.name();
    return other.stream().anyMatch(x -> x.kind() == InputOrigin.Kind.SIMULATED) ? InputOrigin.Kind.SIMULATED.name()
        : InputOrigin.Kind.USER.name();
  }

  /** Writes {@code provenance.json} into {@code folder} (created if needed) atomically. */
  public Path writeTo(Path folder) {
    return AtomicFiles.writeString(folder.resolve(FILE_NAME), toJson() + "\n");
  }

  /** The JSON written by {@link #writeTo(Path)}. */
  public String toJson() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", overallKind);
    data.put("folder", kind.name());
    data.put("description", source);
    if (files.isEmpty() || files.stream().anyMatch(f -> consistent(Dataset.Kind.MIRROR, f.kind())))
      data.put("upstream", Paper.UPSTREAM_REPOSITORY + "@" + Paper.UPSTREAM_COMMIT);
    data.put("study", study);
    data.put("files", files);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("project", "mcalign");
    root.put("project_version", version);
    root.put("created_utc", created.toString());
    root.put("seed", seed);
    root.put("settings", settings);
    root.put("data_source", data);
    try {
      return Json.pretty(root);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("settings cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  public Dataset.Kind dataKind() {
    return kind;
  }

  /**
   * The data source's kind as written: the folder's ({@link Dataset.Kind}) when every input is what
   * the folder says (the paper's as pinned, or the demo's), else SIMULATED or USER.
   */
  public String kind() {
    return overallKind;
  }

  public List<FileSum> files() {
    return files;
  }

  public long seed() {
    return seed;
  }

  public Map<String, Object> settings() {
    return settings;
  }

  public Instant created() {
    return created;
  }

  @Override
  public String toString() {
    return "Provenance(" + source + ", " + files.size() + " files, seed " + seed + ", " + created + ")";
  }

  /** The project version baked into the jar at build time. */
  public static String projectVersion() {
    try (InputStream in = Provenance.class.getResourceAsStream("/org/mcalign/version.properties")) {
      if (in == null) return "dev";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
