package org.vedetta.notifier;

import org.vedetta.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file outbox the demo uses by default. */
class OutboxIT {

  @TempDir
  Path dir;

  @Test
  void writesAParseableEmlPerDigest() throws Exception {
    Path outbox = dir.resolve("outbox");
    DataSource db = Fixtures.memoryDatabase();
    MutableClock clock = new MutableClock(Instant.parse("2025-11-03T06:00:05Z"));
    Subscriber ana = new Subscriber("ana@example.org", "Ana Rossi", List.of("north_korea"), "0 0 7 * * ?", null,
        null, null);
    // id-based names: the subject below reads "North korea"
    try (Notifier notifier = TestNotifiers.builder(db, new MailSettings(outbox, null, "Vedetta <alerts@example.org>"),
        clock, ana).names(DisplayNames.fromIds()).build()) {
      notifier.accept(Developments.northKoreaTroops());
      notifier.accept(Developments.northKoreaCasualties());

      List<DigestReceipt> receipts = notifier.sendDigests();

      assertThat(receipts).hasSize(1);
      DigestReceipt receipt = receipts.get(0);
      String id = receipt.messageId().substring(1, receipt.messageId().indexOf('@'));
      Path eml = outbox.resolve("20251103-060005-" + id + ".eml");
      assertThat(receipt.where()).isEqualTo(eml.toString());
      try (Stream<Path> files = Files.list(outbox)) {
        assertThat(files).containsExactly(eml);
      }

      MimeMessage message;
      try (InputStream in = Files.newInputStream(eml)) {
        message = new MimeMessage(Session.getInstance(new Properties()), in);
      }
      assertThat(message.getHeader("Message-ID")).containsExactly(receipt.messageId());
      assertThat(message.getFrom()).containsExactly(new InternetAddress("alerts@example.org", "Vedetta"));
      assertThat(message.getHeader("List-Unsubscribe")).isNull(); // no unsubscribe page configured
      Mails mail = Mails.read(message);
      assertThat(mail.subject()).startsWith("Vedetta: 2 new developments — North korea — ");
      assertThat(mail.text()).contains("Hello Ana Rossi,", "sono stati schierati nella regione di Kursk.");
      assertThat(mail.html()).contains("Hello Ana Rossi,", "sono stati schierati nella regione di Kursk.");

      assertThat(notifier.sendDigests()).isEmpty();
      try (Stream<Path> files = Files.list(outbox)) {
        assertThat(files).hasSize(1);
      }
    }
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select subscriber, items, outbox_path from notifier_digest")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("ana@example.org");
      assertThat(rows.getInt(2)).isEqualTo(2);
      assertThat(rows.getString(3)).endsWith(".eml");
      assertThat(rows.next()).isFalse();
    }
  }
}
