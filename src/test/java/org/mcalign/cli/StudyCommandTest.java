package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.Study;

class StudyCommandTest {
  @TempDir Path dir;

  @Test
  void initWritesThePapersStudyAndShowReadsItFromTheDatasetFolder() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path file = data.resolve(Study.FILE_NAME);
    CliRun init = CliRun.of("study", "init", "--out", file.toString());
    assertEquals(0, init.code(), init.err());
    assertEquals(Study.paper().modelNames(), Study.read(file).modelNames());
    CliRun again = CliRun.of("study", "init", "--out", file.toString());
    assertNotEquals(0, again.code());
    assertTrue(again.err().contains("--force"), again.err());

    Files.writeString(file, Files.readString(file).replace("\"reference_country\" : \"US\"", "\"reference_country\" : \"GB\""));
    CliRun show = CliRun.of("study", "show", "--data", data.toString());
    assertEquals(0, show.code(), show.err());
    assertTrue(show.err().contains("study.json of folder 'data'") && show.err().contains("reference country: GB"), show.err());
    assertEquals("GB", Study.parse(show.out(), "stdout", Study.paper()).referenceCountry());
  }

  @Test
  void aBadStudyFileIsAUserErrorNamingIt() throws Exception {
    Path f = Files.writeString(dir.resolve("mine.json"), "{\"models\": [{\"name\": \"m\"}]}");
    CliRun r = CliRun.of("study", "show", "--data", dir.toString(), "--study", f.toString());
    assertNotEquals(0, r.code());
    assertTrue(r.err().contains("mine.json") && r.err().contains("family"), r.err());
    assertTrue(!r.err().contains("\tat org."), "no stack trace: " + r.err());
  }
}
