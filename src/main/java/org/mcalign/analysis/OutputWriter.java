package org.mcalign.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.mcalign.analysis.demo.Datasets;
import org.mcalign.data.AtomicFiles;
import org.mcalign.data.CsvOut;
import org.mcalign.data.Dataset;
import org.mcalign.plot.Figure;
import org.mcalign.stats.RegressionResults;
import tech.tablesaw.api.Table;

/**
 * Writes the files of a paper run into a staging folder on worker threads, each as soon as it is
 * offered: given to {@link PaperAnalysis#run} as its sink, the CSV and regression files are
 * written while later parts still run, filling the processor time the analyses leave idle
 * between their bootstrap phases. Figures are drawn and encoded one group per job.
 * {@link #files} lists what was written in a fixed order (tables, regressions, then figures, each
 * in the order offered but for groups listed last), whatever order the jobs finished in.
 */
final class OutputWriter implements PaperAnalysis.Sink, AutoCloseable {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Dataset dataset;
  private final Path folder;
  private final ExecutorService pool;
  private final List<Thread> workers = new CopyOnWriteArrayList<>();
  private final List<Future<List<Path>>> tables = new ArrayList<>();
  private final List<Future<List<Path>>> regressions = new ArrayList<>();
  private final List<Future<List<Path>>> figures = new ArrayList<>();
  private final List<Future<List<Path>>> figuresListedLast = new ArrayList<>();

  private final AnalysisInputs in;
  private final boolean drawFigures;
  private final Map<String, String> skippedFigures = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

  /** {@code figures}: draw the paper's figures too (the WVS ones start at once: they need the inputs only). */
  OutputWriter(AnalysisInputs in, Path folder, int threads, boolean figures) {
    this.in = in;
    this.dataset = in.dataset();
    this.drawFigures = figures;
    this.folder = folder;
    this.pool = Executors.newFixedThreadPool(Math.max(1, threads), job -> {
      Thread t = new Thread(job, "analysis-output");
      t.setDaemon(true);
      workers.add(t);
      return t;
    });
    if (figures) figures(PaperFigures.wvsGroup(in), true);
  }

  /** The figures draw only what the core parts make: they are drawn while the other parts run. */
  @Override
  public void coreDone(PaperAnalysis.Result core) {
    if (drawFigures) for (Supplier<List<Figure>> group : PaperFigures.groups(core, in, skippedFigures)) figures(group, false);
  }

  /** The figures that could not be drawn from part of the study (name → reason); complete once {@link #files} returned. */
  Map<String, String> skippedFigures() {
    synchronized (skippedFigures) {
      return new java.util.LinkedHashMap<>(skippedFigures);
    }
  }

  @Override
  public synchronized void table(String name, Table t) {
    tables.add(pool.submit(() -> List.of(CsvOut.write(t, folder.resolve(Datasets.fileName(dataset, name))))));
  }

  @Override
  public synchronized void regression(String name, RegressionResults fit) {
    regressions.add(pool.submit(() -> {
      String header = dataset.isDemo() ? Datasets.DEMO_BANNER + "\n\n" : "";
      return List.of(AtomicFiles.writeString(folder.resolve(Datasets.fileName(dataset, name + ".json")), fit.toJson() + "\n"),
          AtomicFiles.writeString(folder.resolve(Datasets.fileName(dataset, name + ".txt")), header + fit.summary() + "\n"));
    }));
  }

  /**
   * Draws a group of figures (already labelled for the dataset) and saves them into {@code plots/};
   * {@code listedLast}: listed after every other group however early it was offered.
   */
  private synchronized void figures(Supplier<List<Figure>> group, boolean listedLast) {
    (listedLast ? figuresListedLast : figures).add(pool.submit(() -> {
      List<Path> saved = new ArrayList<>();
      for (Figure f : group.get()) saved.add(f.saveIn(folder.resolve("plots")));
      return saved;
    }));
  }

  @Override
  public long cpuNanos() {
    long sum = 0;
    for (Thread t : workers) sum += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
    return sum;
  }

  /** Waits for every job; the first failure (in the order of {@link #files}) is thrown as it was. */
  synchronized List<Path> files() {
    List<Path> out = new ArrayList<>();
    for (List<Future<List<Path>>> kind : List.of(tables, regressions, figures, figuresListedLast))
      for (Future<List<Path>> f : kind) out.addAll(await(f));
    return out;
  }

  private List<Path> await(Future<List<Path>> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing " + folder, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Stops the workers; a job still running when the run failed is interrupted. */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      // the staging folder is deleted after this on failure: no worker may still be writing into it
      pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Offers every table and regression of a finished run, in its order. */
  void offerAll(PaperAnalysis.Result r) {
    r.tables().forEach(this::table);
    r.regressions().forEach(this::regression);
  }

}
