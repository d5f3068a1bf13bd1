package org.vedetta.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * Where Kafka is. {@code kafka: embedded} starts a single-node KRaft broker in this process (data under
 * {@code <data_dir>/kafka}); otherwise {@code kafka: {bootstrap_servers: "host:9092,..."}} names a cluster.
 *
 * @param bootstrapServers the cluster, or {@code null} for the embedded broker
 * @param port             the embedded broker's port; 0 (default) picks a free one
 * @param partitions       partitions of each topic Vedetta creates; default 3
 */
public record KafkaSettings(String bootstrapServers, int port, int partitions) implements Validated {

  public static final KafkaSettings EMBEDDED = new KafkaSettings(null, 0, 3);

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public KafkaSettings(
      @JsonProperty("bootstrap_servers") String bootstrapServers,
      @JsonProperty("port") Integer port,
      @JsonProperty("partitions") Integer partitions) {
    this(bootstrapServers, port == null ? 0 : port, partitions == null ? 3 : partitions);
  }

  /** {@code kafka: embedded}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static KafkaSettings of(String mode) {
    if (!"embedded".equals(mode)) {
      throw new IllegalArgumentException("must be 'embedded' or a map with bootstrap_servers, not '" + mode + "'");
    }
    return EMBEDDED;
  }

  public boolean embedded() {
    return bootstrapServers == null || bootstrapServers.isBlank();
  }

  @Override
  public void validate(Problems problems) {
    problems.check(port >= 0 && port <= 65535, "port", "must be between 0 and 65535");
    problems.check(partitions >= 1, "partitions", "must be at least 1");
  }
}
