package org.vedetta.matcher.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vedetta.matcher.knowledge.EventType;
import org.vedetta.matcher.knowledge.KnowledgeSet;

/** The real-news corpus holds what the evaluation needs, and its labels name only what the knowledge set knows. */
class RealCorpusTest {

  private static final Path KNOWLEDGE = Path.of("..", "config", "knowledge");
  private static final RealCorpus CORPUS = RealCorpus.load(KNOWLEDGE.resolve("eval").resolve("real"));
  private static final List<LabelledArticle> ALL = CORPUS.labelled(RealCorpus.Part.ALL);

  @Test
  void coversEveryLanguageEventTypeAndTrap() {
    Map<String, Long> perLanguage = ALL.stream()
        .collect(Collectors.groupingBy(LabelledArticle::language, Collectors.counting()));
    assertThat(ALL).hasSizeGreaterThanOrEqualTo(240);
    assertThat(perLanguage).containsOnlyKeys("it", "en", "fr", "de", "es", "ru", "uk")
        .allSatisfy((language, n) -> assertThat(n).as(language).isGreaterThanOrEqualTo(25));
    assertThat(ALL.stream().filter(a -> !a.onTopic())).hasSizeGreaterThanOrEqualTo(40);
    Set<String> events = ALL.stream().flatMap(a -> a.claims().stream()).map(LabelledArticle.ExpectedClaim::event)
        .collect(Collectors.toSet());
    KnowledgeSet knowledge = KnowledgeSet.load(KNOWLEDGE, "config/knowledge");
    assertThat(events).containsAll(knowledge.events().stream().map(EventType::id).toList());
  }

  @Test
  void theTestPartIsARecordedShareOfEveryLanguage() {
    List<LabelledArticle> test = CORPUS.labelled(RealCorpus.Part.TEST);
    List<LabelledArticle> dev = CORPUS.labelled(RealCorpus.Part.DEV);
    assertThat(test.size() + dev.size()).isEqualTo(ALL.size());
    assertThat((double) test.size() / ALL.size()).isGreaterThanOrEqualTo(0.4);
    assertThat(CORPUS.split().waves()).isNotEmpty()
        .allSatisfy(w -> assertThat(w.commit()).as(w.articles()).matches("[0-9a-f]{40}"));
    assertThat(test.stream().map(LabelledArticle::language).collect(Collectors.toSet())).hasSize(7);
    assertThat(test.stream().filter(a -> !a.onTopic())).isNotEmpty();
  }

  @Test
  void labelsNameOnlyWhatTheKnowledgeSetKnows() {
    KnowledgeSet knowledge = KnowledgeSet.load(KNOWLEDGE, "config/knowledge");
    Set<String> ids = new HashSet<>();
    knowledge.entities().forEach(e -> ids.add(e.id()));
    knowledge.treaties().forEach(t -> ids.add(t.id()));
    Set<String> labelledIds = LabelledIds.read(KNOWLEDGE.resolve("eval").resolve("real"));
    assertThat(ids).as("eval/real/labelled-ids.yml names only what the knowledge set knows").containsAll(labelledIds);
    for (LabelledArticle a : ALL) {
      assertThat(labelledIds).as(a.id()).containsAll(a.mentions());
      for (LabelledArticle.ExpectedClaim c : a.claims()) {
        assertThat(knowledge.event(c.event())).as(a.id() + " " + c.event()).isPresent();
        assertThat(knowledge.entity(c.subject())).as(a.id() + " " + c.subject()).isPresent();
        if (c.treaty() != null) {
          assertThat(knowledge.treaty(c.treaty())).as(a.id() + " " + c.treaty()).isPresent();
        }
        if (c.role() != null) {
          assertThat(knowledge.event(c.event()).orElseThrow().hasRole(c.role())).as(a.id() + " " + c.role()).isTrue();
        }
      }
    }
  }

  @Test
  void theTwoLabellingsAgreeAsTheReadmeSays() {
    Agreement.Report r = Agreement.compare(CORPUS.labelled(RealCorpus.Part.ALL, "annotations/a"),
        CORPUS.labelled(RealCorpus.Part.ALL, "annotations/b"));
    assertThat(r.articles()).isEqualTo(ALL.size());
    assertThat(r.mentionsF1()).isGreaterThan(0.95);
    assertThat(r.claimsF1()).isGreaterThan(0.85);
    assertThat(r.measures()).filteredOn(m -> m.label().equals("verdict")).singleElement()
        .satisfies(m -> assertThat(m.kappa()).isGreaterThan(0.8));
  }
}
