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
  void aFigureShowsAsPngWithItsPaperSizeAsDisplaySize() throws Exception {
    BufferedImage drawn = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    org.mcalign.plot.Figure f = org.mcalign.plot.Figure.of("x.png", drawn, 2);
    MimeBundle b = Renderers.render(f);
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b.data().get("image/png"))));
    assertEquals(200, png.getWidth());
    assertEquals(Map.of("width", 100, "height", 50), b.metadata().get("image/png"));
    assertNull(b.data().get("text/html"), "one copy of the image per output");
  }

  @Test
  void smallTableRendersEveryRowAsHtmlAndText() {
    Table t = Table.create("scores",
        StringColumn.create("model_name", "gpt-4o", "olmo<2>"),
        DoubleColumn.create("metric_value", 0.123456789, Double.NaN));
    MimeBundle b = Renderers.render(t);
    String html = b.get("text/html");
    assertTrue(html.contains("<b>scores</b></caption>"), html);
    // the type is the header's tooltip, not text that runs into the name without a style sheet
    assertTrue(html.contains("<th title=\"string\" align=\"left\" style=\"text-align:left\">model_name</th>"), html);
    assertTrue(html.contains("<th title=\"double\" align=\"right\""), html);
    assertTrue(html.contains("<td align=\"left\" style=\"text-align:left\">olmo&lt;2&gt;</td>"), "escaped, left-aligned by its own attributes");
    // numbers right-aligned by the cell's own attributes, 4 significant digits
    assertTrue(html.contains("align=\"right\" style=\"text-align:right;white-space:nowrap\">0.1235</td>"), html);
    assertTrue(html.contains(">NaN</td>"));
    assertTrue(html.contains("2 rows × 2 columns"));
    String text = b.get("text/plain");
    assertTrue(text.contains("gpt-4o") && text.contains("0.1235") && !text.contains("0.123456789"), text);
  }

  @Test
  void tablesReadWithoutTheirStyleSheet() {
    Table t = Table.create("t", StringColumn.create("term", "us[T.True]:model_name[T.gpt-4o]:language[da]"),
        DoubleColumn.create("coefficient", 0.5), DoubleColumn.create("p_value", 1e-9), DoubleColumn.create("paper_p", 0.0123));
    String html = Renderers.render(t).get("text/html");
    String withoutStyle = html.replaceAll("<style>.*?</style>", "");
    assertFalse(withoutStyle.matches("(?s).*<th[^>]*>[^<]*<small>.*"), "no type label to run into the column name");
    assertTrue(withoutStyle.contains("<th title=\"p-value (double; below 0.001 shown as &lt;0.001)\""), withoutStyle);
    assertTrue(withoutStyle.contains(">&lt;0.001</td>") && withoutStyle.contains(">0.012</td>"), withoutStyle);
    // long terms may wrap at ':' and before '[' so that wide tables fit the page
    assertTrue(withoutStyle.contains("us<wbr>[T.True]:<wbr>model_<wbr>name<wbr>[T.gpt-4o]"), withoutStyle);
    assertTrue(Renderers.render(t).get("text/plain").contains("<0.001"));
  }

  @Test
  void mapsAndCollectionsAreTablesNotJavaToString() {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    m.put("rq1_flagged_terms", 3.0);
    m.put("rq1_max_abs", 0.12560527021041878);
    MimeBundle b = Renderers.render(m);
    assertTrue(b.get("text/html").contains(">rq1_<wbr>flagged_<wbr>terms</td>") && b.get("text/html").contains(">3</td>"), b.get("text/html"));
    assertTrue(b.get("text/html").contains(">0.1256</td>"), b.get("text/html"));
    assertFalse(b.get("text/plain").contains("{") || b.get("text/plain").contains("3.0"), b.get("text/plain"));
    MimeBundle l = Renderers.render(java.util.List.of(0.6649547747952438, 0.8352250311280959));
    assertTrue(l.get("text/plain").contains("0.665") && !l.get("text/plain").contains("[0.66"), l.get("text/plain"));
    assertEquals("0.664955", Renderers.render(0.6649547747952438).get("text/plain"));
  }

  @Test
  void aValueWithACaptionShowsAsTheValueThenTheCaption() {
    org.mcalign.plot.Figure f = org.mcalign.plot.Figure.of("x.png", new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), 2)
        .withCaption("Bars: means; whiskers: 95 % percentile interval (n = 100).");
    java.util.List<MimeBundle> shown = Renderers.renderAll(f);
    assertEquals(2, shown.size());
    assertNotNull(shown.get(0).get("image/png"));
    assertEquals("Bars: means; whiskers: 95 % percentile interval (n = 100).", shown.get(1).get("text/markdown"));
    assertEquals(1, Renderers.renderAll(org.mcalign.plot.Figure.of("y.png", new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), 2)).size());
  }

  @Test
  void longTableIsCutToHeadAndTailWithItsSize() {
    int n = 10_000;
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) ids[i] = i * 7;
    Table t = Table.create("big", IntColumn.create("id", ids));
    String html = Renderers.render(t).get("text/html");
    // default limit 50: first 40 rows and last 10
    assertTrue(html.contains(">" + 39 * 7 + "</td>"));
    assertFalse(html.contains(">" + 40 * 7 + "</td>"));
    assertTrue(html.contains(">" + (n - 10) * 7 + "</td>"));
    assertFalse(html.contains(">" + (n - 11) * 7 + "</td>"));
    assertTrue(html.contains("9,950 more rows"));
    assertTrue(html.contains("10,000 rows × 1 columns"));
    assertEquals(50, html.split("<tr><th align=\"right\" style=\"text-align:right\">[0-9]+</th>").length - 1, "50 data rows");
  }

  @Test
  void columnsAndSlicesRenderAsTables() {
    DoubleColumn c = DoubleColumn.create("pro_score", 0.5, 0.75);
    String html = Renderers.render(c).get("text/html");
    assertTrue(html.contains("<b>pro_score</b></caption>") && html.contains(">0.75<") && html.contains("2 rows × 1 columns"), html);
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
    assertEquals("[[1, 2], [3]]", Renderers.render(new int[][] {{1, 2}, {3}}).get("text/plain"));
  }

  @Test
  void numbersReadAsInPapersNotAsJavaPrintsThem() {
    assertEquals("0.1", Numbers.cell(0.1));
    assertEquals("1235", Numbers.cell(1234.5678));
    assertEquals("0.0001235", Numbers.cell(0.00012345));
    assertEquals("1.000e-05", Numbers.cell(0.00001));
    assertEquals("-3", Numbers.cell(-3.0));
    assertEquals("inf", Numbers.cell(Double.POSITIVE_INFINITY));
    assertEquals("<0.001", Numbers.pValue(0.0004));
    assertEquals("0.001", Numbers.pValue(0.001));
    assertEquals("p < 0.001", Numbers.pInText(0));
    assertEquals("p = 0.062", Numbers.pInText(0.0624));
    assertEquals("0.55\u20130.98", Numbers.range(0.551, 0.979, 2));
    assertEquals("\u22120.19 to 0.11", Numbers.range(-0.19, 0.11, 2));
    assertEquals("0.00", Numbers.fixed(-0.001, 2));
    assertTrue(Numbers.isPValueColumn("p_value") && Numbers.isPValueColumn("paper_p") && Numbers.isPValueColumn("P>|z|"));
    assertFalse(Numbers.isPValueColumn("p2.5") || Numbers.isPValueColumn("spread") || Numbers.isPValueColumn("p97.5"));
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

  /** A request run's progress (issue 18): answers as steps, failed, retries, rate and ETA beside the bar. */
  @Test
  void progressShowsARequestRunsFields() {
    Progress p = Progress.start("responses", 100);
    p.update(new org.mcalign.llm.Progress(100, 0, 40, 2, 7, java.time.Duration.ofSeconds(8), "direct", ""));
    assertTrue(p.toString().contains(" 40/100 "), p.toString());
    assertTrue(p.toString().contains("2 failed, 7 retries, 5.0 req/s, ETA 11s"), p.toString());
    assertTrue(p.toHtml().contains("width:40.0%") && p.toHtml().contains("2 failed, 7 retries, 5.0 req/s, ETA 11s"), p.toHtml());
  }
}
