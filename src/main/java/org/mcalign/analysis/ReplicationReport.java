package org.mcalign.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.AtomicFiles;
import org.mcalign.analysis.demo.Datasets;
import org.mcalign.data.CsvOut;
import org.mcalign.data.PaperFiles;
import org.mcalign.data.Provenance;
import org.mcalign.stats.Bootstrap;
import org.mcalign.stats.MixedLmResults;
import org.mcalign.stats.OlsResults;
import org.mcalign.stats.RegressionResults;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The replication report: the paper's RQ1 (interaction mixed model) and RQ2 (US-bias OLS)
 * tables beside ours over several seeds, with each coefficient's spread across seeds and
 * flags where a conclusion (sign, significance at 5 %) changes with the seed; then, as our
 * addition, an inference that does not treat bootstrap replicates as observations.
 */
public final class ReplicationReport {
  private ReplicationReport() {}

  public static final String RQ1_FILE = "regressions/multilingual_regression_results_interaction.txt";
  public static final String RQ2_FILE = "regressions/us_centric_bias_regression_results_normal.txt";

  /** Resamples used by the estimator bootstrap (our addition). */
  public static final int ESTIMATOR_ROUNDS = 200;

  /**
   * @param rq1 per paper coefficient: paper coef and p, ours per seed, median, spread, flags
   * @param rq2 the same for the RQ2 OLS
   * @param rq2Differences within-language differences between models, paper vs ours
   * @param rq1CodeAsWritten RQ1 again with {@link ConsistencyPairs#DISTINCT_POSITIONS}, the
   *     paper's code as written, where a resampled response pairs with its own copy
   * @param estimatorRq1 our addition: RQ1 on one pass, with the bootstrap distribution of the estimator
   * @param estimatorRq2 our addition: the same for RQ2's β_BiasUS terms
   */
  public record Report(long[] seeds, Table rq1, Table rq2, Table rq2Differences, Table rq1CodeAsWritten,
      Table estimatorRq1, Table estimatorRq2, Map<String, Double> acceptance, AnalysisSettings settings, long seed) {

    public List<Path> writeTo(Path folder, AnalysisInputs in) {
      // one set: built in a staging folder, published by renaming (OutputFolder)
      try (org.mcalign.data.OutputFolder set = org.mcalign.data.OutputFolder.begin(folder, "analyze replication (seed " + seed + ")")) {
        return set.publish(writeInto(set.staging(), in));
      }
    }

    private List<Path> writeInto(Path out, AnalysisInputs in) {
      List<Path> w = new ArrayList<>();
      w.add(CsvOut.write(rq1, out.resolve(Datasets.fileName(in.dataset(), "replication_rq1.csv"))));
      w.add(CsvOut.write(rq2, out.resolve(Datasets.fileName(in.dataset(), "replication_rq2.csv"))));
      w.add(CsvOut.write(rq2Differences, out.resolve(Datasets.fileName(in.dataset(), "replication_rq2_differences.csv"))));
      w.add(CsvOut.write(rq1CodeAsWritten, out.resolve(Datasets.fileName(in.dataset(), "replication_rq1_code_as_written.csv"))));
      w.add(CsvOut.write(estimatorRq1, out.resolve(Datasets.fileName(in.dataset(), "estimator_bootstrap_rq1.csv"))));
      w.add(CsvOut.write(estimatorRq2, out.resolve(Datasets.fileName(in.dataset(), "estimator_bootstrap_rq2.csv"))));
      StringBuilder sb = new StringBuilder("{");
      acceptance.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(CsvOut.formatDouble(v)));
      w.add(AtomicFiles.writeString(out.resolve(Datasets.fileName(in.dataset(), "replication_acceptance.json")), sb.append("}\n").toString()));
      Map<String, Object> s = new LinkedHashMap<>(settings.asMap());
      s.put("analysis", "replication");
      s.put("seeds", Arrays.toString(seeds));
      s.put("estimator_rounds", ESTIMATOR_ROUNDS);
      w.add(Datasets.writeProvenance(in.dataset(), Provenance.of(in.dataset(), seed, s), out));
      return w;
    }
  }

  /** The seeds of the report: the master seed and its successors. */
  public static long[] seeds(long seed, int n) {
    long[] s = new long[n];
    for (int i = 0; i < n; i++) s[i] = seed + i;
    return s;
  }

  /** The paper's RQ1 table; on the DEMO dataset, which has none, an empty stand-in saying so. */
  public static PaperTable paperRq1(AnalysisInputs in) {
    return paperTable(in, RQ1_FILE, List.of());
  }

  /** The paper's RQ2 table; on the DEMO dataset an empty stand-in. */
  public static PaperTable paperRq2(AnalysisInputs in) {
    return paperTable(in, RQ2_FILE, List.of());
  }

  private static PaperTable paperTable(AnalysisInputs in, String file, List<String> demoTerms) {
    if (in.dataset().isDemo())
      return PaperTable.notPublished("DEMO: no paper table (" + file + " belongs to the paper's data)", demoTerms);
    return PaperTable.parse(PaperFiles.of(in.dataset()).supplementary(file));
  }

  /** Fixed-effect names of a fit (what the paper's tables list), without the group variance. */
  private static List<String> fixedTerms(RegressionResults fit) {
    return fit.names().stream().filter(n -> !n.endsWith(" Var")).toList();
  }

  /** The RQ fits of one seed: baselines, total alignment, RQ1 interaction model, RQ2 OLS. */
  public record SeedFits(long seed, MixedLmResults rq1, OlsResults rq2) {}

  public static SeedFits fitSeed(AnalysisInputs in, AnalysisSettings s, long seed) {
    Table responses = Baselines.withBaselines(in.responses(), s, PaperAnalysis.partSeed(seed, "baselines"));
    Table total = TotalGroundTruthAlignment.run(in, responses, Metric.SPEARMAN, s.totalGtRounds(),
        PaperAnalysis.partSeed(seed, "total_gt_alignment"), s).table();
    Table rq1 = MultilingualRegression.regressionData(total, MultilingualRegression.benchmarks(in), in.study());
    return new SeedFits(seed, MultilingualRegression.fit(rq1, "interaction"), UsCentricBias.fit(UsCentricBias.usData(total, in)));
  }

  public static Report run(AnalysisInputs in, AnalysisSettings s, long seed, int nSeeds) {
    long[] seeds = seeds(seed, nSeeds);
    List<SeedFits> fits = new ArrayList<>();
    for (long sd : seeds) fits.add(fitSeed(in, s, sd));
    // on the DEMO dataset there is no published table: compare against NaN stand-ins of our own terms
    PaperTable p1 = paperTable(in, RQ1_FILE, fixedTerms(fits.get(0).rq1()));
    PaperTable p2 = paperTable(in, RQ2_FILE, fixedTerms(fits.get(0).rq2()));
    Table rq1 = compare("rq1", p1, fits.stream().map(f -> (RegressionResults) f.rq1()).toList(), seeds);
    Table rq2 = compare("rq2", p2, fits.stream().map(f -> (RegressionResults) f.rq2()).toList(), seeds);
    Table diffs = rq2Differences(p2, fits.stream().map(SeedFits::rq2).toList(), seeds);
    Map<String, Double> acc = new LinkedHashMap<>();
    acc.put("rq1_max_abs_median_minus_paper", rq1.where(rq1.stringColumn("term").startsWith("multilingual"))
        .doubleColumn("abs_median_minus_paper").max());
    acc.put("rq1_max_abs_median_minus_paper_all_terms", rq1.doubleColumn("abs_median_minus_paper").max());
    acc.put("rq2_max_abs_median_difference_error", diffs.doubleColumn("abs_median_minus_paper").max());
    acc.put("rq2_max_abs_difference_error_any_seed", diffs.doubleColumn("max_abs_seed_minus_paper").max());
    acc.put("rq1_flagged_terms", (double) rq1.booleanColumn("conclusion_changes").countTrue());
    acc.put("rq2_flagged_terms", (double) rq2.booleanColumn("conclusion_changes").countTrue());
    // the paper's code as written pairs a response drawn twice with its own copy: show what that gives
    AnalysisSettings asWritten = s.withConsistencyPairs(ConsistencyPairs.DISTINCT_POSITIONS);
    List<RegressionResults> vfits = new ArrayList<>();
    for (long sd : seeds) vfits.add(fitSeed(in, asWritten, sd).rq1());
    Table rq1v = compare("rq1_code_as_written", p1, vfits, seeds);
    acc.put("rq1_code_as_written_max_abs_median_minus_paper", rq1v.where(rq1v.stringColumn("term").startsWith("multilingual"))
        .doubleColumn("abs_median_minus_paper").max());
    acc.put("rq1_code_as_written_flagged_terms", (double) rq1v.booleanColumn("conclusion_changes").countTrue());
    Table[] est = EstimatorBootstrap.run(in, s, PaperAnalysis.partSeed(seed, "estimator_bootstrap"), p1, p2);
    return new Report(seeds, rq1, rq2, diffs, rq1v, est[0], est[1], acc, s, seed);
  }

  static double median(double[] v) {
    return Bootstrap.percentile(v, 50);
  }

  /** Paper vs ours per coefficient of the paper's table. */
  static Table compare(String name, PaperTable paper, List<RegressionResults> fits, long[] seeds) {
    StringColumn term = StringColumn.create("term");
    DoubleColumn pc = DoubleColumn.create("paper_coef"), pp = DoubleColumn.create("paper_p");
    DoubleColumn[] per = new DoubleColumn[seeds.length];
    for (int i = 0; i < seeds.length; i++) per[i] = DoubleColumn.create("seed_" + seeds[i]);
    DoubleColumn med = DoubleColumn.create("median"), spread = DoubleColumn.create("spread"),
        err = DoubleColumn.create("abs_median_minus_paper"), maxP = DoubleColumn.create("max_p");
    IntColumn sig = IntColumn.create("seeds_significant");
    BooleanColumn signFlip = BooleanColumn.create("sign_changes"), sigFlip = BooleanColumn.create("significance_changes"),
        paperDiff = BooleanColumn.create("differs_from_paper"), changes = BooleanColumn.create("conclusion_changes");
    paper.rows().forEach((t, row) -> {
      double[] v = new double[fits.size()], p = new double[fits.size()];
      for (int i = 0; i < fits.size(); i++) {
        Double c = fits.get(i).params().get(t);
        v[i] = c == null ? Double.NaN : c;
        Double pv = fits.get(i).pvalues().get(t);
        p[i] = pv == null ? Double.NaN : pv;
      }
      term.append(t);
      pc.append(row[PaperTable.COEF]);
      pp.append(row[PaperTable.P]);
      for (int i = 0; i < v.length; i++) per[i].append(v[i]);
      double m = median(v);
      med.append(m);
      spread.append(Arrays.stream(v).max().orElse(Double.NaN) - Arrays.stream(v).min().orElse(Double.NaN));
      err.append(Math.abs(m - row[PaperTable.COEF]));
      maxP.append(Arrays.stream(p).max().orElse(Double.NaN));
      int nSig = (int) Arrays.stream(p).filter(x -> x < 0.05).count();
      sig.append(nSig);
      long pos = Arrays.stream(v).filter(x -> x > 0).count();
      boolean sf = pos != 0 && pos != v.length, gf = nSig != 0 && nSig != v.length;
      boolean paperSig = row[PaperTable.P] < 0.05;
      boolean pd = (nSig == v.length) != paperSig || (paperSig && Math.signum(m) != Math.signum(row[PaperTable.COEF]));
      signFlip.append(sf);
      sigFlip.append(gf);
      paperDiff.append(pd);
      changes.append(sf || gf);
    });
    Table t = Table.create(name + "_replication", term, pc, pp);
    t.addColumns(per);
    return t.addColumns(med, spread, err, maxP, sig, signFlip, sigFlip, paperDiff, changes);
  }

  /**
   * For each language and each term family ({@code model_name:language} and
   * {@code us:model_name:language}), every pair of models' coefficient difference: the
   * paper's and ours per seed. The reference level (the uniform baseline, absorbed into the
   * language terms) cancels in these differences, so they are comparable across fits.
   */
  static Table rq2Differences(PaperTable paper, List<OlsResults> fits, long[] seeds) {
    StringColumn lang = StringColumn.create("language"), fam = StringColumn.create("term_family"),
        a = StringColumn.create("model_a"), b = StringColumn.create("model_b");
    DoubleColumn pd = DoubleColumn.create("paper_difference"), md = DoubleColumn.create("median_difference"),
        err = DoubleColumn.create("abs_median_minus_paper"), worst = DoubleColumn.create("max_abs_seed_minus_paper");
    List<String> models = org.mcalign.data.Study.paper().modelNames(); // the paper's table: the paper's models
    for (String l : org.mcalign.data.Study.paper().languageCodes().stream().sorted().toList())
      for (String prefix : List.of("", "us[T.True]:")) {
        for (int i = 0; i < models.size(); i++)
          for (int j = i + 1; j < models.size(); j++) {
            String ta = prefix + "model_name[T." + models.get(i) + "]:language[" + l + "]";
            String tb = prefix + "model_name[T." + models.get(j) + "]:language[" + l + "]";
            if (!paper.rows().containsKey(ta) || !paper.rows().containsKey(tb)) continue;
            double pdiff = paper.coef(ta) - paper.coef(tb);
            double[] ours = new double[fits.size()];
            double w = 0;
            for (int k = 0; k < fits.size(); k++) {
              ours[k] = fits.get(k).params().get(ta) - fits.get(k).params().get(tb);
              w = Math.max(w, Math.abs(ours[k] - pdiff));
            }
            lang.append(l);
            fam.append(prefix.isEmpty() ? "model_name:language" : "us:model_name:language");
            a.append(models.get(i));
            b.append(models.get(j));
            pd.append(pdiff);
            double m = median(ours);
            md.append(m);
            err.append(Math.abs(m - pdiff));
            worst.append(w);
          }
      }
    return Table.create("rq2_within_language_differences", lang, fam, a, b, pd, md, err, worst);
  }
}
