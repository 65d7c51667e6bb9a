package org.mcalign.analysis.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mcalign.data.Benchmark;
import org.mcalign.data.Dataset;
import org.mcalign.prompts.CsvRecords;
import org.mcalign.prompts.PromptRow;
import org.mcalign.prompts.PromptTable;
import org.mcalign.prompts.Translation;
import org.mcalign.scoring.ClassifierOutputs;
import org.mcalign.scoring.GroundTruthLookup;
import org.mcalign.scoring.OpinionClassifier;
import org.mcalign.scoring.ScoreMerge;

/**
 * Stages 2–6 and the demo build: prompt table read/write, translation and classifier request
 * building, classifier output parse + merge (the paper's demographic files, when present), and
 * the DEMO dataset end to end (in process and through the simulated server).
 */
public final class StagesBenchmark extends Benchmark.Steps {
  public StagesBenchmark() {
    super("stages");
  }

  @Override
  protected void measure(Settings settings, List<Measurement> out) throws Exception {
    Path tmp = Files.createTempDirectory("mcalign-stages-bench");
    Path data = Dataset.find().map(Dataset::folder).orElse(null);
    if (data != null && Files.exists(data.resolve("translated_prompts_with_english_no_controversy.csv"))) {
      Path table = data.resolve("translated_prompts_with_english_no_controversy.csv");
      List<PromptRow>[] rows = new List[1];
      out.add(Measurement.time("prompts: read prompt table", "3,600 prompts", 2, 3600, "rows",
          () -> rows[0] = PromptTable.read(table)));
      out.add(Measurement.time("prompts: write prompt table", "3,600 prompts", 2, 3600, "rows",
          () -> PromptTable.write(rows[0], tmp.resolve("p.csv"))));
      List<PromptRow> en = rows[0].stream().filter(r -> r.language().equals("en")).toList();
      out.add(Measurement.time("translation: build requests", "900 English rows × 3 languages", 2, 516, "requests",
          () -> Translation.requests(Translation.units(en, List.of("da", "nl", "pt")),
              java.util.Map.of("da", "Danish", "nl", "Dutch", "pt", "Portuguese"), Translation.MODEL).forEach(l -> l.toJsonLine())));
      CsvRecords demo = CsvRecords.read(data.resolve("demographic-all_prompts_responses.csv"));
      Path answers = data.resolve("demographic-analysis-responses.jsonl");
      GroundTruthLookup gt = GroundTruthLookup.read(data.resolve("ground_truth.csv"));
      out.add(Measurement.time("scoring: parse classifier outputs + merge", "2,400 answers", 2, 2400, "rows",
          () -> ScoreMerge.demographic(demo, ClassifierOutputs.read(answers), gt, "gemma-2-27b-it").all().write(tmp.resolve("d.csv"))));
      var stances = new com.fasterxml.jackson.databind.ObjectMapper().readValue(data.resolve("stance_labels.json").toFile(),
          new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, List<String>>>() {});
      List<OpinionClassifier.Input> in = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) in.add(new OpinionClassifier.Input("e235", "1. a response line " + i + "\n2. another"));
      out.add(Measurement.time("classifier: build requests", "10,000 responses", 1, 10_000, "requests",
          () -> OpinionClassifier.requests(in, stances, OpinionClassifier.MODEL).forEach(l -> l.toJsonLine())));
    }
    DemoSettings small = DemoSettings.small();
    out.add(Measurement.time("demo: build (in process)", "20k respondents, 3 models × 192 prompts", 0, 576, "responses",
        () -> DemoData.build(tmp.resolve("demo-a"), small, DemoData.Backends.IN_PROCESS, m -> {})));
    out.add(Measurement.time("demo: build (simulated server)", "20k respondents, 3 models × 192 prompts", 0, 576, "responses",
        () -> DemoData.build(tmp.resolve("demo-b"), small,
            DemoData.viaSimulatedServer(tmp.resolve("r.db"), small.seed(), small.classifierErrorRate()), m -> {})));
    if (!settings.quick()) {
      DemoSettings full = DemoSettings.defaults();
      out.add(Measurement.time("demo: build defaults (simulated server)", "40k respondents, 9 models × 360 prompts", 0, 3240,
          "responses", () -> DemoData.build(tmp.resolve("demo-c"), full,
              DemoData.viaSimulatedServer(tmp.resolve("r2.db"), full.seed(), full.classifierErrorRate()), m -> {})));
    }
  }
}
