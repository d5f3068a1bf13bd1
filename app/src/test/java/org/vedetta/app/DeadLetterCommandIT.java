package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.demo.DemoSite;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.pipeline.Role;
import org.vedetta.app.pipeline.Service;
import org.vedetta.model.Topics;

/**
 * {@code vedetta deadletter list|replay} as an operator runs it beside a service on its embedded broker: the letter
 * is listed with its stage, original record and error; a replay publishes the original bytes and key to their topic
 * once, however often it is run; and without a running service the command says what to do.
 */
class DeadLetterCommandIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir
  Path dir;

  private static final byte[] POISON = "{this is not an article".getBytes(StandardCharsets.UTF_8);

  @Test
  void listsAndReplaysEachLetterOnce() throws Exception {
    try (DemoSite site = DemoSite.start(TestConfigs.DEMO.resolve("site"), 0)) {
      VedettaConfig config = TestConfigs.editableDemo(dir, SMTP.getSmtp().getPort(), site.baseUrl() + "/feed.xml");
      try (Service service = Service.start(config, Role.ALL, options())) {
        try (KafkaProducer<String, byte[]> producer = new KafkaClients(service.bootstrapServers()).producer("test")) {
          producer.send(new ProducerRecord<>(Topics.ARTICLES, "poison", POISON)).get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> service.deadLettered() == 1);

        CliRun list = CliRun.of("deadletter", "list", "-c", dir.toString());
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("matcher", Topics.ARTICLES + "-", "Article")
            .contains("1 dead letter(s), 1 not replayed");
        assertThat(CliRun.of("deadletter", "list", "-c", dir.toString(), "--stage", "notifier").out())
            .contains("0 dead letter(s)");
        assertThat(CliRun.of("deadletter", "list", "-c", dir.toString(), "--since", "1h").out())
            .contains("1 dead letter(s)");
      }

      // Replayed with no matcher running, so that what reaches the topic is only the replay's doing.
      try (Service service = Service.start(config, Set.of(Role.INGEST), options())) {
        CliRun first = CliRun.of("deadletter", "replay", "-c", dir.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("1 dead letter(s) replayed");
        CliRun second = CliRun.of("deadletter", "replay", "-c", dir.toString());
        assertThat(second.out()).contains("0 dead letter(s) replayed");
        assertThat(CliRun.of("deadletter", "list", "-c", dir.toString()).out())
            .contains("1 dead letter(s), 0 not replayed").doesNotContain(" no ");

        try (TopicReader topics = new TopicReader(service.bootstrapServers(), Topics.ARTICLES)) {
          await().atMost(Duration.ofSeconds(30)).until(() -> topics.poll().count(Topics.ARTICLES) >= 8);
          for (int i = 0; i < 5; i++) {
            topics.poll();
          }
          assertThat(topics.records(Topics.ARTICLES)).filteredOn(DeadLetterCommandIT::isPoison)
              .as("the poison record and its one copy").hasSize(2)
              .extracting(ConsumerRecord::key).containsOnly("poison");
        }
      }
    }

    CliRun stopped = CliRun.of("deadletter", "list", "-c", dir.toString());
    assertThat(stopped.code()).isEqualTo(2);
    assertThat(stopped.err()).contains("no service is running", "vedetta run -c");
    CliRun badSince = CliRun.of("deadletter", "list", "-c", dir.toString(), "--since", "last tuesday");
    assertThat(badSince.code()).isNotZero();
    assertThat(badSince.err()).contains("--since: 'last tuesday'");
  }

  private static boolean isPoison(ConsumerRecord<String, byte[]> r) {
    return Arrays.equals(r.value(), POISON);
  }

  private static Service.Options options() {
    return new Service.Options(java.time.Clock.systemUTC(), null, Duration.ofMillis(100));
  }
}
