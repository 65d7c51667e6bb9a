package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MixedLinearModelTest {
  @ParameterizedTest
  @ValueSource(strings = {"rq1_mixedlm_normal.json", "rq1_mixedlm_no_consistency.json", "rq1_mixedlm_interaction.json"})
  void matchesStatsmodelsAtTheRemlOptimum(String golden) throws Exception {
    Goldens.assume();
    JsonNode g = Goldens.json(golden);
    MixedLmResults r = MixedLinearModel.fit(g.get("formula").asText(), Goldens.input(Goldens.inputOf(golden)), g.get("groups").asText());
    List<String> names = Goldens.keys(g.get("params"));
    assertEquals(names, r.names());
    assertEquals(g.get("nobs").asInt(), r.nobs());
    GoldenAssert a = new GoldenAssert(1e-4);
    a.perCoefficient(g, "params", names, r.params(), 1e-10);
    a.perCoefficient(g, "bse", names, r.bse(), 0);
    a.perCoefficient(g, "pvalues", names, r.pvalues(), 1e-10);
    Map<String, double[]> ci = r.confInt();
    for (String n : names) {
      // an interval end is param ± 1.96·bse: near zero it is judged relative to its parts
      double floor = 1e-4 * (Math.abs(r.params().get(n)) + 2 * r.bse().get(n));
      a.close("ci_lower[" + n + "]", g.get("ci_lower").get(n).asDouble(), ci.get(n)[0], floor);
      a.close("ci_upper[" + n + "]", g.get("ci_upper").get(n).asDouble(), ci.get(n)[1], floor);
    }
    a.close("scale", g.get("scale").asDouble(), r.scale(), 0);
    a.close("group_var", g.get("group_var").asDouble(), r.groupVar(), 0);
    a.close("llf", g.get("llf").asDouble(), r.llf(), 0);
    a.close("r2_marginal", g.get("r2_marginal").asDouble(), r.r2Marginal(), 0);
    a.close("r2_conditional", g.get("r2_conditional").asDouble(), r.r2Conditional(), 0);
    a.done();
    assertTrue(r.converged());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rq1_mixedlm_normal", "rq1_mixedlm_interaction"})
  void summaryHasStatsmodelsLayout(String golden) throws Exception {
    Goldens.assume();
    JsonNode g = Goldens.json(golden + ".json");
    MixedLmResults r = MixedLinearModel.fit(g.get("formula").asText(), Goldens.input(Goldens.inputOf(golden)), g.get("groups").asText());
    String expected = java.nio.file.Files.readString(Goldens.DIR.resolve(golden + ".summary.txt"));
    assertEquals(expected.strip(), r.summary().strip());
  }
}
