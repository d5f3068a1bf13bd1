package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.vedetta.app.ops.HealthChecks;

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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
