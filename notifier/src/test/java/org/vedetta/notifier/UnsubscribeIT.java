package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vedetta.testsupport.MutableClock;

/** Signed unsubscribe links, RFC 8058 one-click headers, and what an unsubscribed address no longer receives. */
class UnsubscribeIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String ANA = "ana@example.org";
  private static final String BO = "bo@example.org";
  private static final URI PAGE = URI.create("https://vedetta.example.org/unsubscribe");
  private static final String LINK =
      "https://vedetta\\.example\\.org/unsubscribe\\?token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";

  @RegisterExtension
  final TestNotifiers notifiers = new TestNotifiers();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-03T09:00:00Z"));

  private Notifier notifier(Subscriber... subscribers) {
    return notifiers.open(TestNotifiers.builder(TestNotifiers.smtp(SMTP), clock, subscribers).unsubscribeUrl(PAGE));
  }

  private static String tokenOf(String link) {
    return link.substring(link.indexOf("?token=") + "?token=".length());
  }

  private static List<MimeMessage> mailsTo(String email) {
    return Mails.to(email, SMTP.getReceivedMessages());
  }

  private static MailStatus status(Notifier notifier, String email) {
    return notifier.status().stream().filter(s -> s.email().equals(email)).findFirst().orElseThrow();
  }

  @Test
  void everyMailCarriesASignedOneClickUnsubscribeLink() throws Exception {
    Notifier notifier = notifier(Fixtures.subscriber(ANA, "north_korea", 5), Fixtures.subscriber(BO, "north_korea",
        null));
    notifier.accept(Developments.northKoreaTroops());
    notifier.accept(Developments.leaderMeeting()); // an immediate alert for Ana
    notifier.sendDigests();

    String link = notifier.unsubscribeLink(ANA).orElseThrow();
    assertThat(link).matches(LINK).startsWith(PAGE + "?token=");
    assertThat(notifier.unsubscribeLink(BO).orElseThrow()).matches(LINK).isNotEqualTo(link);
    List<MimeMessage> anas = mailsTo(ANA);
    assertThat(anas).hasSize(2); // the alert, then the digest
    for (MimeMessage message : anas) {
      assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + link + ">");
      assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
      Mails mail = Mails.read(message);
      assertThat(mail.html()).contains("href=\"" + link + "\"");
      assertThat(mail.text()).contains("Unsubscribe: " + link);
    }
    assertThat(mailsTo(BO)).singleElement().satisfies(m -> assertThat(m.getHeader("List-Unsubscribe"))
        .containsExactly("<" + notifier.unsubscribeLink(BO).orElseThrow() + ">"));
    assertThat(notifier.unsubscribeAddress(tokenOf(link))).contains(ANA);
  }

  @Test
  void aGenuineTokenNamesItsAddressWithoutChangingAnythingAndAlteredOnesAreRefused() {
    Notifier notifier = notifier(Fixtures.subscriber(ANA, "north_korea", null), Fixtures.subscriber(BO,
        "north_korea", null));
    notifier.accept(Developments.northKoreaTroops());
    String token = tokenOf(notifier.unsubscribeLink(ANA).orElseThrow());

    assertThat(notifier.unsubscribeAddress(token)).contains(ANA);
    assertThat(notifier.pending(ANA)).isEqualTo(1);
    assertThat(status(notifier, ANA).unsubscribedAt()).isNull();

    int dot = token.indexOf('.');
    String mac = token.substring(dot + 1);
    char c = token.charAt(dot + 6);
    String alteredMac = token.substring(0, dot + 6) + (c == 'A' ? 'B' : 'A') + token.substring(dot + 7);
    String otherAddressSameMac = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("eve@example.org".getBytes(StandardCharsets.UTF_8)) + "." + mac;
    String bosAddressAnasMac = tokenOf(notifier.unsubscribeLink(BO).orElseThrow()).split("\\.")[0] + "." + mac;
    String fromAnotherDatabase =
        tokenOf(notifier(Fixtures.subscriber(ANA, "north_korea", null)).unsubscribeLink(ANA).orElseThrow());
    for (String forged : List.of(alteredMac, otherAddressSameMac, bosAddressAnasMac, fromAnotherDatabase,
        token.substring(0, dot), token + "A", "", "not a token", token + "." + mac)) {
      assertThat(notifier.unsubscribeAddress(forged)).as(forged).isEmpty();
      assertThat(notifier.unsubscribe(forged)).as(forged).isEmpty();
    }
    assertThat(notifier.unsubscribeAddress(null)).isEmpty();
    assertThat(notifier.unsubscribe(null)).isEmpty();

    assertThat(notifier.pending(ANA)).isEqualTo(1);
    assertThat(notifier.pending(BO)).isEqualTo(1);
    assertThat(notifier.status()).allSatisfy(s -> assertThat(s.unsubscribedAt()).isNull());
  }

  @Test
  void everyOneCharacterChangeOfATokenIsRefused() {
    Notifier notifier = notifier(Fixtures.subscriber(ANA, "north_korea", null));
    String token = tokenOf(notifier.unsubscribeLink(ANA).orElseThrow());
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) == '.') {
        continue;
      }
      // every other character at the ends (where base64 leaves spare bits), the next one elsewhere
      boolean end = i == token.length() - 1 || token.charAt(i + 1) == '.';
      char next = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % alphabet.length());
      for (char c : end ? alphabet.toCharArray() : new char[] {next}) {
        String altered = token.substring(0, i) + c + token.substring(i + 1);
        if (!altered.equals(token) && notifier.unsubscribeAddress(altered).isPresent()) {
          accepted.add(altered);
        }
      }
    }
    assertThat(accepted).isEmpty();
    assertThat(notifier.unsubscribeAddress(token)).contains(ANA);
  }

  @Test
  void anUnsubscribedAddressLosesItsQueueAndReceivesNothingMoreWhileOthersDo() {
    Notifier notifier = notifier(Fixtures.subscriber(ANA, "north_korea", 5), Fixtures.subscriber(BO, "north_korea",
        5));
    notifier.accept(Developments.northKoreaTroops());
    notifier.accept(Developments.northKoreaCasualties());
    String token = tokenOf(notifier.unsubscribeLink(ANA).orElseThrow());

    assertThat(notifier.unsubscribe(token)).contains(ANA);

    Instant unsubscribedAt = clock.instant();
    assertThat(notifier.pending(ANA)).isZero();
    assertThat(notifier.pending(BO)).isEqualTo(2);
    assertThat(status(notifier, ANA)).extracting(MailStatus::unsubscribedAt, MailStatus::subscribed)
        .containsExactly(unsubscribedAt, true);

    clock.advance(Duration.ofHours(1));
    // queued for Bo only
    assertThat(notifier.accept(Developments.withSeverity(Developments.northKoreaTroops(), 3))).isEqualTo(1);
    assertThat(notifier.accept(Developments.leaderMeeting())).isEqualTo(1); // an alert for Bo only
    assertThat(notifier.pending(ANA)).isZero();
    assertThat(notifier.sendDigests()).extracting(DigestReceipt::email).containsExactly(BO);
    assertThat(notifier.sendDigest(ANA)).isEmpty();
    clock.advance(Duration.ofHours(3));
    assertThat(notifier.retryFailed()).isEmpty();
    assertThat(mailsTo(ANA)).isEmpty();
    assertThat(mailsTo(BO)).hasSize(2);

    // Following the link again (a second click, a mail client's retry) changes nothing.
    assertThat(notifier.unsubscribe(token)).contains(ANA);
    assertThat(notifier.unsubscribeAddress(token)).contains(ANA);
    assertThat(status(notifier, ANA).unsubscribedAt()).isEqualTo(unsubscribedAt);
    assertThat(mailsTo(ANA)).isEmpty();
  }

  @Test
  void anUnsubscribedAddressGetsNoNothingNewMail() {
    Notifier notifier = notifier(Fixtures.everySecond(ANA, "north_korea", true),
        Fixtures.everySecond(BO, "north_korea", true));
    assertThat(notifier.unsubscribe(tokenOf(notifier.unsubscribeLink(ANA).orElseThrow()))).contains(ANA);

    notifier.start();
    await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(BO).size() >= 2);
    notifier.close();

    assertThat(mailsTo(ANA)).isEmpty();
    assertThat(Mails.read(mailsTo(BO).get(0)).text()).contains("No new development on your watchlists");
  }

  @Test
  void withoutAnUnsubscribePageThereIsNoHeaderAndTheFooterSaysWhomToAsk() throws Exception {
    Notifier notifier = notifiers.open(TestNotifiers.builder(TestNotifiers.smtp(SMTP), clock,
        Fixtures.subscriber(ANA, "north_korea", null)));
    notifier.accept(Developments.northKoreaTroops());
    notifier.sendDigests();

    assertThat(notifier.unsubscribeLink(ANA)).isEqualTo(Optional.empty());
    MimeMessage message = SMTP.getReceivedMessages()[0];
    assertThat(message.getHeader("List-Unsubscribe")).isNull();
    assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
    Mails mail = Mails.read(message);
    for (String body : List.of(mail.text(), mail.html())) {
      assertThat(body).contains("To stop these mails, ask the person who runs your Vedetta.")
          .doesNotContain("token=");
    }
  }
}
