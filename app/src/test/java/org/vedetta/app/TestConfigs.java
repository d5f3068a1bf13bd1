package org.vedetta.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.vedetta.app.config.AppSettings;
import org.vedetta.app.config.DatabaseSettings;
import org.vedetta.app.config.HttpSettings;
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
  /** The console token of {@link #demo}'s HTTP surface. */
  static final String TOKEN = "test-console-token-0123";

  private TestConfigs() {}

  /**
   * Copies the demo configuration and the knowledge set into {@code dir}, with its data under {@code dir/var}, so
   * a test may edit it.
   */
  static void copyDemo(Path dir) throws IOException {
    copyTree(DEMO, dir);
    copyTree(CONFIG.resolve("knowledge"), dir.resolve("knowledge"));
    Path application = dir.resolve("application.yml");
    Files.writeString(application, Files.readString(application)
        .replace("knowledge_dir: ../knowledge", "knowledge_dir: knowledge")
        .replace("data_dir: var/demo", "data_dir: " + dir.resolve("var").toAbsolutePath())
        .replace("outbox: var/outbox", "outbox: " + dir.resolve("outbox").toAbsolutePath()));
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /**
   * {@link #demo} on a copy of the demo's configuration in {@code dir} (see {@link #copyDemo}), so that a test
   * may edit its files as an analyst would; data in {@code dir/var}.
   */
  static VedettaConfig editableDemo(Path dir, int smtpPort, String feedUrl) throws IOException {
    copyDemo(dir);
    VedettaConfig copy = VedettaConfig.load(dir);
    VedettaConfig demo = demo(dir.resolve("var"), smtpPort, feedUrl);
    AppSettings app = demo.app();
    // The copy's own knowledge set, so that a test may edit it too.
    AppSettings editable = new AppSettings(app.dataDir(), copy.app().knowledgeDir(), app.kafka(), app.database(),
        app.mail(), app.demo(), app.ingest(), app.http());
    return new VedettaConfig(dir, editable, demo.sources(), copy.watchlists(), copy.subscribers(), copy.knowledge());
  }

  /** The demo configuration, with its data in {@code dataDir}, mail to {@code smtpPort} and the feed at {@code feedUrl}. */
  static VedettaConfig demo(Path dataDir, int smtpPort, String feedUrl) {
    VedettaConfig demo = VedettaConfig.load(DEMO);
    MailSettings mail = new MailSettings(null,
        new MailSettings.Smtp("127.0.0.1", smtpPort, null, null, false, false, Duration.ofSeconds(10)),
        "vedetta-test@localhost");
    AppSettings app = new AppSettings(dataDir.toString(), "../knowledge", KafkaSettings.EMBEDDED,
        DatabaseSettings.embedded(), mail, null, null, HttpSettings.defaults().withPort(0).withToken(TOKEN));
    SourceSettings source = new SourceSettings("osservatorio-est", SourceType.RSS, feedUrl, Duration.ofHours(1),
        true, null, null, "it", true);
    return new VedettaConfig(DEMO, app, List.of(source), demo.watchlists(), demo.subscribers(), demo.knowledge());
  }
}
