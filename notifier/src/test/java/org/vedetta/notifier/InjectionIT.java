package org.vedetta.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Header;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vedetta.model.Development;
import org.vedetta.model.Evidence;
import org.vedetta.testsupport.MutableClock;

/** What a hostile article, name or configuration value can do to a mail: nothing. */
class InjectionIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String ANA = "ana@example.org";
  /** The highlight as the HTML template marks it. */
  private static final String STRONG = "<strong style=\"background:#fef3c7;color:#111827;\">";

  @RegisterExtension
  final TestNotifiers notifiers = new TestNotifiers();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-03T09:00:00Z"));

  private Notifier notifier(Subscriber subscriber, DisplayNames names) {
    return notifiers.open(TestNotifiers.builder(TestNotifiers.smtp(SMTP), clock, subscriber).names(names));
  }

  @Test
  void lineBreaksInANameOrAnEntityNameCannotAddHeadersOrRecipients() throws Exception {
    Subscriber ana = new Subscriber(ANA, "Ana\r\nBcc: eve@example.org", List.of("north_korea"), "0 0 7 * * ?",
        ZoneId.of("UTC"), null, null);
    DisplayNames hostile = (id, language) -> "north_korea".equals(id) ? "North Korea\r\nBcc: mallory@example.org"
        : Fixtures.NAMES.name(id, language);
    Notifier notifier = notifier(ana, hostile);
    notifier.accept(Developments.northKoreaTroops());

    notifier.sendDigests();

    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(SMTP.getUserManager().listUser()).extracting(GreenMailUser::getEmail).containsExactly(ANA);
    MimeMessage message = SMTP.getReceivedMessages()[0];
    assertThat(message.getHeader("Bcc")).isNull();
    assertThat(message.getHeader("Cc")).isNull();
    List<String> names = new ArrayList<>();
    for (Header h : Collections.list(message.getAllHeaders())) {
      names.add(h.getName());
    }
    assertThat(names).doesNotContain("Bcc", "bcc", "Cc");
    assertThat(message.getHeader("Subject")).hasSize(1);
    assertThat(message.getSubject()).doesNotContain("\r", "\n")
        .isEqualTo("Vedetta: 1 new development — North Korea Bcc: mallory@example.org — troop deployment: about"
            + " 15,000 soldiers");
    assertThat(message.getRecipients(MimeMessage.RecipientType.TO)).singleElement().satisfies(to -> {
      assertThat(((InternetAddress) to).getAddress()).isEqualTo(ANA);
      assertThat(((InternetAddress) to).getPersonal()).isEqualTo("Ana Bcc: eve@example.org");
    });
  }

  @Test
  void articleMarkupIsEscapedInHtmlAndTheHighlightStaysOnTheFigure() {
    Notifier notifier = notifier(Fixtures.subscriber(ANA, "north_korea", null), Fixtures.NAMES);
    Development troops = Developments.northKoreaTroops();
    Development hostile = Developments.withSentence(troops,
        "Troops <script>alert(\"x\")</script> & <b>15.000</b> \"more\" soldati", "15.000");
    Evidence e = hostile.evidence();
    notifier.accept(Developments.withEvidence(hostile, new Evidence(e.articleId(), "<script>src()</script>",
        "https://example.org/a?b=\"><script>c()</script>", "<b>Bold</b> \"title\" <script>t()</script>",
        e.publishedAt())));

    notifier.sendDigests();

    Mails mail = Mails.read(SMTP.getReceivedMessages()[0]);
    assertThat(mail.html()).doesNotContain("<script", "<b>")
        .contains("Troops &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" + STRONG
            + "15.000</strong>&lt;/b&gt; &quot;more&quot; soldati")
        .contains("&lt;script&gt;src()&lt;/script&gt;")
        .contains("&lt;b&gt;Bold&lt;/b&gt; &quot;title&quot; &lt;script&gt;t()&lt;/script&gt;")
        .contains("href=\"https://example.org/a?b=&quot;&gt;&lt;script&gt;c()&lt;/script&gt;\"");
    assertThat(mail.text())
        .contains("\"Troops <script>alert(\"x\")</script> & <b>*15.000*</b> \"more\" soldati\"")
        .contains("<b>Bold</b> \"title\"");
  }

  @Test
  void aHeadlineWithLineBreaksOrOfPagesStaysOneBoundedLineInTheTextPart() {
    Notifier notifier = notifier(Fixtures.subscriber(ANA, "north_korea", null), Fixtures.NAMES);
    Development troops = Developments.northKoreaTroops();
    Evidence e = troops.evidence();
    String title = "Seoul: more troops\r\nBcc: eve@example.org\n\nFrom: ceo@example.org " + "very long ".repeat(1_000);
    notifier.accept(Developments.withEvidence(troops, new Evidence(e.articleId(), "ansa", e.url(), title,
        e.publishedAt())));

    notifier.sendDigests();

    Mails mail = Mails.read(SMTP.getReceivedMessages()[0]);
    assertThat(mail.text().lines()).noneMatch(line -> line.startsWith("Bcc:") || line.startsWith("From:"));
    String shown = mail.text().lines().filter(line -> line.contains("Seoul: more troops")).findFirst().orElseThrow();
    assertThat(shown).contains("Seoul: more troops Bcc: eve@example.org From: ceo@example.org very long")
        .endsWith("…").hasSizeLessThan(300);
    assertThat(mail.html()).doesNotContain("very long ".repeat(30));
  }

  @Test
  void linksThatAreNotWebLinksAreDropped() {
    Notifier notifier = notifier(Fixtures.subscriber(ANA, "north_korea", null), Fixtures.NAMES);
    Development troops = Developments.northKoreaTroops();
    List<String> hostileLinks = List.of("javascript:alert(1)", " JavaScript:alert(2)", "data:text/html,<p>x</p>",
        "vbscript:msgbox(3)");
    for (String link : hostileLinks) {
      Evidence e = troops.evidence();
      notifier.accept(Developments.withEvidence(troops, new Evidence(e.articleId(), "ansa", link,
          "Title for " + link.strip().substring(0, 4), e.publishedAt())));
    }

    notifier.sendDigests();

    Mails mail = Mails.read(SMTP.getReceivedMessages()[0]);
    for (String body : List.of(mail.html(), mail.text())) {
      assertThat(body.toLowerCase()).doesNotContain("javascript:", "data:", "vbscript:");
      assertThat(body).contains("Title for java", "Title for Java", "Title for data", "Title for vbsc");
    }
    assertThat(mail.html()).doesNotContain("<a href=\"javascript", "<a href=\"data");
  }
}
