package org.mcalign.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged kernel driven through Debian's jupyter_client, as nbconvert drives it. */
class KernelIT {
  private static JsonNode result;

  @BeforeAll
  static void drive() throws Exception {
    String python = ExternalTools.python();
    ExternalTools.require(ExternalTools.works(python, "-c", "import jupyter_client"), "python3 with jupyter_client");
    Map<String, String> env = ExternalTools.installKernel();
    String driver = ExternalTools.ROOT.resolve("src/test/resources/kernel/driver.py").toString();
    ExternalTools.Result r = ExternalTools.runStartingKernel(env, 600, python, driver);
    if (r.exitCode() != 0) fail("the driver failed:\n" + r.stderr());
    result = new ObjectMapper().readTree(r.stdout());
    System.out.printf("kernel: start to ready %.2f s, trivial cell round trip %.0f ms, interrupt %.2f s%n",
        result.get("startup_seconds").asDouble(), 1000 * result.get("trivial_median_seconds").asDouble(),
        result.get("interrupt_seconds").asDouble());
  }

  private static JsonNode cell(String name) {
    return result.get("cells").get(name);
  }

  private static List<JsonNode> messages(String name, String type) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode m : cell(name).get("messages")) if (m.get("type").asText().equals(type)) out.add(m);
    return out;
  }

  private static JsonNode onlyResult(String name) {
    assertEquals("ok", cell(name).get("reply").get("status").asText(), cell(name).toString());
    List<JsonNode> rs = messages(name, "execute_result");
    assertEquals(1, rs.size(), cell(name).toString());
    return rs.get(0).get("content");
  }

  @Test
  void multiStatementCellShowsTrailingExpression() {
    assertEquals("sum=42", onlyResult("multi").get("data").get("text/plain").asText());
    assertEquals("440", onlyResult("expression").get("data").get("text/plain").asText());
  }

  @Test
  void tableIsHtml() {
    JsonNode data = onlyResult("table").get("data");
    String html = data.get("text/html").asText();
    assertTrue(html.contains("<table class=\"mca-table\""), html);
    assertTrue(html.contains("model_name") && html.contains(">m2</td>") && html.contains(">0.25<"), html);
    assertTrue(data.get("text/plain").asText().contains("m1"));
  }

  @Test
  void chartIsADecodablePngAtTwiceItsSize() throws Exception {
    JsonNode content = onlyResult("chart");
    byte[] png = Base64.getDecoder().decode(content.get("data").get("image/png").asText());
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(800, img.getWidth());
    assertEquals(600, img.getHeight());
    assertEquals(400, content.get("metadata").get("image/png").get("width").asInt());
  }

  @Test
  void stdoutStreamsWhileTheCellRuns() {
    List<JsonNode> streams = messages("stream", "stream");
    StringBuilder all = new StringBuilder();
    streams.forEach(s -> all.append(s.get("content").get("text").asText()));
    assertEquals("tick 0\ntick 1\ntick 2\ntick 3\n", all.toString());
    // the cell printed each line only after the driver had received the one before: one message per line
    assertEquals("ok", cell("stream").get("reply").get("status").asText(), cell("stream").toString());
    assertTrue(streams.size() >= 4, "a stream message per line, while the cell ran: " + streams.size());
  }

  @Test
  void compileErrorPointsAtTheLine() {
    JsonNode reply = cell("compile_error").get("reply");
    assertEquals("error", reply.get("status").asText());
    assertEquals("CompilationError", reply.get("ename").asText());
    assertTrue(reply.get("evalue").asText().contains("line 2"), reply.toString());
    JsonNode err = messages("compile_error", "error").get(0).get("content");
    String tb = String.join("\n", texts(err.get("traceback")));
    assertTrue(tb.contains("int wrong = \"text\";") && tb.contains("incompatible types"), tb);
  }

  @Test
  void runtimeExceptionShowsUserFramesOnly() {
    JsonNode err = messages("runtime_error", "error").get(0).get("content");
    assertEquals("java.lang.ArithmeticException", err.get("ename").asText());
    assertEquals("/ by zero", err.get("evalue").asText());
    List<String> tb = texts(err.get("traceback"));
    assertTrue(tb.get(1).contains("ratio (cell [") && tb.get(1).contains("line 2)"), tb.toString());
    assertTrue(tb.get(2).contains("<cell> (cell [") && tb.get(2).contains("line 4)"), tb.toString());
    assertEquals(3, tb.size(), tb.toString());
  }

  @Test
  void nullPointerMessageNamesTheCellsVariableNotJShellsField() {
    JsonNode err = messages("null_pointer", "error").get(0).get("content");
    assertEquals("java.lang.NullPointerException", err.get("ename").asText());
    assertTrue(err.get("evalue").asText().contains("because \"s\" is null"), err.toString());
    assertFalse(err.toString().contains("$JShell"), err.toString());
  }

  @Test
  void displayAndUpdateDisplayShareAnId() {
    JsonNode shown = messages("display", "display_data").get(0).get("content");
    JsonNode updated = messages("display", "update_display_data").get(0).get("content");
    assertEquals("first", shown.get("data").get("text/plain").asText());
    assertEquals("second", updated.get("data").get("text/plain").asText());
    assertEquals(shown.get("transient").get("display_id"), updated.get("transient").get("display_id"));
  }

  @Test
  void interruptStopsATightLoopAndKeepsState() {
    JsonNode reply = cell("loop").get("reply");
    assertEquals("error", reply.get("status").asText());
    assertEquals("Interrupted", reply.get("ename").asText());
    assertEquals("43", onlyResult("after_interrupt").get("data").get("text/plain").asText());
  }

  @Test
  void cellsQueuedBehindAFailureAreAborted() {
    JsonNode q = result.get("queued_after_error");
    assertEquals("error", q.get(0).get("status").asText());
    assertEquals("java.lang.IllegalStateException", q.get(0).get("ename").asText());
    assertEquals("aborted", q.get(1).get("status").asText(), q.toString());
    assertEquals("aborted", q.get(2).get("status").asText(), q.toString());
    // a cell sent after the error was seen runs normally
    assertEquals("21", onlyResult("after_abort").get("data").get("text/plain").asText());
  }

  @Test
  void completionOfStrOffersString() {
    JsonNode c = result.get("complete");
    assertTrue(texts(c.get("matches")).contains("String"), c.toString());
    assertEquals("int n = 1;\n".length(), c.get("cursor_start").asInt());
    assertEquals("int n = 1;\nStr".length(), c.get("cursor_end").asInt());
  }

  @Test
  void isCompleteAndInspect() {
    JsonNode ic = result.get("is_complete");
    assertEquals("complete", ic.get("int x = 1;").get("status").asText());
    assertEquals("incomplete", ic.get("for (int i = 0; i < 3; i++) {").get("status").asText());
    assertEquals("    ", ic.get("for (int i = 0; i < 3; i++) {").get("indent").asText());
    assertEquals("invalid", ic.get("int x = ;)").get("status").asText());
    JsonNode insp = result.get("inspect");
    assertTrue(insp.get("found").asBoolean());
    assertTrue(insp.get("data").get("text/plain").asText().contains("int Math.max(int a, int b)"));
    // Shift+Tab right after a method name without "(": every overload
    JsonNode bare = result.get("inspect_bare_method");
    assertTrue(bare.get("found").asBoolean(), bare.toString());
    String sigs = bare.get("data").get("text/plain").asText();
    for (String t : List.of("int", "long", "float", "double"))
      assertTrue(sigs.contains(t + " Math.max(" + t + " a, " + t + " b)"), sigs);
  }

  /** The installed kernel runs its own copy of the jar: deleting the clone's target/ does not break it. */
  @Test
  void kernelStartsAfterTheJarItWasInstalledFromIsDeleted() throws Exception {
    java.nio.file.Path clone = java.nio.file.Files.createTempDirectory("mcalign-clone");
    java.nio.file.Path target = java.nio.file.Files.createDirectories(clone.resolve("target"));
    java.nio.file.Path jar = java.nio.file.Files.copy(ExternalTools.JAR, target.resolve("mcalign.jar"));
    java.nio.file.Path data = java.nio.file.Files.createTempDirectory("mcalign-jupyter-data");
    Map<String, String> env = Map.of("JUPYTER_DATA_DIR", data.toString());
    ExternalTools.Result install = ExternalTools.run(env, 120,
        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "kernel", "install", "--user");
    assertEquals(0, install.exitCode(), install.stderr());
    ExternalTools.deleteTree(clone);
    assertFalse(java.nio.file.Files.exists(jar));
    ExternalTools.Result r = ExternalTools.runStartingKernel(env, 300, ExternalTools.python(),
        ExternalTools.ROOT.resolve("src/test/resources/kernel/driver.py").toString(), "--smoke");
    assertEquals(0, r.exitCode(), r.stderr());
    JsonNode smoke = new ObjectMapper().readTree(r.stdout());
    assertEquals("ok", smoke.get("status").asText(), r.stdout());
    assertEquals("42", smoke.get("values").get(0).asText(), r.stdout());
    ExternalTools.deleteTree(data);
  }



  @Test
  void noMachinePathsInAnyOutput() {
    String all = result.toString();
    assertFalse(all.contains(ExternalTools.ROOT.toString()), "project root leaked");
    assertFalse(all.contains(System.getProperty("user.home") + "/"), "home folder leaked");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
