package org.mcalign.plot;

import static org.mcalign.plot.Labels.pt;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.mcalign.data.Study;
import tech.tablesaw.api.Table;

/**
 * The per-language alignment figures of {@code plot_language_analyses.py}: the paper's three
 * (English; Danish and Dutch; Portuguese), laid out for any study by how many of its countries
 * speak each language ({@link Figures#languageBreakdown}).
 */
final class LanguageBreakdown {
  private LanguageBreakdown() {}

  /** Long rows: language, level, group, model, value (three per coefficient row in the wide form). */
  record Rows(String[] language, String[] level, String[] group, String[] model, double[] value) {}

  static Rows read(String figure, Table t, Labels lb) {
    Columns.require(figure, t, "model_name", "gt_group", "level", "language");
    String[] lang = Figures.mapAll(Columns.strings(t, "language"), lb::language);
    String[] level = Figures.mapAll(Columns.strings(t, "level"), Labels::title);
    String[] group = Figures.mapAll(Columns.strings(t, "gt_group"), lb::group);
    String[] model = Figures.mapAll(Columns.strings(t, "model_name"), lb::modelId);
    if (Columns.has(t, "alignment")) return new Rows(lang, level, group, model, Columns.numbers(figure, t, "alignment"));
    String lo = Columns.lowerBound(t);
    String hi = Columns.upperBound(t);
    if (!Columns.has(t, "coefficient") || !Columns.has(t, lo) || !Columns.has(t, hi))
      throw new IllegalArgumentException(figure + ": table '" + t.name() + "' needs either column 'alignment' or columns 'coefficient', 'conf_int_lower', 'conf_int_upper'; it has " + t.columnNames());
    double[][] cols = {Columns.numbers(figure, t, "coefficient"), Columns.numbers(figure, t, lo), Columns.numbers(figure, t, hi)};
    int n = t.rowCount();
    String[] l3 = new String[3 * n], v3 = new String[3 * n], g3 = new String[3 * n], m3 = new String[3 * n];
    double[] val = new double[3 * n];
    for (int k = 0; k < 3; k++)
      for (int i = 0; i < n; i++) {
        l3[k * n + i] = lang[i]; v3[k * n + i] = level[i]; g3[k * n + i] = group[i]; m3[k * n + i] = model[i];
        val[k * n + i] = cols[k][i];
      }
    return new Rows(l3, v3, g3, m3, val);
  }

  /** Level order: first appearance when rows are sorted by ground-truth group name (as the paper's sorted data). */
  static List<String> levelOrder(Rows r, List<Integer> rows) {
    List<Integer> s = new ArrayList<>(rows);
    s.sort(Comparator.comparing(i -> r.group()[i]));
    LinkedHashSet<String> levels = new LinkedHashSet<>();
    for (int i : s) levels.add(r.level()[i]);
    return new ArrayList<>(levels);
  }

  static Panel panel(Rows r, List<Integer> rows, String level, List<String> models, Palette palette, Interval interval,
      double tickPx, double rotation) {
    List<Integer> sel = rows.stream().filter(i -> level.equals(r.level()[i])).toList();
    String[] x = new String[sel.size()], hue = new String[sel.size()];
    double[] v = new double[sel.size()];
    for (int j = 0; j < sel.size(); j++) { int i = sel.get(j); x[j] = r.group()[i]; hue[j] = r.model()[i]; v[j] = r.value()[i]; }
    List<String> groups = Figures.sorted(x);
    Aggregate a = Aggregate.of(groups, models, x, hue, v, interval);
    List<Color> colors = models.stream().map(m -> Palette.desaturate(palette.model(m), 0.75)).toList();
    return Panel.categoricalX(groups).style(Panel.Style.WHITEGRID_DESPINE).bars(a.mean, a.lo, a.hi, colors).categoryLabels(tickPx, rotation);
  }

  /** Every breakdown figure of the languages present, in the order of {@link Figures#languageBreakdown}. */
  static List<Figure> all(Table t, String metric, Study study) {
    Labels lb = Labels.of(study);
    List<String> present = Aggregate.appearance(Figures.mapAll(Columns.strings(t, "language"), lb::language));
    List<Figure> out = new ArrayList<>();
    if (present.contains(study.languageName(study.referenceLanguage()))) out.add(reference(t, metric, study));
    if (study.monoculturalLanguages().stream().map(study::languageName).anyMatch(present::contains))
      out.add(monolingual(t, metric, study));
    for (String code : study.languageCodes())
      if (!code.equals(study.referenceLanguage()) && !study.monoculturalLanguages().contains(code)
          && present.contains(study.languageName(code)))
        out.add(multiCountry(t, code, metric, study));
    return out;
  }

