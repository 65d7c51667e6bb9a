package org.mcalign.analysis.demo;

import java.nio.file.Path;
import java.util.Optional;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.Dataset;
import org.mcalign.data.DatasetUnavailableException;
import org.mcalign.data.Provenance;
import org.mcalign.plot.Figure;

/**
 * The one dataset choice of the notebooks: the paper's data when it resolves, else the demo
 * (built on first use under {@code data/demo/}). {@code MCA_DEMO=1} forces the demo.
 */
public final class Datasets {
  private Datasets() {}

  /** Environment variable forcing the demo dataset even where the paper's data exists. */
  public static final String ENV_DEMO = "MCA_DEMO";

  public static Dataset paperOrDemo() {
    if (!"1".equals(System.getenv(ENV_DEMO))) {
      Optional<Dataset> found = Dataset.find();
      if (found.isPresent()) return found.get();
      try {
        return Dataset.resolve();
      } catch (DatasetUnavailableException e) {
        System.err.println("paper data unavailable (" + firstSentence(e.getMessage()) + "); using the DEMO dataset");
      } catch (RuntimeException e) {
        System.err.println("paper data download failed (" + e.getClass().getSimpleName() + "); using the DEMO dataset");
      }
    }
    return DemoData.ensure();
  }

  /** A title with the DEMO label when the dataset is the demo: every figure and table title goes through here. */
  public static String title(Dataset dataset, String title) {
    return dataset.isDemo() ? "DEMO — " + title : title;
  }

  /** A file name with the DEMO label when the dataset is the demo ({@code fig.png} → {@code DEMO-fig.png}). */
  public static String fileName(Dataset dataset, String name) {
    return dataset.isDemo() && !name.startsWith("DEMO") ? "DEMO-" + name : name;
  }

  /** The banner of every figure made from the demo dataset. */
  public static final String DEMO_BANNER = "DEMO — synthetic data with planted effects, not the paper's results";

  /** What a notebook's interpretation sentences mean when the notebook runs on the demo. */
  public static final String DEMO_NARRATIVE = "The sentences between the cells were written from the paper's data;"
      + " on the DEMO dataset the numbers differ (synthetic responses with planted effects).";

  /**
   * A figure as it must be shown and saved for {@code dataset}: from the demo, with the
   * {@link #DEMO_BANNER} across its top and its file name through {@link #fileName}; from the
   * paper's data, unchanged. Every stage 7–8 figure goes through here.
   */
  public static Figure figure(Dataset dataset, Figure figure) {
    if (!dataset.isDemo()) return figure;
    return figure.labelled(DEMO_BANNER).renamed(fileName(dataset, figure.fileName()));
  }

  /**
   * Writes {@code provenance} into {@code folder} as {@code provenance.json}, or
   * {@code DEMO-provenance.json} for the demo dataset (its {@code data_source.kind} is then
   * {@code DEMO} too).
   */
  public static Path writeProvenance(Dataset dataset, Provenance provenance, Path folder) {
    return AtomicFiles.writeString(folder.resolve(fileName(dataset, Provenance.FILE_NAME)), provenance.toJson() + "\n");
  }

  private static String firstSentence(String s) {
    if (s == null) return "no message";
    int i = s.indexOf(". ");
    return i < 0 ? s : s.substring(0, i);
  }
}
