package org.vedetta.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.vedetta.app.kafka.EmbeddedKafka;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.kafka.TopicReplay;
import org.vedetta.app.live.DevelopmentFeed;
import org.vedetta.app.watchlists.WatchlistPreview;
import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.model.Json;
import org.vedetta.model.Mention;
import org.vedetta.model.TaggedArticle;
import org.vedetta.model.Topics;
import org.vedetta.notifier.Watchlist;

/**
 * Measures the console's two readers of the topics, on the app's real embedded broker in this process:
 * <ol>
 *   <li>the watchlist <em>preview</em> ({@link WatchlistPreview} over {@link TopicReplay}), which replays
 *       {@code vedetta.developments} and {@code vedetta.tagged} from N days back and matches a draft watchlist
 *       against every development: a narrow draft (one entity, two events) and a broad one (no entities, so
 *       everything), one warm-up and then {@code --runs} runs each; then where a read's time goes (fetching
 *       without decoding, decoding without fetching), and how the cost grows with the records in the window;
 *   <li>the live view's <em>feed</em> ({@link DevelopmentFeed}, 7 days of history, 500 kept): how long it takes to
 *       catch up with what the topic holds, then the latency from send to listener of a burst of new developments
 *       sent as fast as possible and of a paced trickle.
 * </ol>
 * The topics are filled first with synthetic records shaped as the matcher writes them ({@link PreviewCorpus}),
 * their record timestamps spread evenly over the last {@link #SPREAD} (oldest first), so every one of them is in
 * a 30-day preview and in the live view's 7 days. The run fails unless each preview matched exactly the
 * developments generated for its draft and listed the {@link #SERVICE_SHOWN} most recent of them, and unless the
 * feed kept exactly the newest developments, handed none of its history to its listener as new, and handed on
 * each new development at most once and every one of the newest it keeps (see {@link #wave}).
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -o install -DskipTests
 * mvn -B -q -o -pl bench compile exec:java@previews -Dexec.args="--developments 100000 --articles 100000"
 * </pre>
 */
public final class PreviewBenchmark {

  static final String USAGE = """
      Usage: PreviewBenchmark [--developments N] [--articles M] [--live L] [--paced P] [--rate R] [--runs K]
        --developments N  developments written before measuring (default 100000)
        --articles M      tagged articles written before measuring (default 100000)
        --live L          developments sent as fast as possible while the live feed follows (default 10000)
        --paced P         developments then sent at a steady rate (default 1000; 0 for none)
        --rate R          that rate, per second (default 200)
        --runs K          measured preview runs per draft, after one warm-up (default 3)""";

  /** {@code WatchlistPreview.LIMIT} (package-private there): records a preview reads at most from each topic. */
  static final long SERVICE_LIMIT = 200_000;
  /** {@code WatchlistPreview.SHOWN}: the most recent matches a preview keeps and lists. */
  static final int SERVICE_SHOWN = 100;
  /** {@code TopicReplay.FETCH_WAIT} (private there): how long the broker may hold a replay's empty fetch. */
  static final Duration REPLAY_FETCH_WAIT = Duration.ofMillis(20);
  /** {@code Service.PREVIEW_DEADLINE}: the longest each of a preview's two topic reads may take in the service. */
  static final Duration SERVICE_DEADLINE = Duration.ofSeconds(30);
  /** The deadline here, long enough never to cut a measured read short. */
  static final Duration BENCH_DEADLINE = Duration.ofMinutes(5);
  /** Record timestamps are spread over this much time up to now: inside a 30-day preview and the feed's 7 days. */
  static final Duration SPREAD = Duration.ofDays(6);
  static final int PARTITIONS = 3;
  static final int PREVIEW_DAYS = 30;
  /** Windows of the broad draft that show how cost grows with the records in the window. */
  static final List<Integer> WINDOW_DAYS = List.of(0, 1, 2, 4, 30);
  /** {@code Service.LIVE_HISTORY} and {@code Service.LIVE_KEPT}. */
  static final Duration LIVE_HISTORY = Duration.ofDays(7);
  static final int LIVE_KEPT = 500;
  /** Whole-topic {@link TopicReplay#read}s timed for the breakdown. */
  static final int REPLAYS = 3;
  /** Records of each topic kept in memory to time JSON decoding alone. */
  static final int DECODE_SAMPLE = 20_000;
  /** Timed passes of JSON decoding over that sample, after one untimed; the fastest counts (the machine is shared). */
  static final int DECODE_PASSES = 8;
  static final long SEED = 20_251_103L;
  /** How often the peak-heap sampler reads the heap during a preview. */
  static final long HEAP_SAMPLE_MILLIS = 20;

  static final String NARROW_ENTITY = "north_korea";
  static final List<String> NARROW_EVENTS = List.of("troop_deployment", "casualties");
  static final Watchlist NARROW = new Watchlist("draft-narrow", "North Korea: troops and casualties",
      List.of(NARROW_ENTITY), List.of(), NARROW_EVENTS, null, null);
  static final Watchlist BROAD = new Watchlist("draft-broad", "Everything", List.of(), List.of(), List.of(), null,
      null);

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration WAIT = Duration.ofMinutes(5);
  private static final String FEED_THREAD = "vedetta-live-developments";

