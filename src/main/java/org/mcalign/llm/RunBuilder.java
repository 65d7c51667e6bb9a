package org.mcalign.llm;

import java.io.PrintStream;
import java.util.function.Consumer;

/** What the builders of a direct run and a batch run share: where answers go and where progress goes. */
abstract class RunBuilder<B extends RunBuilder<B>> {
  final Endpoint endpoint;
  final ResponseStore store;
  final String run;
  Consumer<Progress> listener;
  PrintStream err = System.err;

  RunBuilder(Endpoint endpoint, ResponseStore store, String run) {
    this.endpoint = endpoint;
    this.store = store;
    if (run == null || run.isBlank()) throw new IllegalArgumentException("a run needs a name");
    this.run = run;
  }

  abstract B self();

  /** Called with a progress snapshot as the run goes and at the end (notebook progress bars). */
  public B progress(Consumer<Progress> listener) {
    this.listener = listener;
    return self();
  }

  /** Where progress lines go (default stderr; null for none). */
  public B progressStream(PrintStream err) {
    this.err = err;
    return self();
  }
}
