package org.vedetta.notifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vedetta.model.Development;
import org.vedetta.model.Evidence;
import org.vedetta.notifier.Developments;
import org.vedetta.notifier.Fixtures;
import org.vedetta.notifier.Subscriber;

class DigestTemplatesTest {

  private static final String UNSUBSCRIBE = "mailto:vedetta@localhost?subject=unsubscribe";

  private final DigestTemplates templates = new DigestTemplates();
  private final Subscriber ana = Fixtures.subscriber("ana@example.org", "north_korea", null);

  private DigestTemplates.Rendered render(boolean immediate, Development... items) {
    return templates.render(Digest.of(ana, List.of(items), immediate, Instant.EPOCH), d -> List.of("North Korea"),
        UNSUBSCRIBE);
  }

  @Test
  void showsEveryPartOfADevelopmentInBothBodies() {
    Development casualties = Developments.northKoreaCasualties();
    DigestTemplates.Rendered r = render(false, Developments.venezuelaRatification(), casualties);
    for (String body : List.of(r.text(), r.html())) {
      assertThat(body).contains("CHANGED", "NEW", casualties.headline(), "about 1,000 soldiers, 2025-01",
          "At least 4,700 North Korean soldiers have been killed or wounded", "bbc",
          "North Korean losses rise in Kursk", casualties.evidence().url(), "1 Nov 2025", "North Korea",
          UNSUBSCRIBE);
    }
    assertThat(r.text()).contains(casualties.claim().sentence());
    assertThat(r.html()).contains(casualties.claim().sentence().replace("'", "&#39;"));
    assertThat(r.text().indexOf("CHANGED")).isLessThan(r.text().indexOf("NEW"));
    assertThat(r.subject()).isEqualTo("Vedetta: 2 new developments — " + casualties.headline());
  }

  @Test
  void marksClaimsSourcedToStateMedia() {
    Development d = Developments.northKoreaCasualties();
    org.vedetta.model.Claim c = d.claim();
    Development kcna = new Development(d.schema(), d.id(), d.claimKey(), d.verdict(), d.severity(), d.headline(),
        new org.vedetta.model.Claim(c.subject(), c.event(), c.counterparty(), c.treaty(), c.quantity(), c.date(),
            c.sentence(), c.start(), c.end(), "kcna", List.of(), null),
        d.evidence(), d.comparedFacts(), d.known(), d.detectedAt());
    DigestTemplates.Rendered r = render(false, kcna);
    assertThat(r.text()).contains("Sourced to state media: KCNA");
    assertThat(r.html()).contains("Sourced to state media: KCNA");
    assertThat(render(false, d).text()).doesNotContain("state media");
  }

  @Test
  void escapesArticleTextInHtml() {
    Development hostile = Developments.withSentence(Developments.northKoreaTroops(),
        "Troops <script>alert('x')</script> & \"more\" <b>arrived</b>");
    DigestTemplates.Rendered r = render(false, hostile);
    assertThat(r.html()).doesNotContain("<script", "<b>arrived")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;");
    assertThat(r.text()).contains("Troops <script>alert('x')</script> & \"more\" <b>arrived</b>");
  }

  @Test
  void dropsLinksThatAreNotWebLinks() {
    Development d = Developments.northKoreaTroops();
    Evidence e = d.evidence();
    Development scripted = new Development(d.schema(), d.id(), d.claimKey(), d.verdict(), d.severity(),
        d.headline(), d.claim(), new Evidence(e.articleId(), e.sourceId(), "javascript:alert(1)", e.title(),
        e.publishedAt()), d.comparedFacts(), d.known(), d.detectedAt());
    DigestTemplates.Rendered r = render(false, scripted);
    assertThat(r.html()).doesNotContain("javascript:").contains(e.title());
    assertThat(r.text()).doesNotContain("javascript:");
  }

  @Test
  void datesFallBackToPublicationInTheSubscribersZone() {
    DigestTemplates.Rendered r = render(false, Developments.northKoreaTroops());
    // published 2025-11-02T18:30Z is 19:30 in Rome: still 2 Nov
    assertThat(r.text()).contains("2 Nov 2025");
    assertThat(r.html()).contains("2 Nov 2025").contains("max-width:640px").doesNotContain("<script");
  }

  @Test
  void immediateAlertHasItsOwnSubject() {
    Development meeting = Developments.leaderMeeting();
    assertThat(render(true, meeting).subject()).isEqualTo("Vedetta alert: " + meeting.headline());
    assertThat(render(false, meeting).subject()).isEqualTo("Vedetta: 1 new development — " + meeting.headline());
  }

  @Test
  void textBodyReadsCleanly() {
    String text = render(false, Developments.northKoreaCasualties()).text();
    assertThat(text).startsWith("VEDETTA — Digest: 1 new development\n")
        .doesNotContain("\n\n\n")
        .contains("""
            1. CHANGED · severity 4/5 · 1 Nov 2025
               North Korea — casualties: at least 4,700 soldiers
               Known before: about 1,000 soldiers, 2025-01
               "At least 4,700 North Korean soldiers have been killed or wounded, Seoul's intelligence service said."
               Source: bbc — North Korean losses rise in Kursk
               https://www.bbc.example/nk-casualties
               Watchlist: North Korea
            """);
  }
}
