package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mcalign.stats.OlsResults;
import org.mcalign.stats.RegressionResults;
import tech.tablesaw.api.Table;

/**
 * The replication acceptance of stages 7–8 on the paper's data with the paper's settings,
 * over seeds 5125–5129: every RQ1 interaction-model median within 0.2 of the paper's table,
 * and every RQ2 within-language difference between models within 0.06 of the paper's.
 */
class ReplicationAcceptanceTest {

  @Test
  void papersRegressionTablesReplicateOverFiveSeeds() {
    AnalysisInputs in = TestData.inputs();
    AnalysisSettings s = AnalysisSettings.paper();
    assertEquals(ConsistencyPairs.DISTINCT_ROWS, s.consistencyPairs(), "the paper's definition is the default");
    long[] seeds = ReplicationReport.seeds(AnalysisSettings.DEFAULT_SEED, 5);
    List<RegressionResults> rq1 = new ArrayList<>();
    List<OlsResults> rq2 = new ArrayList<>();
    for (long seed : seeds) {
      ReplicationReport.SeedFits f = ReplicationReport.fitSeed(in, s, seed);
      rq1.add(f.rq1());
      rq2.add(f.rq2());
    }
    PaperTable p1 = ReplicationReport.paperRq1(in), p2 = ReplicationReport.paperRq2(in);
    Table t1 = ReplicationReport.compare("rq1", p1, rq1, seeds);
    assertEquals(16, t1.rowCount(), "all 16 fixed effects of the paper's RQ1 table");
    for (int i = 0; i < t1.rowCount(); i++)
      assertTrue(t1.doubleColumn("abs_median_minus_paper").getDouble(i) <= 0.2,
          t1.getString(i, "term") + ": median " + t1.doubleColumn("median").getDouble(i)
              + " vs paper " + t1.doubleColumn("paper_coef").getDouble(i));
    Table d = ReplicationReport.rq2Differences(p2, rq2, seeds);
    assertEquals(2 * 4 * 36, d.rowCount(), "both term families, 4 languages, 36 model pairs");
    double worst = d.doubleColumn("abs_median_minus_paper").max();
    assertTrue(worst <= 0.06, "largest RQ2 within-language difference error " + worst);
    System.out.printf("RQ1 max |median - paper| %.3f; RQ2 max difference error %.3f%n",
        t1.doubleColumn("abs_median_minus_paper").max(), worst);
  }
}
