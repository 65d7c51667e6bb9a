package org.mcalign.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mcalign.wvs.GroundTruth;
import org.mcalign.wvs.GroundTruthSettings;
import org.mcalign.wvs.Microdata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcalign wvs-ground-truth}: stage 1, the paper's ground truth from EVS/WVS microdata. */
@Command(name = "wvs-ground-truth", mixinStandardHelpOptions = true,
    description = {
      "Compute the paper's WVS ground truth from the EVS/WVS joint microdata CSV in one pass and write",
      "ground_truth_every_country.csv, ground_truth_per_language.csv, ground_truth_global.csv,",
      "country_languages.csv, gt_self_consistency.csv and provenance.json into --out (all or nothing)."})
final class WvsGroundTruthCommand implements Callable<Integer> {
  @Option(names = "--microdata", required = true, paramLabel = "FILE",
      description = "The joint CSV (EVS_WVS_Joint_Csv_v5_0.csv) or generated microdata.")
  Path microdata;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--languages", split = ",", paramLabel = "LANG",
      description = "Tested interview languages (default: da,en,nl,pt).")
  List<String> languages = GroundTruthSettings.PAPER_LANGUAGES;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the self-consistency samples (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--rounds", defaultValue = "100", description = "Self-consistency rounds (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  public Integer call() {
    GroundTruthSettings settings = GroundTruthSettings.paper().withLanguages(languages).withSeed(seed).withRounds(rounds);
    long[] lastPercent = {-1};
    Microdata.Progress progress = (bytes, total, rows) -> {
      long pct = total > 0 ? bytes * 100 / total : -1;
      if (pct / 10 != lastPercent[0] / 10 || bytes == total) {
        lastPercent[0] = pct;
        System.err.printf("wvs-ground-truth: %,d MB read%s, %,d respondents%n", bytes >> 20,
            pct >= 0 ? " (" + pct + "%)" : "", rows);
      }
    };
    GroundTruth gt = GroundTruth.compute(microdata, settings, progress);
    for (Path p : gt.writeTo(out)) System.out.println(p);
    System.err.printf("wvs-ground-truth: %s in %.1f s%n", gt, gt.seconds());
    return 0;
  }
}
