package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution order MCA_DATA → data/paper → download, on a temporary project. */
class DatasetTest {
  @TempDir Path root;
  private Path notebooks;

  @BeforeEach
  void project() throws IOException {
    Files.createDirectories(root.resolve("data"));
    String a = "question_key,pro_score\nF117,0.5\n";
    Files.writeString(root.resolve(Dataset.MANIFEST),
        "# test manifest\n# local_path\tupstream_path\tsha256\tbytes\n"
            + "ground_truth_global.csv\toutput/ground_truth_global.csv\t" + sha(a) + "\t" + a.length() + "\n");
    notebooks = Files.createDirectories(root.resolve("notebooks"));
  }

  private static String sha(String s) {
    java.security.MessageDigest md = Checksums.sha256();
    md.update(s.getBytes(StandardCharsets.UTF_8));
    return Checksums.hex(md);
  }

  @Test
  void projectRootIsTheNearestAncestorWithTheManifest() {
    assertEquals(root.toAbsolutePath().normalize(), Dataset.findProjectRoot(notebooks).orElseThrow());
    assertEquals(root.toAbsolutePath().normalize(), Dataset.findProjectRoot(root).orElseThrow());
    assertTrue(Dataset.findProjectRoot(root.getParent()).isEmpty() || !Dataset.findProjectRoot(root.getParent()).get().equals(root));
  }

  @Test
  void mcaDataComesFirstAndRelativeValuesResolveAgainstTheProjectRoot() throws IOException {
    Path mirror = Files.createDirectories(root.resolve("mirror"));
    Files.createDirectories(root.resolve(Dataset.LOCAL_FOLDER));
    Dataset d = Dataset.find(Map.of("MCA_DATA", "mirror"), notebooks).orElseThrow();
    assertEquals(mirror.toAbsolutePath().normalize(), d.folder());
    assertEquals(Dataset.Kind.MIRROR, d.kind());
    assertEquals("paper data (mirror named by MCA_DATA)", d.describe());
    Dataset abs = Dataset.find(Map.of("MCA_DATA", mirror.toAbsolutePath().toString()), notebooks).orElseThrow();
    assertEquals(d.folder(), abs.folder());
    assertFalse(abs.describe().contains(root.toString()));
  }

  @Test
  void mcaDataThatIsNotAFolderIsAnError() {
    DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
        () -> Dataset.find(Map.of("MCA_DATA", "nowhere"), notebooks));
    assertTrue(e.getMessage().contains("MCA_DATA is set to 'nowhere' but that is not a folder"), e.getMessage());
  }

  @Test
  void demoMarkerMakesADemoDataset() throws IOException {
    Path demo = Files.createDirectories(root.resolve("data/demo"));
    Files.writeString(demo.resolve(Dataset.DEMO_MARKER), "synthetic\n");
    Dataset d = Dataset.find(Map.of("MCA_DATA", "data/demo"), notebooks).orElseThrow();
    assertTrue(d.isDemo());
    assertEquals(Dataset.Kind.DEMO, d.kind());
  }

  @Test
  void completeDataPaperIsLocal() throws IOException {
    Path local = Files.createDirectories(root.resolve(Dataset.LOCAL_FOLDER));
    assertTrue(Dataset.find(Map.of(), notebooks).isEmpty(), "an incomplete data/paper/ is not used as is");
    Files.writeString(local.resolve("ground_truth_global.csv"), "question_key,pro_score\nF117,0.5\n");
    Dataset d = Dataset.find(Map.of(), notebooks).orElseThrow();
    assertEquals(Dataset.Kind.LOCAL, d.kind());
    assertEquals("paper data (data/paper/)", d.describe());
    assertEquals(0.5, PaperFiles.of(d).groundTruthGlobal().doubleColumn("pro_score").get(0));
  }

  @Test
  void withoutDataTheMessageSaysHowToGetIt() {
    DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
        () -> Dataset.resolve(Map.of(), notebooks, "http://127.0.0.1:9/", false));
    assertTrue(e.getMessage().contains("set MCA_DATA to a folder"), e.getMessage());
    assertTrue(e.getMessage().contains("download them by hand"), e.getMessage());
    assertTrue(e.getMessage().contains("demo dataset"), e.getMessage());
    assertFalse(e.getMessage().contains(root.toString()), "no machine path in the message");
  }

  @Test
  void pathRecordsUsedFilesAndStaysInside() throws IOException {
    Dataset d = Dataset.at(Files.createDirectories(root.resolve("mirror")));
    d.path("ground_truth_global.csv");
    d.path("prompts/prompt_templates.txt");
    assertEquals(Set.of("ground_truth_global.csv", "prompts/prompt_templates.txt"), d.usedFiles());
    assertThrows(IllegalArgumentException.class, () -> d.path("../data/manifest.tsv"));
  }

  @Test
  void theRealProjectHasARoot() {
    Path r = Dataset.projectRoot();
    assertTrue(Files.isRegularFile(r.resolve("data/manifest.tsv")));
  }

  /** A SHA-256 taken while reading a file is used only for the file the dataset would read itself. */
  @Test
  void aRecordedSha256CountsOnlyForTheDatasetsOwnFile() throws IOException {
    Path mirror = Files.createDirectories(root.resolve("mirror"));
    Files.writeString(mirror.resolve("a.csv"), "x\n1\n");
    Files.writeString(root.resolve("elsewhere.csv"), "x\n2\n");
    String fake = "0".repeat(64);
    Dataset d = Dataset.at(mirror);
    d.recordSha256("a.csv", root.resolve("elsewhere.csv"), fake);
    assertEquals(Checksums.sha256(mirror.resolve("a.csv")), d.sha256("a.csv"), "another file's checksum was taken");
    Dataset e = Dataset.at(mirror);
    e.recordSha256("a.csv", mirror.resolve("../mirror/a.csv"), fake);
    assertEquals(fake, e.sha256("a.csv"), "the same file, named another way, is the dataset's own");
    assertThrows(IllegalArgumentException.class, () -> e.recordSha256("a.csv", mirror.resolve("a.csv"), "ABC"));
  }
}
