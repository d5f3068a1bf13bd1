package org.vedetta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vedetta.matcher.Mentions;
import org.vedetta.matcher.knowledge.KnowledgeSet;

/** Runs the whole harness on the first 200 corpus documents: no timing asserted, only that it is honest. */
class MentionBenchmarkTest {

  @Test
  void bothEnginesFindMostlyTheSameEntitiesOnBothKnowledgeSets() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Options defaults = Options.defaults();
    // The real set grows as analysts add names; scale it by what 200 documents can supply.
    int realAliases = new Mentions(KnowledgeSet.load(defaults.knowledgeDir(), "config/knowledge")).aliases();
    Options options = new Options(null, 200, realAliases + 1_000, 0, 1, 16, FoldingAnalyzer.Tokenizing.WORDS);

    List<Comparison.Result> results = MentionBenchmark.run(options, new PrintStream(buffer, true,
        StandardCharsets.UTF_8));

    assertThat(results).hasSize(2);
    assertThat(results.get(1).aliases()).isGreaterThan(results.get(0).aliases());
    assertThat(results).allSatisfy(r -> {
      assertThat(r.agreement().docs()).isEqualTo(200);
      assertThat(r.agreement().vedettaPairs()).as("%s: Vedetta's mentions", r.name()).isPositive();
      assertThat(r.agreement().lucenePairs()).as("%s: Lucene's mentions", r.name()).isPositive();
      assertThat(r.agreement().equalShare()).as("%s: documents with the same entities", r.name())
          .isGreaterThanOrEqualTo(0.9);
      assertThat(r.vedetta().docsPerSecond()).isPositive();
      assertThat(r.lucene().docsPerSecond()).isPositive();
    });
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("Vedetta / Lucene", "agreement:", "summary");
  }
}
