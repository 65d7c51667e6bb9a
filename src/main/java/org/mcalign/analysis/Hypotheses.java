package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mcalign.data.Paper;
import org.mcalign.data.Study;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The other analyses of the paper's {@code analyse_hypotheses.py}, each on the responses with
 * baselines and {@code ground_truth_all_countries.csv}, each round resampling every group to
 * {@code perGroupSample} rows ({@code sample_and_calculate}). Results keep the paper's
 * columns plus a {@code round} column.
 */
public final class Hypotheses {
  private Hypotheses() {}

  /** The analyses by the paper's file-name stem. */
  public static final List<String> NAMES = List.of(
      "english_language_alignment", "cross_linguistic_cultural_transfer", "monocultural_alignment",
      "extreme_absolute_performance", "extreme_relative_performance", "extreme_relative_all_combinations");

  /**
   * The analyses by the names the paper's {@code --analyses} option takes, in its order
   * ("All Countries" and "Demographic" are {@link TotalGroundTruthAlignment} and
   * {@link Demographic}).
   */
  public static final Map<String, String> PAPER_NAMES = Map.of(
      "American Superiority Bias", "english_language_alignment",
      "Cultural Transfer", "cross_linguistic_cultural_transfer",
      "Monocultural Alignment", "monocultural_alignment",
      "Absolute Performance", "extreme_absolute_performance",
      "Relative Performance", "extreme_relative_performance",
      "All Combinations", "extreme_relative_all_combinations");

  /** The analyses the paper's script runs by default (its {@code --analyses} default: all but Relative Performance). */
  public static final List<String> DEFAULT_ANALYSES = List.of("english_language_alignment",
      "cross_linguistic_cultural_transfer", "monocultural_alignment", "extreme_absolute_performance",
      "extreme_relative_all_combinations");

  /** An analysis by its file-name stem or the paper's display name. */
  public static String stem(String name) {
    String s = PAPER_NAMES.getOrDefault(name, name);
    if (!NAMES.contains(s))
      throw new IllegalArgumentException("unknown analysis '" + name + "'; expected one of " + NAMES + " or " + PAPER_NAMES.keySet());
    return s;
  }

  /**
   * The paper's {@code --threshold}: the ground-truth rows whose pro score is further than
   * {@code threshold} from 0.5 ({@code |pro_score - 0.5| > threshold}); null keeps all rows.
   */
  public static Table extremeGroundTruth(Table groundTruth, Double threshold) {
    if (threshold == null) return groundTruth;
    if (!(threshold >= 0 && threshold < 0.5))
      throw new IllegalArgumentException("threshold must be in [0, 0.5), got " + threshold);
    DoubleColumn p = groundTruth.doubleColumn("pro_score");
    return groundTruth.where(p.subtract(0.5).abs().isGreaterThan(threshold));
  }

  /** The paper's output name, e.g. {@code mean_alignment_n1000_monocultural_alignment.csv}. */
  public static String fileName(String analysis, Metric metric, int rounds) {
    return metric.id() + "_n" + rounds + "_" + analysis + ".csv";
  }

  public static AnalysisResult run(String analysis, AnalysisInputs in, Table responses, Metric metric,
      AnalysisSettings s, long seed) {
    return run(analysis, in.groundTruthAllCountries(), responses, metric, s, seed, in.study());
  }

  /** {@link #run(String, Table, Table, Metric, AnalysisSettings, long, Study)} with the paper's study. */
  public static AnalysisResult run(String analysis, Table groundTruthAllCountries, Table responses, Metric metric,
      AnalysisSettings s, long seed) {
    return run(analysis, groundTruthAllCountries, responses, metric, s, seed, Study.paper());
  }

  /**
   * As {@link #run(String, AnalysisInputs, Table, Metric, AnalysisSettings, long)} on a given
   * ground truth (e.g. {@link #extremeGroundTruth}). The paper's "US" and "English" are the
   * study's reference country and its language; its {@code ENGLISH_SPEAKING_COUNTRIES} are the
   * study's countries speaking that language ({@link Study#referenceSpeakingCountries()}).
   */
  public static AnalysisResult run(String analysis, Table groundTruthAllCountries, Table responses, Metric metric,
      AnalysisSettings s, long seed, Study study) {
    Gt gt = new Gt(groundTruthAllCountries);
    Responses r = new Responses(responses);
    Table t = switch (analysis) {
      case "english_language_alignment" -> englishLanguageAlignment(r, gt, metric, s, seed, study);
      case "cross_linguistic_cultural_transfer" -> crossLinguisticTransfer(r, gt, metric, s, seed, study);
      case "monocultural_alignment" -> monoculturalAlignment(r, gt, metric, s, seed, study);
      case "extreme_absolute_performance" -> absolutePerformance(r, gt, metric, s, seed);
      case "extreme_relative_performance" -> relativePerformance(r, gt, metric, s, seed, true);
      case "extreme_relative_all_combinations" -> relativePerformance(r, gt, metric, s, seed, false);
      default -> throw new IllegalArgumentException("unknown analysis '" + analysis + "'; expected one of " + NAMES);
    };
    Map<String, Object> settings = new LinkedHashMap<>(s.asMap());
    settings.put("metric", metric.id());
    settings.put("rounds", s.hypothesisRounds());
    return new AnalysisResult(analysis, t.setName(fileName(analysis, metric, s.hypothesisRounds())), settings, seed);
  }

