package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.kafka.EmbeddedKafka;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.kafka.TopicReplay;
import org.vedetta.app.live.DevelopmentFeed;
import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.model.Evidence;
import org.vedetta.model.Json;
import org.vedetta.model.Quantity;
import org.vedetta.model.Topics;
import org.vedetta.model.Verdict;

/**
 * The console's readers of the topics on a real broker. The live view's feed shows the newest developments after a
 * restart, whatever partition
 * they are on, and a browser connected to it hears of what arrives, once; a preview over its limit reads the newest.
 */
class TopicReadersIT {

  private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

  @TempDir
  Path dir;

  @Test
  void aReplayOverItsLimitReadsTheNewestRecordsAndSaysItIsIncomplete() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
      KafkaClients clients = new KafkaClients(kafka.bootstrapServers());
      clients.ensureTopics(3, Duration.ofSeconds(30));
      try (KafkaProducer<String, byte[]> producer = clients.producer("test")) {
        for (int i = 0; i < 30; i++) {
          // One key: every record on one partition, in order.
          Development d = development("d" + i, "entity", T0.plusSeconds(60L * i));
          producer.send(new ProducerRecord<>(Topics.DEVELOPMENTS, "one-key", Json.write(d))).get();
        }
      }
      TopicReplay replay = new TopicReplay(clients, Duration.ofSeconds(30));
      List<String> all = new java.util.ArrayList<>();
      TopicReplay.Read whole = replay.read(Topics.DEVELOPMENTS, Development.class, T0.minusSeconds(3_600), 1_000,
          d -> all.add(d.id()));
      assertThat(whole.complete()).isTrue();
      assertThat(all).hasSize(30);

      List<String> newest = new java.util.ArrayList<>();
      TopicReplay.Read limited = replay.read(Topics.DEVELOPMENTS, Development.class, T0.minusSeconds(3_600), 30,
          d -> newest.add(d.id()));
      assertThat(limited.complete()).as("a third of the limit per partition: 10 of 30").isFalse();
      assertThat(newest).containsExactlyElementsOf(all.subList(20, 30));
    }
  }

  @Test
  void keepsTheNewestAndTellsListenersOnlyWhatArrives() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
      KafkaClients clients = new KafkaClients(kafka.bootstrapServers());
      clients.ensureTopics(3, Duration.ofSeconds(30));
      try (KafkaProducer<String, byte[]> producer = clients.producer("test")) {
        // 30 developments on 3 partitions, detected a minute apart; their keys spread them unevenly.
        for (int i = 0; i < 30; i++) {
          send(producer, development("d" + i, "entity-" + (i % 7), T0.plusSeconds(60L * i)));
        }
        try (DevelopmentFeed feed = DevelopmentFeed.start(clients, Duration.ofDays(7), 10, Clock.systemUTC())) {
          List<Development> heard = new CopyOnWriteArrayList<>();
          feed.subscribe(heard::add);
          List<String> newest = java.util.stream.IntStream.iterate(29, i -> i >= 20, i -> i - 1)
              .mapToObj(i -> "d" + i).toList();
          await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
              assertThat(feed.recent()).extracting(Development::id).containsExactlyElementsOf(newest));

          Development fresh = development("fresh", "entity-3", T0.plusSeconds(3_600));
          send(producer, fresh);
          send(producer, fresh);
          await().atMost(Duration.ofSeconds(30)).until(() -> !heard.isEmpty());
          assertThat(feed.recent().get(0).id()).isEqualTo("fresh");
          assertThat(feed.recent()).hasSize(10);

          Development last = development("last", "entity-5", T0.plusSeconds(7_200));
          send(producer, last);
          await().atMost(Duration.ofSeconds(30)).until(() -> heard.size() >= 2);
          assertThat(heard).as("the history read at start is not news; a repeated record is heard once")
              .extracting(Development::id).containsExactly("fresh", "last");

          // A burst detected earlier than everything kept (a slow matcher, a partition read late) is still news.
          for (int i = 0; i < 20; i++) {
            send(producer, development("late" + i, "entity-" + (i % 7), T0.minusSeconds(60L * (i + 1))));
          }
          await().atMost(Duration.ofSeconds(30)).until(() -> heard.size() == 22);
          assertThat(heard.subList(2, 22)).extracting(Development::id).containsExactlyInAnyOrderElementsOf(
              java.util.stream.IntStream.range(0, 20).mapToObj(i -> "late" + i).toList());
          assertThat(feed.recent().get(0).id()).as("kept: still the newest").isEqualTo("last");
        }
      }
    }
  }

  private static void send(KafkaProducer<String, byte[]> producer, Development d) throws Exception {
    producer.send(new ProducerRecord<>(Topics.DEVELOPMENTS, d.claimKey(), Json.write(d))).get();
  }

  private static Development development(String id, String subject, Instant detected) {
    Claim claim = new Claim(subject, "casualties", "russia", null, Quantity.exact(1_000, "soldiers"), null,
        subject + " casualties", 0, 20);
    Evidence evidence = new Evidence("article-" + id, "test", "https://example.org/" + id, "Title " + id, detected);
    return new Development(Development.SCHEMA, id, claim.key() + "/" + id, Verdict.NEW, 3, subject + ": casualties",
        claim, evidence, List.of(), null, detected);
  }
}
