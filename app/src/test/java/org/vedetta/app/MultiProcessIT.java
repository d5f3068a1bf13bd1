package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.kafka.EmbeddedKafka;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.model.Development;
import org.vedetta.model.Topics;
import org.vedetta.model.Verdict;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Response;
import org.vedetta.testsupport.TestDatabases;

/**
 * Vedetta scaled out as separate processes, as a deployment runs it: two ingest and two matcher processes from
 * the packaged jar, sharing a Kafka broker (embedded in this JVM) and one PostgreSQL schema, polling the demo's
 * news site. Shows that the ingest nodes share the polling (the feed is fetched once per interval in total, each
 * article page once) and that the matchers share the articles' partitions while each article is published once
 * and each new fact yields exactly one development.
 */
class MultiProcessIT {

  /** The shortest poll interval a source may have. */
  private static final Duration INTERVAL = Duration.ofSeconds(10);
  /** How long the feed's polls are counted, from the first. */
  private static final Duration WINDOW = INTERVAL.multipliedBy(9).dividedBy(2);
  private static final Duration START = Duration.ofSeconds(120);
  private static final String MATCHER_GROUP = "vedetta-matcher";

  @RegisterExtension
  final Processes processes = new Processes(Path.of("target", "multi-process-it"));

  @TempDir
  Path dir;

