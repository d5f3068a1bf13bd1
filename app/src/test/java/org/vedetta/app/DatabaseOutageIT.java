package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.config.AppSettings;
import org.vedetta.app.config.DatabaseSettings;
import org.vedetta.app.config.KafkaSettings;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.kafka.EmbeddedKafka;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.pipeline.Role;
import org.vedetta.app.pipeline.Service;
import org.vedetta.model.Development;
import org.vedetta.model.Topics;
import org.vedetta.settings.Durations;
import org.vedetta.testsupport.TcpProxy;
import org.vedetta.testsupport.TestDatabases;

/**
 * The matcher and notifier's database becomes unreachable while articles arrive, for much longer than a stage used
 * to retry (three tries of the pool's connection timeout): the stages pause and say so on readiness, nothing goes
 * to the dead-letter topic, and once the database answers again every development comes out and is queued, once.
 * The database is real (an H2 server, and the local PostgreSQL when it answers) behind a TCP relay that the test
 * cuts, as a network outage or a stopped server looks to a client; ingest runs as a process of its own (here a
 * second service) with its own database, as in a scaled deployment.
 */
class DatabaseOutageIT {

  /**
   * The pool gives up on a connection after this; the old stage dead-lettered after three such tries. Longer runs:
   * {@code -Dvedetta.outage=150s -Dvedetta.outage.connection-timeout=30s}.
   */
  private static final Duration CONNECTION_TIMEOUT =
      Durations.parse(System.getProperty("vedetta.outage.connection-timeout", "2s"));
  private static final Duration OUTAGE = Durations.parse(System.getProperty("vedetta.outage", "20s"));

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  @RegisterExtension
  final LocalDemo demo = new LocalDemo(SMTP);

  @TempDir
  Path dir;

  @Test
  void anH2ServerOutagePausesTheStagesAndLosesNothing() throws Exception {
    Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir",
        dir.resolve("h2").toString()).start();
    try (TcpProxy proxy = TcpProxy.start("127.0.0.1", h2.getPort())) {
      survivesAnOutage(proxy, "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/vedetta");
    } finally {
      h2.stop();
    }
  }

  @Test
  void aPostgresqlOutagePausesTheStagesAndLosesNothing() throws Exception {
    String schema = "vedetta_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DataSource db = TestDatabases.postgres(schema).orElse(null);
    assumeTrue(db != null, "PostgreSQL is not reachable on 127.0.0.1:5432");
    URI server = URI.create(TestDatabases.postgresUrl(schema).substring("jdbc:".length()));
    try (TcpProxy proxy = TcpProxy.start(server.getHost(), server.getPort())) {
      survivesAnOutage(proxy, "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath() + "?currentSchema="
          + schema);
    } finally {
      try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
        st.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  private void survivesAnOutage(TcpProxy proxy, String url) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
      new KafkaClients(kafka.bootstrapServers()).ensureTopics(3, Duration.ofSeconds(60));
      KafkaSettings cluster = new KafkaSettings(kafka.bootstrapServers(), 0, 3);
      VedettaConfig stores = with(demo.config(), "stores", cluster,
          new DatabaseSettings(url, TestDatabases.postgresUser(), null, CONNECTION_TIMEOUT));
      VedettaConfig ingest = with(demo.config(), "ingest", cluster, DatabaseSettings.embedded());
      try (Service matching = Service.start(stores, Set.of(Role.MATCHER, Role.NOTIFIER), options());
          TopicReader topics = new TopicReader(kafka.bootstrapServers(), Topics.ARTICLES, Topics.DEVELOPMENTS,
              Topics.DEADLETTER)) {
        URI ready = URI.create("http://127.0.0.1:" + matching.http().port() + "/health/ready");
        assertThat(get(ready).statusCode()).isEqualTo(200);

        proxy.cut();
        long cutAt = System.nanoTime();
        try (Service polling = Service.start(ingest, Set.of(Role.INGEST), options())) {
          await("the 7 articles published").atMost(Duration.ofSeconds(60))
              .until(() -> topics.poll().count(Topics.ARTICLES) == 7);
          HttpResponse<String> paused = await("readiness says the matcher is paused")
              .atMost(CONNECTION_TIMEOUT.multipliedBy(2).plusSeconds(60))
              .until(() -> get(ready), r -> r.statusCode() == 503 && r.body().contains("paused"));
          assertThat(paused.body()).contains("nothing dead-lettered");
          while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
            topics.poll();
          }
          assertThat(topics.count(Topics.DEVELOPMENTS)).as("developments while the database is down").isZero();

          proxy.restore();
          await("the developments after the outage").atMost(Duration.ofSeconds(90))
              .until(() -> topics.poll().count(Topics.DEVELOPMENTS) >= 3);
          await("readiness back").atMost(Duration.ofSeconds(60)).until(() -> get(ready).statusCode() == 200);
          await("the three developments queued").atMost(Duration.ofSeconds(30))
              .until(() -> matching.notifier().pending(TestConfigs.SUBSCRIBER) == 3);
          for (int i = 0; i < 10; i++) {
            topics.poll(); // anything written late would show here
          }
          assertThat(topics.values(Topics.DEVELOPMENTS, Development.class)).extracting(Development::id)
              .hasSize(3).doesNotHaveDuplicates();
          assertThat(topics.count(Topics.DEADLETTER)).isZero();
          assertThat(matching.deadLettered()).isZero();
        }
      }
    }
  }

  private static VedettaConfig with(VedettaConfig demo, String data, KafkaSettings kafka, DatabaseSettings db) {
    AppSettings a = demo.app();
    AppSettings app = new AppSettings(Path.of(a.dataDir()).resolve(data).toString(), a.knowledgeDir(), kafka, db,
        a.mail(), a.demo(), a.ingest(), a.http());
    return new VedettaConfig(demo.dir(), app, demo.sources(), demo.watchlists(), demo.subscribers(),
        demo.knowledge());
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        BodyHandlers.ofString());
  }

  private static Service.Options options() {
    return new Service.Options(java.time.Clock.systemUTC(), null, Duration.ofMillis(100));
  }
}
