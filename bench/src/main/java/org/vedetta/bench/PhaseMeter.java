package org.vedetta.bench;

import java.lang.management.ManagementFactory;

/**
 * Wall time, CPU time and allocation of one phase of a benchmark, read at its start and at its end on the thread
 * that does the phase's work: a preview's (the Kafka consumer fetches on the thread that polls it) or the
 * notifier's (H2 runs embedded). The rest of the process is what serves it in-process: the broker, the producer's
 * sender and the live feed for {@link PreviewBenchmark}, GreenMail for {@link DigestBenchmark}.
 */
final class PhaseMeter {

  /**
   * One measured phase.
   *
   * @param process   CPU of the whole process, nanoseconds
   * @param caller    CPU of the calling thread
   * @param jit       CPU of the JIT compilers, −1 when unknown
   * @param gc        CPU of the garbage collector, −1 when unknown
   * @param allocated heap the calling thread allocated, bytes
   */
  record Phase(long wallNanos, long process, long caller, long jit, long gc, long allocated) {

    /** The process minus the calling thread, JIT and GC: the in-process servers and their clients' threads. */
    long others() {
      return process - caller - Math.max(0, jit) - Math.max(0, gc);
    }

    double millis() {
      return wallNanos / 1e6;
    }

    double perSecond(long units) {
      return units / (wallNanos / 1e9);
    }
  }

  private final long nanos;
  private final CpuTime.Reading cpu;
  private final long caller;
  private final long allocated;

  private PhaseMeter(long nanos, CpuTime.Reading cpu, long caller, long allocated) {
    this.nanos = nanos;
    this.cpu = cpu;
    this.caller = caller;
    this.allocated = allocated;
  }

  static PhaseMeter start() {
    com.sun.management.ThreadMXBean threads = threads();
    CpuTime.Reading cpu = CpuTime.read();
    return new PhaseMeter(System.nanoTime(), cpu, threads.getCurrentThreadCpuTime(),
        threads.getThreadAllocatedBytes(Thread.currentThread().getId()));
  }

  Phase stop() {
    long wall = System.nanoTime() - nanos;
    com.sun.management.ThreadMXBean threads = threads();
    long callerNow = threads.getCurrentThreadCpuTime();
    long allocatedNow = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    CpuTime.Split split = CpuTime.read().since(cpu);
    return new Phase(wall, split.process(), callerNow - caller, split.jit(), split.gc(), allocatedNow - allocated);
  }

  /** Heap the calling thread has allocated so far, bytes. */
  static long allocatedHere() {
    return threads().getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  /** CPU nanoseconds the live thread named {@code name} has used so far, or −1 when there is none. */
  static long threadCpu(String name) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(name)) {
        return threads().getThreadCpuTime(t.getId());
      }
    }
    return -1;
  }

  private static com.sun.management.ThreadMXBean threads() {
    return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  }
}
