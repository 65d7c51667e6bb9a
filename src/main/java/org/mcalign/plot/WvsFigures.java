package org.mcalign.plot;

import static org.mcalign.plot.Labels.pt;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/** The WVS ground-truth descriptives of {@code plot_wvs_data.py}. */
final class WvsFigures {
  private WvsFigures() {}

  /** Countries (display names) + "Global": {group, question_key, pro_score, language}. */
  static Object[] combined(String name, Table everyCountry, Table global, org.mcalign.data.Study study) {
    Columns.require(name, everyCountry, "cntry_an", "question_key", "pro_score", "lnge_iso");
    Columns.require(name, global, "question_key", "pro_score");
    String[] c = Figures.mapAll(Columns.strings(everyCountry, "cntry_an"), Labels.of(study)::group);
    String[] q = Columns.strings(everyCountry, "question_key");
    String[] l = Columns.strings(everyCountry, "lnge_iso");
    double[] v = Columns.numbers(name, everyCountry, "pro_score");
    String[] gq = Columns.strings(global, "question_key");
    double[] gv = Columns.numbers(name, global, "pro_score");
    int n = c.length, m = gq.length;
    String[] group = new String[n + m], key = new String[n + m], lang = new String[n + m];
    double[] val = new double[n + m];
    for (int i = 0; i < n; i++) { group[i] = c[i]; key[i] = q[i] == null ? null : q[i].toUpperCase(); lang[i] = l[i]; val[i] = v[i]; }
    for (int i = 0; i < m; i++) { group[n + i] = "Global"; key[n + i] = gq[i] == null ? null : gq[i].toUpperCase(); lang[n + i] = "global"; val[n + i] = gv[i]; }
    return new Object[] {group, key, val, lang};
  }

  static Figure countryCorrelations(Table everyCountry, Table global, org.mcalign.data.Study study) {
    String name = "country_correlations.png";
    Object[] d = combined(name, everyCountry, global, study);
    String[] group = (String[]) d[0];
    CorrelationMatrix cm = CorrelationMatrix.of(group, (String[]) d[1], (double[]) d[2], Figures.sorted(group));
    return Heatmap.of(cm.groups, cm.r).lowerTriangle(true).annotate(Heatmap::withoutLeadingZero)
        .size(1114, 964).fonts(pt(23), pt(19.8), pt(19.8), pt(21.6)).lineWidth(0.75).xLabelRotation(90).yLabelRotation(0)
        .figure(name);
  }

  static Figure languageCorrelations(Table perLanguage) {
    String name = "wvs_language_correlations.png";
    Columns.require(name, perLanguage, "lnge_iso", "question_key", "pro_score");
    String[] lang = Columns.strings(perLanguage, "lnge_iso");
    CorrelationMatrix cm = CorrelationMatrix.of(lang, Columns.strings(perLanguage, "question_key"),
        Columns.numbers(name, perLanguage, "pro_score"), Figures.sorted(lang));
    return Heatmap.of(cm.groups, cm.r).title("Correlation Heatmap of Pro Scores by Language")
        .size(1081, 965).fonts(pt(19.8), pt(19.8), pt(19.8), pt(21.6)).lineWidth(0.5).colorbarShrink(0.5)
        .xLabelRotation(0).yLabelRotation(90).figure(name);
  }

  static Figure countryDistributions(Table everyCountry, Table global, org.mcalign.data.Study study) {
    String name = "country_distributions.png";
    Object[] d = combined(name, everyCountry, global, study);
    String[] group = (String[]) d[0], lang = (String[]) d[3];
    double[] val = (double[]) d[2];
    List<String> langs = Aggregate.appearance(lang);
    Facets f = Facets.grid(1, langs.size()).shareY(true).size(2492, 451).spacing(50, 20);
    // seaborn's density_norm="area": every violin has area 1, widths scaled by the largest
    // density of the whole figure (one plotter draws all facets)
    List<List<String>> countriesPerLang = new ArrayList<>();
    List<List<double[][]>> curvesPerLang = new ArrayList<>();
    List<List<double[]>> samplesPerLang = new ArrayList<>();
    double maxDensity = 0;
    for (String l : langs) {
      List<String> countries = new ArrayList<>();
      for (int i = 0; i < group.length; i++) if (l.equals(lang[i]) && !countries.contains(group[i])) countries.add(group[i]);
      List<double[][]> curves = new ArrayList<>();
      List<double[]> samples = new ArrayList<>();
      for (String c : countries) {
        double[] v = Figures.select(val, val, i -> l.equals(lang[i]) && c.equals(group[i]) && !Double.isNaN(val[i]))[0];
        double[][] kde = Kde.curve(v, 2, 100);
        for (double y : kde[1]) maxDensity = Math.max(maxDensity, y);
        curves.add(kde);
        samples.add(v);
      }
      countriesPerLang.add(countries);
      curvesPerLang.add(curves);
      samplesPerLang.add(samples);
    }
    for (int li = 0; li < langs.size(); li++) {
      String l = langs.get(li);
      List<String> countries = countriesPerLang.get(li);
      List<Layers.Violin> violins = new ArrayList<>();
      for (int k = 0; k < countries.size(); k++) {
        double[][] kde = curvesPerLang.get(li).get(k);
        double[] v = samplesPerLang.get(li).get(k);
        double[] hw = new double[kde[1].length];
        for (int i = 0; i < hw.length; i++) hw[i] = kde[1][i] / maxDensity * 0.4;
        double q1 = Interval.percentile(v, 25), med = Interval.percentile(v, 50), q3 = Interval.percentile(v, 75);
        double min = Interval.percentile(v, 0), max = Interval.percentile(v, 100);
        double iqr = q3 - q1;
        violins.add(new Layers.Violin(k, kde[0], hw, q1, med, q3, Math.max(min, q1 - 1.5 * iqr), Math.min(max, q3 + 1.5 * iqr)));
      }
      Panel p = Panel.categoricalX(countries).style(Panel.Style.WHITE_DESPINE).title("language = " + l)
          .xLabel("cntry_an").fonts(pt(19.8), pt(21.6), pt(21.6))
          .violins(violins, Palette.desaturate(Palette.SEABORN_BLUE, 0.75));
      if (li == 0) p.yLabel("pro_score");
      f.set(0, li, p);
    }
    return f.figure(name);
  }
}
