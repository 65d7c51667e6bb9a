package org.mcalign.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** One input file: its name inside the dataset, SHA-256, and how that compares with the manifest. */
  public record FileSum(String file, String sha256, String manifest) {}

  private final Dataset.Kind kind;
  private final String source;
  private final String study;
  private final List<FileSum> files;
  private final long seed;
  private final Map<String, Object> settings;
  private final String version;
  private final Instant created;

  private Provenance(Dataset.Kind kind, String source, String study, List<FileSum> files, long seed,
      Map<String, Object> settings, String version, Instant created) {
    this.kind = kind;
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
    Optional<Manifest> manifest = Dataset.findProjectRoot(Path.of("")).map(Manifest::load);
    List<FileSum> sums = new java.util.ArrayList<>();
    for (String f : new TreeSet<>(files)) {
      String sha = dataset.sha256(f);
      String check = manifest.flatMap(m -> m.entry(f))
          .map(e -> e.sha256().equals(sha) ? "match" : "differs")
          .orElse(manifest.isPresent() ? "not listed" : "no manifest");
      sums.add(new FileSum(f, sha, check));
    }
    Map<String, Object> sorted = new TreeMap<>(settings == null ? Map.of() : settings);
    return new Provenance(dataset.kind(), dataset.describe(), study, sums, seed, sorted, projectVersion(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** Writes {@code provenance.json} into {@code folder} (created if needed) atomically. */
  public Path writeTo(Path folder) {
    return AtomicFiles.writeString(folder.resolve(FILE_NAME), toJson() + "\n");
  }

  /** The JSON written by {@link #writeTo(Path)}. */
  public String toJson() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", kind.name());
    data.put("description", source);
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
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("settings cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  public Dataset.Kind dataKind() {
    return kind;
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
