package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {
  static final Path GOLDENS = Path.of("..", "shared", "goldens");

  private static String[] run(String... args) {
    CliRun r = CliRun.of(args);
    return new String[] {Integer.toString(r.code()), r.out(), r.err()};
  }

  private static void assumeGoldens() {
    if (System.getenv("CI") != null && !Files.isDirectory(GOLDENS)) fail("goldens missing at " + GOLDENS.toAbsolutePath());
    Assumptions.assumeTrue(Files.isDirectory(GOLDENS));
  }

  @Test
  void olsJsonMatchesTheGolden() throws Exception {
    assumeGoldens();
    JsonNode g = new ObjectMapper().readTree(GOLDENS.resolve("rq2_ols_us_bias.json").toFile());
    String[] r = run("fit", "--data", GOLDENS.resolve("rq2_regression_input.csv").toString(), "--formula",
        g.get("formula").asText(), "--json");
    assertEquals("0", r[0], r[2]);
    JsonNode j = new ObjectMapper().readTree(r[1]);
    assertEquals(g.get("nobs").asInt(), j.get("nobs").asInt());
    for (String field : new String[] {"params", "bse", "pvalues", "ci_lower", "ci_upper"}) {
      var it = g.get(field).fieldNames();
      var jt = j.get(field).fieldNames();
      while (it.hasNext()) {
        String name = it.next();
        assertEquals(name, jt.next());
        double e = g.get(field).get(name).asDouble(), a = j.get(field).get(name).asDouble();
        assertEquals(e, a, Math.max(1e-6 * Math.abs(e), 1e-12), field + "[" + name + "]");
      }
    }
    for (String f : new String[] {"scale", "llf", "rsquared", "rsquared_adj", "aic", "bic"})
      assertEquals(g.get(f).asDouble(), j.get(f).asDouble(), 1e-6 * Math.abs(g.get(f).asDouble()), f);
  }

  @Test
  void mixedModelSummaryAndJson() throws Exception {
    assumeGoldens();
    JsonNode g = new ObjectMapper().readTree(GOLDENS.resolve("rq1_mixedlm_interaction.json").toFile());
    String csv = GOLDENS.resolve("rq1_regression_input.csv").toString();
    String[] r = run("fit", "--data", csv, "--formula", g.get("formula").asText(), "--groups", "model_name");
    assertEquals("0", r[0], r[2]);
    assertEquals(Files.readString(GOLDENS.resolve("rq1_mixedlm_interaction.summary.txt")).strip(), r[1].strip());
    r = run("fit", "--data", csv, "--formula", g.get("formula").asText(), "--groups", "model_name", "--json");
    JsonNode j = new ObjectMapper().readTree(r[1]);
    assertEquals(g.get("group_var").asDouble(), j.get("group_var").asDouble(), 1e-4 * g.get("group_var").asDouble());
    assertTrue(j.get("converged").asBoolean());
    r = run("fit", "--data", csv, "--formula", g.get("formula").asText(), "--groups", "model_name", "--method", "ml", "--json");
    assertEquals("ML", new ObjectMapper().readTree(r[1]).get("method").asText());
  }

  @Test
  void badInputGivesOneClearLine(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "y,x\n1,2\n2,3\n4,4\n");
    String[] r = run("fit", "--data", csv.toString(), "--formula", "y ~ z");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("t.csv") && r[2].contains("no column 'z'"), r[2]);
    r = run("fit", "--data", dir.resolve("missing.csv").toString(), "--formula", "y ~ x");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("missing.csv does not exist"), r[2]);
    r = run("fit", "--data", dir.toString(), "--formula", "y ~ x");
    assertTrue(r[2].contains(dir + " is a folder, expected a file"), r[2]);
    r = run("fit", "--data", csv.toString(), "--formula", "y ~ x", "--groups", "x", "--method", "bayes");
    assertTrue(r[2].contains("reml or ml"), r[2]);
  }
}
