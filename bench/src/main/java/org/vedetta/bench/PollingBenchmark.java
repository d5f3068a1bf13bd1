package org.vedetta.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.vedetta.ingest.Ingest;
import org.vedetta.ingest.IngestSettings;
import org.vedetta.ingest.PollResult;
import org.vedetta.ingest.SourceSettings;

/**
 * Measures what polling costs ingest as the number of sources grows: for each number of local RSS feeds, a
 * first round in which every feed is new (200, parse, publish every item) and steady rounds in which most feeds
 * answer 304 and the rest have one new item. Only the public API of {@code vedetta-ingest} is used; polls go
 * through {@link Ingest#pollNow} from a fixed pool of threads, not through ingest's scheduler, whose rounds last
 * a poll interval. See {@code bench/README.md}.
 */
public final class PollingBenchmark {

  /** Steady rounds of the warm-up run, after its first round. */
  static final int WARMUP_STEADY_ROUNDS = 4;

  private PollingBenchmark() {}

  /**
   * One number of sources: a fresh {@link Ingest} and database, its build, and its rounds.
   *
   * @param sources     feeds polled
   * @param changing    feeds among them with a new item every round
   * @param buildNanos  wall time of {@code Ingest.builder()...build()} (validation, Flyway, one poller per source)
   * @param heapBefore  heap used after full collections before the database was opened
   * @param heapBuilt   the same once ingest was built, before any poll
   * @param rounds      the first round, then the steady ones
   * @param bare        the same feeds fetched once more by a bare JDK HTTP client, all answering 304
   */
  record Run(int sources, int changing, long buildNanos, long heapBefore, long heapBuilt, List<PollRound> rounds,
      PollRound bare) {

    Run {
      rounds = List.copyOf(rounds);
    }

    PollRound firstRound() {
      return rounds.get(0);
    }

    List<PollRound> steadyRounds() {
      return rounds.subList(1, rounds.size());
    }

    /** The steady round of median wall time (the faster of the middle two for an even count). */
    PollRound medianSteadyRound() {
      List<PollRound> sorted = new ArrayList<>(steadyRounds());
      sorted.sort(Comparator.comparingLong(PollRound::wallNanos));
      return sorted.get((sorted.size() - 1) / 2);
    }
  }

  public static void main(String[] args) throws Exception {
    PollingOptions options = Arguments.parseOrExit(PollingOptions::parse, PollingOptions.USAGE, args);
    run(options, System.out);
  }

