package org.mcalign.analysis;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Our addition beside the paper's self-consistency figure: how much its bootstrap lifts each
 * bar. The figure's code pairs a response drawn twice with its own copy
 * ({@link ConsistencyPairs#DISTINCT_POSITIONS}); pairs of distinct responses
 * ({@link ConsistencyPairs#DISTINCT_ROWS}) stay centred on the one-pass value. Both runs use
 * the same seed, so they see the same resamples and differ only in the pairs.
 */
public final class ConsistencyPairing {
  private ConsistencyPairing() {}

  /**
   * Per model and language: {@code one_pass} (no resampling), the mean over the rounds with
   * the figure's pairs ({@code as_in_figure}) and with distinct responses only
   * ({@code distinct_responses}), and {@code lift = as_in_figure - distinct_responses}.
   */
  public static Table selfConsistencyLift(Table responses, AnalysisSettings s, long seed) {
    Table figure = means(responses, s.withConsistencyPairs(ConsistencyPairs.DISTINCT_POSITIONS), seed);
    Table distinct = means(responses, s.withConsistencyPairs(ConsistencyPairs.DISTINCT_ROWS), seed);
    Table once = means(responses, s.withConsistencyPairs(ConsistencyPairs.DISTINCT_ROWS).withAllRounds(0), seed);
    DoubleColumn onePass = once.doubleColumn("mean").copy().setName("one_pass");
    DoubleColumn asInFigure = figure.doubleColumn("mean").copy().setName("as_in_figure");
    DoubleColumn distinctResponses = distinct.doubleColumn("mean").copy().setName("distinct_responses");
    for (String key : new String[] {"model", "language"})
      for (Table t : new Table[] {figure, distinct, once})
        if (!t.stringColumn(key).asList().equals(figure.stringColumn(key).asList()))
          throw new IllegalStateException("self-consistency runs differ in their " + key + " order");
    return Table.create("self-consistency: the figure's pairs against distinct responses",
        figure.stringColumn("model").copy(), figure.stringColumn("language").copy(), onePass, asInFigure, distinctResponses,
        asInFigure.subtract(distinctResponses).setName("lift"));
  }

  private static Table means(Table responses, AnalysisSettings s, long seed) {
    return SelfConsistency.means(SelfConsistency.perModelLanguage(responses, s, seed).table());
  }
}
