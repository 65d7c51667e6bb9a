package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
    List<Figure> out = new ArrayList<>();
    for (Supplier<List<Figure>> g : groups(r, in, skipped)) out.addAll(g.get());
    out.addAll(wvsGroup(in).get());
    return out;
  }

  /**
   * The figures of {@link #all} but the WVS ones, as groups that can be drawn independently (on
   * different threads), in the order of {@link #all}; a group that cannot be drawn from part of the
   * study records itself in {@code skipped} (which must then be safe to share) and draws nothing.
   */
  static List<Supplier<List<Figure>>> groups(PaperAnalysis.Result r, AnalysisInputs in, java.util.Map<String, String> skipped) {
    Study study = in.study();
    PaperAnalysis.Parts p = new PaperAnalysis.Parts(r.coverage(), skipped);
    List<Supplier<List<Figure>>> out = new ArrayList<>();
    java.util.function.BiConsumer<List<String>, Supplier<List<Figure>>> group = (names, draw) -> out.add(() -> {
      List<Figure> drawn = new ArrayList<>();
      p.part(names, () -> drawn.addAll(draw.get()));
      return labelled(drawn, in);
    });
    for (String type : MultilingualRegression.FORMULAS.keySet())
      group.accept(List.of("plots/multilingual_coefficients_" + type + ".png"), () -> List.of(
          Figures.multilingualCoefficients(r.table("multilingual_coefficients_" + type + ".csv"), type, study)));
    group.accept(List.of("plots/multilingual_coefficients.png"), () ->
        List.of(Figures.multilingualCoefficients(r.table("multilingual_coefficients_interaction.csv"), study)));
    group.accept(List.of("plots/multilingual_benchmarks_alignment-model.png"), () ->
        List.of(Figures.capabilityVsAlignment(r.table("benchmark_alignment.csv"), study)));
    group.accept(List.of("plots/rq1-robustness.png"), () -> {
      RegressionResults m = r.regression("rq1_mixedlm_interaction");
      return List.of(Figures.rq1Residuals(m.fittedValues(), m.residuals()));
    });
    group.accept(List.of("plots/us_bias_coefficients.png", "plots/rq2-residuals.png"), () -> rq2(r, study));
    group.accept(List.of("plots/model-self_consistency.png"), () -> List.of(Figures.selfConsistency(r.table("model_self_consistency.csv"), study)));
    group.accept(List.of("plots/cross_effects.png"), () -> List.of(Figures.crossEffects(r.table("cross_effects.csv"), study)));
    group.accept(List.of("plots/language breakdown figures ({language}-spearman_gt_alignment.png)"), () -> languageBreakdown(r, study));
    return out;
  }

  /** The WVS figures of {@link #all}, labelled: they need the inputs only, so they can be drawn before the analyses end. */
  static Supplier<List<Figure>> wvsGroup(AnalysisInputs in) {
    return () -> labelled(wvs(in), in);
  }

  private static List<Figure> labelled(List<Figure> figures, AnalysisInputs in) {
    return figures.stream().map(f -> Datasets.figure(in.dataset(), f)).toList();
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
