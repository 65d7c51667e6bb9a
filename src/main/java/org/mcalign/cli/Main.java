package org.mcalign.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mcalign} command line: one subcommand per stage, each a thin shell over the
 * packages below. Progress goes to stderr, results to stdout or {@code --out}.
 */
@Command(
    name = "mcalign",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Multilingual != Multicultural (arXiv 2502.16534): the paper's pipeline in Java.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:error; the message names the file, line or request (an output equal to an input is refused, nothing written)",
      "2:incomplete: requests still without an answer (run again: only those are asked), or nothing sent without --yes",
      "3:refused: the cost estimate is above --max-cost",
      "4:busy: another process is writing the response store or output folder (its pid, host and start time are shown)",
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      // the data, then the stages in the paper's order
      DataCommand.class,
      StudyCommand.class,
      EvaluateCommand.class,
      WvsSynthesizeCommand.class,
      WvsGroundTruthCommand.class,
      TranslateCommand.class,
      RespondCommand.class,
      CollectCommand.class,
      ExportCommand.class,
      ClassifyCommand.class,
      ScoreCommand.class,
      AnalyzeCommand.class,
      // tools
      FitCommand.class,
      AgreementCommand.class,
      DemoCommand.class,
      SimulateServerCommand.class,
      KernelCommand.class,
      BenchCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    ErrorHandler errors = new ErrorHandler();
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .execute(args);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
