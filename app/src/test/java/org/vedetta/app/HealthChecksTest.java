package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.ops.HealthChecks;
import org.vedetta.app.ops.SourcesSummary;
import org.vedetta.ingest.SourceHealth;
import org.vedetta.testsupport.TcpProxy;

/** Readiness says which dependency is down, and why. */
class HealthChecksTest {

  @TempDir
  Path dir;

  @Test
  void anUnreachableBrokerAndAFailingMailServerMakeTheProcessNotReady() throws IOException {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:health-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (HealthChecks checks = new HealthChecks("127.0.0.1:" + freePort(), db,
        Map.of("mail", () -> Optional.of("cannot connect to smtp://127.0.0.1:25: Connection refused")),
        Clock.systemUTC())) {

      HealthChecks.Report report = checks.report();

      assertThat(report.up()).isFalse();
      assertThat(report.checks().get("kafka").up()).isFalse();
      assertThat(report.checks().get("kafka").detail()).startsWith("no answer from the cluster");
      assertThat(report.checks().get("database").up()).isTrue();
      assertThat(report.checks().get("database").detail()).isEqualTo("H2");
      assertThat(report.checks().get("mail").up()).isFalse();
      assertThat(report.checks().get("mail").detail()).contains("Connection refused");
      assertThat(checks.report()).as("a second look within seconds reuses the result").isSameAs(report);
    }
  }

  @Test
  void aDatabaseThatGivesNoConnectionIsReportedDownWithoutHoldingTheProbe() throws Exception {
    Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
    HikariConfig pool = new HikariConfig();
    try (TcpProxy proxy = TcpProxy.start("127.0.0.1", h2.getPort())) {
      pool.setJdbcUrl("jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/health");
      pool.setConnectionTimeout(Duration.ofSeconds(30).toMillis()); // the pool's default: longer than a probe waits
      try (HikariDataSource db = new HikariDataSource(pool);
          HealthChecks checks = new HealthChecks("127.0.0.1:" + freePort(), db, Map.of(), Clock.systemUTC())) {
        proxy.cut();
        long started = System.nanoTime();
        HealthChecks.Check database = checks.report().checks().get("database");

        assertThat(database.up()).isFalse();
        assertThat(database.detail()).isEqualTo("no connection within 3 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
      }
    } finally {
      h2.stop();
    }
  }

  @Test
  void sourcesWhoseItemsFailAreReportedWithoutMakingTheProcessNotReady() throws IOException {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:health-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Instant now = Instant.parse("2026-12-07T06:00:00Z");
    List<SourceHealth> sources = List.of(
        new SourceHealth("ansa", true, 0, now, now, null, now, 12),
        new SourceHealth("desk", true, 0, now, now, null, now, 10, 2, "item g1: extraction failed: StackOverflowError",
            null),
        new SourceHealth("tass", false, 3, now, null, "source 'tass': https://tass.example/rss: 503", now, 0));
    try (HealthChecks checks = new HealthChecks("127.0.0.1:" + freePort(), db, Map.of(),
        Map.of("sources", () -> SourcesSummary.of(sources)), Clock.systemUTC())) {

      HealthChecks.Check note = checks.report().checks().get("sources");

      assertThat(note.up()).isTrue();
      assertThat(note.detail()).isEqualTo("3 sources; unhealthy: tass (3 polls failed: source 'tass':"
          + " https://tass.example/rss: 503); items failing in the last poll: desk (2 of 10: item g1: extraction"
          + " failed: StackOverflowError)");
    }
    assertThat(SourcesSummary.of(sources.subList(0, 1))).isEqualTo("1 source, all polling");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