  /** Runs the warm-up, then one measured run per number of sources, printing as it goes; returns the measured runs. */
  static List<Run> run(PollingOptions options, PrintStream out) throws InterruptedException, SQLException {
    out.printf(Locale.ROOT, "Vedetta ingest polling; Java %s, %d cores, max heap %,d MB%n", Runtime.version(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    IngestSettings settings = ingestSettings(options);
    out.printf(Locale.ROOT, "%d polling threads; ingest per host: %d requests at once, %d ms apart; feeds on %d "
            + "loopback address(es) (%d server threads); %d items per feed; %d%% of feeds change each round; "
            + "database: in-memory H2, %s%n", options.threads(), settings.perHostConcurrency(),
        settings.perHostInterval().toMillis(), options.hosts(), options.serverThreads(), options.items(),
        options.changed(), options.pooled() ? "HikariCP pool of " + MemoryDatabase.POOL_SIZE : "no pool");
    List<Run> runs = new ArrayList<>();
    try (FeedSite site = FeedSite.start(options.hosts(), options.serverThreads(), options.items(),
        options.changed())) {
      if (options.warmup() > 0) {
        long t0 = System.nanoTime();
        measure(site, options.warmup(), WARMUP_STEADY_ROUNDS, options, null);
        out.printf(Locale.ROOT, "warm-up: %,d feeds, first round and %d steady rounds, %,.1f s%n", options.warmup(),
            WARMUP_STEADY_ROUNDS, (System.nanoTime() - t0) / 1e9);
      }
      for (int sources : options.sources()) {
        runs.add(measure(site, sources, options.rounds(), options, out));
      }
    }
    printSummary(runs, options, out);
    return runs;
  }

  /** One run over feeds 0 … {@code sources}−1; prints each round to {@code out} unless it is {@code null}. */
  private static Run measure(FeedSite site, int sources, int steadyRounds, PollingOptions options, PrintStream out)
      throws InterruptedException, SQLException {
    List<SourceSettings> settings = new ArrayList<>(sources);
    for (int feed = 0; feed < sources; feed++) {
      settings.add(SourceSettings.rss("feed-" + feed, site.feedUrl(feed)).withAllowPrivate(true));
    }
    List<String> ids = settings.stream().map(SourceSettings::id).toList();
    long heapBefore = Heap.usedAfterGc();
    LongAdder published = new LongAdder();
    try (MemoryDatabase database = MemoryDatabase.open(options.pooled())) {
      long t0 = System.nanoTime();
      try (Ingest ingest = Ingest.builder()
          .sources(settings)
          .sink(article -> published.increment())
          .dataSource(database.dataSource())
          .clock(Clock.systemUTC())
          .settings(ingestSettings(options))
          .build()) {
        long buildNanos = System.nanoTime() - t0;
        long heapBuilt = Heap.usedAfterGc();
        if (out != null) {
          out.printf(Locale.ROOT, "%n%,d sources: ingest built in %,.0f ms; heap %,.1f MB before, %,.1f MB built%n",
              sources, buildNanos / 1e6, heapBefore / 1e6, heapBuilt / 1e6);
          printHeader(out);
        }
        ExecutorService pool = pollingThreads(options.threads());
        try {
          List<PollRound> rounds = new ArrayList<>();
          for (int round = 0; round <= steadyRounds; round++) {
            rounds.add(round(site, ingest, ids, round, pool, published, options));
            print(out, rounds.get(round));
          }
          PollRound bare = bareRound(site, sources, steadyRounds, pool, published, options);
          print(out, bare);
          return new Run(sources, site.changing(sources), buildNanos, heapBefore, heapBuilt, rounds, bare);
        } finally {
          pool.shutdownNow();
          if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            System.err.println("polling threads still running 30 s after the run");
          }
        }
      }
    }
  }

  /**
   * Ingest's defaults, except politeness: by default ingest sends at most 2 requests at once to a host, 1 s
   * apart, so a round over N feeds on one host would last N seconds. Here every polling thread may reach the
   * same host at once, with no interval.
   */
  static IngestSettings ingestSettings(PollingOptions options) {
    return IngestSettings.defaults()
        .withPerHostConcurrency(options.threads())
        .withPerHostInterval(Duration.ZERO);
  }

  private static ExecutorService pollingThreads(int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "poll-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Polls every source once through ingest. */
  private static PollRound round(FeedSite site, Ingest ingest, List<String> ids, int round, ExecutorService pool,
      LongAdder published, PollingOptions options) throws InterruptedException {
    List<Callable<PollResult>> polls = ids.stream().map(id -> (Callable<PollResult>) () -> ingest.pollNow(id))
        .toList();
    return measureRound(site, round, round == 0 ? "first" : "steady " + round, polls, pool, published, options);
  }

  /**
   * The floor under a 304 poll: one conditional GET per feed with the JDK client as ingest configures it
   * ({@code sendAsync}, then wait), sending the feed's current ETag, so every answer is a 304; no ingest code.
   */
  private static PollRound bareRound(FeedSite site, int sources, int round, ExecutorService pool,
      LongAdder published, PollingOptions options) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    List<Callable<PollResult>> gets = new ArrayList<>(sources);
    for (int feed = 0; feed < sources; feed++) {
      String id = "feed-" + feed;
      HttpRequest request = HttpRequest.newBuilder(URI.create(site.feedUrl(feed)))
          .timeout(Duration.ofSeconds(30))
          .header("If-None-Match", site.etag(feed, round))
          .GET()
          .build();
      gets.add(() -> {
        int status = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).get(30, TimeUnit.SECONDS)
            .statusCode();
        return new PollResult(id, 0, 0, 0, Duration.ZERO, status == 304 ? null : "bare GET: HTTP " + status);
      });
    }
    return measureRound(site, round, "bare 304", gets, pool, published, options);
  }

  /** Runs {@code polls}, at most {@code threads} at a time, within the round timeout, and measures them. */
  private static PollRound measureRound(FeedSite site, int round, String label, List<Callable<PollResult>> polls,
      ExecutorService pool, LongAdder published, PollingOptions options) throws InterruptedException {
    site.beginRound(round);
    long published0 = published.sum();
    CpuTime.Reading cpu0 = CpuTime.read();
    long t0 = System.nanoTime();
    List<Future<PollResult>> results = pool.invokeAll(polls, options.roundTimeout().toMillis(), TimeUnit.MILLISECONDS);
    long wall = System.nanoTime() - t0;
    CpuTime.Split cpu = CpuTime.read().since(cpu0);

    int failed = 0;
    int unfinished = 0;
    String firstError = null;
    for (Future<PollResult> future : results) {
      try {
        PollResult result = future.get();
        if (!result.succeeded()) {
          failed++;
          firstError = firstError == null ? result.error() : firstError;
        }
      } catch (CancellationException e) {
        unfinished++;
      } catch (ExecutionException e) {
        failed++;
        firstError = firstError == null ? label + ": " + e.getCause() : firstError;
      }
    }
    if (unfinished > 0) {
      throw new IllegalStateException(String.format(Locale.ROOT, "%s round over %,d sources: %,d polls did not "
          + "finish within %d s and were cancelled", label, polls.size(), unfinished,
          options.roundTimeout().toSeconds()));
    }
    long heap = Heap.usedAfterGc();
    return new PollRound(polls.size(), label, wall, cpu, heap, published.sum() - published0, failed, firstError,
        site.served());
  }

