package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vedetta.app.kafka.DeadLetters;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.pipeline.Role;
import org.vedetta.app.pipeline.Service;
import org.vedetta.model.Article;
import org.vedetta.model.Claim;
import org.vedetta.model.Correction;
import org.vedetta.model.DeadLetter;
import org.vedetta.model.DeadLetterReplay;
import org.vedetta.model.Development;
import org.vedetta.model.Evidence;
import org.vedetta.model.Json;
import org.vedetta.model.Qualifier;
import org.vedetta.model.Quantity;
import org.vedetta.model.TaggedArticle;
import org.vedetta.model.Topics;
import org.vedetta.model.Verdict;

/**
 * The contract with dashboard authors: every record the whole pipeline writes (the demo's news site, the
 * embedded broker, H2, GreenMail, as in {@link PipelineIT}) matches the JSON Schema of its topic in
 * {@code model/src/main/resources/schemas/}, and carries its type's current {@code schema} version.
 */
class TopicSchemasIT {

  /** On a free port, so that this test and PipelineIT may run side by side. */
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  /** The schemas' {@code $id}s live under this prefix; the files are on the classpath under {@code schemas/}. */
  private static final String SCHEMA_IDS = "https://vedetta.org/schemas/";

  /** Draft 2020-12, with {@code format} asserted (not only annotated) and the {@code $id}s read from the classpath. */
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      registry -> registry
          .schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_IDS, "classpath:schemas/"))
          .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  /** Each topic's schema file (without {@code .schema.json}) and the current version of its record type. */
  private static final Map<String, Contract> CONTRACTS = Map.of(
      Topics.ARTICLES, new Contract("article", Article.SCHEMA),
      Topics.TAGGED, new Contract("tagged-article", TaggedArticle.SCHEMA),
      Topics.DEVELOPMENTS, new Contract("development", Development.SCHEMA),
      Topics.DEADLETTER, new Contract("dead-letter", DeadLetter.SCHEMA),
      Topics.DEADLETTER_REPLAYS, new Contract("dead-letter-replay", DeadLetterReplay.SCHEMA),
      Topics.CORRECTIONS, new Contract("correction", Correction.SCHEMA));

  private record Contract(String name, int version) {
    Schema schema() {
      return SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_IDS + name + ".schema.json"));
    }
  }

  private static final String POISON_KEY = "poison";
  private static final byte[] POISON = "{this is not an article".getBytes(StandardCharsets.UTF_8);

  @RegisterExtension
  final LocalDemo demo = new LocalDemo(SMTP);

  @Test
  void everyRecordOfEveryTopicMatchesItsSchemaAndCarriesTheCurrentVersion() throws Exception {
    Map<String, List<ConsumerRecord<String, byte[]>>> topics;
    try (Service service = Service.start(demo.config(), Role.ALL, options())) {
      KafkaClients clients = new KafkaClients(service.bootstrapServers());
      // A record no stage can read, so that vedetta.deadletter has one too.
      try (KafkaProducer<String, byte[]> producer = clients.producer("test")) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES, POISON_KEY, POISON)).get();
      }
      awaitQueued(service, 3);
      awaitSettled(service, clients, 1);
      // Its replay, so that vedetta.deadletter.replays has a record too; the copy is dead-lettered again.
      try (KafkaProducer<String, byte[]> producer = clients.producer("test")) {
        assertThat(new DeadLetters(clients, java.time.Clock.systemUTC()).replay(d -> true, producer)).hasSize(1);
      }
      awaitSettled(service, clients, 2);
      // An analyst's judgement, so that vedetta.corrections has a record too.
      await().atMost(Duration.ofSeconds(30)).until(() -> judgeFirstDevelopment(service) == 201);
      topics = readAll(clients);
    }

    // The poison record (and its replayed copy) is this test's own, not something Vedetta wrote: the one value not
    // checked.
    List<ConsumerRecord<String, byte[]>> articles = topics.get(Topics.ARTICLES).stream()
        .filter(r -> !(POISON_KEY.equals(r.key()) && Arrays.equals(r.value(), POISON))).toList();
    assertThat(articles).hasSize(topics.get(Topics.ARTICLES).size() - 2);
    topics.put(Topics.ARTICLES, articles);

    assertThat(topics.get(Topics.ARTICLES)).as(Topics.ARTICLES).hasSizeGreaterThanOrEqualTo(7);
    assertThat(topics.get(Topics.TAGGED)).as(Topics.TAGGED).isNotEmpty();
    assertThat(topics.get(Topics.DEVELOPMENTS)).as(Topics.DEVELOPMENTS).hasSizeGreaterThanOrEqualTo(3);
    assertThat(topics.get(Topics.DEADLETTER)).as(Topics.DEADLETTER).hasSize(2)
        .allSatisfy(r -> assertThat(r.key()).isEqualTo(POISON_KEY));
    assertThat(topics.get(Topics.DEADLETTER_REPLAYS)).as(Topics.DEADLETTER_REPLAYS).hasSize(1);
    assertThat(topics.get(Topics.CORRECTIONS)).as(Topics.CORRECTIONS).hasSize(1);

    List<String> errors = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    for (var topic : topics.entrySet()) {
      Contract contract = CONTRACTS.get(topic.getKey());
      Schema schema = contract.schema();
      for (ConsumerRecord<String, byte[]> r : topic.getValue()) {
        String where = r.topic() + "-" + r.partition() + "@" + r.offset() + " key " + r.key();
        JsonNode value;
        try {
          value = Json.mapper().readTree(r.value());
        } catch (java.io.IOException e) {
          errors.add(where + ": not JSON: " + e.getMessage());
          continue;
        }
        schema.validate(value).forEach(error -> errors.add(where + ": " + error));
        if (!value.path("schema").isInt() || value.path("schema").intValue() != contract.version()) {
          versions.add(where + ": schema " + value.path("schema") + ", expected " + contract.version());
        }
      }
      System.out.println(topic.getKey() + ": " + topic.getValue().size() + " records checked against "
          + contract.name() + ".schema.json");
    }
    assertThat(errors).as("records that do not match their topic's schema").isEmpty();
    assertThat(versions).as("records whose schema version is not their type's current SCHEMA").isEmpty();
  }

  /** Marks the first development the console lists wrong through the API; the response's status. */
  private static int judgeFirstDevelopment(Service service) throws Exception {
    JsonNode listed = Json.mapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + service.http().port() + "/api/developments")).build(),
        BodyHandlers.ofString()).body());
    return listed.isEmpty() ? 404 : CorrectionsCommandIT.judge(service, listed.get(0).get("id").asText(),
        "{\"decision\": \"wrong\", \"reason\": \"not_news\", \"analyst\": \"schema check\"}");
  }

  @Test
  void theSchemasRejectWhatTheyMustAndTolerateNewFields() throws Exception {
    Schema development = CONTRACTS.get(Topics.DEVELOPMENTS).schema();
    ObjectNode valid = (ObjectNode) Json.mapper().readTree(Json.write(aDevelopment()));
    assertThat(development.validate(valid)).isEmpty();

    // A field a later version may add is tolerated: consumers must ignore what they do not know.
    assertThat(development.validate(valid.deepCopy().put("added_in_a_later_version", "x"))).isEmpty();

    // An unknown verdict, a missing claim, a claim without its sentence (checked through the $ref to
    // claim.schema.json), an unknown qualifier, and a time that is not RFC 3339 all fail.
    assertThat(development.validate(valid.deepCopy().put("verdict", "maybe"))).isNotEmpty();
    ObjectNode noClaim = valid.deepCopy();
    noClaim.remove("claim");
    assertThat(development.validate(noClaim)).isNotEmpty();
    ObjectNode noSentence = valid.deepCopy();
    ((ObjectNode) noSentence.get("claim")).remove("sentence");
    assertThat(development.validate(noSentence)).isNotEmpty();
    ObjectNode vagueQualifier = valid.deepCopy();
    ((ObjectNode) vagueQualifier.get("claim").get("quantity")).put("qualifier", "roughly");
    assertThat(development.validate(vagueQualifier)).isNotEmpty();
    assertThat(development.validate(valid.deepCopy().put("detected_at", "yesterday"))).isNotEmpty();

    // Ingest keeps the characters of a published path as they are: a canonical URL may be an IRI.
    Schema article = CONTRACTS.get(Topics.ARTICLES).schema();
    Article accented = Article.of("osservatorio-est", "https://www.example.it/notizie/città-più-vicine", "Titolo",
        "Testo.", "it", null, Instant.parse("2026-11-24T08:00:00Z"));
    assertThat(article.validate(Json.mapper().readTree(Json.write(accented)))).isEmpty();
    ObjectNode noUrl = (ObjectNode) Json.mapper().readTree(Json.write(accented));
    noUrl.remove("url");
    assertThat(article.validate(noUrl)).isNotEmpty();

    // A wrong judgement must say why; a right one has no reason.
    Schema correction = CONTRACTS.get(Topics.CORRECTIONS).schema();
    Correction wrong = Correction.of(aDevelopment(), Correction.Decision.WRONG, Correction.Reason.WRONG_FIGURE, null,
        "Ana", Instant.parse("2026-11-25T08:00:00Z"));
    ObjectNode judged = (ObjectNode) Json.mapper().readTree(Json.write(wrong));
    assertThat(correction.validate(judged)).isEmpty();
    assertThat(correction.validate(judged.deepCopy().without("reason"))).isNotEmpty();
    assertThat(correction.validate(judged.deepCopy().put("decision", "right"))).isNotEmpty();
    assertThat(correction.validate(judged.deepCopy().put("reason", "boring"))).isNotEmpty();
  }

  private static Development aDevelopment() {
    Claim claim = new Claim("north_korea", "troop_deployment", "russia", null,
        new Quantity(15_000, 15_000, "soldiers", Qualifier.ABOUT), LocalDate.of(2026, 11, 1),
        "Circa 15.000 soldati nordcoreani sono ora schierati in Russia.", 0, 62, null,
        List.of(new Claim.Span(0, 11)), null);
    return new Development(Development.SCHEMA, "6f1c2b0e9a4d7c31", claim.key(), Verdict.CHANGED, 4,
        "North Korea — troop deployment: about 15,000 soldiers", claim,
        new Evidence("a1b2c3d4e5f60718", "osservatorio-est", "http://127.0.0.1/articles/a.html", "Titolo",
            Instant.parse("2026-11-23T08:30:00Z")),
        List.of("kp_troops_deployed_10000_12000"), "10,000–12,000 soldiers (2025-04)",
        Instant.parse("2026-11-24T21:18:40Z"));
  }

  private static Service.Options options() {
    return new Service.Options(java.time.Clock.systemUTC(), null, Duration.ofMillis(100));
  }

  private static void awaitQueued(Service service, int developments) {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
        .until(() -> service.notifier().pending(TestConfigs.SUBSCRIBER) >= developments);
  }

  /**
   * Until nothing more is coming: the feed has been polled, and the matcher has committed every article, which it
   * does only once what it wrote for them (tagged articles, developments, dead letters) is acknowledged.
   */
  private static void awaitSettled(Service service, KafkaClients clients, int deadLetters) {
    Properties p = new Properties();
    p.put("bootstrap.servers", clients.bootstrapServers());
    try (Admin admin = Admin.create(p);
        KafkaConsumer<String, byte[]> consumer = clients.consumer("test-settled-" + System.nanoTime(), "test")) {
      List<TopicPartition> partitions = partitions(consumer, Topics.ARTICLES);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
        if (!service.ingest().lastResults().containsKey("osservatorio-est")
            || service.deadLettered() < deadLetters) {
          return false;
        }
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets("vedetta-matcher").partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
            || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
      });
    }
  }

  /** Every record of every topic, from the beginning up to the end offsets as they are now. */
  private static Map<String, List<ConsumerRecord<String, byte[]>>> readAll(KafkaClients clients) {
    Map<String, List<ConsumerRecord<String, byte[]>>> out = new LinkedHashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = clients.consumer("test-reader-" + System.nanoTime(), "test")) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : Topics.ALL) {
        out.put(topic, new ArrayList<>());
        partitions.addAll(partitions(consumer, topic));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          out.get(r.topic()).add(r);
        }
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
      });
    }
    return out;
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
    return consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
  }
}
