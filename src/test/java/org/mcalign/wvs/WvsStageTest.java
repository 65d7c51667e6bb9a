package org.mcalign.wvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import tech.tablesaw.api.Table;

class WvsStageTest {
  @Test
  void demoRunSaysSoAndWritesUnderTheRoot(@TempDir Path root) throws Exception {
    WvsStage stage = WvsStage.demo(root, MicrodataSynthesizer.Settings.defaults().withRespondents(4000));
    assertTrue(stage.isDemo());
    assertTrue(stage.describe().startsWith("DEMO: generated microdata"), stage.describe());
    assertFalse(stage.describe().contains(root.toString()), "no absolute path");
    GroundTruth gt = stage.run(GroundTruthSettings.paper().withRounds(10));
    assertTrue(Files.exists(root.resolve("data/demo/wvs-ground-truth/ground_truth_global.csv")));
    assertEquals("outputs (5 CSV files + provenance.json) in data/demo/wvs-ground-truth/", stage.outputsDescription());
    long modified = Files.getLastModifiedTime(stage.microdata()).toMillis();
    WvsStage again = WvsStage.demo(root, MicrodataSynthesizer.Settings.defaults().withRespondents(4000));
    assertEquals(modified, Files.getLastModifiedTime(again.microdata()).toMillis(), "generated once");

    Table items = gt.itemSummary();
    assertEquals(java.util.List.of("1", "2", "3", "4", "5", "10", "30", "900"), items.stringColumn("maximum").asList());
    assertEquals(java.util.List.of(false, true, true, true, true, true, false, false), items.booleanColumn("kept").asList());
    Table corr = gt.countryCorrelations();
    assertEquals(14, corr.rowCount()); // 13 countries + global
    for (int i = 0; i < corr.rowCount(); i++) assertEquals(1.0, corr.doubleColumn(i + 1).getDouble(i), 1e-12);
    BufferedImage heat = BitmapEncoder.getBufferedImage(WvsCharts.correlationHeatmap(gt));
    BufferedImage bars = BitmapEncoder.getBufferedImage(WvsCharts.selfConsistencyBars(gt));
    assertTrue(heat.getWidth() > 0 && bars.getWidth() > 0);

    Table cmp = stage.compareWithPublished(gt);
    assertEquals(5, cmp.rowCount());
    if (WvsStage.paperFolder() != null) {
      for (int r = 0; r < cmp.rowCount(); r++) assertTrue(cmp.booleanColumn("same_header").get(r), cmp.stringColumn(0).get(r));
    }
  }
}
