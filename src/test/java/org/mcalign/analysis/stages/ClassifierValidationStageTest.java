package org.mcalign.analysis.stages;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.analysis.ClassifierValidation;
import org.mcalign.data.Dataset;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.scoring.ClassifiedOpinions;
import org.mcalign.stats.Agreement;
import tech.tablesaw.api.Table;

/**
 * On the DEMO: simulated classifiers with planted error rates (a pro/con label swapped with
 * probability e, NULL never) through the simulated server; the validation must recover what was
 * planted. Two classifiers with rates e₁, e₂ agree on a pro/con statement with probability
 * (1 − e₁)(1 − e₂) + e₁e₂; each disagrees with the (simulated, error-free) people on a pro/con
 * statement with probability e.
 */
class ClassifierValidationStageTest {
  @TempDir Path dir;

  @Test
  void recoversThePlantedAgreementAndHumanLabelErrorRates() throws Exception {
    Dataset demo = SmallDemo.dataset();
    Map<String, Double> planted = ClassifierValidationStage.DEMO_PLANTED_ERROR_RATES;
    ClassifierValidationStage stage = ClassifierValidationStage.of(demo).withBootstrap(1000, 21).writingTo(dir);
    assertEquals(List.copyOf(planted.keySet()), stage.models());
    int n = stage.inputs().size();
    assertTrue(n >= 150, "sampled responses: " + n);

    // without human labels: the paper's 0.045, labelled
    ClassifierValidation.ErrorRate fallback = stage.errorRate("gpt-4o");
    assertEquals(0.045, fallback.value(), 0);
    assertTrue(fallback.source().contains("the paper's 0.045"), fallback.source());

    Table runs = stage.runSimulated(planted, 5, null);
    assertEquals(3, runs.rowCount());
    Map<String, List<ClassifiedOpinions>> answers = stage.answers();
    answers.values().forEach(a -> assertEquals(n, a.size()));

    Agreement a = stage.statementAgreement();
    assertTrue(Files.exists(dir.resolve("DEMO-classifier-validation-labels.csv")));
    assertEquals(3, a.nRaters());
    List<String> models = stage.models();
    for (int i = 0; i < models.size(); i++)
      for (int j = i + 1; j < models.size(); j++) {
        double e1 = planted.get(models.get(i)), e2 = planted.get(models.get(j));
        double expected = (1 - e1) * (1 - e2) + e1 * e2;
        String key = models.get(i) + "|" + models.get(j);
        double[] iv = a.interval("percent_agreement " + key);
        assertTrue(iv[0] <= expected && expected <= iv[1], key + ": planted " + expected + " not in " + iv[0] + ".." + iv[1]);
      }

    Table exported = stage.exportSheet();
    CsvRecords blank = CsvRecords.read(stage.sheet());
    assertEquals(blank.size(), exported.intColumn("statements").getInt(0));
    assertTrue(blank.rows().stream().allMatch(r -> r.get("label").isEmpty()), "the exported sheet is blank");
    assertFalse(blank.columns().contains("gpt-4o"), "the sheet is blind to the classifiers");
    assertTrue(stage.humanLabelSource().stringColumn("source").get(0).contains("DEMO simulated labeller"));
    Map<String, String> human = stage.humanLabels(stage.labelledSheet());
    assertEquals(blank.size(), human.size());
    for (String m : models) {
      ClassifierValidation.ErrorRate e = stage.errorRate(m);
      assertTrue(e.lower() <= planted.get(m) && planted.get(m) <= e.upper(),
          m + ": planted " + planted.get(m) + " not in " + e.lower() + ".." + e.upper() + " (estimate " + e.value() + ")");
      assertTrue(e.statements() > 1000, m + " " + e.statements());
      assertTrue(e.source().contains(m), e.source());
    }
    Table vsHumans = stage.againstHumans();
    assertTrue(stage.plantedErrorRates(planted).stringColumn("planted inside the interval").asList().stream().allMatch("true"::equals));
    assertTrue(stage.plantedAgreement(planted, a).stringColumn("planted inside the interval").asList().stream().allMatch("true"::equals));
    assertEquals(3, vsHumans.rowCount());
    for (int i = 0; i < 3; i++) assertTrue(vsHumans.doubleColumn("cohen_kappa").getDouble(i) > 0.7, vsHumans.print());
    Table rel = stage.validation().reliability();
    assertEquals(3, rel.rowCount());
    for (int i = 0; i < 3; i++) {
      double est = rel.doubleColumn("estimate").getDouble(i);
      assertTrue(est > 0.5 && est <= 1, rel.print());
      assertTrue(rel.doubleColumn("lower").getDouble(i) <= est && est <= rel.doubleColumn("upper").getDouble(i), rel.print());
    }
    stage.errorRateTable(stage.errorRate("gpt-4o"));
    assertTrue(Files.exists(dir.resolve("DEMO-classifier-validation-error-rate.csv")));
  }
}
