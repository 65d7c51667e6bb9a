package org.mcalign.analysis;

/**
 * Which pairs of a bootstrap resample enter the consistency (self-join) correlation.
 *
 * <p>The paper defines a model's self-consistency as the correlation between pairs of
 * responses to the same question, and the wording is "identical rows excluded".
 * Its code at the pinned commit numbers rows after resampling, so a response drawn twice is
 * also paired with its own copy, which lifts every bootstrap consistency by 0.01–0.03 over
 * its one-pass value. The paper's published bootstrap outputs do not show that lift
 * ({@code spearman_n1000_demographic_analysis.csv}: within 0.006 of {@link #DISTINCT_ROWS},
 * 0.01–0.03 below {@link #DISTINCT_POSITIONS}), nor do its RQ1 coefficients. Both agree
 * exactly on one pass without resampling.
 */
public enum ConsistencyPairs {
  /**
   * The paper's definition and our default: pairs of distinct responses; copies of one
   * original row made by resampling are not paired with each other.
   */
  DISTINCT_ROWS,
  /**
   * The paper's code as written ({@code calculate_consistency} with {@code with_row_index}
   * on the resampled table): every ordered pair of distinct positions, so a row drawn twice
   * pairs with its own copy. Kept to show what the code as written gives.
   */
  DISTINCT_POSITIONS
}
