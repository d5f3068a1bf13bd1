package org.vedetta.matcher.eval;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;
import org.vedetta.settings.YamlSettings;

/**
 * One case of the invented evaluation set ({@code config/knowledge/eval/<lang>.yml}): a passage written for
 * the set and what a careful analyst tags and reads in it.
 *
 * @param id        unique across the set, e.g. {@code it-01}
 * @param published publication date; relative dates are read against it
 * @param title     headline, optional
 * @param text      the article or passage
 * @param mentions  ids of every tracked entity and treaty named in title and text
 * @param claims    every claim, with its verdict against the baseline
 * @param note      why, for people
 */
public record LabelledCase(String id, LocalDate published, String title, String text, List<String> mentions,
    List<ExpectedClaim> claims, String note) implements Validated {

  /**
   * A claim an analyst reads.
   *
   * @param subject entity id of who acts
   * @param event   event type id
   * @param treaty  treaty id for treaty events
   * @param low     the figure's low end, when one is stated
   * @param high    the figure's high end
   * @param verdict new, changed, confirmed or known
   */
  public record ExpectedClaim(String subject, String event, String treaty, Long low, Long high, String verdict) {}

  public LabelledCase {
    title = title == null ? "" : title;
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
    claims = claims == null ? List.of() : List.copyOf(claims);
  }

  @Override
  public void validate(Problems problems) {
    problems.require(id, "id");
    problems.require(published, "published");
    problems.require(text, "text");
    problems.eachWith("claims", claims, (c, at) -> {
      at.require(c.subject(), "subject");
      at.require(c.event(), "event");
      at.check(RealCorpus.VERDICTS.contains(c.verdict()), "verdict", "must be new, changed, confirmed or known");
    });
  }

  /** A file of the set: {@code eval/<lang>.yml}. */
  public record CasesFile(List<LabelledCase> cases) {
    public CasesFile {
      cases = cases == null ? List.of() : cases;
    }
  }

  /**
   * Every case of the set in {@code dir}, one file per language. Its passages carry neither sentences nor roles
   * nor an own-news flag: a claim that is not known counts as the passage's own news, and every passage as on
   * topic (its traps are scored by their claims).
   */
  public static List<LabelledArticle> readSet(Path dir) {
    List<LabelledArticle> articles = new ArrayList<>();
    for (Path file : RealCorpus.yamlFiles(dir)) {
      String language = file.getFileName().toString().replace(".yml", "");
      CasesFile cases = YamlSettings.read(file, dir.getFileName() + "/" + file.getFileName(), CasesFile.class,
          (f, p) -> p.each("cases", f.cases()));
      for (LabelledCase c : cases.cases()) {
        articles.add(new LabelledArticle(c.id(), language, c.published(), c.title(), c.text(), true, c.mentions(),
            c.claims().stream().map(e -> new LabelledArticle.ExpectedClaim(null, e.subject(), e.event(),
                e.treaty(), e.low(), e.high(), null, false, !"known".equals(e.verdict()), e.verdict())).toList()));
      }
    }
    return articles;
  }
}
