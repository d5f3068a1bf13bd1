package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vedetta.model.Development;

class WatchlistTest {

  private final Development troops = Developments.northKoreaTroops();
  private final Development ratification = Developments.venezuelaRatification();

  private static Watchlist watchlist(List<String> entities, List<String> treaties, List<String> events,
      Integer minSeverity) {
    return new Watchlist("w", null, entities, treaties, events, minSeverity, null);
  }

  @Test
  void matchesTheSubjectOrTheCounterparty() {
    assertThat(watchlist(List.of("north_korea"), null, null, null).matches(troops)).isTrue();
    assertThat(watchlist(List.of("russia"), null, null, null).matches(troops)).isTrue();
    assertThat(watchlist(List.of("iran"), null, null, null).matches(troops)).isFalse();
  }

  @Test
  void matchesTheTreaty() {
    Watchlist treaty = watchlist(null, List.of("russia_venezuela_partnership"), null, 0);
    assertThat(treaty.matches(ratification)).isTrue();
    assertThat(treaty.matches(troops)).isFalse();
  }

  @Test
  void emptyScopeMatchesEveryEntityButStillFiltersEventsAndSeverity() {
    assertThat(watchlist(null, null, null, null).matches(troops)).isTrue();
    assertThat(watchlist(null, null, List.of("casualties"), null).matches(troops)).isFalse();
    assertThat(watchlist(null, null, List.of("troop_deployment"), null).matches(troops)).isTrue();
    assertThat(watchlist(null, null, null, 5).matches(troops)).isFalse();
    assertThat(watchlist(null, null, null, 4).matches(troops)).isTrue();
  }

  @Test
  void defaultsTitleListsAndSeverity() {
    Watchlist w = new Watchlist("nk", null, null, null, null, null, null);
    assertThat(w.title()).isEqualTo("nk");
    assertThat(w.entities()).isEmpty();
    assertThat(w.languages()).isEmpty();
    assertThat(w.minSeverity()).isEqualTo(1);
  }
}
