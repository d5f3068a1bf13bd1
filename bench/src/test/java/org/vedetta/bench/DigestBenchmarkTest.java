package org.vedetta.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole digest harness on 40 subscribers: no timing asserted. The harness itself fails unless GreenMail
 * received exactly one mail per subscriber, each digest carried every development, and a second run sent nothing.
 */
class DigestBenchmarkTest {

  @Test
  void mailsEverySubscriberOneDigestAndThenNothing() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    DigestBenchmark.run(DigestBenchmark.Options.parse("--subscribers", "40", "--items", "3"),
        new PrintStream(buffer, true, StandardCharsets.UTF_8));

    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .contains("40 subscribers × 3 developments", "| send: sendDigests(), 40 digests",
            "second sendDigests(): nothing sent");
  }

  @Test
  void optionsNameABadArgument() {
    assertThatThrownBy(() -> DigestBenchmark.Options.parse("--subscribers", "0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--subscribers");
  }
}
