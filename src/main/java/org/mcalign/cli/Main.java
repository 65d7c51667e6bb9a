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
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The subcommands: the data, then the stages in the paper's order, then tools. */
  static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
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
      FitCommand.class,
      AgreementCommand.class,
      DemoCommand.class,
      SimulateServerCommand.class,
      KernelCommand.class,
      BenchCommand.class);

  /** Runs the command line and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    ErrorHandler errors = new ErrorHandler();
    CommandLine cl = new CommandLine(new Main());
    cl.addSubcommand("help", new CommandLine.HelpCommand());
    // picocli models every subcommand it is given (reflection over all their options and the
    // classes they name, most of a second of start-up); a run of one subcommand gets only it
    Class<?> only = null;
    for (Class<?> c : SUBCOMMANDS)
      if (args.length > 0 && c.getAnnotation(Command.class).name().equals(args[0])) only = c;
    for (Class<?> c : SUBCOMMANDS)
      if (only == null || c == only) cl.addSubcommand(c);
    return cl
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .execute(args);
  }

  public static void main(String[] args) {
    if (ClassPreload.appliesTo(args)) ClassPreload.start(); // first: it loads what the rest of start-up is about to need
    // fit reads its CSV into stats.Columns and never touches Tablesaw's Table, whose
    // initialisation (even without the class-path scan) is about 0.1 s of a 0.3 s process
    if (!(args.length > 0 && args[0].equals("fit"))) org.mcalign.data.TablesawStart.init();
    if (JitPolicy.appliesTo(args)) JitPolicy.applyAtStart(args);
    System.exit(run(args));
  }
}
