package org.mcalign.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mcalign.analysis.AnalysisInputs;
import org.mcalign.analysis.AnalysisOutput;
import org.mcalign.analysis.AnalysisResult;
import org.mcalign.analysis.AnalysisSettings;
import org.mcalign.analysis.Analyses;
import org.mcalign.analysis.Baselines;
import org.mcalign.analysis.Demographic;
import org.mcalign.analysis.Hypotheses;
import org.mcalign.analysis.HypothesesScript;
import org.mcalign.analysis.Metric;
import org.mcalign.analysis.PaperAnalysis;
import org.mcalign.analysis.ReplicationReport;
import org.mcalign.analysis.SelfConsistency;
import org.mcalign.analysis.TotalGroundTruthAlignment;
import org.mcalign.analysis.demo.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcalign analyze NAME}: stages 7–8 (the paper's analyses, regressions and figures). */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {"Run the paper's analyses from the published scores and write tables, regressions (fit --json schema), "
        + "figures and provenance into --out.",
        "NAME: all (everything, with figures), core (alignment, RQ1, RQ2, breakdown, consistency), total-gt-alignment, "
            + "self-consistency, cross-effects, demographic, replication, hypotheses (the paper's analyse_hypotheses.py "
            + "as its main runs it: latest_results_with_baseline.csv, the --analyses chosen, their exploratory plots with "
            + "captions in hypotheses_gallery.md), or one of english_language_alignment, "
            + "cross_linguistic_cultural_transfer, monocultural_alignment, extreme_absolute_performance, "
            + "extreme_relative_performance, extreme_relative_all_combinations."})
