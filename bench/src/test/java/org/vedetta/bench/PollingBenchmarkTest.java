package org.vedetta.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the whole polling harness on 50 feeds: no timing asserted, only that each round did what it claims. */
class PollingBenchmarkTest {

  private static final int FEEDS = 50;
  private static final int ITEMS = 3;

  @Test
  void firstRoundPublishesEveryItemAndSteadyRoundsOnlyTheChangedFeedsNewOnes() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PollingOptions options = new PollingOptions(List.of(FEEDS), 2, 8, ITEMS, 10, 2, 4, 0, Duration.ofSeconds(10),
        true);

    List<PollingBenchmark.Run> runs = PollingBenchmark.run(options, new PrintStream(buffer, true,
        StandardCharsets.UTF_8));

    assertThat(runs).hasSize(1);
    PollingBenchmark.Run run = runs.get(0);
    assertThat(run.changing()).as("feeds 0, 10, 20, 30, 40").isEqualTo(5);
    assertThat(run.rounds()).hasSize(3).allSatisfy(r -> {
      assertThat(r.failedPolls()).as("%s: failed polls, first error %s", r.label(), r.firstError()).isZero();
      assertThat(r.sources()).isEqualTo(FEEDS);
      assertThat(r.served().other()).isZero();
    });

    PollRound first = run.firstRound();
    assertThat(first.published()).isEqualTo(FEEDS * ITEMS);
    assertThat(first.served().ok()).isEqualTo(FEEDS);
    assertThat(first.served().notModified()).isZero();

    assertThat(run.steadyRounds()).allSatisfy(r -> {
      assertThat(r.published()).as("%s: one new item per changed feed", r.label()).isEqualTo(5);
      assertThat(r.served().ok()).isEqualTo(5);
      assertThat(r.served().notModified()).isEqualTo(FEEDS - 5);
    });
    assertThat(run.bare().served().notModified()).as("bare client: every feed unchanged").isEqualTo(FEEDS);
    assertThat(run.bare().failedPolls()).isZero();
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("== summary", "| first ", "| steady ", "bare 304");
  }

  @Test
  void optionsNameEveryBadArgument() {
    PollingOptions parsed = PollingOptions.parse("--sources", "10,2_000", "--threads", "16", "--db", "plain");
    assertThat(parsed.sources()).containsExactly(10, 2000);
    assertThat(parsed.threads()).isEqualTo(16);
    assertThat(parsed.pooled()).isFalse();

    assertThatThrownBy(() -> PollingOptions.parse("--sources", "0", "--hosts", "300", "--bogus", "1", "--db", "pg"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll("--sources: 0", "--hosts: 300", "--bogus: unknown option", "--db: 'pg'");
  }

  @Test
  void feedPathsAreParsedStrictly() {
    assertThat(FeedSite.feedIndex("/feed/1234.xml")).isEqualTo(1234);
    assertThat(FeedSite.feedIndex("/feed/.xml")).isEqualTo(-1);
    assertThat(FeedSite.feedIndex("/feed/12a.xml")).isEqualTo(-1);
    assertThat(FeedSite.feedIndex("/feed/1234567890.xml")).isEqualTo(-1);
    assertThat(FeedSite.feedIndex("/other")).isEqualTo(-1);
  }
}