  private PreviewBenchmark() {}

  /**
   * Settings from the command line.
   *
   * @param developments developments written before measuring
   * @param articles     tagged articles written before measuring
   * @param live         developments sent as fast as possible while the feed follows
   * @param paced        developments then sent at {@code rate} per second
   * @param rate         per second
   * @param runs         measured preview runs per draft
   */
  record Options(int developments, int articles, int live, int paced, int rate, int runs) {

    private static final Set<String> NAMES = Set.of("--developments", "--articles", "--live", "--paced", "--rate",
        "--runs");

    /** @throws IllegalArgumentException naming every bad argument */
    static Options parse(String... args) {
      Arguments given = Arguments.parse(NAMES, args);
      int developments = given.number("--developments", 100_000, 1, 5_000_000);
      int articles = given.number("--articles", 100_000, 1, 5_000_000);
      int live = given.number("--live", 10_000, 1, 1_000_000);
      int paced = given.number("--paced", 1_000, 0, 100_000);
      int rate = given.number("--rate", 200, 1, 10_000);
      int runs = given.number("--runs", 3, 1, 20);
      given.check();
      return new Options(developments, articles, live, paced, rate, runs);
    }
  }

  /**
   * What a run established; the harness has already failed unless each figure is what it should be.
   *
   * @param narrowExpected          developments generated within the narrow draft
   * @param narrowMatched           what the narrow preview matched (every run)
   * @param narrowArticlesExpected  tagged articles generated mentioning the narrow draft's entity
   * @param narrowArticlesMentioning what the narrow preview counted
   * @param broadMatched            what the broad preview matched
   * @param developmentsRead        developments a 30-day preview read
   * @param articlesRead            tagged articles a 30-day preview read
   * @param complete                whether the preview read its whole window
   * @param recentKept              developments the feed kept once caught up
   * @param historyHandedOn         listener calls for developments written before the feed started
   * @param burst                   the burst sent while the feed followed
   * @param paced                   the paced developments, or null
   */
  record Outcome(long narrowExpected, long narrowMatched, long narrowArticlesExpected, long narrowArticlesMentioning,
      long broadMatched, long developmentsRead, long articlesRead, boolean complete, int recentKept,
      long historyHandedOn, PreviewFeedProbe.Wave burst, PreviewFeedProbe.Wave paced) {}

  public static void main(String[] args) throws Exception {
    Options options = Arguments.parseOrExit(Options::parse, USAGE, args);
    // The broker's own warnings (e.g. about its single node) are not what is measured; errors still show.
    for (String logger : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
      if (System.getProperty("org.slf4j.simpleLogger.log." + logger) == null) {
        System.setProperty("org.slf4j.simpleLogger.log." + logger, "error");
      }
    }
    run(options, System.out);
  }

