package org.mcalign.analysis.demo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.analysis.AnalysisInputs;
import org.mcalign.analysis.AnalysisSettings;
import org.mcalign.analysis.Metric;
import org.mcalign.analysis.TotalGroundTruthAlignment;
import org.mcalign.analysis.UsCentricBias;
import org.mcalign.stats.Ols;
import org.mcalign.stats.OlsResults;
import tech.tablesaw.api.Table;

/**
 * Stages 1–8 on a small demo: generated microdata → ground truth → simulated models with
 * planted behaviour → simulated classifier → scores → bootstrap alignment → RQ2 regression.
 * The analyses must recover what was planted.
 */
class PlantedEffectsTest {
  @TempDir static Path dir;
  static Table experiment;
  static Table rq2;

  static final String US_MODEL = "gpt-4o";
  static final String NATIVE_MODEL = "gemma-2-27b-it";
  static final String RANDOM_MODEL = "OLMo-2-1124-7B-Instruct";

  @BeforeAll
  static void runPipeline() {
    DemoData.Built b = DemoData.build(dir, DemoSettings.small(), DemoData.Backends.IN_PROCESS, m -> {});
    AnalysisInputs in = AnalysisInputs.of(b.dataset());
    AnalysisSettings s = AnalysisSettings.paper().withAllRounds(30);
    experiment = TotalGroundTruthAlignment.run(in, in.responses(), Metric.SPEARMAN, 30, 11, s).table();
    rq2 = UsCentricBias.usData(experiment, in);
  }

  static Table rows(Table t, String model) {
    return t.where(t.stringColumn("model_name").isEqualTo(model));
  }


  static double meanMetric(Table t) {
    return t.doubleColumn("metric_value").mean();
  }

  @Test
  void usCentricModelHasPositiveSignificantUsBias() {
    OlsResults r = Ols.fit(UsCentricBias.FORMULA, rows(rq2, US_MODEL));
    String us = r.names().stream().filter(n -> n.equals("us[T.True]")).findFirst().orElseThrow(() -> new AssertionError(r.names()));
    assertTrue(r.params().get(us) > 0, r.summary());
    assertTrue(r.pvalues().get(us) < 0.01, r.summary());
  }

  @Test
  void nativeModelAlignsMoreWithNativeThanUsGroundTruth() {
    Table t = rows(rq2, NATIVE_MODEL);
    for (String lang : new String[] {"da", "nl", "pt"}) {
      Table l = t.where(t.stringColumn("language").isEqualTo(lang));
      double nat = meanMetric(l.where(l.booleanColumn("native").isTrue()));
      double us = meanMetric(l.where(l.booleanColumn("us").isTrue()));
      assertTrue(nat > us, lang + ": native " + nat + " <= US " + us);
    }
    OlsResults r = Ols.fit(UsCentricBias.FORMULA, t);
    assertTrue(r.params().get("us[T.True]") < 0, r.summary());
  }

  @Test
  void randomModelAlignmentIsIndistinguishableFromZero() {
    Table g = rows(experiment, RANDOM_MODEL);
    g = g.where(g.stringColumn("gt_type").isEqualTo("language").and(g.stringColumn("gt_group").isEqualTo(g.stringColumn("response_language"))));
    // per round, the mean alignment over the four languages; its 95 % interval over rounds holds 0
    Table perRound = g.summarize("metric_value", tech.tablesaw.aggregate.AggregateFunctions.mean).by("round");
    double[] v = perRound.doubleColumn(1).asDoubleArray();
    java.util.Arrays.sort(v);
    double lo = org.mcalign.stats.Bootstrap.percentile(v, 2.5), hi = org.mcalign.stats.Bootstrap.percentile(v, 97.5);
    assertTrue(lo < 0 && hi > 0, "interval [" + lo + ", " + hi + "]");
    // while the planted models are far from 0
    Table us = rows(experiment, US_MODEL);
    assertTrue(meanMetric(us.where(us.stringColumn("gt_type").isEqualTo("country").and(us.stringColumn("gt_group").isEqualTo("US")))) > 0.5);
  }
}
