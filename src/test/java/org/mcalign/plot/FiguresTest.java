package org.mcalign.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Every figure renders from a small table with the paper's columns; bad input fails naming the column. */
class FiguresTest {
  static final List<String> MODELS = List.of("gpt-4o", "gemma-2-9b-it", "OLMo-2-1124-7B-Instruct");

  static Table table(String name, Object... columns) {
    Table t = Table.create(name);
    for (int i = 0; i < columns.length; i += 2) {
      String col = (String) columns[i];
      Object v = columns[i + 1];
      if (v instanceof String[] s) t.addColumns(StringColumn.create(col, s));
      else t.addColumns(DoubleColumn.create(col, (double[]) v));
    }
    return t;
  }

  static Table coefficients() {
    return table("coefs",
        "term", new String[] {"consistency", "multilingual:family[gemma]:language[Danish]", "multilingual:family[olmo]:language[Danish]",
            "multilingual:family[openai]:language[English]", "multilingual:family[gemma]:language[English]"},
        "coefficient", new double[] {0.7, 1.0, 0.4, -0.2, 0.6},
        "conf_int_lower", new double[] {0.6, 0.9, 0.3, -0.4, 0.45},
        "conf_int_upper", new double[] {0.8, 1.1, 0.5, 0.0, 0.75},
        "p_value", new double[] {0.001, 0.001, 0.01, 0.2, 0.001});
  }

  static Table usCoefficients() {
    return table("us",
        "term", new String[] {"us[T.True]", "us[T.True]:model_name[T.gpt-4o]:language[da]", "us[T.True]:model_name[T.gemma-2-9b-it]:language[da]",
            "us[T.True]:model_name[T.gpt-4o]:language[en]"},
        "coefficient", new double[] {0.1, -0.1, 0.05, 0.13},
        "conf_int_lower", new double[] {0.05, -0.15, 0.0, 0.1},
        "conf_int_upper", new double[] {0.15, -0.05, 0.1, 0.16});
  }

  static Table breakdown() {
    return table("breakdown",
        "model_name", new String[] {"gpt-4o", "gemma-2-9b-it", "gpt-4o", "gpt-4o", "gpt-4o", "gpt-4o", "gpt-4o", "gpt-4o"},
        "gt_group", new String[] {"US", "US", "en", "global", "DK", "da", "BR", "pt"},
        "level", new String[] {"country", "country", "language", "global", "country", "language", "country", "language"},
        "language", new String[] {"English", "English", "English", "English", "Danish", "Danish", "Portuguese", "Portuguese"},
        "coefficient", new double[] {0.5, 0.45, 0.48, 0.2, 0.4, 0.42, 0.35, 0.38},
        "conf_int_lower", new double[] {0.45, 0.4, 0.43, 0.15, 0.35, 0.37, 0.3, 0.33},
        "conf_int_upper", new double[] {0.55, 0.5, 0.53, 0.25, 0.45, 0.47, 0.4, 0.43});
  }

  static Table scatter() {
    int n = 24;
    String[] m = new String[n], l = new String[n], f = new String[n];
    double[] x = new double[n], y = new double[n], c = new double[n], p = new double[n];
    for (int i = 0; i < n; i++) {
      m[i] = MODELS.get(i % 3);
      f[i] = List.of("openai", "gemma", "olmo").get(i % 3);
      l[i] = List.of("Danish", "English").get((i / 3) % 2);
      x[i] = 30 + 20 * (i % 3) + (i / 6);
      y[i] = 0.3 + 0.01 * i;
      c[i] = 0.5;
      p[i] = 0.01;
    }
    return table("scatter", "model_name", m, "language", l, "multilingual capability", x, "cultural alignment", y, "family", f,
        "coefficient", c, "p_value", p);
  }

  static Table consistency() {
    int n = 30;
    String[] m = new String[n], l = new String[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) { m[i] = MODELS.get(i % 3); l[i] = List.of("da", "en").get((i / 3) % 2); v[i] = 0.5 + 0.01 * (i % 7); }
    return table("consistency", "model", m, "language", l, "self-consistency", v);
  }

  static Table gaps() {
    return table("gaps", "model_name", new String[] {"gpt-4o", "gpt-4o", "gemma-2-9b-it", "gemma-2-9b-it"},
        "Consistency Gap", new double[] {0.08, 0.09, 0.1, 0.11});
  }

