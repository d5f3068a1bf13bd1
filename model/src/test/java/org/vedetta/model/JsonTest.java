package org.vedetta.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  private final Claim claim = new Claim("north_korea", "troop_deployment", "russia", null,
      new Quantity(10_000, 12_000, "soldiers", Qualifier.ABOUT), LocalDate.of(2025, 4, 28),
      "La Corea del Nord aveva schierato tra i 10.000 e i 12.000 soldati in Russia.", 10, 84);

  @Test
  void developmentSurvivesARoundTripWithSnakeCaseFields() {
    Development dev = new Development(Development.SCHEMA, "abc", claim.key(), Verdict.NEW, 4,
        "North Korea — troop deployment", claim,
        new Evidence("a1", "demo", "http://x/a", "Title", Instant.parse("2026-11-24T08:00:00Z")),
        List.of(), null, Instant.parse("2026-11-24T09:00:00Z"));

    String json = Json.writeString(dev);

    assertThat(json).contains("\"claim_key\":\"north_korea|troop_deployment|russia|-\"")
        .contains("\"verdict\":\"new\"").contains("\"qualifier\":\"about\"")
        .contains("\"published_at\":\"2026-11-24T08:00:00Z\"").doesNotContain("\"known\"");
    assertThat(Json.read(json, Development.class)).isEqualTo(dev);
  }

  @Test
  void malformedValueNamesTheType() {
    assertThatThrownBy(() -> Json.read("{not json".getBytes(StandardCharsets.UTF_8), Article.class))
        .isInstanceOf(MalformedRecordException.class).hasMessageStartingWith("Article:");
  }

  @Test
  void articleIdDependsOnlyOnTheCanonicalUrl() {
    Article a = Article.of("s1", "https://example.org/a", "t", "x", "it", null, Instant.EPOCH);
    Article b = Article.of("s2", "https://example.org/a", "other", "y", "en", null, Instant.now());
    assertThat(a.id()).isEqualTo(b.id()).hasSize(16);
    assertThat(Article.idFor("https://example.org/b")).isNotEqualTo(a.id());
  }

  @Test
  void quantityDescribesItselfForPeople() {
    assertThat(new Quantity(10_000, 12_000, "soldiers", Qualifier.ABOUT).describe())
        .isEqualTo("10,000–12,000 soldiers");
    assertThat(new Quantity(1_500, 1_500, "soldiers", Qualifier.ABOUT).describe())
        .isEqualTo("about 1,500 soldiers");
    assertThat(new Quantity(0, 40, "percent", Qualifier.UP_TO).describe()).isEqualTo("up to 40 percent");
  }
}
