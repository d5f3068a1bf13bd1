package org.vedetta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.settings.Problem;
import org.vedetta.settings.SettingsException;
import org.vedetta.settings.YamlSettings;

class SourcesSettingsTest {

  private static SourcesSettings parse(String yaml) {
    return YamlSettings.parse(yaml, "sources.yml", SourcesSettings.class);
  }

  @Test
  void readsEverySettingAndDefaultsTheRest(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sources.yml");
    Files.writeString(file, """
        sources:
          - id: eastern-desk
            type: rss
            url: https://news.example/world.xml
          - id: desk.it_listing
            type: html
            url: http://notizie.example/esteri/
            poll_interval: 5m
            full_text: false
            link_selector: "li.story h2 a"
            body_selector: div.story-body
            language: it
            allow_private: true
        """);

    SourcesSettings settings = SourcesSettings.read(file, "config/sources.yml");

    assertThat(settings.sources()).containsExactly(
        SourceSettings.rss("eastern-desk", "https://news.example/world.xml"),
        SourceSettings.html("desk.it_listing", "http://notizie.example/esteri/")
            .withPollInterval(Duration.ofMinutes(5))
            .withLinkSelector("li.story h2 a")
            .withBodySelector("div.story-body")
            .withLanguage("it")
            .withAllowPrivate(true));
    SourceSettings first = settings.sources().get(0);
    assertThat(first.pollInterval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(first.fullText()).isFalse();
    assertThat(first.allowPrivate()).isFalse();
    assertThat(first.linkSelector()).isNull();
  }

  @Test
  void badUrlIsReportedOnItsLine() {
    assertThatThrownBy(() -> parse("""
        sources:
          - id: a
            type: rss
            url: ftp://news.example/feed
          - id: b
            type: rss
            url: /relative/feed.xml
        """))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems()).containsExactly(
            new Problem("sources.yml", 4, "sources[0].url",
                "invalid value 'ftp://news.example/feed': must be an absolute http or https URL"),
            new Problem("sources.yml", 7, "sources[1].url",
                "invalid value '/relative/feed.xml': must be an absolute http or https URL")));
  }

  @Test
  void aPrivateAddressWithoutAllowPrivateIsRefusedWhenTheConfigIsChecked() {
    assertThatThrownBy(() -> parse("""
        sources:
          - id: local
            type: rss
            url: http://127.0.0.1:8080/feed.xml
          - id: metadata
            type: rss
            url: http://[fd00:ec2::254]/latest/
            allow_private: true
          - id: intranet
            type: rss
            url: http://10.0.0.5/feed.xml
            allow_private: true
        """))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
            .extracting(Problem::line, Problem::field, Problem::message)
            .containsExactly(
                tuple(4, "sources[0].url", "127.0.0.1 is a loopback address; set allow_private: true to fetch it"),
                tuple(7, "sources[1].url", "[fd00:ec2::254] is a cloud metadata address, which is never fetched,"
                    + " not even with allow_private")));
  }

  @Test
  void duplicateIdNamesBothIndexes() {
    assertThatThrownBy(() -> parse("""
        sources:
          - id: desk
            type: rss
            url: https://a.example/feed
          - id: other
            type: rss
            url: https://b.example/feed
          - id: desk
            type: html
            url: https://c.example/
        """))
        .hasMessage("sources.yml:8: sources[2].id: duplicate id 'desk', already used by sources[0]");
  }

  @Test
  void unknownKeyIsRejectedWithTheKnownOnes() {
    assertThatThrownBy(() -> parse("""
        sources:
          - id: desk
            type: rss
            url: https://a.example/feed
            fulltext: true
        """))
        .hasMessage("sources.yml:5: sources[0].fulltext: unknown field; expected one of allow_private, "
            + "body_selector, full_text, id, language, link_selector, listing, poll_interval, type, url");
  }

  @Test
  void badDurationSaysHowToWriteOne() {
    assertThatThrownBy(() -> parse("""
        sources:
          - id: desk
            type: rss
            url: https://a.example/feed
            poll_interval: often
        """))
        .hasMessageStartingWith("sources.yml:5: sources[0].poll_interval: ")
        .hasMessageContaining("write e.g. 30s, 5m");
  }

  @Test
  void pollIntervalHasAFloor() {
    assertThatThrownBy(() -> parse("""
        sources:
          - id: desk
            type: rss
            url: https://a.example/feed
            poll_interval: 5s
        """))
        .hasMessage("sources.yml:5: sources[0].poll_interval: invalid value 5s: must be at least 10s");
  }

  @Test
  void unknownTypeListsTheTypes() {
    assertThatThrownBy(() -> parse("""
        sources:
          - id: desk
            type: json
            url: https://a.example/feed
        """))
        .hasMessageStartingWith("sources.yml:3: sources[0].type: invalid value 'json': expected one of rss, html");
  }

  @Test
  void everyProblemOfASourceIsReportedAtOnce() {
    assertThatThrownBy(() -> parse("""
        sources:
          - id: "bad id"
            type: rss
            url: https://a.example/feed
            link_selector: "a[href"
            language: English
          - url: https://b.example/
        """))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
            .extracting(Problem::line, Problem::field)
            .containsExactly(
                tuple(2, "sources[0].id"),
                tuple(5, "sources[0].link_selector"),
                tuple(5, "sources[0].link_selector"),
                tuple(6, "sources[0].language"),
                tuple(7, "sources[1].id"),
                tuple(7, "sources[1].type")));
  }

  @Test
  void atLeastOneSource() {
    assertThatThrownBy(() -> parse("sources: []\n"))
        .hasMessage("sources.yml:1: sources: must list at least one source");
  }

  @Test
  void listingIsReadAndAppliesOnlyToHtml() {
    SourcesSettings settings = parse("""
        sources:
          - id: front
            type: html
            url: https://a.example/world/
            listing: true
        """);

    assertThat(settings.sources().get(0)).isEqualTo(SourceSettings.html("front", "https://a.example/world/")
        .withListing(true));
    assertThat(SourceSettings.html("page", "https://a.example/").listing()).isFalse();
    assertThatThrownBy(() -> parse("""
        sources:
          - id: feed
            type: rss
            url: https://a.example/feed
            listing: true
        """))
        .hasMessage("sources.yml:5: sources[0].listing: applies only to html sources");
  }
}
