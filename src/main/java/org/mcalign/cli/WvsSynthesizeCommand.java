package org.mcalign.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mcalign.wvs.MicrodataSynthesizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcalign wvs-synthesize}: generated microdata in the EVS/WVS joint CSV format. */
@Command(name = "wvs-synthesize", mixinStandardHelpOptions = true,
    description = "Write generated EVS/WVS joint microdata (same CSV format, planted country and language differences).")
final class WvsSynthesizeCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
  Path out;

  @Option(names = "--respondents", defaultValue = "157000", description = "Respondents (default: ${DEFAULT-VALUE}, full scale).")
  int respondents;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--extra-items", defaultValue = "88", paramLabel = "N",
      description = "Generated items beyond the paper's 83 (default: ${DEFAULT-VALUE}; about 2400 make a file of the real"
          + " joint file's size, as bench wvs-wide does).")
  int extraItems;

  @Override
  public Integer call() throws Exception {
    new PathGuard().output("--out", out).check();
    CollectCommand.positive("--respondents", respondents);
    MicrodataSynthesizer.Settings s = MicrodataSynthesizer.Settings.defaults().withRespondents(respondents).withSeed(seed)
        .withExtraItems(extraItems);
    long t0 = System.nanoTime();
    Path p = new MicrodataSynthesizer(s).write(out);
    System.err.printf("wvs-synthesize: %,d respondents, seed %d, planted %s, %.1f s%n", respondents, seed, s.plants(),
        (System.nanoTime() - t0) / 1e9);
    System.out.println(p);
    return 0;
  }
}
