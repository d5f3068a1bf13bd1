package org.vedetta.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vedetta.matcher.knowledge.Entity;
import org.vedetta.matcher.knowledge.Fact;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Qualifier;

/** Edits of the real knowledge files: the loader reads the result, and every other line stays as written. */
class KnowledgeTextTest {

  private static final Path DIR = Path.of("..", "config", "knowledge");

  private static String read(String file) throws Exception {
    return Files.readString(DIR.resolve(file));
  }

  private static KnowledgeSet load(String file, String text) {
    return KnowledgeSet.load(DIR, "knowledge", Map.of(file, text));
  }

  @Test
  void anAliasJoinsItsEntitysNamesAndNothingElseChanges() throws Exception {
    String before = read("entities.yml");
    String after = KnowledgeText.addAlias(before, "north_korea", "en", "Hermit Kingdom", false, List.of());

    Entity korea = load("entities.yml", after).entity("north_korea").orElseThrow();
    assertThat(korea.names().get("en")).endsWith("Hermit Kingdom");
    assertThat(after.replace(", Hermit Kingdom]", "]")).as("only the alias was added").isEqualTo(before);
  }

  @Test
  void anAmbiguousAliasJoinsTheContextRulesWithItsNewWords() throws Exception {
    String after = KnowledgeText.addAlias(read("entities.yml"), "cuba", "it", "Isola Grande", true,
        List.of("Avana", "zucchero", " "));
    Entity cuba = load("entities.yml", after).entity("cuba").orElseThrow();
    assertThat(cuba.names().get("it")).contains("Isola Grande");
    assertThat(cuba.context().ambiguous()).endsWith("Isola Grande");
    assertThat(cuba.context().requires()).endsWith("zucchero").filteredOn("Avana"::equals).hasSize(1);
  }

  @Test
  void anEntityWithoutContextRulesGetsThem() throws Exception {
    String before = read("entities.yml");
    String after = KnowledgeText.addAlias(before, "belarus", "en", "White Russia", true, List.of("Minsk", "Lukashenko"));
    Entity belarus = load("entities.yml", after).entity("belarus").orElseThrow();
    assertThat(belarus.context()).isNotNull();
    assertThat(belarus.context().ambiguous()).containsExactly("White Russia");
    assertThat(belarus.context().requires()).containsExactly("Minsk", "Lukashenko");
    assertThat(load("entities.yml", after).entities()).hasSameSizeAs(load("entities.yml", before).entities());
  }

  @Test
  void quotesWhatAFlowListCannotHoldPlain() {
    assertThat(KnowledgeText.flowItem("Kim Jong-un")).isEqualTo("Kim Jong-un");
    assertThat(KnowledgeText.flowItem("L'Avana")).isEqualTo("L'Avana");
    assertThat(KnowledgeText.flowItem("corea*")).isEqualTo("corea*");
    assertThat(KnowledgeText.flowItem("A, B")).isEqualTo("\"A, B\"");
    assertThat(KnowledgeText.flowItem("[x]")).isEqualTo("\"[x]\"");
    assertThat(KnowledgeText.flowItem("say \"no\"")).isEqualTo("\"say \\\"no\\\"\"");
  }

  @Test
  void refusesWhatItCannotDo() throws Exception {
    String entities = read("entities.yml");
    assertThatThrownBy(() -> KnowledgeText.addAlias(entities, "atlantis", "en", "X", false, List.of()))
        .hasMessage("no entity 'atlantis' in entities.yml");
    assertThatThrownBy(() -> KnowledgeText.addAlias(entities, "russia", "en", "moscow", false, List.of()))
        .hasMessage("'moscow' is listed already under names.en");
    assertThatThrownBy(() -> KnowledgeText.addAlias(entities, "russia", "en", "Rus", false, List.of("Kremlin")))
        .hasMessageContaining("context words are for an ambiguous alias");
  }

  @Test
  void aFactIsAppendedOrReplacedInPlace() throws Exception {
    String before = read("facts.yml");
    Fact added = new Fact("kp_troops_test_2026_11", "north_korea", "troop_deployment", "russia", null,
        new Fact.FactQuantity(15000, 15000, Qualifier.ABOUT, "soldiers", "total"), "2026-11", "estimated",
        "https://example.org/nis", "circa 15.000 soldati", null, false);
    String appended = KnowledgeText.putFact(before, added, null);
    assertThat(appended).startsWith(before.stripTrailing());
    assertThat(load("facts.yml", appended).facts()).filteredOn(f -> f.id().equals(added.id())).singleElement()
        .satisfies(f -> {
          assertThat(f.quantity().low()).isEqualTo(15000);
          assertThat(f.quantity().role()).isEqualTo("total");
          assertThat(f.source()).isEqualTo("https://example.org/nis");
        });

    Fact first = load("facts.yml", before).facts().get(0);
    Fact changed = new Fact(first.id(), first.subject(), first.event(), first.counterparty(), first.treaty(),
        new Fact.FactQuantity(1600, 1600, Qualifier.ABOUT, "soldiers", "total"), first.asOf(), first.status(),
        first.source(), first.quote(), null, false);
    String replaced = KnowledgeText.putFact(before, changed, first.id());
    KnowledgeSet reloaded = load("facts.yml", replaced);
    assertThat(reloaded.facts()).hasSameSizeAs(load("facts.yml", before).facts());
    assertThat(reloaded.facts().get(0).quantity().low()).isEqualTo(1600);
    assertThat(reloaded.facts().get(1)).isEqualTo(load("facts.yml", before).facts().get(1));
    assertThat(replaced).as("the file's header comments stay")
        .startsWith(before.substring(0, before.indexOf("  - id: " + first.id())));
  }
}
