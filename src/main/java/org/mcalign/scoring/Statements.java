package org.mcalign.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of a response, in order, for people to label one by one: the items of a
 * numbered list ("1. …", "2) …", as the paper's prompts ask for), else the paragraphs (the
 * paper's {@code get_example.py} splits on blank lines), else the whole text. The classifier
 * labels statements in the same order, so statement k is compared with the classifier's k-th label.
 */
public final class Statements {
  private Statements() {}

  private static final Pattern NUMBERED = Pattern.compile("(?m)^\\s*(?:\\*\\*)?\\d{1,2}[.)](?:\\*\\*)?\\s+");

  public static List<String> split(String response) {
    List<String> out = new ArrayList<>();
    if (response == null || response.isBlank()) return out;
    Matcher m = NUMBERED.matcher(response);
    List<Integer> starts = new ArrayList<>(), bodies = new ArrayList<>();
    while (m.find()) {
      starts.add(m.start());
      bodies.add(m.end());
    }
    if (starts.size() >= 2) {
      for (int i = 0; i < starts.size(); i++) {
        String s = response.substring(bodies.get(i), i + 1 < starts.size() ? starts.get(i + 1) : response.length()).strip();
        if (!s.isEmpty()) out.add(s);
      }
      return out;
    }
    for (String p : response.split("\\n\\s*\\n")) if (!p.isBlank()) out.add(p.strip());
    return out;
  }
}
