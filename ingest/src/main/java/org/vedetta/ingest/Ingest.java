package org.vedetta.ingest;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.vedetta.ingest.internal.HttpFetcher;
import org.vedetta.ingest.internal.PollScheduler;
import org.vedetta.ingest.internal.SeenItems;
import org.vedetta.ingest.internal.SourcePoller;
import org.vedetta.settings.Problems;

/**
 * The ingest stage: polls each source on its own schedule and hands every new item to the
 * {@link ArticleSink} once, as an {@link org.vedetta.model.Article}.
 *
 * <pre>{@code
 * try (Ingest ingest = Ingest.builder()
 *     .sources(SourcesSettings.read(path, "config/sources.yml").sources())
 *     .sink(article -> producer.send(record(article)).get())
 *     .dataSource(dataSource)
 *     .build()) {
 *   ingest.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>What was published is remembered in the {@code DataSource} (tables {@code ingest_seen} and
 * {@code ingest_seen_item}, migrated by Flyway at {@link Builder#build}), so a restart does not publish
 * again. All sources share one HTTP client; fetch limits are in {@link HttpFetcher}.
 */
public final class Ingest implements AutoCloseable {

  private final Map<String, SourcePoller> pollers;
  private final Map<String, PollResult> lastResults = new ConcurrentHashMap<>();
  private PollScheduler scheduler;
  private boolean closed;

  private Ingest(Map<String, SourcePoller> pollers) {
    this.pollers = pollers;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts polling: each source at once, then every {@code poll_interval}, on a scheduler of
   * {@value PollScheduler#THREADS} threads; a source is never polled twice at the same time.
   *
   * @throws IllegalStateException when already started or closed
   */
  public synchronized void start() {
    if (closed || scheduler != null) {
      throw new IllegalStateException(closed ? "ingest is closed" : "ingest is already started");
    }
    scheduler = PollScheduler.start(pollers.values().stream().map(SourcePoller::source).toList(), this::pollNow);
  }

  /**
   * Polls one source now and waits for the result; waits first for a scheduled poll of that source that is
   * running. A failing source gives a result with an {@link PollResult#error}; it does not throw.
   *
   * @throws IllegalArgumentException when no source has this id
   */
  public PollResult pollNow(String sourceId) {
    SourcePoller poller = pollers.get(sourceId);
    if (poller == null) {
      throw new IllegalArgumentException("no source '" + sourceId + "'; sources are " + pollers.keySet());
    }
    PollResult result = poller.poll();
    lastResults.put(sourceId, result);
    return result;
  }

  /** The latest poll result of each source polled so far, by source id. */
  public Map<String, PollResult> lastResults() {
    return Map.copyOf(lastResults);
  }

  /** Stops the scheduler, waiting for running polls to finish. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (scheduler != null) {
      scheduler.close();
      scheduler = null;
    }
  }

  /** Builds an {@link Ingest}; sources, sink and data source are required, the clock defaults to UTC system time. */
  public static final class Builder {

    private List<SourceSettings> sources;
    private ArticleSink sink;
    private DataSource dataSource;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The sources to poll, as validated by {@link SourcesSettings}. */
    public Builder sources(List<SourceSettings> sources) {
      this.sources = List.copyOf(sources);
      return this;
    }

    /** Where new articles go. */
    public Builder sink(ArticleSink sink) {
      this.sink = sink;
      return this;
    }

    /** Where seen items are remembered (H2 or PostgreSQL). */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    /** Time of {@code fetched_at}, of first sightings and of poll durations. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Validates the sources, migrates the seen-items schema and returns a stopped {@link Ingest}.
     *
     * @throws IllegalArgumentException listing every invalid source setting
     */
    public Ingest build() {
      Objects.requireNonNull(sources, "sources");
      Objects.requireNonNull(sink, "sink");
      Objects.requireNonNull(dataSource, "dataSource");
      Objects.requireNonNull(clock, "clock");
      Problems problems = new Problems();
      new SourcesSettings(sources).validate(problems);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("invalid sources: " + problems.found().stream()
            .map(f -> f.field() + ": " + f.message())
            .collect(Collectors.joining("; ")));
      }
      SeenItems seen = SeenItems.open(dataSource, clock);
      HttpFetcher fetcher = new HttpFetcher(HttpFetcher.newClient());
      Map<String, SourcePoller> pollers = new LinkedHashMap<>();
      for (SourceSettings source : sources) {
        pollers.put(source.id(), new SourcePoller(source, fetcher, seen, sink, clock));
      }
      return new Ingest(Collections.unmodifiableMap(pollers));
    }
  }
}
