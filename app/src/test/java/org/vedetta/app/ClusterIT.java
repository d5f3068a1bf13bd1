package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.model.Development;
import org.vedetta.model.Topics;
import org.vedetta.testsupport.LocalHttpServer;
import org.vedetta.testsupport.LocalHttpServer.Response;
import org.vedetta.testsupport.TcpProxy;
import org.vedetta.testsupport.TestDatabases;

/**
 * Vedetta on a real cluster under failure: three Kafka nodes as processes of their own ({@link KafkaCluster}:
 * replication 3, {@code min.insync.replicas} 2), the local PostgreSQL, and Vedetta as five processes from the
 * packaged jar — 2 ingest, 2 matcher, 1 notifier (mail to a file outbox). A local news site publishes a few
 * thousand articles over about a minute, and the demo's seven articles (three developments) midway. Meanwhile:
 * the leader of {@code vedetta.articles}' first partition is killed ({@code kill -9}) and started again; a matcher is
 * killed and started again; the database is unreachable for 30 s for the matchers and the notifier (a TCP relay
 * cut, as a stopped server looks to them; the demo's articles arrive during it); and the notifier is killed once
 * the developments are queued and started again. Then: every article is on {@code vedetta.articles} once, each
 * development came out once, nothing was dead-lettered, every development was mailed and no mail went twice, and
 * the consumers' lag is back to 0.
 */
class ClusterIT {

  private static final Duration START = Duration.ofSeconds(120);
  private static final int BULK_FEEDS = 4;
  private static final int BULK_ITEMS = 600;
  /** One bulk item of each feed is released this often: 4 feeds, 80 articles/s, 2,400 in 30 s. */
  private static final Duration RELEASE_EVERY = Duration.ofMillis(50);
  private static final Duration POLL = Duration.ofSeconds(10);
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @RegisterExtension
  final Processes processes = new Processes(Path.of("target", "cluster-it"));

  @TempDir
  Path dir;

  private volatile Instant bulkStart = Instant.MAX;
  private volatile boolean demoReleased;

