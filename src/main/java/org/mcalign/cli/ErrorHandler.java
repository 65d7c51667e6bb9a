package org.mcalign.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.mcalign.data.LeaseHeldException;
import org.mcalign.llm.Secret;
import picocli.CommandLine;

/**
 * Turns an exception escaping a subcommand into one readable line on stderr (the
 * exception's message names file, line or request), with the stack trace only when
 * {@code MCA_DEBUG} is set. Everything printed is redacted of keys ({@link Secret#redact}).
 * Exit code 1, or {@value #BUSY} when a store or output folder is being written by another
 * process ({@link LeaseHeldException}).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  /** Exit code: another process writes the store or folder; run again when it is done. */
  static final int BUSY = 4;

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    String message = ex.getMessage() != null && !ex.getMessage().isBlank() ? ex.getMessage() : ex.toString();
    cmd.getErr().println(Secret.redact("mcalign " + cmd.getCommandName() + ": " + message));
    if (System.getenv("MCA_DEBUG") != null) {
      StringWriter trace = new StringWriter();
      ex.printStackTrace(new PrintWriter(trace));
      cmd.getErr().print(Secret.redact(trace.toString()));
    }
    return ex instanceof LeaseHeldException ? BUSY : 1;
  }

  /** Errors in the arguments themselves: picocli's message (which may repeat a pasted key), redacted, and the usage hint. */
  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    cmd.getErr().println(Secret.redact(ex.getMessage()));
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr())) {
      cmd.getErr().println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    }
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }
}
