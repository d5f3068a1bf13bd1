package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.vedetta.app.ops.HealthChecks;
import org.vedetta.app.ops.SourcesSummary;
import org.vedetta.ingest.SourceHealth;

/** Readiness says which dependency is down, and why. */
class HealthChecksTest {

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
