package org.vedetta.notifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.model.Evidence;
import org.vedetta.notifier.Developments;
import org.vedetta.notifier.Fixtures;
import org.vedetta.notifier.Subscriber;

/** The templates and the layout they are given, without a database or a server. */
class DigestTemplatesTest {

  private static final String UNSUBSCRIBE = "https://vedetta.example.org/unsubscribe?token=abc.def";

  private final DigestTemplates templates = new DigestTemplates();
  private final Subscriber ana = Fixtures.subscriber("ana@example.org", "north_korea", null);

  private DigestTemplates.Rendered render(boolean immediate, Development... items) {
    return render(ana, immediate, items);
  }

  private DigestTemplates.Rendered render(Subscriber to, boolean immediate, Development... items) {
    return render(to, immediate, d -> null, items);
  }

  private DigestTemplates.Rendered render(Subscriber to, boolean immediate,
      java.util.function.Function<Development, String> figures, Development... items) {
    Wording wording = new Wording(to.language(), Fixtures.NAMES, "russia");
    DigestView view = DigestView.of(Digest.of(to, List.of(items), immediate, Instant.EPOCH), wording,
        d -> List.of("North Korea"), Map.of(), figures, UNSUBSCRIBE, null);
    return templates.render(view, wording.locale());
  }

  @Test
  void linksEachDevelopmentWithAFigureToItsTimeline() {
    String link = "https://vedetta.example/knowledge/figures?key=north_korea%7Ccasualties%7Crussia%7C-";
    DigestTemplates.Rendered r = render(ana, false, d -> d.claim().quantity() == null ? null : link,
        Developments.northKoreaCasualties(), Developments.venezuelaRatification());
    assertThat(r.text()).contains("Figures over time: " + link);
    assertThat(r.text().split("Figures over time", -1)).as("one link, for the one figure").hasSize(2);
    assertThat(r.html()).contains("href=\"" + link.replace("&", "&amp;") + "\"", ">Figures over time</a>");
    assertThat(render(false, Developments.northKoreaCasualties()).text()).doesNotContain("Figures over time");
  }

  @Test
  void showsEveryPartOfADevelopmentInBothBodies() {
    Development casualties = Developments.northKoreaCasualties();
    DigestTemplates.Rendered r = render(false, Developments.venezuelaRatification(), casualties);
    for (String body : List.of(r.text(), r.html())) {
      assertThat(body).contains("CHANGED", "NEW", "North Korea — casualties: at least 4,700 soldiers",
          "Known before:", "about 1,000 soldiers (January 2025)", " soldiers have been killed or wounded", "bbc",
          "North Korean losses rise in Kursk", casualties.evidence().url(), "1 Nov 2025", "North Korea",
          "Venezuela — treaty ratified: Russia–Venezuela strategic partnership", "28 Oct 2025", UNSUBSCRIBE);
    }
    assertThat(r.text()).contains("At least *4,700* *North Korean* soldiers have been killed or wounded, Seoul's"
        + " intelligence service said.");
    assertThat(r.html()).contains("soldiers have been killed or wounded, Seoul&#39;s intelligence service said.");
    assertThat(r.text().indexOf("CHANGED")).isLessThan(r.text().indexOf("NEW"));
    assertThat(r.subject()).isEqualTo("Vedetta: 2 new developments — North Korea — casualties: at least 4,700"
        + " soldiers");
  }

  @Test
  void setsMoreTroopsAgainstTheKnownTotalAndSaysAPlanIsOne() {
    DigestTemplates.Rendered en = render(false, Developments.plannedIncrement());
    assertThat(en.text()).contains("North Korea — troop deployment: 6,000 more soldiers (planned)",
        "6,000 more soldiers, on top of the known 10,000–12,000 soldiers.")
        .doesNotContain("below the lowest known figure");
    Subscriber italian = new Subscriber("it@example.org", null, List.of("north_korea"), "0 0 7 * * ?",
        java.time.ZoneId.of("Europe/Rome"), null, "it");
    assertThat(render(italian, false, Developments.plannedIncrement()).text())
        .contains("6.000 soldati in più (annunciato)", "6.000 soldati in più, oltre ai 10.000–12.000 soldati noti.");
  }

  @Test
  void namesWhatACasualtyFigureCounts() {
    Development d = Developments.northKoreaCasualties();
    Claim c = d.claim();
    Claim killed = new Claim(c.subject(), c.event(), c.counterparty(), c.treaty(), c.quantity().withRole("killed"),
        c.date(), c.sentence(), c.start(), c.end(), c.attribution(), c.highlights(), c.confirms());
    Development k = new Development(d.schema(), d.id(), d.claimKey(), d.verdict(), d.severity(), d.headline(), killed,
        d.evidence(), d.comparedFacts(), d.known(), d.knownFacts(), d.detectedAt());
    assertThat(render(false, k).text()).contains("North Korea — casualties: at least 4,700 soldiers killed");
  }

  @Test
  void marksClaimsSourcedToStateMedia() {
    Development d = Developments.northKoreaCasualties();
    DigestTemplates.Rendered r = render(false, Developments.attributedTo(d, "kcna"));
    assertThat(r.text()).contains("Sourced to state media: KCNA");
    assertThat(r.html()).contains("Sourced to state media: KCNA");
    assertThat(render(false, d).text()).doesNotContain("state media");
  }

