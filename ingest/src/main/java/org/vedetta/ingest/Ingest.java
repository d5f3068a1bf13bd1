package org.vedetta.ingest;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.vedetta.ingest.internal.HttpFetcher;
import org.vedetta.ingest.internal.PollScheduler;
import org.vedetta.ingest.internal.PollStore;
import org.vedetta.ingest.internal.SeenItems;
import org.vedetta.ingest.internal.SourceRunner;
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
 * again.
 *
 * <p>All sources share one HTTP client and its limits ({@link IngestSettings}): timeouts, body and
 * decompressed-body caps, redirects checked hop by hop against private addresses, at most
 * {@code per_host_concurrency} requests to a host at once and {@code per_host_interval} between them, the
 * {@code Retry-After} of a {@code 429}/{@code 503}, and for {@code html} sources the host's robots.txt. A
 * failing source is polled less and less often (see {@link SourceHealth}) and reported by {@link #health()};
 * it never holds up the others for longer than its request timeouts.
 *
 * <p><b>Scheduling, and several processes.</b> The schedule is a Quartz scheduler whose store follows the
 * {@code DataSource}. With H2 it is in memory: this process alone polls its sources. With PostgreSQL it is
 * Quartz's clustered JDBC store in the same database (tables {@code qrtz_*}, migrated at {@link Builder#build}), so
 * every ingest process on that database shares one schedule: each source is polled once per interval by one of
 * them, and when one stops (or dies) the others take over its sources within about 15 s. The processes should list
 * the same sources: the last one started sets the shared schedule (a changed interval is rescheduled, a removed
 * source's job deleted), and a fire of a source a process does not list is logged and skipped. What a process
 * knows of the polls is its own: {@link #health()}, {@link #lastResults()}, the backoff of a failing source and
 * the {@code onPoll} listener see the polls this process made; a failing source (or a {@code Retry-After}) is
 * therefore honoured by each process separately, so the cluster may poll it up to once per interval (a known
 * limitation). {@link #pollNow} polls from this process, whatever the schedule.
 */
public final class Ingest implements AutoCloseable {

  private final Map<String, SourceRunner> runners;
  private final SeenItems seen;
  private final IngestSettings settings;
  private final PollStore store;
  private final Consumer<PollResult> onPoll;
  private final Map<String, PollResult> lastResults = new ConcurrentHashMap<>();
  private PollScheduler scheduler;
  private boolean closed;

  private Ingest(Map<String, SourceRunner> runners, SeenItems seen, IngestSettings settings, PollStore store,
      Consumer<PollResult> onPoll) {
    this.runners = runners;
    this.seen = seen;
    this.settings = settings;
    this.store = store;
    this.onPoll = onPoll;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts polling: each source at once, then every {@code poll_interval}, on a scheduler of
   * {@code poll_threads} threads; a source is never polled twice at the same time. On PostgreSQL a source the
   * other processes already poll at this interval keeps its schedule (no poll at once), and its fires are shared
   * with them. A fire that comes while the source is in backoff or under a {@code Retry-After} is skipped (see
   * {@link SourceHealth#nextPollAt}).
   *
   * @throws IllegalStateException when already started or closed
   */
  public synchronized void start() {
    if (closed || scheduler != null) {
      throw new IllegalStateException(closed ? "ingest is closed" : "ingest is already started");
    }
    scheduler = PollScheduler.start(runners.values().stream().map(SourceRunner::source).toList(),
        settings.pollThreads(), store, id -> runners.get(id).pollIfDue().ifPresent(this::recorded));
  }

  /**
   * Polls one source now and waits for the result; waits first for a scheduled poll of that source that is
   * running in this process (not for one in another process of a cluster). An operator's poll: it does not
   * wait for the source's backoff, though a host that asked with {@code Retry-After} not to be contacted yet is
   * still not contacted (the result says so). A failing source gives a result with an {@link PollResult#error};
   * it does not throw. The result counts in {@link #health()} like a scheduled poll.
   *
   * @throws IllegalArgumentException when no source has this id
   */
  public PollResult pollNow(String sourceId) {
    SourceRunner runner = runners.get(sourceId);
    if (runner == null) {
      throw new IllegalArgumentException("no source '" + sourceId + "'; sources are " + runners.keySet());
    }
    return recorded(runner.pollNow());
  }

  private PollResult recorded(PollResult result) {
    lastResults.put(result.sourceId(), result);
    try {
      onPoll.accept(result);
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(Ingest.class).warn("poll listener failed on {}: {}", result.sourceId(), e.toString());
    }
    return result;
  }

  /**
   * How each source is doing, by source id in the order of the sources: failures in a row, the last error,
   * when it is polled next. Unpolled sources are healthy.
   */
  public Map<String, SourceHealth> health() {
    Map<String, SourceHealth> health = new LinkedHashMap<>();
    runners.forEach((id, runner) -> health.put(id, runner.health()));
    return Collections.unmodifiableMap(health);
  }

  /**
   * Articles published since {@code since}, by source id, counted in the database: across every ingest process
   * sharing it, and across restarts. A source that published nothing is absent.
   *
   * @throws IllegalStateException when the database cannot be read
   */
  public Map<String, Long> publishedSince(java.time.Instant since) {
    try {
      return Map.copyOf(seen.publishedSince(since));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot count published articles: " + e.getMessage(), e);
    }
  }

  /** The latest poll result of each source polled so far, by source id. */
  public Map<String, PollResult> lastResults() {
    return Map.copyOf(lastResults);
  }

  /**
   * Stops the scheduler, waiting for running polls to finish. Idempotent. On PostgreSQL the shared schedule stays:
   * the other processes go on polling every source.
   */
  @Override
  public synchronized void close() {
    closed = true;
    if (scheduler != null) {
      scheduler.close();
      scheduler = null;
    }
  }

  /**
   * Builds an {@link Ingest}; sources, sink and data source are required, the clock defaults to UTC system time
   * and the settings to {@link IngestSettings#defaults()}.
   */
  public static final class Builder {

    private List<SourceSettings> sources;
    private ArticleSink sink;
    private DataSource dataSource;
    private Clock clock = Clock.systemUTC();
    private IngestSettings settings = IngestSettings.defaults();
    private Consumer<PollResult> onPoll = result -> {};

    private Builder() {}

    /** Told of every poll's result, scheduled or {@link #pollNow}, on the polling thread (e.g. for metrics). */
    public Builder onPoll(Consumer<PollResult> onPoll) {
      this.onPoll = Objects.requireNonNull(onPoll, "onPoll");
      return this;
    }

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

    /**
     * Where seen items are remembered (H2 or PostgreSQL), and on PostgreSQL the shared schedule too. Its
     * connections must allow auto-commit to be turned off (the scheduler's transactions do, and restore it).
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    /**
     * Time of {@code fetched_at}, of first sightings, of poll durations, of backoff and {@code Retry-After}
     * windows and of the robots.txt cache. Politeness waits between requests use real time.
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Fetch limits, politeness and backoff for all sources; default {@link IngestSettings#defaults()}. */
    public Builder settings(IngestSettings settings) {
      this.settings = settings;
      return this;
    }

    /**
     * Validates the sources, migrates the seen-items schema (and on PostgreSQL the scheduler's) and returns a
     * stopped {@link Ingest}.
     *
     * @throws IllegalArgumentException listing every invalid source or ingest setting
     */
    public Ingest build() {
      Objects.requireNonNull(sources, "sources");
      Objects.requireNonNull(sink, "sink");
      Objects.requireNonNull(dataSource, "dataSource");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(settings, "settings");
      Problems problems = new Problems();
      new SourcesSettings(sources).validate(problems);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("invalid sources: " + describe(problems));
      }
      settings.validate(problems);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("invalid ingest settings: " + describe(problems));
      }
      SeenItems seen = SeenItems.open(dataSource, clock);
      PollStore store = PollStore.of(dataSource);
      HttpFetcher fetcher = new HttpFetcher(HttpFetcher.newClient(settings), settings, clock);
      Map<String, SourceRunner> runners = new LinkedHashMap<>();
      for (SourceSettings source : sources) {
        runners.put(source.id(), SourceRunner.of(source, fetcher, seen, sink, clock, settings));
      }
      return new Ingest(Collections.unmodifiableMap(runners), seen, settings, store, onPoll);
    }

    private static String describe(Problems problems) {
      return problems.found().stream()
          .map(f -> f.field() + ": " + f.message())
          .collect(Collectors.joining("; "));
    }
  }
}
