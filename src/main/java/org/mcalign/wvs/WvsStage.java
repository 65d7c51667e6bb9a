package org.mcalign.wvs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Stage 1 as the notebook runs it: the real EVS/WVS joint file when the environment variable
 * {@value #ENV} names it, otherwise generated microdata (a demo, said so everywhere), written
 * to {@code data/demo/} under the project root. Outputs go to {@code out/wvs-ground-truth/}
 * (real) or {@code data/demo/wvs-ground-truth/} (demo).
 */
public final class WvsStage {
  public static final String ENV = "MCA_WVS_MICRODATA";
  static final String DEMO_FILE = "data/demo/wvs-microdata.csv";

  private final Path root;
  private final Path microdata;
  private final boolean demo;
  private final MicrodataSynthesizer.Settings demoSettings;

  private WvsStage(Path root, Path microdata, boolean demo, MicrodataSynthesizer.Settings demoSettings) {
    this.root = root;
    this.microdata = microdata;
    this.demo = demo;
    this.demoSettings = demoSettings;
  }

  /** The real file from {@value #ENV}, else generated full-scale microdata (made once, seeded). */
  public static WvsStage resolve() {
    Path root = projectRoot();
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      if (!Files.isRegularFile(p)) {
        throw new MicrodataFormatException(p.getFileName().toString(), 0, ENV + " names "
            + (Files.isDirectory(p) ? "a folder; give the microdata CSV file itself" : "a file that does not exist"));
      }
      return new WvsStage(root, p, false, null);
    }
    return demo(root, MicrodataSynthesizer.Settings.defaults());
  }

  /** Generated microdata under {@code root/data/demo/}, regenerated when the settings differ. */
  static WvsStage demo(Path root, MicrodataSynthesizer.Settings s) {
    Path file = root.resolve(DEMO_FILE);
    Path stamp = root.resolve(DEMO_FILE + ".settings");
    String want = s.toString();
    try {
      if (!Files.exists(file) || !Files.exists(stamp) || !Files.readString(stamp).equals(want)) {
        new MicrodataSynthesizer(s).write(file);
        org.mcalign.data.AtomicFiles.writeString(stamp, want);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new WvsStage(root, file, true, s);
  }

  public boolean isDemo() {
    return demo;
  }

  public Path microdata() {
    return microdata;
  }

  /** Where {@link #run()} writes. */
  public Path outputDir() {
    return root.resolve(demo ? "data/demo/wvs-ground-truth" : "out/wvs-ground-truth");
  }

  /** One line for the top of the notebook; never an absolute path. */
  public String describe() {
    if (demo) {
      return String.format("DEMO: generated microdata (%,d respondents, seed %d, planted %s) in %s — not the real survey",
          demoSettings.respondents(), demoSettings.seed(), demoSettings.plants().stream()
              .map(p -> p.group() + " " + p.item() + (p.shift() > 0 ? " +" : " ") + p.shift()).toList(),
          DEMO_FILE);
    }
    return "EVS/WVS joint microdata from $" + ENV + " (" + microdata.getFileName() + ")";
  }

  @Override
  public String toString() {
    return describe();
  }

  /** Reads the microdata in one pass, computes every table with the paper's settings and writes them. */
  public GroundTruth run() {
    return run(GroundTruthSettings.paper());
  }

  public GroundTruth run(GroundTruthSettings settings) {
    GroundTruth gt = GroundTruth.compute(microdata, settings, Microdata.Progress.NONE);
    gt.writeTo(outputDir(), demo ? org.mcalign.data.Dataset.demo(microdata.toAbsolutePath().getParent())
        : org.mcalign.data.Dataset.at(microdata.toAbsolutePath().getParent()));
    return gt;
  }

  /** Output folder relative to the project root, for the notebook's last cell. */
  public String outputsDescription() {
    return "outputs (5 CSV files + provenance.json) in " + root.relativize(outputDir()) + "/";
  }

  /**
   * Our tables beside the published ones (MCA_DATA, data/paper or ../shared/paper-data): same
   * header, rows, common keys and the largest absolute difference of pro scores on common keys.
   * On generated microdata only the format is comparable; values are not.
   */
  public Table compareWithPublished(GroundTruth gt) {
    Path paper = paperFolder();
    StringColumn file = StringColumn.create("file");
    BooleanColumn same = BooleanColumn.create("same_header");
    IntColumn ours = IntColumn.create("rows");
    IntColumn published = IntColumn.create("published_rows");
    IntColumn common = IntColumn.create("common_keys");
    DoubleColumn diff = DoubleColumn.create("max_abs_diff");
    Map<String, Table> tables = Map.of(GroundTruth.EVERY_COUNTRY, gt.everyCountry(), GroundTruth.PER_LANGUAGE,
        gt.perLanguage(), GroundTruth.GLOBAL, gt.global(), GroundTruth.COUNTRY_LANGUAGES, gt.countryLanguages(),
        GroundTruth.SELF_CONSISTENCY, gt.selfConsistency());
    for (String name : List.of(GroundTruth.EVERY_COUNTRY, GroundTruth.PER_LANGUAGE, GroundTruth.GLOBAL,
        GroundTruth.COUNTRY_LANGUAGES, GroundTruth.SELF_CONSISTENCY)) {
      Table t = tables.get(name);
      file.append(name);
      ours.append(t.rowCount());
      Path p = paper == null ? null : paper.resolve(name);
      if (p == null || !Files.exists(p)) {
        same.appendMissing();
        published.appendMissing();
        common.appendMissing();
        diff.appendMissing();
        continue;
      }
      try {
        List<String> lines = Files.readAllLines(p);
        same.append(lines.get(0).equals(String.join(",", t.columnNames())));
        published.append(lines.size() - 1);
        Map<String, Double> theirs = new java.util.HashMap<>();
        int valueCol = t.columnNames().indexOf(t.columnNames().contains("pro_score") ? "pro_score" : "self_consistency");
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.split(",");
          theirs.put(key(f, valueCol), valueCol >= 0 ? Double.parseDouble(f[valueCol]) : 0);
        }
        int n = 0;
        double max = 0;
        for (int r = 0; r < t.rowCount(); r++) {
          String[] f = new String[t.columnCount()];
          for (int c = 0; c < f.length; c++) f[c] = t.column(c).getString(r);
          Double v = theirs.get(key(f, valueCol));
          if (v == null) continue;
          n++;
          if (valueCol >= 0) max = Math.max(max, Math.abs(v - t.doubleColumn(valueCol).getDouble(r)));
        }
        common.append(n);
        if (valueCol >= 0 && n > 0) diff.append(max);
        else diff.appendMissing();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return Table.create("compared with the published files", file, same, ours, published, common, diff);
  }

  private static String key(String[] fields, int valueCol) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) if (i != valueCol) sb.append(fields[i]).append('\u0001');
    return sb.toString();
  }

  static Path paperFolder() {
    String env = System.getenv("MCA_DATA");
    Path root = projectRoot();
    for (Path p : new Path[] {env == null ? null : Path.of(env), root.resolve("data/paper"),
        root.resolve("../shared/paper-data")}) {
      if (p != null && Files.isDirectory(p)) return p;
    }
    return null;
  }

  /** The nearest folder upwards from the working directory that holds pom.xml. */
  static Path projectRoot() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) if (Files.exists(p.resolve("pom.xml"))) return p;
    return here;
  }
}
