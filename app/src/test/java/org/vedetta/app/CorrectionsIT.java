package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.kafka.EmbeddedKafka;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.model.Article;
import org.vedetta.model.Correction;
import org.vedetta.model.Development;
import org.vedetta.model.Json;
import org.vedetta.model.Topics;
import org.vedetta.testsupport.TestDatabases;

/**
 * An analyst's correction, round trip, across processes: two matcher processes and a notifier (the console) from
 * the packaged jar, one PostgreSQL schema, the broker in this JVM. A development learned by one matcher makes a
 * repeat of its claim known on the other; the analyst marks it wrong through the console's API; the fact is
 * retracted and the development leaves the unsent digest; the next article with the same claim, read by the
 * other matcher, is a development again.
 */
class CorrectionsIT {

  private static final Duration START = Duration.ofSeconds(120);
  private static final int PARTITIONS = 3;
  private static final String TEXT = "Pyongyang has deployed about 16,000 troops to Russia, officials said.";

  @RegisterExtension
  final Processes processes = new Processes(Path.of("target", "corrections-it"));

  @TempDir
  Path dir;

  @Test
  void aDevelopmentMarkedWrongIsRetractedOnEveryMatcherAndLeavesTheUnsentDigest() throws Exception {
    String schema = "vedetta_corr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DataSource db = TestDatabases.postgres(schema).orElse(null);
    assumeTrue(db != null, "PostgreSQL is not reachable on 127.0.0.1:5432 (database test, user postgres)");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0); processes) {
      Path config = writeConfig(kafka.bootstrapServers(), TestDatabases.postgresUrl(schema));
      KafkaClients clients = new KafkaClients(kafka.bootstrapServers());
      clients.ensureTopics(PARTITIONS, Duration.ofSeconds(60));
      processes.start("matcher-1", config, "matcher");
      processes.start("matcher-2", config, "matcher");
      processes.start("console", config, "notifier");
      processes.awaitRunning(START, "matcher-1", "matcher-2", "console");
      Map<String, Set<Integer>> partitions = articlePartitions(kafka.bootstrapServers());

      try (KafkaProducer<String, byte[]> producer = clients.producer("test");
          TopicReader topics = new TopicReader(kafka.bootstrapServers(), Topics.TAGGED, Topics.DEVELOPMENTS,
              Topics.CORRECTIONS)) {
        Article first = article(partitions.get("matcher-1"), "first");
        publish(producer, first);
        Development learned = await("the first development").atMost(START)
            .until(() -> topics.poll().values(Topics.DEVELOPMENTS, Development.class), l -> l.size() == 1).get(0);
        assertThat(learned.evidence().articleId()).isEqualTo(first.id());

        Article repeat = article(partitions.get("matcher-2"), "repeat");
        publish(producer, repeat);
        await("the repeat tagged").atMost(START).until(() -> topics.poll().records(Topics.TAGGED).stream()
            .anyMatch(r -> r.key().equals(repeat.id())));
        assertThat(topics.count(Topics.DEVELOPMENTS)).as("the repeat, on the other matcher, is known").isEqualTo(1);
        await("the development queued").atMost(START).until(() -> pending(db, schema, learned.id()) == 1);
        await("the console holds it").atMost(START)
            .until(() -> get("/api/developments/" + learned.id()).statusCode() == 200);

        Instant asked = Instant.now();
        HttpResponse<String> response = post("/api/developments/" + learned.id() + "/correction",
            "{\"decision\": \"wrong\", \"reason\": \"wrong_figure\", \"note\": \"the 16,000 are planned\","
                + " \"analyst\": \"Ana\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        await("the fact retracted").atMost(START).pollInterval(Duration.ofMillis(20))
            .until(() -> facts(db, schema, learned.id()) == 0);
        Duration retracted = Duration.between(asked, Instant.now());
        await("out of the unsent digest").atMost(START).pollInterval(Duration.ofMillis(20))
            .until(() -> pending(db, schema, learned.id()) == 0);
        Duration withdrawn = Duration.between(asked, Instant.now());
        System.out.printf("correction round trip: fact retracted %d ms, digest item withdrawn %d ms after the"
            + " request%n", retracted.toMillis(), withdrawn.toMillis());

        Article again = article(partitions.get("matcher-2"), "again");
        publish(producer, again);
        Development relearned = await("a development again").atMost(START)
            .until(() -> topics.poll().values(Topics.DEVELOPMENTS, Development.class), l -> l.size() == 2).get(1);
        assertThat(relearned.claimKey()).isEqualTo(learned.claimKey());
        assertThat(relearned.id()).isNotEqualTo(learned.id());
        assertThat(relearned.evidence().articleId()).isEqualTo(again.id());
        assertThat(processes.matched("matcher-1")).isEqualTo(1);
        assertThat(processes.matched("matcher-2")).isEqualTo(2);

        List<Correction> corrections = topics.values(Topics.CORRECTIONS, Correction.class);
        assertThat(corrections).singleElement().satisfies(c -> {
          assertThat(c.decision()).isEqualTo(Correction.Decision.WRONG);
          assertThat(c.reason()).isEqualTo(Correction.Reason.WRONG_FIGURE);
          assertThat(c.analyst()).isEqualTo("Ana");
          assertThat(c.development()).isEqualTo(learned);
        });
        assertThat(processes.output("matcher-1") + processes.output("matcher-2"))
            .contains("development " + learned.id() + " judged wrong by Ana: 1 learned fact(s) retracted");
        assertThat(get("/developments/" + learned.id()).body()).contains("judged wrong (wrong figure) by Ana");
      }
    } finally {
      try (var c = db.getConnection(); var st = c.createStatement()) {
        st.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  /** An article with the claim whose id falls on one of {@code partitions} of the articles' topic. */
  private static Article article(Set<Integer> partitions, String name) {
    for (int i = 0; ; i++) {
      String id = name + "-" + i;
      int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
      if (partitions.contains(partition)) {
        return new Article(Article.SCHEMA, id, "wire-" + name, "https://" + name + ".example/" + id, "", TEXT, "en",
            Instant.parse("2026-11-23T08:00:00Z"), Instant.now());
      }
    }
  }

  private static void publish(KafkaProducer<String, byte[]> producer, Article article) throws Exception {
    producer.send(new ProducerRecord<>(Topics.ARTICLES, article.id(), Json.write(article))).get();
  }

  /** The partitions of {@code vedetta.articles} each matcher process holds, once both hold some. */
  private Map<String, Set<Integer>> articlePartitions(String bootstrapServers) {
    Map<String, String> byClient = Map.of("vedetta-matcher-" + processes.pid("matcher-1"), "matcher-1",
        "vedetta-matcher-" + processes.pid("matcher-2"), "matcher-2");
    Map<String, Set<Integer>> held = new HashMap<>();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      await("two matchers holding partitions").atMost(START).until(() -> {
        held.clear();
        for (MemberDescription m : admin.describeConsumerGroups(List.of("vedetta-matcher")).all().get()
            .get("vedetta-matcher").members()) {
          Set<Integer> mine = m.assignment().topicPartitions().stream()
              .filter(tp -> tp.topic().equals(Topics.ARTICLES)).map(TopicPartition::partition)
              .collect(Collectors.toSet());
          if (byClient.containsKey(m.clientId()) && !mine.isEmpty()) {
            held.put(byClient.get(m.clientId()), mine);
          }
        }
        return held.size() == 2;
      });
    }
    return held;
  }

  private Path writeConfig(String bootstrapServers, String databaseUrl) throws IOException {
    Path config = Files.createDirectories(dir.resolve("config"));
    for (String file : List.of("watchlists.yml", "subscribers.yml")) {
      Files.copy(TestConfigs.DEMO.resolve(file), config.resolve(file));
    }
    // No ingest runs: the test publishes the articles itself.
    Files.writeString(config.resolve("sources.yml"), String.join("\n", "sources:", "  - id: unused",
        "    type: rss", "    url: \"http://127.0.0.1:9/feed.xml\"", "    allow_private: true", ""));
    Files.writeString(config.resolve("application.yml"), String.join("\n",
        "data_dir: \"" + dir.resolve("var").toAbsolutePath() + "\"",
        "knowledge_dir: \"" + TestConfigs.CONFIG.resolve("knowledge").toAbsolutePath().normalize() + "\"",
        "kafka: {bootstrap_servers: \"" + bootstrapServers + "\", partitions: " + PARTITIONS + "}",
        "database: {url: \"" + databaseUrl + "\", username: \"" + TestDatabases.postgresUser() + "\"}",
        "mail: {from: vedetta-test@localhost, outbox: \"" + dir.resolve("outbox").toAbsolutePath() + "\"}",
        "http: {port: 0, token: " + TestConfigs.TOKEN + "}", ""));
    return config;
  }

  private static long facts(DataSource db, String schema, String developmentId) throws Exception {
    return count(db, "select count(*) from " + schema + ".matcher_fact where development_id = ?", developmentId);
  }

  private static long pending(DataSource db, String schema, String developmentId) throws Exception {
    return count(db, "select count(*) from " + schema + ".notifier_queue where development_id = ?"
        + " and digest_id is null", developmentId);
  }

  private static long count(DataSource db, String sql, String value) throws Exception {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(console(path)).build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(console(path))
        .header("Authorization", "Bearer " + TestConfigs.TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), BodyHandlers.ofString());
  }

  private URI console(String path) {
    return URI.create("http://127.0.0.1:" + processes.httpPort("console") + path);
  }
}
