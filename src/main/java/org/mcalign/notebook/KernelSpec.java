package org.mcalign.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mcalign.data.AtomicFiles;

/**
 * Installs the Jupyter kernel spec {@value #NAME} ("Java (mcalign)") that starts this jar's
 * kernel: {@code kernel.json}, two logos and a versioned copy of the jar (so the kernel does
 * not depend on the clone it was installed from), in the kernels folder of the user
 * ({@code $JUPYTER_DATA_DIR/kernels}, else ~/.local/share/jupyter/kernels), of Jupyter's
 * Python environment ({@code --sys-prefix}), or of a given prefix.
 */
public final class KernelSpec {
  /** The kernel spec name notebooks refer to. */
  public static final String NAME = "java";
  public static final String DISPLAY_NAME = "Java (mcalign)";

  /** Where to install. */
  public enum Scope { USER, SYS_PREFIX, PREFIX }

  private KernelSpec() {}

  /** The JVM options the kernel runs with unless others are given. */
  public static List<String> defaultJvmOptions() {
    return List.of("-Djava.awt.headless=true", "-Dfile.encoding=UTF-8");
  }

  /** The kernels folder for a scope ({@code prefix} only for {@link Scope#PREFIX}). */
  public static Path kernelsDir(Scope scope, Path prefix) {
    return switch (scope) {
      case USER -> userDataDir().resolve("kernels");
      case SYS_PREFIX -> jupyterSysPrefix().resolve("share/jupyter/kernels");
      case PREFIX -> {
        if (prefix == null) throw new IllegalArgumentException("--prefix needs a folder");
        yield prefix.toAbsolutePath().normalize().resolve("share/jupyter/kernels");
      }
    };
  }

  /** Jupyter's user data folder: {@code $JUPYTER_DATA_DIR}, else the platform default. */
  static Path userDataDir() {
    String env = System.getenv("JUPYTER_DATA_DIR");
    if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath().normalize();
    Path home = Path.of(System.getProperty("user.home"));
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) return home.resolve("Library/Jupyter");
    if (os.contains("win")) {
      String appdata = System.getenv("APPDATA");
      return (appdata != null ? Path.of(appdata) : home).resolve("jupyter");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("jupyter");
  }

  /** The prefix of the Python that runs {@code jupyter} (conda or venv when active, else its sys.prefix). */
  static Path jupyterSysPrefix() {
    for (String var : List.of("CONDA_PREFIX", "VIRTUAL_ENV")) {
      String v = System.getenv(var);
      if (v != null && !v.isBlank()) return Path.of(v);
    }
    for (String python : List.of(pythonOfJupyter(), "python3")) {
      if (python == null) continue;
      try {
        Process p = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          out = r.readLine();
        }
        if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && out != null && !out.isBlank()) return Path.of(out.trim());
      } catch (IOException e) {
        // try the next interpreter
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("cannot find Jupyter's Python prefix: activate its environment, or use --user or --prefix");
  }

