package org.vedetta.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.vedetta.app.kafka.Failures.Kind;
import org.vedetta.model.MalformedRecordException;

/** What a stage waits out, and what it dead-letters. */
class FailuresTest {

  @Test
  void anUnreachableDatabaseIsWaitedOutWhereverItIsWrapped() {
    // HikariCP when no connection comes within its timeout, wrapped as a stage's store wraps it.
    assertThat(Failures.classify(new IllegalStateException("cannot read learned facts",
        new SQLTransientConnectionException("vedetta - Connection is not available, request timed out"))))
        .isEqualTo(Kind.TRANSIENT);
    // PostgreSQL's driver: connection refused (08001), connection lost (08006), server shutting down (57P01).
    for (String state : new String[] {"08001", "08006", "57P01", "40001"}) {
      assertThat(Failures.classify(new RuntimeException("queue", new SQLException("down", state)))).as(state)
          .isEqualTo(Kind.TRANSIENT);
    }
    assertThat(Failures.classify(new IllegalStateException(new ConnectException("Connection refused"))))
        .isEqualTo(Kind.TRANSIENT);
    assertThat(Failures.classify(new TimeoutException("broker"))).isEqualTo(Kind.TRANSIENT);
  }

  @Test
  void aRecordTheStageCannotTakeIsPermanentAndTheUnknownIsTriedAFewTimes() {
    assertThat(Failures.classify(new MalformedRecordException("Article: not JSON", null))).isEqualTo(Kind.PERMANENT);
    assertThat(Failures.classify(new IllegalArgumentException("no title"))).isEqualTo(Kind.PERMANENT);
    // A constraint violation will fail the same way every time: not waited out.
    assertThat(Failures.classify(new IllegalStateException("insert", new SQLException("duplicate", "23505"))))
        .isEqualTo(Kind.UNKNOWN);
    assertThat(Failures.classify(new RecordTooLargeException("too large"))).isEqualTo(Kind.UNKNOWN);
    assertThat(Failures.classify(new IllegalStateException("something else"))).isEqualTo(Kind.UNKNOWN);
  }
}
