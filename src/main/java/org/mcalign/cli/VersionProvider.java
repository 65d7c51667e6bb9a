package org.mcalign.cli;

import org.mcalign.data.Provenance;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"mcalign " + Provenance.projectVersion()};
  }
}
