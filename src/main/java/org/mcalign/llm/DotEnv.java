package org.mcalign.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} file: {@code NAME=value} lines, optional {@code export } prefix,
 * single or double quotes, {@code #} comments. Errors name the file and line but never echo
 * the line, which may hold a key.
 */
final class DotEnv {
  private DotEnv() {}

  static Map<String, String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    return parse(lines, file.toString());
  }

  static Map<String, String> parse(List<String> lines, String source) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (line.startsWith("export ")) line = line.substring(7).strip();
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new LlmException(source + ":" + (i + 1) + ": expected NAME=value (line not shown: it may hold a key)");
      }
      String name = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new LlmException(source + ":" + (i + 1) + ": invalid variable name before '='");
      }
      if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
        char q = value.charAt(0);
        int end = value.indexOf(q, 1);
        if (end < 0) throw new LlmException(source + ":" + (i + 1) + ": unterminated quote in value of " + name);
        value = value.substring(1, end);
      } else {
        int hash = value.indexOf(" #");
        if (hash >= 0) value = value.substring(0, hash).strip();
      }
      out.put(name, value);
    }
    return out;
  }
}
