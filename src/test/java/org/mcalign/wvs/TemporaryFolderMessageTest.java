package org.mcalign.wvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.WholeProcess;

/** Stage 1 keeps its rows in temporary files: a temporary folder it cannot write is one clear line, and no output. */
class TemporaryFolderMessageTest {
  @TempDir Path dir;

  @Test
  void anUnwritableTemporaryFolderIsNamedWithWhatToDo() throws Exception {
    Path micro = new MicrodataSynthesizer(MicrodataSynthesizer.Settings.defaults().withRespondents(300)).write(dir.resolve("m.csv"));
    Path missing = dir.resolve("no-such-folder");
    List<String> cmd = new ArrayList<>(WholeProcess.mcalign(List.of("wvs-ground-truth", "--microdata", micro.toString(),
        "--out", dir.resolve("out").toString())));
    cmd.add(1, "-Djava.io.tmpdir=" + missing); // a JVM option, before -jar / -cp
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.waitFor(), out);
    assertTrue(out.contains("could not create the temporary row file in " + missing), out);
    assertTrue(out.contains("java -Djava.io.tmpdir=DIR"), out);
    assertTrue(!Files.exists(dir.resolve("out")) || Files.list(dir.resolve("out")).findAny().isEmpty(), "outputs were written");
  }
}
