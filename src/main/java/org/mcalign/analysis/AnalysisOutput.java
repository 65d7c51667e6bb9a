package org.mcalign.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.CsvOut;
import org.mcalign.data.Provenance;
import org.mcalign.plot.Figure;
import org.mcalign.stats.RegressionResults;

/**
 * Writes a {@link PaperAnalysis.Result}: every table as CSV under the paper's file names,
 * each regression as {@code NAME.json} (the {@code fit --json} schema) and {@code NAME.txt}
 * (summary), the figures into {@code plots/}, and {@code provenance.json}. All writes atomic.
 */
public final class AnalysisOutput {
  private AnalysisOutput() {}

  public static List<Path> write(PaperAnalysis.Result r, AnalysisInputs in, Path out, boolean figures) {
    List<Path> written = new ArrayList<>();
    r.tables().forEach((name, t) -> written.add(CsvOut.write(t, out.resolve(name))));
    r.regressions().forEach((name, fit) -> {
      written.add(AtomicFiles.writeString(out.resolve(name + ".json"), fit.toJson() + "\n"));
      written.add(AtomicFiles.writeString(out.resolve(name + ".txt"), fit.summary() + "\n"));
    });
    if (figures)
      for (Figure f : PaperFigures.all(r, in)) written.add(f.saveIn(out.resolve("plots")));
    written.add(provenance(r, in).writeTo(out));
    return written;
  }

  /**
   * Writes one analysis result (table) and its provenance: {@code masterSeed} as the seed,
   * the analysis's own (derived) seed in the settings as {@code part_seed}.
   */
  public static List<Path> write(AnalysisResult a, AnalysisInputs in, Path out, long masterSeed) {
    Path csv = CsvOut.write(a.table(), out.resolve(a.table().name().endsWith(".csv") ? a.table().name() : a.table().name() + ".csv"));
    Map<String, Object> s = new LinkedHashMap<>(a.settings());
    s.put("analysis", a.name());
    s.put("part_seed", a.seed());
    Path prov = Provenance.of(in.dataset(), masterSeed, s).writeTo(out);
    return List.of(csv, prov);
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