  private static void printHeader(PrintStream out) {
    out.printf(Locale.ROOT, "%8s  %-10s %8s %9s %8s %9s | %7s %7s %7s %7s %7s %7s | %7s %8s %7s %9s %6s %6s %5s "
            + "%6s%n", "N", "round", "wall ms", "sources/s", "CPU ms", "µs/source", "poll", "client", "JIT", "GC",
        "JVM etc", "other", "server", "alloc MB", "heap MB", "published", "200s", "304s", "conns", "failed");
  }

  /**
   * One round. CPU ms excludes the feed servers; then it is split by thread kind (polling threads, HTTP client
   * threads, JIT compilers, GC, the rest of the JVM, other Java threads), and the servers' own CPU ms follow.
   * alloc MB excludes the servers too.
   */
  private static void print(PrintStream out, PollRound r) {
    if (out == null) {
      return;
    }
    CpuTime.Split cpu = r.cpu();
    long jit = Math.max(0, cpu.jit());
    long gc = Math.max(0, cpu.gc());
    out.printf(Locale.ROOT, "%,8d  %-10s %,8.0f %,9.0f %,8.0f %,9.0f | %,7.0f %,7.0f %,7.0f %,7.0f %,7.0f %,7.0f | "
            + "%,7.0f %,8.0f %,7.1f %,9d %,6d %,6d %,5d %,6d%n",
        r.sources(), r.label(), r.wallNanos() / 1e6, r.sourcesPerSecond(), cpu.ingestSide() / 1e6,
        r.cpuMicrosPerSource(), cpu.polling() / 1e6, cpu.httpClient() / 1e6, jit / 1e6, gc / 1e6,
        (cpu.jvm() - jit - gc) / 1e6, cpu.otherJava() / 1e6, cpu.feedServer() / 1e6, cpu.allocatedBytes() / 1e6,
        r.heapBytes() / 1e6, r.published(), r.served().ok(), r.served().notModified(), r.served().connectionsOpened(),
        r.failedPolls());
    if (r.firstError() != null) {
      out.println("          first error: " + r.firstError());
    }
  }

  private static void printSummary(List<Run> runs, PollingOptions options, PrintStream out) {
    out.printf(Locale.ROOT, "%n== summary: %d polling threads, %d items per feed, %d%% of feeds change; steady = "
        + "median of %d steady rounds ==%n", options.threads(), options.items(), options.changed(), options.rounds());
    out.printf(Locale.ROOT, "| %6s | %-6s | %8s | %9s | %8s | %13s | %16s | %7s | %9s |%n", "N", "round", "wall ms",
        "sources/s", "CPU ms", "CPU/source µs", "… without JIT µs", "heap MB", "published");
    out.println("|-------:|--------|---------:|----------:|---------:|--------------:|-----------------:|--------:|"
        + "----------:|");
    for (Run run : runs) {
      for (PollRound r : List.of(run.firstRound(), run.medianSteadyRound())) {
        out.printf(Locale.ROOT, "| %,6d | %-6s | %,8.0f | %,9.0f | %,8.0f | %,13.0f | %,16.0f | %,7.1f | %,9d |%n",
            run.sources(), r.first() ? "first" : "steady", r.wallNanos() / 1e6, r.sourcesPerSecond(),
            r.cpu().ingestSide() / 1e6, r.cpuMicrosPerSource(), r.cpu().ingestSideWithoutJit() / 1e3 / r.sources(),
            r.heapBytes() / 1e6, r.published());
      }
    }
    for (Run run : runs) {
      out.printf(Locale.ROOT, "%,d sources: ingest built in %,.0f ms, +%,.1f MB heap; bare JDK client, all 304: "
              + "%,.0f µs CPU per request (%,.0f without JIT), %,.0f requests/s%n", run.sources(),
          run.buildNanos() / 1e6, (run.heapBuilt() - run.heapBefore()) / 1e6, run.bare().cpuMicrosPerSource(),
          run.bare().cpu().ingestSideWithoutJit() / 1e3 / run.sources(), run.bare().sourcesPerSecond());
    }
  }
}
