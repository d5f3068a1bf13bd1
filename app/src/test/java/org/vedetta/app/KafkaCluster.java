package org.vedetta.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A Kafka cluster of three KRaft nodes (each broker and controller), each a JVM process of its own running the
 * official broker ({@code kafka.Kafka} from {@code org.apache.kafka:kafka_2.13}, on the packaged jar's class path)
 * on 127.0.0.1, with replication factor 3 and {@code min.insync.replicas} 2 for every topic. A node can be killed
 * as {@code kill -9} would and started again on its data.
 */
final class KafkaCluster implements AutoCloseable {

  static final int NODES = 3;

  private final Path dir;
  private final Path jar;
  private final int[] brokerPorts = new int[NODES];
  private final int[] controllerPorts = new int[NODES];
  private final Process[] nodes = new Process[NODES];

  private KafkaCluster(Path dir, Path jar) {
    this.dir = dir;
    this.jar = jar;
  }

  /** Formats three log directories under {@code dir} with one cluster id and starts the three nodes. */
  static KafkaCluster start(Path dir, Path jar) {
    KafkaCluster cluster = new KafkaCluster(dir.toAbsolutePath(), jar);
    for (int i = 0; i < NODES; i++) {
      cluster.brokerPorts[i] = freePort();
      cluster.controllerPorts[i] = freePort();
    }
    String clusterId = Uuid.randomUuid().toString();
    for (int i = 0; i < NODES; i++) {
      cluster.format(i, clusterId);
      cluster.startNode(i);
    }
    cluster.awaitBrokers(NODES, Duration.ofSeconds(90));
    return cluster;
  }

  String bootstrapServers() {
    return IntStream.of(brokerPorts).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  /** The node id (1 to 3) leading {@code topic}'s partition. */
  int leaderOf(String topic, int partition) throws Exception {
    try (Admin admin = admin()) {
      return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
          .partitions().get(partition).leader().id();
    }
  }

  /** Kills node {@code id} (1 to 3) at once, as {@code kill -9}. */
  void kill(int id) throws InterruptedException {
    Process p = nodes[id - 1];
    p.destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * Starts node {@code id} again on its data, and waits until it has caught up: every partition of every topic has
   * its three replicas in sync again (no under-replicated partition, as an operator would check).
   */
  void restart(int id) {
    startNode(id - 1);
    awaitBrokers(NODES, Duration.ofSeconds(90));
    try (Admin admin = admin()) {
      await("node " + id + " in sync on every partition").atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            var names = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            return admin.describeTopics(names).allTopicNames().get(5, TimeUnit.SECONDS).values().stream()
                .flatMap(t -> t.partitions().stream())
                .allMatch(p -> p.isr().size() == NODES && p.isr().stream().anyMatch(n -> n.id() == id));
          });
    }
  }

  Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    return Admin.create(p);
  }

  private void awaitBrokers(int count, Duration timeout) {
    try (Admin admin = admin()) {
      await("a cluster of " + count + " brokers").atMost(timeout).pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == count);
    }
  }

  private Path logDir(int i) {
    return dir.resolve("node-" + (i + 1));
  }

  private void format(int i, String clusterId) {
    try {
      Files.createDirectories(logDir(i));
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setClusterId(clusterId)
          .setNodeId(i + 1)
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(logDir(i).toString())
          .setDirectories(List.of(logDir(i).toString()))
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setUnstableFeatureVersionsEnabled(false)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format " + logDir(i) + ": " + e.getMessage(), e);
    }
  }

  private void startNode(int i) {
    String voters = IntStream.range(0, NODES).mapToObj(n -> (n + 1) + "@127.0.0.1:" + controllerPorts[n])
        .collect(Collectors.joining(","));
    Map<String, String> config = Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", String.valueOf(i + 1)),
        Map.entry("controller.quorum.voters", voters),
        Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPorts[i] + ",CONTROLLER://127.0.0.1:"
            + controllerPorts[i]),
        Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPorts[i]),
        Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
        Map.entry("controller.listener.names", "CONTROLLER"),
        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
        Map.entry("log.dirs", logDir(i).toString()),
        Map.entry("offsets.topic.replication.factor", "3"),
        Map.entry("transaction.state.log.replication.factor", "3"),
        Map.entry("transaction.state.log.min.isr", "2"),
        Map.entry("default.replication.factor", "3"),
        Map.entry("min.insync.replicas", "2"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        Map.entry("auto.create.topics.enable", "false"),
        Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024)));
    Path properties = dir.resolve("node-" + (i + 1) + ".properties");
    try {
      List<String> lines = new ArrayList<>();
      config.forEach((k, v) -> lines.add(k + "=" + v));
      Files.write(properties, lines);
      String java = ProcessHandle.current().info().command()
          .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      nodes[i] = new ProcessBuilder(java, "-Xmx384m", "-cp", jar.toString(), "kafka.Kafka", properties.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node-" + (i + 1) + ".log").toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Kafka node " + (i + 1), e);
    }
  }

  @Override
  public void close() {
    for (Process p : nodes) {
      if (p != null) {
        p.destroyForcibly();
      }
    }
    for (Process p : nodes) {
      try {
        if (p != null) {
          p.waitFor(30, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
