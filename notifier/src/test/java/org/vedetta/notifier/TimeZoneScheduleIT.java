package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vedetta.testsupport.MutableClock;

/**
 * A digest at 07:00 in Rome is at 06:00 UTC in winter and 05:00 UTC in summer, across both switches of 2026 (29
 * March, 25 October), as Quartz's cron trigger computes it from the notifier's clock (not the machine's).
 */
class TimeZoneScheduleIT {

  private static final String ANA = "ana@example.org";

  private Notifier notifier(MutableClock clock, String cron) {
    return TestNotifiers.builder(MailSettings.smtp("127.0.0.1", 25), clock,
        new Subscriber(ANA, null, List.of("north_korea"), cron, ZoneId.of("Europe/Rome"), null, null)).build();
  }

  @ParameterizedTest(name = "clock at {0}: next digest at {1}")
  @CsvSource({
      "2026-01-15T12:00:00Z, 2026-01-16T06:00:00Z", // winter (CET, UTC+1)
      "2026-03-28T12:00:00Z, 2026-03-29T05:00:00Z", // the night of the switch to summer time
      "2026-03-29T00:30:00Z, 2026-03-29T05:00:00Z", // 01:30 in Rome, before the switch at 02:00
      "2026-03-29T04:59:59Z, 2026-03-29T05:00:00Z",
      "2026-03-29T05:00:00Z, 2026-03-30T05:00:00Z", // strictly after the current slot
      "2026-07-01T12:00:00Z, 2026-07-02T05:00:00Z", // summer (CEST, UTC+2)
      "2026-10-24T12:00:00Z, 2026-10-25T06:00:00Z", // the night of the switch back to winter time
      "2026-10-25T00:30:00Z, 2026-10-25T06:00:00Z", // 02:30 CEST, before 03:00 CEST becomes 02:00 CET
      "2026-10-25T05:30:00Z, 2026-10-25T06:00:00Z", // 06:30 in Rome: 07:00 is still to come
      "2026-12-31T23:00:00Z, 2027-01-01T06:00:00Z",
      "2030-03-30T12:00:00Z, 2030-03-31T05:00:00Z"  // the future too, not only dates before the machine's clock
  })
  void aSevenOClockDigestInRomeFollowsDaylightSavingTime(Instant now, Instant next) {
    try (Notifier notifier = notifier(new MutableClock(now), "0 0 7 * * ?")) {
      assertThat(notifier.nextDigestAt(ANA)).contains(next);
      assertThat(notifier.status()).singleElement()
          .satisfies(s -> assertThat(s.nextDigest()).isEqualTo(next));
    }
  }

  @Test
  void theNextDigestMovesWithTheClock() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-27T12:00:00Z"));
    try (Notifier notifier = notifier(clock, "0 0 7 * * ?")) {
      assertThat(notifier.nextDigestAt(ANA)).contains(Instant.parse("2026-03-28T06:00:00Z"));
      clock.set(Instant.parse("2026-03-28T06:00:00Z"));
      assertThat(notifier.nextDigestAt(ANA)).contains(Instant.parse("2026-03-29T05:00:00Z"));
      clock.set(Instant.parse("2026-03-29T05:00:00Z"));
      assertThat(notifier.nextDigestAt(ANA)).contains(Instant.parse("2026-03-30T05:00:00Z"));
    }
  }

  @Test
  void weekdaysOnlySkipTheWeekendInTheSubscribersZone() {
    // Friday 23:30 UTC is already Saturday in Rome: the next weekday digest is Monday's.
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T23:30:00Z"));
    try (Notifier notifier = notifier(clock, "0 0 7 ? * MON-FRI")) {
      assertThat(notifier.nextDigestAt(ANA)).contains(Instant.parse("2026-11-30T06:00:00Z"));
    }
  }

  @Test
  void aScheduleThatNeverFiresAgainHasNoNextDigest() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-28T12:00:00Z"));
    try (Notifier notifier = notifier(clock, "0 0 7 1 1 ? 2025")) {
      assertThat(notifier.nextDigestAt(ANA)).isEmpty();
    }
  }
}
