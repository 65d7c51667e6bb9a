package org.mcalign.notebook;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What cells call to show things; statically imported into every cell, so a cell writes
 * {@code display(table)} or {@code var id = display(progress); ... updateDisplay(id, progress);}.
 * Outside a running kernel (tests, the command line) a display prints its text form.
 */
public final class Notebook {
  private static volatile CellOutput output;
  private static volatile OutputScrubber scrubber = new OutputScrubber(Map.of());

  private Notebook() {}

  /** Shows {@code value} below the cell (rendered by {@link Renderers}) and returns its display id. */
  public static String display(Object value) {
    String id = UUID.randomUUID().toString();
    show(value, id, false);
    return id;
  }

  /** Replaces what the display {@code displayId} shows with {@code value}. */
  public static void updateDisplay(String displayId, Object value) {
    if (displayId == null) throw new IllegalArgumentException("updateDisplay needs the id that display(...) returned");
    show(value, displayId, true);
  }

  /** A value that renders as the given HTML. */
  public static MimeBundle html(String html) {
    return new MimeBundle(Map.of("text/plain", "[HTML]", "text/html", html), Map.of());
  }

  /** A value that renders as the given HTML, with {@code text} for plain-text viewers. */
  public static MimeBundle html(String html, String text) {
    return new MimeBundle(Map.of("text/plain", text, "text/html", html), Map.of());
  }

  /** A value that renders as the given Markdown. */
  public static MimeBundle markdown(String markdown) {
    return new MimeBundle(Map.of("text/plain", markdown, "text/markdown", markdown), Map.of());
  }

  /** True while cells run in a Jupyter kernel (displays reach a notebook). */
  public static boolean inKernel() {
    return output != null;
  }

  private static void show(Object value, String id, boolean update) {
    CellOutput target = output;
    if (update) {
      MimeBundle bundle = Renderers.render(value).scrubbed(scrubber);
      if (target == null) return;
      Console.flush();
      target.updateDisplay(bundle, id);
      return;
    }
    // a value with a caption: the value under the id, then its caption
    List<MimeBundle> bundles = Renderers.renderAll(value);
    for (int i = 0; i < bundles.size(); i++) {
      MimeBundle bundle = bundles.get(i).scrubbed(scrubber);
      if (target == null) {
        System.out.println(bundle.get("text/plain"));
      } else {
        Console.flush();
        target.display(bundle, i == 0 ? id : UUID.randomUUID().toString());
      }
    }
  }

  static CellOutput output() {
    return output;
  }

  static void setOutput(CellOutput target) {
    output = target;
  }

  static OutputScrubber scrubber() {
    return scrubber;
  }

  static void setScrubber(OutputScrubber s) {
    scrubber = s;
  }
}
