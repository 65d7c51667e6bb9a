package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download path against a local HTTP server (127.0.0.1, random port) serving copies of a
 * few of the paper's files under their upstream paths, with the real manifest's checksums.
 */
class PaperDownloadTest {
  private static final List<String> FILES =
      List.of("ground_truth_global.csv", "country_languages.csv", "prompts/prompt_templates.txt", "stance_labels.json");

  @TempDir Path root;
  private HttpServer server;
  private String baseUrl;
  /** upstream path → bytes served; tests may corrupt entries. */
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws IOException {
    Manifest real = Manifest.load(Dataset.projectRoot());
    Path mirror = RealData.folder();
    StringBuilder manifest = new StringBuilder("# test manifest\n# local_path\tupstream_path\tsha256\tbytes\n");
    for (String f : FILES) {
      Manifest.Entry e = real.entry(f).orElseThrow();
      manifest.append(String.join("\t", e.localPath(), e.upstreamPath(), e.sha256(), Long.toString(e.bytes()))).append('\n');
      served.put("/" + e.upstreamPath(), Files.readAllBytes(mirror.resolve(f)));
    }
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve(Dataset.MANIFEST), manifest);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = served.get(exchange.getRequestURI().getPath());
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
    });
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterEach
  void tearDown() {
    if (server != null) server.stop(0); // null when setUp was skipped (no paper data here)
  }

  private PaperDownload download() {
    return PaperDownload.into(root).baseUrl(baseUrl).progress(new PrintStream(progress, true, StandardCharsets.UTF_8));
  }

  private List<String> leftovers() throws IOException {
    Path local = root.resolve(Dataset.LOCAL_FOLDER);
    if (!Files.exists(local)) return List.of();
    try (Stream<Path> s = Files.walk(local)) {
      return s.filter(Files::isRegularFile).map(p -> local.relativize(p).toString().replace('\\', '/'))
          .filter(n -> !FILES.contains(n)).toList();
    }
  }

  @Test
  void goodChecksumsPass() throws IOException {
    Dataset d = download().run();
    assertEquals(Dataset.Kind.DOWNLOADED, d.kind());
    for (String f : FILES) {
      assertArrayEquals(Files.readAllBytes(RealData.folder().resolve(f)), Files.readAllBytes(root.resolve("data/paper").resolve(f)));
    }
    assertEquals(List.of(), leftovers(), "no temporary files remain");
    assertEquals(83, PaperFiles.of(d).groundTruthGlobal().rowCount());
    String bar = progress.toString(StandardCharsets.UTF_8);
    assertTrue(bar.contains("100%"), bar);
    assertTrue(bar.contains("4/4 files"), bar);
    assertFalse(d.describe().contains(root.toString()));
    // a second run finds everything in place and downloads nothing
    served.clear();
    assertEquals(Dataset.Kind.LOCAL, download().run().kind());
  }

  @Test
  void corruptedFileIsRejectedAndNotLeftInDataPaper() throws IOException {
    byte[] bad = served.get("/output/ground_truth_global.csv").clone();
    bad[30] ^= 1; // one flipped bit, same size
    served.put("/output/ground_truth_global.csv", bad);
    DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> download().run());
    assertTrue(e.getMessage().contains("ground_truth_global.csv: the downloaded file does not match the manifest"), e.getMessage());
    assertTrue(e.getMessage().contains("it was discarded"), e.getMessage());
    assertTrue(e.getMessage().contains("1 of 4 files could not be downloaded"), e.getMessage());
    assertFalse(Files.exists(root.resolve("data/paper/ground_truth_global.csv")));
    assertTrue(Files.exists(root.resolve("data/paper/country_languages.csv")), "the good files are kept");
    assertEquals(List.of(), leftovers(), "no temporary file remains");
    assertFalse(e.getMessage().contains(root.toString()), "no machine path in the message");
    // the dataset is incomplete, so it is not found as local data
    assertTrue(Dataset.find(Map.of(), root).isEmpty());
  }

  @Test
  void temporaryFilesOfAKilledDownloadAreRemoved() throws IOException {
    Path stale = root.resolve("data/paper/prompts/.prompt_templates.txt.123.tmp");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "half a file");
    download().run();
    assertFalse(Files.exists(stale));
    assertEquals(List.of(), leftovers());
  }

  @Test
  void truncatedFileIsRejected() {
    byte[] full = served.get("/output/stance_labels.json");
    served.put("/output/stance_labels.json", java.util.Arrays.copyOf(full, full.length / 2));
    DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> download().run());
    assertTrue(e.getMessage().contains("stance_labels.json: the downloaded file does not match"), e.getMessage());
    assertFalse(Files.exists(root.resolve("data/paper/stance_labels.json")));
  }

  @Test
  void aCorruptLocalFileIsReplaced() throws IOException {
    download().run();
    Files.writeString(root.resolve("data/paper/country_languages.csv"), "cntry_AN,lnge_iso\nXX,xx\n");
    assertEquals(Dataset.Kind.DOWNLOADED, download().run().kind());
    assertArrayEquals(served.get("/output/country_languages.csv"), Files.readAllBytes(root.resolve("data/paper/country_languages.csv")));
  }

  @Test
  void missingUpstreamFileNamesTheUrl() {
    served.remove("/prompts/prompt_templates.txt");
    DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> download().run());
    assertTrue(e.getMessage().contains("prompts/prompt_templates.txt: HTTP 404 from " + baseUrl + "prompts/prompt_templates.txt"),
        e.getMessage());
  }

  @Test
  void noNetworkSaysHowToGetTheData() {
    server.stop(0);
    DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> download().run());
    assertTrue(e.getMessage().startsWith("Could not download the paper's data from http://127.0.0.1:"), e.getMessage());
    assertTrue(e.getMessage().contains("set MCA_DATA to a folder"), e.getMessage());
    assertTrue(e.getMessage().contains("download them by hand"), e.getMessage());
    assertTrue(e.getMessage().contains("demo dataset"), e.getMessage());
  }

  @Test
  void resolveDownloadsWhenNothingElseIsThere() throws IOException {
    Path notebooks = Files.createDirectories(root.resolve("notebooks"));
    Dataset d = Dataset.resolve(Map.of(), notebooks, baseUrl, true);
    assertEquals(Dataset.Kind.DOWNLOADED, d.kind());
    assertEquals(Dataset.Kind.LOCAL, Dataset.resolve(Map.of(), notebooks, baseUrl, true).kind());
  }
}
