package org.mcalign.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.StringColumns;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's total ground-truth alignment ({@code analyze_total_gt_alignment} with
 * {@code polars_sample_and_calculate}): per round the joined table (responses × ground truth
 * of one level, on the question) is resampled with replacement to its own size; on that one
 * resample, the metric per (model_name, gt_group, response_language) between
 * {@code response_pro_score} and the ground-truth {@code pro_score}, and the consistency per
 * (language, model_name): Spearman over all ordered pairs of distinct resampled rows with the
 * same question, model and language, divided by {@code 1 - error rate}; inner-joined on
 * response_language = language and model. {@code rounds = 0} is one pass without resampling.
 */
public final class TotalGroundTruthAlignment {
  private TotalGroundTruthAlignment() {}

  /** The paper's output file name, e.g. {@code spearman_n100_extreme_total_gt_alignment.csv}. */
  public static String fileName(Metric metric, int rounds) {
    return metric.id() + "_n" + rounds + "_extreme_total_gt_alignment.csv";
  }

  /**
   * All three levels (global, language, country) concatenated, as the paper's
   * {@code analyze_absolute_all_combinations}; responses must already hold the baselines.
   * Each level draws from its own stream of the seed.
   */
  public static AnalysisResult run(AnalysisInputs in, Table responses, Metric metric, int rounds,
      long seed, AnalysisSettings settings) {
    return run(levels(in, responses), metric, rounds, seed, settings);
  }

  /**
   * The joined tables of the three levels and their groups, which do not depend on the metric:
   * built once, they serve the runs of all three metrics ({@code analyze all} runs Spearman,
   * mean alignment and Pearson on the same responses).
   */
  public static Levels levels(AnalysisInputs in, Table responses) {
    Map<GroundTruthType, Plan> plans = new java.util.EnumMap<>(GroundTruthType.class);
    for (GroundTruthType type : GroundTruthType.values()) plans.put(type, new Plan(JoinedScores.join(responses, JoinedScores.groundTruth(in, type))));
    return new Levels(plans);
  }

  /** See {@link #levels}. */
  public static final class Levels {
    private final Map<GroundTruthType, Plan> plans;

    private Levels(Map<GroundTruthType, Plan> plans) {
      this.plans = plans;
    }
  }

  /** {@link #run(AnalysisInputs, Table, Metric, int, long, AnalysisSettings)} on levels already built. */
  public static AnalysisResult run(Levels levels, Metric metric, int rounds, long seed, AnalysisSettings settings) {
    Table out = null;
    for (GroundTruthType type : GroundTruthType.values()) {
      Table t = runPlan(levels.plans.get(type), type, metric, rounds, levelSeed(seed, type), settings.threads(), settings.reliability(),
          settings.consistencyPairs());
      out = out == null ? t : out.append(t);
    }
    Map<String, Object> s = new LinkedHashMap<>(settings.asMap());
    s.put("metric", metric.id());
    s.put("rounds", rounds);
    return new AnalysisResult("total_gt_alignment", out.setName(fileName(metric, rounds)), s, seed);
  }

  static long levelSeed(long seed, GroundTruthType type) {
    return seed + 0x632BE59BD9B4E019L * (type.ordinal() + 1);
  }

  /** One level: columns model_name, gt_group, response_language, metric_value, consistency, round, gt_type, metric. */
  public static Table runLevel(Table responses, Table groundTruth, GroundTruthType type, Metric metric,
      int rounds, long seed, int threads, double reliability) {
    return runLevel(responses, groundTruth, type, metric, rounds, seed, threads, reliability, ConsistencyPairs.DISTINCT_ROWS);
  }

  public static Table runLevel(Table responses, Table groundTruth, GroundTruthType type, Metric metric,
      int rounds, long seed, int threads, double reliability, ConsistencyPairs pairs) {
    return runPlan(new Plan(JoinedScores.join(responses, groundTruth)), type, metric, rounds, seed, threads, reliability, pairs);
  }

  private static Table runPlan(Plan plan, GroundTruthType type, Metric metric, int rounds, long seed, int threads, double reliability,
      ConsistencyPairs pairs) {
    List<double[][]> results = rounds == 0
        ? List.<double[][]>of(plan.round(metric, null, reliability, pairs))
        : Rounds.run(rounds, seed, threads, (r, rng) -> plan.round(metric, rng, reliability, pairs));
    return plan.table(results, type, metric);
  }

  /** Precomputed groups of one joined table; {@link #round} is the hot path. */
  static final class Plan {
    final JoinedScores j;
    final MetricGroup[] groups; // in output order (model_name, gt_group, response_language)
    final String[][] groupNames;
    final ConsistencyGroup[] consistency;
    final int[] consistencyOf; // per metric group, its consistency group or -1
    final int maxDistinct;
    /** Per-thread multiplicities of a round (one array per worker instead of one per round). */
    private final ThreadLocal<int[]> weights;

