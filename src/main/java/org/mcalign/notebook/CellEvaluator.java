package org.mcalign.notebook;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Evaluates cells with JShell in this JVM: splits a cell into snippets, evaluates them in
 * order, and returns the value of a trailing expression (one written without a closing
 * semicolon). Failures become {@link CellError}s that point at the cell's own lines.
 */
final class CellEvaluator implements AutoCloseable {
  /** Imports every cell starts with, besides the project's own packages. */
  static final List<String> BASE_IMPORTS = List.of(
      "java.util.*", "java.util.function.*", "java.util.stream.*", "java.io.*", "java.nio.file.*",
      "tech.tablesaw.api.*", "org.knowm.xchart.*", "org.knowm.xchart.style.*");

  /** The kernel's own types for cells, imported by name so that they win over same-named project types. */
  static final List<String> NOTEBOOK_TYPES = List.of(
      "org.mcalign.notebook.Progress", "org.mcalign.notebook.Renderers", "org.mcalign.notebook.Notebook",
      "org.mcalign.notebook.MimeBundle");

  private final JShell shell;
  private final SourceCodeAnalysis analysis;
  private final CellExecutionControl control;
  private final Map<String, Origin> origins = new ConcurrentHashMap<>();
  private final List<String> imports = new ArrayList<>();
  private final Magics magics;

  /** A trailing value to display, or none. */
  record Outcome(boolean hasValue, Object value) {
    static final Outcome NONE = new Outcome(false, null);
  }

  /** Where a snippet came from: the cell's execution count and the cell line of its first line. */
  record Origin(int cell, int firstLine) {}

  /** One snippet of a cell: JShell's source for it and where it starts in the cell. */
  record Piece(String source, int start, int lead, Completeness completeness) {}

  CellEvaluator() {
    CellLoader loader = new CellLoader(CellEvaluator.class.getClassLoader());
    this.control = new CellExecutionControl(loader);
    this.shell = JShell.builder()
        .executionEngine(control.provider(), Map.of())
        .compilerOptions("-parameters")
        .build();
    this.analysis = shell.sourceCodeAnalysis();
    String cp = System.getProperty("java.class.path", "");
    if (!cp.isBlank()) shell.addToClasspath(cp);
    Path own = ownLocation();
    if (own != null && !cp.contains(own.toString())) shell.addToClasspath(own.toString());
    this.magics = new Magics(this);
    List<String> wanted = new ArrayList<>(BASE_IMPORTS);
    for (String pkg : projectPackages(own)) wanted.add(pkg + ".*");
    // single-type imports win over on-demand ones: Progress is the notebook's, not llm's record
    wanted.addAll(NOTEBOOK_TYPES);
    for (String imp : wanted) {
      if (declare("import " + imp + ";")) imports.add(imp);
    }
    if (declare("import static org.mcalign.notebook.Notebook.*;")) imports.add("static org.mcalign.notebook.Notebook.*");
  }

  /** The imports in effect at the start of every session. */
  List<String> imports() {
    return List.copyOf(imports);
  }

  private boolean declare(String source) {
    List<SnippetEvent> events = shell.eval(source);
    return events.stream().allMatch(e -> e.status().isDefined() && e.exception() == null);
  }

  /** Adds jars or class folders to both the compiler and the cells' class loader. */
  void addToClasspath(Path path) {
    shell.addToClasspath(path.toAbsolutePath().normalize().toString());
  }

  /** Evaluates a cell numbered {@code count}; returns the trailing value, if any. */
  Outcome eval(String cell, int count) {
    control.resetStop();
    Magics.Prepared prepared = magics.prepare(cell);
    long t0 = System.nanoTime();
    try {
      return run(prepared.code(), count);
    } finally {
      if (prepared.timed()) {
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Wall time: %s%n", secs < 1 ? String.format("%.1f ms", secs * 1e3) : String.format("%.3f s", secs));
      }
    }
  }

  private Outcome run(String code, int count) {
    List<Piece> pieces = split(code);
    Outcome last = Outcome.NONE;
    for (int i = 0; i < pieces.size(); i++) {
      if (control.wasStopped()) throw interrupted();
      last = evalPiece(pieces.get(i), code, count, i == pieces.size() - 1);
    }
    return last;
  }

