package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputOriginTest {
  @TempDir Path dir;

  @Test
  void aSidecarSaysWhereItsFileCameFromUntilTheFileChanges() throws IOException {
    Path f = Files.writeString(dir.resolve("scores.csv"), "a,b\n1,2\n");
    assertTrue(InputOrigin.read(f).isEmpty());
    new InputOrigin(InputOrigin.Kind.SIMULATED, "simulated answers").writeFor(f);
    assertEquals(new InputOrigin(InputOrigin.Kind.SIMULATED, "simulated answers"), InputOrigin.read(f).orElseThrow());
    Files.writeString(f, "a,b\n1,3\n");
    assertTrue(InputOrigin.read(f).isEmpty(), "a sidecar of other content is not believed");
  }

  @Test
  void scoresAreSimulatedIfAnyInputIsElseTheUsers() {
    Map<String, Optional<InputOrigin>> in = new LinkedHashMap<>();
    in.put("responses r.csv", Optional.of(new InputOrigin(InputOrigin.Kind.USER, "responses of m from http://gpu:8000/v1")));
    in.put("answers a.jsonl", Optional.empty());
    InputOrigin o = InputOrigin.combine("scores", in);
    assertEquals(InputOrigin.Kind.USER, o.kind());
    assertTrue(o.description().contains("http://gpu:8000/v1") && o.description().contains("no record of its origin"), o.description());
    in.put("answers a.jsonl", Optional.of(new InputOrigin(InputOrigin.Kind.SIMULATED, "simulated classifier")));
    assertEquals(InputOrigin.Kind.SIMULATED, InputOrigin.combine("scores", in).kind());
  }
}
