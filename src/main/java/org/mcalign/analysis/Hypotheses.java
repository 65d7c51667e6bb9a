package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
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
    Table t = switch (analysis) {
      case "english_language_alignment" -> englishLanguageAlignment(responses, gt, metric, s, seed, study);
      case "cross_linguistic_cultural_transfer" -> crossLinguisticTransfer(responses, gt, metric, s, seed, study);
      case "monocultural_alignment" -> monoculturalAlignment(responses, gt, metric, s, seed, study);
      case "extreme_absolute_performance" -> absolutePerformance(responses, gt, metric, s, seed);
      case "extreme_relative_performance" -> relativePerformance(responses, gt, metric, s, seed, true);
      case "extreme_relative_all_combinations" -> relativePerformance(responses, gt, metric, s, seed, false);
      default -> throw new IllegalArgumentException("unknown analysis '" + analysis + "'; expected one of " + NAMES);
    };
    Map<String, Object> settings = new LinkedHashMap<>(s.asMap());
    settings.put("metric", metric.id());
    settings.put("rounds", s.hypothesisRounds());
    return new AnalysisResult(analysis, t.setName(fileName(analysis, metric, s.hypothesisRounds())), settings, seed);
  }

  /** Ground truth rows by question key: (country, language, score). */
  static final class Gt {
    final Map<String, List<Integer>> byQuestion = new HashMap<>();
    final StringColumn country, language;
    final DoubleColumn score;

    Gt(Table t) {
      country = t.stringColumn("cntry_an");
      language = t.stringColumn("language");
      score = t.doubleColumn("pro_score");
      StringColumn q = t.stringColumn("question_key");
      for (int i = 0; i < t.rowCount(); i++) byQuestion.computeIfAbsent(q.get(i).toLowerCase(), k -> new ArrayList<>()).add(i);
    }

    List<Integer> of(String question) {
      return byQuestion.getOrDefault(question, List.of());
    }
  }

  private static String s(Table t, int i, String c) {
    return t.getString(i, c);
  }

  private static double score(Table t, int i) {
    return t.doubleColumn("response_pro_score").getDouble(i);
  }

  /** {@code analyze_american_superiority_bias}: English prompts against English-speaking countries' truth. */
  static Table englishLanguageAlignment(Table r, Gt gt, Metric m, AnalysisSettings s, long seed, Study study) {
    String english = study.referenceLanguage();
    GroupedPairs p = new GroupedPairs("model_name", "cntry_an");
    for (int i = 0; i < r.rowCount(); i++) {
      if (!s(r, i, "language").equals(english)) continue;
      for (int g : gt.of(s(r, i, "question_key")))
        if (gt.language.get(g).equals(english)) p.add(score(r, i), gt.score.getDouble(g), s(r, i, "model_name"), gt.country.get(g));
    }
    return p.table("english_language_alignment", p.sampleMetric(m, s.perGroupSample(), s.hypothesisRounds(), seed, s.threads()), "metric_value");
  }

  /** {@code analyze_cross_linguistic_transfer}: native alignment vs alignment with the US, non-US countries. */
  static Table crossLinguisticTransfer(Table r, Gt gt, Metric m, AnalysisSettings s, long seed, Study study) {
    String reference = study.referenceCountry();
    GroupedPairs nativePairs = new GroupedPairs("model_name", "cntry_an", "language");
    GroupedPairs usPairs = new GroupedPairs("model_name", "cntry_an", "language");
    for (int i = 0; i < r.rowCount(); i++) {
      if (!s(r, i, "language").equals(s(r, i, "response_language"))) continue;
      List<Integer> rows = gt.of(s(r, i, "question_key"));
      for (int g : rows) {
        if (!gt.language.get(g).equals(s(r, i, "language")) || gt.country.get(g).equals(reference)) continue;
        for (int u : rows) {
          if (!gt.country.get(u).equals(reference)) continue;
          String[] key = {s(r, i, "model_name"), gt.country.get(g), s(r, i, "language")};
          nativePairs.add(score(r, i), gt.score.getDouble(g), key);
          usPairs.add(score(r, i), gt.score.getDouble(u), key);
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
  static Table monoculturalAlignment(Table r, Gt gt, Metric m, AnalysisSettings s, long seed, Study study) {
    Set<String> englishSpeaking = study.referenceSpeakingCountries();
    String english = study.referenceLanguage(), englishName = study.languageName(english);
    GroupedPairs p = new GroupedPairs("model_name", "response_language", "cntry_an");
    for (int i = 0; i < r.rowCount(); i++) {
      String lang = s(r, i, "language");
      for (int g : gt.of(s(r, i, "question_key"))) {
        if (lang.equals(english) && !englishSpeaking.contains(gt.country.get(g)))
          p.add(score(r, i), gt.score.getDouble(g), s(r, i, "model_name"), englishName, gt.country.get(g));
        else if (!lang.equals(english) && lang.equals(s(r, i, "response_language")) && gt.language.get(g).equals(lang))
          p.add(score(r, i), gt.score.getDouble(g), s(r, i, "model_name"), "Native", gt.country.get(g));
      }
    }
    return p.table("monocultural_alignment", p.sampleMetric(m, s.perGroupSample(), s.hypothesisRounds(), seed, s.threads()), "metric_value");
  }

  /** {@code analyze_absolute_performance}: responses against the countries of their prompt language. */
  static Table absolutePerformance(Table r, Gt gt, Metric m, AnalysisSettings s, long seed) {
    GroupedPairs p = join(r, gt, (i, g) -> s(r, i, "language").equals(gt.language.get(g)));
    return p.table("extreme_absolute_performance", p.sampleMetric(m, s.perGroupSample(), s.hypothesisRounds(), seed, s.threads()), "metric_value");
  }

  private static GroupedPairs join(Table r, Gt gt, BiFunction<Integer, Integer, Boolean> keep) {
    GroupedPairs p = new GroupedPairs("model_name", "response_language", "cntry_an");
    for (int i = 0; i < r.rowCount(); i++)
      for (int g : gt.of(s(r, i, "question_key")))
        if (keep.apply(i, g)) p.add(score(r, i), gt.score.getDouble(g), s(r, i, "model_name"), s(r, i, "response_language"), gt.country.get(g));
    return p;
  }

  /**
   * {@code analyze_relative_performance} ({@code sameLanguage}: joined on question and
   * language) and {@code ..._all_combinations} (joined on the question only): each model's
   * metric minus the uniform-random baseline's metric of the same round, response language
   * and country.
   */
  static Table relativePerformance(Table r, Gt gt, Metric m, AnalysisSettings s, long seed, boolean sameLanguage) {
    GroupedPairs models = new GroupedPairs("model_name", "response_language", "cntry_an");
    GroupedPairs baseline = new GroupedPairs("model_name", "response_language", "cntry_an");
    for (int i = 0; i < r.rowCount(); i++)
      for (int g : gt.of(s(r, i, "question_key"))) {
        if (sameLanguage && !s(r, i, "language").equals(gt.language.get(g))) continue;
        GroupedPairs target = s(r, i, "model_name").equals(Paper.BASELINE_UNIFORM) ? baseline : models; // built in
        target.add(score(r, i), gt.score.getDouble(g), s(r, i, "model_name"), s(r, i, "response_language"), gt.country.get(g));
      }
    int rounds = s.hypothesisRounds();
    List<double[]> base = baseline.sampleMetric(m, s.perGroupSample(), rounds, seed ^ 0x2545F4914F6CDD1DL, s.threads());
    List<double[]> mod = models.sampleMetric(m, s.perGroupSample(), rounds, seed, s.threads());
    Map<String, Integer> baseGroup = new HashMap<>();
    for (int g = 0; g < baseline.groups(); g++) baseGroup.put(baseline.name(g).get(1) + "|" + baseline.name(g).get(2), g);
    List<double[]> diff = new ArrayList<>();
    for (int round = 0; round < mod.size(); round++) {
      double[] d = new double[models.groups()];
      for (int g = 0; g < d.length; g++) {
        Integer b = baseGroup.get(models.name(g).get(1) + "|" + models.name(g).get(2));
        d[g] = b == null ? Double.NaN : mod.get(round)[g] - base.get(round)[b]; // left join: NaN without baseline
      }
      diff.add(d);
    }
    return models.table(sameLanguage ? "extreme_relative_performance" : "extreme_relative_all_combinations", diff, "metric_value");
  }
}
