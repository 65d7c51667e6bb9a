package org.mcalign.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mcalign.data.Paper;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Realistic figure inputs for tests and previews, built from the paper's published files and
 * the goldens (fixtures shaped like the analysis outputs, not the analysis itself).
 */
final class PreviewData {
  private PreviewData() {}

  /** $MCA_DATA, else ../shared/paper-data relative to the project root (the CI layout). */
  static Path paperData() {
    String env = System.getenv("MCA_DATA");
    Path p = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "paper-data");
    return p;
  }

  static Path goldens() {
    return paperData().resolveSibling("goldens");
  }

  static boolean available() {
    return Files.isRegularFile(paperData().resolve("ground_truth_every_country.csv"));
  }

  static Table csv(Path p) {
    try {
      return Table.read().usingOptions(CsvReadOptions.builder(p.toFile()).tableName(p.getFileName().toString()));
    } catch (RuntimeException e) {
      throw new IllegalStateException("could not read " + p + ": " + e.getMessage(), e);
    }
  }

  /** A golden JSON's coefficients as the paper's extract_results_df (term, coefficient, p_value, ci bounds). */
  static Table coefficients(String goldenJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(goldens().resolve(goldenJson).toFile());
    StringColumn term = StringColumn.create("term");
    DoubleColumn coef = DoubleColumn.create("coefficient"), lo = DoubleColumn.create("conf_int_lower"),
        hi = DoubleColumn.create("conf_int_upper"), p = DoubleColumn.create("p_value");
    for (Iterator<String> it = root.get("params").fieldNames(); it.hasNext(); ) {
      String t = it.next();
      term.append(t);
      coef.append(root.get("params").get(t).asDouble());
      lo.append(root.get("ci_lower").get(t).asDouble());
      hi.append(root.get("ci_upper").get(t).asDouble());
      p.append(root.get("pvalues").get(t).asDouble());
    }
    return Table.create(goldenJson, term, coef, lo, hi, p);
  }

  /** The scatter's input: per bootstrap row of the RQ1 input, its (unadjusted) alignment against capability, with the interaction model's β. */
  static Table capabilityPlotData() throws IOException {
    Table in = csv(goldens().resolve("rq1_regression_input.csv"));
    Table coefs = coefficients("rq1_mixedlm_interaction.json");
    Map<String, double[]> beta = new HashMap<>();
    for (int i = 0; i < coefs.rowCount(); i++) {
      String t = coefs.stringColumn("term").get(i);
      String f = Terms.level(t, "family"), l = Terms.level(t, "language");
      if (f != null && l != null) beta.put(f + "|" + l, new double[] {coefs.doubleColumn("coefficient").get(i), coefs.doubleColumn("p_value").get(i)});
    }
    StringColumn model = StringColumn.create("model_name"), lang = StringColumn.create("language"), fam = StringColumn.create("family");
    DoubleColumn cap = DoubleColumn.create("multilingual capability"), ali = DoubleColumn.create("cultural alignment"),
        co = DoubleColumn.create("coefficient"), pv = DoubleColumn.create("p_value");
    for (int i = 0; i < in.rowCount(); i++) {
      String f = in.stringColumn("family").get(i), l = in.stringColumn("language").get(i);
      double[] b = beta.get(f + "|" + l);
      if (b == null) continue;
      model.append(org.mcalign.data.Study.paper().displayName(in.stringColumn("model_name").get(i)));
      lang.append(l);
      fam.append(f);
      cap.append(in.numberColumn("multilingual").getDouble(i) * 100);
      ali.append(in.numberColumn("alignment").getDouble(i));
      co.append(b[0]);
      pv.append(b[1]);
    }
    return Table.create("capability", model, lang, cap, ali, fam, co, pv);
  }

  /** Self-consistency per round, model and language (the RQ1 input's consistency column). */
  static Table selfConsistency() {
    Table in = csv(goldens().resolve("rq1_regression_input.csv"));
    Table t = Table.create("self-consistency",
        in.stringColumn("model_name").copy().setName("model"),
        in.stringColumn("language").copy(),
        in.numberColumn("consistency").asDoubleColumn().setName("self-consistency"));
    return t;
  }

  /** Within- minus between-language consistency gap, 20 bootstrap rounds over the self-joined scored responses (Pearson, as the paper). */
  static Table consistencyGaps(int rounds) {
    Table r = csv(paperData().resolve("all_lang_model_responses_with_scores.csv"));
    StringColumn model = StringColumn.create("model_name");
    DoubleColumn gap = DoubleColumn.create("Consistency Gap");
    Map<String, List<Integer>> byModel = new HashMap<>();
    for (int i = 0; i < r.rowCount(); i++) byModel.computeIfAbsent(r.stringColumn("model_name").get(i), k -> new ArrayList<>()).add(i);
    // the self-join: all ordered pairs of one model's answers to the same question
    List<int[]> pairs = new ArrayList<>();
    for (List<Integer> rows : byModel.values()) {
      Map<String, List<Integer>> byQ = new HashMap<>();
      for (int i : rows) byQ.computeIfAbsent(r.stringColumn("question_key").get(i), k -> new ArrayList<>()).add(i);
      for (List<Integer> q : byQ.values()) for (int a : q) for (int b : q) pairs.add(new int[] {a, b});
    }
    double[] score = new double[r.rowCount()];
    for (int i = 0; i < score.length; i++) score[i] = r.numberColumn("response_pro_score").isMissing(i) ? Double.NaN : r.numberColumn("response_pro_score").getDouble(i);
    SplittableRandom rng = new SplittableRandom(7);
    for (int round = 0; round < rounds; round++) {
      Map<String, double[][]> acc = new HashMap<>(); // model → [same, diff] × [n, sx, sy, sxx, syy, sxy]
      for (int k = 0; k < pairs.size(); k++) {
        int[] p = pairs.get(rng.nextInt(pairs.size()));
        double x = score[p[0]], y = score[p[1]];
        if (Double.isNaN(x) || Double.isNaN(y)) continue;
        String m = r.stringColumn("model_name").get(p[0]);
        int same = r.stringColumn("language").get(p[0]).equals(r.stringColumn("language").get(p[1])) ? 0 : 1;
        double[] s = acc.computeIfAbsent(m, q -> new double[2][6])[same];
        s[0]++; s[1] += x; s[2] += y; s[3] += x * x; s[4] += y * y; s[5] += x * y;
      }
      for (var e : acc.entrySet()) {
        double within = corr(e.getValue()[0]) / 0.955, between = corr(e.getValue()[1]) / 0.955;
        model.append(e.getKey());
        gap.append(within - between);
      }
    }
    return Table.create("gaps", model, gap);
  }

  private static double corr(double[] s) {
    double n = s[0], mx = s[1] / n, my = s[2] / n;
    return (s[5] / n - mx * my) / Math.sqrt((s[3] / n - mx * mx) * (s[4] / n - my * my));
  }

  /** Per-language breakdown shape: the no-resample alignments as coefficients with a ±0.03 interval, relevant groups only. */
  static Table languageBreakdown() {
    Table t = csv(goldens().resolve("total_gt_alignment_no_resample.csv"));
    StringColumn model = StringColumn.create("model_name"), group = StringColumn.create("gt_group"),
        level = StringColumn.create("level"), lang = StringColumn.create("language");
    DoubleColumn c = DoubleColumn.create("coefficient"), lo = DoubleColumn.create("conf_int_lower"), hi = DoubleColumn.create("conf_int_upper");
    for (int i = 0; i < t.rowCount(); i++) {
      String g = t.stringColumn("gt_group").get(i), l = t.stringColumn("response_language").get(i), type = t.stringColumn("gt_type").get(i);
      boolean relevant = g.equals(l) || g.equals("global") || g.equals("US") || g.equals("en") || l.equals(org.mcalign.data.Study.paper().country(g).map(org.mcalign.data.Study.Country::language).orElse(null));
      if (!relevant || g.equals("en") && !l.equals("en") && false) continue;
      double v = t.numberColumn("metric_value").getDouble(i);
      model.append(t.stringColumn("model_name").get(i)); group.append(g); level.append(type); lang.append(l);
      c.append(v); lo.append(v - 0.03); hi.append(v + 0.03);
    }
    return Table.create("breakdown", model, group, level, lang, c, lo, hi);
  }

  /** Residual-shaped values: each row minus its group's mean. */
  static double[][] groupResiduals(Table in, String value, String... groupCols) {
    Map<String, double[]> sums = new HashMap<>();
    String[] key = new String[in.rowCount()];
    double[] v = new double[in.rowCount()];
    for (int i = 0; i < key.length; i++) {
      StringBuilder sb = new StringBuilder();
      for (String g : groupCols) sb.append(in.column(g).getString(i)).append('|');
      key[i] = sb.toString();
      v[i] = in.numberColumn(value).getDouble(i);
      double[] s = sums.computeIfAbsent(key[i], k -> new double[2]);
      s[0] += v[i]; s[1]++;
    }
    double[] fitted = new double[key.length], res = new double[key.length];
    for (int i = 0; i < key.length; i++) { double[] s = sums.get(key[i]); fitted[i] = s[0] / s[1]; res[i] = v[i] - fitted[i]; }
    return new double[][] {fitted, res};
  }

  static Table everyCountry() { return csv(paperData().resolve("ground_truth_every_country.csv")); }
  static Table global() { return csv(paperData().resolve("ground_truth_global.csv")); }
  static Table perLanguage() { return csv(paperData().resolve("ground_truth_per_language.csv")); }
}
