package org.vedetta.matcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vedetta.matcher.Matcher;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.testsupport.TestDatabases;

/**
 * A copy of a story finds the story it repeats even when many older articles share a band of its signature without
 * being the same story: candidates are compared oldest first until one is similar.
 */
class FingerprintsTest {

  private static final KnowledgeSet KNOWLEDGE = KnowledgeSet.load(Path.of("..", "config", "knowledge"),
      "config/knowledge");

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("H2", TestDatabases.h2()),
        Arguments.of("PostgreSQL", TestDatabases.postgres().orElse(null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aCopyFindsItsStoryBehindManyOlderArticlesSharingABand(String name, DataSource ds) {
    assumeTrue(ds != null, name + " is not reachable on this machine");
    Matcher.builder().knowledge(KNOWLEDGE).dataSource(ds).build(); // migrates the schema
    Fingerprints fingerprints = new Fingerprints(ds);
    Random random = new Random(7);
    List<String> story = words(random, 240);
    Instant at = Instant.parse("2026-11-24T09:00:00Z");

    // Older articles that share most of the story's words in a row: they share bands, but are other stories.
    int sharing = 0;
    for (int i = 0; i < 15; i++) {
      List<String> other = new ArrayList<>(story.subList(i * 5, i * 5 + 150));
      other.addAll(words(random, 90));
      String text = String.join(" ", other);
      assertThat(MinHash.similarity(MinHash.signature(text), MinHash.signature(String.join(" ", story))))
          .isLessThan(Fingerprints.SAME_STORY);
      sharing += sharesBand(text, String.join(" ", story)) ? 1 : 0;
      assertThat(fingerprints.origin("other-" + i, "s", text, at.plusSeconds(i), true)).isEqualTo("other-" + i);
    }
    assumeTrue(sharing > 2, "several older articles share a band with the story");
    assertThat(fingerprints.origin("story", "wire", String.join(" ", story), at.plusSeconds(60), true))
        .isEqualTo("story");

    List<String> copy = new ArrayList<>(story);
    copy.set(100, "edited");
    assertThat(fingerprints.origin("copy", "site", String.join(" ", copy), at.plusSeconds(120), true))
        .isEqualTo("story");
  }

  private static boolean sharesBand(String a, String b) {
    long[] x = MinHash.bandKeys(MinHash.signature(a));
    long[] y = MinHash.bandKeys(MinHash.signature(b));
    for (int i = 0; i < x.length; i++) {
      if (x[i] == y[i]) {
        return true;
      }
    }
    return false;
  }

  private static List<String> words(Random random, int n) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder w = new StringBuilder();
      for (int c = 0; c < 3 + random.nextInt(6); c++) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      words.add(w.toString());
    }
    return words;
  }
}
