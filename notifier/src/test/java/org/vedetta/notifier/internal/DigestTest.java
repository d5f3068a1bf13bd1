package org.vedetta.notifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vedetta.model.Development;
import org.vedetta.notifier.Developments;
import org.vedetta.notifier.Fixtures;
import org.vedetta.notifier.Subscriber;

class DigestTest {

  private final Subscriber ana = Fixtures.subscriber("ana@example.org", "north_korea", null);
  private final Development troops = Developments.northKoreaTroops();
  private final Development treaty = Developments.venezuelaRatification();
  private final Development casualties = Developments.northKoreaCasualties();

  @Test
  void idDependsOnTheSubscriberAndTheItemsOnly() {
    Digest one = Digest.of(ana, List.of(troops, treaty), false, Instant.EPOCH);
    Digest again = Digest.of(ana, List.of(treaty, troops), false, Instant.now());
    Digest other = Digest.of(Fixtures.subscriber("bo@example.org", "north_korea", null), List.of(troops, treaty),
        false, Instant.EPOCH);
    assertThat(again.id()).isEqualTo(one.id());
    assertThat(other.id()).isNotEqualTo(one.id());
    assertThat(one.messageId()).isEqualTo("<" + one.id() + "@vedetta>").matches("<[0-9a-f]{16}@vedetta>");
  }

  @Test
  void mostSevereFirst() {
    Digest digest = Digest.of(ana, List.of(treaty, troops, Developments.leaderMeeting()), false, Instant.EPOCH);
    assertThat(digest.items()).extracting(Development::severity).containsExactly(5, 4, 3);
    assertThat(Digest.of(ana, List.of(casualties, troops), false, Instant.EPOCH).items())
        .isEqualTo(Digest.of(ana, List.of(troops, casualties), false, Instant.EPOCH).items());
  }
}
