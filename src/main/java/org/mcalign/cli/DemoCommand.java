package org.mcalign.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mcalign.analysis.demo.DemoData;
import org.mcalign.analysis.demo.DemoSettings;
import org.mcalign.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcalign demo}: build the DEMO dataset offline. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Build the DEMO dataset (generated WVS microdata, simulated models with planted behaviour) in data/demo/.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--out", description = "folder (default: data/demo of the project)") Path out;
  @Option(names = "--seed", description = "seed (default: the demo's)") Long seed;
  @Option(names = "--respondents", description = "generated respondents") Integer respondents;
  @Option(names = "--small", description = "a small demo: three models, fewer prompts") boolean small;
  @Option(names = "--in-process", description = "run stages 3-5 in process (faster; other classifier error draws) instead of through the simulated HTTP server") boolean inProcess;

  @Override
  public Integer call() {
    Path folder = out != null ? out : Dataset.projectRoot().resolve(DemoData.FOLDER);
    DemoSettings s = small ? DemoSettings.small() : DemoSettings.defaults();
    if (seed != null) s = s.withSeed(seed);
    if (respondents != null) {
      s = new DemoSettings(respondents, s.items(), s.promptsPerItem(), s.models(), s.demographicModel(), s.classifierErrorRate(), s.seed());
    }
    long t0 = System.nanoTime();
    var backends = !inProcess ? DemoData.viaSimulatedServer(folder.resolve("DEMO-responses.db"), s.seed(), s.classifierErrorRate())
        : DemoData.Backends.IN_PROCESS;
    var built = DemoData.build(folder, s, backends, m -> System.err.println("demo: " + m));
    System.out.printf("DEMO dataset: %s in %.1f s%n", built.dataset().describe(), (System.nanoTime() - t0) / 1e9);
    built.counts().forEach((k, v) -> System.out.println("  " + k + ": " + v));
    return 0;
  }
}
