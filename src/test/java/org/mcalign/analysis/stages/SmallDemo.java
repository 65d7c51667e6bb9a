package org.mcalign.analysis.stages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mcalign.analysis.demo.DemoBehaviour;
import org.mcalign.analysis.demo.DemoData;
import org.mcalign.analysis.demo.DemoModel;
import org.mcalign.analysis.demo.DemoSettings;
import org.mcalign.data.Dataset;

/**
 * One small DEMO dataset with the demographic experiment, built through the simulated server
 * once per test JVM (in a temporary folder removed at exit) for the stage tests.
 */
final class SmallDemo {
  private SmallDemo() {}

  /** One simulated model: the experiment's (the build replaces it by its country-following twin). */
  static final DemoSettings SETTINGS = DemoSettings.small().withDemographicModel("gemma-2-27b-it")
      .withModels(List.of(new DemoModel("gemma-2-27b-it", DemoBehaviour.NATIVE, 0.05, 1.0)));

  private static Dataset demo;
  private static Path root;

  static synchronized Dataset dataset() {
    if (demo == null) {
      try {
        root = Files.createTempDirectory("mcalign-small-demo");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(SmallDemo::delete));
      demo = DemoData.build(root.resolve("demo"), SETTINGS,
          DemoData.viaSimulatedServer(root.resolve("build.db"), SETTINGS.seed(), SETTINGS.classifierErrorRate()), m -> {}).dataset();
    }
    return demo;
  }

  private static void delete() {
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort at exit
    }
  }
}
