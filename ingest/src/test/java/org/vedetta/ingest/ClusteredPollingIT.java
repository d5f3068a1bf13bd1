package org.vedetta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vedetta.model.Article;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Request;
import org.vedetta.testsupport.LocalHttpServer.Response;
import org.vedetta.testsupport.TestDatabases;

/**
 * Two ingest processes (two {@link Ingest}s, each with its own scheduler and sink) on one PostgreSQL schema share
 * the polling through Quartz's clustered job store. Sources poll at the shortest interval allowed, 10 s; each
 * test waits for events with Awaitility, never for a fixed time. Skipped when the local PostgreSQL server does not
 * answer.
 */
class ClusteredPollingIT {

  private static final Duration INTERVAL = SourceSettings.MIN_POLL_INTERVAL;
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final List<String> SOURCES = List.of("north", "south", "east");

  private final LocalHttpServer site = LocalHttpServer.start();
  private final Map<String, GrowingFeed> feeds = new LinkedHashMap<>();
  private final List<Ingest> opened = new CopyOnWriteArrayList<>();
  private DataSource database;

  @BeforeEach
  void database() {
    Optional<DataSource> postgres = TestDatabases.postgres();
    assumeTrue(postgres.isPresent(), "PostgreSQL at 127.0.0.1:5432 does not answer");
    database = postgres.get();
  }

  @AfterEach
  void stop() {
    opened.forEach(Ingest::close);
    site.close();
  }

