package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.settings.EnvironmentValues;
import org.vedetta.settings.YamlSettings;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose deployment checked without Docker: {@code docker-compose.yml} alone and with
 * {@code deploy/three-brokers.yml} over it, merged as Compose merges them (maps key by key, the later file
 * winning). The brokers form one quorum, every Vedetta service bootstraps from every broker and waits for it, the
 * files it mounts exist, and {@code deploy/config} loads in both, pointing at the brokers the file starts.
 * {@code ComposeIT} runs both where Docker is.
 */
class ComposeFilesTest {

  private static final Path ROOT = Path.of("..");
  private static final List<String> VEDETTA = List.of("ingest-1", "ingest-2", "matcher-1", "matcher-2", "notifier");

  @Test
  void oneBrokerIsItsOwnQuorumAndTheServicesFindIt() throws IOException {
    Map<String, Object> services = services(ROOT.resolve("docker-compose.yml"));
    assertThat(brokers(services)).containsExactly("kafka");
    assertQuorum(services, List.of("kafka"));
    for (String service : VEDETTA) {
      assertThat(environment(services, service)).as(service).doesNotContainKey("KAFKA_BOOTSTRAP_SERVERS");
      assertThat(map(map(services, service), "depends_on")).as(service).containsKeys("kafka", "postgres");
    }
    assertThat(bootstrapServers(Map.of())).isEqualTo("kafka:9092");
    assertThat(VedettaConfig.load(ROOT.resolve("deploy/config")).app().kafka().bootstrapServers())
        .as("deploy/config as the services read it without the variable").isEqualTo(advertised(services, "kafka"));
    assertMountsExist(services);
  }

  @Test
  void threeBrokersFormOneQuorumAndEveryServiceBootstrapsFromAll() throws IOException {
    Map<String, Object> services = merge(services(ROOT.resolve("docker-compose.yml")),
        services(ROOT.resolve("deploy/three-brokers.yml")));
    List<String> brokers = brokers(services);
    assertThat(brokers).containsExactly("kafka", "kafka-2", "kafka-3");
    assertQuorum(services, brokers);
    for (String broker : brokers) {
      Map<String, Object> env = environment(services, broker);
      assertThat(env).as(broker).containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
          .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3)
          .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3)
          .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 2);
    }
    List<String> listeners = brokers.stream().map(b -> advertised(services, b)).toList();
    for (String service : VEDETTA) {
      Object bootstrap = environment(services, service).get("KAFKA_BOOTSTRAP_SERVERS");
      assertThat(bootstrap).as(service).isNotNull();
      assertThat(Arrays.asList(bootstrap.toString().split(","))).as(service).containsExactlyInAnyOrderElementsOf(listeners);
      assertThat(map(map(services, service), "depends_on")).as(service).containsKeys(brokers.toArray(String[]::new));
      assertThat(bootstrapServers(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap.toString())))
          .as("deploy/config as " + service + " reads it").isEqualTo(bootstrap.toString());
    }
    assertMountsExist(services);
  }

  /** Every node votes, under its own id, at the address its service listens on; all share one cluster id. */
  private static void assertQuorum(Map<String, Object> services, List<String> brokers) {
    Map<Object, String> voters = Arrays.stream(environment(services, brokers.get(0))
            .get("KAFKA_CONTROLLER_QUORUM_VOTERS").toString().split(","))
        .collect(Collectors.toMap(v -> Integer.valueOf(v.substring(0, v.indexOf('@'))),
            v -> v.substring(v.indexOf('@') + 1)));
    assertThat(voters).hasSize(brokers.size());
    for (String broker : brokers) {
      Map<String, Object> env = environment(services, broker);
      assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).as(broker)
          .isEqualTo(environment(services, brokers.get(0)).get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
      assertThat(env.get("CLUSTER_ID")).as(broker).isNotNull()
          .isEqualTo(environment(services, brokers.get(0)).get("CLUSTER_ID"));
      assertThat(voters.get(env.get("KAFKA_NODE_ID"))).as(broker + "'s vote").isEqualTo(broker + ":9093");
    }
  }

  private static void assertMountsExist(Map<String, Object> services) {
    for (String service : services.keySet()) {
      Object volumes = map(services, service).get("volumes");
      if (volumes instanceof List<?> list) {
        for (Object volume : list) {
          String source = volume.toString().split(":")[0];
          if (source.startsWith("./")) {
            assertThat(ROOT.resolve(source)).as(service + " mounts " + source).exists();
          }
        }
      }
    }
  }

  /** {@code kafka.bootstrap_servers} of {@code deploy/config/application.yml} under this environment. */
  private static String bootstrapServers(Map<String, String> env) throws IOException {
    Path file = ROOT.resolve("deploy/config/application.yml");
    String text = EnvironmentValues.substitute(Files.readString(file), file.toString(), env::get);
    return YamlSettings.parse(text, file.toString(), org.vedetta.app.config.AppSettings.class).kafka()
        .bootstrapServers();
  }

  private static List<String> brokers(Map<String, Object> services) {
    return services.keySet().stream()
        .filter(s -> String.valueOf(map(services, s).get("image")).startsWith("apache/kafka:")).sorted().toList();
  }

  private static String advertised(Map<String, Object> services, String broker) {
    return environment(services, broker).get("KAFKA_ADVERTISED_LISTENERS").toString()
        .replaceFirst("^PLAINTEXT://", "");
  }

  private static Map<String, Object> environment(Map<String, Object> services, String service) {
    return map(map(services, service), "environment");
  }

  private static Map<String, Object> services(Path file) throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(file));
    return map(compose, "services");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** Compose's merge of a later file over an earlier one: maps merged key by key, anything else replaced. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> merged = new LinkedHashMap<>(base);
    over.forEach((key, value) -> merged.merge(key, value, (a, b) -> a instanceof Map<?, ?> am && b instanceof Map<?, ?> bm
        ? merge((Map<String, Object>) am, (Map<String, Object>) bm) : b));
    return merged;
  }
}
