package org.vedetta.app;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.demo.DemoSite;
import org.vedetta.app.pipeline.Role;
import org.vedetta.app.pipeline.Service;

/**
 * The whole service on an editable copy of the demo, as the console tests use it: the demo's site copied to
 * {@code dir/site} and served, its configuration and knowledge copied to {@code dir/config}, mail to an SMTP port;
 * started once the demo's three developments are queued for its subscriber.
 */
final class EditableDemo implements AutoCloseable {

  private final DemoSite news;
  private final Service service;
  private final Path site;
  private final Path configDir;

  private EditableDemo(DemoSite news, Service service, Path site, Path configDir) {
    this.news = news;
    this.service = service;
    this.site = site;
    this.configDir = configDir;
  }

  static EditableDemo start(Path dir, int smtpPort) throws Exception {
    Path site = dir.resolve("site");
    TestConfigs.copyTree(TestConfigs.DEMO.resolve("site"), site);
    Path configDir = dir.resolve("config");
    DemoSite news = DemoSite.start(site, 0);
    Service service;
    try {
      VedettaConfig config = TestConfigs.editableDemo(configDir, smtpPort, news.baseUrl() + "/feed.xml");
      service = Service.start(config, Role.ALL, PipelineIT.options());
    } catch (Exception | Error e) {
      news.close();
      throw e;
    }
    EditableDemo demo = new EditableDemo(news, service, site, configDir);
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> service.notifier().pending(TestConfigs.SUBSCRIBER) == 3);
      return demo;
    } catch (RuntimeException | Error e) {
      demo.close();
      throw e;
    }
  }

  Service service() {
    return service;
  }

  /** The console's address, {@code http://127.0.0.1:<port>}. */
  String console() {
    return "http://127.0.0.1:" + service.http().port();
  }

  /** The news site's address. */
  String newsUrl() {
    return news.baseUrl();
  }

  /** The served copy of the demo site; a test may add articles to it. */
  Path site() {
    return site;
  }

  /** The copy of the configuration the service runs on; the console edits it. */
  Path configDir() {
    return configDir;
  }

  @Override
  public void close() throws Exception {
    try {
      service.close();
    } finally {
      news.close();
    }
  }
}
