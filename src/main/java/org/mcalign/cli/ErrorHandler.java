package org.mcalign.cli;

import picocli.CommandLine;

/**
 * Turns an exception escaping a subcommand into one readable line on stderr (the
 * exception's message names file, line or request), with the stack trace only when
 * {@code MCA_DEBUG} is set.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    cmd.getErr().println("mcalign " + cmd.getCommandName() + ": " + ex.getMessage());
    if (System.getenv("MCA_DEBUG") != null) ex.printStackTrace(cmd.getErr());
    return 1;
  }
}