  /**
   * Run for three intervals after the first polls: every fire of a source's trigger, on whichever node, is one
   * request (the count of requests is the trigger's own count of fires, less at most one fire that
   * {@link Ingest}'s backoff slack may skip on a loaded machine), no two requests come within half an interval,
   * and every item is published once across both sinks. Which node polls what is up to Quartz and not asserted.
   */
  @Test
  void twoNodesPollEachSourceOncePerFireAndPublishEachItemOnce() {
    Node first = node(sources(INTERVAL));
    Node second = node(sources(INTERVAL));

    first.ingest().start();
    second.ingest().start();
    await().atMost(PATIENCE).until(() -> SOURCES.stream().allMatch(id -> feeds.get(id).hits() >= 4));
    first.ingest().close();
    second.ingest().close();

    Map<String, TriggerRow> triggers = triggers();
    for (String id : SOURCES) {
      GrowingFeed feed = feeds.get(id);
      long fires = triggers.get(id).timesTriggered();
      assertThat((long) feed.hits()).as("requests of %s, fired %d times", id, fires).isBetween(fires - 1, fires);
      assertThat(feed.gaps()).as("time between requests of %s", id)
          .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(INTERVAL.dividedBy(2)));
    }
    assertThat(published(first, second)).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(served());
  }

  /**
   * The node that polled more leaves; the shared schedule stays and the other node polls every source, the
   * triggers the leaving node held included once the cluster has recovered them.
   */
  @Test
  void whenOneNodeClosesTheOtherPollsEverySource() {
    Node first = node(sources(INTERVAL));
    Node second = node(sources(INTERVAL));
    first.ingest().start();
    second.ingest().start();
    await().atMost(PATIENCE).until(() -> SOURCES.stream().allMatch(id -> feeds.get(id).hits() >= 1));

    Node leaving = first.polls().size() >= second.polls().size() ? first : second;
    Node staying = leaving == first ? second : first;
    leaving.ingest().close();
    int stayingBefore = staying.polls().size();

    assertThat(leaving.polls()).isNotEmpty();
    assertThat(triggers()).containsOnlyKeys(SOURCES);
    await().atMost(PATIENCE).untilAsserted(() -> {
      List<String> since = List.copyOf(staying.polls()).subList(stayingBefore, staying.polls().size());
      for (String id : SOURCES) {
        assertThat(since).as("polls of %s by the staying node since the other left", id)
            .filteredOn(id::equals).hasSizeGreaterThanOrEqualTo(2);
      }
    });
    assertThat(published(first, second)).doesNotHaveDuplicates();
  }

  /**
   * A node joining with the same interval keeps the shared trigger (no poll at once); with another interval it
   * replaces it, firing at once; a source it does not list loses its job, though an older node still lists it.
   */
  @Test
  void aNodeStartedWithOtherSourcesReschedulesChangedIntervalsAndDeletesRemovedOnes() {
    Duration hour = Duration.ofHours(1);
    Node first = node(source("kept", hour), source("changed", hour), source("removed", hour));
    first.ingest().start();
    await().atMost(PATIENCE).until(() -> feeds.values().stream().allMatch(feed -> feed.hits() == 1));
    Map<String, TriggerRow> before = triggers();

    node(source("kept", hour), source("changed", hour.multipliedBy(2))).ingest().start();

    Map<String, TriggerRow> after = triggers();
    assertThat(after).containsOnlyKeys("kept", "changed");
    assertThat(jobs()).containsExactlyInAnyOrder("kept", "changed");
    assertThat(after.get("kept").startTime()).isEqualTo(before.get("kept").startTime());
    assertThat(after.get("kept").interval()).isEqualTo(hour);
    assertThat(after.get("changed").startTime()).isAfter(before.get("changed").startTime());
    assertThat(after.get("changed").interval()).isEqualTo(hour.multipliedBy(2));
    await().atMost(PATIENCE).until(() -> feeds.get("changed").hits() == 2);
    assertThat(feeds.get("kept").hits()).isEqualTo(1);
  }

  /**
   * Two nodes built and started at the same moment on an empty schema: both migrations (Flyway locks) and the
   * scheduling (one trigger per source, whoever is first) go through, and no source is polled twice at once.
   */
  @Test
  void twoNodesStartingTogetherOnAnEmptySchemaBothRun() throws Exception {
    SourceSettings[] sources = sources(INTERVAL);
    CyclicBarrier together = new CyclicBarrier(2);
    Callable<Node> startNode = () -> {
      together.await(30, TimeUnit.SECONDS);
      Node node = node(sources);
      node.ingest().start();
      return node;
    };
    ExecutorService starters = Executors.newFixedThreadPool(2);
    try {
      Future<Node> first = starters.submit(startNode);
      Future<Node> second = starters.submit(startNode);
      first.get(60, TimeUnit.SECONDS);
      second.get(60, TimeUnit.SECONDS);
    } finally {
      starters.shutdownNow();
    }

    await().atMost(PATIENCE).until(() -> SOURCES.stream().allMatch(id -> feeds.get(id).hits() >= 2));
    assertThat(triggers()).containsOnlyKeys(SOURCES);
    for (String id : SOURCES) {
      assertThat(feeds.get(id).gaps()).as("time between requests of %s", id)
          .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(INTERVAL.dividedBy(2)));
    }
    assertThat(count("select count(*) from ingest_schema_history where not success")).isZero();
    assertThat(count("select count(*) from ingest_quartz_schema_history where success and version = '1'")).isOne();
  }

  private record Node(Ingest ingest, RecordingSink sink, List<String> polls) {}

  /** A built, stopped ingest on the shared schema whose polls are listed by source id as they end. */
  private Node node(SourceSettings... sources) {
    RecordingSink sink = new RecordingSink();
    List<String> polls = new CopyOnWriteArrayList<>();
    Ingest ingest = Ingest.builder()
        .sources(List.of(sources))
        .sink(sink)
        .dataSource(database)
        // Every test site is 127.0.0.1: no politeness pause between its requests.
        .settings(IngestSettings.defaults().withPerHostInterval(Duration.ZERO))
        .onPoll(result -> polls.add(result.sourceId()))
        .build();
    opened.add(ingest);
    return new Node(ingest, sink, polls);
  }

  private SourceSettings[] sources(Duration interval) {
    return SOURCES.stream().map(id -> source(id, interval)).toArray(SourceSettings[]::new);
  }

  private synchronized SourceSettings source(String id, Duration interval) {
    feeds.computeIfAbsent(id, key -> {
      GrowingFeed feed = new GrowingFeed(site.baseUrl(), key);
      site.route("/" + key + ".xml", feed);
      return feed;
    });
    return SourceSettings.rss(id, site.baseUrl() + "/" + id + ".xml")
        .withPollInterval(interval)
        .withLanguage("en")
        .withAllowPrivate(true);
  }

  private static List<String> published(Node... nodes) {
    return Stream.of(nodes).flatMap(node -> node.sink().ids().stream()).toList();
  }

  private List<String> served() {
    return feeds.values().stream().flatMap(feed -> feed.servedIds().stream()).toList();
  }

  /**
   * The shared schedule's triggers of the ingest group, by source id, read from Quartz's tables.
   *
   * @param startTime      when the trigger was created to start
   * @param interval       its repeat interval
   * @param timesTriggered how often it fired, on any node
   */
  private record TriggerRow(Instant startTime, Duration interval, long timesTriggered) {}

  private Map<String, TriggerRow> triggers() {
    Map<String, TriggerRow> triggers = new LinkedHashMap<>();
    query("""
        select t.trigger_name, t.start_time, s.repeat_interval, s.times_triggered
        from qrtz_triggers t join qrtz_simple_triggers s
          on s.sched_name = t.sched_name and s.trigger_name = t.trigger_name and s.trigger_group = t.trigger_group
        where t.sched_name = 'vedetta-ingest' and t.trigger_group = 'ingest'""", rows -> {
      while (rows.next()) {
        triggers.put(rows.getString(1), new TriggerRow(Instant.ofEpochMilli(rows.getLong(2)),
            Duration.ofMillis(rows.getLong(3)), rows.getLong(4)));
      }
      return null;
    });
    return triggers;
  }

  private List<String> jobs() {
    return query("select job_name from qrtz_job_details where sched_name = 'vedetta-ingest' and job_group = 'ingest'",
        rows -> {
          List<String> names = new ArrayList<>();
          while (rows.next()) {
            names.add(rows.getString(1));
          }
          return names;
        });
  }

  private long count(String sql) {
    return query(sql, rows -> {
      rows.next();
      return rows.getLong(1);
    });
  }

  private interface Rows<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private <T> T query(String sql, Rows<T> read) {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return read.read(rows);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** An RSS feed that lists one more item at each request (items 1 to n at the n-th), noting when it was asked. */
  private static final class GrowingFeed implements Function<Request, Response> {

    private final String base;
    private final String source;
    private final List<Instant> requests = new ArrayList<>();

    GrowingFeed(String base, String source) {
      this.base = base;
      this.source = source;
    }

    @Override
    public synchronized Response apply(Request request) {
      requests.add(Instant.now());
      StringBuilder rss = new StringBuilder("""
          <?xml version="1.0" encoding="UTF-8"?>
          <rss version="2.0"><channel><title>%s</title><link>%s/</link><description>test</description>
          """.formatted(source, base));
      for (int i = 1; i <= requests.size(); i++) {
        rss.append("""
            <item><title>%s item %d</title><link>%s</link><guid>%s-%d</guid><description>Item %d.</description></item>
            """.formatted(source, i, link(i), source, i, i));
      }
      rss.append("</channel></rss>\n");
      return Response.ok("application/rss+xml; charset=utf-8", rss.toString());
    }

    synchronized int hits() {
      return requests.size();
    }

    synchronized List<Duration> gaps() {
      return IntStream.range(1, requests.size())
          .mapToObj(i -> Duration.between(requests.get(i - 1), requests.get(i)))
          .toList();
    }

    /** The article ids of the items served so far. */
    synchronized List<String> servedIds() {
      return IntStream.rangeClosed(1, requests.size()).mapToObj(i -> Article.idFor(link(i))).toList();
    }

    private String link(int i) {
      return base + "/" + source + "/item-" + i;
    }
  }
}
