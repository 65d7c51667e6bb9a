package org.mcalign.notebook.findings;

import org.mcalign.analysis.demo.Datasets;
import org.mcalign.notebook.Numbers;
import org.mcalign.plot.Figure;
import org.mcalign.wvs.GroundTruth;
import org.mcalign.wvs.WvsCharts;
import org.mcalign.wvs.WvsStage;
import tech.tablesaw.api.Table;

/**
 * Notebook 01 (stage 1, WVS ground truth): its two quick-look charts as figures with a caption,
 * and with the DEMO banner when the microdata is generated.
 */
public final class GroundTruthFindings {
  private final WvsStage stage;
  private final GroundTruth gt;

  private GroundTruthFindings(WvsStage stage, GroundTruth gt) {
    this.stage = stage;
    this.gt = gt;
  }

  public static GroundTruthFindings of(WvsStage stage, GroundTruth gt) {
    return new GroundTruthFindings(stage, gt);
  }

  private Figure labelled(Figure f) {
    return stage.isDemo() ? f.labelled(Datasets.DEMO_BANNER).renamed("DEMO-" + f.fileName()) : f;
  }

  /** The country correlation heatmap of the ground truth just computed. */
  public Figure correlationFigure() {
    Table c = gt.countryCorrelations();
    Figure f = labelled(Figure.ofChart("wvs-country-correlations.png", WvsCharts.correlationHeatmap(gt)));
    return f.withCaption("**Country correlations" + (stage.isDemo() ? " (DEMO microdata)" : "") + ".** Cells: Pearson correlation"
        + " between two countries' pro scores over the items both have, for the " + (c.rowCount()) + " groups of"
        + " `countryCorrelations()` (the tested countries, then the global scores), strictly lower triangle, two decimals; the"
        + " plot package draws the paper's styled version (notebook 10). No intervals."
        + (stage.isDemo() ? " On generated microdata the countries' agreement comes from random country effects, not from the survey." : ""));
  }

  /** The ground truth's self-consistency per country as bars. */
  public Figure selfConsistencyFigure() {
    Table sc = gt.selfConsistency();
    double[] v = sc.doubleColumn(1).asDoubleArray();
    Figure f = labelled(Figure.ofChart("wvs-self-consistency.png", WvsCharts.selfConsistencyBars(gt)));
    return f.withCaption("**Ground-truth self-consistency" + (stage.isDemo() ? " (DEMO microdata)" : "") + ".** Bars: per country, the"
        + " Pearson correlation between the pro scores of samples of " + gt.settings().sampleSize() + " respondents per item, paired"
        + " over " + gt.settings().rounds() + " rounds (seed " + gt.settings().seed() + "), as in the table above ("
        + Numbers.range(Prose.min(v), Prose.max(v), 2) + "). No whiskers: one value per country. This is the ceiling against"
        + " which the paper reads the models' self-consistency (notebook 09 uses the published values).");
  }
}
