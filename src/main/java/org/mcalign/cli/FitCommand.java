package org.mcalign.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mcalign.data.CsvIn;
import org.mcalign.stats.Columns;
import org.mcalign.stats.DesignMatrix;
import org.mcalign.stats.MixedLinearModel;
import org.mcalign.stats.RegressionResults;
import org.mcalign.stats.Ols;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcalign fit}: OLS or a random-intercept mixed model on any CSV, statsmodels-style. */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = {"Fit a regression on a CSV with a patsy formula and print a statsmodels-like summary.",
        "Without --groups: OLS (smf.ols). With --groups: linear mixed model with a random intercept per group "
            + "(smf.mixedlm, REML by default).",
        "The CSV is read as pandas.read_csv reads it (NA tokens, int/float/bool/text columns); text and booleans "
            + "are categorical (reference = first sorted level).",
        "Exit codes: 0 fitted; 1 the data, formula or model was refused (the message names the file, column or term); "
            + "2 bad options."})
final class FitCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "F.csv", description = "Input CSV with a header row.")
  Path data;

  @Option(names = "--formula", required = true, paramLabel = "\"y ~ ...\"",
      description = "patsy formula: + - * / : ** 0 1 and parentheses over columns, C(a), C(a, Treatment('b')), C(a, Sum), "
          + "I(x**2), np.log/log10/exp/sqrt/abs(x), center(x), standardize(x), scale(x), Q('name'); "
          + "e.g. \"y ~ 0 + x:group + C(a, Sum)*np.log(z)\".")
  String formula;

  @Option(names = "--groups", paramLabel = "COL", description = "Grouping column: fit a mixed model with a random intercept per group.")
  String groups;

  @Option(names = "--method", defaultValue = "reml", paramLabel = "reml|ml",
      description = "Mixed model estimation method (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--json", description = "Print the results as JSON (params, bse, pvalues, ci_lower, ci_upper, nobs, scale, llf, ...).")
  boolean json;

  @Override
  public Integer call() {
    new PathGuard().input("--data", data).check();
    MixedLinearModel.Method m = switch (method.toLowerCase(java.util.Locale.ROOT)) {
      case "reml" -> MixedLinearModel.Method.REML;
      case "ml" -> MixedLinearModel.Method.ML;
      default -> throw new IllegalArgumentException("--method must be reml or ml, got '" + method + "'");
    };
    if (groups == null && !method.equalsIgnoreCase("reml"))
      throw new IllegalArgumentException("--method applies to mixed models only (give --groups)");
    String file = data.getFileName().toString();
    CsvIn.Result csv = CsvIn.readWithWarnings(data);
    for (String w : csv.warnings()) System.err.println("mcalign fit: warning: " + w);
    RegressionResults r;
    try {
      Columns columns = new Columns(csv.name(), csv.columns());
      r = groups == null ? Ols.fit(formula, columns) : MixedLinearModel.of(formula, columns, groups).method(m).fit();
    } catch (DesignMatrix.NonFiniteValueException e) {
      throw new IllegalArgumentException(file + ", line " + csv.line(e.row()) + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().contains(file) ? e.getMessage() : file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // a numerical failure must still say what was being fitted, never just an exception's name
      String what = e.getMessage() == null || e.getMessage().isBlank() ? "an internal error (" + e.getClass().getSimpleName()
          + "); set MCA_DEBUG=1 for details" : e.getMessage();
      throw new IllegalStateException(file + ": formula '" + formula + "' could not be fitted: " + what, e);
    }
    System.out.println(json ? r.toJson() : r.summary());
    return 0;
  }
}
