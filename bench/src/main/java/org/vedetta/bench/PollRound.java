package org.vedetta.bench;

/**
 * One round of the polling benchmark: every source polled once.
 *
 * @param sources        sources polled
 * @param label          {@code first} (every feed new) or {@code steady k}
 * @param wallNanos      from the first poll submitted to the last one done
 * @param cpu            CPU time of the process in that time, by kind of thread
 * @param heapBytes      heap used after the round, after full collections; includes the in-memory database
 * @param published      articles the sink received in the round
 * @param failedPolls    polls whose {@code PollResult} has an error
 * @param firstError     the first such error, or {@code null}
 * @param served         what the feed servers answered
 */
record PollRound(int sources, String label, long wallNanos, CpuTime.Split cpu, long heapBytes,
    long published, int failedPolls, String firstError, FeedSite.Served served) {

  double sourcesPerSecond() {
    return sources * 1e9 / wallNanos;
  }

  /** CPU time of everything but the feed servers, per source polled. */
  double cpuMicrosPerSource() {
    return cpu.ingestSide() / 1e3 / sources;
  }

  boolean first() {
    return label.equals("first");
  }
}
