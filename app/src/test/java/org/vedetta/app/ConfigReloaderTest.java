package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.pipeline.ConfigReloader;
import org.vedetta.notifier.MailSettings;
import org.vedetta.notifier.Notifier;

/** Editing subscribers.yml or watchlists.yml reaches a running notifier; a broken edit is refused and reported. */
class ConfigReloaderTest {

  @TempDir
  Path dir;

  private Notifier notifier;
  private ConfigReloader reloader;

  @BeforeEach
  void start() throws IOException {
    TestConfigs.copyDemo(dir);
    VedettaConfig config = VedettaConfig.load(dir);
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:reload-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    notifier = Notifier.builder().watchlists(config.watchlists()).subscribers(config.subscribers())
        .mail(MailSettings.outbox(dir.resolve("outbox"))).dataSource(db).build();
    notifier.start();
    // Checked by hand below, so the test does not wait on a timer.
    reloader = ConfigReloader.start(dir, notifier, Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    reloader.close();
    notifier.close();
  }

  @Test
  void anAddedSubscriberAndAChangedScheduleTakeEffectWithoutARestart() throws IOException {
    assertThat(reloader.check()).isFalse();
    assertThat(notifier.subscriber("bo@example.org")).isEmpty();
    String before = notifier.nextDigestAt(TestConfigs.SUBSCRIBER).orElseThrow().toString();

    Files.writeString(dir.resolve("subscribers.yml"), Files.readString(dir.resolve("subscribers.yml"))
        .replace("digest_cron: \"0 0 7 * * ?\"", "digest_cron: \"0 30 18 * * ?\"") + """
          - email: bo@example.org
            watchlists: [russia-allies]
            digest_cron: "0 0 8 ? * MON"
            time_zone: UTC
            language: it
        """);

    assertThat(reloader.check()).isTrue();
    assertThat(notifier.subscriber("bo@example.org")).hasValueSatisfying(bo -> assertThat(bo.language()).isEqualTo("it"));
    assertThat(notifier.nextDigestAt("bo@example.org")).isPresent();
    assertThat(notifier.nextDigestAt(TestConfigs.SUBSCRIBER).orElseThrow().toString()).isNotEqualTo(before);
    assertThat(notifier.status()).extracting(s -> s.email()).contains("bo@example.org");
  }

  @Test
  void aBrokenEditIsRefusedAndTheLastGoodConfigKeepsWorking() throws IOException {
    Files.writeString(dir.resolve("subscribers.yml"), Files.readString(dir.resolve("subscribers.yml"))
        .replace("watchlists: [russia-allies]", "watchlists: [no-such-list]"));

    assertThat(reloader.check()).isFalse();
    assertThat(notifier.subscriber(TestConfigs.SUBSCRIBER))
        .hasValueSatisfying(s -> assertThat(s.watchlists()).containsExactly("russia-allies"));

    Files.writeString(dir.resolve("subscribers.yml"), Files.readString(dir.resolve("subscribers.yml"))
        .replace("watchlists: [no-such-list]", "watchlists: [russia-allies]").replace("language: en", "language: it"));
    assertThat(reloader.check()).isTrue();
    assertThat(notifier.subscriber(TestConfigs.SUBSCRIBER))
        .hasValueSatisfying(s -> assertThat(s.language()).isEqualTo("it"));
  }
}
