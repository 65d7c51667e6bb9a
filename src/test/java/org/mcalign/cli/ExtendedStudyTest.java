package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.Study;
import org.mcalign.plot.Palette;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Issue 14's acceptance: the paper's data plus a 10th model of a new family and a 5th language
 * with its country, declared in study.json, reach the alignment tables, RQ1 (with benchmark
 * rows), RQ2, the language breakdown and all 16 figures; undeclared, the run is refused.
 */
class ExtendedStudyTest {
  @TempDir static Path dir;
  static Path paperOut, extendedOut;

  @BeforeAll
  static void runBoth() {
    Path paper = AnalyzeHypothesesCommandTest.paperData();
    Path data = ExtendedPaperData.write(paper, dir.resolve("extended"), true);
    paperOut = dir.resolve("paper-out");
    extendedOut = dir.resolve("extended-out");
    CliRun p = CliRun.of("analyze", "all", "--rounds", "1", "--seed", "7", "--data", paper.toString(), "--out", paperOut.toString());
    assertEquals(0, p.code(), p.err());
    CliRun e = CliRun.of("analyze", "all", "--rounds", "1", "--seed", "7", "--data", data.toString(), "--out", extendedOut.toString());
    assertEquals(0, e.code(), e.err());
    assertTrue(e.err().contains("10 models in 4 families, 5 languages"), e.err());
  }

  static Table table(String file) throws IOException {
    return Table.read().csv(CsvReadOptions.builder(extendedOut.resolve(file).toFile()).maxCharsPerColumn(100_000));
  }

  static Set<String> values(Table t, String column) {
    return new TreeSet<>(t.column(column).asStringColumn().asList());
  }

  @Test
  void alignmentTablesHaveTheNewModelLanguageAndCountry() throws IOException {
    Table t = table("spearman_n1_extreme_total_gt_alignment.csv");
    assertTrue(values(t, "model_name").contains(ExtendedPaperData.MODEL), values(t, "model_name").toString());
    assertTrue(values(t, "response_language").contains(ExtendedPaperData.LANGUAGE), values(t, "response_language").toString());
    assertTrue(values(t, "gt_group").containsAll(List.of(ExtendedPaperData.LANGUAGE, ExtendedPaperData.COUNTRY)), values(t, "gt_group").toString());
    Table paper = Table.read().csv(paperOut.resolve("spearman_n1_extreme_total_gt_alignment.csv").toFile());
    assertTrue(t.rowCount() > paper.rowCount(), t.rowCount() + " rows vs the paper's " + paper.rowCount());
    String every = Files.readString(extendedOut.resolve("mean_alignment_n1_monocultural_alignment.csv"));
    assertTrue(every.contains(ExtendedPaperData.COUNTRY), "monocultural alignment has Germany's rows");
  }

  @Test
  void rq1HasTheNewModelWithItsBenchmarkRows() throws IOException {
    Table in = table("rq1_regression_input.csv");
    Table mistral = in.where(in.stringColumn("model_name").isEqualTo(ExtendedPaperData.MODEL));
    assertEquals(values(in, "language"), values(mistral, "language"), "the new model has rows in every language");
    assertTrue(values(in, "language").contains(ExtendedPaperData.LANGUAGE_NAME), values(in, "language").toString());
    for (int i = 0; i < mistral.rowCount(); i++)
      assertTrue(Double.isFinite(mistral.doubleColumn("multilingual").getDouble(i)), "benchmark score of row " + i);
    assertFalse(Files.exists(extendedOut.resolve("rq1_left_out.csv")), "no model left out: every one has benchmark scores");
    for (String f : List.of("multilingual_coefficients_normal.csv", "multilingual_coefficients_interaction.csv",
        "multilingual_coefficients_no_consistency.csv")) {
      String c = Files.readString(extendedOut.resolve(f));
      assertTrue(c.contains(ExtendedPaperData.FAMILY) && c.contains(ExtendedPaperData.LANGUAGE_NAME), f + ":\n" + c);
    }
    assertTrue(Files.readString(extendedOut.resolve("benchmark_alignment.csv")).contains(ExtendedPaperData.MODEL));
  }

