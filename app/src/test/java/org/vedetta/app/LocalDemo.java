package org.vedetta.app;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.demo.DemoSite;

/**
 * For each test: the demo's news site on a free port of 127.0.0.1, and the demo configuration pointing at it,
 * with its data in a fresh directory (deleted afterwards) and its mail going to the given GreenMail server.
 * Register it after the GreenMail extension.
 */
final class LocalDemo implements BeforeEachCallback, AfterEachCallback {

  private final GreenMailExtension smtp;
  private Path dataDir;
  private DemoSite site;
  private VedettaConfig config;

  LocalDemo(GreenMailExtension smtp) {
    this.smtp = smtp;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("vedetta-it-");
    site = DemoSite.start(TestConfigs.DEMO.resolve("site"), 0);
    config = TestConfigs.demo(dataDir, smtp.getSmtp().getPort(), site.baseUrl() + "/feed.xml");
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    site.close();
    try (Stream<Path> paths = Files.walk(dataDir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  DemoSite site() {
    return site;
  }

  VedettaConfig config() {
    return config;
  }
}
