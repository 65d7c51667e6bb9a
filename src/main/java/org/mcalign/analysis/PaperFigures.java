package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.List;
import org.mcalign.analysis.demo.Datasets;
import org.mcalign.data.Study;
import org.mcalign.plot.Figure;
import org.mcalign.plot.Figures;
import org.mcalign.stats.RegressionResults;

/**
 * The paper's 16 figures from one {@link PaperAnalysis.Result}, through the plot package. The
 * two residual figures ({@code rq1-robustness.png}, {@code rq2-residuals.png}) were made by the
 * paper in R; ours are drawn from our own fits in R's style under the paper's file names.
 * {@link #all} labels them for the dataset (DEMO banner and {@code DEMO-} file names from the
 * demo, see {@link Datasets#figure}); the per-question lists are the plot package's figures as drawn.
 */
public final class PaperFigures {
  private PaperFigures() {}

  public static List<Figure> all(PaperAnalysis.Result r, AnalysisInputs in) {
    return all(r, in, new java.util.LinkedHashMap<>());
  }

  /**
   * As {@link #all(PaperAnalysis.Result, AnalysisInputs)}; from scores of part of the study
   * ({@link PaperAnalysis.Result#coverage()} not empty) a group of figures that cannot be drawn is
   * recorded in {@code skipped} (its name → the reason) and the others are drawn.
   */
  public static List<Figure> all(PaperAnalysis.Result r, AnalysisInputs in, java.util.Map<String, String> skipped) {
    Study study = in.study();
    PaperAnalysis.Parts p = new PaperAnalysis.Parts(r.coverage(), skipped);
    List<Figure> out = new ArrayList<>();
    for (String type : MultilingualRegression.FORMULAS.keySet())
      p.part(List.of("plots/multilingual_coefficients_" + type + ".png"), () -> out.add(
          Figures.multilingualCoefficients(r.table("multilingual_coefficients_" + type + ".csv"), type, study)));
    p.part(List.of("plots/multilingual_coefficients.png"), () ->
        out.add(Figures.multilingualCoefficients(r.table("multilingual_coefficients_interaction.csv"), study)));
    p.part(List.of("plots/multilingual_benchmarks_alignment-model.png"), () -> out.add(Figures.capabilityVsAlignment(r.table("benchmark_alignment.csv"), study)));
    p.part(List.of("plots/rq1-robustness.png"), () -> {
      RegressionResults m = r.regression("rq1_mixedlm_interaction");
      out.add(Figures.rq1Residuals(m.fittedValues(), m.residuals()));
    });
    p.part(List.of("plots/us_bias_coefficients.png", "plots/rq2-residuals.png"), () -> out.addAll(rq2(r, study)));
    p.part(List.of("plots/model-self_consistency.png"), () -> out.add(Figures.selfConsistency(r.table("model_self_consistency.csv"), study)));
    p.part(List.of("plots/cross_effects.png"), () -> out.add(Figures.crossEffects(r.table("cross_effects.csv"), study)));
    p.part(List.of("plots/language breakdown figures ({language}-spearman_gt_alignment.png)"), () -> out.addAll(languageBreakdown(r, study)));
    out.addAll(wvs(in));
    return out.stream().map(f -> Datasets.figure(in.dataset(), f)).toList();
  }

  public static List<Figure> rq1(PaperAnalysis.Result r, Study study) {
    List<Figure> out = new ArrayList<>();
    for (String type : MultilingualRegression.FORMULAS.keySet())
      out.add(Figures.multilingualCoefficients(r.table("multilingual_coefficients_" + type + ".csv"), type, study));
    out.add(Figures.multilingualCoefficients(r.table("multilingual_coefficients_interaction.csv"), study));
    out.add(Figures.capabilityVsAlignment(r.table("benchmark_alignment.csv"), study));
    RegressionResults m = r.regressions().get("rq1_mixedlm_interaction");
    out.add(Figures.rq1Residuals(m.fittedValues(), m.residuals()));
    return out;
  }

  public static List<Figure> rq2(PaperAnalysis.Result r, Study study) {
    RegressionResults m = r.regression("rq2_ols_us_bias");
    return List.of(Figures.usBiasCoefficients(r.table("us_bias_coefficients.csv"), study),
        Figures.rq2Residuals(m.fittedValues(), m.residuals(), UsCentricBias.FORMULA));
  }

  /** The breakdown figures of the languages present ({@link Figures#languageBreakdown}): the paper's three for its data. */
  public static List<Figure> languageBreakdown(PaperAnalysis.Result r, Study study) {
    return Figures.languageBreakdown(r.table("language_breakdown_coefficients.csv"), "spearman", study);
  }

  public static List<Figure> wvs(AnalysisInputs in) {
    return List.of(Figures.countryCorrelations(in.groundTruthEveryCountry(), in.groundTruthGlobal(), in.study()),
        Figures.languageCorrelations(in.groundTruthPerLanguage()),
        Figures.countryDistributions(in.groundTruthEveryCountry(), in.groundTruthGlobal(), in.study()));
  }
}
