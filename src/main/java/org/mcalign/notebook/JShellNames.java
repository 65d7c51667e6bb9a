package org.mcalign.notebook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JShell's synthetic names mapped back to what the cell's author wrote. JShell compiles every
 * snippet into a wrapper class {@code REPL.$JShell$31} (a redefinition gets a letter:
 * {@code $JShell$31B}): a cell's variable {@code o} is the field {@code REPL.$JShell$31.o}, a
 * cell's class {@code Point} is {@code REPL.$JShell$12$Point}. The JVM's helpful
 * NullPointerException messages, {@code ClassCastException}s and default {@code toString}s
 * spell those names; this turns them into {@code o} and {@code Point}.
 */
final class JShellNames {
  private JShellNames() {}

  private static final String WRAPPER = "(?:REPL\\.)?\\$JShell\\$\\d+[A-Z]*";

  /** A type declared in a cell: wrapper, '$', then the type's (possibly nested) name. */
  private static final Pattern TYPE = Pattern.compile(WRAPPER + "\\$([A-Za-z_][\\w$]*)");

  /** A member of a wrapper: its variable or method, reached through the wrapper's name. */
  private static final Pattern MEMBER = Pattern.compile(WRAPPER + "\\.");

  /** A wrapper on its own (e.g. "in class REPL.$JShell$31"). */
  private static final Pattern ALONE = Pattern.compile(WRAPPER);

  /** {@code text} with every synthetic name replaced; text without one is returned as is. */
  static String toUser(String text) {
    if (text == null || !text.contains("$JShell$")) return text;
    Matcher t = TYPE.matcher(text);
    StringBuilder sb = new StringBuilder(text.length());
    while (t.find()) t.appendReplacement(sb, Matcher.quoteReplacement(t.group(1).replace('$', '.')));
    t.appendTail(sb);
    String out = MEMBER.matcher(sb).replaceAll("");
    return ALONE.matcher(out).replaceAll("the cell");
  }
}
