package org.mcalign.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The JShell evaluation layer in-process: cells, values, errors, output, interrupt, completion, magics. */
class CellEvaluatorTest {
  private static CellEvaluator eval;
  /**
   * How long a test waits for an event before it calls the kernel stuck: a guard against
   * hanging, not a speed check (every wait ends on the event itself).
   */
  static final java.time.Duration GUARD = java.time.Duration.ofMinutes(3);
  private Recorder rec;
  private int count;

  static final class Recorder implements CellOutput {
    final StringBuilder out = new StringBuilder();
    final StringBuilder err = new StringBuilder();
    final List<String> streamMessages = new ArrayList<>();
    final List<MimeBundle> displays = new ArrayList<>();
    final List<String> displayIds = new ArrayList<>();
    final List<String> updateIds = new ArrayList<>();

    @Override
    public synchronized void stream(boolean isErr, String text) {
      (isErr ? err : out).append(text);
      streamMessages.add(text);
      notifyAll();
    }

    /** Waits until the cell's stdout holds {@code text}: the cell has got that far. */
    synchronized void awaitOut(String text) throws InterruptedException {
      long end = System.nanoTime() + GUARD.toNanos();
      while (!out.toString().contains(text)) {
        long left = end - System.nanoTime();
        if (left <= 0) throw new AssertionError("the cell never printed '" + text + "'; it printed: " + out);
        wait(Math.max(1, left / 1_000_000));
      }
    }

    @Override
    public synchronized void display(MimeBundle bundle, String id) {
      displays.add(bundle);
      displayIds.add(id);
    }

    @Override
    public synchronized void updateDisplay(MimeBundle bundle, String id) {
      updateIds.add(id);
    }
  }

  /** A local Maven repository made for this test: probe:probe:1.0 depending on probe:dep:1.0, tiny jars built here. */
  private static Path probeRepository;

  @BeforeAll
  static void start() throws Exception {
    Console.install();
    probeRepository = Files.createTempDirectory("mcalign-maven-probe");
    installProbe(probeRepository, "dep", "package probe.dep; public class Word { public static String word() { return \"resolved\"; } }",
        "probe/dep/Word", "");
    installProbe(probeRepository, "probe", "package probe; public class Probe { public static String hi() { return probe.dep.Word.word() + \" from %maven\"; } }",
        "probe/Probe", "<dependencies><dependency><groupId>org.mcalign.probe</groupId><artifactId>dep</artifactId><version>1.0</version>"
            + "</dependency></dependencies>");
    // the kernel reads the repository location once, when it starts
    String before = System.getProperty("maven.repo.local");
    System.setProperty("maven.repo.local", probeRepository.toString());
    try {
      eval = new CellEvaluator();
    } finally {
      if (before == null) System.clearProperty("maven.repo.local");
      else System.setProperty("maven.repo.local", before);
    }
  }

  /** Compiles one class against the repository's jars and installs it as org.mcalign.probe:{artifact}:1.0 with a POM. */
  private static void installProbe(Path repo, String artifact, String source, String classPath, String pomDependencies) throws Exception {
    Path work = Files.createTempDirectory(repo, "build");
    Path src = work.resolve(classPath + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = work.resolve("classes");
    String cp = repo.resolve("org/mcalign/probe/dep/1.0/dep-1.0.jar").toString();
    int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp", cp, src.toString());
    assertEquals(0, rc, "compiling " + classPath);
    Path dir = Files.createDirectories(repo.resolve("org/mcalign/probe").resolve(artifact).resolve("1.0"));
    try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(dir.resolve(artifact + "-1.0.jar")))) {
      jar.putNextEntry(new java.util.jar.JarEntry(classPath + ".class"));
      jar.write(Files.readAllBytes(classes.resolve(classPath + ".class")));
      jar.closeEntry();
    }
    Files.writeString(dir.resolve(artifact + "-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>org.mcalign.probe</groupId>"
        + "<artifactId>" + artifact + "</artifactId><version>1.0</version>" + pomDependencies + "</project>");
  }

