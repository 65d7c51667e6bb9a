package org.mcalign.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mcalign.plot.FigurePixels.assertDiffers;
import static org.mcalign.plot.FigurePixels.assertDrawn;
import static org.mcalign.plot.FigurePixels.assertShowsModels;
import static org.mcalign.plot.FigurePixels.count;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * What each figure draws, read from its pixels (the small tables of {@link FiguresTest}):
 * the models and families of its data in their colours and no others, and a plot that
 * changes when a value of its data changes.
 */
class FigureContentTest {
  static final List<String> NOT_IN_ANY_TABLE = List.of("gemma-2-2b-it", "OLMo-2-1124-13B-Instruct", "gpt-3.5-turbo-0125");

  static List<String> plus(List<String> a, String... more) {
    List<String> l = new ArrayList<>(a);
    l.addAll(List.of(more));
    return l;
  }

  /** The table with one value of a numeric column moved by {@code delta}. */
  static Table shifted(Table t, String column, int row, double delta) {
    Table c = t.copy();
    DoubleColumn d = c.doubleColumn(column);
    d.set(row, d.getDouble(row) + delta);
    return c;
  }

  static void assertFollowsData(Table t, String column, int row, double delta, Function<Table, Figure> figure) {
    Figure f = figure.apply(t);
    assertDrawn(f, 20);
    assertDiffers(f, figure.apply(shifted(t, column, row, delta)));
  }

  @Test
  void modelFiguresDrawEachModelOfTheirDataInItsColour() {
    List<String> three = FiguresTest.MODELS;
    assertShowsModels(Figures.capabilityVsAlignment(FiguresTest.scatter()), three, NOT_IN_ANY_TABLE, 100);
    assertShowsModels(Figures.selfConsistency(FiguresTest.consistency()), three, NOT_IN_ANY_TABLE, 100);
    List<String> two = List.of("gpt-4o", "gemma-2-9b-it");
    assertShowsModels(Figures.crossEffects(FiguresTest.gaps()), two, plus(NOT_IN_ANY_TABLE, "OLMo-2-1124-7B-Instruct"), 100);
    assertShowsModels(Figures.usBiasCoefficients(FiguresTest.usCoefficients()), two, plus(NOT_IN_ANY_TABLE, "OLMo-2-1124-7B-Instruct"), 100);
    assertShowsModels(Figures.englishAlignment(FiguresTest.breakdown(), "spearman"), two, plus(NOT_IN_ANY_TABLE, "OLMo-2-1124-7B-Instruct"), 100);
    // gemma-2-9b-it has English rows only: the Danish/Dutch and Portuguese figures show gpt-4o alone
    assertShowsModels(Figures.monolingualAlignment(FiguresTest.breakdown(), "spearman"), List.of("gpt-4o"), plus(NOT_IN_ANY_TABLE, "gemma-2-9b-it"), 100);
    assertShowsModels(Figures.portugueseAlignment(FiguresTest.breakdown(), "spearman"), List.of("gpt-4o"), plus(NOT_IN_ANY_TABLE, "gemma-2-9b-it"), 100);
  }

  /** The RQ1 coefficients are coloured by family: gemma, olmo and openai terms in the table, no Baseline. */
  @Test
  void coefficientFigureDrawsEachFamilyOfItsTerms() {
    Figure f = Figures.multilingualCoefficients(FiguresTest.coefficients(), "interaction");
    for (String family : List.of("gemma", "olmo", "openai")) {
      java.awt.Color c = Palette.paper().family(family);
      int n = count(f.image(), c) + count(f.image(), Palette.desaturate(c, 0.75));
      assertTrue(n >= 100, family + ": " + n + " pixels");
    }
    java.awt.Color base = Palette.paper().family("Baseline");
    assertTrue(count(f.image(), base) + count(f.image(), Palette.desaturate(base, 0.75)) == 0, "no Baseline terms");
  }

  @Test
  void everyFigureChangesWithItsData() {
    assertFollowsData(FiguresTest.coefficients(), "coefficient", 1, -0.5, t -> Figures.multilingualCoefficients(t, "interaction"));
    assertFollowsData(FiguresTest.scatter(), "cultural alignment", 0, 0.3, Figures::capabilityVsAlignment);
    assertFollowsData(FiguresTest.usCoefficients(), "coefficient", 3, -0.1, Figures::usBiasCoefficients);
    assertFollowsData(FiguresTest.consistency(), "self-consistency", 0, -0.3, Figures::selfConsistency);
    assertFollowsData(FiguresTest.gaps(), "Consistency Gap", 0, 0.2, Figures::crossEffects);
    assertFollowsData(FiguresTest.breakdown(), "coefficient", 0, -0.3, t -> Figures.englishAlignment(t, "spearman"));
    assertFollowsData(FiguresTest.breakdown(), "coefficient", 4, -0.3, t -> Figures.monolingualAlignment(t, "spearman"));
    assertFollowsData(FiguresTest.breakdown(), "coefficient", 6, -0.3, t -> Figures.portugueseAlignment(t, "spearman"));
    assertFollowsData(FiguresTest.everyCountry(), "pro_score", 0, 0.5, t -> Figures.countryCorrelations(t, FiguresTest.global()));
    assertFollowsData(FiguresTest.everyCountry(), "pro_score", 0, 0.5, t -> Figures.countryDistributions(t, FiguresTest.global()));
    assertFollowsData(FiguresTest.perLanguage(), "pro_score", 0, 0.5, Figures::languageCorrelations);
    double[] fit = {0.1, 0.2, 0.3, 0.4, 0.5}, res = {0.01, -0.02, 0.03, -0.01, 0.0}, moved = res.clone();
    moved[2] = -0.04;
    assertDrawn(Figures.rq1Residuals(fit, res), 20);
    assertDiffers(Figures.rq1Residuals(fit, res), Figures.rq1Residuals(fit, moved));
    assertDiffers(Figures.rq2Residuals(fit, res, "y ~ x"), Figures.rq2Residuals(fit, moved, "y ~ x"));
  }
}
