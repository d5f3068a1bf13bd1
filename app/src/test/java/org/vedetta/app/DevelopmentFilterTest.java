package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vedetta.app.live.DevelopmentFilter;
import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.model.Evidence;
import org.vedetta.model.Quantity;
import org.vedetta.model.Verdict;
import org.vedetta.notifier.Watchlist;

/** The live view's filter: each part narrows what is shown, and an empty part shows everything. */
class DevelopmentFilterTest {

  private static final Development KOREAN_TROOPS = development("kp-troops", "north_korea", "troop_deployment",
      "russia", null, 4);
  private static final Development BELARUS_CASUALTIES = development("by-casualties", "belarus", "casualties",
      "russia", null, 2);
  /** Belarus only as the counterparty. */
  private static final Development TROOPS_TO_BELARUS = development("ru-troops-by", "russia", "troop_deployment",
      "belarus", null, 3);
  private static final Development VENEZUELA_TREATY = development("ve-treaty", "venezuela", "treaty_ratified",
      "russia", "ru_ve_strategic_partnership_2025", 5);
  /** A claim without counterparty. */
  private static final Development INDIA_CASUALTIES = development("in-casualties", "india", "casualties", null, null,
      1);

  private static final List<Development> ALL = List.of(KOREAN_TROOPS, BELARUS_CASUALTIES, TROOPS_TO_BELARUS,
      VENEZUELA_TREATY, INDIA_CASUALTIES);

  private static Development development(String id, String subject, String event, String counterparty, String treaty,
      int severity) {
    Claim claim = new Claim(subject, event, counterparty, treaty, Quantity.exact(1_000, "soldiers"), null,
        subject + " " + event, 0, 20);
    Evidence evidence = new Evidence("article-" + id, "osservatorio-est", "https://example.org/" + id, "Title " + id,
        Instant.parse("2025-11-03T08:00:00Z"));
    return new Development(Development.SCHEMA, id, claim.key(), Verdict.NEW, severity, subject + ": " + event, claim,
        evidence, List.of(), null, Instant.parse("2025-11-03T09:00:00Z"));
  }

  private static List<Development> shown(DevelopmentFilter filter) {
    return ALL.stream().filter(filter::matches).toList();
  }

  @Test
  void noFilterShowsEverything() {
    assertThat(shown(DevelopmentFilter.ALL)).containsExactlyElementsOf(ALL);
    assertThat(shown(new DevelopmentFilter(null, null, null, 1))).containsExactlyElementsOf(ALL);
  }

  @Test
  void aWatchlistShowsWhatItWouldAlertOn() {
    Watchlist allies = new Watchlist("allies", null, List.of("north_korea", "belarus"),
        List.of("ru_ve_strategic_partnership_2025"), List.of(), 1, List.of());
    Watchlist seriousTroops = new Watchlist("troops", null, List.of("north_korea", "belarus"), List.of(),
        List.of("troop_deployment"), 4, List.of());

    assertThat(shown(new DevelopmentFilter(allies, null, null, 1)))
        .containsExactly(KOREAN_TROOPS, BELARUS_CASUALTIES, TROOPS_TO_BELARUS, VENEZUELA_TREATY);
    assertThat(shown(new DevelopmentFilter(seriousTroops, null, null, 1))).containsExactly(KOREAN_TROOPS);
  }

  @Test
  void anEntityShowsDevelopmentsWhereItIsSubjectOrCounterparty() {
    assertThat(shown(new DevelopmentFilter(null, "belarus", null, 1)))
        .containsExactly(BELARUS_CASUALTIES, TROOPS_TO_BELARUS);
    assertThat(shown(new DevelopmentFilter(null, "india", null, 1))).containsExactly(INDIA_CASUALTIES);
    assertThat(shown(new DevelopmentFilter(null, "china", null, 1))).isEmpty();
  }

  @Test
  void anEventTypeShowsOnlyThatEvent() {
    assertThat(shown(new DevelopmentFilter(null, null, "casualties", 1)))
        .containsExactly(BELARUS_CASUALTIES, INDIA_CASUALTIES);
    assertThat(shown(new DevelopmentFilter(null, null, "treaty_ratified", 1))).containsExactly(VENEZUELA_TREATY);
  }

  @Test
  void aSeverityShowsThatSeverityAndAbove() {
    assertThat(shown(new DevelopmentFilter(null, null, null, 4))).containsExactly(KOREAN_TROOPS, VENEZUELA_TREATY);
    assertThat(shown(new DevelopmentFilter(null, null, null, 5))).containsExactly(VENEZUELA_TREATY);
    assertThat(shown(new DevelopmentFilter(null, null, null, 0))).containsExactlyElementsOf(ALL);
  }

  @Test
  void partsCombineSoEachMustHold() {
    Watchlist everything = new Watchlist("everything", null, List.of(), List.of(), List.of(), 1, List.of());

    assertThat(shown(new DevelopmentFilter(everything, null, null, 1))).containsExactlyElementsOf(ALL);
    assertThat(shown(new DevelopmentFilter(everything, "belarus", "troop_deployment", 1)))
        .containsExactly(TROOPS_TO_BELARUS);
    assertThat(shown(new DevelopmentFilter(everything, "belarus", "troop_deployment", 4))).isEmpty();
    assertThat(shown(new DevelopmentFilter(null, "north_korea", "casualties", 1))).isEmpty();
  }
}
