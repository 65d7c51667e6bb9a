package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.CsvIn;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code mcalign fit --json} against statsmodels 0.13.5 + patsy + pandas on about 180 generated
 * datasets (src/test/resources/org/mcalign/stats/statsmodels_differential.py, run here with
 * /usr/bin/python3; seed {@link #SEED}): rank-deficient designs (nested factors, duplicated and
 * collinear columns, empty cells, zero columns), pandas' CSV reading (NA tokens, infinities,
 * booleans, white space, stray values, long fields), patsy's syntax (C, Treatment, Sum, I,
 * np.*, center, standardize, **) and mixed models (singular, nearly collinear, boundary).
 *
 * <p>Where statsmodels answers: the same coefficient names, nobs and df_resid, params and bse
 * within 1e-6 (OLS) or 1e-4 (mixed models) wherever statsmodels' bse is not zero (a null
 * direction of a rank-deficient design), and pandas' column types. Where statsmodels refuses:
 * exit code 1 and one line that names the file, without a stack trace or an exception's name.
 */
class StatsmodelsDifferentialTest {
  static final long SEED = 20260212L;
  static final double OLS_TOLERANCE = 1e-6, MIXED_TOLERANCE = 1e-4;
  private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  @Test
  void fitAgreesWithStatsmodels(@TempDir Path dir) throws Exception {
    JsonNode cases = generate(dir).get("cases");
    List<String> failures = new ArrayList<>();
    double worstOls = 0, worstMixed = 0;
    int ols = 0, mixed = 0, refused = 0;
    for (JsonNode c : cases) {
      String id = c.get("id").asText() + " (" + c.get("note").asText() + ", " + c.get("formula").asText() + ")";
      Path csv = dir.resolve(c.get("csv").asText());
      checkTypes(c, csv, id, failures);
      List<String> args = new ArrayList<>(List.of("fit", "--data", csv.toString(), "--formula", c.get("formula").asText(), "--json"));
      boolean isMixed = !c.get("groups").isNull();
      if (isMixed) args.addAll(List.of("--groups", c.get("groups").asText(), "--method", c.get("method").asText()));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      JsonNode expect = c.get("expect");
      if (!expect.get("ok").asBoolean() || c.get("unsupported").asBoolean()) {
        refused++;
        checkRefusal(run, c, csv.getFileName().toString(), id, failures);
        continue;
      }
      if (run.code() != 0) {
        failures.add(id + ": statsmodels fits it but fit exits " + run.code() + ": " + run.err().strip());
        continue;
      }
      JsonNode got = JSON.readTree(run.out());
      double worst = compare(expect, got, isMixed ? MIXED_TOLERANCE : OLS_TOLERANCE, id, failures);
      if (isMixed) {
        mixed++;
        worstMixed = Math.max(worstMixed, worst);
      } else {
        ols++;
        worstOls = Math.max(worstOls, worst);
      }
    }
    System.out.printf("statsmodels differential (seed %d): %d cases: %d OLS (worst relative difference %.1e), "
        + "%d mixed models (worst %.1e), %d refused as statsmodels refuses (or as unsupported)%n",
        SEED, cases.size(), ols, worstOls, mixed, worstMixed, refused);
    if (!failures.isEmpty()) fail(failures.size() + " of " + cases.size() + " cases differ from statsmodels:\n" + String.join("\n", failures));
    assertTrue(cases.size() >= 150, "at least 150 cases");
  }

  /** The largest relative difference over params and bse (and the variance parts of mixed models). */
  private static double compare(JsonNode expect, JsonNode got, double tol, String id, List<String> failures) {
    List<String> names = new ArrayList<>();
    for (JsonNode n : expect.get("names")) names.add(n.asText());
    List<String> gotNames = new ArrayList<>();
    for (Iterator<String> it = got.get("params").fieldNames(); it.hasNext(); ) gotNames.add(it.next());
    if (!names.equals(gotNames)) {
      failures.add(id + ": names differ:\n  statsmodels " + names + "\n  fit         " + gotNames);
      return 0;
    }
    if (expect.get("nobs").asInt() != got.get("nobs").asInt())
      failures.add(id + ": nobs " + got.get("nobs").asInt() + ", statsmodels " + expect.get("nobs").asInt());
    if (expect.has("df_resid") && expect.get("df_resid").asDouble() != got.get("df_resid").asDouble())
      failures.add(id + ": df_resid " + got.get("df_resid").asDouble() + ", statsmodels " + expect.get("df_resid").asDouble());
    double maxBse = 0, maxParam = 0;
    for (String n : names) maxBse = Math.max(maxBse, finite(expect.get("bse").get(n).asDouble()));
    for (String n : names)
      if (expect.get("bse").get(n).asDouble() > 1e-10 * maxBse) maxParam = Math.max(maxParam, Math.abs(expect.get("params").get(n).asDouble()));
    double worst = 0;
    for (String n : names) {
      double eb = expect.get("bse").get(n).asDouble();
      if (!(eb > 1e-10 * maxBse)) continue; // a null direction (or no residual degrees of freedom): statsmodels' bse is zero or noise
      worst = Math.max(worst, check(id, "params[" + n + "]", expect.get("params").get(n).asDouble(),
          got.get("params").get(n).asDouble(), tol, 1e-9 * maxParam, failures));
      worst = Math.max(worst, check(id, "bse[" + n + "]", eb, got.get("bse").get(n).asDouble(), tol, 0, failures));
    }
    for (String f : new String[] {"group_var", "scale"})
      if (expect.has(f)) worst = Math.max(worst, check(id, f, expect.get(f).asDouble(), got.get(f).asDouble(), tol, 1e-8, failures));
    return worst;
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0;
  }

