package org.vedetta.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Rough heap use: used memory after asking for full collections until it stops shrinking. */
final class Heap {

  private Heap() {}

  static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      memory.gc();
      long now = memory.getHeapMemoryUsage().getUsed();
      if (now >= used) {
        return now;
      }
      used = now;
    }
    return used;
  }
}
