package org.mcalign.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mcalign.stats.CsvTables;
import org.mcalign.stats.MixedLinearModel;
import org.mcalign.stats.RegressionResults;
import org.mcalign.stats.Ols;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code mcalign fit}: OLS or a random-intercept mixed model on any CSV, statsmodels-style. */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = {"Fit a regression on a CSV with a patsy formula and print a statsmodels-like summary.",
        "Without --groups: OLS (smf.ols). With --groups: linear mixed model with a random intercept per group "
            + "(smf.mixedlm, REML by default).",
        "Columns of True/False are booleans; strings and booleans are categorical (reference = first sorted level)."})
final class FitCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "F.csv", description = "Input CSV with a header row.")
  Path data;

  @Option(names = "--formula", required = true, paramLabel = "\"y ~ ...\"",
      description = "patsy formula: + - * / : 0 1 and parentheses, e.g. \"y ~ 0 + x:group + a*b\".")
  String formula;

  @Option(names = "--groups", paramLabel = "COL", description = "Grouping column: fit a mixed model with a random intercept per group.")
  String groups;

  @Option(names = "--method", defaultValue = "reml", paramLabel = "reml|ml",
      description = "Mixed model estimation method (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--json", description = "Print the results as JSON (params, bse, pvalues, ci_lower, ci_upper, nobs, scale, llf, ...).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    new PathGuard().input("--data", data).check();
    MixedLinearModel.Method m = switch (method.toLowerCase(java.util.Locale.ROOT)) {
      case "reml" -> MixedLinearModel.Method.REML;
      case "ml" -> MixedLinearModel.Method.ML;
      default -> throw new IllegalArgumentException("--method must be reml or ml, got '" + method + "'");
    };
    if (groups == null && !method.equalsIgnoreCase("reml"))
      throw new IllegalArgumentException("--method applies to mixed models only (give --groups)");
    Table table = CsvTables.read(data);
    RegressionResults r;
    try {
      r = groups == null ? Ols.fit(formula, table) : MixedLinearModel.of(formula, table, groups).method(m).fit();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(data.getFileName() + ": " + e.getMessage(), e);
    }
    System.out.println(json ? r.toJson() : r.summary());
    return 0;
  }
}
