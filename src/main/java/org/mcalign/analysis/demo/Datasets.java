package org.mcalign.analysis.demo;

import java.util.Optional;
import org.mcalign.data.Dataset;
import org.mcalign.data.DatasetUnavailableException;

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

  private static String firstSentence(String s) {
    if (s == null) return "no message";
    int i = s.indexOf(". ");
    return i < 0 ? s : s.substring(0, i);
  }
}
