package org.mcalign.data;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Peak heap use over a span, from the JVM's memory pools' peak counters. */
public final class HeapSampler {
  private HeapSampler() {}

  /** Resets the heap pools' peaks and starts a span. */
  public static HeapSampler start() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
    }
    return new HeapSampler();
  }

  /** Ends the span and returns the sum of the heap pools' peak use in bytes. */
  public long stop() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    return peak;
  }
}
