package org.vedetta.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vedetta.matcher.knowledge.Fact;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Claim;
import org.vedetta.model.Correction;
import org.vedetta.model.Development;
import org.vedetta.model.Evidence;
import org.vedetta.model.Qualifier;
import org.vedetta.model.Quantity;
import org.vedetta.model.Verdict;

/** The figure timeline of North Korean troops, from the real knowledge set and two developments, and its chart. */
class FigureChartTest {

  private static final KnowledgeSet KNOWLEDGE = KnowledgeSet.load(Path.of("..", "config", "knowledge"), "knowledge");
  private static final String KEY = "north_korea|troop_deployment|russia|-";

  private final Development fifteen = development("d15", 15_000, 15_000, LocalDate.of(2026, 11, 20));
  private final Development eighteen = development("d18", 17_000, 19_000, LocalDate.of(2026, 11, 28));
  private final Correction wrong = Correction.of(eighteen, Correction.Decision.WRONG, Correction.Reason.WRONG_FIGURE,
      null, "Ana", Instant.parse("2026-11-29T08:00:00Z"));

  private final FigureTimeline timeline = FigureTimeline.of(KEY, KNOWLEDGE, List.of(eighteen, fifteen),
      id -> id.equals("d18") ? Optional.of(wrong) : Optional.empty());

  @Test
  void theTimelineHoldsTheBaselineAndTheDevelopmentsOldestFirst() {
    long baseline = KNOWLEDGE.facts().stream()
        .filter(f -> f.key().equals(KEY) && f.quantity() != null && f.asOf() != null).count();
    assertThat(baseline).isPositive();
    assertThat(timeline.title()).isEqualTo("North Korea · troop deployment · Russia");
    assertThat(timeline.unit()).isEqualTo("soldiers");
    assertThat(timeline.points()).hasSize((int) baseline + 2);
    assertThat(timeline.points()).extracting(FigureTimeline.Point::date).isSorted();
    assertThat(timeline.points()).filteredOn(p -> p.developmentId() == null)
        .allSatisfy(p -> assertThat(p.verdict()).isEqualTo("baseline"));
    FigureTimeline.Point last = timeline.points().get(timeline.points().size() - 1);
    assertThat(last.developmentId()).isEqualTo("d18");
    assertThat(last.wrong()).isTrue();
    assertThat(last.judgementText()).startsWith("judged wrong (wrong figure) by Ana");
    assertThat(last.source()).isEqualTo("wire: Troops");
  }

  @Test
  void theChartDrawsRangesAsBandsAndLeavesWrongFiguresOffTheLine() {
    FigureChart chart = FigureChart.of(timeline);
    List<FigureTimeline.Point> drawn = timeline.points().stream().filter(p -> !p.vague()).toList();
    assertThat(chart.marks()).hasSize(drawn.size());
    assertThat(chart.lines()).singleElement().satisfies(line -> {
      assertThat(line.role()).isEqualTo("total");
      assertThat(line.points().split(" ")).as("every drawn figure but the wrong one").hasSize(drawn.size() - 1);
    });
    FigureChart.Mark fifteenMark = chart.marks().get(chart.marks().size() - 2);
    FigureChart.Mark wrongMark = chart.marks().get(chart.marks().size() - 1);
    assertThat(wrongMark.wrong()).isTrue();
    assertThat(wrongMark.range()).isTrue();
    assertThat(wrongMark.top()).isLessThan(wrongMark.y()).as("17,000–19,000 spans its middle");
    assertThat(wrongMark.bottom()).isGreaterThan(wrongMark.y());
    assertThat(wrongMark.y()).as("18,000 above 15,000").isLessThan(fifteenMark.y());
    assertThat(wrongMark.x()).as("later, further right").isGreaterThan(fifteenMark.x());
    assertThat(fifteenMark.range()).isFalse();
    assertThat(fifteenMark.href()).isEqualTo("/developments/d15");
    assertThat(chart.marks()).allSatisfy(m -> {
      assertThat(m.x()).isBetween((double) chart.plot().left(), (double) chart.plot().right());
      assertThat(m.top()).isBetween((double) chart.plot().top(), (double) chart.plot().bottom());
    });
    assertThat(chart.yTicks()).extracting(FigureChart.Tick::label).as("round ticks up to above 19,000")
        .containsExactly("0", "5,000", "10,000", "15,000", "20,000", "25,000");
  }

  @Test
  void roundTopsAreOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(FigureChart.niceCeiling(20_900)).isEqualTo(25_000);
    assertThat(FigureChart.niceCeiling(26_000)).isEqualTo(50_000);
    assertThat(FigureChart.niceCeiling(16_500)).isEqualTo(20_000);
    assertThat(FigureChart.niceCeiling(3)).isEqualTo(5);
    assertThat(FigureChart.niceCeiling(1_000)).isEqualTo(1_000);
  }

  private static Development development(String id, long low, long high, LocalDate date) {
    Claim claim = new Claim("north_korea", "troop_deployment", "russia", null,
        new Quantity(low, high, "soldiers", low == high ? Qualifier.ABOUT : Qualifier.EXACT, "total"), date,
        "Sentence.", 0, 9, null, List.of(), null);
    return new Development(Development.SCHEMA, id, claim.key(), Verdict.CHANGED, 4, "headline", claim,
        new Evidence("a-" + id, "wire", "https://wire.example/" + id, "Troops", null), List.of(), null,
        Instant.parse("2026-11-30T08:00:00Z"));
  }
}