  @Test
  void twoIngestsPollTheFeedOncePerIntervalAndTwoMatchersEmitEachDevelopmentOnce() throws Exception {
    String schema = "vedetta_mp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DataSource db = TestDatabases.postgres(schema).orElse(null);
    assumeTrue(db != null, "PostgreSQL is not reachable on 127.0.0.1:5432 (database test, user postgres): "
        + "the processes need one shared database");
    List<Instant> feedRequests = new CopyOnWriteArrayList<>();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        LocalHttpServer site = LocalHttpServer.start();
        processes) {
      serveDemoSite(site, feedRequests);
      Path config = writeConfig(kafka.bootstrapServers(), TestDatabases.postgresUrl(schema), site.baseUrl());
      new KafkaClients(kafka.bootstrapServers()).ensureTopics(3, Duration.ofSeconds(60));

      // The matchers first, so that their group is settled before the first article arrives.
      processes.start("matcher-1", config, "matcher");
      processes.start("matcher-2", config, "matcher");
      processes.awaitRunning(START, "matcher-1", "matcher-2");
      awaitTwoMatchersWithPartitions(kafka.bootstrapServers());
      processes.start("ingest-1", config, "ingest");
      processes.start("ingest-2", config, "ingest");
      processes.awaitRunning(START, "ingest-1", "ingest-2");

      try (TopicReader topics = new TopicReader(kafka.bootstrapServers(), Topics.ARTICLES, Topics.DEVELOPMENTS)) {
        await("3 developments").atMost(START).pollInSameThread().pollInterval(Duration.ZERO)
            .until(() -> topics.poll().count(Topics.DEVELOPMENTS) >= 3);
        // Keep reading until the feed's window is over: a repeated poll or a second matcher would show here.
        Instant windowEnd = feedRequests.get(0).plus(WINDOW);
        Instant readUntil = windowEnd.isAfter(Instant.now().plusSeconds(5)) ? windowEnd : Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(readUntil)) {
          topics.poll();
        }

        // (a) The feed was fetched once per interval in total, never twice in a row, and each page once.
        List<Instant> polls = feedRequests.stream().filter(t -> !t.isAfter(windowEnd)).toList();
        long expected = WINDOW.toMillis() / INTERVAL.toMillis() + 1;
        assertThat(polls).as("feed requests in the %s from the first, at %s", WINDOW, polls)
            .hasSizeBetween((int) expected - 1, (int) expected + 1);
        for (int i = 1; i < polls.size(); i++) {
          assertThat(Duration.between(polls.get(i - 1), polls.get(i))).as("time between feed requests %s", polls)
              .isGreaterThanOrEqualTo(INTERVAL.dividedBy(2));
        }
        Map<String, Long> pages = site.requests("/articles/*").stream()
            .collect(Collectors.groupingBy(LocalHttpServer.Request::path, Collectors.counting()));
        assertThat(pages).hasSize(7).allSatisfy((page, count) -> assertThat(count).as(page).isEqualTo(1));

        // (b) Each new fact yielded exactly one development, and each article was matched once, by whichever
        // matcher holds its partition.
        List<Development> developments = topics.values(Topics.DEVELOPMENTS, Development.class);
        assertThat(developments).extracting(Development::verdict)
            .containsExactlyInAnyOrder(Verdict.CHANGED, Verdict.CHANGED, Verdict.NEW);
        assertThat(developments.stream().map(Development::id).distinct()).hasSize(3);
        assertThat(developments.stream().map(Development::claimKey).distinct()).hasSize(3);
        assertThat(processes.matched("matcher-1") + processes.matched("matcher-2")).as("articles matched by both matchers").isEqualTo(7);

        // (c) Each article was published once.
        assertThat(topics.records(Topics.ARTICLES)).hasSize(7)
            .extracting(ConsumerRecord::key).doesNotHaveDuplicates();
      }
    } finally {
      try (var c = db.getConnection(); var st = c.createStatement()) {
        st.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  /**
   * Serves {@code config/demo/site} as {@link org.vedetta.app.demo.DemoSite} does, which cannot count requests,
   * noting when the feed is asked for.
   */
  private static void serveDemoSite(LocalHttpServer site, List<Instant> feedRequests) {
    Path root = TestConfigs.DEMO.resolve("site");
    site.route("/*", request -> {
      if (request.path().equals("/feed.xml")) {
        feedRequests.add(Instant.now());
      }
      Path file = root.resolve(request.path().substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        return Response.status(404);
      }
      String type = file.toString().endsWith(".xml") ? "application/rss+xml" : "text/html";
      try {
        return Response.ok(type + "; charset=utf-8", Files.readString(file).replace("{{base_url}}", site.baseUrl()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The demo's watchlists and subscribers with a config of this test's own: its broker, schema and site. */
  private Path writeConfig(String bootstrapServers, String databaseUrl, String siteUrl) throws IOException {
    Path config = Files.createDirectories(dir.resolve("config"));
    for (String file : List.of("watchlists.yml", "subscribers.yml")) {
      Files.copy(TestConfigs.DEMO.resolve(file), config.resolve(file));
    }
    Files.writeString(config.resolve("application.yml"), String.join("\n",
        "data_dir: \"" + dir.resolve("var").toAbsolutePath() + "\"",
        "knowledge_dir: \"" + TestConfigs.CONFIG.resolve("knowledge").toAbsolutePath().normalize() + "\"",
        "kafka: {bootstrap_servers: \"" + bootstrapServers + "\"}",
        "database: {url: \"" + databaseUrl + "\", username: \"" + TestDatabases.postgresUser() + "\"}",
        "mail: {from: vedetta-test@localhost, outbox: \"" + dir.resolve("outbox").toAbsolutePath() + "\"}",
        "http: {port: 0}",
        "ingest: {per_host_interval: 100ms}", ""));
    Files.writeString(config.resolve("sources.yml"), String.join("\n",
        "sources:",
        "  - id: osservatorio-est",
        "    type: rss",
        "    url: \"" + siteUrl + "/feed.xml\"",
        "    poll_interval: " + INTERVAL.toSeconds() + "s",
        "    full_text: true",
        "    language: it",
        "    allow_private: true", ""));
    return config;
  }

  /** Waits until the matchers' consumer group has two members, each with partitions of its own. */
  private static void awaitTwoMatchersWithPartitions(String bootstrapServers) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      await("two matchers in group " + MATCHER_GROUP).atMost(START).until(() -> {
        Collection<MemberDescription> members = admin.describeConsumerGroups(List.of(MATCHER_GROUP)).all().get()
            .get(MATCHER_GROUP).members();
        return members.size() == 2 && members.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
      });
    }
  }
}