  /** The reference language's figure ({@code english_{metric}_gt_alignment.png}): many countries, labels rotated 57°, whiskers pi 100. */
  static Figure reference(Table t, String metric, Study study) {
    String name = study.languageName(study.referenceLanguage());
    return single(t, name, name.toLowerCase(java.util.Locale.ROOT) + "_" + metric + "_gt_alignment.png", Interval.percentile(100),
        1738, 695, 1.7, 57, 1.2, study);
  }

  /** A language spoken in several countries ({@code pt-{metric}_gt_alignment.png}): whiskers pi 95. */
  static Figure multiCountry(Table t, String code, String metric, Study study) {
    return single(t, study.languageName(code), code + "-" + metric + "_gt_alignment.png", Interval.percentile(95),
        1709, 639, 2.3, 0, 1.0, study);
  }

  static Figure single(Table t, String language, String name, Interval interval, int w, int h, double scale, double rotation,
      double aspect, Study study) {
    Labels lb = Labels.of(study);
    Palette palette = Palette.of(study);
    Rows r = read(name, t, lb);
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < r.value().length; i++) if (language.equals(r.language()[i]) && !Double.isNaN(r.value()[i])) rows.add(i);
    if (rows.isEmpty()) throw new IllegalArgumentException(name + ": table '" + t.name() + "' has no rows for language " + language);
    List<String> levels = levelOrder(r, rows);
    List<String> models = lb.modelsInOrder(rows.stream().map(i -> r.model()[i]).toArray(String[]::new));
    Facets f = Facets.grid(1, levels.size()).shareY(true).size(w, h).spacing(60, 20);
    double tick = pt(11 * scale), title = pt(12 * scale);
    for (int c = 0; c < levels.size(); c++) {
      Panel p = panel(r, rows, levels.get(c), models, palette, interval, tick, rotation).title(levels.get(c)).fonts(tick, title, title);
      if (c == 0) p.yLabel("alignment");
      f.set(0, c, p);
    }
    List<Color> colors = models.stream().map(m -> Palette.desaturate(palette.model(m), 0.75)).toList();
    return f.legend(Figures.patches(lb, models, colors, false), 3, Facets.LegendAt.BELOW, tick, false).figure(name);
  }

  /**
   * {@code monolingual-{metric}-gt_alignment.png}: one row per language present that at most
   * one country of the study speaks ({@link Study#monoculturalLanguages()}: Danish and Dutch in
   * the paper), one column per level.
   */
  static Figure monolingual(Table t, String metric, Study study) {
    String name = "monolingual-" + metric + "-gt_alignment.png";
    Labels lb = Labels.of(study);
    Palette palette = Palette.of(study);
    Rows r = read(name, t, lb);
    List<String> present = Aggregate.appearance(r.language());
    List<String> languages = study.monoculturalLanguages().stream().map(study::languageName).filter(present::contains).toList();
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < r.value().length; i++) if (languages.contains(r.language()[i]) && !Double.isNaN(r.value()[i])) rows.add(i);
    if (rows.isEmpty())
      throw new IllegalArgumentException(name + ": table '" + t.name() + "' has no rows for a language one country of the study speaks ("
          + study.monoculturalLanguages().stream().map(study::languageName).toList() + ")");
    List<String> levels = levelOrder(r, rows);
    List<String> models = lb.modelsInOrder(rows.stream().map(i -> r.model()[i]).toArray(String[]::new));
    double tick = pt(11 * 2.3), title = pt(12 * 2.3);
    Facets f = Facets.grid(languages.size(), levels.size()).shareY(true)
        .size(2185, (int) Math.round(1107 * Math.max(2, languages.size()) / 2.0)).spacing(40, 40); // the paper's size up to two rows
    for (int li = 0; li < languages.size(); li++) {
      String lang = languages.get(li);
      List<Integer> lr = rows.stream().filter(i -> lang.equals(r.language()[i])).toList();
      for (int c = 0; c < levels.size(); c++)
        f.set(li, c, panel(r, lr, levels.get(c), models, palette, Interval.percentile(95), tick, 0).title(lang + " | " + levels.get(c))
            .fonts(tick, title, title));
    }
    List<Color> colors = models.stream().map(m -> Palette.desaturate(palette.model(m), 0.75)).toList();
    return f.supYLabel("cultural alignment").supFont(pt(12 * 2.3 * 1.2))
        .legend(Figures.patches(lb, models, colors, false), 3, Facets.LegendAt.BELOW, tick, false).figure(name);
  }
}
