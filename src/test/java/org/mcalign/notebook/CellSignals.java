package org.mcalign.notebook;

import java.util.concurrent.CountDownLatch;

/** Latches that cells under test count down (by full name), so a test waits for a cell to be running instead of sleeping. */
public final class CellSignals {
  private CellSignals() {}

  public static volatile CountDownLatch started = new CountDownLatch(1);
}
