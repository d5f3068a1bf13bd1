package org.vedetta.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.vedetta.model.Development;

/**
 * A listener of {@code DevelopmentFeed} for {@link PreviewBenchmark}: for the developments sent while the feed
 * follows the topic it records when each was sent and when, and how often, the feed handed it on; it counts the
 * calls for any other development, which can only be history the feed read to catch up (it should make none).
 */
final class PreviewFeedProbe implements Consumer<Development> {

  /**
   * What the feed did with one wave of developments sent while it followed the topic.
   *
   * @param sent         developments sent
   * @param delivered    of those, handed to the listener at least once
   * @param repeats      deliveries beyond the first, over all of them
   * @param latencyNanos send → listener call of each delivered one, ascending
   * @param spanNanos    first send → last delivery
   */
  record Wave(int sent, int delivered, long repeats, long[] latencyNanos, long spanNanos) {

    Wave {
      latencyNanos = latencyNanos.clone();
    }

    double percentileMillis(double p) {
      if (latencyNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100 * latencyNanos.length) - 1;
      return latencyNanos[Math.max(0, Math.min(latencyNanos.length - 1, index))] / 1e6;
    }

    double maxMillis() {
      return latencyNanos.length == 0 ? Double.NaN : latencyNanos[latencyNanos.length - 1] / 1e6;
    }

    double perSecond() {
      return delivered / (spanNanos / 1e9);
    }
  }

  private final AtomicLong historyCalls = new AtomicLong();
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final Map<String, Long> firstDelivery = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

  @Override
  public void accept(Development d) {
    long now = System.nanoTime();
    String id = d.id();
    if (!sentAt.containsKey(id)) {
      historyCalls.incrementAndGet();
      return;
    }
    firstDelivery.putIfAbsent(id, now);
    deliveries.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
  }

  /** Call just before sending {@code id}. */
  void sending(String id) {
    sentAt.put(id, System.nanoTime());
  }

  /** Listener calls for developments not sent through {@link #sending}: written before the feed started. */
  long historyCalls() {
    return historyCalls.get();
  }

  /** How many of {@code ids} (sent through {@link #sending}) have been handed on at least once. */
  int delivered(List<String> ids) {
    int n = 0;
    for (String id : ids) {
      if (firstDelivery.containsKey(id)) {
        n++;
      }
    }
    return n;
  }

  Wave wave(List<String> ids) {
    long[] latencies = new long[ids.size()];
    int delivered = 0;
    long repeats = 0;
    long firstSent = Long.MAX_VALUE;
    long lastDelivery = Long.MIN_VALUE;
    for (String id : ids) {
      long sent = sentAt.get(id);
      firstSent = Math.min(firstSent, sent);
      Long at = firstDelivery.get(id);
      if (at != null) {
        latencies[delivered++] = at - sent;
        lastDelivery = Math.max(lastDelivery, at);
        repeats += deliveries.get(id).get() - 1;
      }
    }
    long[] sorted = Arrays.copyOf(latencies, delivered);
    Arrays.sort(sorted);
    return new Wave(ids.size(), delivered, repeats, sorted, delivered == 0 ? 1 : lastDelivery - firstSent);
  }
}
