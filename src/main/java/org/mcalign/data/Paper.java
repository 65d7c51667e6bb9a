package org.mcalign.data;

/**
 * The paper's constants that are not part of a study: the upstream repository and commit of
 * its published data, its scoring error rate and its built-in baselines. The paper's models,
 * languages and countries are data: {@link Study#paper()}.
 */
public final class Paper {
  private Paper() {}

  /** The repository and commit whose published data this project reproduces. */
  public static final String UPSTREAM_REPOSITORY = "jhrystrom/multicultural-alignment";

  public static final String UPSTREAM_COMMIT = "f550348462acb84dbc26c05fbb6bd1bdb44ae24b";

  /** Display name of the "global" ground-truth group. */
  public static final String GLOBAL = "global";

  public static final String BASELINE_UNIFORM = "Baseline_uniform_random";
  public static final String BASELINE_FIFTY = "Baseline_fifty_percent";
  public static final String BASELINE_PERFECT = "Baseline_perfect";

  /** The scoring error rate from the paper's human validation; consistency is divided by 1 − this. */
  public static final double SCORING_ERROR_RATE = 0.045;
}
