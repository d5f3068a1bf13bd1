package org.vedetta.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  @Test
  void movesOnlyWhenTold() {
    MutableClock clock = new MutableClock(Instant.parse("2025-03-07T12:00:00Z"));

    clock.advance(Duration.ofMinutes(5));
    Instant moved = clock.instant();
    clock.set(Instant.parse("2025-01-01T00:00:00Z"));

    assertThat(moved).isEqualTo(Instant.parse("2025-03-07T12:05:00Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }
}