  @Test
  void escapesArticleTextInHtml() {
    Development hostile = Developments.withSentence(Developments.northKoreaTroops(),
        "Troops <script>alert('x')</script> & \"more\" <b>arrived</b>", "arrived");
    DigestTemplates.Rendered r = render(false, hostile);
    assertThat(r.html()).doesNotContain("<script", "<b>arrived")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot; &lt;b&gt;<strong");
    assertThat(r.text()).contains("Troops <script>alert('x')</script> & \"more\" <b>*arrived*</b>");
  }

  @Test
  void dropsLinksThatAreNotWebLinks() {
    Development d = Developments.northKoreaTroops();
    Evidence e = d.evidence();
    Development scripted = Developments.withEvidence(d, new Evidence(e.articleId(), e.sourceId(),
        "javascript:alert(1)", e.title(), e.publishedAt()));
    DigestTemplates.Rendered r = render(false, scripted);
    assertThat(r.html()).doesNotContain("javascript:").contains(e.title());
    assertThat(r.text()).doesNotContain("javascript:").contains(e.title());
    assertThat(DigestView.webLink(" HTTPS://example.org/a ")).isEqualTo("HTTPS://example.org/a");
    assertThat(DigestView.webLink("data:text/html,x")).isNull();
    assertThat(DigestView.webLink("//example.org/a")).isNull();
  }

  @Test
  void datesFallBackToPublicationInTheSubscribersZone() {
    DigestTemplates.Rendered r = render(false, Developments.northKoreaTroops());
    // published 2025-11-02T18:30Z is 19:30 in Rome: still 2 Nov
    assertThat(r.text()).contains("2 Nov 2025");
    assertThat(r.html()).contains("2 Nov 2025").contains("max-width:640px").doesNotContain("<script");
    Subscriber inSeoul = new Subscriber("ana@example.org", null, List.of("north_korea"), "0 0 7 * * ?",
        java.time.ZoneId.of("Asia/Seoul"), null, null);
    // ... and 03:30 on 3 Nov in Seoul
    assertThat(render(inSeoul, false, Developments.northKoreaTroops()).text()).contains("3 Nov 2025")
        .doesNotContain("2 Nov 2025");
  }

  @Test
  void immediateAlertHasItsOwnSubject() {
    Development meeting = Developments.leaderMeeting();
    assertThat(render(true, meeting).subject()).isEqualTo("Vedetta alert: North Korea — leader meeting");
    assertThat(render(true, meeting, Developments.northKoreaTroops()).subject())
        .isEqualTo("Vedetta alert: 2 new developments — North Korea — leader meeting");
    assertThat(render(false, meeting).subject()).isEqualTo("Vedetta: 1 new development — North Korea — leader"
        + " meeting");
  }

  @Test
  void textBodyReadsCleanly() {
    String text = render(false, Developments.northKoreaCasualties()).text();
    // a section is set off by two blank lines, a group by one; never more
    assertThat(text).startsWith("VEDETTA — Digest: 1 new development\n\n\n== North Korea ==\n")
        .doesNotContain("\n\n\n\n")
        .contains("""
            == North Korea ==

            -- North Korea --

            1. CHANGED · severity 4/5 · 1 Nov 2025
               North Korea — casualties: at least 4,700 soldiers
               Now at least 4,700 soldiers: 370% above the highest known figure (about 1,000 soldiers).
               Known before: about 1,000 soldiers (January 2025)
               "At least *4,700* *North Korean* soldiers have been killed or wounded, Seoul's intelligence service said."
               Source: bbc — North Korean losses rise in Kursk
               https://www.bbc.example/nk-casualties
            """)
        .endsWith("""
            --
            You receive this mail because you follow watchlists on Vedetta.
            Unsubscribe: https://vedetta.example.org/unsubscribe?token=abc.def
            """);
  }

  @Test
  void segmentsFollowTheClaimsArticleOffsets() {
    String sentence = "About 15,000 North Korean soldiers are in Kursk.";
    int start = 500;
    Claim.Span figure = Developments.span(sentence, start, "15,000");
    Claim.Span mention = Developments.span(sentence, start, "North Korean");
    Claim.Span inTheHeadline = new Claim.Span(3, 9);
    Claim.Span pastTheSentence = new Claim.Span(start + sentence.length() - 2, start + sentence.length() + 5);
    Claim claim = new Claim("north_korea", "troop_deployment", "russia", null, null, null, sentence, start,
        start + sentence.length(), null, List.of(mention, inTheHeadline, figure, pastTheSentence), null);

    assertThat(DigestView.segments(claim)).containsExactly(
        new DigestView.Segment("About ", false),
        new DigestView.Segment("15,000", true),
        new DigestView.Segment(" ", false),
        new DigestView.Segment("North Korean", true),
        new DigestView.Segment(" soldiers are in Kursk.", false));
    assertThat(DigestView.segments(new Claim("north_korea", "troop_deployment", "russia", null, null, null,
        sentence, start, start + sentence.length()))).containsExactly(new DigestView.Segment(sentence, false));
  }
}
