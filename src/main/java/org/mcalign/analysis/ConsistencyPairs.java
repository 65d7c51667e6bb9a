package org.mcalign.analysis;

/**
 * Which pairs of a bootstrap resample enter a consistency (self-join) correlation.
 *
 * <p>The paper defines a model's self-consistency as the correlation between pairs of
 * responses to the same question. Its code at the pinned commit numbers rows after each
 * resample, so a response drawn twice is also paired with its own copy, which lifts the
 * consistency above its one-pass value. The paper's published outputs were not all made that
 * way, and {@link AnalysisSettings#paper()} follows each:
 * <ul>
 *   <li>{@code analyse_hypotheses.py} (total ground-truth alignment → RQ1, demographic):
 *       the published {@code spearman_n1000_demographic_analysis.csv} has consistency means
 *       within 0.006 of {@link #DISTINCT_ROWS} and 0.03 below {@link #DISTINCT_POSITIONS};
 *       the RQ1 table agrees with it too;</li>
 *   <li>{@code plot_consistency.py} (the self-consistency figure): the published bars are
 *       within 0.01 of {@link #DISTINCT_POSITIONS} on average and 0.06 above
 *       {@link #DISTINCT_ROWS}.</li>
 * </ul>
 * On one pass without resampling the two are identical.
 */
public enum ConsistencyPairs {
  /** Pairs of distinct responses: copies of one original row made by resampling are not paired with each other. */
  DISTINCT_ROWS,
  /** The code as written ({@code with_row_index} on the resampled table): a row drawn twice pairs with its own copy. */
  DISTINCT_POSITIONS
}
