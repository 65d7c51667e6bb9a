package org.mcalign.notebook;

/** Where a running cell's output goes: the Jupyter iopub channel, or a recorder in tests. */
interface CellOutput {
  /** Text written to stdout ({@code err == false}) or stderr. */
  void stream(boolean err, String text);

  /** A new display (display_data) with the given display id. */
  void display(MimeBundle bundle, String displayId);

  /** Replaces the display with that id (update_display_data). */
  void updateDisplay(MimeBundle bundle, String displayId);
}
