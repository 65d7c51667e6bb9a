package org.mcalign.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RenderersTest {
  @AfterEach
  void defaults() {
    Renderers.setTableRowLimit(50);
    Renderers.setSvg(false);
    Renderers.setImageScale(2);
  }

  private static BufferedImage decode(String base64) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
  }

  @Test
  void smallTableRendersEveryRowAsHtmlAndText() {
    Table t = Table.create("scores",
        StringColumn.create("model_name", "gpt-4o", "olmo<2>"),
        DoubleColumn.create("metric_value", 0.123456789, Double.NaN));
    MimeBundle b = Renderers.render(t);
    String html = b.get("text/html");
    assertTrue(html.contains("<caption>scores</caption>"));
    assertTrue(html.contains("model_name<small>string</small>"));
    assertTrue(html.contains("metric_value<small>double</small>"));
    assertTrue(html.contains("<td>olmo&lt;2&gt;</td>"), "escaped");
    assertTrue(html.contains("<td class=\"num\">0.123457</td>"), "6 significant digits");
    assertTrue(html.contains("<td class=\"num na\">NaN</td>"));
    assertTrue(html.contains("2 rows × 2 columns"));
    assertTrue(b.get("text/plain").contains("gpt-4o"));
  }

  @Test
  void longTableIsCutToHeadAndTailWithItsSize() {
    int n = 10_000;
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) ids[i] = i * 7;
    Table t = Table.create("big", IntColumn.create("id", ids));
    String html = Renderers.render(t).get("text/html");
    // default limit 50: first 40 rows and last 10
    assertTrue(html.contains("<td class=\"num\">" + 39 * 7 + "</td>"));
    assertFalse(html.contains("<td class=\"num\">" + 40 * 7 + "</td>"));
    assertTrue(html.contains("<td class=\"num\">" + (n - 10) * 7 + "</td>"));
    assertFalse(html.contains("<td class=\"num\">" + (n - 11) * 7 + "</td>"));
    assertTrue(html.contains("9,950 more rows"));
    assertTrue(html.contains("10,000 rows × 1 columns"));
    assertEquals(50, html.split("<tr><th>[0-9]+</th>").length - 1, "50 data rows");
  }

  @Test
  void columnsAndSlicesRenderAsTables() {
    DoubleColumn c = DoubleColumn.create("pro_score", 0.5, 0.75);
    String html = Renderers.render(c).get("text/html");
    assertTrue(html.contains("<caption>pro_score</caption>") && html.contains(">0.75<") && html.contains("2 rows × 1 columns"), html);
    Table t = Table.create("t", IntColumn.create("x", 1, 2, 3, 4));
    String slice = Renderers.render(t.splitOn("x").get(2)).get("text/html");
    assertTrue(slice.contains("1 rows × 1 columns") && slice.contains(">3<"), slice);
  }

  @Test
  void chartIsAPngAtTwiceItsSizeWithDisplaySizeMetadata() throws Exception {
    XYChart chart = new XYChartBuilder().width(400).height(300).title("t").build();
    chart.addSeries("s", new double[] {1, 2, 3}, new double[] {3, 1, 2});
    MimeBundle b = Renderers.render(chart);
    BufferedImage img = decode(b.get("image/png"));
    assertEquals(800, img.getWidth());
    assertEquals(600, img.getHeight());
    assertEquals(Map.of("width", 400, "height", 300), b.metadata().get("image/png"));
    assertNull(b.get("image/svg+xml"));
    assertTrue(b.get("text/plain").contains("XYChart"));
  }

  @Test
  void svgIsOptional() {
    Renderers.setSvg(true);
    var chart = new CategoryChartBuilder().width(300).height(200).build();
    chart.addSeries("a", new double[] {1, 2}, new double[] {4, 5});
    String svg = Renderers.render(chart).get("image/svg+xml");
    assertNotNull(svg);
    assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
  }

  @Test
  void bufferedImageIsAPng() throws Exception {
    BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
    img.setRGB(3, 2, Color.RED.getRGB());
    BufferedImage back = decode(Renderers.render(img).get("image/png"));
    assertEquals(7, back.getWidth());
    assertEquals(Color.RED.getRGB(), back.getRGB(3, 2));
  }

  public static final class Report {
    public String toHtml() {
      return "<b>report</b>";
    }

    public String summary() {
      return "report summary";
    }

    @Override
    public String toString() {
      return "Report@1";
    }
  }

  @Test
  void objectsWithToHtmlRenderAsHtmlAndTheirSummaryAsText() {
    MimeBundle b = Renderers.render(new Report());
    assertEquals("<b>report</b>", b.get("text/html"));
    assertEquals("report summary", b.get("text/plain"));
    assertEquals(Map.of("text/plain", "[1, 2]"), Renderers.render(java.util.List.of(1, 2)).data());
    assertEquals("[[1, 2], [3]]", Renderers.render(new int[][] {{1, 2}, {3}}).get("text/plain"));
  }

  @Test
  void doublesAreFormattedLikePandas() {
    assertEquals("0.1", HtmlTables.formatDouble(0.1));
    assertEquals("1234.57", HtmlTables.formatDouble(1234.5678));
    assertEquals("1.00000e-05", HtmlTables.formatDouble(0.00001));
    assertEquals("-3", HtmlTables.formatDouble(-3.0));
    assertEquals("inf", HtmlTables.formatDouble(Double.POSITIVE_INFINITY));
  }

  @Test
  void progressRendersBarAndText() {
    Progress p = Progress.start("boot", 4);
    p.step();
    p.step();
    assertTrue(p.toString().startsWith("boot [###############               ]  50% 2/4"), p.toString());
    assertTrue(p.toHtml().contains("width:50.0%"), p.toHtml());
    p.done();
    assertTrue(p.toString().endsWith("done"));
  }
}
