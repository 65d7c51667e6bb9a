package org.mcalign.llm;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Calls progress listeners (and prints to stderr) at a fixed interval while a run lasts. */
final class ProgressReporter implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private final Supplier<Progress> snapshot;
  private final Consumer<Progress> listener;
  private final PrintStream err;

  ProgressReporter(Supplier<Progress> snapshot, Consumer<Progress> listener, PrintStream err, Duration interval) {
    this.snapshot = snapshot;
    this.listener = listener;
    this.err = err;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "llm-progress");
      t.setDaemon(true);
      return t;
    });
    long ms = Math.max(10, interval.toMillis());
    timer.scheduleAtFixedRate(this::tick, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      report(snapshot.get(), listener, err);
    } catch (RuntimeException e) {
      if (err != null) err.println("progress listener failed: " + e);
    }
  }

  /** Hands one snapshot to the listener and prints it, each when present. */
  static void report(Progress p, Consumer<Progress> listener, PrintStream err) {
    if (listener != null) listener.accept(p);
    if (err != null) err.println(p);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    tick();
  }
}
