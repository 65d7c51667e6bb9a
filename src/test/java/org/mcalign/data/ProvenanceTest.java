package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
  @TempDir Path out;

  @Test
  void recordsSourceChecksumsSeedSettingsVersionAndTime() throws IOException {
    Dataset d = RealData.dataset();
    Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    PaperFiles.of(d).groundTruthGlobal();
    PaperFiles.of(d).stanceLabels();
    Path written = Provenance.of(d, 42, Map.of("rounds", 100, "languages", List.of("en", "da"))).writeTo(out.resolve("rq1"));
    assertEquals(out.resolve("rq1/provenance.json"), written);
    JsonNode j = new ObjectMapper().readTree(written.toFile());
    assertEquals(42, j.get("seed").asLong());
    assertEquals(100, j.get("settings").get("rounds").asInt());
    assertEquals("da", j.get("settings").get("languages").get(1).asText());
    assertEquals(Provenance.projectVersion(), j.get("project_version").asText());
    Instant t = Instant.parse(j.get("created_utc").asText());
    assertTrue(!t.isBefore(before) && !t.isAfter(Instant.now()), "written during the test: " + t + " after " + before);
    assertTrue(j.get("created_utc").asText().endsWith("Z"));
    JsonNode src = j.get("data_source");
    assertEquals("MIRROR", src.get("kind").asText());
    JsonNode files = src.get("files");
    assertEquals(2, files.size());
    assertEquals("ground_truth_global.csv", files.get(0).get("file").asText());
    // the manifest's checksum of the file, which the mirror matches
    assertEquals(Manifest.load(Dataset.projectRoot()).entry("ground_truth_global.csv").orElseThrow().sha256(),
        files.get(0).get("sha256").asText());
    assertEquals("match", files.get(0).get("manifest").asText());
    assertEquals("PAPER_MIRROR", files.get(0).get("kind").asText());
    assertEquals("ground_truth_global.csv", files.get(0).get("path").asText());
    assertEquals("stance_labels.json", files.get(1).get("file").asText());
    String text = Files.readString(written);
    assertFalse(text.contains(RealData.folder().toAbsolutePath().toString()), "no machine path");
  }

  @Test
  void aChangedFileIsFlagged() throws IOException {
    Files.writeString(out.resolve("ground_truth_global.csv"), "question_key,pro_score\nF117,0.5\n");
    Dataset d = Dataset.at(out);
    PaperFiles.of(d).groundTruthGlobal();
    Provenance p = Provenance.of(d, 7, Map.of());
    assertEquals("differs", p.files().get(0).manifest());
    assertEquals(InputOrigin.Kind.USER, p.files().get(0).kind(), "a file whose hash is not the pinned one is not the paper's");
    assertEquals("USER", p.kind());
    assertFalse(p.toJson().contains("\"upstream\""), "no input is the paper's: no paper commit");
  }
}
