package org.vedetta.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vedetta.model.Claim;
import org.vedetta.model.Mention;

/**
 * Soft hyphens, zero-width spaces, word joiners and narrow spaces, which German and Italian pages put inside names
 * and figures ({@code Nord&shy;korea}), read as if they were not there: the same mentions and claims as the clean
 * text, highlighted at the right place of the text as published.
 */
class InvisibleCharactersTest {

  private static final String CLEAN = "Nordkorea hat nach Angaben aus Seoul weitere 3.000 Soldaten nach Russland"
      + " geschickt, die in der Region Kursk kämpfen sollen.";
  private static final String MARKED = "Nord\u00adkorea hat nach Angaben aus Seoul weitere 3.000\u2060 Sol\u200bdaten"
      + " nach\u00a0Russ\u00adland geschickt, die in der Region\u2002Kursk kämpfen sollen.";

  private final Matcher matcher = Knowledge.matcher();

  @Test
  void namesAndFiguresWithInvisibleCharactersReadAsTheCleanText() {
    MatchResult clean = analyze(CLEAN);
    MatchResult marked = analyze(MARKED);

    assertThat(clean.assessments()).isNotEmpty();
    assertThat(claims(marked)).isEqualTo(claims(clean));
    assertThat(mentions(marked)).isEqualTo(mentions(clean)).contains("north_korea", "russia");
  }

  @Test
  void highlightsCoverTheNameAsPublished() {
    MatchResult marked = analyze(MARKED);

    List<String> highlighted = marked.assessments().stream()
        .flatMap(a -> a.claim().highlights().stream())
        .map(h -> MARKED.substring(h.start(), h.end()))
        .toList();
    assertThat(highlighted).contains("Nord\u00adkorea");
  }

  private MatchResult analyze(String text) {
    return matcher.analyze(Knowledge.article("wire", "https://example.org/" + text.length(), "", text, "de",
        "2026-11-20T08:00:00Z"));
  }

  private static List<String> claims(MatchResult result) {
    return result.assessments().stream().map(a -> a.claim())
        .map(c -> c.subject() + " " + c.event() + " " + quantity(c) + " " + a(c)).toList();
  }

  private static String quantity(Claim c) {
    return c.quantity() == null ? "-" : c.quantity().low() + ".." + c.quantity().high() + " " + c.quantity().role();
  }

  private static String a(Claim c) {
    return c.planned() ? "planned" : "done";
  }

  private static List<String> mentions(MatchResult result) {
    return result.tagged().orElseThrow().mentions().stream().map(Mention::entityId).distinct().sorted().toList();
  }
}
