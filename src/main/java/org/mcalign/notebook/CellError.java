package org.mcalign.notebook;

import java.util.List;

/** A cell that failed: Jupyter's error triple (name, value, traceback lines). */
final class CellError extends RuntimeException {
  private final String ename;
  private final String evalue;
  private final List<String> traceback;

  CellError(String ename, String evalue, List<String> traceback) {
    super(ename + ": " + evalue, null, false, false);
    this.ename = ename;
    this.evalue = evalue;
    this.traceback = List.copyOf(traceback);
  }

  String ename() {
    return ename;
  }

  String evalue() {
    return evalue;
  }

  List<String> traceback() {
    return traceback;
  }

  CellError scrubbed(OutputScrubber s) {
    return new CellError(ename, s.scrub(evalue), traceback.stream().map(s::scrub).toList());
  }
}