  @Test
  void nothingLostNothingDoubledThroughBrokerMatcherDatabaseAndNotifierFailures() throws Exception {
    String schema = "vedetta_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DataSource db = TestDatabases.postgres(schema).orElse(null);
    assumeTrue(db != null, "PostgreSQL is not reachable on 127.0.0.1:5432 (database test, user postgres)");
    URI pg = URI.create(TestDatabases.postgresUrl(schema).substring("jdbc:".length()));
    Path jar = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target").resolve("vedetta.jar");
    try (KafkaCluster kafka = KafkaCluster.start(dir.resolve("kafka"), jar);
        TcpProxy database = TcpProxy.start(pg.getHost(), pg.getPort());
        LocalHttpServer site = LocalHttpServer.start();
        processes) {
      serve(site);
      String direct = TestDatabases.postgresUrl(schema);
      String relayed = "jdbc:postgresql://127.0.0.1:" + database.port() + pg.getPath() + "?currentSchema=" + schema;
      Path stores = writeConfig("stores", kafka.bootstrapServers(), relayed, site.baseUrl());
      Path ingest = writeConfig("ingest", kafka.bootstrapServers(), direct, site.baseUrl());
      KafkaClients clients = new KafkaClients(kafka.bootstrapServers());
      clients.ensureTopics(3, Duration.ofSeconds(60));

      processes.start("matcher-1", stores, "matcher");
      processes.start("matcher-2", stores, "matcher");
      processes.start("notifier", stores, "notifier");
      processes.awaitRunning(START, "matcher-1", "matcher-2", "notifier");
      bulkStart = Instant.now();
      processes.start("ingest-1", ingest, "ingest");
      processes.start("ingest-2", ingest, "ingest");
      processes.awaitRunning(START, "ingest-1", "ingest-2");

      try (TopicReader topics = new TopicReader(kafka.bootstrapServers(), Topics.ARTICLES, Topics.DEVELOPMENTS,
          Topics.DEADLETTER)) {
        List<String> timeline = new ArrayList<>();
        await("bulk articles flowing").atMost(START).until(() -> topics.poll().count(Topics.ARTICLES) > 200);

        int leader = kafka.leaderOf(Topics.ARTICLES, 0);
        note(timeline, "kill -9 Kafka node " + leader + " (leader of " + Topics.ARTICLES + "-0)");
        kafka.kill(leader);
        pollFor(topics, Duration.ofSeconds(10));
        note(timeline, "restart Kafka node " + leader);
        kafka.restart(leader);
        note(timeline, "Kafka node " + leader + " back: 3 brokers");

        note(timeline, "kill -9 matcher-1");
        processes.kill("matcher-1");
        pollFor(topics, Duration.ofSeconds(5));
        processes.start("matcher-1-again", stores, "matcher");
        processes.awaitRunning(START, "matcher-1-again");
        note(timeline, "matcher-1 running again");

        note(timeline, "database unreachable for matchers and notifier; the demo's articles released");
        database.cut();
        demoReleased = true;
        pollFor(topics, OUTAGE);
        long duringOutage = topics.count(Topics.DEVELOPMENTS);
        database.restore();
        note(timeline, "database back (" + duringOutage + " developments came out during the outage)");

        await("3 developments").atMost(START).until(() -> topics.poll().count(Topics.DEVELOPMENTS) >= 3);
        await("the developments queued").atMost(START).until(() -> queued(db, schema) >= 3);
        note(timeline, "kill -9 notifier with " + pending(db, schema) + " of 3 developments not yet mailed");
        processes.kill("notifier");
        processes.start("notifier-again", stores, "notifier");
        processes.awaitRunning(START, "notifier-again");
        note(timeline, "notifier running again");

        await("every development mailed").atMost(START).pollInterval(Duration.ofSeconds(1))
            .until(() -> pending(db, schema) == 0 && queued(db, schema) >= 3);
        Instant bulkEnd = bulkStart.plus(RELEASE_EVERY.multipliedBy(BULK_ITEMS)).plus(POLL.multipliedBy(3));
        await("ingest done and every consumer caught up").atMost(START).pollInterval(Duration.ofSeconds(1))
            .until(() -> Instant.now().isAfter(bulkEnd) && clients.committedLag("vedetta-matcher", Topics.ARTICLES) == 0
                && clients.committedLag("vedetta-notifier", Topics.DEVELOPMENTS) == 0);
        pollFor(topics, Duration.ofSeconds(5));
        timeline.forEach(System.out::println);

        // Every article once, by id: the bulk feeds' and the demo's.
        List<String> ids = topics.records(Topics.ARTICLES).stream().map(ConsumerRecord::key).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(BULK_FEEDS * BULK_ITEMS + 7);
        // Exactly one development per fact.
        List<Development> developments = topics.values(Topics.DEVELOPMENTS, Development.class);
        assertThat(developments).hasSize(3);
        assertThat(developments.stream().map(Development::id).distinct()).hasSize(3);
        assertThat(developments.stream().map(Development::claimKey).distinct()).hasSize(3);
        // Nothing dead-lettered.
        assertThat(topics.count(Topics.DEADLETTER)).isZero();
        // Every development mailed, no mail twice.
        List<String> mails = mails();
        assertThat(mails).isNotEmpty();
        assertThat(mails.stream().map(ClusterIT::messageId).toList()).doesNotHaveDuplicates();
        assertThat(sentMails(db, schema)).isEqualTo(mails.size());
        System.out.printf("cluster scenario: %d articles, %d developments, %d mails, 0 dead letters%n", ids.size(),
            developments.size(), mails.size());
      }
    } finally {
      try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
        st.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  private static void note(List<String> timeline, String event) {
    timeline.add(DateTimeFormatter.ISO_LOCAL_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)) + " " + event);
  }

  private static void pollFor(TopicReader topics, Duration duration) {
    Instant end = Instant.now().plus(duration);
    while (Instant.now().isBefore(end)) {
      topics.poll();
    }
  }

