package org.mcalign.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mcalign.analysis.AnalysisSettings;
import org.mcalign.stats.Agreement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcalign agreement}: inter-rater agreement of nominal labels in long format. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
    description = {"Inter-rater agreement of nominal labels: Fleiss' kappa (items every rater labelled), pairwise Cohen's "
        + "kappa, Krippendorff's alpha (nominal; missing ratings allowed) and percent agreement, each with a 95 % "
        + "bootstrap percentile interval over item resamples (seeded; the seed is printed with the results).",
        "--labels: a CSV with columns item, rater, label (one row per rating; an empty label is a missing rating; "
            + "any number of raters and categories).",
        "Exit code: 0 computed, 1 bad input (the message names the file and line), 2 usage error."})
final class AgreementCommand implements Callable<Integer> {
  @Option(names = "--labels", required = true, paramLabel = "F.csv", description = "Long-format labels: item,rater,label.")
  Path labels;

  @Option(names = "--rounds", defaultValue = "1000", paramLabel = "N",
      description = "Bootstrap rounds (item resamples); 0 = estimates only (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--seed", paramLabel = "S",
      description = "Bootstrap seed (default: the project's default seed, " + AnalysisSettings.DEFAULT_SEED + ").")
  Long seed;

  @Option(names = "--json", description = "Print JSON: fleiss_kappa, pairwise_cohen_kappa {\"A|B\": …}, krippendorff_alpha, "
      + "percent_agreement, pairwise_percent_agreement, n_items, n_raters, n_items_complete, categories, raters, bootstrap "
      + "{rounds, seed, level, intervals}.")
  boolean json;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(labels)) throw new IllegalArgumentException("--labels " + labels + ": no such file");
    if (rounds < 0) throw new IllegalArgumentException("--rounds must be >= 0, got " + rounds);
    long s = seed == null ? AnalysisSettings.DEFAULT_SEED : seed;
    System.err.printf("agreement: %s, %d bootstrap rounds, seed %d%n", labels, rounds, s);
    Agreement a = Agreement.fromCsv(labels, rounds, s);
    System.out.print(json ? a.toJson() + "\n" : a.summary());
    return 0;
  }
}
