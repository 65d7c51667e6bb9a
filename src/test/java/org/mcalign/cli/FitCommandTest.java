package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {
  /** Beside the paper data when MCA_DATA names it (the CI layout, also from a worktree), else ../shared/goldens. */
  static final Path GOLDENS = System.getenv("MCA_DATA") != null && !System.getenv("MCA_DATA").isBlank()
      ? Path.of(System.getenv("MCA_DATA")).toAbsolutePath().getParent().resolve("goldens") : Path.of("..", "shared", "goldens");

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

  /** A refusal: exit 1, the file named, no stack trace and no exception name; returns stderr. */
  private static String refused(Path csv, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("fit", "--data", csv.toString()));
    args.addAll(List.of(extra));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(1, r.code(), r.out() + r.err());
    String err = r.err();
    assertTrue(err.contains(csv.getFileName().toString()), err);
    assertFalse(err.contains("\tat ") || err.matches("(?s).*\\b\\w+(Exception|Error)\\b.*"), err);
    return err;
  }

  @Test
  void everyRefusalNamesTheFileAndTheColumnOrTerm(@TempDir Path dir) throws Exception {
    Path inf = dir.resolve("inf.csv");
    Files.writeString(inf, "x,y\n1,2\n2,3\nInfinity,4\n3,5\n");
    String err = refused(inf, "--formula", "y ~ x");
    assertTrue(err.contains("inf.csv, line 4") && err.contains("'x' is inf"), err);

    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, "name,y\ncaf\u00e9,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    err = refused(latin1, "--formula", "y ~ name");
    assertTrue(err.contains("latin1.csv, line 2, column 1 (name): byte 0xE9"), err);

    Path t = dir.resolve("t.csv");
    Files.writeString(t, "y,x,a,g\n1,2,p,g1\n2,3,q,g1\n4,4,p,g2\n3,1,q,g2\n5,7,p,g3\n");
    err = refused(t, "--formula", "y ~ np.log1p(x)");
    assertTrue(err.contains("unsupported function 'np.log1p'"), err);
    err = refused(t, "--formula", "y ~ x +* a");
    assertTrue(err.contains("at character"), err);
    err = refused(t, "--formula", "a ~ x");
    assertTrue(err.contains("the response 'a' must be numeric"), err);
    err = refused(t, "--formula", "y ~ C(a, Treatment('z'))");
    assertTrue(err.contains("reference level 'z' is not one of the levels [p, q]"), err);
    err = refused(t, "--formula", "y ~ x + a + I(2*x)", "--groups", "g");
    assertTrue(err.contains("singular") && err.contains("x, I(2 * x) are linearly dependent"), err);

    Path na = dir.resolve("na.csv");
    Files.writeString(na, "x,y\nNA,1\n,2\n");
    err = refused(na, "--formula", "y ~ x");
    assertTrue(err.contains("no rows left"), err);

    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    err = refused(empty, "--formula", "y ~ x");
    assertTrue(err.contains("empty"), err);
  }

  @Test
  void aStrayValueIsAWarningNamingItsLine(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("stray.csv");
    StringBuilder sb = new StringBuilder("x,y\n");
    for (int i = 0; i < 20; i++) sb.append(i == 7 ? "n.a." : Double.toString(i * 0.5)).append(',').append(i % 3).append('\n');
    Files.writeString(csv, sb.toString());
    CliRun r = CliRun.of("fit", "--data", csv.toString(), "--formula", "y ~ x", "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("warning: stray.csv: column 'x' is read as text, not numbers, because of 'n.a.' on line 9"), r.err());
  }
}
