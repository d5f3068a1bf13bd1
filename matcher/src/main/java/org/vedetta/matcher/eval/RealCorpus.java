package org.vedetta.matcher.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;
import org.vedetta.settings.YamlSettings;

/**
 * The real-news corpus ({@code config/knowledge/eval/real/}): articles as published ({@code articles/<lang>.yml}),
 * their adjudicated labels ({@code labels/<lang>.yml}) or one annotator's ({@code annotations/<name>/<lang>.yml}),
 * and the frozen split ({@code split.yml}): the test part is scored, never read to change rules.
 */
public final class RealCorpus {

  /** Which part of the corpus to score. */
  public enum Part { DEV, TEST, ALL }

  /** An article as published, with where it was found. */
  public record Published(String id, String url, String outlet, LocalDate published, String publishedFrom,
      String language, String title, String text, String foundWith) implements Validated {
    @Override
    public void validate(Problems problems) {
      problems.require(id, "id");
      problems.require(url, "url");
      problems.require(outlet, "outlet");
      problems.require(published, "published");
      problems.require(language, "language");
      problems.require(text, "text");
    }
  }

  /** An {@code articles/<lang>.yml} file. */
  public record ArticlesFile(List<Published> articles) {}

  /** What an annotator read in one article; the form of {@code labels/} and {@code annotations/} files. */
  public record Labels(String id, boolean onTopic, List<String> mentions, List<Claim> claims, String note) {
    public Labels {
      mentions = mentions == null ? List.of() : List.copyOf(mentions);
      claims = claims == null ? List.of() : List.copyOf(claims);
    }
  }

  /** A labelled claim as written in a labels file; {@code date} and {@code note} are for people. */
  public record Claim(String sentence, String subject, String event, String treaty, Long low, Long high,
      String role, boolean planned, boolean ownNews, String verdict, String date, String note) {}

  /** A labels file. */
  public record LabelsFile(List<Labels> labels) {}

  /**
   * {@code split.yml}: how the test part was drawn, wave by wave of collection, and its ids.
   *
   * @param method how each wave was split
   * @param waves  the waves, each with the seed of its draw and the commit that froze it
   * @param test   the ids of the test part
   */
  public record Split(String method, List<Wave> waves, List<String> test) {
    public Split {
      waves = waves == null ? List.of() : List.copyOf(waves);
      test = test == null ? List.of() : List.copyOf(test);
    }
  }

  /** One wave of collection: which articles, the seed of its random draw, the commit that froze its split. */
  public record Wave(String articles, long seed, String commit) {}

  static final Set<String> VERDICTS = Set.of("new", "changed", "confirmed", "known");

  private final List<Published> published;
  private final Split split;
  private final Path dir;

  private RealCorpus(Path dir, List<Published> published, Split split) {
    this.dir = dir;
    this.published = published;
    this.split = split;
  }

  /** Reads the articles and the split; labels are read by {@link #labelled}. */
  public static RealCorpus load(Path dir) {
    List<Published> all = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Path file : yamlFiles(dir.resolve("articles"))) {
      ArticlesFile f = YamlSettings.read(file, display(dir, file), ArticlesFile.class,
          (v, p) -> p.eachWith("articles", v.articles(), (a, at) -> {
            a.validate(at);
            at.check(ids.add(a.id()), "id", "'" + a.id() + "' is not unique");
          }));
      all.addAll(f.articles());
    }
    Split split = YamlSettings.read(dir.resolve("split.yml"), display(dir, dir.resolve("split.yml")), Split.class,
        (s, p) -> s.test().forEach(id -> p.check(ids.contains(id), "test", "unknown article '" + id + "'")));
    return new RealCorpus(dir, List.copyOf(all), split);
  }

  public Split split() {
    return split;
  }

  public int size() {
    return published.size();
  }

  /** The articles of a part with the adjudicated labels ({@code labels/}). */
  public List<LabelledArticle> labelled(Part part) {
    return labelled(part, "labels");
  }

  /**
   * The articles of a part with the labels of a folder under the corpus ({@code labels}, {@code annotations/a});
   * every article must be labelled once, and every labelled sentence must occur in its article.
   */
  public List<LabelledArticle> labelled(Part part, String labelsDir) {
    Map<String, Published> byId = new HashMap<>();
    published.forEach(a -> byId.put(a.id(), a));
    Set<String> test = new HashSet<>(split.test());
    Map<String, LabelledArticle> labelled = new HashMap<>();
    for (Path file : yamlFiles(dir.resolve(labelsDir))) {
      YamlSettings.read(file, display(dir, file), LabelsFile.class, (f, p) -> p.eachWith("labels", f.labels(),
          (l, at) -> {
            Published a = byId.get(l.id());
            if (a == null) {
              at.add("id", "unknown article '" + l.id() + "'");
              return;
            }
            at.check(!labelled.containsKey(l.id()), "id", "'" + l.id() + "' is labelled twice");
            at.eachWith("claims", l.claims(), (c, cat) -> check(c, a, cat));
            labelled.put(l.id(), toArticle(a, l));
          }));
    }
    List<LabelledArticle> result = new ArrayList<>();
    List<String> unlabelled = new ArrayList<>();
    for (Published a : published) {
      boolean inTest = test.contains(a.id());
      if (part == Part.ALL || (part == Part.TEST) == inTest) {
        LabelledArticle l = labelled.get(a.id());
        if (l == null) {
          unlabelled.add(a.id());
        } else {
          result.add(l);
        }
      }
    }
    if (!unlabelled.isEmpty()) {
      throw new IllegalStateException(labelsDir + " does not label " + unlabelled);
    }
    return result;
  }

  private static void check(Claim c, Published a, Problems at) {
    at.require(c.subject(), "subject");
    at.require(c.event(), "event");
    at.check(c.verdict() != null && VERDICTS.contains(c.verdict()), "verdict",
        "must be new, changed, confirmed or known");
    at.check(c.sentence() != null && a.text().contains(c.sentence()), "sentence", "is not in the article's text");
  }

  private static LabelledArticle toArticle(Published a, Labels l) {
    List<LabelledArticle.ExpectedClaim> claims = l.claims().stream()
        .map(c -> new LabelledArticle.ExpectedClaim(c.sentence(), c.subject(), c.event(), c.treaty(), c.low(),
            c.high(), c.role(), c.planned(), c.ownNews(), c.verdict()))
        .toList();
    return new LabelledArticle(a.id(), a.language(), a.published(), a.title(), a.text(), l.onTopic(),
        l.mentions(), claims);
  }

  private static String display(Path dir, Path file) {
    return "eval/" + dir.getFileName() + "/" + dir.relativize(file);
  }

  static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }
}
