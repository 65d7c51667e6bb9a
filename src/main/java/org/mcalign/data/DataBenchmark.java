package org.mcalign.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import tech.tablesaw.api.Table;

/**
 * {@code mcalign bench data}: load + validation time of every file of the paper's data, checksum
 * speed over the whole manifest, and CSV writing with Python-style doubles.
 */
public final class DataBenchmark extends Benchmark.Steps {
  public DataBenchmark() {
    super("data");
  }


  @Override
  protected void measure(Settings settings, List<Measurement> rows) throws Exception {
    Dataset d = Dataset.resolve();
    PaperFiles files = PaperFiles.of(d);
    int warmups = settings.quick() ? 1 : 3;
    List<String> names = new ArrayList<>(PaperFiles.csvFiles());
    names.addAll(List.of("all-language-requests.jsonl", "olmo-analysis-responses.jsonl",
        "demographic-analysis-responses.jsonl", "example-json-prompts.jsonl", "stance_labels.json",
        "prompts/topic_variations_en.json", "prompts/prompt_templates.txt"));
    long totalBytes = 0;
    int totalRows = 0;
    for (String name : names) {
      int n = files.rowCount(name).orElse(0);
      long bytes = Files.size(d.path(name));
      totalBytes += bytes;
      totalRows += n;
      rows.add(Measurement.time("data: load+validate " + name, String.format("%,d rows, %.2f MB", n, bytes / 1e6),
          warmups, n, "rows", () -> files.rowCount(name)));
    }
    rows.add(Measurement.time("data: load+validate all " + names.size() + " files",
        String.format("%,d rows, %.2f MB", totalRows, totalBytes / 1e6), warmups, totalBytes / 1e6, "MB",
        () -> {
          for (String name : names) files.rowCount(name);
        }));

    Manifest manifest = Manifest.load(Dataset.findProjectRoot(Path.of("")).orElseThrow());
    rows.add(Measurement.time("data: sha256 of all manifest files",
        String.format("%d files, %.2f MB", manifest.entries().size(), manifest.totalBytes() / 1e6), warmups,
        manifest.totalBytes() / 1e6, "MB", () -> manifest.verify(d.folder())));

    Table scored = files.scoredResponses();
    Path tmp = Files.createTempDirectory("mcalign-bench");
    try {
      Path out = tmp.resolve("scored.csv");
      rows.add(Measurement.time("data: CsvOut.write scored responses", String.format("%,d rows", scored.rowCount()),
          warmups, scored.rowCount(), "rows", () -> CsvOut.write(scored, out)));
      Files.deleteIfExists(out);
    } finally {
      Files.deleteIfExists(tmp);
    }
    int n = settings.quick() ? 100_000 : 1_000_000;
    java.util.SplittableRandom rng = new java.util.SplittableRandom(settings.seed());
    double[] values = new double[n];
    for (int i = 0; i < n; i++) values[i] = rng.nextDouble();
    ToIntFunction<double[]> format = v -> {
      int h = 0;
      for (double x : v) h += PythonFloats.repr(x).length();
      return h;
    };
    rows.add(Measurement.time("data: Python-repr of doubles", String.format("%,d uniform doubles", n), warmups, n,
        "values", () -> format.applyAsInt(values)));
  }
}