  List<Piece> split(String code) {
    List<Piece> out = new ArrayList<>();
    int offset = 0;
    while (offset < code.length()) {
      String rest = code.substring(offset);
      if (rest.isBlank()) break;
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      Completeness c = info.completeness();
      if (c == Completeness.EMPTY) break;
      if (!c.isComplete() || info.source() == null) {
        // unfinished or unparsable: JShell's compiler says what is wrong with it
        out.add(locate(code, offset, rest.length(), rest, c));
        break;
      }
      int consumed = rest.length() - info.remaining().length();
      if (consumed <= 0) {
        out.add(locate(code, offset, rest.length(), rest, c));
        break;
      }
      out.add(locate(code, offset, consumed, info.source(), c));
      offset += consumed;
    }
    return out;
  }

  /** Finds where JShell's {@code source} for the region [offset, offset+length) starts in the cell. */
  private static Piece locate(String code, int offset, int length, String source, Completeness c) {
    String core = source.strip();
    if (c == Completeness.COMPLETE_WITH_SEMI && core.endsWith(";")) core = core.substring(0, core.length() - 1);
    String probe = core.length() > 60 ? core.substring(0, 60) : core;
    int start = probe.isEmpty() ? -1 : code.indexOf(probe, offset);
    int lead = source.indexOf(probe);
    if (start < 0 || start > offset + length || lead < 0) {
      start = offset;
      while (start < offset + length && Character.isWhitespace(code.charAt(start))) start++;
      lead = 0;
      while (lead < source.length() && Character.isWhitespace(source.charAt(lead))) lead++;
    }
    // JShell numbers a snippet's lines from its first non-blank character: evaluate it from there
    return new Piece(source.substring(lead), start, 0, c);
  }

