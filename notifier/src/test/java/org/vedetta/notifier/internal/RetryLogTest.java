package org.vedetta.notifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryLogTest {

  @Test
  void backoffDoublesUpToAnHour() {
    assertThat(RetryLog.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(RetryLog.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(RetryLog.delayAfter(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(RetryLog.delayAfter(7)).isEqualTo(Duration.ofHours(1));
    assertThat(RetryLog.delayAfter(1000)).isEqualTo(Duration.ofHours(1));
  }
}
