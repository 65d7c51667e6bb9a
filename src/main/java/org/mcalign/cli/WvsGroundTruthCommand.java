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
    description = {"Compute the paper's WVS ground truth from the EVS/WVS joint microdata CSV in one pass and"
        + " write ground_truth_every_country.csv, ground_truth_per_language.csv, ground_truth_global.csv,"
        + " country_languages.csv, gt_self_consistency.csv and provenance.json into --out (all or nothing).",
        "Memory does not grow with the file: the self-consistency samples read the respondents' answers from"
            + " temporary files in java.io.tmpdir (about respondents x candidate items / 2 bytes, 200 MB for the"
            + " real joint file; deleted as soon as they are opened, so none is left behind)."})
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
    boolean explicitLanguages = languages != GroundTruthSettings.PAPER_LANGUAGES;
    for (String l : languages) {
      if (!l.matches("[a-z]{2,3}")) {
        throw new IllegalArgumentException("--languages: '" + l + "' is not a language code as in the microdata's lnge_iso column"
            + " (lower-case ISO 639, e.g. da,en,nl,pt)");
      }
    }
    new PathGuard().input("--microdata", microdata).outputFolder("--out", out).check();
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
    List<String> absent = languages.stream().filter(l -> !gt.microdata().languages().contains(l)).toList();
    if (!absent.isEmpty()) {
      String what = "no respondent of " + microdata.getFileName() + " was interviewed in " + String.join(", ", absent)
          + " (its lnge_iso values: " + String.join(", ", gt.microdata().languages()) + ")";
      if (explicitLanguages) throw new IllegalArgumentException("--languages: " + what + "; choose tested languages among those");
      System.err.println("wvs-ground-truth: warning: " + what);
    }
    for (Path p : gt.writeTo(out)) System.out.println(p);
    System.err.printf("wvs-ground-truth: %s in %.1f s%n", gt, gt.seconds());
    System.err.println("wvs-ground-truth: " + org.mcalign.data.ProcessStats.line());
    return 0;
  }
}
