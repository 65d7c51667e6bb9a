package org.mcalign.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Geometry of the building blocks, checked on the rendered pixels. */
class RenderingTest {
  static final int D = 2;

  static Color at(BufferedImage img, double x, double y) {
    return new Color(img.getRGB((int) Math.round(x * D), (int) Math.round(y * D)));
  }

  static void assertColor(Color expected, Color actual, String what) {
    assertTrue(Math.abs(expected.getRed() - actual.getRed()) <= 3 && Math.abs(expected.getGreen() - actual.getGreen()) <= 3
        && Math.abs(expected.getBlue() - actual.getBlue()) <= 3, what + ": expected " + expected + " but was " + actual);
  }

  @Test
  void groupedBarsSitWhereSeabornPutsThemWithWhiskers() {
    Color red = new Color(200, 30, 30), blue = new Color(30, 30, 200);
    Panel p = Panel.categoricalX(List.of("a", "b"))
        .bars(new double[][] {{1.0, 0.5}, {0.25, Double.NaN}}, new double[][] {{0.9, 0.4}, {0.2, Double.NaN}},
            new double[][] {{1.0, 0.8}, {0.3, Double.NaN}}, List.of(red, blue))
        .yRange(0, 1);
    BufferedImage img = Facets.of(p).size(400, 300).render(D);
    Rectangle2D a = p.plotArea();
    double sx = a.getWidth() / 2, bw = 0.4; // 2 categories over [-0.5, 1.5]; 0.8 per group, 0.4 per hue
    double x0 = a.getX() + (0 - bw / 2 + 0.5) * sx; // centre of category 0, hue 0 (offset −0.2)
    double x1 = a.getX() + (0 + bw / 2 + 0.5) * sx; // hue 1 (offset +0.2)
    double yAt = a.getMaxY() - 0.7 * a.getHeight(); // value 0.7
    assertColor(red, at(img, x0 - 10, yAt), "hue 0 bar reaches 1.0");
    assertColor(Color.WHITE, at(img, x1 - 10, yAt), "hue 1 bar stops at 0.5");
    assertColor(blue, at(img, x1 - 10, a.getMaxY() - 0.3 * a.getHeight()), "hue 1 bar below 0.5");
    assertColor(Palette.WHISKER, at(img, x1, a.getMaxY() - 0.7 * a.getHeight()), "hue 1 whisker up to 0.8");
    assertColor(Color.WHITE, at(img, x1, a.getMaxY() - 0.85 * a.getHeight()), "nothing above the whisker");
    // category 1 has no hue-1 bar: its slot stays empty
    double x3 = a.getX() + (1 + bw / 2 + 0.5) * sx;
    assertColor(Color.WHITE, at(img, x3 - 10, a.getMaxY() - 0.1 * a.getHeight()), "missing bar leaves its slot empty");
  }

  @Test
  void sharedAxesGiveEqualRangesAndHideInnerTickLabels() {
    Panel left = Panel.continuous().scatter("a", new double[] {0, 1}, new double[] {0, 1}, Color.RED, 6, false);
    Panel right = Panel.continuous().scatter("b", new double[] {0, 10}, new double[] {-5, 0.5}, Color.BLUE, 6, false);
    Facets f = Facets.grid(1, 2).set(0, 0, left).set(0, 1, right).shareX(true).shareY(true).size(600, 300);
    f.render(1);
    assertEquals(left.ranges()[2], right.ranges()[2], 1e-12);
    assertEquals(left.ranges()[3], right.ranges()[3], 1e-12);
    assertEquals(left.ranges()[1], right.ranges()[1], 1e-12);
    assertTrue(left.showYTickLabels && !right.showYTickLabels, "only the first column keeps its y tick labels");
    assertEquals(left.plotArea().getHeight(), right.plotArea().getHeight(), 1e-9);
    assertEquals(left.plotArea().getY(), right.plotArea().getY(), 1e-9);
  }

  @Test
  void legendBelowStaysInsideTheFigure() {
    Panel p = Panel.categoricalX(List.of("a")).bars(new double[][] {{1}}, null, null, List.of(Color.RED));
    List<LegendItem> many = java.util.stream.IntStream.range(0, 9).mapToObj(i -> LegendItem.patch("a rather long legend label " + i, Color.GREEN)).toList();
    BufferedImage img = Facets.of(p).size(300, 300).legend(many, 3, Facets.LegendAt.BELOW, 14, true).render(1);
    // the legend is wider than the figure: it starts at the left edge rather than being cut on both sides
    int firstNonWhite = img.getWidth();
    for (int x = 0; x < img.getWidth() && firstNonWhite == img.getWidth(); x++)
      if (img.getRGB(x, img.getHeight() - 20) != Color.WHITE.getRGB()) firstNonWhite = x;
    assertTrue(firstNonWhite <= 6, "legend starts at the figure's left edge, was " + firstNonWhite);
  }

  @Test
  void ribbonFillsBetweenItsBoundsAndLinesAreDrawnByXChart() {
    Color band = new Color(40, 160, 40), line = new Color(10, 10, 220);
    Panel p = Panel.continuous().style(Panel.Style.WHITE_DESPINE).xRange(0, 1).yRange(0, 1)
        .ribbon(new double[] {0, 1}, new double[] {0.2, 0.2}, new double[] {0.4, 0.4}, band, 1f)
        .line("l", new double[] {0, 1}, new double[] {0.8, 0.8}, line, 3f, null);
    BufferedImage img = Facets.of(p).size(300, 300).render(D);
    Rectangle2D a = p.plotArea();
    double x = a.getCenterX();
    assertColor(band, at(img, x, a.getMaxY() - 0.3 * a.getHeight()), "inside the ribbon");
    assertColor(Color.WHITE, at(img, x, a.getMaxY() - 0.6 * a.getHeight()), "between ribbon and line");
    assertColor(line, at(img, x, a.getMaxY() - 0.8 * a.getHeight()), "on the line");
  }

  @Test
  void lowerTriangleHeatmapLeavesTheDiagonalAndAboveEmpty() {
    double[][] r = {{1, 0.5, -0.5}, {0.5, 1, 0.2}, {-0.5, 0.2, 1}};
    Figure f = Heatmap.of(List.of("A", "B", "C"), r).lowerTriangle(true).size(500, 450).figure("h.png");
    BufferedImage img = f.image();
    // find the cell grid from the row of cell (2, 0): coolwarm(−0.5) is blue-ish, (0.5) red-ish
    int blue = 0, red = 0;
    for (int y = 0; y < img.getHeight(); y += 2)
      for (int x = 0; x < img.getWidth(); x += 2) {
        Color c = new Color(img.getRGB(x, y));
        if (c.getBlue() > c.getRed() + 60) blue++;
        if (c.getRed() > c.getBlue() + 60) red++;
      }
    assertTrue(blue > 0 && red > 0, "both signs drawn");
    // the diagonal (value 1, dark red) is masked: no pixel as dark red as coolwarm(1) outside the colour bar
    Color top = Palette.coolwarm(1, -1, 1);
    int darkRedCells = 0;
    for (int y = 0; y < img.getHeight(); y += 2)
      for (int x = 0; x < img.getWidth() * 0.7; x += 2) {
        Color c = new Color(img.getRGB(x, y));
        if (Math.abs(c.getRed() - top.getRed()) < 4 && Math.abs(c.getGreen() - top.getGreen()) < 4 && Math.abs(c.getBlue() - top.getBlue()) < 4) darkRedCells++;
      }
    assertEquals(0, darkRedCells, "diagonal cells (r = 1) are not drawn");
  }
}