  /** Ground truth rows by question key: (country, language, score), as arrays (read once, not per pair). */
  static final class Gt {
    private final Map<String, int[]> byQuestion = new HashMap<>();
    final String[] country, language;
    final double[] score;

    Gt(Table t) {
      country = t.stringColumn("cntry_an").asObjectArray();
      language = t.stringColumn("language").asObjectArray();
      score = t.doubleColumn("pro_score").asDoubleArray();
      StringColumn q = t.stringColumn("question_key");
      Map<String, List<Integer>> rows = new HashMap<>();
      for (int i = 0; i < t.rowCount(); i++) rows.computeIfAbsent(q.get(i).toLowerCase(), k -> new ArrayList<>()).add(i);
      rows.forEach((k, v) -> byQuestion.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The rows of a question, in table order. */
    int[] of(String question) {
      return byQuestion.getOrDefault(question, NONE);
    }

    private static final int[] NONE = new int[0];
  }

  /** Which (response row, ground-truth row) pairs a join keeps. */
  private interface PairFilter {
    boolean keep(int response, int truth);
  }

  /** The response columns the analyses read, as arrays (a column looked up by name per pair was most of their set-up). */
  static final class Responses {
    final int n;
    final String[] model, language, responseLanguage, question;
    final double[] score;

    Responses(Table t) {
      n = t.rowCount();
      model = t.stringColumn("model_name").asObjectArray();
      language = t.stringColumn("language").asObjectArray();
      responseLanguage = t.stringColumn("response_language").asObjectArray();
      question = t.stringColumn("question_key").asObjectArray();
      score = t.doubleColumn("response_pro_score").asDoubleArray();
    }
  }

  /** {@code analyze_american_superiority_bias}: English prompts against English-speaking countries' truth. */
  static Table englishLanguageAlignment(Responses r, Gt gt, Metric m, AnalysisSettings s, long seed, Study study) {
    String english = study.referenceLanguage();
    GroupedPairs p = new GroupedPairs("model_name", "cntry_an");
    for (int i = 0; i < r.n; i++) {
      if (!r.language[i].equals(english)) continue;
      for (int g : gt.of(r.question[i]))
        if (gt.language[g].equals(english)) p.add(r.score[i], gt.score[g], r.model[i], gt.country[g]);
    }
    return p.table("english_language_alignment", p.sampleMetric(m, s.perGroupSample(), s.hypothesisRounds(), seed, s.threads()), "metric_value");
  }

  /** {@code analyze_cross_linguistic_transfer}: native alignment vs alignment with the US, non-US countries. */
  static Table crossLinguisticTransfer(Responses r, Gt gt, Metric m, AnalysisSettings s, long seed, Study study) {
    String reference = study.referenceCountry();
    GroupedPairs nativePairs = new GroupedPairs("model_name", "cntry_an", "language");
    GroupedPairs usPairs = new GroupedPairs("model_name", "cntry_an", "language");
    boolean[] isReference = new boolean[gt.country.length];
    for (int g = 0; g < isReference.length; g++) isReference[g] = gt.country[g].equals(reference);
    int[] referenceRows = new int[0];
    for (int i = 0; i < r.n; i++) {
      if (!r.language[i].equals(r.responseLanguage[i])) continue;
      int[] rows = gt.of(r.question[i]);
      // the question's rows of the reference country, in table order: found once per response, not per pair
      int nr = 0;
      if (referenceRows.length < rows.length) referenceRows = new int[rows.length];
      for (int u : rows) if (isReference[u]) referenceRows[nr++] = u;
      for (int g : rows) {
        if (isReference[g] || !gt.language[g].equals(r.language[i])) continue;
        for (int k = 0; k < nr; k++) {
          int u = referenceRows[k];
          String[] key = {r.model[i], gt.country[g], r.language[i]};
          nativePairs.add(r.score[i], gt.score[g], key);
          usPairs.add(r.score[i], gt.score[u], key);
        }
      }
    }
    int rounds = s.hypothesisRounds();
    List<double[]> nat = nativePairs.sampleMetric(m, s.perGroupSample(), rounds, seed, s.threads());
    List<double[]> us = usPairs.sampleMetric(m, s.perGroupSample(), rounds, seed ^ 0x5DEECE66DL, s.threads());
    Table a = nativePairs.table("native", nat, "Native Alignment");
    Table b = usPairs.table("us", us, "US Alignment");
    // the paper merges the two on (model_name, cntry_an): language_x and language_y
    a.column("language").setName("language_x");
    Table out = a.copy();
    out.addColumns(b.stringColumn("language").copy().setName("language_y"), b.doubleColumn("US Alignment").copy());
    return out.reorderColumns("model_name", "cntry_an", "language_x", "Native Alignment", "language_y", "US Alignment", "round");
  }

  /** {@code analyze_monocultural_alignment}: English prompts vs non-English countries, native prompts vs their countries. */
  static Table monoculturalAlignment(Responses r, Gt gt, Metric m, AnalysisSettings s, long seed, Study study) {
    Set<String> englishSpeaking = study.referenceSpeakingCountries();
    String english = study.referenceLanguage(), englishName = study.languageName(english);
    GroupedPairs p = new GroupedPairs("model_name", "response_language", "cntry_an");
    for (int i = 0; i < r.n; i++) {
      String lang = r.language[i];
      for (int g : gt.of(r.question[i])) {
        if (lang.equals(english) && !englishSpeaking.contains(gt.country[g]))
          p.add(r.score[i], gt.score[g], r.model[i], englishName, gt.country[g]);
        else if (!lang.equals(english) && lang.equals(r.responseLanguage[i]) && gt.language[g].equals(lang))
          p.add(r.score[i], gt.score[g], r.model[i], "Native", gt.country[g]);
      }
    }
    return p.table("monocultural_alignment", p.sampleMetric(m, s.perGroupSample(), s.hypothesisRounds(), seed, s.threads()), "metric_value");
  }

  /** {@code analyze_absolute_performance}: responses against the countries of their prompt language. */
  static Table absolutePerformance(Responses r, Gt gt, Metric m, AnalysisSettings s, long seed) {
    GroupedPairs p = join(r, gt, (i, g) -> r.language[i].equals(gt.language[g]));
    return p.table("extreme_absolute_performance", p.sampleMetric(m, s.perGroupSample(), s.hypothesisRounds(), seed, s.threads()), "metric_value");
  }

  private static GroupedPairs join(Responses r, Gt gt, PairFilter keep) {
    GroupedPairs p = new GroupedPairs("model_name", "response_language", "cntry_an");
    for (int i = 0; i < r.n; i++)
      for (int g : gt.of(r.question[i]))
        if (keep.keep(i, g)) p.add(r.score[i], gt.score[g], r.model[i], r.responseLanguage[i], gt.country[g]);
    return p;
  }

  /**
   * {@code analyze_relative_performance} ({@code sameLanguage}: joined on question and
   * language) and {@code ..._all_combinations} (joined on the question only): each model's
   * metric minus the uniform-random baseline's metric of the same round, response language
   * and country.
   */
  static Table relativePerformance(Responses r, Gt gt, Metric m, AnalysisSettings s, long seed, boolean sameLanguage) {
    GroupedPairs models = new GroupedPairs("model_name", "response_language", "cntry_an");
    GroupedPairs baseline = new GroupedPairs("model_name", "response_language", "cntry_an");
    for (int i = 0; i < r.n; i++)
      for (int g : gt.of(r.question[i])) {
        if (sameLanguage && !r.language[i].equals(gt.language[g])) continue;
        GroupedPairs target = r.model[i].equals(Paper.BASELINE_UNIFORM) ? baseline : models; // built in
        target.add(r.score[i], gt.score[g], r.model[i], r.responseLanguage[i], gt.country[g]);
      }
    int rounds = s.hypothesisRounds();
    List<double[]> base = baseline.sampleMetric(m, s.perGroupSample(), rounds, seed ^ 0x2545F4914F6CDD1DL, s.threads());
    List<double[]> mod = models.sampleMetric(m, s.perGroupSample(), rounds, seed, s.threads());
    // each model group's baseline group (same response language and country), or -1: looked up once, not per round
    Map<List<String>, Integer> baseGroup = new HashMap<>();
    for (int g = 0; g < baseline.groups(); g++) baseGroup.put(baseline.name(g).subList(1, 3), g);
    int[] baseOf = new int[models.groups()];
    for (int g = 0; g < baseOf.length; g++) baseOf[g] = baseGroup.getOrDefault(models.name(g).subList(1, 3), -1);
    List<double[]> diff = new ArrayList<>();
    for (int round = 0; round < mod.size(); round++) {
      double[] d = new double[baseOf.length], mr = mod.get(round), br = base.get(round);
      for (int g = 0; g < d.length; g++) d[g] = baseOf[g] < 0 ? Double.NaN : mr[g] - br[baseOf[g]]; // left join: NaN without baseline
      diff.add(d);
    }
    return models.table(sameLanguage ? "extreme_relative_performance" : "extreme_relative_all_combinations", diff, "metric_value");
  }
}
