package org.mcalign.notebook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Jupyter's complete, inspect and is_complete requests answered by JShell's source
 * analysis, on the snippet of the cell that holds the cursor. Jupyter counts cursor
 * positions in Unicode code points; Java strings in UTF-16 units: the index helpers convert.
 */
final class Completion {
  private Completion() {}

  record Options(List<String> replacements, int start, int end) {}

  static Options complete(SourceCodeAnalysis analysis, String code, int cursor) {
    cursor = Math.max(0, Math.min(cursor, code.length()));
    int from = snippetStart(analysis, code, cursor);
    String snippet = code.substring(from, cursor);
    int[] anchor = new int[1];
    List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(snippet, snippet.length(), anchor);
    Set<String> matchingType = new LinkedHashSet<>();
    Set<String> others = new LinkedHashSet<>();
    for (SourceCodeAnalysis.Suggestion s : suggestions) {
      (s.matchesType() ? matchingType : others).add(s.continuation());
    }
    List<String> out = new ArrayList<>(matchingType);
    for (String o : others) if (!matchingType.contains(o)) out.add(o);
    return new Options(out, from + anchor[0], cursor);
  }

  /** Signatures (and Javadoc when the JDK has its sources) of what is at the cursor, or null. */
  static String inspect(SourceCodeAnalysis analysis, String code, int cursor) {
    cursor = Math.max(0, Math.min(cursor, code.length()));
    int from = snippetStart(analysis, code, cursor);
    // extend to the end of the identifier under the cursor, so "Stri|ng" documents String
    int end = cursor;
    while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) end++;
    String snippet = code.substring(from, end);
    List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, snippet.length(), true);
    if (docs.isEmpty() && end > from && Character.isJavaIdentifierPart(code.charAt(end - 1))) {
      // a bare method name ("Math.max", no parenthesis yet): JShell documents invocations, so
      // ask as if the call were opened, which lists every overload
      snippet = code.substring(from, end) + "(";
      docs = analysis.documentation(snippet, snippet.length(), true);
    }
    if (docs.isEmpty()) return null;
    StringBuilder sb = new StringBuilder();
    for (SourceCodeAnalysis.Documentation d : docs) {
      if (sb.length() > 0) sb.append("\n\n");
      sb.append(d.signature());
      String javadoc = d.javadoc();
      if (javadoc != null && !javadoc.isBlank()) sb.append("\n").append(javadoc.strip());
    }
    return sb.toString();
  }

  /** Start of the snippet that holds {@code cursor}: the end of the last complete snippet before it. */
  private static int snippetStart(SourceCodeAnalysis analysis, String code, int cursor) {
    String before = code.substring(0, cursor);
    int offset = 0;
    while (offset < before.length()) {
      String rest = before.substring(offset);
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      if (!info.completeness().isComplete() || info.remaining().isBlank()) break;
      int consumed = rest.length() - info.remaining().length();
      if (consumed <= 0) break;
      offset += consumed;
    }
    return offset;
  }

  /** Jupyter's answer: complete, invalid, unknown, or the indent for the next line. */
  static String isComplete(SourceCodeAnalysis analysis, String code) {
    String rest = code;
    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
    while (info.completeness().isComplete() && !info.remaining().isBlank()) {
      rest = info.remaining();
      info = analysis.analyzeCompletion(rest);
    }
    Completeness c = info.completeness();
    return switch (c) {
      case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> "complete";
      case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> indentFor(rest);
      case UNKNOWN -> "invalid";
    };
  }

  /** The last line's indentation, one level deeper when it opens a brace or parenthesis. */
  static String indentFor(String code) {
    String last = code.substring(code.lastIndexOf('\n') + 1);
    int i = 0;
    while (i < last.length() && (last.charAt(i) == ' ' || last.charAt(i) == '\t')) i++;
    String indent = last.substring(0, i);
    int open = 0;
    for (char ch : last.toCharArray()) {
      if (ch == '{' || ch == '(') open++;
      else if ((ch == '}' || ch == ')') && open > 0) open--;
    }
    return open > 0 ? indent + "    " : indent;
  }

  /** UTF-16 index of the {@code codePoints}-th code point. */
  static int charIndex(String s, int codePoints) {
    int cp = Math.max(0, Math.min(codePoints, s.codePointCount(0, s.length())));
    return s.offsetByCodePoints(0, cp);
  }

  /** Code point count before UTF-16 index {@code index}. */
  static int codePointIndex(String s, int index) {
    return s.codePointCount(0, Math.max(0, Math.min(index, s.length())));
  }
}
