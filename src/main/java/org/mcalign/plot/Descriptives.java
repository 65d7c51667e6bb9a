package org.mcalign.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Small descriptive tables shown beside the WVS figures. */
public final class Descriptives {
  private Descriptives() {}

  /**
   * Per ground-truth group (each country, then "global"): its interview language, the number of
   * questions with a pro score, and the mean and standard deviation (ddof 1, as pandas) of the
   * pro scores; the rows the violins of {@code country_distributions.png} summarise.
   *
   * @param everyCountry {@code cntry_an}, {@code question_key}, {@code pro_score}, {@code lnge_iso}
   * @param global {@code question_key}, {@code pro_score}
   */
  public static Table proScoresByCountry(Table everyCountry, Table global) {
    return proScoresByCountry(everyCountry, global, org.mcalign.data.Study.paper());
  }

  /** {@link #proScoresByCountry(Table, Table)} with {@code study}'s country names. */
  public static Table proScoresByCountry(Table everyCountry, Table global, org.mcalign.data.Study study) {
    Object[] d = WvsFigures.combined("pro score summary", everyCountry, global, study);
    String[] group = (String[]) d[0], lang = (String[]) d[3];
    double[] v = (double[]) d[2];
    Map<String, List<Double>> values = new LinkedHashMap<>();
    Map<String, String> language = new LinkedHashMap<>();
    for (int i = 0; i < group.length; i++) {
      if (Double.isNaN(v[i])) continue;
      values.computeIfAbsent(group[i], k -> new ArrayList<>()).add(v[i]);
      language.put(group[i], lang[i]);
    }
    StringColumn g = StringColumn.create("country"), l = StringColumn.create("language");
    IntColumn n = IntColumn.create("questions");
    DoubleColumn mean = DoubleColumn.create("mean_pro_score"), sd = DoubleColumn.create("sd_pro_score");
    List<String> order = new ArrayList<>(values.keySet());
    order.remove("Global");
    java.util.Collections.sort(order);
    order.add("Global");
    for (String k : order) {
      double[] x = values.get(k).stream().mapToDouble(Double::doubleValue).toArray();
      double m = Interval.mean(x), ss = 0;
      for (double e : x) ss += (e - m) * (e - m);
      g.append(k);
      l.append(language.get(k));
      n.append(x.length);
      mean.append(m);
      sd.append(x.length > 1 ? Math.sqrt(ss / (x.length - 1)) : Double.NaN);
    }
    return Table.create("pro scores by country", g, l, n, mean, sd);
  }

  /**
   * The matrix {@code country_correlations.png} draws, as a table: one row and one column per
   * country (display names, sorted, then "Global"), cells the Pearson correlation of the two
   * groups' pro scores over the questions both have.
   */
  public static Table countryCorrelations(Table everyCountry, Table global) {
    Object[] d = WvsFigures.combined("country correlations", everyCountry, global, org.mcalign.data.Study.paper());
    String[] group = (String[]) d[0];
    return asTable("country correlations", CorrelationMatrix.of(group, (String[]) d[1], (double[]) d[2], Figures.sorted(group)));
  }

  /** The matrix {@code wvs_language_correlations.png} draws, as a table (one row and column per interview language). */
  public static Table languageCorrelations(Table perLanguage) {
    Columns.require("language correlations", perLanguage, "lnge_iso", "question_key", "pro_score");
    String[] lang = Columns.strings(perLanguage, "lnge_iso");
    return asTable("language correlations", CorrelationMatrix.of(lang, Columns.strings(perLanguage, "question_key"),
        Columns.numbers("language correlations", perLanguage, "pro_score"), Figures.sorted(lang)));
  }

  private static Table asTable(String name, CorrelationMatrix m) {
    Table t = Table.create(name, StringColumn.create("group", m.groups));
    for (int b = 0; b < m.groups.size(); b++) {
      DoubleColumn c = DoubleColumn.create(m.groups.get(b));
      for (int a = 0; a < m.groups.size(); a++) c.append(m.r[a][b]);
      t.addColumns(c);
    }
    return t;
  }
}