  @AfterAll
  static void stop() throws Exception {
    eval.close();
    try (var files = Files.walk(probeRepository)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @BeforeEach
  void attach() {
    rec = new Recorder();
    Notebook.setOutput(rec);
  }

  @AfterEach
  void detach() {
    Console.flush();
    Notebook.setOutput(null);
  }

  private CellEvaluator.Outcome run(String code) {
    CellEvaluator.Outcome o = eval.eval(code, ++count);
    Console.flush();
    return o;
  }

  @Test
  void multiStatementCellShowsItsTrailingExpression() {
    CellEvaluator.Outcome o = run("int a = 20;\nint b = 22;\nString s = \"x\" + a;\na + b");
    assertTrue(o.hasValue());
    assertEquals(42, o.value());
    // state persists into the next cell
    assertEquals("x20", run("s").value());
  }

  @Test
  void aTrailingSemicolonHidesTheValue() {
    assertFalse(run("List<Integer> xs = new ArrayList<>(); xs.add(3);").hasValue());
    assertFalse(run("xs.size(); // a comment").hasValue());
    assertEquals(1, run("xs.size() // a comment").value());
    assertFalse(run("System.out.println(\"void\")").hasValue());
  }

  @Test
  void defaultImportsAndDeclarationsWork() {
    Object v = run("Table t = Table.create(\"t\", DoubleColumn.create(\"x\", 1, 2, 3));\n"
        + "record Pair(String a, int b) {}\n"
        + "int twice(int x) { return 2 * x; }\n"
        + "t.rowCount() + twice(new Pair(\"p\", 5).b())").value();
    assertEquals(13, v);
    assertInstanceOf(Table.class, run("t").value());
  }

  @Test
  void projectPackagesAndKernelTypesAreImported() {
    assertTrue(eval.imports().contains("org.mcalign.data.*"), eval.imports().toString());
    assertFalse(eval.imports().contains("org.mcalign.cli.*"));
    assertTrue(eval.imports().contains("org.mcalign.notebook.Progress"), "by name, so it wins over other Progress types");
    assertEquals("org.mcalign.data.Paper", run("Paper.class.getName()").value());
    assertEquals("org.mcalign.notebook.Progress", run("Progress.class.getName()").value());
  }

  @Test
  void compileErrorNamesTheOffendingLine() {
    CellError e = assertThrows(CellError.class, () -> run("int ok = 1;\n\nint bad = \"text\";\nint after = 2;"));
    assertEquals("CompilationError", e.ename());
    assertTrue(e.evalue().contains("line 3"), e.evalue());
    String tb = String.join("\n", e.traceback());
    assertTrue(tb.contains("int bad = \"text\";"), tb);
    assertTrue(tb.contains("incompatible types"), tb);
    // the caret sits under the string literal (column 10 of the line)
    String caretLine = e.traceback().get(2);
    assertEquals(4 + 10, caretLine.indexOf('^'), tb);
    // the statement before the error ran, the one after did not
    assertEquals(1, run("ok").value());
    assertThrows(CellError.class, () -> run("after"));
  }

  @Test
  void runtimeExceptionShowsTypeMessageAndCellFrames() {
    CellError e = assertThrows(CellError.class, () -> run(
        "int divide(int a, int b) {\n  return a / b;\n}\n\nint z = 0;\ndivide(10, z)"));
    int cell = count;
    assertEquals("java.lang.ArithmeticException", e.ename());
    assertEquals("/ by zero", e.evalue());
    List<String> tb = e.traceback();
    assertTrue(tb.get(1).contains("divide (cell [" + cell + "], line 2)"), String.join("\n", tb));
    assertTrue(tb.get(2).contains("<cell> (cell [" + cell + "], line 6)"), String.join("\n", tb));
    assertEquals(3, tb.size(), "no kernel frames below the cell: " + tb);
  }

  @Test
  void deepRecursionKeepsTheTracebackShort() {
    CellError e = assertThrows(CellError.class, () -> run("int down(int n) { return n == 0 ? 1 / n : down(n - 1); }\ndown(500)"));
    assertEquals("java.lang.ArithmeticException", e.ename());
    assertTrue(e.traceback().size() <= 42, "capped: " + e.traceback().size());
    assertTrue(e.traceback().stream().anyMatch(l -> l.contains("more frames")));
    assertTrue(e.traceback().get(e.traceback().size() - 1).contains("<cell> (cell ["), e.traceback().toString());
  }

  @Test
  void libraryFramesAndCausesAreKept() {
    CellError e = assertThrows(CellError.class, () -> run(
        "class Loader { void load() { try { Table.create(\"x\").column(\"nope\"); }"
            + " catch (RuntimeException ex) { throw new IllegalArgumentException(\"load failed\", ex); } } }\n"
            + "new Loader().load();"));
    String tb = String.join("\n", e.traceback());
    assertEquals("java.lang.IllegalArgumentException", e.ename());
    assertTrue(tb.contains("Loader.load (cell ["), tb);
    assertTrue(tb.contains("Caused by: java.lang.IllegalStateException: Column nope does not exist"), tb);
    assertTrue(tb.contains("tech.tablesaw"), tb);
    assertFalse(tb.contains("CellExecutionControl") || tb.contains("jdk.internal.reflect"), tb);
  }

  /** Each line reaches the notebook while the cell still runs: the cell goes on only once the test has seen it. */
  @Test
  void stdoutAndStderrReachTheCellWhileItRuns() throws Exception {
    java.util.concurrent.Semaphore seen = new java.util.concurrent.Semaphore(0);
    System.getProperties().put("mcalign.test.seen", seen); // a channel the cell (same JVM) can reach
    try {
      CompletableFuture<Throwable> running = inBackground(
          "var seen = (java.util.concurrent.Semaphore) System.getProperties().get(\"mcalign.test.seen\");\n"
              + "for (int i = 0; i < 3; i++) { System.out.println(\"line \" + i); seen.acquire(); }\n"
              + "System.err.print(\"warned\");");
      for (int i = 0; i < 3; i++) {
        rec.awaitOut("line " + i + "\n");
        seen.release();
      }
      assertEquals(null, running.get(GUARD.toSeconds(), TimeUnit.SECONDS));
    } finally {
      System.getProperties().remove("mcalign.test.seen");
    }
    assertEquals("line 0\nline 1\nline 2\n", rec.out.toString());
    assertEquals("warned", rec.err.toString());
    assertTrue(rec.streamMessages.size() >= 3, "streamed as it ran: " + rec.streamMessages);
  }

  /** Runs a cell on another thread; completes with what it threw (null if nothing). */
  private CompletableFuture<Throwable> inBackground(String code) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        run(code);
        return null;
      } catch (Throwable t) {
        return t;
      }
    });
  }

  @Test
  void displayAndUpdateDisplayFromACell() {
    Object id = run("String id = display(Table.create(\"shown\"));\n"
        + "updateDisplay(id, \"replaced\");\nid").value();
    assertEquals(1, rec.displays.size());
    assertTrue(rec.displays.get(0).get("text/html").contains("shown"));
    assertEquals(List.of(id), rec.displayIds);
    assertEquals(List.of(id), rec.updateIds);
  }

  @Test
  void printedAndDisplayedPathsAreScrubbed() {
    OutputScrubber before = Notebook.scrubber();
    Notebook.setScrubber(new OutputScrubber(java.util.Map.of("/srv/secret-project", ".")));
    try {
      run("System.out.println(\"read /srv/secret-project/data/x.csv\");\ndisplay(\"at /srv/secret-project\");");
      assertEquals("read ./data/x.csv\n", rec.out.toString());
      assertEquals("at .", rec.displays.get(0).get("text/plain"));
    } finally {
      Notebook.setScrubber(before);
    }
  }

  @Test
  void progressCountsStepsFromManyThreads() {
    Object done = run("var p = Progress.start(\"par\", 2000);\n"
        + "java.util.stream.IntStream.range(0, 2000).parallel().forEach(i -> p.step());\np.done();\np.completed()").value();
    assertEquals(2000L, done);
    assertEquals(1, rec.displays.size(), "one bar");
    assertTrue(rec.updateIds.stream().allMatch(rec.displayIds.get(0)::equals), "updated in place");
    assertFalse(rec.updateIds.isEmpty());
  }

  @Test
  void interruptStopsATightLoopAndKeepsState() throws Exception {
    run("int kept = 41;");
    CompletableFuture<Throwable> running = inBackground("long spins = 0;\nwhile (true) { if (spins++ == 0) System.out.println(\"spinning\"); }");
    rec.awaitOut("spinning"); // the loop runs: an interrupt before it (or between snippets) would never reach it
    eval.interrupt();
    Throwable t = running.get(GUARD.toSeconds(), TimeUnit.SECONDS);
    CellError e = assertInstanceOf(CellError.class, t);
    assertEquals("Interrupted", e.ename());
    assertEquals(42, run("kept + 1").value());
    assertTrue(((Long) run("spins").value()) > 0);
  }

  @Test
  void interruptEndsASleepingCell() throws Exception {
    CompletableFuture<Throwable> running = inBackground("{ System.out.println(\"sleeping\"); Thread.sleep(600_000); }"); // one snippet: the interrupt reaches the sleep
    rec.awaitOut("sleeping");
    eval.interrupt();
    CellError e = assertInstanceOf(CellError.class, running.get(GUARD.toSeconds(), TimeUnit.SECONDS));
    assertEquals("Interrupted", e.ename());
  }

  /** Interrupting a cell also interrupts the threads it started (here one waiting forever). */
  @Test
  void interruptReachesThreadsTheCellStarted() throws Exception {
    run("var ended = new java.util.concurrent.CountDownLatch(1);");
    CompletableFuture<Throwable> running = inBackground(
        "var worker = new Thread(() -> { System.out.println(\"waiting\"); try { new java.util.concurrent.CountDownLatch(1).await(); }"
            + " catch (InterruptedException e) { ended.countDown(); } });\n{ worker.start(); worker.join(); }");
    // the worker exists and the snippet that started it still runs (an interrupt before await leaves the flag set)
    rec.awaitOut("waiting");
    eval.interrupt();
    assertInstanceOf(CellError.class, running.get(GUARD.toSeconds(), TimeUnit.SECONDS));
    assertEquals(true, run("ended.await(" + GUARD.toSeconds() + ", java.util.concurrent.TimeUnit.SECONDS)").value(), "the worker saw the interrupt");
  }

  @Test
  void threadsLeftByACellDoNotBlockTheNext() throws Exception {
    run("var pool = java.util.concurrent.Executors.newFixedThreadPool(2);\npool.submit(() -> 1);");
    // the pool's threads never end: a cell that waited for them would never return
    CompletableFuture<Object> next = CompletableFuture.supplyAsync(() -> run("1 + 1").value());
    assertEquals(2, next.get(GUARD.toSeconds(), TimeUnit.SECONDS));
    run("pool.shutdownNow();");
  }

  @Test
  void completionOfStrOffersString() {
    Completion.Options o = Completion.complete(eval.analysis(), "int n = 1;\nStr", "int n = 1;\nStr".length());
    assertTrue(o.replacements().contains("String"), o.replacements().toString());
    assertEquals("int n = 1;\n".length(), o.start());
    Completion.Options m = Completion.complete(eval.analysis(), "\"abc\".toUpp", "\"abc\".toUpp".length());
    assertTrue(m.replacements().contains("toUpperCase("), m.replacements().toString());
  }

  @Test
  void isCompleteAnswersLikeJupyterExpects() {
    assertEquals("complete", Completion.isComplete(eval.analysis(), "int x = 1;\nx + 1"));
    assertEquals("    ", Completion.isComplete(eval.analysis(), "for (int i = 0; i < 3; i++) {"));
    assertEquals("invalid", Completion.isComplete(eval.analysis(), "int x = ;)"));
  }

  @Test
  void inspectGivesSignatures() {
    String doc = Completion.inspect(eval.analysis(), "Math.max(1, 2)", 6);
    assertTrue(doc != null && doc.contains("max("), String.valueOf(doc));
  }

  @Test
  void inspectOfABareMethodNameListsItsOverloads() {
    String code = "int m = Math.max";
    String doc = Completion.inspect(eval.analysis(), code, code.length());
    assertTrue(doc != null && doc.contains("int Math.max(int a, int b)") && doc.contains("double Math.max(double a, double b)"),
        String.valueOf(doc));
  }

  @Test
  void nullPointerMessagesNameTheCellsVariable() {
    CellError e = assertThrows(CellError.class, () -> run("String s = null;\ns.length()"));
    assertTrue(e.evalue().contains("\"s\" is null"), e.evalue());
    assertFalse(e.evalue().contains("$JShell"), e.evalue());
    assertFalse(String.join("\n", e.traceback()).contains("$JShell"), e.traceback().toString());
  }

  @Test
  void castFailuresNameTheCellsType() {
    CellError e = assertThrows(CellError.class, () -> run("record Point(int x) {}\nObject o = new Point(1);\nString t = (String) o;"));
    assertTrue(e.evalue().startsWith("class Point cannot be cast"), e.evalue());
  }

  @Test
  void cellTimeMagicPrintsWallTime() {
    run("%%time\nThread.sleep(50);");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Wall time: ([0-9.]+) (ms|s)\n").matcher(rec.out.toString());
    assertTrue(m.matches(), rec.out.toString());
    double ms = Double.parseDouble(m.group(1)) * (m.group(2).equals("s") ? 1000 : 1);
    assertTrue(ms >= 50, "at least the 50 ms the cell slept: " + rec.out); // no upper bound: the machine may be loaded
  }

  @Test
  void classpathMagicAddsClassFolders(@TempDir Path dir) throws Exception {
    // compile a tiny class outside the kernel and load it through %classpath
    Path src = dir.resolve("src/demo/Hello.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, "package demo; public class Hello { public static String hi() { return \"hello from outside\"; } }");
    Path classes = dir.resolve("classes");
    int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
    assertEquals(0, rc);
    assertEquals("hello from outside", run("%classpath " + classes + "\ndemo.Hello.hi()").value());
  }

  @Test
  void unknownMagicsAndMissingJarsAreClearErrors() {
    CellError e = assertThrows(CellError.class, () -> run("%nosuch x"));
    assertTrue(e.evalue().contains("unknown line magic %nosuch"), e.evalue());
    CellError j = assertThrows(CellError.class, () -> run("%jars /no/such/dir/*.jar"));
    assertTrue(j.evalue().contains("nothing matches"), j.evalue());
  }

  @Test
  void mavenMagicLoadsAnArtifactAndItsDependenciesFromTheLocalRepository() {
    assertEquals("resolved from %maven", run("%maven org.mcalign.probe:probe:1.0\nprobe.Probe.hi()").value());
    CellError e = assertThrows(CellError.class, () -> run("%maven org.mcalign.probe:absent:1.0"));
    assertTrue(e.evalue().contains("no POM absent-1.0.pom in the local repository"), e.evalue());
  }

  @Test
  void splitKeepsCellPositions() {
    String code = "int a = 1;\n\n  // note\nint b = 2; a +\n b";
    List<CellEvaluator.Piece> pieces = eval.split(code);
    assertEquals(3, pieces.size());
    // a comment before a statement belongs to it (JShell numbers the snippet's lines from there)
    assertEquals(code.indexOf("// note"), pieces.get(1).start());
    assertEquals(code.indexOf("a +"), pieces.get(2).start());
  }

  @Test
  void semicolonDetectionIgnoresCommentsAndStrings() {
    assertTrue(CellEvaluator.endsWithSemicolon("x; // y"));
    assertTrue(CellEvaluator.endsWithSemicolon("x; /* y; */"));
    assertFalse(CellEvaluator.endsWithSemicolon("f(\";\") // ;"));
    assertFalse(CellEvaluator.endsWithSemicolon("\"\"\"\n;\n\"\"\""));
  }
}
