package org.mcalign.analysis;

/** The three alignment metrics of the paper's {@code analyse_hypotheses.py}, by their file names. */
public enum Metric {
  /** Spearman rank correlation (average ranks), the metric of every RQ analysis. */
  SPEARMAN("spearman"),
  /** {@code 1 - mean |x - y|}. */
  MEAN_ALIGNMENT("mean_alignment"),
  /** Pearson correlation. */
  PEARSON("pearson");

  private final String id;

  Metric(String id) {
    this.id = id;
  }

  /** The name the paper uses in file names and the {@code metric} column. */
  public String id() {
    return id;
  }

  public static Metric of(String id) {
    for (Metric m : values()) if (m.id.equals(id) || m.name().equalsIgnoreCase(id)) return m;
    throw new IllegalArgumentException("unknown metric '" + id + "'; expected spearman, mean_alignment or pearson");
  }
}
