package org.mcalign.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The banner of {@link Figure#labelled}: above the chart, never over it, readable back from the saved PNG. */
class FigureLabelTest {

  /** A 200×100 logical figure at density 2, white with a black square at its top-left corner. */
  static Figure chart() {
    BufferedImage img = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 400, 200);
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, 20, 20);
    g.dispose();
    return Figure.of("chart.png", img, 2);
  }

  static int rgb(BufferedImage img, int x, int y) {
    return img.getRGB(x, y) & 0xFFFFFF;
  }

  @Test
  void bannerGrowsTheFigureAndKeepsTheChartBelowIt(@TempDir Path dir) throws Exception {
    Figure plain = chart();
    assertEquals("", plain.label());
    Figure f = plain.labelled("DEMO — test");
    assertEquals("DEMO — test", f.label());
    assertEquals(200, f.width());
    assertEquals(100 + 30, f.height());
    assertEquals(2, f.density());
    assertEquals(260, f.image().getHeight());
    // the banner's red fills the top band (away from the text), the chart starts below it unchanged
    assertEquals(0xB00020, rgb(f.image(), 398, 2));
    assertEquals(0xB00020, rgb(f.image(), 398, 57));
    assertEquals(0x000000, rgb(f.image(), 5, 60 + 5));
    assertEquals(0xFFFFFF, rgb(f.image(), 25, 60 + 25));
    // the label's text is drawn: some white pixels inside the banner's left part
    int white = 0;
    for (int x = 0; x < 200; x++) for (int y = 0; y < 60; y++) if (rgb(f.image(), x, y) == 0xFFFFFF) white++;
    assertTrue(white > 50, "white text pixels in the banner: " + white);
    assertTrue(f.toString().contains("DEMO — test"), f.toString());
    // the saved PNG holds the banner
    BufferedImage back = ImageIO.read(f.renamed("DEMO-chart.png").saveIn(dir).toFile());
    assertEquals(260, back.getHeight());
    assertEquals(0xB00020, rgb(back, 398, 2));
  }

  @Test
  void relabellingReplacesTheBannerAndRenamingKeepsIt() {
    Figure once = chart().labelled("first");
    Figure twice = once.labelled("second");
    assertEquals("second", twice.label());
    assertEquals(130, twice.height(), "one banner, not two");
    assertEquals(0x000000, rgb(twice.image(), 5, 65));
    Figure renamed = twice.renamed("DEMO-chart.png");
    assertEquals("second", renamed.label());
    assertEquals("DEMO-chart.png", renamed.fileName());
    assertThrows(IllegalArgumentException.class, () -> chart().labelled(" "));
  }
}
