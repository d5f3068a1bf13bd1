package org.vedetta.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  private static final Set<String> NAMES = Set.of("--runs", "--rate");

  @Test
  void readsKnownPairsAndFallsBackForTheRest() {
    Arguments given = Arguments.parse(NAMES, "--runs", "1_000");

    assertThat(given.number("--runs", 3, 1, 5_000)).isEqualTo(1_000);
    assertThat(given.number("--rate", 200, 1, 10_000)).isEqualTo(200);
    assertThat(given.value("--rate")).isNull();
    given.check();
  }

  @Test
  void namesEveryProblemAtOnceInOrder() {
    Arguments given = Arguments.parse(NAMES, "--bogus", "1", "--runs", "0", "--rate", "fast", "--runs");

    assertThat(given.number("--runs", 3, 1, 20)).isEqualTo(3);
    assertThat(given.number("--rate", 200, 1, 10_000)).isEqualTo(200);
    assertThatThrownBy(given::check).isInstanceOf(IllegalArgumentException.class).hasMessage("""
        --bogus: unknown option
        --runs: missing value
        --runs: 0 must be between 1 and 20
        --rate: 'fast' is not a whole number""");
  }

  @Test
  void previewOptionsNameEveryBadArgument() {
    PreviewBenchmark.Options parsed = PreviewBenchmark.Options.parse("--developments", "100_000", "--runs", "5");
    assertThat(parsed.developments()).isEqualTo(100_000);
    assertThat(parsed.articles()).isEqualTo(100_000);
    assertThat(parsed.runs()).isEqualTo(5);

    assertThatThrownBy(() -> PreviewBenchmark.Options.parse("--developments", "0", "--rate", "fast", "--bogus", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--developments").hasMessageContaining("--rate").hasMessageContaining("--bogus");
  }
}
