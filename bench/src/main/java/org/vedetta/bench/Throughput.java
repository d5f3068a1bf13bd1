package org.vedetta.bench;

import java.util.Arrays;

/**
 * Measured passes over a corpus.
 *
 * @param docs  documents per pass
 * @param bytes UTF-8 bytes per pass
 * @param nanos wall time of each measured pass
 */
record Throughput(int docs, long bytes, long[] nanos) {

  Throughput {
    nanos = nanos.clone();
  }

  long medianNanos() {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  double docsPerSecond() {
    return docs * 1e9 / medianNanos();
  }

  double megabytesPerSecond() {
    return bytes / 1e6 * 1e9 / medianNanos();
  }

  /** Documents per second of the slowest pass. */
  double minDocsPerSecond() {
    return docs * 1e9 / Arrays.stream(nanos).max().orElseThrow();
  }

  /** Documents per second of the fastest pass. */
  double maxDocsPerSecond() {
    return docs * 1e9 / Arrays.stream(nanos).min().orElseThrow();
  }
}
