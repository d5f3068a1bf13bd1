package org.vedetta.ingest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Politeness towards each host, shared by every source of one ingest: at most {@code concurrency} requests to
 * a host in flight, request starts at least {@code interval} apart, and none before a {@code Retry-After} the
 * host gave. A host is its lower-case name without the port, so the sections of one site share its limits.
 *
 * <p>Waiting for a slot and for the interval use a monotonic {@link Ticker} (real time outside tests), not the
 * ingest clock, which tests often fix; {@code Retry-After} instants are by the ingest clock, as the server
 * states them in wall time.
 */
final class HostLimits {

  /** Monotonic time and waiting; {@link #SYSTEM} outside tests. */
  interface Ticker {
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    Ticker SYSTEM = new Ticker() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void sleepNanos(long nanos) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(nanos);
      }
    };
  }

  /** One request's hold on its host; closing it frees the slot for the next request. */
  interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  private static final class Host {
    final Semaphore slots;
    long nextStart = Long.MIN_VALUE;
    volatile Instant blockedUntil;

    Host(int concurrency) {
      slots = new Semaphore(concurrency, true);
    }
  }

  private final int concurrency;
  private final long intervalNanos;
  private final Clock clock;
  private final Ticker ticker;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();

  HostLimits(int concurrency, Duration interval, Clock clock, Ticker ticker) {
    this.concurrency = concurrency;
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
    this.ticker = ticker;
  }

  static String key(String host) {
    return host.toLowerCase(Locale.ROOT);
  }

  int concurrency() {
    return concurrency;
  }

  /**
   * Waits for a free slot to {@code host} and then for its turn, at least the interval after the previous
   * request's start.
   *
   * @param maxWait longest wait for a free slot, and for the turn after it
   * @throws TimeoutException when no slot is free, or the turn would come, within {@code maxWait}
   */
  Permit acquire(String host, Duration maxWait) throws InterruptedException, TimeoutException {
    Host h = hosts.computeIfAbsent(key(host), k -> new Host(concurrency));
    long waitNanos = maxWait.toNanos();
    if (!h.slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
      throw new TimeoutException(concurrency + " requests to " + host + " already running for longer than the "
          + "total timeout");
    }
    long start;
    synchronized (h) {
      long now = ticker.nanoTime();
      start = Math.max(now, h.nextStart);
      if (start - now > waitNanos) {
        h.slots.release();
        throw new TimeoutException("too many requests queued for " + host + " to start one within the total timeout");
      }
      h.nextStart = start + intervalNanos;
    }
    try {
      for (long wait = start - ticker.nanoTime(); wait > 0; wait = start - ticker.nanoTime()) {
        ticker.sleepNanos(wait);
      }
    } catch (InterruptedException e) {
      h.slots.release();
      throw e;
    }
    return new Permit() {
      private boolean closed;

      @Override
      public synchronized void close() {
        if (!closed) {
          closed = true;
          h.slots.release();
        }
      }
    };
  }

  /** Holds requests to {@code host} until {@code until}; a later block of the same host wins over an earlier one. */
  void blockUntil(String host, Instant until) {
    Host h = hosts.computeIfAbsent(key(host), k -> new Host(concurrency));
    synchronized (h) {
      if (h.blockedUntil == null || h.blockedUntil.isBefore(until)) {
        h.blockedUntil = until;
      }
    }
  }

  /** Until when {@code host} asked not to be contacted, or {@code null} when it may be now. */
  Instant blockedUntil(String host) {
    Host h = hosts.get(key(host));
    Instant until = h == null ? null : h.blockedUntil;
    return until != null && clock.instant().isBefore(until) ? until : null;
  }
}
