package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.demo.DemoSite;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.pipeline.Role;
import org.vedetta.app.pipeline.Service;
import org.vedetta.ingest.PollResult;
import org.vedetta.model.DeadLetter;
import org.vedetta.model.Json;
import org.vedetta.model.Topics;

/**
 * The whole pipeline on real parts: the demo's news site on 127.0.0.1, the embedded Kafka broker, H2, and
 * GreenMail as the SMTP server. What a subscriber receives is read back as a mail.
 */
class PipelineIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  @TempDir
  Path dataDir;

  private DemoSite site;
  private VedettaConfig config;

  @BeforeEach
  void startSite() {
    site = DemoSite.start(TestConfigs.DEMO.resolve("site"), 0);
    config = TestConfigs.demo(dataDir, SMTP.getSmtp().getPort(), site.baseUrl() + "/feed.xml");
  }

  @AfterEach
  void stopSite() {
    site.close();
  }

  @Test
  void theDigestNamesTheFreshDevelopmentsAndNothingTheSeedsSaid() throws Exception {
    try (Service service = Service.start(config, Role.ALL, options())) {
      awaitQueued(service, 3);
      assertThat(service.notifier().sendDigests()).hasSize(1);

      MimeMessage[] mails = SMTP.getReceivedMessages();
      assertThat(mails).hasSize(1);
      assertThat(((jakarta.mail.internet.InternetAddress) mails[0].getAllRecipients()[0]).getAddress())
          .isEqualTo(TestConfigs.SUBSCRIBER);
      String body = GreenMailUtil.getBody(mails[0]);
      String text = decoded(mails[0]);

      // The fresh developments, each with its evidence sentence and link.
      assertThat(text).contains("15.000 soldati nordcoreani").contains("4.000")
          .contains("ratified the Strategic Partnership and Cooperation Treaty")
          .contains(site.baseUrl() + "/articles/nuove-stime-soldati-nordcoreani-russia.html")
          .contains(site.baseUrl() + "/articles/venezuela-ratifies-strategic-partnership-treaty-russia.html");
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
    try (Service service = Service.start(config, Role.ALL, options())) {
      KafkaClients clients = new KafkaClients(service.bootstrapServers());
      byte[] poison = "{this is not an article".getBytes(StandardCharsets.UTF_8);
      try (KafkaProducer<String, byte[]> producer = clients.producer("test")) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES, "poison", poison)).get();
      }
      awaitQueued(service, 3);

      DeadLetter letter = readOne(clients, Topics.DEADLETTER);
      assertThat(letter.stage()).isEqualTo("matcher");
      assertThat(letter.topic()).isEqualTo(Topics.ARTICLES);
      assertThat(letter.key()).isEqualTo("poison");
      assertThat(java.util.Base64.getDecoder().decode(letter.valueBase64())).isEqualTo(poison);
      assertThat(letter.error()).contains("Article");
    }
  }

  @Test
  void aRestartAfterQueueingSendsTheDigestOnce() {
    try (Service service = Service.start(config, Role.ALL, options())) {
      awaitQueued(service, 3);
    }
    try (Service service = Service.start(config, Role.ALL, options())) {
      assertThat(service.notifier().pending(TestConfigs.SUBSCRIBER)).isEqualTo(3);
      assertThat(service.notifier().sendDigests()).hasSize(1);
    }
    try (Service service = Service.start(config, Role.ALL, options())) {
      // The feed is polled again on start: nothing is republished, nothing is queued, nothing is sent.
      await().atMost(Duration.ofSeconds(30)).until(() -> service.ingest().lastResults().containsKey("osservatorio-est"));
      assertThat(service.ingest().lastResults().get("osservatorio-est").published()).isZero();
      assertThat(service.notifier().sendDigests()).isEmpty();
    }
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
  }

  private static Service.Options options() {
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

  private static DeadLetter readOne(KafkaClients clients, String topic) {
    try (KafkaConsumer<String, byte[]> consumer = clients.consumer("test-reader-" + System.nanoTime(), "test")) {
      consumer.subscribe(List.of(topic));
      List<DeadLetter> letters = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          letters.add(Json.read(r.value(), DeadLetter.class));
        }
        return !letters.isEmpty();
      });
      return letters.get(0);
    }
  }

}