  private static double check(String id, String what, double e, double a, double rel, double abs, List<String> failures) {
    if (a == e || (Double.isNaN(a) && Double.isNaN(e))) return 0; // equal, including inf (no residual degrees of freedom)
    double diff = Math.abs(a - e);
    if (!(diff <= rel * Math.abs(e) + abs)) failures.add(String.format("%s: %s = %.12g, statsmodels %.12g", id, what, a, e));
    return e == 0 ? 0 : Math.max(0, diff - abs) / Math.abs(e);
  }

  /** statsmodels' errors become clear refusals: exit 1, one line naming the file, no stack trace. */
  private static void checkRefusal(CliRun run, JsonNode c, String file, String id, List<String> failures) {
    String err = run.err().strip();
    if (run.code() != 1) failures.add(id + ": statsmodels refuses (" + c.get("expect").path("error").asText() + ") but fit exits "
        + run.code() + (run.code() == 0 ? " with output" : ": " + err));
    else if (!err.contains(file)) failures.add(id + ": the refusal does not name the file " + file + ": " + err);
    else if (err.contains("\tat ") || err.matches("(?s).*\\b\\w+(Exception|Error)\\b.*")) failures.add(id + ": stack trace or exception name: " + err);
  }

  /** pandas' dtype of every column equals the type CsvIn infers. */
  private static void checkTypes(JsonNode c, Path csv, String id, List<String> failures) throws IOException {
    if (!c.has("dtypes")) return;
    Table t = CsvIn.parse(Files.readAllBytes(csv), csv.getFileName().toString()).table();
    for (Iterator<String> it = c.get("dtypes").fieldNames(); it.hasNext(); ) {
      String name = it.next(), dtype = c.get("dtypes").get(name).asText();
      if (!t.containsColumn(name)) {
        failures.add(id + ": column " + name + " missing (columns " + t.columnNames() + ")");
        continue;
      }
      String ours = pandasType(t.column(name));
      if (!ours.equals(dtype.equals("uint64") ? "float64" : dtype)) failures.add(id + ": column " + name + " read as " + ours + ", pandas " + dtype);
    }
  }

  private static String pandasType(Column<?> col) {
    if (col instanceof LongColumn) return "int64";
    if (col instanceof DoubleColumn) return "float64";
    if (col instanceof BooleanColumn) return col.countMissing() == 0 ? "bool" : "object";
    return "object";
  }

  /** Runs the generator; under CI a missing Python or statsmodels fails the test instead of skipping it. */
  static JsonNode generate(Path dir) throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    boolean available = Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c", "import statsmodels, patsy, pandas")
        .redirectErrorStream(true).start().waitFor() == 0;
    if (!available) {
      String what = "/usr/bin/python3 with statsmodels, patsy and pandas (environment/lib.sh installs them)";
      if (System.getenv("CI") != null) fail(what + " is missing");
      Assumptions.assumeTrue(false, what + " is missing: skipped");
    }
    Path script = dir.resolve("statsmodels_differential.py");
    try (InputStream in = StatsmodelsDifferentialTest.class.getResourceAsStream("/org/mcalign/stats/statsmodels_differential.py")) {
      Files.copy(in, script);
    }
    Process p = new ProcessBuilder(python.toString(), script.toString(), dir.toString(), Long.toString(SEED))
        .redirectErrorStream(true).redirectOutput(dir.resolve("generator.log").toFile()).start();
    if (!p.waitFor(20, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("the statsmodels generator did not finish in 20 minutes");
    }
    assertEquals(0, p.exitValue(), () -> "generator failed:\n" + read(dir.resolve("generator.log")));
    return JSON.readTree(dir.resolve("cases.json").toFile());
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
