package org.mcalign.notebook.findings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.analysis.AnalysisInputs;
import org.mcalign.analysis.demo.Datasets;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.CsvOut;
import org.mcalign.data.Dataset;
import org.mcalign.data.Provenance;
import org.mcalign.plot.Figure;
import org.mcalign.stats.RegressionResults;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a notebook's last cell writes, and nothing else: the tables and regressions it showed
 * under {@code target/notebook-output/NAME/} of the project, its figures into the project's
 * {@code plots/}, and {@code provenance.json}; on the DEMO dataset every name starts with
 * {@code DEMO-}. The returned table lists each file written, relative to the project root.
 */
final class Outputs {
  private final AnalysisInputs in;
  private final String name;
  private final Path root;
  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Map<String, RegressionResults> regressions = new LinkedHashMap<>();
  private final List<Figure> figures = new ArrayList<>();

  /** Outputs under the project's root (found from the working folder, as the notebooks run). */
  Outputs(AnalysisInputs in, String name) {
    this(in, name, Dataset.findProjectRoot(Path.of("")).orElse(Path.of("")));
  }

  Outputs(AnalysisInputs in, String name, Path root) {
    this.in = in;
    this.name = name;
    this.root = root.toAbsolutePath().normalize();
  }

  Outputs table(String fileName, Table t) {
    tables.put(fileName, t);
    return this;
  }

  Outputs regression(String baseName, RegressionResults fit) {
    regressions.put(baseName, fit);
    return this;
  }

  /** A figure as shown (already DEMO-labelled and named by {@link Datasets#figure}). */
  Outputs figure(Figure f) {
    figures.removeIf(g -> g.fileName().equals(f.fileName()));
    figures.add(f);
    return this;
  }

  /** Writes everything (atomically, file by file) and returns the list of files written. */
  Table write(long seed, Map<String, ?> settings) {
    Dataset d = in.dataset();
    Path folder = root.resolve("target").resolve("notebook-output").resolve(Datasets.fileName(d, name));
    StringColumn file = StringColumn.create("file"), dir = StringColumn.create("folder"), kind = StringColumn.create("what");
    IntColumn kb = IntColumn.create("kilobytes");
    List<Path> written = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    tables.forEach((n, t) -> {
      written.add(CsvOut.write(t, folder.resolve(Datasets.fileName(d, n))));
      kinds.add("table (CSV)");
    });
    regressions.forEach((n, fit) -> {
      written.add(AtomicFiles.writeString(folder.resolve(Datasets.fileName(d, n + ".json")), fit.toJson() + "\n"));
      kinds.add("regression (fit --json schema)");
      String header = d.isDemo() ? Datasets.DEMO_BANNER + "\n\n" : "";
      written.add(AtomicFiles.writeString(folder.resolve(Datasets.fileName(d, n + ".txt")), header + fit.summary() + "\n"));
      kinds.add("regression summary (text)");
    });
    for (Figure f : figures) {
      written.add(f.saveIn(root.resolve("plots")));
      kinds.add("figure (PNG, 2× density)");
    }
    Map<String, Object> s = new LinkedHashMap<>(settings);
    s.put("notebook_outputs", name);
    written.add(Datasets.writeProvenance(d, Provenance.of(d, seed, s), folder));
    kinds.add("provenance (data checksums, seed, settings)");
    for (int i = 0; i < written.size(); i++) {
      Path p = written.get(i).toAbsolutePath().normalize();
      file.append(p.getFileName().toString());
      Path parent = p.getParent();
      dir.append((parent.startsWith(root) ? root.relativize(parent).toString().replace('\\', '/') : parent.getFileName().toString()) + "/");
      kind.append(kinds.get(i));
      try {
        kb.append((int) Math.max(1, Math.round(Files.size(p) / 1024.0)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot read back " + p.getFileName() + ": " + e.getMessage(), e);
      }
    }
    return Table.create(written.size() + " files written", file, dir, kind, kb);
  }
}
