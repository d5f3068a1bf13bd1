package org.vedetta.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.kafka.EmbeddedKafka;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.pipeline.Service;

/** How commands that read or write the topics reach Kafka. */
final class Brokers {

  private Brokers() {}

  /** Clients for the configured cluster, or for the embedded broker of the service running on this config. */
  static Optional<KafkaClients> connect(Path dir, PrintWriter err) {
    Optional<VedettaConfig> loaded = ConfigOption.load(dir, err);
    if (loaded.isEmpty()) {
      return Optional.empty();
    }
    VedettaConfig config = loaded.get();
    if (!config.app().kafka().embedded()) {
      return Optional.of(new KafkaClients(config.app().kafka().bootstrapServers()));
    }
    Optional<String> running = EmbeddedKafka.advertised(Service.brokerAddressFile(config));
    if (running.isEmpty()) {
      err.println("vedetta: the embedded Kafka broker runs inside the service, and no service is running on " + dir
          + ": start it (vedetta run -c " + dir + ") and try again");
      err.flush();
    }
    return running.map(KafkaClients::new);
  }
}
