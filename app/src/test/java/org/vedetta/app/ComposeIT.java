package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.vedetta.model.Json;

/**
 * The scaled deployment of {@code docker-compose.yml} as it is: the image built from this checkout, Kafka,
 * PostgreSQL, Mailpit, the demo's news site, two ingest, two matcher and one notifier service. Shows that the
 * demo's three developments reach Mailpit, each in one mail, and that the ingest services shared the polling:
 * the feed was polled and each article page fetched once. Runs only where Docker (with Compose v2) is; skipped
 * elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeIT {

  private static final Duration STARTUP = Duration.ofMinutes(5);
  /** A line of each development in the digest's text part. */
  private static final List<String> DEVELOPMENTS = List.of("Now about 15,000 soldiers", "Now about 4,000 soldiers",
      "Venezuela — treaty ratified");
  private static final Pattern PAGE_REQUEST = Pattern.compile("\"GET (/articles/\\S+) HTTP");

  @Container
  static final ComposeContainer COMPOSE = new ComposeContainer(composeFile())
      .withBuild(true)
      .withExposedService("mailpit-1", 8025, Wait.forHttp("/api/v1/messages").withStartupTimeout(STARTUP))
      .withExposedService("notifier-1", 8730, Wait.forHttp("/health/ready").withStartupTimeout(STARTUP))
      .waitingFor("ingest-1", Wait.forHealthcheck().withStartupTimeout(STARTUP))
      .waitingFor("ingest-2", Wait.forHealthcheck().withStartupTimeout(STARTUP))
      .waitingFor("matcher-1", Wait.forHealthcheck().withStartupTimeout(STARTUP))
      .waitingFor("matcher-2", Wait.forHealthcheck().withStartupTimeout(STARTUP));

  @Test
  void theDigestReachesMailpitWithTheThreeDevelopmentsOnce() {
    List<JsonNode> mails = new ArrayList<>();
    // The subscriber's digest goes out every minute (deploy/config/subscribers.yml).
    await("the developments in Mailpit").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
        .until(() -> {
          mails.clear();
          mails.addAll(mailpitMessages(COMPOSE));
          return DEVELOPMENTS.stream().allMatch(d -> mails.stream().anyMatch(m -> m.get("Text").asText().contains(d)));
        });
    assertEachDevelopmentMailedOnce(mails);

    String access = COMPOSE.getContainerByServiceName("news-1").orElseThrow().getLogs();
    assertThat(access).contains("\"GET /feed.xml HTTP");
    Map<String, Long> pages = PAGE_REQUEST.matcher(access).results()
        .collect(Collectors.groupingBy(m -> m.group(1), Collectors.counting()));
    assertThat(pages).as("article pages fetched by both ingest services").hasSize(7)
        .allSatisfy((page, count) -> assertThat(count).as(page).isEqualTo(1));
  }

  /** Every message Mailpit caught, in full. */
  static List<JsonNode> mailpitMessages(ComposeContainer compose) throws Exception {
    String mailpit = "http://" + compose.getServiceHost("mailpit-1", 8025) + ":"
        + compose.getServicePort("mailpit-1", 8025);
    List<JsonNode> mails = new ArrayList<>();
    for (JsonNode summary : get(mailpit + "/api/v1/messages").get("messages")) {
      mails.add(get(mailpit + "/api/v1/message/" + summary.get("ID").asText()));
    }
    return mails;
  }

  /** All mail went to the demo's subscriber, and each of the demo's developments is in exactly one. */
  static void assertEachDevelopmentMailedOnce(List<JsonNode> mails) {
    assertThat(mails).allSatisfy(m -> assertThat(m.get("To").get(0).get("Address").asText())
        .isEqualTo("analyst@example.org"));
    for (String development : DEVELOPMENTS) {
      assertThat(mails).as(development).filteredOn(m -> m.get("Text").asText().contains(development)).hasSize(1);
    }
  }

  private static JsonNode get(String url) throws Exception {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        BodyHandlers.ofString()).body();
    return Json.mapper().readTree(body);
  }

  /** The repository's {@code docker-compose.yml}, beside the app module. */
  static File composeFile() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("../docker-compose.yml").normalize()
        .toFile();
  }
}
