package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ConsistencyPairingTest {

  /** The paper's settings follow each published output: alignment rounds unpaired, the figure paired. */
  @Test
  void paperSettingsPairAsEachPublishedOutputWasMade() {
    AnalysisSettings s = AnalysisSettings.paper();
    assertEquals(ConsistencyPairs.DISTINCT_ROWS, s.consistencyPairs());
    assertEquals(ConsistencyPairs.DISTINCT_POSITIONS, s.selfConsistencyPairs());
    AnalysisSettings same = s.withConsistencyPairs(ConsistencyPairs.DISTINCT_ROWS);
    assertEquals(ConsistencyPairs.DISTINCT_ROWS, same.selfConsistencyPairs());
    assertEquals("distinct_positions", s.asMap().get("self_consistency_pairs"));
  }

  /** Pairing copies lifts every well-populated bar of the figure; distinct responses stay near the one-pass value. */
  @Test
  void theFiguresPairsLiftSelfConsistencyAboveTheOnePassValue() {
    AnalysisInputs in = TestData.inputs();
    AnalysisSettings s = AnalysisSettings.paper().withAllRounds(30);
    Table t = ConsistencyPairing.selfConsistencyLift(in.responses(), s, 11);
    assertEquals(36, t.rowCount(), "9 models x 4 languages");
    int lifted = 0;
    double offCentre = 0;
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.doubleColumn("lift").getDouble(i) > 0.01) lifted++;
      offCentre += t.doubleColumn("distinct_responses").getDouble(i) - t.doubleColumn("one_pass").getDouble(i);
    }
    assertTrue(lifted >= 34, "bars lifted by more than 0.01: " + lifted + " of 36");
    assertEquals(0, offCentre / t.rowCount(), 0.02, "distinct responses centred on the one-pass value");
    double meanLift = t.doubleColumn("lift").mean();
    assertTrue(meanLift > 0.03 && meanLift < 0.15, "mean lift " + meanLift);
  }
}
