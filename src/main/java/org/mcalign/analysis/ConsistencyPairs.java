package org.mcalign.analysis;

/**
 * Which pairs of a bootstrap resample enter a consistency (self-join) correlation.
 *
 * <p>What is computed: the Spearman correlation over ordered pairs of <em>rows</em> of the
 * table the consistency is taken on that share question, model and language, divided by
 * {@code 1 - error rate}. The paper calls it the correlation between pairs of responses, but in
 * the total ground-truth alignment ({@code analyse_hypotheses.py}, → RQ1) that table is the
 * responses joined to one level of ground truth, where each response appears once per
 * ground-truth group of its question: once at the global level, 4 times at the language level,
 * 13 times at the country level. Those copies are distinct rows, carry the same score and pair
 * with each other, so the same responses get a higher consistency at finer levels
 * (gemma-2-9b-it, Danish, one pass without resampling: 0.386 global, 0.448 language, 0.462
 * country). The project computes exactly that, because it reproduces the paper's outputs; only
 * the global level and the demographic analysis (one row per response) pair distinct responses
 * only. The two rules below concern copies made by <em>resampling</em>.
 *
 * <p>The paper's code numbers rows after each resample, so a row drawn twice is also paired
 * with its own copy, which lifts the consistency above its one-pass value. The paper's
 * published outputs were not all made that way, and {@link AnalysisSettings#paper()} follows
 * each:
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
  /** Pairs of distinct rows: copies of one row made by resampling are not paired with each other (ground-truth copies still are). */
  DISTINCT_ROWS(1),
  /** The code as written ({@code with_row_index} on the resampled table): a row drawn twice pairs with its own copy. */
  DISTINCT_POSITIONS(0);

  /**
   * 1 when a row's copies do not pair with each other, else 0: a row drawn {@code w} times may
   * not pair with {@code 1 + (w − 1)·copiesUnpaired} of its cell's positions. A number rather than
   * a test, so that the consistency kernel has no branch on the rule (whichever rule its first
   * compilation saw, the other then forced it to be compiled again).
   */
  final int copiesUnpaired;

  ConsistencyPairs(int copiesUnpaired) {
    this.copiesUnpaired = copiesUnpaired;
  }
}
