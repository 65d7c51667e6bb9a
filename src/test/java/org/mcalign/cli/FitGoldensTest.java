package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mcalign fit --json} on every case of the shared goldens: the five edge cases
 * (../shared/goldens/edge-cases) and the paper-shaped regressions: names identical, params and
 * bse within 1e-6 (OLS) or 1e-4 (mixed models) wherever statsmodels' bse is not zero.
 */
class FitGoldensTest {
  private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private static Path goldens() {
    Path dir = FitCommandTest.GOLDENS;
    if (!Files.isDirectory(dir)) {
      if (System.getenv("CI") != null) fail("goldens missing at " + dir.toAbsolutePath());
      Assumptions.assumeTrue(false, "goldens missing at " + dir);
    }
    return dir;
  }

  @ParameterizedTest
  @ValueSource(strings = {"booleans", "duplicate_column", "empty_cells", "na_tokens", "nested"})
  void edgeCase(String name) throws Exception {
    Path dir = goldens().resolve("edge-cases");
    JsonNode g = JSON.readTree(dir.resolve(name + ".json").toFile());
    JsonNode got = fit(dir.resolve(name + ".csv"), g.get("formula").asText(), null);
    compare(g, got, 1e-6);
    assertEquals(g.get("nobs").asDouble() - g.get("rank").asDouble(), got.get("df_resid").asDouble(), "df_resid = nobs − rank");
    assertEquals(g.get("rank").asInt(), got.get("rank").asInt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rq1_ols_adjusted", "rq2_ols_us_bias", "rq1_mixedlm_normal", "rq1_mixedlm_no_consistency",
      "rq1_mixedlm_interaction"})
  void paperShapedGolden(String name) throws Exception {
    JsonNode g = JSON.readTree(goldens().resolve(name + ".json").toFile());
    boolean mixed = g.has("groups");
    Path csv = goldens().resolve(name.startsWith("rq2") ? "rq2_regression_input.csv" : "rq1_regression_input.csv");
    JsonNode got = fit(csv, g.get("formula").asText(), mixed ? g.get("groups").asText() : null);
    compare(g, got, mixed ? 1e-4 : 1e-6);
    assertEquals(g.get("nobs").asInt(), got.get("nobs").asInt());
    if (mixed) assertEquals(g.get("group_var").asDouble(), got.get("group_var").asDouble(), 1e-4 * g.get("group_var").asDouble());
  }

  private static JsonNode fit(Path csv, String formula, String groups) throws Exception {
    List<String> args = new ArrayList<>(List.of("fit", "--data", csv.toString(), "--formula", formula, "--json"));
    if (groups != null) args.addAll(List.of("--groups", groups));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    return JSON.readTree(r.out());
  }

  /** Same names in the same order; params and bse within {@code rel} where statsmodels' bse is not zero. */
  static void compare(JsonNode g, JsonNode got, double rel) {
    List<String> names = new ArrayList<>(), gotNames = new ArrayList<>();
    for (Iterator<String> it = g.get("params").fieldNames(); it.hasNext(); ) names.add(it.next());
    for (Iterator<String> it = got.get("params").fieldNames(); it.hasNext(); ) gotNames.add(it.next());
    assertEquals(names, gotNames);
    double maxBse = 0;
    for (String n : names) maxBse = Math.max(maxBse, g.get("bse").get(n).asDouble());
    StringBuilder errors = new StringBuilder();
    int compared = 0;
    for (String n : names) {
      double eb = g.get("bse").get(n).asDouble();
      if (!(eb > 1e-10 * maxBse)) continue;
      compared++;
      for (String f : new String[] {"params", "bse"}) {
        double e = g.get(f).get(n).asDouble(), a = got.get(f).get(n).asDouble();
        if (!(Math.abs(a - e) <= rel * Math.abs(e) + 1e-12)) errors.append(String.format("%s[%s] = %.15g, statsmodels %.15g%n", f, n, a, e));
      }
    }
    assertTrue(errors.length() == 0, "differences from statsmodels:\n" + errors);
    assertTrue(compared > 0);
  }
}