  @Test
  void rq2HasTheNewModelAndLanguage() throws IOException {
    String summary = Files.readString(extendedOut.resolve("rq2_ols_us_bias.txt"));
    assertTrue(summary.contains("model_name[T." + ExtendedPaperData.MODEL + "]:language[" + ExtendedPaperData.LANGUAGE + "]"), summary);
    assertTrue(summary.contains("us[T.True]:model_name[T." + ExtendedPaperData.MODEL + "]:language[" + ExtendedPaperData.LANGUAGE + "]"));
    Table c = table("us_bias_coefficients.csv");
    assertTrue(c.toString().contains(ExtendedPaperData.MODEL) || c.toString().contains(ExtendedPaperData.DISPLAY), c.print());
  }

  @Test
  void languageBreakdownHasTheNewModelLanguageAndCountry() throws IOException {
    String summary = Files.readString(extendedOut.resolve("language_breakdown_ols.txt"));
    assertTrue(summary.contains("gt_group[Germany]:model_name[" + ExtendedPaperData.MODEL + "]:language[German]"), summary);
    assertTrue(summary.contains("gt_group[German]:model_name[gpt-4o]:language[German]"), "the German speakers' group");
    String c = Files.readString(extendedOut.resolve("language_breakdown_coefficients.csv"));
    assertTrue(c.contains(ExtendedPaperData.MODEL) && c.contains(ExtendedPaperData.COUNTRY_NAME));
  }

  @Test
  void everyFigureChangesAndTheModelFiguresDrawTheNewModel() throws IOException {
    Set<String> figures;
    try (Stream<Path> s = Files.list(extendedOut.resolve("plots"))) {
      figures = new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
    }
    assertEquals(16, figures.size(), figures.toString());
    Color c = Palette.of(ExtendedPaperData.study()).model(ExtendedPaperData.MODEL);
    Set<String> paperOnly = Set.of("country_correlations.png", "country_distributions.png", "wvs_language_correlations.png",
        "rq1-robustness.png", "rq2-residuals.png");
    for (String f : figures) {
      BufferedImage e = ImageIO.read(extendedOut.resolve("plots").resolve(f).toFile());
      BufferedImage p = ImageIO.read(paperOut.resolve("plots").resolve(f).toFile());
      assertTrue(differentPixels(e, p) > 1000, f + " does not change with the 10th model and 5th language");
      if (!paperOnly.contains(f)) {
        int n = pixels(e, c) + pixels(e, Palette.desaturate(c, 0.75));
        assertTrue(n > 200, f + ": the new model drawn in " + n + " pixels of its colour");
        assertEquals(0, pixels(p, c) + pixels(p, Palette.desaturate(c, 0.75)), f + ": the paper's figure has no such colour");
      }
    }
  }

  @Test
  void undeclaredValuesAreRefusedNamingThemAndStudyJson() {
    Path data = ExtendedPaperData.write(AnalyzeHypothesesCommandTest.paperData(), dir.resolve("undeclared"), false);
    CliRun r = CliRun.of("analyze", "core", "--rounds", "1", "--data", data.toString(), "--out", dir.resolve("refused").toString());
    assertNotEquals(0, r.code());
    for (String s : List.of("'" + ExtendedPaperData.MODEL + "'", "'" + ExtendedPaperData.FAMILY + "'", "'" + ExtendedPaperData.LANGUAGE + "'",
        "all_lang_model_responses_with_scores.csv", "study.json"))
      assertTrue(r.err().contains(s), "names " + s + ": " + r.err());
    assertFalse(r.err().contains("\tat org."), "no stack trace");
    assertFalse(Files.exists(dir.resolve("refused").resolve("provenance.json")));
  }

  private static int differentPixels(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) return Integer.MAX_VALUE;
    int n = 0;
    for (int y = 0; y < a.getHeight(); y++)
      for (int x = 0; x < a.getWidth(); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) n++;
    return n;
  }

  private static int pixels(BufferedImage img, Color c) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++)
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y);
        if (Math.abs(((p >> 16) & 0xFF) - c.getRed()) <= 3 && Math.abs(((p >> 8) & 0xFF) - c.getGreen()) <= 3
            && Math.abs((p & 0xFF) - c.getBlue()) <= 3) n++;
      }
    return n;
  }
}
