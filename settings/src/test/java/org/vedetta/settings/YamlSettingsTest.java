package org.vedetta.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlSettingsTest {

  record Feed(String id, String url, Duration pollInterval) implements Validated {
    @Override
    public void validate(Problems problems) {
      problems.require(id, "id");
      if (problems.require(url, "url")) {
        problems.check(url.startsWith("http"), "url", "must be an http(s) URL");
      }
    }
  }

  record Feeds(List<Feed> sources) implements Validated {
    @Override
    public void validate(Problems problems) {
      problems.each("sources", sources);
    }
  }

  @Test
  void readsRecordsWithHumanDurations() {
    Feeds feeds = YamlSettings.parse("""
        sources:
          - id: a
            url: http://example.org/feed
            poll_interval: 5m
        """, "sources.yml", Feeds.class);
    assertThat(feeds.sources()).containsExactly(new Feed("a", "http://example.org/feed", Duration.ofMinutes(5)));
  }

  record List2(String id, String title, List<String> names, Integer min) {}

  record Lists2(List<List2> lists) {}

  @Test
  void writesWhatItReadsBack() {
    Lists2 lists = new Lists2(List.of(
        new List2("allies", "Russia's allies: \"core\" # states", List.of("north_korea", "belarus"), 3),
        new List2("empty", null, List.of(), null)));
    String yaml = YamlSettings.write(lists);
    assertThat(yaml).startsWith("lists:\n").doesNotContain("---").contains("- id: allies").doesNotContain("title: null");
    assertThat(YamlSettings.parse(yaml, "lists.yml", Lists2.class))
        .isEqualTo(new Lists2(List.of(lists.lists().get(0), new List2("empty", null, null, null))));
  }

  @Test
  void reportsEveryValidationProblemWithItsLine() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        sources:
          - id: a
            url: ftp://example.org/feed
          - url: http://example.org/b
        """, "sources.yml", Feeds.class))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems()).containsExactly(
            new Problem("sources.yml", 3, "sources[0].url", "must be an http(s) URL"),
            new Problem("sources.yml", 4, "sources[1].id", "is required")));
  }

  @Test
  void unknownFieldNamesTheFieldAndTheKnownOnes() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        sources:
          - id: a
            url: http://example.org/feed
            pol_interval: 5m
        """, "sources.yml", Feeds.class))
        .hasMessage("sources.yml:4: sources[0].pol_interval: unknown field; expected one of id, poll_interval, url");
  }

  @Test
  void badDurationSaysHowToWriteOne() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        sources:
          - id: a
            url: http://example.org/feed
            poll_interval: soon
        """, "sources.yml", Feeds.class))
        .hasMessageStartingWith("sources.yml:4: sources[0].poll_interval: ")
        .hasMessageContaining("write e.g. 30s, 5m");
  }

  enum Kind { RSS, HTML }

  record Typed(String id, Kind type, int maxItems, Duration pollInterval) {}

  record Typeds(List<Typed> sources) {}

  @Test
  void everyTypeProblemOfAFileIsReportedAtOnce() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        sources:
          - id: a
            type: foo
            max_items: many
          - id: b
            pol_interval: 5m
            poll_interval: banana
        """, "sources.yml", Typeds.class))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
            .extracting(Problem::line, Problem::field)
            .containsExactly(tuple(3, "sources[0].type"), tuple(4, "sources[0].max_items"),
                tuple(6, "sources[1].pol_interval"), tuple(7, "sources[1].poll_interval")))
        .hasMessageContaining("sources.yml:3: sources[0].type: invalid value 'foo': expected one of rss, html")
        .hasMessageContaining("sources.yml:4: sources[0].max_items: invalid value 'many': expected int")
        .hasMessageContaining("sources.yml:6: sources[1].pol_interval: unknown field; expected one of id,")
        .hasMessageContaining("sources.yml:7: sources[1].poll_interval: ")
        .hasMessageContaining("write e.g. 30s, 5m");
  }

  @Test
  void anUnknownFieldWhoseValueIsAListIsNamedAsWritten() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        sources:
          - id: a
            urls: [http://example.org/a, http://example.org/b, http://example.org/c]
            url: http://example.org/feed
        """, "sources.yml", Feeds.class))
        .hasMessage("sources.yml:3: sources[0].urls: unknown field; expected one of id, poll_interval, url");
  }

  @Test
  void aKeyGivenTwiceIsAnErrorNotTheLastOneWinning() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        sources:
          - id: a
            url: http://example.org/a
            url: http://example.org/b
        """, "sources.yml", Feeds.class))
        .isInstanceOfSatisfying(SettingsException.class, e -> {
          assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(4));
          assertThat(e.getMessage())
              .isEqualTo("sources.yml:4: sources[0].url: given twice (first on line 3): write each key once");
        });
  }

  @Test
  void brokenYamlNamesTheLine() {
    assertThatThrownBy(() -> YamlSettings.parse("sources:\n  - id: a\n   url: [\n", "sources.yml", Feeds.class))
        .isInstanceOfSatisfying(SettingsException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).line()).isBetween(2, 4);
          assertThat(e.getMessage()).contains("is not valid YAML");
        });
  }

  @Test
  void missingFileIsOneClearProblem() {
    assertThatThrownBy(() -> YamlSettings.read(java.nio.file.Path.of("no/such.yml"), "config/such.yml", Feeds.class))
        .hasMessage("config/such.yml: file not found");
  }
}
