package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.pipeline.Role;
import org.vedetta.app.pipeline.Service;
import org.vedetta.ingest.PollResult;
import org.vedetta.model.DeadLetter;
import org.vedetta.model.Development;
import org.vedetta.model.Json;
import org.vedetta.model.Topics;
import org.vedetta.notifier.MailStatus;

/**
 * The whole pipeline on real parts: the demo's news site on 127.0.0.1, the embedded Kafka broker, H2, and
 * GreenMail as the SMTP server. What a subscriber receives is read back as a mail.
 */
class PipelineIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  @RegisterExtension
  final LocalDemo demo = new LocalDemo(SMTP);

  @Test
  void theDigestNamesTheFreshDevelopmentsAndNothingTheSeedsSaid() throws Exception {
    try (Service service = Service.start(demo.config(), Role.ALL, options())) {
      awaitQueued(service, 3);
      assertThat(service.notifier().sendDigests()).hasSize(1);

      MimeMessage[] mails = SMTP.getReceivedMessages();
      assertThat(mails).hasSize(1);
      assertThat(((jakarta.mail.internet.InternetAddress) mails[0].getAllRecipients()[0]).getAddress())
          .isEqualTo(TestConfigs.SUBSCRIBER);
      String body = GreenMailUtil.getBody(mails[0]);
      String text = decoded(mails[0]);

      // The fresh developments, each with its evidence sentence and link.
      // The figure and the country are highlighted in the evidence sentence (here the text part's *marks*).
      assertThat(text).contains("*circa 15.000* soldati *nordcoreani*").contains("4.000")
          .contains("ratified the Strategic Partnership and Cooperation Treaty")
          .contains(demo.site().baseUrl() + "/articles/nuove-stime-soldati-nordcoreani-russia.html")
          .contains(demo.site().baseUrl() + "/articles/venezuela-ratifies-strategic-partnership-treaty-russia.html");
      // Nothing the seeds already said.
      assertThat(text).doesNotContain("tra i 10.000 e i 12.000").doesNotContain("1.500 soldati")
          .doesNotContain("russia-corea-del-nord-rafforzano-partnership.html")
          .doesNotContain("corea-del-nord-conferma-truppe-alleati-russia.html");
      assertThat(body).isNotEmpty();

      // A second poll of the same feed publishes nothing, and no second mail goes out.
      PollResult again = service.ingest().pollNow("osservatorio-est");
      assertThat(again.error()).isNull();
      assertThat(again.published()).isZero();
      assertThat(service.notifier().sendDigests()).isEmpty();
      assertThat(SMTP.getReceivedMessages()).hasSize(1);
      assertThat(service.deadLettered()).isZero();
    }
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndThePipelineGoesOn() throws Exception {
    try (Service service = Service.start(demo.config(), Role.ALL, options())) {
      KafkaClients clients = new KafkaClients(service.bootstrapServers());
      byte[] poison = "{this is not an article".getBytes(StandardCharsets.UTF_8);
      try (KafkaProducer<String, byte[]> producer = clients.producer("test")) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES, "poison", poison)).get();
      }
      awaitQueued(service, 3);

      DeadLetter letter = readOne(clients, Topics.DEADLETTER, DeadLetter.class);
      assertThat(letter.stage()).isEqualTo("matcher");
      assertThat(letter.topic()).isEqualTo(Topics.ARTICLES);
      assertThat(letter.key()).isEqualTo("poison");
      assertThat(java.util.Base64.getDecoder().decode(letter.valueBase64())).isEqualTo(poison);
      assertThat(letter.error()).contains("Article");
    }
  }

  @Test
  void aRestartAfterQueueingSendsTheDigestOnce() {
    try (Service service = Service.start(demo.config(), Role.ALL, options())) {
      awaitQueued(service, 3);
    }
    try (Service service = Service.start(demo.config(), Role.ALL, options())) {
      assertThat(service.notifier().pending(TestConfigs.SUBSCRIBER)).isEqualTo(3);
      assertThat(service.notifier().sendDigests()).hasSize(1);
    }
    try (Service service = Service.start(demo.config(), Role.ALL, options())) {
      // The feed is polled again on start: nothing is republished, nothing is queued, nothing is sent.
      await().atMost(Duration.ofSeconds(30)).until(() -> service.ingest().lastResults().containsKey("osservatorio-est"));
      assertThat(service.ingest().lastResults().get("osservatorio-est").published()).isZero();
      assertThat(service.notifier().sendDigests()).isEmpty();
    }
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
  }

  @Test
  void theUnsubscribeLinkAsksFirstThenStopsEveryMail() throws Exception {
    try (Service service = Service.start(demo.config(), Role.ALL, options())) {
      awaitQueued(service, 3);
      service.notifier().sendDigests();
      MimeMessage mail = SMTP.getReceivedMessages()[0];
      assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
      String header = mail.getHeader("List-Unsubscribe")[0];
      assertThat(header).startsWith("<http://localhost:" + service.http().port() + "/unsubscribe?token=").endsWith(">");
      URI link = URI.create(header.substring(1, header.length() - 1));
      assertThat(decoded(mail)).contains(link.toString());
      HttpClient http = HttpClient.newHttpClient();

      // Following the link (as a link scanner or prefetcher would) only asks.
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(link).build(), BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains(TestConfigs.SUBSCRIBER).contains("<form method=\"post\"");
      assertThat(statusOf(service).unsubscribedAt()).isNull();

      // A forged token changes nothing.
      URI forged = URI.create(link.toString().substring(0, link.toString().length() - 2) + "AA");
      HttpResponse<String> refused = http.send(HttpRequest.newBuilder(forged)
          .POST(BodyPublishers.ofString("List-Unsubscribe=One-Click"))
          .header("Content-Type", "application/x-www-form-urlencoded").build(), BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(statusOf(service).unsubscribedAt()).isNull();

      // The mail client's one-click POST (RFC 8058) unsubscribes.
      HttpResponse<String> done = http.send(HttpRequest.newBuilder(link)
          .POST(BodyPublishers.ofString("List-Unsubscribe=One-Click"))
          .header("Content-Type", "application/x-www-form-urlencoded").build(), BodyHandlers.ofString());
      assertThat(done.statusCode()).isEqualTo(200);
      assertThat(done.body()).contains(TestConfigs.SUBSCRIBER);
      assertThat(statusOf(service).unsubscribedAt()).isNotNull();

      // Nothing more reaches the address, though subscribers.yml still lists it.
      Development replayed = readOne(new KafkaClients(service.bootstrapServers()), Topics.DEVELOPMENTS, Development.class);
      Development fresh = new Development(replayed.schema(), replayed.id() + "-again", replayed.claimKey(),
          replayed.verdict(), replayed.severity(), replayed.headline(), replayed.claim(), replayed.evidence(),
          replayed.comparedFacts(), replayed.known(), replayed.knownFacts(), replayed.detectedAt());
      assertThat(service.notifier().accept(fresh)).isZero();
      assertThat(service.notifier().sendDigests()).isEmpty();
      assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }
  }

  @Test
  void healthAndMetricsDescribeTheRunningPipeline() throws Exception {
    try (Service service = Service.start(demo.config(), Role.ALL, options())) {
      awaitQueued(service, 3);
      service.notifier().sendDigests();
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + service.http().port();

      HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
          BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
      var checks = Json.mapper().readTree(ready.body());
      assertThat(checks.get("status").asText()).isEqualTo("up");
      assertThat(checks.get("checks").get("kafka").get("detail").asText()).isEqualTo("1 broker");
      assertThat(checks.get("checks").get("database").get("up").asBoolean()).isTrue();
      assertThat(checks.get("checks").get("mail").get("up").asBoolean()).isTrue();
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
          BodyHandlers.ofString()).statusCode()).isEqualTo(200);

      // The poll ends after its last article is published, and the matcher reads them as they come.
      await().atMost(Duration.ofSeconds(60)).until(() -> service.ingest().lastResults().containsKey("osservatorio-est"));
      await().atMost(Duration.ofSeconds(30)).until(() -> scrape(http, base).contains("vedetta_articles_matched_total 7.0")
          && scrape(http, base).contains("vedetta_consumer_lag{stage=\"matcher\"} 0.0"));
      String metrics = scrape(http, base);
      assertThat(metrics)
          .contains("vedetta_polls_total{outcome=\"ok\",source=\"osservatorio-est\"} 1.0")
          .contains("vedetta_items_seen_total{source=\"osservatorio-est\"} 7.0")
          .contains("vedetta_articles_published_total{source=\"osservatorio-est\"} 7.0")
          .contains("vedetta_consumer_lag{stage=\"matcher\"} 0.0")
          .contains("vedetta_developments_total{event=\"casualties\",verdict=\"changed\"} 1.0")
          .contains("vedetta_developments_total{event=\"troop_deployment\",verdict=\"changed\"} 1.0")
          .contains("vedetta_developments_total{event=\"treaty_ratified\",verdict=\"new\"} 1.0")
          .contains("vedetta_mails_sent_total{kind=\"digest\"} 1.0")
          .contains("vedetta_records_dead_lettered_total{stage=\"matcher\"} 0.0")
          .contains("vedetta_poll_seconds_count{source=\"osservatorio-est\"} 1")
          .contains("jvm_memory_used_bytes")
          .containsPattern("vedetta_mentions_total [1-9][0-9]*\\.0");

      // Every metric the Grafana dashboard in deploy/ charts is exported.
      JsonNode dashboard = Json.mapper().readTree(Path.of("..", "deploy", "grafana", "vedetta-dashboard.json").toFile());
      assertThat(dashboard.get("panels")).hasSizeGreaterThanOrEqualTo(8);
      for (JsonNode panel : dashboard.get("panels")) {
        String expr = panel.get("targets").get(0).get("expr").asText();
        Matcher names = Pattern.compile("vedetta_[a-z_]+").matcher(expr);
        assertThat(names.find()).as(panel.get("title").asText()).isTrue();
        do {
          assertThat(metrics).as("%s: %s", panel.get("title").asText(), names.group())
              .containsPattern("(?m)^" + names.group() + "[{ ]");
        } while (names.find());
      }

      // The topics' contract, for dashboard authors: the AsyncAPI document and the schemas it refers to.
      HttpResponse<String> asyncApi = http.send(HttpRequest.newBuilder(URI.create(base + "/schemas/asyncapi.yaml"))
          .build(), BodyHandlers.ofString());
      assertThat(asyncApi.statusCode()).isEqualTo(200);
      assertThat(asyncApi.body()).contains("asyncapi: 3.0.0", "address: vedetta.developments",
          "$ref: './development.schema.json'");
      HttpResponse<String> schema = http.send(HttpRequest.newBuilder(
          URI.create(base + "/schemas/development.schema.json")).build(), BodyHandlers.ofString());
      assertThat(schema.statusCode()).isEqualTo(200);
      assertThat(schema.headers().firstValue("Content-Type").orElse("")).startsWith("application/schema+json");
      assertThat(schema.body()).contains("\"title\": \"Development\"");
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/schemas/..%2Fapplication.yml")).build(),
          BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theSourcesPageShowsHealthAndPollsOnlyWithTheToken() throws Exception {
    try (Service service = Service.start(demo.config(), Role.ALL, options())) {
      await().atMost(Duration.ofSeconds(60)).until(() -> service.ingest().lastResults().containsKey("osservatorio-est"));
      HttpClient http = HttpClient.newHttpClient();
      URI sources = URI.create("http://127.0.0.1:" + service.http().port() + "/sources");

      HttpResponse<String> page = http.send(HttpRequest.newBuilder(sources).build(), BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("osservatorio-est", demo.site().baseUrl() + "/feed.xml", ">ok<", ">7<", "60 min",
          ">7 articles<", "Poll now");

      URI poll = URI.create(sources + "/osservatorio-est/poll");
      HttpResponse<String> refused = http.send(HttpRequest.newBuilder(poll)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(BodyPublishers.ofString("token=guess")).build(), BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(403);

      HttpResponse<String> polled = http.send(HttpRequest.newBuilder(poll)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(BodyPublishers.ofString("token=" + TestConfigs.TOKEN)).build(), BodyHandlers.ofString());
      assertThat(polled.statusCode()).isEqualTo(200);
      assertThat(polled.body()).contains("Polled osservatorio-est: 7 items, 0 published, 0 failed");
    }
  }

  @Test
  void theKnowledgePageShowsTheBaselineAndWhatWasLearnedFromWhichArticle() throws Exception {
    try (Service service = Service.start(demo.config(), Role.ALL, options())) {
      awaitQueued(service, 3);
      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + service.http().port() + "/knowledge")).build(), BodyHandlers.ofString());

      assertThat(page.statusCode()).isEqualTo(200);
      String fresh = demo.site().baseUrl() + "/articles/nuove-stime-soldati-nordcoreani-russia.html";
      assertThat(page.body())
          .contains("Learned from developments", "about 15,000 soldiers", "about 4,000 soldiers", fresh)
          .contains("Baseline facts", "10,000–12,000 soldiers", "000_f6bec59e8f0e7f7f.txt", "Corea del Nord",
              "Strategic Partnership");
    }
  }

  private static String scrape(HttpClient http, String base) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
        BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static MailStatus statusOf(Service service) {
    return service.notifier().status().stream().filter(s -> s.email().equals(TestConfigs.SUBSCRIBER)).findFirst()
        .orElseThrow();
  }


  static Service.Options options() {
    return new Service.Options(java.time.Clock.systemUTC(), null, Duration.ofMillis(100));
  }

  private static void awaitQueued(Service service, int developments) {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
        .until(() -> service.notifier().pending(TestConfigs.SUBSCRIBER) >= developments);
  }

  private static String decoded(MimeMessage mail) throws Exception {
    mail.writeTo(new java.io.ByteArrayOutputStream());
    return mailText(mail.getContent());
  }

  private static String mailText(Object content) throws Exception {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(mailText(multipart.getBodyPart(i).getContent())).append('\n');
      }
      return all.toString();
    }
    return String.valueOf(content);
  }

  /** The first record of {@code topic}, decoded, waiting up to 30 s for one. */
  private static <T> T readOne(KafkaClients clients, String topic, Class<T> type) {
    try (KafkaConsumer<String, byte[]> consumer = clients.consumer("test-reader-" + System.nanoTime(), "test")) {
      consumer.subscribe(List.of(topic));
      List<T> values = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(Json.read(r.value(), type));
        }
        return !values.isEmpty();
      });
      return values.get(0);
    }
  }

}
