package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vedetta.settings.Problem;
import org.vedetta.settings.SettingsException;
import org.vedetta.settings.YamlSettings;

class NotifierSettingsTest {

  @Test
  void readsWatchlistsWithDefaults() {
    WatchlistsSettings settings = YamlSettings.parse("""
        watchlists:
          - id: north_korea
            title: North Korea
            entities: [north_korea]
            events: [troop_deployment, casualties]
            min_severity: 3
          - id: treaties
            treaties: [russia_venezuela_partnership]
        """, "watchlists.yml", WatchlistsSettings.class);
    assertThat(settings.watchlists()).containsExactly(
        new Watchlist("north_korea", "North Korea", List.of("north_korea"), List.of(),
            List.of("troop_deployment", "casualties"), 3, List.of()),
        new Watchlist("treaties", "treaties", List.of(), List.of("russia_venezuela_partnership"), List.of(), 1,
            List.of()));
  }

  @Test
  void unknownWatchlistKeyNamesTheKnownOnes() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        watchlists:
          - id: north_korea
            entitles: [north_korea]
        """, "watchlists.yml", WatchlistsSettings.class))
        .hasMessage("watchlists.yml:3: watchlists[0].entitles: unknown field; expected one of entities, events,"
            + " id, languages, min_severity, title, treaties");
  }

  @Test
  void watchlistProblemsAreReportedTogetherWithTheirLines() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        watchlists:
          - id: north_korea
            events: [Troop deployments]
            min_severity: 7
          - title: Missing id
          - id: north_korea
        """, "watchlists.yml", WatchlistsSettings.class))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
            .extracting(Problem::line, Problem::field)
            .containsExactly(
                tuple(3, "watchlists[0].events[0]"),
                tuple(4, "watchlists[0].min_severity"),
                tuple(5, "watchlists[1].id"),
                tuple(6, "watchlists[2].id")))
        .hasMessageContaining("'Troop deployments' is not an event type id")
        .hasMessageContaining("watchlists[2].id: duplicate id 'north_korea'");
  }

  @Test
  void readsSubscribersWithDefaults() {
    SubscribersSettings settings = YamlSettings.parse("""
        subscribers:
          - email: ana@example.org
            name: Ana
            watchlists: [north_korea]
            digest_cron: "0 0 7 * * ?"
            time_zone: Europe/Rome
            immediate_severity: 5
          - email: bo@example.org
            watchlists: [treaties]
            digest_cron: "0 0 18 ? * FRI"
        """, "subscribers.yml", SubscribersSettings.class);
    assertThat(settings.subscribers()).containsExactly(
        new Subscriber("ana@example.org", "Ana", List.of("north_korea"), "0 0 7 * * ?", ZoneId.of("Europe/Rome"), 5,
            "en"),
        new Subscriber("bo@example.org", null, List.of("treaties"), "0 0 18 ? * FRI", ZoneOffset.UTC, null, "en"));
    assertThat(settings.subscribers().get(1).wantsImmediately(5)).isFalse();
    assertThat(settings.subscribers().get(0).wantsImmediately(5)).isTrue();
  }

  @Test
  void readsLanguageAndTheNothingNewWish() {
    SubscribersSettings settings = YamlSettings.parse("""
        subscribers:
          - email: ada@example.it
            watchlists: [north_korea]
            digest_cron: "0 0 7 * * ?"
            language: it
            empty_digest: true
        """, "subscribers.yml", SubscribersSettings.class);
    assertThat(settings.subscribers()).singleElement().satisfies(s -> {
      assertThat(s.language()).isEqualTo("it");
      assertThat(s.emptyDigest()).isTrue();
    });
  }

  @Test
  void aLanguageWithoutMailsIsRejectedWithTheChoices() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        subscribers:
          - email: ana@example.org
            watchlists: [north_korea]
            digest_cron: "0 0 7 * * ?"
            language: fr
        """, "subscribers.yml", SubscribersSettings.class))
        .hasMessage("subscribers.yml:5: subscribers[0].language: mails are not written in 'fr' yet; choose one of"
            + " en, it");
  }

  @Test
  void badEmailNamesTheLine() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        subscribers:
          - email: ana@example.org
            watchlists: [north_korea]
            digest_cron: "0 0 7 * * ?"
          - email: "bo at example.org"
            watchlists: [north_korea]
            digest_cron: "0 0 7 * * ?"
        """, "subscribers.yml", SubscribersSettings.class))
        .hasMessageStartingWith("subscribers.yml:5: subscribers[1].email: 'bo at example.org' is not an email"
            + " address");
  }

  @Test
  void badCronSaysWhatAValidOneLooksLike() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        subscribers:
          - email: ana@example.org
            watchlists: [north_korea]
            digest_cron: "0 7 * * *"
        """, "subscribers.yml", SubscribersSettings.class))
        .hasMessageStartingWith("subscribers.yml:4: subscribers[0].digest_cron: '0 7 * * *' is not a Quartz cron")
        .hasMessageContaining("e.g. \"0 0 7 * * ?\"");
  }

  @Test
  void missingFieldsAndDuplicatesAreReportedTogether() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        subscribers:
          - email: ana@example.org
            digest_cron: "0 0 7 * * ?"
            immediate_severity: 9
          - email: Ana@Example.org
            watchlists: [north_korea]
        """, "subscribers.yml", SubscribersSettings.class))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems()).containsExactly(
            new Problem("subscribers.yml", 2, "subscribers[0].watchlists", "needs at least one watchlist id"),
            new Problem("subscribers.yml", 4, "subscribers[0].immediate_severity",
                "must be between 1 and 5, or absent for digests only"),
            new Problem("subscribers.yml", 5, "subscribers[1].digest_cron", "is required"),
            new Problem("subscribers.yml", 5, "subscribers[1].email", "duplicate subscriber 'Ana@Example.org'")));
  }

  @Test
  void badTimeZoneNamesTheLine() {
    assertThatThrownBy(() -> YamlSettings.parse("""
        subscribers:
          - email: ana@example.org
            watchlists: [north_korea]
            digest_cron: "0 0 7 * * ?"
            time_zone: Europe/Rom
        """, "subscribers.yml", SubscribersSettings.class))
        .hasMessageStartingWith("subscribers.yml:5: subscribers[0].time_zone: ");
  }

  @Test
  void readsSmtpWithDefaults() {
    MailSettings mail = YamlSettings.parse("""
        smtp:
          host: mail.example.org
          username: vedetta
          password: secret
          starttls: true
        """, "mail.yml", MailSettings.class);
    assertThat(mail.smtp()).isEqualTo(new MailSettings.Smtp("mail.example.org", 25, "vedetta", "secret", true, false,
        Duration.ofSeconds(30)));
    assertThat(mail.from()).isEqualTo("vedetta@localhost");
    assertThat(mail.smtp().toString()).doesNotContain("secret");
  }

  @Test
  void readsAnOutbox() {
    MailSettings mail = YamlSettings.parse("outbox: data/outbox\nfrom: Vedetta <alerts@example.org>\n", "mail.yml",
        MailSettings.class);
    assertThat(mail.outbox()).isEqualTo(Path.of("data/outbox"));
    assertThat(mail.smtp()).isNull();
  }

  @Test
  void mailNeedsExactlyOneWayOut() {
    assertThatThrownBy(() -> YamlSettings.parse("from: vedetta@example.org\n", "mail.yml", MailSettings.class))
        .hasMessage("mail.yml:1: set either 'outbox' (a directory) or 'smtp' (a server)");
    assertThatThrownBy(() -> YamlSettings.parse("""
        outbox: data/outbox
        smtp:
          host: localhost
          port: 70000
          starttls: true
          ssl: true
          timeout: 0s
        """, "mail.yml", MailSettings.class))
        .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
            .extracting(Problem::toString)
            .containsExactly(
                "mail.yml:1: set either 'outbox' or 'smtp', not both",
                "mail.yml:4: smtp.port: must be between 1 and 65535",
                "mail.yml:6: smtp.ssl: set either starttls (usually port 587) or ssl (usually port 465), not both",
                "mail.yml:7: smtp.timeout: must be positive, e.g. 30s"));
  }
}
