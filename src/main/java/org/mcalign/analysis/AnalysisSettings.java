package org.mcalign.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mcalign.data.Paper;

/**
 * Every setting the paper fixes for stages 7–8, with the paper's values as defaults. One
 * place, so that notebooks, tests, the command line and the benchmark agree.
 *
 * @param totalGtRounds bootstrap rounds of the total ground-truth alignment (the paper's
 *     {@code spearman_n100_extreme_total_gt_alignment.csv}: 100)
 * @param hypothesisRounds rounds of the other {@code analyse_hypotheses.py} analyses
 *     ({@code NUM_ROUNDS = 1000})
 * @param perGroupSample rows drawn per group in those analyses ({@code N = 500})
 * @param adjustedRounds bootstrap OLS fits of the adjusted alignments (100)
 * @param consistencyRounds bootstrap rounds of the self-consistency figure (100)
 * @param crossEffectsRounds bootstrap rounds of the cross-effects figure (100)
 * @param errorRate scoring error rate; consistency is divided by {@code 1 - errorRate}
 * @param fiftyPercentSd sd of the fifty-percent baseline (0.01)
 * @param threads worker threads for bootstrap rounds (results do not depend on it)
 * @param consistencyPairs pairs of a resample in the consistency of the total ground-truth
 *     alignment and the demographic analysis ({@code analyse_hypotheses.py}); the paper's
 *     published outputs of that script leave copies of one response unpaired
 *     ({@link ConsistencyPairs#DISTINCT_ROWS})
 * @param selfConsistencyPairs the same for the self-consistency figure ({@code plot_consistency.py});
 *     the paper's published figure pairs a response drawn twice with its copy
 *     ({@link ConsistencyPairs#DISTINCT_POSITIONS}, its code as written)
 */
public record AnalysisSettings(
    int totalGtRounds,
    int hypothesisRounds,
    int perGroupSample,
    int adjustedRounds,
    int consistencyRounds,
    int crossEffectsRounds,
    double errorRate,
    double fiftyPercentSd,
    int threads,
    ConsistencyPairs consistencyPairs,
    ConsistencyPairs selfConsistencyPairs) {

  /**
   * The project's default master seed. Its value, 5125, is the paper's {@code RANDOM_SEED}
   * constant ({@code analyse_hypotheses.py}), which the paper uses only to subsample one
   * exploratory plot ({@code plot_monocultural_by_family}); the paper's bootstraps and
   * baselines are drawn unseeded, so no seed reproduces its draws. Every draw here derives
   * from this seed (or the one given), and results record it.
   */
  public static final long DEFAULT_SEED = 5125L;

  /**
   * The same value as {@link #DEFAULT_SEED}, under its old name.
   *
   * @deprecated use {@link #DEFAULT_SEED}: 5125 seeds none of the paper's bootstraps (they are unseeded)
   */
  @Deprecated
  public static final long PAPER_SEED = DEFAULT_SEED;

  public AnalysisSettings {
    if (totalGtRounds < 0 || hypothesisRounds < 0 || adjustedRounds < 0
        || consistencyRounds < 0 || crossEffectsRounds < 0)
      throw new IllegalArgumentException("rounds must be >= 0 (0 = one pass without resampling)");
    if (perGroupSample < 1) throw new IllegalArgumentException("perGroupSample must be >= 1");
    if (!(errorRate >= 0 && errorRate < 1)) throw new IllegalArgumentException("errorRate must be in [0, 1)");
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
    if (consistencyPairs == null || selfConsistencyPairs == null)
      throw new IllegalArgumentException("consistencyPairs and selfConsistencyPairs must be given");
  }

  /** The paper's settings. */
  public static AnalysisSettings paper() {
    return new AnalysisSettings(100, 1000, 500, 100, 100, 100, Paper.SCORING_ERROR_RATE, 0.01,
        Math.max(1, Runtime.getRuntime().availableProcessors()), ConsistencyPairs.DISTINCT_ROWS,
        ConsistencyPairs.DISTINCT_POSITIONS);
  }

  /** The same settings with every bootstrap round count set to {@code rounds}. */
  public AnalysisSettings withAllRounds(int rounds) {
    return new AnalysisSettings(rounds, rounds, perGroupSample, rounds, rounds, rounds, errorRate,
        fiftyPercentSd, threads, consistencyPairs, selfConsistencyPairs);
  }

  public AnalysisSettings withTotalGtRounds(int rounds) {
    return new AnalysisSettings(rounds, hypothesisRounds, perGroupSample, adjustedRounds,
        consistencyRounds, crossEffectsRounds, errorRate, fiftyPercentSd, threads, consistencyPairs, selfConsistencyPairs);
  }

  public AnalysisSettings withThreads(int n) {
    return new AnalysisSettings(totalGtRounds, hypothesisRounds, perGroupSample, adjustedRounds,
        consistencyRounds, crossEffectsRounds, errorRate, fiftyPercentSd, n, consistencyPairs, selfConsistencyPairs);
  }

  /** The same settings with {@code pairs} in every consistency (alignment rounds and the self-consistency figure). */
  public AnalysisSettings withConsistencyPairs(ConsistencyPairs pairs) {
    return new AnalysisSettings(totalGtRounds, hypothesisRounds, perGroupSample, adjustedRounds,
        consistencyRounds, crossEffectsRounds, errorRate, fiftyPercentSd, threads, pairs, pairs);
  }

  /** The same settings with another scoring error rate (e.g. one measured from human labels, notebook 05b). */
  public AnalysisSettings withErrorRate(double rate) {
    return new AnalysisSettings(totalGtRounds, hypothesisRounds, perGroupSample, adjustedRounds, consistencyRounds,
        crossEffectsRounds, rate, fiftyPercentSd, threads, consistencyPairs, selfConsistencyPairs);
  }

  /** Consistency reliability divisor {@code 1 - errorRate} (0.955 in the paper). */
  public double reliability() {
    return 1.0 - errorRate;
  }

  /** The settings as an ordered map, for provenance. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total_gt_rounds", totalGtRounds);
    m.put("hypothesis_rounds", hypothesisRounds);
    m.put("per_group_sample", perGroupSample);
    m.put("adjusted_rounds", adjustedRounds);
    m.put("consistency_rounds", consistencyRounds);
    m.put("cross_effects_rounds", crossEffectsRounds);
    m.put("error_rate", errorRate);
    m.put("fifty_percent_sd", fiftyPercentSd);
    m.put("consistency_pairs", consistencyPairs.name().toLowerCase());
    m.put("self_consistency_pairs", selfConsistencyPairs.name().toLowerCase());
    return m;
  }
}
