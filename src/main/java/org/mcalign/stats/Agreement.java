package org.mcalign.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.mcalign.data.CsvRows;
import org.mcalign.data.DataFormatException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Agreement among raters who put items into nominal categories, from long-format ratings
 * (item, rater, label; any number of raters and categories; a rater may skip items):
 *
 * <ul>
 *   <li>{@code fleiss_kappa}: Fleiss' κ over the items every rater labelled (statsmodels'
 *       {@code fleiss_kappa} needs complete items; {@link #nItemsComplete()} says how many);
 *   <li>{@code pairwise_cohen_kappa}: Cohen's κ of each pair of raters over the items both
 *       labelled, keyed {@code "raterA|raterB"} (raters in order of first appearance);
 *   <li>{@code krippendorff_alpha}: Krippendorff's α for nominal data over every pairable
 *       rating (missing ratings allowed);
 *   <li>{@code percent_agreement}: per item with two or more ratings the share of agreeing pairs
 *       of ratings, averaged over those items; {@code pairwise_percent_agreement} per pair.
 * </ul>
 *
 * Intervals are percentile intervals of a seeded bootstrap that resamples items with
 * replacement ({@link Bootstrap}); rounds whose statistic is undefined are left out of its
 * interval. The seed and rounds are part of the result.
 *
 * <pre>{@code
 * Agreement a = Agreement.of(ratings, 1000, 5125);
 * a.fleissKappa();  a.confInt();  a.toJson();
 * }</pre>
 */
public final class Agreement {
  /** One label given by one rater to one item; a null or blank label is a missing rating. */
  public record Rating(String item, String rater, String label) {}

  /** Interval level of {@link #confInt()}. */
  public static final double LEVEL = 0.95;

  private final RatingMatrix m;
  private final Point est;
  private final int rounds;
  private final long seed;
  private final List<Point> boot;
  private Table intervals;

  /** Every statistic of one matrix (the estimate, or one bootstrap round). */
  private record Point(double fleiss, double alpha, double percent, double[] cohen, double[] pairPercent) {
    static Point of(RatingMatrix r, List<int[]> pairs) {
      double[] c = new double[pairs.size()], p = new double[pairs.size()];
      for (int i = 0; i < pairs.size(); i++) {
        c[i] = NominalAgreement.cohen(r, pairs.get(i)[0], pairs.get(i)[1]);
        p[i] = NominalAgreement.pairPercent(r, pairs.get(i)[0], pairs.get(i)[1]);
      }
      return new Point(NominalAgreement.fleiss(r.completeCounts()), NominalAgreement.krippendorff(r),
          NominalAgreement.percent(r), c, p);
    }
  }

  private Agreement(RatingMatrix m, int rounds, long seed) {
    this.m = m;
    this.rounds = rounds;
    this.seed = seed;
    List<int[]> pairs = pairs();
    this.est = Point.of(m, pairs);
    int n = m.items.size();
    this.boot = Bootstrap.of(rounds, seed).run((r, rng) -> Point.of(m.rows(Bootstrap.resampleIndices(n, rng)), pairs));
  }

  /** Point estimates only (no bootstrap). */
  public static Agreement of(List<Rating> ratings) {
    return of(ratings, 0, 0);
  }

  /** Estimates and bootstrap intervals over {@code rounds} item resamples drawn with {@code seed}. */
  public static Agreement of(List<Rating> ratings, int rounds, long seed) {
    return of(ratings, rounds, seed, i -> "rating " + (i + 1));
  }

  /** As {@link #of(List, int, long)}; {@code where.apply(i)} names rating i in errors (e.g. a file's line). */
  public static Agreement of(List<Rating> ratings, int rounds, long seed, IntFunction<String> where) {
    if (ratings.isEmpty()) throw new IllegalArgumentException("no ratings");
    return new Agreement(RatingMatrix.of(ratings, where), rounds, seed);
  }

  /**
   * Reads long-format labels: a CSV with columns {@code item}, {@code rater}, {@code label}
   * (other columns ignored; an empty label is a missing rating), and computes the agreement.
   * Errors name the file and line.
   */
  public static Agreement fromCsv(Path file, int rounds, long seed) {
    CsvRows csv = CsvRows.read(file).require("long-format labels (item,rater,label)", "item", "rater", "label");
    List<Rating> ratings = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (CsvRows.Row r : csv.rows()) {
      for (String c : List.of("item", "rater"))
        if (r.get(c).isBlank())
          throw new DataFormatException(csv.file(), r.line(), c, "empty " + c, "long-format labels (item,rater,label)");
      ratings.add(new Rating(r.get("item"), r.get("rater"), r.get("label")));
      lines.add(r.line());
    }
    if (ratings.isEmpty())
      throw new DataFormatException(csv.file(), 1, null, "no ratings after the header", "long-format labels (item,rater,label)");
    return of(ratings, rounds, seed, i -> csv.file() + " line " + lines.get(i));
  }

  private List<int[]> pairs() {
    List<int[]> p = new ArrayList<>();
    for (int a = 0; a < m.raters.size(); a++)
      for (int b = a + 1; b < m.raters.size(); b++) p.add(new int[] {a, b});
    return p;
  }

  private List<String> pairKeys() {
    List<String> k = new ArrayList<>();
    for (int[] p : pairs()) k.add(m.raters.get(p[0]) + "|" + m.raters.get(p[1]));
    return k;
  }

  // ---------------------------------------------------------------- estimates

  public double fleissKappa() {
    return est.fleiss();
  }

  public double krippendorffAlpha() {
    return est.alpha();
  }

  public double percentAgreement() {
    return est.percent();
  }

  /** Cohen's κ per pair of raters, keyed {@code "raterA|raterB"} (raters in order of first appearance). */
  public Map<String, Double> pairwiseCohenKappa() {
    return keyed(est.cohen());
  }

  /** Share of agreeing labels per pair of raters over the items both labelled. */
  public Map<String, Double> pairwisePercentAgreement() {
    return keyed(est.pairPercent());
  }

  /** Cohen's κ of two raters (either order). */
  public double cohenKappa(String raterA, String raterB) {
    Double v = pairwiseCohenKappa().get(raterA + "|" + raterB);
    if (v == null) v = pairwiseCohenKappa().get(raterB + "|" + raterA);
    if (v == null) throw new IllegalArgumentException("no rater pair '" + raterA + "', '" + raterB + "'; raters: " + m.raters);
    return v;
  }

  /** Items with at least one rating. */
  public int nItems() {
    return m.items.size();
  }

  public int nRaters() {
    return m.raters.size();
  }

  /** Items every rater labelled (Fleiss' κ is computed on these). */
  public int nItemsComplete() {
    return m.completeCounts().length;
  }

  public List<String> raters() {
    return m.raters;
  }

  public List<String> categories() {
    return m.categories;
  }

  public int rounds() {
    return rounds;
  }

  public long seed() {
    return seed;
  }

  // ---------------------------------------------------------------- intervals

  private Map<String, Double> keyed(double[] v) {
    Map<String, Double> out = new LinkedHashMap<>();
    List<String> k = pairKeys();
    for (int i = 0; i < v.length; i++) out.put(k.get(i), v[i]);
    return out;
  }

  private double[] interval(java.util.function.ToDoubleFunction<Point> stat) {
    double[] v = boot.stream().mapToDouble(stat).filter(d -> !Double.isNaN(d)).toArray();
    if (v.length == 0) return new double[] {Double.NaN, Double.NaN};
    double tail = (1 - LEVEL) / 2 * 100;
    return new double[] {Bootstrap.percentile(v, tail), Bootstrap.percentile(v, 100 - tail)};
  }

  /** {lower, upper} of the 95 % bootstrap interval of a statistic named as in {@link #confInt()}. */
  public double[] interval(String statistic) {
    Table t = confInt();
    for (int i = 0; i < t.rowCount(); i++)
      if (t.getString(i, "statistic").equals(statistic))
        return new double[] {t.doubleColumn("lower").getDouble(i), t.doubleColumn("upper").getDouble(i)};
    throw new IllegalArgumentException("no statistic '" + statistic + "'; have " + t.stringColumn("statistic").asList());
  }

  /**
   * One row per statistic: {@code statistic} (fleiss_kappa, krippendorff_alpha,
   * percent_agreement, then {@code cohen_kappa A|B} and {@code percent_agreement A|B} per pair),
   * {@code estimate}, {@code lower}, {@code upper} (95 % bootstrap percentile interval; NaN
   * without rounds) and {@code items} (the items the estimate uses).
   */
  public Table confInt() {
    if (intervals == null) intervals = intervalTable();
    return intervals.copy();
  }

  private Table intervalTable() {
    StringColumn name = StringColumn.create("statistic");
    DoubleColumn e = DoubleColumn.create("estimate"), lo = DoubleColumn.create("lower"), hi = DoubleColumn.create("upper");
    IntColumn n = IntColumn.create("items");
    int pairable = 0;
    for (int i = 0; i < m.codes.length; i++) if (m.rated(i) >= 2) pairable++;
    add(name, e, lo, hi, n, "fleiss_kappa", est.fleiss(), interval(Point::fleiss), nItemsComplete());
    add(name, e, lo, hi, n, "krippendorff_alpha", est.alpha(), interval(Point::alpha), pairable);
    add(name, e, lo, hi, n, "percent_agreement", est.percent(), interval(Point::percent), pairable);
    List<String> keys = pairKeys();
    List<int[]> pairs = pairs();
    for (int i = 0; i < keys.size(); i++) {
      int j = i;
      int items = NominalAgreement.pairItems(m, pairs.get(i)[0], pairs.get(i)[1]);
      add(name, e, lo, hi, n, "cohen_kappa " + keys.get(i), est.cohen()[i], interval(p -> p.cohen()[j]), items);
      add(name, e, lo, hi, n, "percent_agreement " + keys.get(i), est.pairPercent()[i], interval(p -> p.pairPercent()[j]), items);
    }
    return Table.create("agreement (95 % bootstrap intervals, " + rounds + " item resamples, seed " + seed + ")", name, e, lo, hi, n);
  }

  private static void add(StringColumn name, DoubleColumn e, DoubleColumn lo, DoubleColumn hi, IntColumn n, String s,
      double est, double[] iv, int items) {
    name.append(s);
    e.append(est);
    lo.append(iv[0]);
    hi.append(iv[1]);
    n.append(items);
  }

  // ---------------------------------------------------------------- rendering

  /** A plain-text summary: counts, then one line per statistic with its interval. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append("Agreement of ").append(nRaters()).append(" raters on ").append(nItems()).append(" items (")
        .append(nItemsComplete()).append(" labelled by all), categories ").append(m.categories).append('\n');
    sb.append(rounds == 0 ? "no bootstrap\n" : "95 % bootstrap percentile intervals: " + rounds + " item resamples, seed " + seed + "\n");
    Table t = confInt();
    int w = 12;
    for (int i = 0; i < t.rowCount(); i++) w = Math.max(w, t.getString(i, "statistic").length());
    for (int i = 0; i < t.rowCount(); i++) {
      sb.append(Fmt.lpad(t.getString(i, "statistic"), w)).append("  ").append(Fmt.lpad(Fmt.f(t.doubleColumn("estimate").getDouble(i), 4), 8));
      if (rounds > 0)
        sb.append("  [").append(Fmt.f(t.doubleColumn("lower").getDouble(i), 4)).append(", ")
            .append(Fmt.f(t.doubleColumn("upper").getDouble(i), 4)).append(']');
      sb.append("  items ").append(t.intColumn("items").getInt(i)).append('\n');
    }
    return sb.toString();
  }

  /** The summary as HTML for notebooks. */
  public String toHtml() {
    return "<pre>" + Fmt.html(summary()) + "</pre>";
  }

  @Override
  public String toString() {
    return summary();
  }

  /**
   * The {@code mcalign agreement --json} object: {@code fleiss_kappa}, {@code pairwise_cohen_kappa}
   * (object keyed "raterA|raterB"), {@code krippendorff_alpha}, {@code percent_agreement},
   * {@code pairwise_percent_agreement}, {@code n_items}, {@code n_raters},
   * {@code n_items_complete}, {@code categories}, {@code raters}, and {@code bootstrap}
   * ({@code rounds}, {@code seed}, {@code level}, {@code resampled}, {@code intervals}: [lower,
   * upper] per statistic). Undefined values are null.
   */
  public String toJson() {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("fleiss_kappa", num(est.fleiss()));
    j.put("pairwise_cohen_kappa", nums(pairwiseCohenKappa()));
    j.put("krippendorff_alpha", num(est.alpha()));
    j.put("percent_agreement", num(est.percent()));
    j.put("pairwise_percent_agreement", nums(pairwisePercentAgreement()));
    j.put("n_items", nItems());
    j.put("n_raters", nRaters());
    j.put("n_items_complete", nItemsComplete());
    j.put("categories", m.categories);
    j.put("raters", m.raters);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("rounds", rounds);
    b.put("seed", seed);
    b.put("level", LEVEL);
    b.put("resampled", "items, with replacement");
    Map<String, Object> iv = new LinkedHashMap<>();
    Table t = confInt();
    for (int i = 0; i < t.rowCount() && rounds > 0; i++)
      iv.put(t.getString(i, "statistic"), java.util.Arrays.asList(num(t.doubleColumn("lower").getDouble(i)), num(t.doubleColumn("upper").getDouble(i))));
    b.put("intervals", iv);
    j.put("bootstrap", b);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(j);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static Map<String, Double> nums(Map<String, Double> m) {
    Map<String, Double> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, num(v)));
    return out;
  }
}
