package org.vedetta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Runs the pipeline harness on a few hundred articles with the real embedded broker and H2: no timing asserted. It
 * returns only once the matchers have committed every article and the notifier every development, so finishing
 * is the check; the figures it prints are checked to be there.
 */
class PipelineBenchmarkIT {

  @Test
  void everyArticleIsMatchedAndTheFiguresArePrinted() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      PipelineBenchmark.main(new String[] {"--articles", "300", "--rate", "300", "--warm-up", "100"});
    } finally {
      System.setOut(out);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    System.out.print(printed);
    assertThat(printed).contains("warmed up on 100 articles", "throughput: 300 articles matched", "peak heap")
        .containsPattern("latency, \\d+ articles at 300/s: to vedetta.tagged");
  }
}
