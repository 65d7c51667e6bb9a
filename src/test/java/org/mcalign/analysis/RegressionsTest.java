package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mcalign.stats.CsvTables;
import org.mcalign.stats.RegressionResults;
import tech.tablesaw.api.Table;

/** Our formulas and wiring on the goldens' inputs reproduce statsmodels' fits; the paper's tables parse. */
class RegressionsTest {

  private static void assertParams(String golden, RegressionResults fit, double tol) throws IOException {
    JsonNode g = new ObjectMapper().readTree(TestData.goldens().resolve(golden).toFile());
    Map<String, Double> ours = fit.params();
    int n = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = g.get("params").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().endsWith(" Var")) continue;
      assertTrue(ours.containsKey(e.getKey()), "missing " + e.getKey());
      assertEquals(e.getValue().asDouble(), ours.get(e.getKey()), tol, e.getKey());
      n++;
    }
    assertEquals(g.get("nobs").asInt(), fit.nobs());
    assertTrue(n > 10);
  }

  @Test
  void rq1MixedModelsOnGoldenInput() throws IOException {
    Table in = CsvTables.read(TestData.goldens().resolve("rq1_regression_input.csv"));
    for (String type : MultilingualRegression.FORMULAS.keySet())
      assertParams("rq1_mixedlm_" + type + ".json", MultilingualRegression.fit(in, type), 1e-4);
  }

  @Test
  void rq2OlsOnGoldenInputAndBiasTerms() throws IOException {
    Table in = CsvTables.read(TestData.goldens().resolve("rq2_regression_input.csv"));
    var fit = UsCentricBias.fit(in);
    assertParams("rq2_ols_us_bias.json", fit, 1e-9);
    Table bias = UsCentricBias.biasCoefficients(fit);
    assertEquals(36, bias.rowCount(), "9 models x 4 languages us:model_name:language terms");
    assertTrue(bias.stringColumn("term").allMatch(t -> t.startsWith("us[T.True]:model_name[T.")));
  }

  @Test
  void adjustedAlignmentOnePassEqualsGoldenOls() throws IOException {
    Table in = CsvTables.read(TestData.goldens().resolve("rq1_regression_input.csv"));
    Table adj = MultilingualRegression.adjustedAlignments(in, "interaction", 0, 1, AnalysisSettings.paper()).table();
    assertEquals(36, adj.rowCount());
    JsonNode g = new ObjectMapper().readTree(TestData.goldens().resolve("rq1_ols_adjusted.json").toFile()).get("params");
    for (int i = 0; i < adj.rowCount(); i++) {
      String key = "language[" + adj.getString(i, "language") + "]:model_name[T." + adj.getString(i, "model_name") + "]";
      JsonNode v = g.get(key);
      if (v == null) v = g.get("language[" + adj.getString(i, "language") + "]:model_name[" + adj.getString(i, "model_name") + "]");
      assertNotNull(v, key);
      assertEquals(v.asDouble(), adj.doubleColumn("adjusted_alignment").getDouble(i), 1e-9, key);
    }
  }

  @Test
  void papersTablesParse() {
    AnalysisInputs in = TestData.inputs();
    PaperTable rq1 = ReplicationReport.paperRq1(in);
    PaperTable rq2 = ReplicationReport.paperRq2(in);
    assertEquals(16, rq1.rows().size());
    assertEquals(80, rq2.rows().size());
    assertEquals(-0.240, rq1.coef("multilingual:family[openai]:language[English]"), 0);
    assertEquals(0.1334, rq2.coef("us[T.True]:model_name[T.gpt-4o]:language[en]"), 0);
    assertEquals(0.009, rq1.rows().get("multilingual:family[openai]:language[English]")[PaperTable.P], 0);
  }
}
