package org.mcalign.notebook.findings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.analysis.AnalysisInputs;
import org.mcalign.analysis.AnalysisSettings;
import org.mcalign.analysis.PaperAnalysis;
import org.mcalign.analysis.PaperTable;
import org.mcalign.notebook.Numbers;
import org.mcalign.plot.Figure;
import org.mcalign.stats.OlsResults;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The notebooks' computed sentences against independent computations on a run of the paper's
 * data (20 bootstrap rounds, so it is quick): the numbers a sentence states are the table's.
 */
class FindingsTest {
  private static AnalysisInputs in;
  private static PaperAnalysis.Result run;

  @BeforeAll
  static void runOnThePapersData() {
    String env = System.getenv("MCA_DATA");
    Path data = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "paper-data");
    if (!Files.isDirectory(data)) {
      if (System.getenv("CI") != null) fail("the paper's data is missing at " + data + " (set MCA_DATA)");
      assumeTrue(false, "the paper's data is missing (set MCA_DATA): skipped");
    }
    in = AnalysisInputs.load(data);
    run = PaperAnalysis.run(in, AnalysisSettings.paper().withAllRounds(20), AnalysisSettings.DEFAULT_SEED, PaperAnalysis.Scope.CORE);
  }

  /** Notebook 09 once printed a lift table from other rounds than its figure's (0.4977 beside a bar of 0.4934). */
  @Test
  void theLiftTablesFigureColumnIsTheFiguresBars() {
    ConsistencyFindings f = new ConsistencyFindings(run, in);
    Table means = f.means(), lift = f.liftTable();
    assertEquals(means.rowCount(), lift.rowCount());
    for (int i = 0; i < means.rowCount(); i++) {
      assertEquals(means.getString(i, "model"), lift.getString(i, "model"));
      assertEquals(means.getString(i, "language"), lift.getString(i, "language"));
      assertEquals(means.doubleColumn("mean").getDouble(i), lift.doubleColumn("as_in_figure").getDouble(i), 1e-12, means.getString(i, "model"));
    }
  }

  @Test
  void theTablesIntervalsAreTheFiguresWhiskersAndTheRoundsPercentiles() {
    ConsistencyFindings f = new ConsistencyFindings(run, in);
    Table means = f.means(), rounds = run.table("model_self_consistency.csv");
    for (int i = 0; i < means.rowCount(); i += 7) {
      String model = means.getString(i, "model"), lang = means.getString(i, "language");
      Table r = rounds.where(rounds.stringColumn("model").isEqualTo(model).and(rounds.stringColumn("language").isEqualTo(lang)));
      double[] v = r.doubleColumn("self-consistency").asDoubleArray();
      // the figure's whisker, drawn by the plot package from the same values in the same order
      assertArrayEquals(ConsistencyFindings.FIGURE_WHISKERS.bounds(v),
          new double[] {means.doubleColumn("mean_ci_lower").getDouble(i), means.doubleColumn("mean_ci_upper").getDouble(i)}, 1e-12);
      // the rounds' spread, numpy's linear percentiles by hand
      double[] s = v.clone();
      Arrays.sort(s);
      double pos = 0.025 * (s.length - 1);
      int k = (int) Math.floor(pos);
      assertEquals(s[k] + (pos - k) * (s[k + 1] - s[k]), means.doubleColumn("rounds_p2.5").getDouble(i), 1e-12);
      assertEquals(Arrays.stream(v).average().orElseThrow(), means.doubleColumn("mean").getDouble(i), 1e-12);
    }
  }

  @Test
  void theCountOfBarsReachingTheCountriesIsCountedFromTheTable() {
    ConsistencyFindings f = new ConsistencyFindings(run, in);
    Finding lift = f.lift();
    long reach = 0;
    DoubleColumn bars = lift.facts().doubleColumn("as_in_figure");
    for (int i = 0; i < bars.size(); i++) if (bars.getDouble(i) >= 0.66) reach++;
    assertTrue(lift.text().contains(reach + " of the " + bars.size() + " bars reach"), lift.text());
  }

  @Test
  void aCoefficientSentenceStatesItsTablesRange() {
    Finding c = new Rq1Findings(run, in).coefficients();
    Table t = run.table("multilingual_coefficients_interaction.csv");
    double[] gemma = t.where(t.stringColumn("family").isEqualTo("gemma")).doubleColumn("coefficient").asDoubleArray();
    String range = Numbers.range(Arrays.stream(gemma).min().orElseThrow(), Arrays.stream(gemma).max().orElseThrow(), 2);
    assertTrue(c.text().contains("Gemma β " + range), c.text());
    assertEquals(t.rowCount(), c.facts().rowCount());
  }

  /** The residual sentence applies the paper's coefficients to our design: with our own coefficients it must give our fitted values. */
  @Test
  void coefficientsAppliedToTheDesignGiveTheFitsFittedValues() {
    OlsResults fit = (OlsResults) run.regressions().get("rq2_ols_us_bias");
    Map<String, double[]> rows = new LinkedHashMap<>();
    fit.params().forEach((name, v) -> rows.put(name, new double[] {v, 0, 0, 0, 0, 0}));
    double[] implied = Rq2Findings.fittedWith(new PaperTable("ours", rows), run.table("rq2_regression_input.csv"));
    assertArrayEquals(fit.fittedValues(), implied, 1e-9);
  }

  @Test
  void theSaveCellWritesExactlyWhatItLists(@TempDir Path root) throws Exception {
    Figure fig = Figure.of("x.png", new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB), 2);
    Table written = new Outputs(in, "nb", root).table("t.csv", run.table("country_correlations_with_us.csv")).figure(fig)
        .write(5125, Map.of("k", 1));
    assertEquals(List.of("t.csv", "x.png", "provenance.json"), written.stringColumn("file").asList());
    assertEquals(List.of("target/notebook-output/nb/", "plots/", "target/notebook-output/nb/"), written.stringColumn("folder").asList());
    assertTrue(Files.isRegularFile(root.resolve("target/notebook-output/nb/t.csv")));
    assertTrue(Files.isRegularFile(root.resolve("plots/x.png")));
    assertEquals("3 files written", written.name());
  }

  @Test
  void coefficientNamesReadAsWords() {
    assertEquals("multilingual · gemma · Danish", ReplicationFindings.label("multilingual:family[gemma]:language[Danish]"));
    assertEquals("US · GPT-4o · da", ReplicationFindings.label("us[T.True]:model_name[T.gpt-4o]:language[da]"));
    assertEquals("consistency · Dutch", ReplicationFindings.label("consistency:language[Dutch]"));
  }
}
