package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.vedetta.testsupport.MutableClock;

class HostLimitsTest {

  private static final Instant NOW = Instant.parse("2025-03-07T12:00:00Z");
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  /** Monotonic time that moves only when a wait asks it to. */
  private static final class FakeTicker implements HostLimits.Ticker {
    long now = 1_000 * SECOND;
    long slept;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleepNanos(long nanos) {
      now += nanos;
      slept += nanos;
    }
  }

  private final FakeTicker ticker = new FakeTicker();
  private final MutableClock clock = new MutableClock(NOW);
  private final HostLimits limits = new HostLimits(2, Duration.ofSeconds(1), clock, ticker);

  @Test
  void requestStartsToOneHostAreTheIntervalApart() throws Exception {
    long start = ticker.now;

    limits.acquire("news.example", Duration.ofMinutes(1)).close();
    long first = ticker.now;
    limits.acquire("news.example", Duration.ofMinutes(1)).close();
    long second = ticker.now;
    ticker.now += 5 * SECOND;
    limits.acquire("NEWS.example", Duration.ofMinutes(1)).close();

    assertThat(first).isEqualTo(start);
    assertThat(second).isEqualTo(start + SECOND);
    assertThat(ticker.slept).isEqualTo(SECOND);
  }

  @Test
  void otherHostsDoNotWait() throws Exception {
    limits.acquire("a.example", Duration.ofMinutes(1)).close();
    limits.acquire("b.example", Duration.ofMinutes(1)).close();
    limits.acquire("c.example", Duration.ofMinutes(1)).close();

    assertThat(ticker.slept).isZero();
  }

  @Test
  void atMostTheConcurrencyHoldSlotsAtOnce() throws Exception {
    HostLimits.Permit first = limits.acquire("news.example", Duration.ofMinutes(1));
    HostLimits.Permit second = limits.acquire("news.example", Duration.ofMinutes(1));

    assertThatThrownBy(() -> limits.acquire("news.example", Duration.ZERO))
        .isInstanceOf(TimeoutException.class)
        .hasMessage("2 requests to news.example already running for longer than the total timeout");

    first.close();
    first.close();
    HostLimits.Permit third = limits.acquire("news.example", Duration.ofMinutes(1));
    assertThatThrownBy(() -> limits.acquire("news.example", Duration.ZERO)).isInstanceOf(TimeoutException.class);
    second.close();
    third.close();
  }

  @Test
  void aTurnTooFarAheadIsRefusedWithoutTakingASlot() throws Exception {
    HostLimits oneAtATime = new HostLimits(4, Duration.ofSeconds(10), clock, ticker);
    oneAtATime.acquire("news.example", Duration.ofMinutes(1)).close();

    assertThatThrownBy(() -> oneAtATime.acquire("news.example", Duration.ofSeconds(5)))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("too many requests queued for news.example");
    assertThat(ticker.slept).isZero();
    // The refused request took no turn: the next one starts 10 s after the first.
    oneAtATime.acquire("news.example", Duration.ofMinutes(1)).close();
    assertThat(ticker.slept).isEqualTo(10 * SECOND);
  }

  @Test
  void aHostIsHeldUntilItsRetryAfter() {
    limits.blockUntil("news.example", NOW.plusSeconds(120));
    limits.blockUntil("news.example", NOW.plusSeconds(60));

    assertThat(limits.blockedUntil("news.example")).isEqualTo(NOW.plusSeconds(120));
    assertThat(limits.blockedUntil("other.example")).isNull();
    clock.advance(Duration.ofSeconds(120));
    assertThat(limits.blockedUntil("news.example")).isNull();
  }
}
