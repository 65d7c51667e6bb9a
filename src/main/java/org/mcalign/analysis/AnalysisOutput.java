package org.mcalign.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.analysis.demo.Datasets;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.CsvOut;
import org.mcalign.data.Dataset;
import org.mcalign.data.OutputFolder;
import org.mcalign.data.Provenance;
import org.mcalign.plot.Figure;

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
    try (OutputFolder folder = OutputFolder.begin(out, "analyze (seed " + r.seed() + ")")) {
      return folder.publish(writeInto(r, in, folder.staging(), figures));
    }
  }

  private static List<Path> writeInto(PaperAnalysis.Result r, AnalysisInputs in, Path out, boolean figures) {
    Dataset d = in.dataset();
    List<Path> written = new ArrayList<>();
    r.tables().forEach((name, t) -> written.add(CsvOut.write(t, out.resolve(Datasets.fileName(d, name)))));
    r.regressions().forEach((name, fit) -> {
      written.add(AtomicFiles.writeString(out.resolve(Datasets.fileName(d, name + ".json")), fit.toJson() + "\n"));
      String header = d.isDemo() ? Datasets.DEMO_BANNER + "\n\n" : "";
      written.add(AtomicFiles.writeString(out.resolve(Datasets.fileName(d, name + ".txt")), header + fit.summary() + "\n"));
    });
    // PaperFigures.all already labels and names demo figures
    if (figures)
      for (Figure f : PaperFigures.all(r, in)) written.add(f.saveIn(out.resolve("plots")));
    written.add(Datasets.writeProvenance(d, provenance(r, in), out));
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
    Map<String, Object> s = new LinkedHashMap<>(r.settings().asMap());
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
