package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.kafka.EmbeddedKafka;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.kafka.TopicProcessor;
import org.vedetta.app.ops.HealthChecks;
import org.vedetta.model.Topics;

/**
 * A stage that stops consuming on its own, or that one record holds, does not go unnoticed: the process stops being
 * ready, and says why; and a stuck stage does not keep the process from stopping.
 */
class TopicProcessorIT {

  @TempDir
  Path dir;

  @Test
  void aStageThatDiesMakesTheProcessNotReady() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
      KafkaClients clients = new KafkaClients(kafka.bootstrapServers());
      clients.ensureTopics(1, Duration.ofSeconds(30));
      try (KafkaProducer<String, byte[]> producer = clients.producer("test");
          TopicProcessor<JsonNode> matcher = new TopicProcessor<>("matcher", clients, Topics.ARTICLES, JsonNode.class,
              article -> {
                throw new AssertionError("a bug in the stage");
              }, producer, Clock.systemUTC(), Duration.ofMillis(10))) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:stages-" + dir.getFileName() + ";DB_CLOSE_DELAY=-1");
        HealthChecks health = new HealthChecks(kafka.bootstrapServers(), db, Map.of("stages",
            () -> Optional.ofNullable(matcher.failure()).map(f -> "stage 'matcher' stopped: " + f)), Clock.systemUTC());
        matcher.start();
        assertThat(matcher.alive()).isTrue();

        producer.send(new ProducerRecord<>(Topics.ARTICLES, "a", "{\"id\":\"a\"}".getBytes())).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> !matcher.alive());
        assertThat(matcher.failure()).contains("AssertionError", "a bug in the stage");
        HealthChecks.Report report = health.report();
        assertThat(report.up()).isFalse();
        assertThat(report.checks().get("stages").detail()).isEqualTo("stage 'matcher' stopped: "
            + "java.lang.AssertionError: a bug in the stage");
        health.close();
      }
    }
  }

  @Test
  void aRecordThatHoldsTheStageIsReportedAndDoesNotHoldUpStopping() throws Exception {
    AtomicBoolean release = new AtomicBoolean();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
      KafkaClients clients = new KafkaClients(kafka.bootstrapServers());
      clients.ensureTopics(1, Duration.ofSeconds(30));
      try (KafkaProducer<String, byte[]> producer = clients.producer("test")) {
        TopicProcessor<JsonNode> matcher = new TopicProcessor<>("matcher", clients, Topics.ARTICLES, JsonNode.class,
            article -> {
              while (!release.get()) {
                Thread.onSpinWait(); // an article that costs minutes, deaf to interrupts
              }
              return List.of();
            }, producer, Clock.systemUTC(), Duration.ofMillis(10));
        matcher.start();
        producer.send(new ProducerRecord<>(Topics.ARTICLES, "a", "{\"id\":\"a\"}".getBytes())).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> matcher.stuck(Duration.ofSeconds(1)).isPresent());
        assertThat(matcher.stuck(Duration.ofSeconds(1)).orElseThrow())
            .matches("stage 'matcher' has been on " + Topics.ARTICLES + "-0@0 for \\d+ s");
        assertThat(matcher.stuck(Duration.ofHours(1))).isEmpty();

        long started = System.nanoTime();
        matcher.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
      } finally {
        release.set(true);
      }
    }
  }
}
