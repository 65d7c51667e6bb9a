package org.mcalign.notebook;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Jupyter-style magics, each on a line of its own (IPython's syntax). Line magics run
 * before the cell's code:
 * <ul>
 *   <li>{@code %jars PATH_OR_GLOB...}: adds jars ({@code lib/*.jar});</li>
 *   <li>{@code %classpath PATH...}: adds jars or class folders;</li>
 *   <li>{@code %maven group:artifact:version...}: adds an artifact and its runtime
 *       dependencies from the local Maven repository (~/.m2);</li>
 * </ul>
 * and the cell magic {@code %%time} on the first line prints the cell's wall time.
 * Relative paths are relative to the kernel's working folder (the notebook's folder).
 */
final class Magics {
  private final CellEvaluator evaluator;
  private final MavenLocal maven = new MavenLocal(MavenLocal.defaultRepository());

  /** The code left for JShell (magic lines blanked, so line numbers stay) and the cell magic flags. */
  record Prepared(String code, boolean timed) {}

  Magics(CellEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  Prepared prepare(String cell) {
    String[] lines = cell.split("\n", -1);
    boolean timed = false;
    boolean firstCodeLine = true;
    List<String[]> lineMagics = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].strip();
      if (t.isEmpty()) continue;
      if (t.startsWith("%%")) {
        if (!firstCodeLine) throw error("a cell magic (" + t + ") must be the first line of the cell");
        String name = t.substring(2).split("\\s+", 2)[0];
        if (!name.equals("time")) throw error("unknown cell magic %%" + name + " (known: %%time)");
        timed = true;
        lines[i] = "";
      } else if (t.startsWith("%")) {
        String[] parts = t.substring(1).strip().split("\\s+");
        lineMagics.add(parts);
        lines[i] = "";
      }
      firstCodeLine = false;
    }
    for (String[] m : lineMagics) runLineMagic(m);
    return new Prepared(String.join("\n", lines), timed);
  }

  private void runLineMagic(String[] parts) {
    String name = parts[0];
    List<String> args = List.of(parts).subList(1, parts.length);
    switch (name) {
      case "jars" -> {
        if (args.isEmpty()) throw error("%jars needs at least one path or glob, e.g. %jars lib/*.jar");
        for (String a : args) {
          List<Path> found = glob(a);
          if (found.isEmpty()) throw error("%jars: nothing matches " + a);
          found.forEach(evaluator::addToClasspath);
        }
      }
      case "classpath" -> {
        if (args.isEmpty()) throw error("%classpath needs at least one jar or folder");
        for (String a : args) {
          Path p = Path.of(a);
          if (!Files.exists(p)) throw error("%classpath: no such file or folder: " + a);
          evaluator.addToClasspath(p);
        }
      }
      case "maven" -> {
        if (args.isEmpty()) throw error("%maven needs group:artifact:version coordinates");
        for (String a : args) {
          try {
            maven.resolve(a).forEach(evaluator::addToClasspath);
          } catch (MavenLocal.ResolutionException e) {
            throw error("%maven " + a + ": " + e.getMessage());
          }
        }
      }
      default -> throw error("unknown line magic %" + name + " (known: %jars, %classpath, %maven; cell magic %%time)");
    }
  }

  /** Files matching a path that may hold glob characters in its last parts. */
  static List<Path> glob(String pattern) {
    if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[") && !pattern.contains("{")) {
      Path p = Path.of(pattern);
      return Files.exists(p) ? List.of(p) : List.of();
    }
    String norm = pattern.replace('\\', '/');
    int firstGlob = indexOfGlob(norm);
    int slash = norm.lastIndexOf('/', firstGlob);
    Path base = slash < 0 ? Path.of(".") : Path.of(norm.substring(0, Math.max(1, slash)));
    String rel = slash < 0 ? norm : norm.substring(slash + 1);
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rel);
    if (!Files.isDirectory(base)) return List.of();
    try (Stream<Path> s = Files.walk(base, rel.contains("**") ? Integer.MAX_VALUE : rel.split("/").length)) {
      return s.filter(Files::isRegularFile).filter(p -> matcher.matches(base.relativize(p))).sorted().toList();
    } catch (IOException e) {
      throw error("cannot list " + base + ": " + e.getMessage());
    }
  }

  private static int indexOfGlob(String s) {
    for (int i = 0; i < s.length(); i++) if ("*?[{".indexOf(s.charAt(i)) >= 0) return i;
    return s.length();
  }

  static CellError error(String message) {
    return new CellError("MagicError", message, List.of(CellEvaluator.ansiRed("MagicError") + ": " + message));
  }
}
