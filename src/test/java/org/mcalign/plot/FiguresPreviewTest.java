package org.mcalign.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Renders all sixteen figures from realistic inputs (the paper's files and fixtures shaped
 * like the analysis outputs) into target/figures-preview/, to put beside the paper's PNGs.
 * Skipped without the paper data, except under CI.
 */
class FiguresPreviewTest {
  static final Path OUT = Path.of("target", "figures-preview");

  @Test
  void rendersEveryPaperFigureFromRealisticInputs() throws Exception {
    boolean ci = System.getenv("CI") != null;
    if (!PreviewData.available()) {
      if (ci) throw new AssertionError("paper data not found at " + PreviewData.paperData() + " (set MCA_DATA)");
      Assumptions.abort("paper data not available");
    }
    List<Figure> figs = new ArrayList<>();
    for (String type : List.of("normal", "no_consistency", "interaction"))
      figs.add(Figures.multilingualCoefficients(PreviewData.coefficients("rq1_mixedlm_" + type + ".json"), type));
    figs.add(Figures.multilingualCoefficients(PreviewData.coefficients("rq1_mixedlm_interaction.json")));
    figs.add(Figures.capabilityVsAlignment(PreviewData.capabilityPlotData()));
    figs.add(Figures.usBiasCoefficients(PreviewData.coefficients("rq2_ols_us_bias.json")));
    figs.add(Figures.selfConsistency(PreviewData.selfConsistency()));
    figs.add(Figures.crossEffects(PreviewData.consistencyGaps(10)));
    Table breakdown = PreviewData.languageBreakdown();
    figs.add(Figures.englishAlignment(breakdown, "spearman"));
    figs.add(Figures.monolingualAlignment(breakdown, "spearman"));
    figs.add(Figures.portugueseAlignment(breakdown, "spearman"));
    double[][] r1 = PreviewData.groupResiduals(PreviewData.csv(PreviewData.goldens().resolve("rq1_regression_input.csv")), "alignment", "model_name", "language");
    figs.add(Figures.rq1Residuals(r1[0], r1[1]));
    double[][] r2 = PreviewData.groupResiduals(PreviewData.csv(PreviewData.goldens().resolve("rq2_regression_input.csv")), "metric_value", "model_name", "language", "us");
    figs.add(Figures.rq2Residuals(r2[0], r2[1], "metric_value ~ us * model_name:language"));
    figs.add(Figures.countryCorrelations(PreviewData.everyCountry(), PreviewData.global()));
    figs.add(Figures.languageCorrelations(PreviewData.perLanguage()));
    figs.add(Figures.countryDistributions(PreviewData.everyCountry(), PreviewData.global()));

    Figures.saveAll(OUT, figs.toArray(Figure[]::new));
    // our addition beside the paper's figures: the three RQ1 models' shared coefficients side by side
    Table all = null;
    for (String type : List.of("normal", "no_consistency", "interaction")) {
      Table t = PreviewData.coefficients("rq1_mixedlm_" + type + ".json");
      t = t.where(t.stringColumn("term").startsWith("multilingual"));
      t.addColumns(tech.tablesaw.api.StringColumn.create("model", t.rowCount()).setMissingTo(type));
      all = all == null ? t : all.append(t);
    }
    Figures.coefficientComparison(all, "model", "rq1_coefficients_by_model.png").saveIn(OUT);
    List<String> names = figs.stream().map(Figure::fileName).sorted().toList();
    // the figures of the nine models show all nine, or all three families
    for (Figure f : figs.subList(5, 11)) FigurePixels.assertShowsModels(f, org.mcalign.data.Study.paper().modelNames(), List.of(), 50);
    assertEquals(Figures.PAPER_FILES, names, "one figure per paper file name");
    for (Figure f : figs) {
      var img = ImageIO.read(OUT.resolve(f.fileName()).toFile());
      assertEquals(f.width() * Figure.DENSITY, img.getWidth(), f.fileName());
      assertEquals(f.height() * Figure.DENSITY, img.getHeight(), f.fileName());
      FigurePixels.assertSamePixels(f.image(), img, "saved " + f.fileName());
      FigurePixels.assertDrawn(f, 20);
    }
  }
}
