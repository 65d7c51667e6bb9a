package org.mcalign.notebook;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar that updates in place below the cell (through {@link Notebook#updateDisplay})
 * and is safe to advance from many threads, e.g. a parallel bootstrap:
 * <pre>{@code
 * var p = Progress.start("bootstrap", 1000);
 * analysis.run(settings, p::step);   // any callback the library offers
 * p.done();
 * }</pre>
 * Outside a kernel it prints a line to stderr at most every few seconds.
 */
public final class Progress {
  private static final long MIN_UPDATE_NANOS = 150_000_000L;
  private static final long MIN_PRINT_NANOS = 5_000_000_000L;

  private final String label;
  private final long total;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong lastShown = new AtomicLong();
  private final long startNanos = System.nanoTime();
  private volatile String displayId;
  private volatile boolean finished;
  private volatile long endNanos;
  private volatile String detail = ""; // a request run's failed, retries, rate and ETA, shown beside the bar

  private Progress(String label, long total) {
    if (total < 0) throw new IllegalArgumentException("progress total must be >= 0, got " + total);
    this.label = label == null ? "" : label;
    this.total = total;
  }

  /** Creates a bar for {@code total} steps and shows it. */
  public static Progress start(String label, long total) {
    Progress p = new Progress(label, total);
    if (Notebook.inKernel()) p.displayId = Notebook.display(p);
    return p;
  }

  /** One step done. */
  public void step() {
    advance(1);
  }

  /** {@code n} steps done. */
  public void advance(long n) {
    done.addAndGet(n);
    refresh(false);
  }

  /** Sets the number of steps done. */
  public void set(long value) {
    done.set(value);
    refresh(false);
  }

  /**
   * Shows a request run's progress ({@code respond}'s and {@code collect}'s fields): its answers as the
   * bar's steps, and beside the bar how many failed, the retries, the rate and the ETA, e.g.
   * {@code stage.run(endpoint, 64, bar::update)}.
   */
  public void update(org.mcalign.llm.Progress p) {
    detail = String.format(Locale.ROOT, "%,d failed, %,d retries, %.1f req/s, ETA %s", p.failed(), p.retries(), p.rate(),
        p.eta().map(org.mcalign.llm.Progress::clock).orElse("?"));
    done.set(p.done());
    refresh(false);
  }

  /** Marks the work finished and shows the final state. */
  public void done() {
    finished = true;
    endNanos = System.nanoTime();
    refresh(true);
  }

  public long completed() {
    return done.get();
  }

  public long total() {
    return total;
  }

  private void refresh(boolean force) {
    long now = System.nanoTime();
    long last = lastShown.get();
    String id = displayId;
    long gap = id != null ? MIN_UPDATE_NANOS : MIN_PRINT_NANOS;
    if (!force && now - last < gap) return;
    if (!lastShown.compareAndSet(last, now) && !force) return;
    if (id != null && Notebook.inKernel()) {
      Notebook.updateDisplay(id, this);
    } else if (force || id == null) {
      System.err.println(this);
    }
  }

  private double fraction() {
    if (total == 0) return finished ? 1 : 0;
    return Math.min(1.0, done.get() / (double) total);
  }

  private double elapsedSeconds() {
    long end = finished ? endNanos : System.nanoTime();
    return (end - startNanos) / 1e9;
  }

  public String toHtml() {
    double f = fraction();
    String colour = finished ? "#2e7d32" : "#1f77b4";
    return String.format(Locale.ROOT,
        "<div style=\"font-family:monospace;font-size:12px\">%s "
            + "<span style=\"display:inline-block;width:240px;height:10px;background:#e6e6e6;border-radius:3px;vertical-align:middle\">"
            + "<span style=\"display:block;width:%.1f%%;height:100%%;background:%s;border-radius:3px\"></span></span>"
            + " %3.0f%% %,d/%,d (%.1f s)%s%s</div>",
        HtmlTables.escape(label), f * 100, colour, f * 100, done.get(), total, elapsedSeconds(),
        detail.isEmpty() ? "" : " · " + HtmlTables.escape(detail), finished ? " done" : "");
  }

  @Override
  public String toString() {
    double f = fraction();
    int width = 30;
    int filled = (int) Math.round(f * width);
    return String.format(Locale.ROOT, "%s [%s%s] %3.0f%% %,d/%,d (%.1f s)%s%s", label,
        "#".repeat(filled), " ".repeat(width - filled), f * 100, done.get(), total, elapsedSeconds(),
        detail.isEmpty() ? "" : ", " + detail, finished ? " done" : "");
  }
}
