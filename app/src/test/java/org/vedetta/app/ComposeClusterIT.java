package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotModifiedException;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.vedetta.model.Topics;

/**
 * {@link ClusterIT}'s assertions on the compose deployment with {@code deploy/three-brokers.yml}: three Kafka
 * brokers, PostgreSQL, Mailpit, the demo's news site, 2 ingest, 2 matcher and 1 notifier containers. Once the
 * demo's seven articles are in: the leader of {@code vedetta.articles}' first partition is killed and started
 * again, then a matcher, then PostgreSQL is stopped for 30 s, then the notifier is killed once the developments are
 * queued. Then every article is on {@code vedetta.articles} once, each of the three developments came out once,
 * nothing was dead-lettered, every development was mailed once and no mail went twice, and no consumer group lags.
 * Runs only where Docker (with Compose v2) is; {@link ComposeFilesTest} checks the files everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeClusterIT {

  private static final Duration STARTUP = Duration.ofMinutes(6);
  private static final String BOOTSTRAP = "kafka:9092,kafka-2:9092,kafka-3:9092";
  private static final List<String> BROKERS = List.of("kafka-1", "kafka-2-1", "kafka-3-1");
  private static final Pattern LEADER = Pattern.compile("Partition: 0\\s+Leader: (\\d+)");

  @Container
  static final ComposeContainer COMPOSE = new ComposeContainer(ComposeIT.composeFile(),
      new File(ComposeIT.composeFile().getParentFile(), "deploy/three-brokers.yml"))
      .withBuild(true)
      .withExposedService("mailpit-1", 8025, Wait.forHttp("/api/v1/messages").withStartupTimeout(STARTUP))
      .withExposedService("notifier-1", 8730, Wait.forHttp("/health/ready").withStartupTimeout(STARTUP))
      .waitingFor("ingest-1", Wait.forHealthcheck().withStartupTimeout(STARTUP))
      .waitingFor("ingest-2", Wait.forHealthcheck().withStartupTimeout(STARTUP))
      .waitingFor("matcher-1", Wait.forHealthcheck().withStartupTimeout(STARTUP))
      .waitingFor("matcher-2", Wait.forHealthcheck().withStartupTimeout(STARTUP));

  private final DockerClient docker = DockerClientFactory.instance().client();

  @Test
  void nothingLostNothingDoubledThroughBrokerMatcherDatabaseAndNotifierFailures() throws Exception {
    await("the demo's 7 articles").atMost(STARTUP).pollInterval(Duration.ofSeconds(2))
        .until(() -> keys(Topics.ARTICLES).size() >= 7);

    int leader = leaderOfFirstArticlesPartition();
    String broker = BROKERS.get(leader - 1);
    System.out.println("kill -9 Kafka node " + leader + " (" + broker + ")");
    kill(broker);
    start(broker);
    await(broker + " in sync again").atMost(STARTUP).pollInterval(Duration.ofSeconds(2))
        .until(() -> kafka("/opt/kafka/bin/kafka-topics.sh", "--bootstrap-server", BOOTSTRAP, "--describe",
            "--under-replicated-partitions").isBlank());

    System.out.println("kill -9 matcher-1");
    kill("matcher-1");
    start("matcher-1");

    System.out.println("PostgreSQL stopped for 30 s");
    docker.stopContainerCmd(id("postgres-1")).withTimeout(10).exec();
    await().pollDelay(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(31)).until(() -> true);
    start("postgres-1");

    await("3 developments queued").atMost(STARTUP).pollInterval(Duration.ofSeconds(2))
        .until(() -> count("select count(*) from notifier_queue") >= 3);
    System.out.println("kill -9 notifier with " + count("select count(*) from notifier_queue where digest_id is null")
        + " of 3 developments not yet mailed");
    kill("notifier-1");
    start("notifier-1");

    await("every development mailed, no consumer behind").atMost(STARTUP).pollInterval(Duration.ofSeconds(2))
        .until(() -> count("select count(*) from notifier_queue where digest_id is null") == 0 && lags().stream()
            .allMatch(lag -> lag == 0));

    assertThat(keys(Topics.ARTICLES)).as("articles by id").hasSize(7).doesNotHaveDuplicates();
    List<String> developments = keys(Topics.DEVELOPMENTS);
    assertThat(developments).as("developments by claim key").hasSize(3).doesNotHaveDuplicates();
    assertThat(kafka("/opt/kafka/bin/kafka-get-offsets.sh", "--bootstrap-server", BOOTSTRAP, "--topic",
        Topics.DEADLETTER).lines().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(':') + 1))).sum())
        .as("dead letters").isZero();
    List<JsonNode> mails = ComposeIT.mailpitMessages(COMPOSE);
    ComposeIT.assertEachDevelopmentMailedOnce(mails);
    assertThat(mails.stream().map(m -> m.get("MessageID").asText()).toList()).doesNotHaveDuplicates();
    assertThat(count("select count(*) from notifier_digest")).isEqualTo(mails.size());
  }

  private int leaderOfFirstArticlesPartition() throws Exception {
    Matcher m = LEADER.matcher(kafka("/opt/kafka/bin/kafka-topics.sh", "--bootstrap-server", BOOTSTRAP,
        "--describe", "--topic", Topics.ARTICLES));
    assertThat(m.find()).as("the leader of " + Topics.ARTICLES + "-0").isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** The keys of every record of {@code topic}, read from its start by Kafka's own console consumer. */
  private List<String> keys(String topic) throws Exception {
    return kafka("/opt/kafka/bin/kafka-console-consumer.sh", "--bootstrap-server", BOOTSTRAP, "--topic", topic,
        "--from-beginning", "--timeout-ms", "15000", "--property", "print.key=true", "--property",
        "print.value=false").lines().filter(l -> !l.isBlank()).toList();
  }

  /** The lag of every partition of every consumer group; a partition with no committed offset is not counted. */
  private List<Long> lags() throws Exception {
    List<Long> lags = new ArrayList<>();
    List<String> header = List.of();
    for (String line : kafka("/opt/kafka/bin/kafka-consumer-groups.sh", "--bootstrap-server", BOOTSTRAP,
        "--describe", "--all-groups").lines().toList()) {
      List<String> cells = Arrays.asList(line.trim().split("\\s+"));
      if (cells.contains("LAG")) {
        header = cells;
      } else if (!header.isEmpty() && cells.size() > header.indexOf("LAG") && cells.get(header.indexOf("LAG"))
          .matches("\\d+")) {
        lags.add(Long.parseLong(cells.get(header.indexOf("LAG"))));
      }
    }
    return lags;
  }

  /** A Kafka tool run in the first broker container that is up (any one may be the one killed). */
  private String kafka(String... command) throws Exception {
    for (String broker : BROKERS) {
      ContainerState container = COMPOSE.getContainerByServiceName(broker).orElseThrow();
      if (Boolean.TRUE.equals(docker.inspectContainerCmd(container.getContainerId()).exec().getState().getRunning())) {
        var result = container.execInContainer(command);
        assertThat(result.getExitCode()).as(String.join(" ", command) + ": " + result.getStderr()).isZero();
        return result.getStdout();
      }
    }
    throw new IllegalStateException("no Kafka broker is running");
  }

  private long count(String sql) throws Exception {
    var result = COMPOSE.getContainerByServiceName("postgres-1").orElseThrow()
        .execInContainer("psql", "-U", "vedetta", "-d", "vedetta", "-tAc", sql);
    assertThat(result.getExitCode()).as(sql + ": " + result.getStderr()).isZero();
    return Long.parseLong(result.getStdout().trim());
  }

  private void kill(String service) {
    docker.killContainerCmd(id(service)).withSignal("SIGKILL").exec();
  }

  /** Starts the container again; the Vedetta services' restart policy may have done it already. */
  private void start(String service) {
    try {
      docker.startContainerCmd(id(service)).exec();
    } catch (NotModifiedException alreadyRunning) {
      // Started by Docker's restart policy.
    }
  }

  private static String id(String service) {
    return COMPOSE.getContainerByServiceName(service).orElseThrow().getContainerId();
  }
}
