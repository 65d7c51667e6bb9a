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
    Study study = in.study();
    List<Figure> out = new ArrayList<>();
    out.addAll(rq1(r, study));
    out.addAll(rq2(r, study));
    out.add(Figures.selfConsistency(r.table("model_self_consistency.csv"), study));
    out.add(Figures.crossEffects(r.table("cross_effects.csv"), study));
    out.addAll(languageBreakdown(r, study));
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
    RegressionResults m = r.regressions().get("rq2_ols_us_bias");
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
