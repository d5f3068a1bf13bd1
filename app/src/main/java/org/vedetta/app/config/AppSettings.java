package org.vedetta.app.config;

import org.vedetta.ingest.IngestSettings;
import org.vedetta.notifier.MailSettings;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * {@code application.yml}: where the service keeps its data and which Kafka, database and mail it uses.
 *
 * @param dataDir      directory for the embedded broker, the H2 database and the outbox; default {@code var}
 * @param knowledgeDir the knowledge set, relative to the config directory; default {@code knowledge}
 * @param kafka        {@code embedded} (default) or a cluster
 * @param database     default: H2 file under the data directory
 * @param mail         outbox directory or SMTP server
 * @param demo         the demo's local site, only in the demo's configuration
 * @param ingest       fetching limits, politeness and backoff; every key optional (see {@link IngestSettings})
 * @param http         the HTTP surface (unsubscribe pages); default loopback port 8730
 */
public record AppSettings(String dataDir, String knowledgeDir, KafkaSettings kafka, DatabaseSettings database,
    MailSettings mail, DemoSettings demo, IngestSettings ingest, HttpSettings http) implements Validated {

  public AppSettings {
    dataDir = dataDir == null ? "var" : dataDir;
    knowledgeDir = knowledgeDir == null ? "knowledge" : knowledgeDir;
    kafka = kafka == null ? KafkaSettings.EMBEDDED : kafka;
    database = database == null ? DatabaseSettings.embedded() : database;
    ingest = ingest == null ? IngestSettings.defaults() : ingest;
    http = http == null ? HttpSettings.defaults() : http;
  }

  /** These settings with {@code newHttp} for the HTTP surface. */
  public AppSettings withHttp(HttpSettings newHttp) {
    return new AppSettings(dataDir, knowledgeDir, kafka, database, mail, demo, ingest, newHttp);
  }

  @Override
  public void validate(Problems problems) {
    kafka.validate(problems.at("kafka"));
    database.validate(problems.at("database"));
    if (problems.require(mail, "mail")) {
      mail.validate(problems.at("mail"));
    }
    if (demo != null) {
      demo.validate(problems.at("demo"));
    }
    ingest.validate(problems.at("ingest"));
    http.validate(problems.at("http"));
  }
}
