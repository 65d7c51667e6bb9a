package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BenchmarkStepsTest {
  @Test
  void everyListedBenchmarkLoadsUnderItsOwnName() {
    List<String> loaded = ServiceLoader.load(Benchmark.class).stream().map(p -> p.get().name()).toList();
    Set<String> names = new TreeSet<>(loaded);
    assertEquals(loaded.size(), names.size(), () -> "two benchmarks share a name: " + loaded);
    assertTrue(names.containsAll(List.of("analysis", "data", "kernel", "llm", "plot", "stats", "wvs", "wvs-wide")),
        () -> "missing from " + names);
  }

  @Test
  void stepsReturnsTheMeasuredRowsInOrder() throws Exception {
    Benchmark b = new Benchmark.Steps("twice") {
      @Override
      protected void measure(Settings settings, List<Measurement> rows) throws Exception {
        int[] calls = new int[1];
        rows.add(Measurement.time("first", "none", 2, 10, "items", () -> calls[0]++));
        rows.add(new Measurement("calls", "seed " + settings.seed(), 0, 0, Integer.toString(calls[0])));
      }
    };
    List<Benchmark.Measurement> rows = b.run(new Benchmark.Settings(true, 7));
    assertEquals("twice", b.name());
    assertEquals(List.of("first", "calls"), rows.stream().map(Benchmark.Measurement::stage).toList());
    assertEquals("3", rows.get(1).rate(), "two warm-ups and one timed run");
    assertEquals("seed 7", rows.get(1).input());
  }
}
