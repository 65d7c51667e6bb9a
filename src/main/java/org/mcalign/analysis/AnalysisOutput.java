package org.mcalign.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.analysis.demo.Datasets;
import org.mcalign.data.CsvOut;
import org.mcalign.data.Dataset;
import org.mcalign.data.OutputFolder;
import org.mcalign.data.Provenance;

/**
 * Writes a {@link PaperAnalysis.Result}: every table as CSV under the paper's file names,
 * each regression as {@code NAME.json} (the {@code fit --json} schema) and {@code NAME.txt}
 * (summary), the figures into {@code plots/}, and {@code provenance.json}. The folder is
 * written as one set ({@link OutputFolder}): built in a staging folder and published by
 * renaming, so that a run killed at any moment leaves the previous run's set or this one,
 * never a mix; a second writer of the same folder is refused.
 * From the demo dataset every file name starts with {@code DEMO-}, every figure carries the
 * DEMO banner and every regression summary starts with it ({@link Datasets}).
 */
public final class AnalysisOutput {
  private AnalysisOutput() {}

  public static List<Path> write(PaperAnalysis.Result r, AnalysisInputs in, Path out, boolean figures) {
    return write(r, in, out, figures, new LinkedHashMap<>());
  }

  /** The name of the list of what a run on part of the study skipped (output → reason), written when it skipped anything. */
  public static final String SKIPPED_FILE = "skipped.csv";

  /**
   * As {@link #write(PaperAnalysis.Result, AnalysisInputs, Path, boolean)}, putting into {@code skipped}
   * every output not written (tables and regressions the run skipped, figures that could not be drawn)
   * with the reason; they are also listed in {@value #SKIPPED_FILE} and in provenance.json.
   */
  public static List<Path> write(PaperAnalysis.Result r, AnalysisInputs in, Path out, boolean figures, Map<String, String> skipped) {
    try (OutputFolder folder = OutputFolder.begin(out, "analyze (seed " + r.seed() + ")");
        OutputWriter writer = new OutputWriter(in, folder.staging(), r.settings().threads(), figures)) {
      writer.offerAll(r);
      writer.coreDone(r);
      return folder.publish(finish(r, in, folder.staging(), writer, skipped));
    }
  }

  /** A paper run and the files written from it (paths in the published folder). */
  public record Written(PaperAnalysis.Result result, List<Path> files) {}

  /**
   * Runs the paper's analyses ({@link PaperAnalysis#run}) and writes them as {@link #write} does,
   * each file as soon as its table, regression or figure exists, beside the parts still running
   * (the same files, byte for byte). The folder is taken before the analyses start (a second
   * writer is refused at once) and published when all is written; a run that fails leaves the
   * previous set.
   */
  public static Written runAndWrite(AnalysisInputs in, AnalysisSettings s, long seed, PaperAnalysis.Scope scope, Path out,
      boolean figures, Map<String, String> skipped) {
    try (OutputFolder folder = OutputFolder.begin(out, "analyze (seed " + seed + ")");
        OutputWriter writer = new OutputWriter(in, folder.staging(), s.threads(), figures)) {
      PaperAnalysis.Result r = PaperAnalysis.run(in, s, seed, scope, writer);
      return new Written(r, folder.publish(finish(r, in, folder.staging(), writer, skipped)));
    }
  }

  /** Waits for every file, then writes the skipped list and the provenance. */
  private static List<Path> finish(PaperAnalysis.Result r, AnalysisInputs in, Path out, OutputWriter writer, Map<String, String> skippedOut) {
    Dataset d = in.dataset();
    List<Path> written = new ArrayList<>(writer.files());
    Map<String, String> skipped = new LinkedHashMap<>(r.skipped());
    skipped.putAll(writer.skippedFigures());
    if (!skipped.isEmpty()) {
      tech.tablesaw.api.StringColumn what = tech.tablesaw.api.StringColumn.create("output"), why = tech.tablesaw.api.StringColumn.create("reason");
      skipped.forEach((k, v) -> {
        what.append(k);
        why.append(v);
      });
      written.add(CsvOut.write(tech.tablesaw.api.Table.create(SKIPPED_FILE, what, why), out.resolve(Datasets.fileName(d, SKIPPED_FILE))));
    }
    written.add(Datasets.writeProvenance(d, provenance(r, in, skipped), out));
    skippedOut.putAll(skipped);
    return written;
  }

  /**
   * Writes one analysis result (table) and its provenance: {@code masterSeed} as the seed,
   * the analysis's own (derived) seed in the settings as {@code part_seed}.
   */
  public static List<Path> write(AnalysisResult a, AnalysisInputs in, Path out, long masterSeed) {
    try (OutputFolder folder = OutputFolder.begin(out, "analyze " + a.name() + " (seed " + masterSeed + ")")) {
      Path staging = folder.staging();
      String name = a.table().name().endsWith(".csv") ? a.table().name() : a.table().name() + ".csv";
      Path csv = CsvOut.write(a.table(), staging.resolve(Datasets.fileName(in.dataset(), name)));
      Map<String, Object> s = new LinkedHashMap<>(a.settings());
      s.put("analysis", a.name());
      s.put("part_seed", a.seed());
      Path prov = Datasets.writeProvenance(in.dataset(), Provenance.of(in.dataset(), masterSeed, s), staging);
      return folder.publish(List.of(csv, prov));
    }
  }

  static Provenance provenance(PaperAnalysis.Result r, AnalysisInputs in) {
    return provenance(r, in, r.skipped());
  }

  static Provenance provenance(PaperAnalysis.Result r, AnalysisInputs in, Map<String, String> skipped) {
    Map<String, Object> s = new LinkedHashMap<>(r.settings().asMap());
    if (!r.coverage().isEmpty()) s.put("coverage", r.coverage());
    if (!skipped.isEmpty()) s.put("skipped", new LinkedHashMap<>(skipped));
    s.put("analysis", "all");
    s.put("part_seeds", "PaperAnalysis.partSeed(seed, part name)");
    Map<String, Object> t = new LinkedHashMap<>();
    r.seconds().forEach((k, v) -> t.put(k, Math.round(v * 1000) / 1000.0));
    s.put("wall_seconds", t);
    Map<String, Object> c = new LinkedHashMap<>();
    r.cpuSeconds().forEach((k, v) -> c.put(k, Math.round(v * 1000) / 1000.0));
    s.put("cpu_seconds", c);
    return Provenance.of(in.dataset(), r.seed(), s);
  }
}
