package org.vedetta.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.kafka.EmbeddedKafka;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.pipeline.Service;
import org.vedetta.settings.Durations;
import picocli.CommandLine.Option;

/**
 * The options of commands that read Vedetta's topics beside a running service ({@code deadletter},
 * {@code corrections}): its config directory, which says where Kafka is, and how far back to look.
 */
final class ServiceTopics {

  @Option(names = {"-c", "--config"}, defaultValue = "config",
      description = "Config directory (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--since", paramLabel = "WHEN",
      description = "Only records written since then: a time (2026-12-01T08:00:00Z), a day (2026-12-01)"
          + " or an age (24h, 7d).")
  String since;

  /** The start of {@code --since}, or the epoch without it. */
  Instant from(Clock clock) {
    return since == null ? Instant.EPOCH : parseSince(since, clock);
  }

  /** Clients for the configured cluster, or for the embedded broker of the service running on this config. */
  Optional<KafkaClients> connect(PrintWriter err) {
    Optional<VedettaConfig> loaded = ConfigOption.load(config, err);
    if (loaded.isEmpty()) {
      return Optional.empty();
    }
    VedettaConfig vedetta = loaded.get();
    if (!vedetta.app().kafka().embedded()) {
      return Optional.of(new KafkaClients(vedetta.app().kafka().bootstrapServers()));
    }
    Optional<String> running = EmbeddedKafka.advertised(Service.brokerAddressFile(vedetta));
    if (running.isEmpty()) {
      err.println("vedetta: the embedded Kafka broker runs inside the service, and no service is running on "
          + config + ": start it (vedetta run -c " + config + ") and try again");
      err.flush();
    }
    return running.map(KafkaClients::new);
  }

  private static Instant parseSince(String since, Clock clock) {
    try {
      return Instant.parse(since);
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notADay) {
        try {
          return clock.instant().minus(Durations.parse(since));
        } catch (IllegalArgumentException notAnAge) {
          throw new IllegalArgumentException("--since: '" + since
              + "' is neither a time (2026-12-01T08:00:00Z), a day (2026-12-01) nor an age (24h, 7d)");
        }
      }
    }
  }
}