final class AnalyzeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "What to run (see above).")
  String name;

  @Option(names = "--rounds", paramLabel = "N",
      description = "Bootstrap rounds (0 = one pass without resampling). Default: the paper's (100 or 1000 per analysis).")
  Integer rounds;

  @Option(names = "--seed", defaultValue = "5125",
      description = "Master seed of every draw, recorded in provenance.json (default: ${DEFAULT-VALUE}, the project's default; "
          + "the paper's bootstraps are unseeded).")
  long seed;

  @Option(names = "--metric",
      description = "Metric for single analyses: spearman, mean_alignment or pearson (default: spearman; for 'hypotheses' "
          + "mean_alignment, the paper's script's default).")
  String metric;

  @Option(names = "--threshold", paramLabel = "X",
      description = "The paper's --threshold: keep the ground-truth rows with |pro_score - 0.5| > X (hypotheses and its analyses).")
  Double threshold;

  @Option(names = "--analyses", split = ",", paramLabel = "A,B",
      description = "For 'hypotheses': analyses by stem or the paper's name (default: the script's five: American Superiority "
          + "Bias, Cultural Transfer, Monocultural Alignment, Absolute Performance, All Combinations).")
  List<String> analyses;

  @Option(names = "--error-rate", paramLabel = "E",
      description = "Scoring error rate; every consistency is divided by 1 - E (default: the paper's 0.045; "
          + "notebook 05b derives one from human labels).")
  Double errorRate;

  @Option(names = "--seeds", defaultValue = "5", description = "Seeds of the replication report (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--threads", description = "Worker threads (default: all processors); results do not depend on it.")
  Integer threads;

  @Option(names = "--consistency-pairs", paramLabel = "PAIRS",
      description = "Pairs of a resample in every consistency: DISTINCT_ROWS (copies of one response unpaired) or "
          + "DISTINCT_POSITIONS (a response drawn twice pairs with its copy). Default: as each published output of the "
          + "paper was made (DISTINCT_ROWS in the alignment rounds, DISTINCT_POSITIONS in the self-consistency figure).")
  org.mcalign.analysis.ConsistencyPairs consistencyPairs;

  @Option(names = "--no-figures", description = "Skip the figures of 'all' and 'hypotheses'.")
  boolean noFigures;

  @Option(names = "--data", paramLabel = "DIR", description = "Dataset folder (default: MCA_DATA, then data/paper, then download).")
  Path data;

  @Option(names = "--scores", paramLabel = "FILE",
      description = "Your scored responses (the schema of all_lang_model_responses_with_scores.csv, e.g. from `mcalign score`),"
          + " analysed in place of the dataset's over its ground truth and benchmarks. provenance.json lists each input file"
          + " with its path, SHA-256 and kind: the paper's (mirror, or downloaded at the pinned commit), DEMO, USER or SIMULATED"
          + " (as FILE.source.json beside it says; `score` writes one). Models or languages it lacks are skipped and listed.")
  Path scores;

  @picocli.CommandLine.Mixin StudyOption study;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Output folder (created if needed), written as one set: a rerun replaces the previous run's files all at once"
          + " (files it did not write are kept); never the dataset's folder or one inside it.")
  Path out;

  @Override
  public Integer call() {
    AnalysisSettings s = AnalysisSettings.paper();
    if (rounds != null) s = s.withAllRounds(rounds);
    if (threads != null) s = s.withThreads(threads);
    if (consistencyPairs != null) s = s.withConsistencyPairs(consistencyPairs);
    if (errorRate != null) s = s.withErrorRate(errorRate);
    Metric m = Metric.of(metric != null ? metric : name.equals("hypotheses") ? "mean_alignment" : "spearman");
    if (threshold != null && !name.equals("hypotheses") && !Hypotheses.NAMES.contains(name))
      throw new IllegalArgumentException("--threshold applies to 'hypotheses' and its analyses only, not '" + name + "'");
    if (analyses != null && !name.equals("hypotheses"))
      throw new IllegalArgumentException("--analyses applies to 'hypotheses' only");
    new PathGuard().inputFolder("--data", data).input("--study", study.file).input("--scores", scores).outputFolder("--out", out).check();
    org.mcalign.data.Dataset base = study.apply(data != null ? org.mcalign.data.Dataset.at(data) : Analyses.dataset());
    if (scores != null) base = base.withFile(org.mcalign.analysis.AnalysisInputs.SCORES_FILE, scores);
    AnalysisInputs in = AnalysisInputs.of(base);
    // the dataset in use, however it was found (MCA_DATA, data/paper, the demo), is never written into
    new PathGuard().inputFolder(data != null ? "--data" : "the dataset", in.dataset().folder()).outputFolder("--out", out).check();
    System.err.println("analyze: " + Datasets.title(in.dataset(), "dataset " + in.describe()) + "; " + in.study());
    long t0 = System.nanoTime();
    List<Path> written;
    switch (name) {
      case "all", "core" -> {
        java.util.Map<String, String> skipped = new java.util.LinkedHashMap<>();
        AnalysisOutput.Written w = AnalysisOutput.runAndWrite(in, s, seed, name.equals("all") ? PaperAnalysis.Scope.ALL : PaperAnalysis.Scope.CORE,
            out, name.equals("all") && !noFigures, skipped);
        PaperAnalysis.Result r = w.result();
        written = w.files();
        r.seconds().forEach((k, v) -> System.err.printf("analyze: %-55s %8.2f s%n", k, v));
        if (!r.coverage().isEmpty()) System.err.println("analyze: " + r.coverage() + " of the study's");
        if (!skipped.isEmpty()) {
          System.err.println("analyze: skipped " + skipped.size() + " output(s) that need more of the study (listed in "
              + AnalysisOutput.SKIPPED_FILE + " and provenance.json):");
          skipped.forEach((k, v) -> System.err.println("analyze:   " + k + ": " + v));
        }
        if (r.tables().containsKey("rq1_left_out.csv"))
          System.err.println("analyze: left out of RQ1 only (no benchmark scores), see rq1_left_out.csv: "
              + r.table("rq1_left_out.csv").stringColumn("model_name").unique().asList());
      }
      case "total-gt-alignment" -> written = AnalysisOutput.write(TotalGroundTruthAlignment.run(in,
          Baselines.withBaselines(in.responses(), s, PaperAnalysis.partSeed(seed, "baselines")), m, s.totalGtRounds(),
          PaperAnalysis.partSeed(seed, "total_gt_alignment"), s), in, out, seed);
      case "self-consistency" -> written = AnalysisOutput.write(
          SelfConsistency.perModelLanguage(in.responses(), s, PaperAnalysis.partSeed(seed, "self_consistency"), in.study()), in, out, seed);
      case "cross-effects" -> written = AnalysisOutput.write(
          SelfConsistency.crossEffects(in.responses(), s, PaperAnalysis.partSeed(seed, "cross_effects"), in.study()), in, out, seed);
      case "demographic" -> written = AnalysisOutput.write(Demographic.run(in.demographicResults(), m,
          s.hypothesisRounds(), PaperAnalysis.partSeed(seed, "demographic"), s), in, out, seed);
      case "replication" -> written = ReplicationReport.run(in, s, seed, seeds).writeTo(out, in);
      case "hypotheses" -> {
        HypothesesScript h = HypothesesScript.run(in, analyses, m, threshold, s, seed);
        written = h.writeTo(out, in, !noFigures);
        System.err.println("analyze: " + h.summary().name());
      }
      default -> {
        if (!Hypotheses.NAMES.contains(name))
          throw new IllegalArgumentException("unknown analysis '" + name + "'; see mcalign analyze --help");
        AnalysisResult a = Hypotheses.run(name, Hypotheses.extremeGroundTruth(in.groundTruthAllCountries(), threshold),
            Baselines.withBaselines(in.responses(), s,
            PaperAnalysis.partSeed(seed, "baselines")), m, s, PaperAnalysis.partSeed(seed, name), in.study());
        written = AnalysisOutput.write(a, in, out, seed);
      }
    }
    System.err.printf("analyze: %s done in %.1f s, %d files in %s%s%n", name, (System.nanoTime() - t0) / 1e9, written.size(), out,
        in.dataset().isDemo() ? " (DEMO dataset: every file name starts with DEMO-)" : "");
    System.err.println("analyze: " + org.mcalign.data.ProcessStats.line());
    return 0;
  }
}
