package org.vedetta.ingest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.ingest.ArticleSink;
import org.vedetta.ingest.IngestSettings;
import org.vedetta.ingest.PollResult;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.ingest.SourceHealth;
import org.vedetta.ingest.SourceSettings;

/**
 * One source's {@link SourcePoller} with its schedule state and {@link SourceHealth}.
 *
 * <p><b>Backoff.</b> After a failed poll the next scheduled poll waits {@code poll_interval × 2^failures} from
 * the failed poll's start, at most {@code max_backoff}; after a {@code 429} or {@code 503} with
 * {@code Retry-After} (for the feed or any page of the poll), at least until then. A successful poll resets
 * the wait to one interval. A poll stopped by the {@link ArticleSink} (the broker is down) is not the
 * source's failure: it leaves the failure count as it was and the next poll one interval away.
 *
 * <p><b>Why fires are skipped rather than the trigger moved.</b> Quartz keeps firing every
 * {@code poll_interval}; {@link #pollIfDue} skips a fire that comes before the window ends, so the source is
 * polled at the first fire after it. Triggers stay as configured, which keeps the schedule the same in a
 * Quartz cluster and after a restart, and the decision is made by the injected clock, so it is tested without
 * waiting. The cost is resolution: a window ends at a fire, never between two. A fire up to half an interval
 * early still counts as on time for the backoff, since fires and poll starts do not line up to the
 * millisecond; a {@code Retry-After} is kept to the instant.
 *
 * <p>Polls of one source run one at a time: a manual {@link #pollNow} waits for a scheduled one and the
 * other way round.
 *
 * <p><b>Per node (known limitation).</b> Backoff, {@code Retry-After} and health live here, in one process. In a
 * cluster of ingest processes ({@link PollStore.Clustered}) the next fire of a source may go to another node, which
 * knows nothing of the failure or of the {@code Retry-After} this one saw: it polls when its own windows allow,
 * so a failing source may be polled up to once per interval by the cluster, and each node's health tells only of
 * its own polls. Sharing this state would mean keeping it in the database.
 */
public final class SourceRunner {

  private static final Logger log = LoggerFactory.getLogger(SourceRunner.class);

  private final SourceSettings source;
  private final SourcePoller poller;
  private final Clock clock;
  private final Duration maxBackoff;
  private final int unhealthyAfter;
  private final ReentrantLock lock = new ReentrantLock();

  /** What the current poll's fetches and publishes reported; written and read under {@link #lock}. */
  private Instant pollRetryAfter;
  private boolean pollSinkFailed;

  private Instant backoffUntil;
  private Instant retryAfter;
  private volatile SourceHealth health;

  private SourceRunner(SourceSettings source, Fetcher fetcher, SeenItems seen, ArticleSink sink, Clock clock,
      IngestSettings settings) {
    this.source = source;
    this.clock = clock;
    this.maxBackoff = settings.maxBackoff().compareTo(source.pollInterval()) < 0
        ? source.pollInterval() : settings.maxBackoff();
    this.unhealthyAfter = settings.unhealthyAfter();
    this.health = SourceHealth.unpolled(source.id());
    this.poller = new SourcePoller(source, recording(fetcher), seen, recording(sink), clock);
  }

  /** A runner of {@code source} whose fetches and articles go through {@code fetcher} and {@code sink}. */
  public static SourceRunner of(SourceSettings source, Fetcher fetcher, SeenItems seen, ArticleSink sink, Clock clock,
      IngestSettings settings) {
    return new SourceRunner(source, fetcher, seen, sink, clock, settings);
  }

  public SourceSettings source() {
    return source;
  }

  public SourceHealth health() {
    return health;
  }

  /** Polls now, whatever the backoff, after any poll of this source already running. */
  public PollResult pollNow() {
    lock.lock();
    try {
      return pollLocked();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Polls when the source is due (its backoff and {@code Retry-After} windows are over), as a scheduled fire
   * does; otherwise does nothing and returns empty.
   */
  public Optional<PollResult> pollIfDue() {
    lock.lock();
    try {
      Instant now = clock.instant();
      if (!due(now)) {
        log.debug("source '{}': scheduled poll skipped, next poll at {}", source.id(), health.nextPollAt());
        return Optional.empty();
      }
      return Optional.of(pollLocked());
    } finally {
      lock.unlock();
    }
  }

  private boolean due(Instant now) {
    if (retryAfter != null && now.isBefore(retryAfter)) {
      return false;
    }
    Duration slack = source.pollInterval().dividedBy(2);
    return backoffUntil == null || !now.plus(slack).isBefore(backoffUntil);
  }

  private PollResult pollLocked() {
    pollRetryAfter = null;
    pollSinkFailed = false;
    Instant start = clock.instant();
    PollResult result = poller.poll();
    record(start, result);
    return result;
  }

  private void record(Instant start, PollResult result) {
    SourceHealth before = health;
    int failures = before.consecutiveFailures();
    Instant lastSuccess = before.lastSuccess();
    if (result.succeeded()) {
      failures = 0;
      lastSuccess = start;
      backoffUntil = start.plus(source.pollInterval());
    } else if (pollSinkFailed) {
      backoffUntil = start.plus(source.pollInterval());
    } else {
      failures++;
      backoffUntil = start.plus(backoff(failures));
    }
    if (pollRetryAfter != null) {
      retryAfter = pollRetryAfter;
    }
    Instant next = backoffUntil;
    if (retryAfter != null && retryAfter.isAfter(next)) {
      next = retryAfter;
    }
    boolean healthy = failures < unhealthyAfter;
    health = new SourceHealth(source.id(), healthy, failures, start, lastSuccess, result.error(), next,
        result.itemsSeen(), result.failed(), result.itemError(), result.warning());
    if (before.healthy() && !healthy) {
      log.warn("source '{}' is unhealthy: {} polls failed in a row, next poll at {}; last error: {}",
          source.id(), failures, next, result.error());
    } else if (!before.healthy() && healthy) {
      log.info("source '{}' recovered after {} failed polls", source.id(), before.consecutiveFailures());
    }
  }

  /** {@code poll_interval × 2^failures}, at most {@code max_backoff}. */
  Duration backoff(int failures) {
    Duration interval = source.pollInterval();
    if (failures >= 32 || interval.multipliedBy(1L << failures).compareTo(maxBackoff) > 0) {
      return maxBackoff;
    }
    return interval.multipliedBy(1L << failures);
  }

  private Fetcher recording(Fetcher fetcher) {
    return (s, url, known) -> {
      try {
        return fetcher.fetch(s, url, known);
      } catch (SourceFetchException e) {
        Instant until = e.retryAfter();
        if (until != null && (pollRetryAfter == null || until.isAfter(pollRetryAfter))) {
          pollRetryAfter = until;
        }
        throw e;
      }
    };
  }

  private ArticleSink recording(ArticleSink sink) {
    return article -> {
      try {
        sink.publish(article);
      } catch (Exception e) {
        pollSinkFailed = true;
        throw e;
      }
    };
  }
}
