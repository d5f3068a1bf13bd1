package org.vedetta.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.vedetta.app.config.AppSettings;
import org.vedetta.app.config.DatabaseSettings;
import org.vedetta.app.config.KafkaSettings;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.ingest.SourceSettings;
import org.vedetta.ingest.SourceType;
import org.vedetta.notifier.MailSettings;

/** Configurations for tests: the demo's watchlists, subscribers and knowledge, with test-owned parts around them. */
final class TestConfigs {

  static final Path CONFIG = Path.of("..", "config");
  static final Path DEMO = CONFIG.resolve("demo");
  static final String SUBSCRIBER = "analyst@example.org";

  private TestConfigs() {}

  /** The demo configuration, with its data in {@code dataDir}, mail to {@code smtpPort} and the feed at {@code feedUrl}. */
  static VedettaConfig demo(Path dataDir, int smtpPort, String feedUrl) {
    VedettaConfig demo = VedettaConfig.load(DEMO);
    MailSettings mail = new MailSettings(null,
        new MailSettings.Smtp("127.0.0.1", smtpPort, null, null, false, false, Duration.ofSeconds(10)),
        "vedetta-test@localhost");
    AppSettings app = new AppSettings(dataDir.toString(), "../knowledge", KafkaSettings.EMBEDDED,
        new DatabaseSettings(null, null, null), mail, null, null);
    SourceSettings source = new SourceSettings("osservatorio-est", SourceType.RSS, feedUrl, Duration.ofHours(1),
        true, null, null, "it", true);
    return new VedettaConfig(DEMO, app, List.of(source), demo.watchlists(), demo.subscribers(), demo.knowledge());
  }
}