  static Outcome run(Options options, PrintStream out) throws Exception {
    out.printf(Locale.ROOT, "Vedetta watchlist preview and live feed; Java %s, %d cores, max heap %,d MB%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    out.printf(Locale.ROOT, "embedded Kafka broker in this process (KRaft, %d partitions a topic); %,d developments "
            + "and %,d tagged articles, record timestamps spread evenly over the last %d days, oldest first%n",
        PARTITIONS, options.developments(), options.articles(), SPREAD.toDays());

    Path directory = Files.createTempDirectory("vedetta-preview-bench-");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(directory.resolve("kafka"), 0)) {
      KafkaClients clients = new KafkaClients(kafka.bootstrapServers());
      clients.ensureTopics(PARTITIONS, Duration.ofSeconds(60));
      try (KafkaProducer<String, byte[]> producer = clients.producer("preview-bench")) {
        return measure(options, out, clients, producer, directory.resolve("kafka"));
      }
    } finally {
      Directories.delete(directory);
    }
  }

  private static Outcome measure(Options options, PrintStream out, KafkaClients clients,
      KafkaProducer<String, byte[]> producer, Path logDir) throws Exception {
    int n = options.developments();
    int m = options.articles();
    Instant now = Instant.now();

    // ---- 1. production ----
    long[] narrow = {0, 0};
    ArrayDeque<String> narrowNewest = new ArrayDeque<>(SERVICE_SHOWN + 1); // most recent first
    PreviewCorpus developmentCorpus = new PreviewCorpus(SEED);
    Produced developments = produce(producer, Topics.DEVELOPMENTS, n, now, (i, at) -> {
      Development d = developmentCorpus.development(i, at);
      if (inNarrowDraft(d.claim())) {
        narrow[0]++;
        narrowNewest.addFirst(d.id());
        if (narrowNewest.size() > SERVICE_SHOWN) {
          narrowNewest.removeLast();
        }
      }
      return new Item(d.claimKey(), d.id(), Json.write(d));
    });
    PreviewCorpus articleCorpus = new PreviewCorpus(SEED + 1);
    Produced articles = produce(producer, Topics.TAGGED, m, now, (i, at) -> {
      TaggedArticle t = articleCorpus.article(i, at);
      if (t.mentions().stream().map(Mention::entityId).anyMatch(NARROW_ENTITY::equals)) {
        narrow[1]++;
      }
      return new Item(t.articleId(), t.articleId(), Json.write(t));
    });
    long heapProduced = Heap.usedAfterGc();
    printProduction(out, developments, articles, logDir);

    // ---- 2. previews ----
    TopicReplay replay = new TopicReplay(clients, BENCH_DEADLINE);
    WatchlistPreview preview = new WatchlistPreview(replay, Clock.systemUTC());
    long readable = Math.min(n, SERVICE_LIMIT);
    long readableArticles = Math.min(m, SERVICE_LIMIT);
    boolean whole = n <= SERVICE_LIMIT && m <= SERVICE_LIMIT;
    List<String> broadNewest = new ArrayList<>(developments.latest());
    Collections.reverse(broadNewest);
    broadNewest = broadNewest.subList(0, Math.min(SERVICE_SHOWN, broadNewest.size()));
    List<PreviewRun> runs = new ArrayList<>();
    for (Watchlist draft : List.of(NARROW, BROAD)) {
      long expected = draft == NARROW ? narrow[0] : readable;
      long expectedArticles = draft == NARROW ? narrow[1] : readableArticles;
      List<String> expectedAlerts = draft == NARROW ? List.copyOf(narrowNewest) : broadNewest;
      for (int r = 0; r <= options.runs(); r++) {
        PreviewRun run = previewRun(preview, draft, PREVIEW_DAYS, r == 0 ? "warm-up" : "run " + r);
        WatchlistPreview.Result result = run.result();
        check(result.developmentsRead() == readable && result.articlesRead() == readableArticles,
            "%s: read %,d developments and %,d articles, expected %,d and %,d", draft.id(), result.developmentsRead(),
            result.articlesRead(), readable, readableArticles);
        check(result.complete() == whole, "%s: complete = %s, expected %s", draft.id(), result.complete(), whole);
        check(!whole || result.matched() == expected, "%s matched %,d developments, expected exactly %,d",
            draft.id(), result.matched(), expected);
        check(!whole || result.articlesMentioning() == expectedArticles,
            "%s counted %,d articles mentioning it, expected %,d", draft.id(), result.articlesMentioning(),
            expectedArticles);
        check(result.alerts().size() == Math.min(SERVICE_SHOWN, result.matched()), "%s listed %,d alerts of %,d",
            draft.id(), result.alerts().size(), result.matched());
        check(result.alerts().stream().allMatch(d -> draft == BROAD || inNarrowDraft(d.claim())),
            "%s listed a development outside the draft", draft.id());
        check(!whole || ids(result.alerts()).equals(expectedAlerts),
            "%s: the alerts are not the %,d most recent matches, most recent first", draft.id(), expectedAlerts.size());
        for (int a = 1; a < result.alerts().size(); a++) {
          check(!result.alerts().get(a).detectedAt().isAfter(result.alerts().get(a - 1).detectedAt()),
              "%s: alerts are not most recent first", draft.id());
        }
        runs.add(run);
      }
    }
    long heapPreviews = Heap.usedAfterGc();
    printPreviews(out, options, runs, narrow, heapProduced, heapPreviews);

    // ---- 3. where a read's time goes ----
    List<Breakdown> breakdowns = List.of(
        breakdown(clients, replay, Topics.DEVELOPMENTS, Development.class, developments.sample()),
        breakdown(clients, replay, Topics.TAGGED, TaggedArticle.class, articles.sample()));
    long retainedPerMatch = retainedPerDevelopment(developments.sample());
    printBreakdown(out, breakdowns, retainedPerMatch);

    // ---- 4. cost against the records in the window ----
    List<PreviewRun> windows = new ArrayList<>();
    for (int days : WINDOW_DAYS) {
      windows.add(previewRun(preview, BROAD, days, days + (days == 1 ? " day" : " days")));
    }
    printWindows(out, windows);

    // ---- 5. the live feed ----
    Live live = live(options, out, clients, producer, developments);

    PreviewRun narrowRun = runs.get(options.runs());
    PreviewRun broadRun = runs.get(runs.size() - 1);
    return new Outcome(narrow[0], narrowRun.result().matched(), narrow[1], narrowRun.result().articlesMentioning(),
        broadRun.result().matched(), broadRun.result().developmentsRead(), broadRun.result().articlesRead(),
        broadRun.result().complete(), live.recentKept(), live.historyHandedOn(), live.burst(),
        live.paced());
  }

  /** The narrow draft's rule, written out here rather than taken from {@link Watchlist#matches}. */
  static boolean inNarrowDraft(Claim claim) {
    return (NARROW_ENTITY.equals(claim.subject()) || NARROW_ENTITY.equals(claim.counterparty()))
        && NARROW_EVENTS.contains(claim.event());
  }

  // ---- production ----

  /** One record to write. */
  private record Item(String key, String id, byte[] json) {}

  /**
   * What was written to one topic.
   *
   * @param lastOfPartition id of the last record of each partition
   * @param latest          ids of the last {@link #LIVE_KEPT} records written, oldest first
   * @param sample          the first {@link #DECODE_SAMPLE} values
   */
  private record Produced(String topic, long records, long jsonBytes, PhaseMeter.Phase phase,
      Map<Integer, String> lastOfPartition, List<String> latest, List<byte[]> sample) {}

  private static Produced produce(KafkaProducer<String, byte[]> producer, String topic, int n, Instant now,
      BiFunction<Long, Instant, Item> make) {
    long first = now.minus(SPREAD).toEpochMilli();
    long spread = SPREAD.toMillis();
    Map<Integer, String> lastOfPartition = new ConcurrentHashMap<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    ArrayDeque<String> latest = new ArrayDeque<>(LIVE_KEPT + 1);
    List<byte[]> sample = new ArrayList<>();
    long bytes = 0;
    PhaseMeter meter = PhaseMeter.start();
    for (long i = 0; i < n; i++) {
      long at = first + i * spread / n;
      Item item = make.apply(i, Instant.ofEpochMilli(at));
      bytes += item.json().length;
      if (sample.size() < DECODE_SAMPLE) {
        sample.add(item.json());
      }
      latest.addLast(item.id());
      if (latest.size() > LIVE_KEPT) {
        latest.removeFirst();
      }
      producer.send(new ProducerRecord<>(topic, null, at, item.key(), item.json()), (metadata, e) -> {
        if (e != null) {
          failure.compareAndSet(null, e);
        } else {
          lastOfPartition.put(metadata.partition(), item.id()); // callbacks of one partition run in send order
        }
      });
    }
    producer.flush();
    PhaseMeter.Phase phase = meter.stop();
    if (failure.get() != null) {
      throw new IllegalStateException("writing to " + topic + " failed: " + failure.get(), failure.get());
    }
    return new Produced(topic, n, bytes, phase, Map.copyOf(lastOfPartition), List.copyOf(latest),
        List.copyOf(sample));
  }

  private static void printProduction(PrintStream out, Produced developments, Produced articles, Path logDir)
      throws IOException {
    out.printf(Locale.ROOT, "%n== writing the topics (generate, Json.write, KafkaClients.producer: acks=all, "
        + "idempotent, lz4, linger 5 ms)%n");
    out.printf(Locale.ROOT, "| %-22s | %9s | %8s | %9s | %8s | %9s | %8s | %8s | %8s |%n", "topic", "records",
        "wall ms", "records/s", "JSON MB", "avg bytes", "disk MB", "CPU ms", "caller");
    out.println("|------------------------|----------:|---------:|----------:|---------:|----------:|---------:|"
        + "---------:|---------:|");
    for (Produced p : List.of(developments, articles)) {
      out.printf(Locale.ROOT, "| %-22s | %,9d | %,8.0f | %,9.0f | %,8.1f | %,9.0f | %,8.1f | %,8.0f | %,8.0f |%n",
          p.topic(), p.records(), p.phase().millis(), p.phase().perSecond(p.records()), p.jsonBytes() / 1e6,
          (double) p.jsonBytes() / p.records(), sizeOf(logDir, p.topic()) / 1e6, p.phase().process() / 1e6,
          p.phase().caller() / 1e6);
    }
    out.println("(caller: the thread generating, encoding and sending; the rest is the producer's sender thread, "
        + "the broker, JIT and GC. disk: the topic's log segments, lz4 batches.)");
  }

  // ---- previews ----

  /** One timed {@link WatchlistPreview#run}. */
  private record PreviewRun(Watchlist draft, int days, String label, WatchlistPreview.Result result,
      PhaseMeter.Phase phase, long peakHeap) {

    long read() {
      return result.developmentsRead() + result.articlesRead();
    }
  }

  private static PreviewRun previewRun(WatchlistPreview preview, Watchlist draft, int days, String label)
      throws InterruptedException {
    System.gc();
    PhaseMeter meter = PhaseMeter.start();
    WatchlistPreview.Result result;
    long peak;
    try (PeakHeap heap = PeakHeap.start(HEAP_SAMPLE_MILLIS)) {
      result = preview.run(draft, days);
      peak = heap.peak();
    }
    return new PreviewRun(draft, days, label, result, meter.stop(), peak);
  }

  private static void printPreviews(PrintStream out, Options options, List<PreviewRun> runs, long[] narrow,
      long heapProduced, long heapPreviews) {
    out.printf(Locale.ROOT, "%n== preview: new WatchlistPreview(new TopicReplay(clients, 5 min), clock).run(draft, "
        + "%d), on the calling thread%n", PREVIEW_DAYS);
    out.printf(Locale.ROOT, "narrow draft: entities [%s], events %s: generated %,d matching developments and %,d "
        + "articles mentioning %s%n", NARROW_ENTITY, NARROW_EVENTS, narrow[0], narrow[1], NARROW_ENTITY);
    out.printf(Locale.ROOT, "broad draft: no entities, no events: everything matches%n");
    out.printf(Locale.ROOT, "| %-16s | %8s | %9s | %9s | %8s | %10s | %8s | %8s | %8s | %8s | %9s |%n", "draft",
        "wall ms", "read", "records/s", "matched", "mentioning", "CPU ms", "caller", "GC ms", "alloc MB",
        "peak heap");
    out.println("|------------------|---------:|----------:|----------:|---------:|-----------:|---------:|"
        + "---------:|---------:|---------:|----------:|");
    for (PreviewRun r : runs) {
      out.printf(Locale.ROOT, "| %-16s | %,8.0f | %,9d | %,9.0f | %,8d | %,10d | %,8.0f | %,8.0f | %,8.0f | %,8.1f "
              + "| %,6.0f MB |%n", r.draft().id().substring("draft-".length()) + " " + r.label(), r.phase().millis(),
          r.read(), r.phase().perSecond(r.read()), r.result().matched(), r.result().articlesMentioning(),
          r.phase().process() / 1e6, r.phase().caller() / 1e6, Math.max(0, r.phase().gc()) / 1e6,
          r.phase().allocated() / 1e6, r.peakHeap() / 1e6);
    }
    for (Watchlist draft : List.of(NARROW, BROAD)) {
      List<PreviewRun> measured = runs.stream().filter(r -> r.draft() == draft && !r.label().equals("warm-up"))
          .toList();
      double median = median(measured.stream().mapToDouble(r -> r.phase().millis()).toArray());
      long read = measured.get(0).read();
      double caller = median(measured.stream().mapToDouble(r -> r.phase().caller() / 1e6).toArray());
      out.printf(Locale.ROOT, "%s: median of %d runs %,.0f ms for %,d records, %,.0f records/s, %,.1f µs wall and "
              + "%,.1f µs calling-thread CPU per record, %,.0f bytes allocated per record%n",
          draft.id(), options.runs(), median, read, read / (median / 1e3), median * 1e3 / read, caller * 1e3 / read,
          measured.get(0).phase().allocated() / (double) read);
    }
    out.printf(Locale.ROOT, "heap used after GC (broker and producer included): %,.1f MB once the topics were "
        + "written, %,.1f MB after the previews%n", heapProduced / 1e6, heapPreviews / 1e6);
  }

  // ---- where the time goes ----

  /**
   * One read of a whole topic by a reader consumer that counts records and decodes nothing, in three parts.
   *
   * @param setupNanos creating the consumer, partitionsFor, endOffsets, assign and seek
   * @param loop       polling until every partition is at its end offset
   * @param closeNanos {@code KafkaConsumer.close()}
   */
  private record FetchOnly(long records, long bytes, long setupNanos, PhaseMeter.Phase loop, long closeNanos) {}

  /**
   * One topic read three ways.
   *
   * @param fetch           a plain reader consumer that decodes nothing
   * @param decode          {@link Json#read} alone over values in memory, nanoseconds per record (best of
   *                        {@value #DECODE_PASSES} passes)
   * @param decodeAllocated bytes {@link Json#read} allocates per record
   * @param replays         {@link TopicReplay#read} with a sink that keeps nothing, {@value #REPLAYS} times
   */
  private record Breakdown(String topic, FetchOnly fetch, double decode, double decodeAllocated, int decodeSample,
      List<PhaseMeter.Phase> replays, long replayed) {

    /** The replay of median wall time. */
    PhaseMeter.Phase replay() {
      List<PhaseMeter.Phase> sorted = replays.stream()
          .sorted(Comparator.comparingLong(PhaseMeter.Phase::wallNanos)).toList();
      return sorted.get(sorted.size() / 2);
    }
  }

  private static <T> Breakdown breakdown(KafkaClients clients, TopicReplay replay, String topic, Class<T> type,
      List<byte[]> sample) {
    fetchOnly(clients, topic); // warms the broker's and the client's paths
    FetchOnly fetch = fetchOnly(clients, topic);

    double best = Double.MAX_VALUE;
    double allocated = 0;
    for (int pass = 0; pass <= DECODE_PASSES; pass++) {
      long a0 = PhaseMeter.allocatedHere();
      double perRecord = decodePass(sample, type);
      allocated = (PhaseMeter.allocatedHere() - a0) / (double) sample.size();
      if (pass > 0) {
        best = Math.min(best, perRecord);
      }
    }

    Instant since = Instant.now().minus(Duration.ofDays(PREVIEW_DAYS));
    List<PhaseMeter.Phase> replays = new ArrayList<>();
    long read = 0;
    for (int r = 0; r < REPLAYS; r++) {
      PhaseMeter meter = PhaseMeter.start();
      read = replay.read(topic, type, since, SERVICE_LIMIT, value -> { }).records();
      replays.add(meter.stop());
    }
    return new Breakdown(topic, fetch, best, allocated, sample.size(), List.copyOf(replays), read);
  }

  /**
   * Decodes every value of {@code sample} once: nanoseconds per record. A method of its own, so that each pass
   * runs the JIT's compiled code rather than the loop compiled on the fly inside a long-running one.
   */
  private static <T> double decodePass(List<byte[]> sample, Class<T> type) {
    long t0 = System.nanoTime();
    long sink = 0;
    for (byte[] json : sample) {
      sink += System.identityHashCode(Json.read(json, type)) & 1; // keeps it live; a record's hashCode is deep
    }
    double perRecord = (System.nanoTime() - t0) / (double) sample.size();
    if (sink < 0) {
      throw new AssertionError();
    }
    return perRecord;
  }

  /** Reads {@code topic} from its start to its end with {@link KafkaClients#reader}, as TopicReplay does. */
  private static FetchOnly fetchOnly(KafkaClients clients, String topic) {
    long t0 = System.nanoTime();
    KafkaConsumer<String, byte[]> consumer = clients.reader("preview-bench-fetch", REPLAY_FETCH_WAIT);
    long records = 0;
    long bytes = 0;
    long setup;
    PhaseMeter.Phase loop;
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Set<TopicPartition> open = new HashSet<>(partitions);
      open.removeIf(p -> end.get(p) == 0);
      setup = System.nanoTime() - t0;
      PhaseMeter meter = PhaseMeter.start();
      while (!open.isEmpty()) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          records++;
          bytes += r.value().length;
        }
        open.removeIf(p -> consumer.position(p, TIMEOUT) >= end.get(p));
      }
      loop = meter.stop();
    } finally {
      long c0 = System.nanoTime();
      consumer.close();
      t0 = System.nanoTime() - c0;
    }
    return new FetchOnly(records, bytes, setup, loop, t0);
  }

  /** Heap a decoded development keeps, as a preview holds its most recent matches. */
  private static long retainedPerDevelopment(List<byte[]> sample) {
    long before = Heap.usedAfterGc();
    List<Development> held = new ArrayList<>(sample.size());
    for (byte[] json : sample) {
      held.add(Json.read(json, Development.class));
    }
    long after = Heap.usedAfterGc();
    long perDevelopment = (after - before) / Math.max(1, held.size());
    held.clear();
    return perDevelopment;
  }

  private static void printBreakdown(PrintStream out, List<Breakdown> breakdowns, long retainedPerMatch) {
    out.printf(Locale.ROOT, "%n== where a topic read's time goes (whole topic; TopicReplay: median of %d reads)%n",
        REPLAYS);
    out.printf(Locale.ROOT, "| %-22s | %9s | %11s | %11s | %11s | %11s | %11s |%n", "topic", "records",
        "fetch loop", "decode only", "consumer", "TopicReplay", "sum of the");
    out.printf(Locale.ROOT, "| %-22s | %9s | %11s | %11s | %11s | %11s | %11s |%n", "", "", "µs/record",
        "µs/record", "close() ms", "ms", "parts, ms");
    out.println("|------------------------|----------:|------------:|------------:|------------:|------------:|"
        + "------------:|");
    for (Breakdown b : breakdowns) {
      FetchOnly f = b.fetch();
      double loopNanos = f.loop().wallNanos() / (double) f.records();
      double parts = (f.setupNanos() + f.closeNanos()) / 1e6 + b.replayed() * (loopNanos + b.decode()) / 1e6;
      out.printf(Locale.ROOT, "| %-22s | %,9d | %,11.1f | %,11.1f | %,11.0f | %,11.0f | %,11.0f |%n", b.topic(),
          b.replayed(), loopNanos / 1e3, b.decode() / 1e3, f.closeNanos() / 1e6, b.replay().millis(), parts);
    }
    for (Breakdown b : breakdowns) {
      FetchOnly f = b.fetch();
      out.printf(Locale.ROOT, "%s: fetch loop %,.0f MB/s of JSON, %,.0f bytes allocated per record, setup %,.0f ms; "
              + "Json.read %,.0f bytes allocated per record (best of %d passes over %,d values in memory); "
              + "TopicReplay reads %s ms, %,.0f bytes allocated per record%n", b.topic(),
          f.bytes() / 1e6 / (f.loop().wallNanos() / 1e9), f.loop().allocated() / (double) f.records(),
          f.setupNanos() / 1e6, b.decodeAllocated(), DECODE_PASSES, b.decodeSample(),
          b.replays().stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.millis())).toList(),
          b.replay().allocated() / (double) b.replayed());
    }
    out.printf(Locale.ROOT, "(consumer close(): TopicReplay's reader lets the broker hold a fetch that finds nothing "
        + "new for at most %d ms (fetch.max.wait.ms); close() waits for a fetch left in flight)%n",
        REPLAY_FETCH_WAIT.toMillis());
    out.printf(Locale.ROOT, "a decoded development keeps about %,d bytes of heap; a preview keeps only the %d most "
            + "recent matches: about %,.0f KB, whatever the window and however many match%n", retainedPerMatch,
        SERVICE_SHOWN, retainedPerMatch * (double) SERVICE_SHOWN / 1e3);
  }

  private static void printWindows(PrintStream out, List<PreviewRun> windows) {
    out.printf(Locale.ROOT, "%n== cost against the records in the window (broad draft, run(draft, days), one run "
        + "each)%n");
    out.printf(Locale.ROOT, "| %5s | %9s | %8s | %9s |%n", "days", "read", "wall ms", "records/s");
    out.println("|------:|----------:|---------:|----------:|");
    for (PreviewRun r : windows) {
      out.printf(Locale.ROOT, "| %5d | %,9d | %,8.0f | %,9.0f |%n", r.days(), r.read(), r.phase().millis(),
          r.phase().perSecond(r.read()));
    }
    // Least squares: ms = fixed + perRecord × records.
    double[] x = windows.stream().mapToDouble(PreviewRun::read).toArray();
    double[] y = windows.stream().mapToDouble(r -> r.phase().millis()).toArray();
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    double fixed = my - slope * mx;
    double perTopicAtLimit = fixed / 2 + slope * SERVICE_LIMIT;
    out.printf(Locale.ROOT, "fit: wall ms ≈ %,.0f + %,.2f µs × records read (both topics)%n", fixed, slope * 1e3);
    if (slope <= 0) {
      out.println("no growth with the records read at this size: fixed costs and waits dominate; run with more "
          + "records to see the per-record cost");
      return;
    }
    out.printf(Locale.ROOT, "at the service's limit (WatchlistPreview.LIMIT = %,d records per topic) one topic "
            + "read takes about %,.1f s against Service's deadline of %d s per read (a preview does two reads: "
            + "up to %,.1f s in all); the limit is %s before the deadline%n", SERVICE_LIMIT,
        perTopicAtLimit / 1e3, SERVICE_DEADLINE.toSeconds(), 2 * perTopicAtLimit / 1e3,
        perTopicAtLimit < SERVICE_DEADLINE.toMillis() ? "reached" : "NOT reached: the deadline cuts the read first");
  }

  // ---- the live feed ----

  private record Live(int recentKept, long historyHandedOn, PreviewFeedProbe.Wave burst,
      PreviewFeedProbe.Wave paced) {}

  private static Live live(Options options, PrintStream out, KafkaClients clients,
      KafkaProducer<String, byte[]> producer, Produced developments) throws Exception {
    int n = options.developments();
    out.printf(Locale.ROOT, "%n== live view: DevelopmentFeed.start(clients, %d days, keep %d, clock), one listener "
        + "subscribed right after start%n", LIVE_HISTORY.toDays(), LIVE_KEPT);
    // The newest LIVE_KEPT written are the newest by time (timestamps rise with every record), newest first.
    List<String> newest = new ArrayList<>(developments.latest());
    Collections.reverse(newest);
    // When the last record of every partition is among them, keeping exactly them means every partition has been
    // read to its end: the catch-up is over.
    check(newest.containsAll(developments.lastOfPartition().values()), "the last development of a partition is "
        + "not among the %,d newest, so keeping them would not show that the feed has caught up", newest.size());
    PreviewFeedProbe probe = new PreviewFeedProbe();
    PhaseMeter meter = PhaseMeter.start();
    try (DevelopmentFeed feed = DevelopmentFeed.start(clients, LIVE_HISTORY, LIVE_KEPT, Clock.systemUTC())) {
      AutoCloseable subscription = feed.subscribe(probe);
      Awaitility.await("the feed to keep the newest developments written").atMost(WAIT)
          .pollInterval(Duration.ofMillis(2)).until(() -> ids(feed.recent()).equals(newest));
      PhaseMeter.Phase catchUp = meter.stop();
      long feedCpu = PhaseMeter.threadCpu(FEED_THREAD);
      int kept = feed.recent().size();
      check(kept == Math.min(LIVE_KEPT, n), "the feed keeps %,d developments, expected %,d", kept,
          Math.min(LIVE_KEPT, n));
      check(probe.historyCalls() == 0, "the feed handed %,d developments of its history to the listener as new",
          probe.historyCalls());
      out.printf(Locale.ROOT, "catch-up: %,d developments in %,.0f ms (%,.0f records/s), from start() until "
              + "recent() holds the %,d newest written, newest first; feed thread CPU %,.0f ms (%,.1f µs per "
              + "record); process CPU %,.0f ms; the listener heard of none of them%n", n, catchUp.millis(),
          catchUp.perSecond(n), kept, feedCpu / 1e6, feedCpu / 1e3 / n, catchUp.process() / 1e6);

      long cpuBefore = PhaseMeter.threadCpu(FEED_THREAD);
      PreviewFeedProbe.Wave burst = wave(producer, feed, probe, n, options.live(), 0);
      long burstCpu = PhaseMeter.threadCpu(FEED_THREAD) - cpuBefore;
      printWave(out, String.format(Locale.ROOT, "burst: %,d sent as fast as possible", options.live()), burst,
          burstCpu);
      PreviewFeedProbe.Wave paced = null;
      if (options.paced() > 0) {
        cpuBefore = PhaseMeter.threadCpu(FEED_THREAD);
        paced = wave(producer, feed, probe, n + options.live(), options.paced(), options.rate());
        printWave(out, String.format(Locale.ROOT, "paced: %,d sent at %,d/s", options.paced(), options.rate()),
            paced, PhaseMeter.threadCpu(FEED_THREAD) - cpuBefore);
      }
      subscription.close();
      check(probe.historyCalls() == 0, "the feed handed %,d developments of its history to the listener as new",
          probe.historyCalls());
      out.printf(Locale.ROOT, "(latency: from just before producer.send() to the listener's call on the feed "
          + "thread: producer batching (linger 5 ms), acks=all append, the feed's fetch, Json.read)%n");
      return new Live(kept, probe.historyCalls(), burst, paced);
    }
  }

  /**
   * Sends {@code count} new developments, at {@code rate} per second or as fast as possible when 0, and waits
   * until the feed has handed on all of them. Fails unless each was handed on once (none again for half a second
   * after the last) and the feed keeps the wave's {@link #LIVE_KEPT} newest.
   */
  private static PreviewFeedProbe.Wave wave(KafkaProducer<String, byte[]> producer, DevelopmentFeed feed,
      PreviewFeedProbe probe, long firstIndex, int count, int rate) throws Exception {
    PreviewCorpus corpus = new PreviewCorpus(SEED + 2 + firstIndex);
    List<Development> developments = new ArrayList<>(count);
    List<Item> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Development d = corpus.development(firstIndex + i, Instant.now());
      developments.add(d);
      items.add(new Item(d.claimKey(), d.id(), Json.write(d)));
    }
    List<String> ids = items.stream().map(Item::id).toList();
    List<String> newest = developments.stream()
        .sorted(Comparator.comparing(Development::detectedAt).thenComparing(Development::id).reversed())
        .limit(LIVE_KEPT).map(Development::id).toList();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      if (rate > 0) {
        long due = start + i * 1_000_000_000L / rate;
        while (System.nanoTime() < due) {
          LockSupport.parkNanos(due - System.nanoTime());
        }
      }
      Item item = items.get(i);
      probe.sending(item.id());
      producer.send(new ProducerRecord<>(Topics.DEVELOPMENTS, item.key(), item.json()), (metadata, e) -> {
        if (e != null) {
          failure.compareAndSet(null, e);
        }
      });
    }
    producer.flush();
    if (failure.get() != null) {
      throw new IllegalStateException("writing to " + Topics.DEVELOPMENTS + " failed: " + failure.get(),
          failure.get());
    }
    Awaitility.await("the feed to hand on " + count + " new developments").atMost(WAIT)
        .pollInterval(Duration.ofMillis(2)).until(() -> probe.delivered(ids) == count);
    // A repeat would come right after: none for half a second.
    Awaitility.await("no development handed on twice").during(Duration.ofMillis(500)).atMost(WAIT)
        .until(() -> probe.wave(ids).repeats() == 0);
    PreviewFeedProbe.Wave wave = probe.wave(ids);
    check(wave.repeats() == 0, "the feed handed on %,d new developments more than once", wave.repeats());
    check(wave.delivered() == wave.sent(), "the feed handed on only %,d of the %,d new developments sent",
        wave.delivered(), wave.sent());
    List<String> kept = ids(feed.recent());
    check(kept.subList(0, newest.size()).equals(newest), "the feed does not keep the %,d newest developments sent",
        newest.size());
    return wave;
  }

  private static void printWave(PrintStream out, String label, PreviewFeedProbe.Wave w, long feedCpu) {
    String handedOn = "each delivered once";
    out.printf(Locale.ROOT, "%s: %s; latency p50 %,.1f ms, p95 %,.1f ms, p99 %,.1f ms, max %,.1f ms; %,.0f "
            + "deliveries/s (first send → last delivery %,.0f ms); feed thread CPU %,.1f µs per development (its "
            + "idle polls included)%n", label, handedOn,
        w.percentileMillis(50), w.percentileMillis(95), w.percentileMillis(99), w.maxMillis(), w.perSecond(),
        w.spanNanos() / 1e6, feedCpu / 1e3 / w.sent());
  }

  // ---- helpers ----

  private static List<String> ids(List<Development> developments) {
    return developments.stream().map(Development::id).toList();
  }



  private static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(Locale.ROOT, format, args));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int k = sorted.length;
    return k % 2 == 1 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }

  /** Bytes of the log segments of every partition of {@code topic}. */
  private static long sizeOf(Path logDir, String topic) throws IOException {
    try (Stream<Path> files = Files.walk(logDir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getParent().getFileName().toString().startsWith(topic + "-"))
          .filter(f -> f.getFileName().toString().endsWith(".log"))
          .mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