  /** The interpreter named on the shebang line of the {@code jupyter} command on PATH. */
  private static String pythonOfJupyter() {
    String path = System.getenv("PATH");
    if (path == null) return null;
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path j = Path.of(dir, "jupyter");
      if (Files.isRegularFile(j)) {
        try (BufferedReader r = Files.newBufferedReader(j, StandardCharsets.ISO_8859_1)) {
          String first = r.readLine();
          if (first != null && first.startsWith("#!")) {
            String[] parts = first.substring(2).trim().split("\\s+");
            return parts[0].endsWith("/env") && parts.length > 1 ? parts[1] : parts[0];
          }
        } catch (IOException ignored) {
          // not readable: keep looking
        }
      }
    }
    return null;
  }

  /** The kernel.json content for a kernel run from {@code jar} by {@code java}; {@code origin} is recorded in its metadata. */
  static Map<String, Object> kernelJson(Path java, Path jar, List<String> jvmOptions, Map<String, Object> origin) {
    List<String> argv = new ArrayList<>();
    argv.add(java.toString());
    argv.addAll(jvmOptions);
    argv.addAll(List.of("-jar", jar.toAbsolutePath().normalize().toString(), "kernel", "run", "{connection_file}"));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("argv", argv);
    spec.put("display_name", DISPLAY_NAME);
    spec.put("language", "java");
    spec.put("interrupt_mode", "message");
    spec.put("env", Map.of());
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("debugger", false);
    meta.put(METADATA_KEY, origin);
    spec.put("metadata", meta);
    return spec;
  }

  /** The kernel.json metadata entry that records where an installed kernel's jar came from. */
  static final String METADATA_KEY = "mcalign";

  /**
   * What an install did: the spec folder, the jar the kernel runs (a copy inside that folder),
   * and, when a spec of the same name was there before and came from somewhere else (another
   * clone's jar, or a different Java kernel), a sentence saying what was replaced (else null).
   */
  public record Installed(Path dir, Path jar, String replaced) {}

  /**
   * Writes the kernel spec folder {@code <kernelsDir>/java} and returns what was installed.
   * The jar is copied into that folder under a versioned name ({@code mcalign-VERSION-HASH.jar},
   * the hash of its content), so the kernel keeps working after {@code mvn clean}, a rebuild or
   * the deletion of the clone it came from; earlier copies are removed once the new spec is
   * written. An existing spec of that name is replaced, and {@link Installed#replaced} says so
   * when it was installed from elsewhere.
   */
  public static Installed install(Path kernelsDir, Path jar, List<String> jvmOptions) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no kernel jar at " + jar + " (build it with: mvn -DskipTests package)");
    }
    Path source = jar.toAbsolutePath().normalize();
    Path dir = kernelsDir.resolve(NAME);
    String replaced = describeReplaced(dir.resolve("kernel.json"), source);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String version = versionOf();
    String hash = sha256Prefix(source);
    Path copy = dir.resolve("mcalign-" + version + "-" + hash + ".jar");
    try {
      if (!Files.isRegularFile(copy) || Files.size(copy) != Files.size(source)) {
        AtomicFiles.write(copy, out -> Files.copy(source, out));
      }
      Map<String, Object> origin = new LinkedHashMap<>();
      origin.put("installed_from", source.toString());
      origin.put("version", version);
      origin.put("jar_sha256_prefix", hash);
      String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(kernelJson(java, copy, jvmOptions, origin));
      AtomicFiles.writeString(dir.resolve("kernel.json"), json + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the kernel spec in " + dir + ": " + e.getMessage(), e);
    }
    for (int size : new int[] {32, 64}) {
      byte[] png = Images.png(logo(size));
      AtomicFiles.write(dir.resolve("logo-" + size + "x" + size + ".png"), out -> out.write(png));
    }
    removeOtherCopies(dir, copy);
    return new Installed(dir, copy, replaced);
  }

  /**
   * A sentence about the spec at {@code kernelJson} when installing from {@code source} replaces
   * one from elsewhere; null when there is none, or it came from the same jar.
   */
  static String describeReplaced(Path kernelJson, Path source) {
    if (!Files.isRegularFile(kernelJson)) return null;
    JsonNode old;
    try {
      old = new ObjectMapper().readTree(kernelJson.toFile());
    } catch (IOException e) {
      return "replaced an unreadable kernel spec '" + NAME + "' (" + e.getMessage() + ")";
    }
    JsonNode origin = old.path("metadata").path(METADATA_KEY);
    if (origin.has("installed_from")) {
      String from = origin.get("installed_from").asText();
      if (from.equals(source.toString())) return null;
      return "replaced the kernel spec '" + NAME + "' installed from " + from
          + (origin.has("version") ? " (version " + origin.get("version").asText() + ")" : "");
    }
    List<String> argv = new ArrayList<>();
    old.path("argv").forEach(a -> argv.add(a.asText()));
    int j = argv.indexOf("-jar");
    boolean ours = j >= 0 && j + 2 < argv.size() && argv.get(j + 2).equals("kernel");
    if (ours) {
      String from = argv.get(j + 1);
      return from.equals(source.toString()) ? null : "replaced the kernel spec '" + NAME + "' that ran " + from;
    }
    return "replaced another kernel named '" + NAME + "' (\"" + old.path("display_name").asText("?") + "\", "
        + String.join(" ", argv) + "); reinstall that kernel under another name to keep both";
  }

  private static void removeOtherCopies(Path dir, Path keep) {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        if (!p.equals(keep) && n.startsWith("mcalign-") && n.endsWith(".jar")) {
          try {
            Files.delete(p);
          } catch (IOException e) {
            // still open by a running kernel on a system that forbids deleting it: left for the next install
          }
        }
      }
    } catch (IOException e) {
      // the new spec is written; an old copy left behind costs only disk space
    }
  }

  private static String versionOf() {
    String v = org.mcalign.data.Provenance.projectVersion();
    return v.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** The first 12 hex digits of the file's SHA-256: copies of different builds get different names. */
  static String sha256Prefix(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
      return HexFormat.of().formatHex(md.digest()).substring(0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the kernel jar " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /** Removes {@code <kernelsDir>/java}; returns false when there was none. */
  public static boolean uninstall(Path kernelsDir) {
    Path dir = kernelsDir.resolve(NAME);
    if (!Files.isDirectory(dir)) return false;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove " + dir + ": " + e.getMessage(), e);
    }
    return true;
  }

  /** The logo: a rounded square in the project's blue with "J" and a small bar chart. */
  static BufferedImage logo(int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      float s = size;
      g.setColor(new Color(0x1f, 0x4e, 0x79));
      g.fill(new RoundRectangle2D.Float(0, 0, s, s, s * 0.25f, s * 0.25f));
      g.setColor(new Color(0xf5, 0xa6, 0x23));
      float barW = s * 0.11f;
      float[] heights = {0.22f, 0.36f, 0.5f};
      for (int i = 0; i < heights.length; i++) {
        float h = s * heights[i];
        g.fill(new java.awt.geom.Rectangle2D.Float(s * 0.56f + i * (barW + s * 0.03f), s * 0.8f - h, barW, h));
      }
      g.setColor(Color.WHITE);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(s * 0.62f)));
      g.drawString("J", s * 0.14f, s * 0.72f);
      g.setStroke(new BasicStroke(Math.max(1f, s / 32f)));
      g.drawLine(Math.round(s * 0.52f), Math.round(s * 0.82f), Math.round(s * 0.9f), Math.round(s * 0.82f));
    } finally {
      g.dispose();
    }
    return img;
  }
}