  /** The bulk feeds release their items over time; the demo feed is empty until the demo is released. */
  private void serve(LocalHttpServer site) {
    Path root = TestConfigs.DEMO.resolve("site");
    site.route("/*", request -> {
      String path = request.path();
      Matcher bulk = Pattern.compile("/bulk-(\\d+)\\.xml").matcher(path);
      if (bulk.matches()) {
        return Response.ok("application/rss+xml; charset=utf-8", bulkFeed(Integer.parseInt(bulk.group(1))));
      }
      if (path.equals("/feed.xml") && !demoReleased) {
        return Response.ok("application/rss+xml; charset=utf-8",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Osservatorio</title></channel></rss>");
      }
      Path file = root.resolve(path.substring(1)).normalize();
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

  /**
   * The items of bulk feed {@code feed} released so far, all of them (at most {@link #BULK_ITEMS}, under ingest's
   * 1,000 items per feed), so that a poll delayed by a failure misses nothing the site published.
   */
  private String bulkFeed(int feed) {
    long elapsed = Duration.between(bulkStart, Instant.now()).toMillis();
    int released = (int) Math.max(0, Math.min(BULK_ITEMS, elapsed / RELEASE_EVERY.toMillis()));
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
        + "<title>Cronaca " + feed + "</title>");
    for (int i = released - 1; i >= 0; i--) {
      String id = feed + "-" + i;
      xml.append("<item><title>Cronaca locale ").append(id).append("</title>")
          .append("<link>http://cronaca.invalid/").append(id).append("</link>")
          .append("<guid>cronaca-").append(id).append("</guid>")
          .append("<description>").append(bulkText(feed, i)).append("</description></item>");
    }
    return xml.append("</channel></rss>").toString();
  }

  /** An off-topic local story, different for each item; one in five names Belarus, without any claim. */
  private static String bulkText(int feed, int i) {
    String[] towns = {"Bergamo", "Lecce", "Trento", "Parma", "Cagliari", "Udine", "Matera", "Siena"};
    String[] topics = {"il bilancio", "il piano dei trasporti", "la nuova scuola", "il mercato coperto",
        "la pista ciclabile", "il restauro del teatro"};
    String text = "Il consiglio comunale di " + towns[(i + feed) % towns.length] + " ha approvato "
        + topics[i % topics.length] + " con " + (12 + i % 17) + " voti favorevoli nella seduta numero " + (i + 1)
        + " dell'anno, la " + (feed * 1000 + i) + "ª del registro. La discussione riprenderà la prossima settimana.";
    return i % 5 == 0 ? text + " In sala anche una delegazione culturale della Bielorussia in visita alla città."
        : text;
  }

  private Path writeConfig(String name, String bootstrapServers, String databaseUrl, String siteUrl)
      throws IOException {
    Path config = Files.createDirectories(dir.resolve(name));
    Files.copy(TestConfigs.DEMO.resolve("watchlists.yml"), config.resolve("watchlists.yml"));
    Files.writeString(config.resolve("subscribers.yml"), String.join("\n",
        "subscribers:",
        "  - email: " + TestConfigs.SUBSCRIBER,
        "    watchlists: [russia-allies]",
        "    digest_cron: \"0/20 * * * * ?\"",
        "    time_zone: UTC",
        "    language: en", ""));
    Files.writeString(config.resolve("application.yml"), String.join("\n",
        "data_dir: \"" + dir.resolve("var-" + name).toAbsolutePath() + "\"",
        "knowledge_dir: \"" + TestConfigs.CONFIG.resolve("knowledge").toAbsolutePath().normalize() + "\"",
        "kafka: {bootstrap_servers: \"" + bootstrapServers + "\"}",
        "database: {url: \"" + databaseUrl + "\", username: \"" + TestDatabases.postgresUser()
            + "\", connection_timeout: 5s}",
        "mail: {from: vedetta-test@localhost, outbox: \"" + dir.resolve("outbox").toAbsolutePath() + "\"}",
        "http: {port: 0}",
        "ingest: {per_host_interval: 100ms}", ""));
    List<String> sources = new ArrayList<>(List.of("sources:",
        "  - id: osservatorio-est",
        "    type: rss",
        "    url: \"" + siteUrl + "/feed.xml\"",
        "    poll_interval: " + POLL.toSeconds() + "s",
        "    full_text: true",
        "    language: it",
        "    allow_private: true"));
    for (int f = 1; f <= BULK_FEEDS; f++) {
      sources.addAll(List.of(
          "  - id: cronaca-" + f,
          "    type: rss",
          "    url: \"" + siteUrl + "/bulk-" + f + ".xml\"",
          "    poll_interval: " + POLL.toSeconds() + "s",
          "    language: it",
          "    allow_private: true"));
    }
    sources.add("");
    Files.writeString(config.resolve("sources.yml"), String.join("\n", sources));
    return config;
  }

  private static long queued(DataSource db, String schema) throws Exception {
    return count(db, "select count(*) from " + schema + ".notifier_queue");
  }

  private static long pending(DataSource db, String schema) throws Exception {
    return count(db, "select count(*) from " + schema + ".notifier_queue where digest_id is null");
  }

  private static long sentMails(DataSource db, String schema) throws Exception {
    return count(db, "select count(*) from " + schema + ".notifier_digest");
  }

  private static long count(DataSource db, String sql) throws Exception {
    try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<String> mails() throws IOException {
    Path outbox = dir.resolve("outbox");
    if (!Files.isDirectory(outbox)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(outbox)) {
      List<String> mails = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
        mails.add(Files.readString(f));
      }
      return mails;
    }
  }

  private static String messageId(String mail) {
    Matcher m = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)").matcher(mail);
    return m.find() ? m.group(1) : "";
  }
}
