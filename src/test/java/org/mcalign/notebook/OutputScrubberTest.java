package org.mcalign.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputScrubberTest {
  @Test
  void replacesWholePathsAndSecrets() {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("/home/ana", "~");
    r.put("/home/ana/proj", ".");
    r.put("sk-abcdefghijkl", "***");
    OutputScrubber s = new OutputScrubber(r);
    assertEquals("read ./data/x.csv and ~/other", s.scrub("read /home/ana/proj/data/x.csv and /home/ana/other"));
    assertEquals("/home/anastasia stays", s.scrub("/home/anastasia stays"));
    assertEquals("key=***.", s.scrub("key=sk-abcdefghijkl."));
    assertEquals("at .", s.scrub("at /home/ana/proj"));
  }

  @Test
  void inlineImagesAreLeftAlone() {
    OutputScrubber s = new OutputScrubber(Map.of("/root", "~"));
    String html = "<img src=\"data:image/png;base64,AAA/root/BBB==\"/> saved in /root/x.png";
    assertEquals("<img src=\"data:image/png;base64,AAA/root/BBB==\"/> saved in ~/x.png", s.scrub(html));
  }

  @Test
  void secretsOfTheDotEnvFileAreMasked(@TempDir Path dir) throws Exception {
    Path env = Files.writeString(dir.resolve(".env"),
        "# keys\nOPENAI_API_KEY=\"sk-test-1234567890\"\nexport HF_TOKEN=hf_abcdefghij\nMODEL=gpt-4o-mini-long-name\n");
    Map<String, String> r = new LinkedHashMap<>();
    OutputScrubber.secretsOfDotEnv(env, r);
    assertEquals(Map.of("sk-test-1234567890", "***", "hf_abcdefghij", "***"), r);
  }

  @Test
  void projectRootIsTheFolderAboveTarget(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("target/mcalign.jar");
    assertEquals(dir, OutputScrubber.findProjectRoot(jar, dir.resolve("notebooks")));
    Files.writeString(dir.resolve("pom.xml"), "<project/>");
    Files.createDirectories(dir.resolve("notebooks"));
    assertEquals(dir.toAbsolutePath(), OutputScrubber.findProjectRoot(null, dir.resolve("notebooks")));
  }
}
