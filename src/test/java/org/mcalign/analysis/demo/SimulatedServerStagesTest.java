package org.mcalign.analysis.demo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.prompts.CsvRecords;

/** Stages 3–6 through the simulated OpenAI-compatible server (HTTP, direct mode, response store). */
class SimulatedServerStagesTest {
  @TempDir Path dir;

  @Test
  void serverPathGivesTheSameDataAsTheInProcessPath() throws Exception {
    DemoSettings s = new DemoSettings(5_000, 6, 1,
        List.of(new DemoModel("gemma-2-9b-it", DemoBehaviour.NATIVE, 0.05, 0.8)), null, 0.0, 5L);
    Path a = dir.resolve("server"), b = dir.resolve("inproc");
    DemoData.build(a, s, DemoData.viaSimulatedServer(dir.resolve("responses.db"), s.seed(), 0.0), m -> {});
    DemoData.build(b, s, DemoData.Backends.IN_PROCESS, m -> {});
    String f = "all_prompts_responses_gemma-2-9b-it.csv";
    assertEquals(Files.readString(b.resolve(f)), Files.readString(a.resolve(f)));
    String scored = "all_lang_model_responses_with_scores.csv";
    assertEquals(Files.readString(b.resolve(scored)), Files.readString(a.resolve(scored)));
    CsvRecords r = CsvRecords.read(a.resolve(scored));
    assertTrue(r.size() > 0);
    // with 80 % language fidelity some responses are in English and are dropped from non-English prompts
    CsvRecords all = CsvRecords.read(a.resolve(f));
    assertTrue(r.size() < all.size());
    // a rerun answers from the store: same files
    DemoData.build(a, s, DemoData.viaSimulatedServer(dir.resolve("responses.db"), s.seed(), 0.0), m -> {});
    assertEquals(Files.readString(b.resolve(scored)), Files.readString(a.resolve(scored)));
  }
}
