package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.analysis.demo.Datasets;
import org.mcalign.analysis.demo.DemoData;
import org.mcalign.analysis.demo.DemoSettings;
import org.mcalign.cli.Main;
import org.mcalign.data.Dataset;
import org.mcalign.plot.Figure;
import org.mcalign.plot.Figures;

/**
 * Stage 7–8 outputs of the demo dataset say DEMO (file names, figure banners, summaries,
 * provenance); outputs of the paper's data do not.
 */
class DemoLabelsTest {
  @TempDir static Path dir;
  static AnalysisInputs demo;
  static PaperAnalysis.Result run;

  @BeforeAll
  static void runOnTheSmallDemo() {
    DemoData.Built b = DemoData.build(dir.resolve("demo"), DemoSettings.small().withDemographicModel("gemma-2-27b-it"), DemoData.Backends.IN_PROCESS, m -> {});
    demo = AnalysisInputs.of(b.dataset());
    run = PaperAnalysis.run(demo, AnalysisSettings.paper().withAllRounds(3), 5, PaperAnalysis.Scope.CORE);
  }

  /** The files of a folder, without the hidden lock and manifest of an output set. */
  static List<String> names(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  @Test
  void replicationReportOnTheDemoLaysOutOurFitsAndSaysThePaperTablesAreMissing() {
    AnalysisSettings s = AnalysisSettings.paper().withAllRounds(10); // enough rows for RQ1's 16 fixed effects
    ReplicationReport.Report r = ReplicationReport.run(demo, s, 7, 2);
    assertTrue(ReplicationReport.paperRq1(demo).file().startsWith("DEMO"), ReplicationReport.paperRq1(demo).file());
    assertTrue(ReplicationReport.paperRq1(demo).rows().isEmpty());
    assertTrue(r.rq1().rowCount() > 0, "our RQ1 terms are listed");
    assertTrue(r.rq2().rowCount() > 0, "our RQ2 terms are listed");
    assertTrue(r.rq1().doubleColumn("paper_coef").isMissing().size() == r.rq1().rowCount(), "no paper values on the demo");
    assertFalse(r.rq1().stringColumn("term").contains("model_name Var"));
    // the small demo has 3 models × 4 languages = 12 one-pass rows for 16 coefficients
    assertTrue(r.estimatorRq1().name().contains("not estimable"), r.estimatorRq1().name());
    assertTrue(r.estimatorRq2().rowCount() > 0);
  }

  @Test
  void demoFiguresCarryTheBannerAndDemoNames() {
    assertTrue(demo.dataset().isDemo());
    List<Figure> figs = PaperFigures.all(run, demo);
    assertEquals(Figures.PAPER_FILES.size(), figs.size());
    for (Figure f : figs) {
      assertTrue(f.fileName().startsWith("DEMO-"), f.fileName());
      assertTrue(Figures.PAPER_FILES.contains(f.fileName().substring("DEMO-".length())), f.fileName());
      assertTrue(f.label().startsWith("DEMO"), f.label());
    }
  }

  @Test
  void demoRunWritesOnlyDemoFiles(@TempDir Path out) throws Exception {
    List<Path> written = AnalysisOutput.write(run, demo, out, true);
    for (Path p : written) assertTrue(p.getFileName().toString().startsWith("DEMO-"), p.toString());
    List<String> top = names(out), plots = names(out.resolve("plots"));
    assertEquals(written.size(), top.size() + plots.size());
    for (String n : top) assertTrue(n.startsWith("DEMO-"), n);
    assertTrue(top.contains("DEMO-us_bias_coefficients.csv"), top.toString());
    assertTrue(top.contains("DEMO-rq2_ols_us_bias.json"), top.toString());
    // no file that looks like one of the paper's figures
    assertEquals(Figures.PAPER_FILES.stream().map(n -> "DEMO-" + n).sorted().toList(), plots);
    // the saved image carries the banner: the red band above the chart
    BufferedImage img = ImageIO.read(out.resolve("plots/DEMO-us_bias_coefficients.png").toFile());
    assertEquals(0xB00020, img.getRGB(img.getWidth() - 3, 3) & 0xFFFFFF);
    String summary = Files.readString(out.resolve("DEMO-rq2_ols_us_bias.txt"));
    assertTrue(summary.startsWith(Datasets.DEMO_BANNER), summary.substring(0, 80));
    String prov = Files.readString(out.resolve("DEMO-provenance.json"));
    assertTrue(prov.contains("\"kind\" : \"DEMO\""), prov);
    assertFalse(Files.exists(out.resolve("provenance.json")));
  }

  @Test
  void analyzeCommandOnTheDemoFolderWritesDemoFiles(@TempDir Path out) throws Exception {
    int code = Main.run("analyze", "self-consistency", "--rounds", "0", "--seed", "7",
        "--data", demo.dataset().folder().toString(), "--out", out.toString());
    assertEquals(0, code);
    assertEquals(List.of("DEMO-model_self_consistency.csv", "DEMO-provenance.json"), names(out));
    assertTrue(Files.readString(out.resolve("DEMO-provenance.json")).contains("\"kind\" : \"DEMO\""));
  }

  @Test
  void analyzeAllOnTheDemoFolderWritesOnlyDemoFiles(@TempDir Path out) throws Exception {
    int code = Main.run("analyze", "all", "--rounds", "3", "--seed", "7",
        "--data", demo.dataset().folder().toString(), "--out", out.toString());
    assertEquals(0, code);
    List<String> top = names(out), plots = names(out.resolve("plots"));
    for (String n : top) assertTrue(n.startsWith("DEMO-"), n);
    assertTrue(top.contains("DEMO-provenance.json"), top.toString());
    assertTrue(top.stream().anyMatch(n -> n.contains("demographic")), top.toString());
    assertEquals(Figures.PAPER_FILES.stream().map(n -> "DEMO-" + n).sorted().toList(), plots);
  }

  @Test
  void paperDataOutputsHaveThePapersNamesAndNoBanner(@TempDir Path out) throws Exception {
    AnalysisInputs paper = TestData.inputs();
    Dataset d = paper.dataset();
    assertFalse(d.isDemo());
    for (Figure f : PaperFigures.wvs(paper)) {
      Figure shown = Datasets.figure(d, f);
      assertSame(f, shown);
      assertEquals("", shown.label());
      assertTrue(Figures.PAPER_FILES.contains(shown.fileName()), shown.fileName());
    }
    // the same wvs figure from the demo is labelled and taller by the banner
    Figure demoFig = Datasets.figure(demo.dataset(), PaperFigures.wvs(demo).get(0));
    Figure plain = PaperFigures.wvs(demo).get(0);
    assertEquals(plain.height() + 30, demoFig.height());
    assertEquals("DEMO-" + plain.fileName(), demoFig.fileName());
    AnalysisResult a = SelfConsistency.perModelLanguage(paper.responses(), AnalysisSettings.paper().withAllRounds(0), 3);
    AnalysisOutput.write(a, paper, out, 3);
    assertEquals(List.of("model_self_consistency.csv", "provenance.json"), names(out));
  }
}
