package org.mcalign.notebook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs cell code in the kernel's JVM so that the values cells produce are real objects the
 * kernel can render. Each snippet runs on its own fresh thread (so threads and pools a cell
 * leaves behind never hold up the next cell, unlike JShell's LocalExecutionControl, which
 * joins every thread of its group); {@link #stop()} interrupts it and every thread it started
 * (they share the snippet's thread group), and if the snippet's own thread does not end
 * within a grace period (a loop that never checks), stops it with {@code Thread.stop}
 * (Java 17–19; from Java 20 only the interrupt remains).
 *
 * <p>{@link #invoke(Method)} returns a key instead of the value's string; the value itself
 * is taken with {@link #takeValue(String)}, and a failure's real {@link Throwable} with
 * {@link #takeFailure()}.
 */
final class CellExecutionControl extends DirectExecutionControl {
  private static final long STOP_GRACE_MILLIS = 400;
  private static final AtomicLong THREADS = new AtomicLong();

  private final CellLoader loader;
  private final Map<String, Object> values = new ConcurrentHashMap<>();
  private final AtomicLong keys = new AtomicLong();
  private volatile Thread running;
  // the threads of one cell (all its snippets, and what they start) share a group
  private volatile ThreadGroup cellGroup = newCellGroup();
  private volatile boolean stopRequested;
  private volatile Throwable failure;

  CellExecutionControl(CellLoader loader) {
    super(loader);
    this.loader = loader;
  }

  /** Plugs this very instance into {@code JShell.builder().executionEngine(...)}. */
  ExecutionControlProvider provider() {
    CellExecutionControl self = this;
    return new ExecutionControlProvider() {
      @Override
      public String name() {
        return "mcalign-local";
      }

      @Override
      public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return self;
      }
    };
  }

  ClassLoader classLoader() {
    return loader.classLoader();
  }

  @Override
  protected String invoke(Method doit) throws Exception {
    Object[] result = new Object[1];
    Throwable[] thrown = new Throwable[1];
    long n = THREADS.incrementAndGet();
    Thread t = new Thread(cellGroup, () -> {
      try {
        result[0] = doit.invoke(null);
      } catch (InvocationTargetException e) {
        thrown[0] = e.getCause();
      } catch (Throwable e) {
        thrown[0] = e;
      }
    }, "cell-" + n, 64L << 20);
    t.setDaemon(true);
    t.setContextClassLoader(loader.classLoader());
    if (stopRequested) throw new StoppedException();
    running = t;
    try {
      if (stopRequested) throw new StoppedException();
      t.start();
      t.join();
    } finally {
      running = null;
    }
    if (thrown[0] != null) {
      if (stopRequested || thrown[0] instanceof ThreadDeath) {
        throw new StoppedException();
      }
      failure = thrown[0];
      throw new InvocationTargetException(thrown[0]);
    }
    if (stopRequested) throw new StoppedException();
    String key = "#v" + keys.incrementAndGet();
    values.put(key, result[0] == null ? NULL : result[0]);
    return key;
  }

  private static final Object NULL = new Object();

  /** The value an invocation produced ({@code null} for void or null), removed from the store. */
  Object takeValue(String key) {
    if (key == null) return null;
    Object v = values.remove(key);
    return v == NULL ? null : v;
  }

  boolean hasValue(String key) {
    return key != null && values.containsKey(key);
  }

  /** Forgets values no one took (declarations whose values are not displayed). */
  void clearValues() {
    values.clear();
  }

  /** The real exception of the last failed invocation, then forgets it. */
  Throwable takeFailure() {
    Throwable f = failure;
    failure = null;
    return f;
  }

  boolean wasStopped() {
    return stopRequested;
  }

  /** A new cell starts: an earlier stop request no longer applies, and its threads get a new group. */
  void resetStop() {
    stopRequested = false;
    cellGroup = newCellGroup();
  }

  // not a daemon group: a pool made by a cell keeps creating its workers in it later
  private static ThreadGroup newCellGroup() {
    return new ThreadGroup("cell-group-" + THREADS.get());
  }

  /**
   * Interrupts the running cell and the threads it started; stops the cell's own thread if
   * it ignores the interrupt.
   */
  @Override
  @SuppressWarnings({"deprecation", "removal"})
  public void stop() {
    // also when nothing runs (the cell is compiling, or between two of its snippets): its next
    // snippet will not start, and the threads its earlier snippets started are interrupted too
    stopRequested = true;
    cellGroup.interrupt();
    Thread t = running;
    if (t == null) return;
    t.interrupt();
    try {
      t.join(STOP_GRACE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (t.isAlive()) {
      try {
        t.stop();
      } catch (UnsupportedOperationException e) {
        // Java 20+: Thread.stop is gone; the interrupt above is all that can be done
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