  static Table everyCountry() {
    String[] c = new String[18], q = new String[18], l = new String[18];
    double[] v = new double[18];
    String[] countries = {"US", "DK", "NL"};
    for (int i = 0; i < 18; i++) {
      c[i] = countries[i / 6]; q[i] = "Q" + (i % 6); l[i] = Paper_lang(c[i]); v[i] = ((i * 37) % 11) / 11.0;
    }
    return table("ground_truth_every_country.csv", "cntry_an", c, "question_key", q, "pro_score", v, "lnge_iso", l);
  }

  static String Paper_lang(String c) {
    return org.mcalign.data.Study.paper().country(c).orElseThrow().language();
  }

  static Table global() {
    return table("ground_truth_global.csv", "question_key", new String[] {"Q0", "Q1", "Q2", "Q3", "Q4", "Q5"},
        "pro_score", new double[] {0.1, 0.5, 0.3, 0.8, 0.6, 0.2});
  }

  static Table perLanguage() {
    String[] l = new String[12], q = new String[12];
    double[] v = new double[12];
    for (int i = 0; i < 12; i++) { l[i] = List.of("da", "en").get(i / 6); q[i] = "Q" + (i % 6); v[i] = ((i * 7) % 5) / 5.0; }
    return table("ground_truth_per_language.csv", "lnge_iso", l, "question_key", q, "pro_score", v);
  }

  static void assertPaperSized(Figure f, String fileName, int width, int height) throws Exception {
    assertEquals(fileName, f.fileName());
    var img = ImageIO.read(new ByteArrayInputStream(f.png()));
    assertEquals(width * Figure.DENSITY, img.getWidth(), fileName + " width");
    assertEquals(height * Figure.DENSITY, img.getHeight(), fileName + " height");
  }

  @Test
  void everyFigureRendersAtPaperSizeAndDoubleDensity() throws Exception {
    assertPaperSized(Figures.multilingualCoefficients(coefficients(), "interaction"), "multilingual_coefficients_interaction.png", 640, 490);
    assertPaperSized(Figures.multilingualCoefficients(coefficients()), "multilingual_coefficients.png", 640, 490);
    assertPaperSized(Figures.capabilityVsAlignment(scatter()), "multilingual_benchmarks_alignment-model.png", 952, 1139);
    assertPaperSized(Figures.usBiasCoefficients(usCoefficients()), "us_bias_coefficients.png", 1084, 666);
    assertPaperSized(Figures.selfConsistency(consistency()), "model-self_consistency.png", 897, 756);
    assertPaperSized(Figures.crossEffects(gaps()), "cross_effects.png", 838, 458);
    assertPaperSized(Figures.englishAlignment(breakdown(), "spearman"), "english_spearman_gt_alignment.png", 1738, 695);
    assertPaperSized(Figures.monolingualAlignment(breakdown(), "spearman"), "monolingual-spearman-gt_alignment.png", 2185, 1107);
    assertPaperSized(Figures.portugueseAlignment(breakdown(), "spearman"), "pt-spearman_gt_alignment.png", 1709, 639);
    double[] fit = {0.1, 0.2, 0.3, 0.4, 0.5}, res = {0.01, -0.02, 0.03, -0.01, 0.0};
    assertPaperSized(Figures.rq1Residuals(fit, res), "rq1-robustness.png", 480, 480);
    assertPaperSized(Figures.rq2Residuals(fit, res, "y ~ x"), "rq2-residuals.png", 480, 480);
    assertPaperSized(Figures.countryCorrelations(everyCountry(), global()), "country_correlations.png", 1114, 964);
    assertPaperSized(Figures.languageCorrelations(perLanguage()), "wvs_language_correlations.png", 1081, 965);
    assertPaperSized(Figures.countryDistributions(everyCountry(), global()), "country_distributions.png", 2492, 451);
  }

  @Test
  void coefficientComparisonDodgesHuesPerTerm() throws Exception {
    Table t = coefficients();
    t.addColumns(StringColumn.create("source", new String[] {"paper", "paper", "ours", "ours", "ours"}));
    Figure f = Figures.coefficientComparison(t, "source", "compare.png");
    assertEquals("compare.png", f.fileName());
    assertEquals(900 * Figure.DENSITY, f.image().getWidth());
    assertFailsNaming("source2", () -> Figures.coefficientComparison(t, "source2", "x.png"));
    assertEquals(900, Figures.coefficientComparison(coefficients(), null, "one.png").width());
  }

