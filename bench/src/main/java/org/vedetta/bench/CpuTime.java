package org.vedetta.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this process, split by who used it: the polling threads ({@code poll-}), the JDK HTTP client's
 * selector and executor threads ({@code HttpClient-}), the feed servers ({@code feed-site-},
 * {@code HTTP-Dispatcher}), other Java threads (H2, HikariCP, {@code main}), and the JVM's own threads. On
 * Linux the JVM's share is split further, from {@code /proc/self/task}, into the JIT compilers and the garbage
 * collector. Also the heap that Java threads other than the feed servers allocated.
 */
final class CpuTime {

  private static final int POLLING = 0;
  private static final int HTTP_CLIENT = 1;
  private static final int FEED_SERVER = 2;
  private static final int OTHER_JAVA = 3;
  /** Linux's {@code USER_HZ}, the unit of {@code /proc/<pid>/task/<tid>/stat} times, on every common platform. */
  private static final long NANOS_PER_TICK = 10_000_000;

  /**
   * What each kind of thread used between two {@link Reading}s, CPU in nanoseconds.
   *
   * @param jit            the JIT compiler threads; part of {@link #jvm()}; −1 when unknown (not Linux)
   * @param gc             the garbage collector's threads; part of {@link #jvm()}; −1 when unknown
   * @param allocatedBytes heap allocated by the Java threads other than the feed servers'
   */
  record Split(long process, long polling, long httpClient, long feedServer, long otherJava, long jit, long gc,
      long allocatedBytes) {

    /** The JVM's own threads (JIT, GC, VM thread) and Java threads that ended during the interval. */
    long jvm() {
      return process - polling - httpClient - feedServer - otherJava;
    }

    /** Everything but the feed servers: what polling costs the process that runs ingest. */
    long ingestSide() {
      return process - feedServer;
    }

    /** {@link #ingestSide()} without the JIT compilers, i.e. about what a warmed-up process spends. */
    long ingestSideWithoutJit() {
      return ingestSide() - Math.max(0, jit);
    }
  }

  /** The process's CPU time, the JVM threads' and each live Java thread's CPU time and allocated bytes. */
  record Reading(long process, long jit, long gc, Map<Long, Thread> threads) {

    /** One live Java thread's counters. */
    record Thread(int group, long cpuNanos, long allocatedBytes) {}

    /** What each kind of thread used from {@code start} to this reading. */
    Split since(Reading start) {
      long[] cpu = new long[4];
      long allocated = 0;
      for (Map.Entry<Long, Thread> entry : threads.entrySet()) {
        Thread now = entry.getValue();
        Thread before = start.threads.get(entry.getKey());
        cpu[now.group] += Math.max(0, now.cpuNanos - (before == null ? 0 : before.cpuNanos));
        if (now.group != FEED_SERVER) {
          allocated += Math.max(0, now.allocatedBytes - (before == null ? 0 : before.allocatedBytes));
        }
      }
      boolean known = jit >= 0 && start.jit >= 0;
      return new Split(process - start.process, cpu[POLLING], cpu[HTTP_CLIENT], cpu[FEED_SERVER], cpu[OTHER_JAVA],
          known ? Math.max(0, jit - start.jit) : -1, known ? Math.max(0, gc - start.gc) : -1, allocated);
    }
  }

  private CpuTime() {}

  static Reading read() {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<Long, Reading.Thread> threads = new HashMap<>();
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = mx.getThreadCpuTime(info.getThreadId());
      long allocated = mx.getThreadAllocatedBytes(info.getThreadId());
      if (cpu >= 0) {
        threads.put(info.getThreadId(), new Reading.Thread(group(info.getThreadName()), cpu, Math.max(0, allocated)));
      }
    }
    long[] jvmThreads = jvmThreads();
    long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return new Reading(process, jvmThreads[0], jvmThreads[1], threads);
  }

  private static int group(String name) {
    if (name.startsWith("poll-")) {
      return POLLING;
    }
    if (name.startsWith("HttpClient-")) {
      return HTTP_CLIENT;
    }
    if (name.startsWith(FeedSite.THREAD_PREFIX) || name.startsWith("HTTP-Dispatcher")) {
      return FEED_SERVER;
    }
    return OTHER_JAVA;
  }

  /**
   * CPU nanoseconds of the live JIT compiler threads ({@code C1/C2 CompilerThread}) and GC threads (G1's, and
   * {@code GC Thread#n}) from {@code /proc/self/task}, 10 ms resolution; {@code {-1, -1}} without it.
   */
  private static long[] jvmThreads() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return new long[] {-1, -1};
    }
    long jitTicks = 0;
    long gcTicks = 0;
    try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
      for (Path task : all) {
        String name;
        String stat;
        try {
          name = Files.readString(task.resolve("comm")).strip();
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended while the directory was read
        }
        boolean jit = name.contains("CompilerThre");
        boolean gc = name.startsWith("GC Thread") || name.startsWith("G1 ");
        if (jit || gc) {
          // Fields after the name in parentheses: state is field 3, utime 14 and stime 15 of the whole line.
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          if (jit) {
            jitTicks += ticks;
          } else {
            gcTicks += ticks;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
    return new long[] {jitTicks * NANOS_PER_TICK, gcTicks * NANOS_PER_TICK};
  }
}
