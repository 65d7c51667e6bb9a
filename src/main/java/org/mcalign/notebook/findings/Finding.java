package org.mcalign.notebook.findings;

import org.mcalign.notebook.Renderers;
import tech.tablesaw.api.Table;

/**
 * A table of the facts a notebook states and the sentences that state them: shown as the
 * table, then the sentences as Markdown below it (the kernel shows a {@link #caption()} after
 * its value), so every number of the text is in the output above it.
 */
public record Finding(Table facts, String text) {
  /** The facts table as HTML (the kernel's {@code toHtml} convention). */
  public String toHtml() {
    return Renderers.render(facts).get("text/html");
  }

  /** The facts table as plain text. */
  public String summary() {
    return Renderers.render(facts).get("text/plain");
  }

  /** The sentences, shown as Markdown below the table. */
  public String caption() {
    return text;
  }

  @Override
  public String toString() {
    return summary() + "\n\n" + text;
  }
}