  static void assertFailsNaming(String column, Supplier<Figure> figure) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, figure::get);
    assertTrue(e.getMessage().contains("'" + column + "'"), "message should name '" + column + "': " + e.getMessage());
  }

  @Test
  void missingColumnsAreNamed() {
    assertFailsNaming("conf_int_upper", () -> Figures.multilingualCoefficients(coefficients().removeColumns("conf_int_upper"), "normal"));
    assertFailsNaming("p_value", () -> Figures.capabilityVsAlignment(scatter().removeColumns("p_value")));
    assertFailsNaming("term", () -> Figures.usBiasCoefficients(usCoefficients().removeColumns("term")));
    assertFailsNaming("self-consistency", () -> Figures.selfConsistency(consistency().removeColumns("self-consistency")));
    assertFailsNaming("Consistency Gap", () -> Figures.crossEffects(gaps().removeColumns("Consistency Gap")));
    assertFailsNaming("level", () -> Figures.englishAlignment(breakdown().removeColumns("level"), "spearman"));
    assertFailsNaming("alignment", () -> Figures.portugueseAlignment(breakdown().removeColumns("coefficient"), "spearman"));
    assertFailsNaming("lnge_iso", () -> Figures.countryDistributions(everyCountry().removeColumns("lnge_iso"), global()));
    assertFailsNaming("pro_score", () -> Figures.languageCorrelations(perLanguage().removeColumns("pro_score")));
  }

  @Test
  void wrongTypesAndEmptyInputsAreExplained() {
    Table t = scatter();
    t.replaceColumn("cultural alignment", StringColumn.create("cultural alignment", t.rowCount()).setMissingTo("high"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Figures.capabilityVsAlignment(t));
    assertTrue(e.getMessage().contains("'cultural alignment'") && e.getMessage().contains("numeric"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Figures.englishAlignment(breakdown().where(breakdown().stringColumn("language").isEqualTo("Danish")), "spearman"));
    assertTrue(e.getMessage().contains("English"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Figures.rq1Residuals(new double[] {1, 2}, new double[] {1}));
    assertTrue(e.getMessage().contains("2 fitted values but 1 residuals"), e.getMessage());
  }

  @Test
  void figureSavesAtomicallyUnderItsPaperNameAndRendersAsPngAtPaperSize(@TempDir Path dir) throws Exception {
    Figure f = Figures.crossEffects(gaps());
    Path p = f.saveIn(dir);
    assertEquals(dir.resolve("cross_effects.png"), p);
    try (var files = Files.list(dir)) {
      assertEquals(List.of(p), files.toList(), "no temporary file left behind");
    }
    assertEquals(838, f.width());
    assertEquals(838 * 2, ImageIO.read(new ByteArrayInputStream(f.toPng())).getWidth());
    assertEquals(dir.resolve("cross_effects.png"), f.save(dir), "a folder gets the paper's file name");
    assertEquals(dir.resolve("x.png"), f.save(dir.resolve("x.png")));
    List<Path> all = Figures.saveAll(dir.resolve("sub"), f, Figures.rq1Residuals(new double[] {1, 2}, new double[] {0, 1}));
    assertEquals(2, all.size());
    FigurePixels.assertSamePixels(f.image(), ImageIO.read(all.get(0).toFile()), "saved PNG of " + f.fileName());
  }

  @Test
  void countryCorrelationsMatchThePapersAnnotations() {
    org.junit.jupiter.api.Assumptions.assumeTrue(PreviewData.available() || System.getenv("CI") != null, "paper data not available");
    Table every = PreviewData.everyCountry(), global = PreviewData.global();
    Object[] d = WvsFigures.combined("test", every, global, org.mcalign.data.Study.paper());
    String[] group = (String[]) d[0];
    List<String> order = Figures.sorted(group);
    CorrelationMatrix m = CorrelationMatrix.of(group, (String[]) d[1], (double[]) d[2], order);
    // values printed in the paper's country_correlations.png
    assertEquals(".58", Heatmap.withoutLeadingZero(m.r[order.indexOf("Brazil")][order.indexOf("Australia")]));
    assertEquals(".07", Heatmap.withoutLeadingZero(m.r[order.indexOf("Nigeria")][order.indexOf("Netherlands")]));
    assertEquals(".90", Heatmap.withoutLeadingZero(m.r[order.indexOf("Nigeria")][order.indexOf("Kenya")]));
    assertEquals(".88", Heatmap.withoutLeadingZero(m.r[order.indexOf("Singapore")][order.indexOf("Global")]));
    assertEquals(".66", Heatmap.withoutLeadingZero(m.r[order.indexOf("United States")][order.indexOf("Singapore")]));
  }
}
