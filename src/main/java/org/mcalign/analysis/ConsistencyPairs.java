package org.mcalign.analysis;

/**
 * Which pairs of a bootstrap resample enter the consistency (self-join) correlation.
 */
public enum ConsistencyPairs {
  /**
   * The paper's code ({@code calculate_consistency} on the resampled table): every ordered
   * pair of distinct positions, so a row drawn twice pairs with its own copy. The default.
   */
  DISTINCT_POSITIONS,
  /**
   * Our variant: pairs of copies of one original row are left out. Not in the paper's code,
   * but it reproduces the paper's published bootstrap outputs (its demographic file's
   * consistency means to 0.006, where the code as written runs 0.01–0.03 higher).
   */
  DISTINCT_ROWS
}
