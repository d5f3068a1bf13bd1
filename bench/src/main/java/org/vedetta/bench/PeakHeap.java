package org.vedetta.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the heap in use at a fixed period on a daemon thread and keeps the largest, until closed. */
final class PeakHeap implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "heap-peak");
    t.setDaemon(true);
    return t;
  });

  private PeakHeap() {}

  /** Starts sampling every {@code sampleMillis} milliseconds. */
  static PeakHeap start(long sampleMillis) {
    PeakHeap heap = new PeakHeap();
    heap.sampler.scheduleAtFixedRate(heap::peak, sampleMillis, sampleMillis, TimeUnit.MILLISECONDS);
    return heap;
  }

  /** The largest heap use seen so far, including now, in bytes. */
  long peak() {
    return peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
  }

  @Override
  public void close() throws InterruptedException {
    sampler.shutdownNow();
    sampler.awaitTermination(1, TimeUnit.SECONDS);
  }
}
