package org.mcalign.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.mcalign.data.Benchmark;
import org.mcalign.data.HostProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcalign bench [NAME…]}: runs the stage benchmarks and prints one table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run the stage benchmarks and print a table (stage, input, wall time, peak heap, rate).")
final class BenchCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", description = "Benchmarks to run (default: all). Known: ${COMPLETION-CANDIDATES}")
  List<String> names = new ArrayList<>();

  @Option(names = "--quick", description = "Smaller inputs, for a fast look.")
  boolean quick;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of generated inputs (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    List<Benchmark.Measurement> rows = new ArrayList<>();
    // the host's speed drifts (shared machine): one fixed workload before and after says how fast it was
    HostProbe.Result before = HostProbe.fastestOf(5);
    int ran = 0;
    for (Benchmark b : ServiceLoader.load(Benchmark.class)) {
      if (!names.isEmpty() && !names.contains(b.name())) continue;
      System.err.println("bench: " + b.name() + " …");
      rows.addAll(b.run(new Benchmark.Settings(quick, seed)));
      ran++;
    }
    if (ran == 0) {
      System.err.println("bench: no benchmark matched " + names);
      return 2;
    }
    System.out.println(BenchTable.format(rows, Runtime.getRuntime().availableProcessors(),
        HostProbe.describe(before, HostProbe.fastestOf(5))));
    return 0;
  }
}
