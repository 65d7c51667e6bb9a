package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.Dataset;

/**
 * {@code analyze all} writes each file while the later analyses still run
 * ({@link AnalysisOutput#runAndWrite}): the folder it publishes holds the same files, byte for
 * byte, in the same listed order, as running everything first and writing afterwards; a run
 * that fails after some files were written leaves the previous set and no staging folder.
 */
class PipelinedOutputTest {
  @TempDir Path dir;

  private static final AnalysisSettings FEW_ROUNDS = AnalysisSettings.paper().withAllRounds(3);

  @Test
  void writingWhileRunningGivesTheSameFilesAsWritingAfterwards() throws IOException {
    AnalysisInputs in = TestData.inputs();
    long seed = 20_261_203;
    PaperAnalysis.Result r = PaperAnalysis.run(in, FEW_ROUNDS, seed, PaperAnalysis.Scope.ALL);
    List<Path> after = AnalysisOutput.write(r, in, dir.resolve("after"), true);
    AnalysisOutput.Written w = AnalysisOutput.runAndWrite(in, FEW_ROUNDS, seed, PaperAnalysis.Scope.ALL, dir.resolve("while"), true,
        new LinkedHashMap<>());

    assertEquals(names(dir.resolve("after"), after), names(dir.resolve("while"), w.files()), "files in listed order");
    assertTrue(after.size() > 40, "files: " + after.size());
    int compared = 0;
    for (Path a : after) {
      String name = dir.resolve("after").relativize(a).toString();
      if (name.equals("provenance.json") || name.endsWith(".txt")) continue; // run times; the summaries print the clock
      assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(dir.resolve("while").resolve(name)), name);
      compared++;
    }
    assertTrue(compared > 35, "compared: " + compared);
    assertEquals(r.tables().keySet(), w.result().tables().keySet());
    assertEquals(r.regressions().keySet(), w.result().regressions().keySet());
  }

  @Test
  void aRunThatFailsLateLeavesThePreviousSet() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("from-before.csv"), "a\n1\n");
    Dataset paper = TestData.inputs().dataset();
    // the demographic results are read by the last part, long after the first files are written
    Path broken = dir.resolve("demographic-gemma-results.csv");
    Files.writeString(broken, "no,such,columns\n1,2,3\n");
    AnalysisInputs in = AnalysisInputs.of(paper.withFile("demographic-gemma-results.csv", broken));
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> AnalysisOutput.runAndWrite(in, FEW_ROUNDS, 1, PaperAnalysis.Scope.ALL, out, true, new LinkedHashMap<>()));
    assertTrue(String.valueOf(e.getMessage()).contains("demographic-gemma-results.csv"), e.getMessage());
    try (Stream<Path> left = Files.list(out)) {
      assertEquals(List.of("from-before.csv"), left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList());
    }
    try (Stream<Path> siblings = Files.list(dir)) {
      assertFalse(siblings.anyMatch(p -> p.getFileName().toString().contains("staging")), "a staging folder was left");
    }
  }

  private static List<String> names(Path root, List<Path> files) {
    return files.stream().map(p -> root.relativize(p).toString()).toList();
  }
}
