package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2025-03-07T12:00:00Z");

  @Test
  void readsDelaySeconds() {
    assertThat(RetryAfter.parse("120", NOW)).isEqualTo(NOW.plusSeconds(120));
    assertThat(RetryAfter.parse(" 5 ", NOW)).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  void readsAnHttpDate() {
    assertThat(RetryAfter.parse("Fri, 07 Mar 2025 12:30:00 GMT", NOW)).isEqualTo(Instant.parse("2025-03-07T12:30:00Z"));
  }

  @Test
  void nothingToWaitForIsNull() {
    assertThat(RetryAfter.parse(null, NOW)).isNull();
    assertThat(RetryAfter.parse("", NOW)).isNull();
    assertThat(RetryAfter.parse("0", NOW)).isNull();
    assertThat(RetryAfter.parse("Fri, 07 Mar 2025 11:00:00 GMT", NOW)).isNull();
    assertThat(RetryAfter.parse("soon", NOW)).isNull();
    assertThat(RetryAfter.parse("-5", NOW)).isNull();
  }

  @Test
  void aWaitLongerThanADayIsCut() {
    assertThat(RetryAfter.parse("604800", NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThat(RetryAfter.parse("Fri, 14 Mar 2025 12:00:00 GMT", NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
  }
}