    Plan(JoinedScores j) {
      this.j = j;
      Grouping mg = Grouping.of(j.n, r -> Grouping.pack(j.model[r], j.gtGroup[r], j.responseLanguage[r]));
      Integer[] order = new Integer[mg.size()];
      for (int g = 0; g < order.length; g++) order[g] = g;
      groupNames = new String[mg.size()][];
      for (int g = 0; g < order.length; g++) {
        long k = mg.keys[g];
        groupNames[g] = new String[] {j.models.name(Grouping.unpack(k, 0)),
            j.gtGroups.name(Grouping.unpack(k, 1)), j.languages.name(Grouping.unpack(k, 2))};
      }
      Comparator<Integer> byName = Comparator.comparing((Integer g) -> groupNames[g][0])
          .thenComparing(g -> groupNames[g][1]).thenComparing(g -> groupNames[g][2]);
      Arrays.sort(order, byName);
      String[][] sortedNames = new String[order.length][];
      groups = new MetricGroup[order.length];
      int[] sortedKeysLangModel = new int[order.length * 2];
      for (int i = 0; i < order.length; i++) {
        int g = order[i];
        groups[i] = new MetricGroup(mg.rows[g], j.responseScore, j.gtScore);
        sortedNames[i] = groupNames[g];
        sortedKeysLangModel[2 * i] = Grouping.unpack(mg.keys[g], 2);
        sortedKeysLangModel[2 * i + 1] = Grouping.unpack(mg.keys[g], 0);
      }
      System.arraycopy(sortedNames, 0, groupNames, 0, order.length);

      Grouping cg = Grouping.of(j.n, r -> Grouping.pack(j.language[r], j.model[r], 0));
      consistency = new ConsistencyGroup[cg.size()];
      Map<Long, Integer> consIndex = new java.util.HashMap<>();
      int md = 0;
      for (int c = 0; c < cg.size(); c++) {
        int[] rows = cg.rows[c];
        Grouping cells = Grouping.of(rows.length, i -> j.question[rows[i]]);
        int[][] cellRows = new int[cells.size()][];
        for (int q = 0; q < cells.size(); q++) {
          int[] local = cells.rows[q];
          cellRows[q] = new int[local.length];
          for (int i = 0; i < local.length; i++) cellRows[q][i] = rows[local[i]];
        }
        consistency[c] = new ConsistencyGroup(cellRows, j.responseScore);
        consIndex.put(cg.keys[c], c);
        md = Math.max(md, consistency[c].distinct());
      }
      consistencyOf = new int[groups.length];
      for (int i = 0; i < groups.length; i++) {
        Integer c = consIndex.get(Grouping.pack(sortedKeysLangModel[2 * i], sortedKeysLangModel[2 * i + 1], 0));
        consistencyOf[i] = c == null ? -1 : c;
        md = Math.max(md, groups[i].distinct());
      }
      maxDistinct = md;
      weights = ThreadLocal.withInitial(() -> new int[j.n]);
    }

    /** One round ({@code rng == null}: no resampling): [metric per group, consistency per group]. */
    double[][] round(Metric metric, org.mcalign.stats.Draws rng, double reliability, ConsistencyPairs pairs) {
      int[] w = weights.get(); // every entry is set below
      if (rng == null) Arrays.fill(w, 1);
      else Rounds.resampleCounts(w, j.n, rng);
      double[] a = new double[maxDistinct], b = new double[maxDistinct];
      double[] cons = new double[consistency.length];
      for (int c = 0; c < cons.length; c++)
        cons[c] = consistency[c].spearman(w, a, pairs) / reliability;
      double[] value = new double[groups.length];
      double[] consOut = new double[groups.length];
      double[] present = new double[groups.length];
      for (int g = 0; g < groups.length; g++) {
        // a group absent from the resample has no row in the paper's group_by output
        if (consistencyOf[g] < 0 || groups[g].weight(w) == 0) { value[g] = Double.NaN; consOut[g] = Double.NaN; continue; }
        present[g] = 1;
        value[g] = groups[g].compute(metric, w, a, b);
        consOut[g] = cons[consistencyOf[g]];
      }
      return new double[][] {value, consOut, present};
    }

    Table table(List<double[][]> rounds, GroundTruthType type, Metric metric) {
      int rows = 0;
      for (double[][] r : rounds) for (double p : r[2]) if (p > 0) rows++;
      int[] groupOf = new int[rows], round = new int[rows];
      double[] value = new double[rows], cons = new double[rows];
      int p = 0;
      for (int r = 0; r < rounds.size(); r++) {
        double[][] res = rounds.get(r);
        for (int g = 0; g < groups.length; g++) {
          if (res[2][g] == 0) continue;
          groupOf[p] = g;
          value[p] = res[0][g];
          cons[p] = res[1][g];
          round[p++] = r;
        }
      }
      String[][] names = new String[3][groups.length];
      for (int g = 0; g < groups.length; g++) for (int c = 0; c < 3; c++) names[c][g] = groupNames[g][c];
      int[] same = new int[rows]; // one value in every row
      return Table.create("total_gt_alignment_" + type.id(), StringColumns.of("model_name", names[0], groupOf, rows),
          StringColumns.of("gt_group", names[1], groupOf, rows), StringColumns.of("response_language", names[2], groupOf, rows),
          DoubleColumn.create("metric_value", value), DoubleColumn.create("consistency", cons), IntColumn.create("round", round),
          StringColumns.of("gt_type", new String[] {type.id()}, same, rows), StringColumns.of("metric", new String[] {metric.id()}, same, rows));
    }
  }
}