  private Outcome evalPiece(Piece piece, String code, int count, boolean last) {
    List<SnippetEvent> events = shell.eval(piece.source());
    Outcome outcome = Outcome.NONE;
    try {
      for (SnippetEvent e : events) {
        if (e.causeSnippet() != null) continue;
        Snippet s = e.snippet();
        origins.put(s.id(), new Origin(count, lineOf(code, piece.start()) - lineOf(piece.source(), piece.lead()) + 1));
        if (e.status() == Snippet.Status.REJECTED) throw compileError(s, piece, code);
        if (control.wasStopped()) throw interrupted();
        if (e.exception() != null) throw runtimeError(e.exception());
        if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
          noteUnresolved(s);
        }
        Object value = control.takeValue(e.value());
        if (last && !endsWithSemicolon(piece.source()) && isValueExpression(s)) {
          outcome = value == null ? Outcome.NONE : new Outcome(true, value);
        }
      }
      if (control.wasStopped()) throw interrupted();
    } finally {
      control.clearValues();
    }
    return outcome;
  }

  /** Whether the last code character (not in a comment) is ';': a trailing ';' hides the value. */
  static boolean endsWithSemicolon(String src) {
    char last = 0;
    int n = src.length();
    for (int i = 0; i < n; i++) {
      char c = src.charAt(i);
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        while (i < n && src.charAt(i) != '\n') i++;
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        int close = src.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 1;
      } else if (c == '"' || c == '\'') {
        boolean textBlock = c == '"' && src.startsWith("\"\"\"", i);
        if (textBlock) {
          int close = src.indexOf("\"\"\"", i + 3);
          i = close < 0 ? n : close + 2;
        } else {
          i++;
          while (i < n && src.charAt(i) != c && src.charAt(i) != '\n') {
            if (src.charAt(i) == '\\') i++;
            i++;
          }
        }
        last = c;
      } else if (!Character.isWhitespace(c)) {
        last = c;
      }
    }
    return last == ';';
  }

  private static boolean isValueExpression(Snippet s) {
    if (s instanceof ExpressionSnippet es) return !"void".equals(es.typeName());
    if (s instanceof VarSnippet vs) {
      return s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && !"void".equals(vs.typeName());
    }
    return false;
  }

  private void noteUnresolved(Snippet s) {
    if (s instanceof DeclarationSnippet d) {
      List<String> missing = shell.unresolvedDependencies(d).toList();
      if (!missing.isEmpty()) {
        System.err.println("note: " + d.name() + " can be used once " + String.join(", ", missing) + " is declared");
      }
    }
  }

  private CellError compileError(Snippet s, Piece piece, String code) {
    List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).toList();
    List<String> tb = new ArrayList<>();
    String first = null;
    int firstLine = -1;
    for (Diag d : diags) {
      int srcPos = (int) Math.max(piece.lead(), d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition());
      int srcEnd = (int) Math.max(srcPos, d.getEndPosition());
      int pos = Math.min(code.length(), piece.start() + (srcPos - piece.lead()));
      int end = Math.min(code.length(), piece.start() + (srcEnd - piece.lead()));
      int line = lineOf(code, pos);
      String message = cleanMessage(d.getMessage(null));
      if (first == null) {
        first = message.lines().findFirst().orElse(message);
        firstLine = line;
      }
      int lineStart = code.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
      if (pos > 0 && code.charAt(pos - 1) == '\n') lineStart = pos;
      int lineEnd = code.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = code.length();
      String text = code.substring(lineStart, lineEnd);
      int col = Math.max(0, pos - lineStart);
      int width = Math.max(1, Math.min(end, lineEnd) - pos);
      tb.add(ansiRed("Compile error") + " in line " + line + ":");
      tb.add("    " + text.stripTrailing());
      tb.add("    " + " ".repeat(Math.min(col, text.length())) + "^" + "~".repeat(width - 1));
      message.lines().forEach(tb::add);
    }
    if (first == null) {
      first = "the snippet was rejected";
      firstLine = lineOf(code, piece.start());
      tb.add(ansiRed("Compile error") + " in line " + firstLine + ": " + first);
    }
    return new CellError("CompilationError", first + " (line " + firstLine + ")", tb);
  }

  private static String cleanMessage(String message) {
    StringBuilder sb = new StringBuilder();
    for (String line : message.split("\n")) {
      if (line.contains("$JShell$")) continue;
      if (sb.length() > 0) sb.append('\n');
      sb.append(line);
    }
    return sb.toString();
  }

  private CellError runtimeError(JShellException e) {
    Throwable t = control.takeFailure();
    if (e instanceof UnresolvedReferenceException ure) {
      DeclarationSnippet d = ure.getSnippet();
      List<String> missing = shell.unresolvedDependencies(d).toList();
      String msg = d.name() + " cannot run until " + String.join(", ", missing) + " is declared";
      return new CellError("UnresolvedReference", msg, List.of(ansiRed("UnresolvedReference") + ": " + msg));
    }
    if (t == null) return StackTraces.toCellError(e, null, origins);
    return StackTraces.toCellError(t, e.getStackTrace(), origins);
  }

  private static CellError interrupted() {
    String msg = "the cell was interrupted; earlier declarations and values are kept";
    return new CellError("Interrupted", msg, List.of(ansiRed("Interrupted") + ": " + msg));
  }

  static String ansiRed(String s) {
    return "\u001b[1;31m" + s + "\u001b[0m";
  }

  static int lineOf(String text, int pos) {
    int line = 1;
    for (int i = 0; i < Math.min(pos, text.length()); i++) if (text.charAt(i) == '\n') line++;
    return line;
  }

  /** Stops the running cell (from another thread). */
  void interrupt() {
    shell.stop();
  }

  SourceCodeAnalysis analysis() {
    return analysis;
  }

  JShell shell() {
    return shell;
  }

  @Override
  public void close() {
    shell.close();
  }

  /** The jar or class folder holding this class. */
  static Path ownLocation() {
    try {
      var src = CellEvaluator.class.getProtectionDomain().getCodeSource();
      return src == null ? null : Path.of(src.getLocation().toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The project's packages found in its jar or class folder, except the command line and the
   * kernel itself (whose cell-facing types are imported by name).
   */
  static Set<String> projectPackages(Path location) {
    Set<String> pkgs = new TreeSet<>();
    if (location == null) return pkgs;
    try {
      if (Files.isDirectory(location)) {
        Path root = location.resolve("org/mcalign");
        if (Files.isDirectory(root)) {
          try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class"))
                .forEach(f -> pkgs.add(location.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.')));
          }
        }
      } else if (Files.isRegularFile(location)) {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
            String n = entry.getName();
            if (n.startsWith("org/mcalign/") && n.endsWith(".class")) {
              pkgs.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.'));
            }
          }
        }
      }
    } catch (IOException e) {
      // without the scan cells still have the base imports
    }
    pkgs.removeIf(p -> p.equals("org.mcalign.cli") || p.startsWith("org.mcalign.cli.") || p.equals("org.mcalign.notebook"));
    return pkgs;
  }
}
