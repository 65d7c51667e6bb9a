package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A string dictionary: each distinct string gets a dense int code in order of first sight. */
final class Codes {
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> names = new ArrayList<>();

  int code(String s) {
    Integer c = index.get(s);
    if (c != null) return c;
    int n = names.size();
    index.put(s, n);
    names.add(s);
    return n;
  }

  /** The code of {@code s}, or -1 if never seen. */
  int find(String s) {
    Integer c = index.get(s);
    return c == null ? -1 : c;
  }

  String name(int code) {
    return names.get(code);
  }

  int size() {
    return names.size();
  }
}
