package org.mcalign.cli;

import picocli.CommandLine.Command;

/** {@code mcalign data}: find, fetch and check the paper's published data. */
@Command(name = "data", description = "Find, download and verify the paper's published data.",
    mixinStandardHelpOptions = true)
final class DataCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("data: subcommands info, verify, fetch");
  }
}
