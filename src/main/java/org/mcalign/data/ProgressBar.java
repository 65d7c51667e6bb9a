package org.mcalign.data;

import java.io.PrintStream;

/** A one-line text progress bar (bytes and files) redrawn in place on stderr. */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final String label;
  private final long totalBytes;
  private final int totalFiles;
  private long bytes;
  private int files;
  private long lastDraw;
  private int lastPermille = -1;

  ProgressBar(PrintStream out, String label, long totalBytes, int totalFiles) {
    this.out = out;
    this.label = label;
    this.totalBytes = Math.max(1, totalBytes);
    this.totalFiles = totalFiles;
    draw(true);
  }

  synchronized void add(long n) {
    bytes += n;
    draw(false);
  }

  synchronized void fileDone() {
    files++;
    draw(true);
  }

  synchronized void finish() {
    draw(true);
    if (out != null) {
      out.println();
      out.flush();
    }
  }

  /** The bar as text, e.g. {@code [#######-------]  52%  4.1/7.9 MB  12/47 files}. */
  synchronized String render() {
    double f = Math.min(1.0, bytes / (double) totalBytes);
    int filled = (int) Math.round(f * WIDTH);
    String amount = totalBytes >= 1_000_000
        ? String.format("%.1f/%.1f MB", bytes / 1e6, totalBytes / 1e6)
        : String.format("%.1f/%.1f kB", bytes / 1e3, totalBytes / 1e3);
    return String.format("%s [%s%s] %3d%%  %s  %d/%d files", label, "#".repeat(filled),
        "-".repeat(WIDTH - filled), (int) Math.floor(f * 100), amount, files, totalFiles);
  }

  private void draw(boolean force) {
    if (out == null) return;
    int permille = (int) (1000 * Math.min(1.0, bytes / (double) totalBytes));
    long now = System.nanoTime();
    if (!force && (permille == lastPermille || now - lastDraw < 100_000_000L)) return;
    lastPermille = permille;
    lastDraw = now;
    out.print("\r" + render());
    out.flush();
  }
}
