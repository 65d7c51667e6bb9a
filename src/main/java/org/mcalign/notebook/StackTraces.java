package org.mcalign.notebook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cell's exception as Jupyter error lines: type, message, and the frames that matter to
 * the notebook's author (the cells' own code, named by cell and line, and the library code
 * it called), without the kernel's machinery below the cell. Cell frames come from JShell's
 * translation of the stack (snippet "#id" and the line in that snippet), which is mapped to
 * the cell's execution count and line.
 */
final class StackTraces {
  private static final String REPL = "REPL.";
  private static final int MAX_LIBRARY_FRAMES = 12;
  private static final int MAX_CAUSES = 5;
  private static final int MAX_FRAME_LINES = 40;

  private StackTraces() {}

  static CellError toCellError(Throwable t, Map<String, CellEvaluator.Origin> origins) {
    return toCellError(t, null, origins);
  }

  /**
   * @param translated JShell's translation of {@code t}'s stack (same order, cut after the last
   *     cell frame), or null when there is none
   */
  static CellError toCellError(Throwable t, StackTraceElement[] translated, Map<String, CellEvaluator.Origin> origins) {
    Map<String, StackTraceElement> byRaw = new HashMap<>();
    StackTraceElement[] raw = t.getStackTrace();
    if (translated != null) {
      for (int i = 0; i < Math.min(raw.length, translated.length); i++) byRaw.put(raw[i].toString(), translated[i]);
    }
    List<String> tb = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable cur = t;
    int depth = 0;
    while (cur != null && seen.add(cur) && depth <= MAX_CAUSES) {
      String msg = cur.getMessage() == null ? "" : ": " + JShellNames.toUser(cur.getMessage());
      tb.add(depth == 0 ? CellEvaluator.ansiRed(typeName(cur)) + msg : "Caused by: " + typeName(cur) + msg);
      StackTraceElement[] frames = cur.getStackTrace();
      List<StackTraceElement> mapped = new ArrayList<>(frames.length);
      for (StackTraceElement f : frames) mapped.add(byRaw.getOrDefault(f.toString(), f));
      List<String> lines = new ArrayList<>();
      frames(mapped, origins, lines);
      tb.addAll(capLines(lines, 0));
      cur = cur.getCause();
      depth++;
    }
    String msg = t.getMessage();
    return new CellError(typeName(t), msg == null ? "" : JShellNames.toUser(msg), tb);
  }

  private static boolean isCellFrame(StackTraceElement f) {
    return f.getClassName().startsWith(REPL) || (f.getFileName() != null && f.getFileName().startsWith("#"));
  }

  private static void frames(List<StackTraceElement> st, Map<String, CellEvaluator.Origin> origins, List<String> tb) {
    int lastUser = -1;
    for (int i = 0; i < st.size(); i++) if (isCellFrame(st.get(i))) lastUser = i;
    int end = lastUser >= 0 ? lastUser + 1 : st.size();
    int library = 0;
    int elided = 0;
    for (int i = 0; i < end; i++) {
      StackTraceElement f = st.get(i);
      if (isCellFrame(f)) {
        if (elided > 0) {
          tb.add("\t... " + elided + " more frames");
          elided = 0;
        }
        tb.add("\tat " + cellFrame(f, origins));
      } else if (isInternal(f)) {
        continue;
      } else if (library >= MAX_LIBRARY_FRAMES) {
        elided++;
      } else {
        tb.add("\tat " + f);
        library++;
      }
    }
    if (elided > 0) tb.add("\t... " + elided + " more frames");
  }

  /** Deep recursion gives a thousand identical lines: keep the first and last ones. */
  private static List<String> capLines(List<String> lines, int from) {
    int n = lines.size() - from;
    if (n <= MAX_FRAME_LINES) return lines;
    List<String> out = new ArrayList<>(lines.subList(0, from + MAX_FRAME_LINES - 10));
    out.add("\t... " + (n - MAX_FRAME_LINES + 1) + " more frames ...");
    out.addAll(lines.subList(lines.size() - 9, lines.size()));
    return out;
  }

  private static boolean isInternal(StackTraceElement f) {
    String c = f.getClassName();
    return c.startsWith("jdk.internal.reflect.") || c.startsWith("sun.reflect.")
        || c.equals("java.lang.reflect.Method") || c.startsWith("org.mcalign.notebook.CellExecutionControl")
        || c.startsWith("jdk.jshell.");
  }

  private static String cellFrame(StackTraceElement f, Map<String, CellEvaluator.Origin> origins) {
    String cls = f.getClassName();
    String type;
    if (cls.startsWith(REPL)) {
      int wrapperEnd = cls.indexOf('$', cls.indexOf("$JShell$") + 8);
      type = wrapperEnd > 0 ? cls.substring(wrapperEnd + 1) : "";
    } else {
      type = cls;
    }
    String method = f.getMethodName();
    if (method.isEmpty() || method.equals("do_it$")) method = "";
    else if (method.startsWith("lambda$")) method = "<lambda>";
    String where = type.isEmpty() ? (method.isEmpty() ? "<cell>" : method)
        : type.replace('$', '.') + (method.isEmpty() ? "" : "." + method);
    String file = f.getFileName();
    CellEvaluator.Origin o = file != null && file.startsWith("#") ? origins.get(file.substring(1)) : null;
    if (o == null) return where + " (cell code)";
    int line = o.firstLine() + Math.max(1, f.getLineNumber()) - 1;
    return where + " (cell [" + o.cell() + "], line " + line + ")";
  }

  /** A class's name as the user wrote it: cell-declared classes lose JShell's wrapper prefix. */
  static String typeName(Throwable t) {
    String n = t.getClass().getName();
    if (n.startsWith(REPL)) {
      int i = n.indexOf('$', n.indexOf("$JShell$") + 8);
      if (i > 0) return n.substring(i + 1).replace('$', '.');
    }
    return n;
  }
}
