package org.mcalign.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notebook output hygiene: replaces this machine's absolute paths (project root, the paper
 * data mirror in {@code $MCA_DATA}, the home folder) by portable spellings, masks the
 * values of secret-looking environment variables, and maps JShell's synthetic names back to
 * the cell's ({@link JShellNames}), in every text the kernel sends.
 */
final class OutputScrubber {
  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL).*", Pattern.CASE_INSENSITIVE);

  /** A path matches only as a whole path (not "/root" inside "/rootfs"). */
  private static final String PATH_END = "(?=[/\\\\\\s\"'<>:;,.)\\]`]|$)";

  private record Rule(String literal, Pattern pattern, String replacement) {}

  /** Longest literal first so that nested paths match their own rule. */
  private final List<Rule> rules;

  /** {@code replacements}: literal → replacement; keys starting with '/' are paths. */
  OutputScrubber(Map<String, String> replacements) {
    List<Rule> list = new ArrayList<>();
    replacements.forEach((k, v) -> {
      if (k == null || k.length() < 4) return;
      String regex = Pattern.quote(k) + (k.startsWith("/") || k.startsWith("file:") ? PATH_END : "");
      list.add(new Rule(k, Pattern.compile(regex), Matcher.quoteReplacement(v)));
    });
    list.sort(Comparator.comparingInt((Rule r) -> r.literal().length()).reversed());
    this.rules = List.copyOf(list);
  }

  /** The rules for this process: project root, data mirror, home, and secret values. */
  static OutputScrubber forThisMachine(Path projectRoot) {
    Map<String, String> r = new LinkedHashMap<>();
    Map<String, String> env = System.getenv();
    env.forEach((name, value) -> {
      if (SECRET_NAME.matcher(name).matches() && value != null && value.length() >= 8) {
        r.put(value, "***");
      }
    });
    if (projectRoot != null) secretsOfDotEnv(projectRoot.resolve(".env"), r);
    String data = env.get("MCA_DATA");
    if (data != null && !data.isBlank()) addPath(r, Path.of(data), "$MCA_DATA");
    if (projectRoot != null) addPath(r, projectRoot, ".");
    String home = System.getProperty("user.home");
    if (home != null && home.length() > 1) addPath(r, Path.of(home), "~");
    return new OutputScrubber(r);
  }

  /** Secret-looking values of the project's {@code .env} (read only to mask them). */
  static void secretsOfDotEnv(Path file, Map<String, String> r) {
    if (!Files.isRegularFile(file)) return;
    try {
      for (String line : Files.readAllLines(file)) {
        String t = line.strip();
        if (t.startsWith("export ")) t = t.substring(7).strip();
        int eq = t.indexOf('=');
        if (t.startsWith("#") || eq <= 0) continue;
        String name = t.substring(0, eq).strip();
        String value = t.substring(eq + 1).strip();
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        if (SECRET_NAME.matcher(name).matches() && value.length() >= 8) r.put(value, "***");
      }
    } catch (Exception e) {
      // an unreadable .env holds nothing to mask that the kernel could know of
    }
  }

  private static void addPath(Map<String, String> r, Path p, String replacement) {
    Path abs = p.toAbsolutePath().normalize();
    String s = abs.toString();
    if (s.equals("/") || s.length() < 4) return;
    r.putIfAbsent(s, replacement);
    try {
      String real = abs.toRealPath().toString();
      r.putIfAbsent(real, replacement);
    } catch (Exception ignored) {
      // a path that does not exist has no other spelling
    }
    // file URIs (file:/x/y and file:///x/y) appear in class loader and XML messages
    r.putIfAbsent("file://" + s, replacement);
    r.putIfAbsent("file:" + s, replacement);
  }

  /** Inline images (data URIs) are left alone: base64 text may spell "/root" by chance. */
  private static final Pattern DATA_URI = Pattern.compile("data:[\\w.+-]+/[\\w.+-]+;base64,[A-Za-z0-9+/=]+");

  String scrub(String text) {
    text = JShellNames.toUser(text);
    if (text == null || text.isEmpty() || rules.isEmpty()) return text;
    if (!text.contains(";base64,")) return scrubPlain(text);
    StringBuilder sb = new StringBuilder(text.length());
    Matcher m = DATA_URI.matcher(text);
    int last = 0;
    while (m.find()) {
      sb.append(scrubPlain(text.substring(last, m.start()))).append(m.group());
      last = m.end();
    }
    return sb.append(scrubPlain(text.substring(last))).toString();
  }

  private String scrubPlain(String text) {
    String out = text;
    for (Rule rule : rules) {
      if (out.contains(rule.literal())) out = rule.pattern().matcher(out).replaceAll(rule.replacement());
    }
    return out;
  }

  /** The project root: the folder holding {@code target/mcalign.jar}, else the nearest folder up with a pom.xml. */
  static Path findProjectRoot(Path jarOrClasses, Path workingDir) {
    if (jarOrClasses != null) {
      Path p = jarOrClasses.toAbsolutePath().normalize();
      Path parent = p.getParent();
      if (parent != null && parent.getFileName() != null
          && parent.getFileName().toString().toLowerCase(Locale.ROOT).equals("target")
          && parent.getParent() != null) {
        return parent.getParent();
      }
    }
    for (Path d = workingDir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("pom.xml"))) return d;
    }
    return null;
  }
}
