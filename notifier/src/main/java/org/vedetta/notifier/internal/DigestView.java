package org.vedetta.notifier.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.model.Evidence;
import org.vedetta.model.Headlines;

/**
 * What one mail says, in the subscriber's language, laid out for the templates: a section per watchlist, in it a
 * group per entity, each holding its developments; sections, groups and items most severe first. A development
 * that matches several of the subscriber's watchlists appears once, in the first, and names the others.
 *
 * @param subject     the Subject header
 * @param heading     the first line of the mail
 * @param greeting    "Hello Ana," or {@code null}
 * @param sections    the developments; empty for a scheduled mail with nothing new
 * @param emptyText   what a mail without developments says, or {@code null}
 * @param unsubscribe the link that unsubscribes, or {@code null} when the service has no public address
 */
public record DigestView(String subject, String heading, String greeting, List<Section> sections,
    String emptyText, String unsubscribe) {

  /**
   * The developments of one watchlist.
   *
   * @param title  the watchlist's title
   * @param groups one per entity the developments are about
   */
  public record Section(String title, List<Group> groups) {}

  /**
   * The developments about one entity.
   *
   * @param entity its name in the mail's language
   * @param items  most severe first
   */
  public record Group(String entity, List<Item> items) {}

  /**
   * A part of the evidence sentence; {@code marked} parts are the mention and the figure.
   *
   * @param text  as written in the article
   * @param marked whether to highlight it
   */
  public record Segment(String text, boolean marked) {}

  /**
   * One development as the templates show it; every text is plain, and the HTML template escapes it.
   *
   * @param verdict    {@code new}, {@code changed} or {@code confirmed}
   * @param label      the verdict in the mail's language
   * @param severity   1 to 5
   * @param headline   one line, in the mail's language
   * @param known      what was known before, one line per fact
   * @param change     what changed against it, or {@code null}
   * @param sentence   the evidence sentence, with the mention and figure marked
   * @param source     the source id
   * @param title      the article's headline, or {@code null}
   * @param link       the article's http(s) URL, or {@code null}
   * @param date       the date the claim states, else the publication date, or {@code null}
   * @param stateMedia the state medium the claim is sourced to (KCNA, TASS), or {@code null}
   * @param outlets    how many other outlets carried it
   * @param alsoOn     the subscriber's other watchlists it matched
   * @param figures    the address of its figures over time on the console, or {@code null}
   */
  public record Item(String verdict, String label, int severity, String headline, List<String> known,
      String change, List<Segment> sentence, String source, String title, String link, String date,
      String stateMedia, int outlets, List<String> alsoOn, String figures) {}

  /**
   * Lays out a digest.
   *
   * @param watchlists  the titles of the subscriber's watchlists a development matches, in the subscriber's order
   * @param outlets     how many other outlets carried each development, by development id
   * @param figuresLink the address of a development's figures over time, or {@code null} for none
   * @param unsubscribe the unsubscribe link, or {@code null}
   * @param since       when the subscriber's previous digest went out (for an empty one), or {@code null}
   */
  public static DigestView of(Digest digest, Wording wording, Function<Development, List<String>> watchlists,
      Map<String, Integer> outlets, Function<Development, String> figuresLink, String unsubscribe, Instant since) {
    ZoneId zone = digest.subscriber().timeZone();
    String name = digest.subscriber().name();
    String greeting = name == null || name.isBlank() ? null : wording.message("greeting", name);
    int n = digest.items().size();
    if (n == 0) {
      String sinceDate = since == null ? null : wording.date(LocalDate.ofInstant(since, zone));
      return new DigestView(
          sinceDate == null ? wording.message("subject.empty.never") : wording.message("subject.empty", sinceDate),
          wording.message("heading.empty"), greeting, List.of(),
          sinceDate == null ? wording.message("empty.never") : wording.message("empty.since", sinceDate),
          unsubscribe);
    }
    String count = wording.message("count.developments", n);
    String top = wording.headline(digest.top());
    String subject = digest.immediate()
        ? (n == 1 ? wording.message("subject.alert", top) : wording.message("subject.alert.many", count, top))
        : wording.message("subject.digest", count, top);
    String heading = wording.message(digest.immediate() ? "heading.alert" : "heading.digest", count);
    return new DigestView(subject, heading, greeting, sections(digest, wording, watchlists, outlets, figuresLink, zone), null,
        unsubscribe);
  }

  private static List<Section> sections(Digest digest, Wording wording,
      Function<Development, List<String>> watchlists, Map<String, Integer> outlets,
      Function<Development, String> figuresLink, ZoneId zone) {
    // Items arrive most severe first, so the first item placed in a section or group is its most severe one,
    // and insertion order is the order people should read them in.
    Map<String, Map<String, List<Item>>> bySection = new LinkedHashMap<>();
    for (Development d : digest.items()) {
      List<String> titles = watchlists.apply(d);
      String section = titles.isEmpty() ? wording.message("watchlist.other") : titles.get(0);
      List<String> alsoOn = titles.size() > 1 ? titles.subList(1, titles.size()) : List.of();
      bySection.computeIfAbsent(section, s -> new LinkedHashMap<>())
          .computeIfAbsent(wording.name(d.claim().subject()), e -> new ArrayList<>())
          .add(item(d, wording, outlets.getOrDefault(d.id(), 0), alsoOn, figuresLink.apply(d), zone));
    }
    List<Section> sections = new ArrayList<>();
    bySection.forEach((title, groups) -> {
      List<Group> list = new ArrayList<>();
      groups.forEach((entity, items) -> list.add(new Group(entity, List.copyOf(items))));
      sections.add(new Section(title, List.copyOf(list)));
    });
    return sections;
  }

  private static Item item(Development d, Wording wording, int outlets, List<String> alsoOn, String figures,
      ZoneId zone) {
    Claim claim = d.claim();
    Evidence evidence = d.evidence();
    LocalDate date = claim.date();
    if (date == null && evidence != null && evidence.publishedAt() != null) {
      date = LocalDate.ofInstant(evidence.publishedAt(), zone);
    }
    String verdict = d.verdict().name().toLowerCase(Locale.ROOT);
    return new Item(
        verdict,
        wording.message("verdict." + verdict),
        d.severity(),
        wording.headline(d),
        known(d, wording),
        wording.change(d),
        segments(claim),
        evidence == null ? null : evidence.sourceId(),
        evidence == null ? null : Headlines.oneLine(evidence.title(), MAX_TITLE),
        evidence == null ? null : webLink(evidence.url()),
        date == null ? null : wording.date(date),
        claim.attribution() == null ? null : claim.attribution().toUpperCase(Locale.ROOT),
        outlets,
        List.copyOf(alsoOn),
        figures);
  }

  /** An article's headline is shown on one line of at most this many characters ({@link Headlines}). */
  static final int MAX_TITLE = 200;

  private static List<String> known(Development d, Wording wording) {
    if (!d.knownFacts().isEmpty()) {
      return d.knownFacts().stream().map(wording::known).distinct().toList();
    }
    // A development of schema 1 says what was known in English only.
    return d.known() == null || d.known().isBlank() ? List.of() : List.of(d.known());
  }

  /**
   * The sentence cut at the claim's highlights (offsets in the article, the sentence starting at
   * {@code claim.start()}); highlights outside the sentence, e.g. in the headline, are ignored.
   */
  static List<Segment> segments(Claim claim) {
    String sentence = claim.sentence();
    if (sentence == null) {
      return List.of();
    }
    List<Claim.Span> spans = claim.highlights().stream()
        .filter(s -> s.start() >= claim.start() && s.end() <= claim.start() + sentence.length() && s.start() < s.end())
        .sorted(Comparator.comparingInt(Claim.Span::start))
        .toList();
    List<Segment> segments = new ArrayList<>();
    int at = 0;
    for (Claim.Span span : spans) {
      int from = Math.max(span.start() - claim.start(), at);
      int to = span.end() - claim.start();
      if (to <= from) {
        continue;
      }
      if (from > at) {
        segments.add(new Segment(sentence.substring(at, from), false));
      }
      segments.add(new Segment(sentence.substring(from, to), true));
      at = to;
    }
    if (at < sentence.length()) {
      segments.add(new Segment(sentence.substring(at), false));
    }
    return segments;
  }

  /** Only http(s) links reach a mail: a {@code javascript:} or {@code data:} URL from a page is dropped. */
  static String webLink(String url) {
    if (url == null) {
      return null;
    }
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
  }
}
