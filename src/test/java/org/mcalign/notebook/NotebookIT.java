package org.mcalign.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample notebook executed headless by nbconvert on the installed kernel, then exported to
 * HTML and opened in headless Chromium: the table and the chart image must be in the page.
 */
class NotebookIT {
  private static final Path WORK = ExternalTools.ROOT.resolve("target/it-notebooks");
  private static final Path ARTIFACTS = ExternalTools.ROOT.resolve("target/test-artifacts");
  private static Map<String, String> env;
  private static JsonNode executed;
  private static String executedText;

  @BeforeAll
  static void execute() throws Exception {
    ExternalTools.require(ExternalTools.works("jupyter", "nbconvert", "--version"), "jupyter nbconvert");
    env = ExternalTools.installKernel();
    Files.createDirectories(WORK);
    Path nb = WORK.resolve("kernel-sample.ipynb");
    Files.copy(ExternalTools.ROOT.resolve("src/test/resources/notebooks/kernel-sample.ipynb"), nb, StandardCopyOption.REPLACE_EXISTING);
    long t0 = System.nanoTime();
    ExternalTools.Result r = ExternalTools.runStartingKernel(env, 600, "jupyter", "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.kernel_name=java", "--ExecutePreprocessor.timeout=300",
        "--output", "kernel-sample.executed.ipynb", nb.toString());
    if (r.exitCode() != 0) fail("nbconvert --execute failed:\n" + r.stderr());
    System.out.printf("notebook: nbconvert --execute took %.1f s%n", (System.nanoTime() - t0) / 1e9);
    Path out = WORK.resolve("kernel-sample.executed.ipynb");
    executedText = Files.readString(out);
    executed = new ObjectMapper().readTree(executedText);
  }

  private static List<JsonNode> codeCells() {
    List<JsonNode> cells = new ArrayList<>();
    executed.get("cells").forEach(c -> {
      if (c.get("cell_type").asText().equals("code")) cells.add(c);
    });
    return cells;
  }

  private static String text(JsonNode multiline) {
    if (multiline.isArray()) {
      StringBuilder sb = new StringBuilder();
      multiline.forEach(n -> sb.append(n.asText()));
      return sb.toString();
    }
    return multiline.asText();
  }

  @Test
  void executedNotebookHoldsTheExpectedOutputs() throws Exception {
    List<JsonNode> cells = codeCells();
    assertEquals(4, cells.size());
    JsonNode table = cells.get(0).get("outputs").get(0);
    assertEquals("execute_result", table.get("output_type").asText());
    String html = text(table.get("data").get("text/html"));
    assertTrue(html.contains(">Germany</td>") && html.contains("style=\"text-align:right;white-space:nowrap\">0.125</td>"), html);
    assertTrue(html.contains("3 rows × 2 columns"));

    JsonNode chart = cells.get(1).get("outputs").get(0);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(
        Base64.getMimeDecoder().decode(text(chart.get("data").get("image/png")))));
    assertEquals(960, img.getWidth());
    assertEquals(640, img.getHeight());
    assertEquals(480, chart.get("metadata").get("image/png").get("width").asInt());

    JsonNode outputs = cells.get(2).get("outputs");
    assertEquals(2, outputs.size(), "one progress display updated in place, then the printed line: " + outputs);
    String bar = text(outputs.get(0).get("data").get("text/plain"));
    assertTrue(bar.contains("100% 5/5") && bar.endsWith("done"), bar);
    assertEquals("stream", outputs.get(1).get("output_type").asText());
    assertEquals("rows: 3\n", text(outputs.get(1).get("text")));

    assertEquals("0.875", text(cells.get(3).get("outputs").get(0).get("data").get("text/plain")));
    assertFalse(executedText.contains(ExternalTools.ROOT.toString()), "no absolute project path in the notebook");
    assertEquals("java", executed.get("metadata").get("language_info").get("name").asText());
  }

  @Test
  void htmlExportShowsTableAndImageInChromium() throws Exception {
    ExternalTools.require(ExternalTools.works("chromium", "--version"), "chromium");
    ExternalTools.Result r = ExternalTools.run(env, 300, "jupyter", "nbconvert", "--to", "html",
        WORK.resolve("kernel-sample.executed.ipynb").toString());
    if (r.exitCode() != 0) fail("nbconvert --to html failed:\n" + r.stderr());
    Path html = WORK.resolve("kernel-sample.executed.html");
    // a probe that records, once the page has loaded, how many images decoded and tables exist
    String page = Files.readString(html).replace("</body>",
        "<script>window.addEventListener('load',function(){var ok=0;var imgs=document.images;"
            + "for(var i=0;i<imgs.length;i++){if(imgs[i].complete&&imgs[i].naturalWidth>0)ok++;}"
            + "document.body.setAttribute('data-loaded-images',ok);"
            + "document.body.setAttribute('data-tables',document.querySelectorAll('table.mca-table').length);});</script></body>");
    Path probe = WORK.resolve("kernel-sample.probe.html");
    Files.writeString(probe, page);
    List<String> base = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--virtual-time-budget=10000");
    List<String> dump = new ArrayList<>(base);
    dump.add("--dump-dom");
    dump.add(probe.toUri().toString());
    ExternalTools.Result dom = ExternalTools.chromium(env, 180, dump);
    assertEquals(0, dom.exitCode(), dom.stderr());
    Matcher images = Pattern.compile("data-loaded-images=\"(\\d+)\"").matcher(dom.stdout());
    Matcher tables = Pattern.compile("data-tables=\"(\\d+)\"").matcher(dom.stdout());
    assertTrue(images.find() && tables.find(), "the probe ran: " + dom.stdout().substring(0, Math.min(500, dom.stdout().length())));
    assertTrue(Integer.parseInt(images.group(1)) >= 1, "a chart image loaded");
    assertEquals(1, Integer.parseInt(tables.group(1)), "the table is in the page");
    assertTrue(dom.stdout().contains("Germany"));

    Files.createDirectories(ARTIFACTS);
    Path shot = ARTIFACTS.resolve("kernel-sample.png");
    Files.deleteIfExists(shot);
    List<String> screenshot = new ArrayList<>(base);
    screenshot.add("--window-size=1100,1500");
    screenshot.add("--screenshot=" + shot);
    screenshot.add(html.toUri().toString());
    ExternalTools.Result s = ExternalTools.chromium(env, 180, screenshot);
    assertEquals(0, s.exitCode(), s.stderr());
    BufferedImage img = ImageIO.read(shot.toFile());
    assertEquals(1100, img.getWidth());
  }
}
