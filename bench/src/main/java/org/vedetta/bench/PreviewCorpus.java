package org.vedetta.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.model.EntityKind;
import org.vedetta.model.Evidence;
import org.vedetta.model.Ids;
import org.vedetta.model.KnownFact;
import org.vedetta.model.Mention;
import org.vedetta.model.Qualifier;
import org.vedetta.model.Quantity;
import org.vedetta.model.TaggedArticle;
import org.vedetta.model.Verdict;

/**
 * Synthetic {@link Development}s and {@link TaggedArticle}s shaped as the matcher writes them, for
 * {@link PreviewBenchmark}: claims by one of {@link #ENTITIES} (the first ones far more often, as in the news),
 * one of {@link #EVENTS}, an English sentence of about 200 characters with its figure, and the article it was read
 * in. Deterministic for a seed; developments and articles draw from separate generators so that either can be
 * made again alone.
 */
final class PreviewCorpus {

  /** Entity ids of {@code config/knowledge/entities.yml}, most reported first. */
  static final List<String> ENTITIES = List.of("north_korea", "iran", "belarus", "china", "venezuela", "syria",
      "cuba", "serbia", "india", "armenia", "azerbaijan", "vietnam", "kazakhstan", "kyrgyzstan", "tajikistan",
      "uzbekistan", "georgia", "south_korea", "japan", "united_states");

  /** Event type ids of {@code config/knowledge/events.yml}. */
  static final List<String> EVENTS = List.of("troop_deployment", "casualties", "arms_supply", "treaty_ratified",
      "leader_meeting");

  private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("north_korea", "North Korea"),
      Map.entry("iran", "Iran"), Map.entry("belarus", "Belarus"), Map.entry("china", "China"),
      Map.entry("venezuela", "Venezuela"), Map.entry("syria", "Syria"), Map.entry("cuba", "Cuba"),
      Map.entry("serbia", "Serbia"), Map.entry("india", "India"), Map.entry("armenia", "Armenia"),
      Map.entry("azerbaijan", "Azerbaijan"), Map.entry("vietnam", "Vietnam"), Map.entry("kazakhstan", "Kazakhstan"),
      Map.entry("kyrgyzstan", "Kyrgyzstan"), Map.entry("tajikistan", "Tajikistan"),
      Map.entry("uzbekistan", "Uzbekistan"), Map.entry("georgia", "Georgia"), Map.entry("south_korea", "South Korea"),
      Map.entry("japan", "Japan"), Map.entry("united_states", "the United States"), Map.entry("russia", "Russia"),
      Map.entry("ukraine", "Ukraine"));

  private static final Map<String, String> LABELS = Map.of("troop_deployment", "troop deployment", "casualties",
      "casualties", "arms_supply", "arms supply", "treaty_ratified", "treaty ratified", "leader_meeting",
      "leader meeting");

  /** Base severity of each event type, as in {@code events.yml}. */
  private static final Map<String, Integer> SEVERITY = Map.of("troop_deployment", 4, "casualties", 4,
      "arms_supply", 3, "treaty_ratified", 3, "leader_meeting", 2);

  private static final List<String> TREATIES = List.of("ru_kp_strategic_partnership_2024",
      "ru_ve_strategic_partnership_2025", "ru_ir_comprehensive_strategic_partnership_2025", "ru_by_union_state_1999",
      "collective_security_treaty_1992");

  private static final List<String> SOURCES = List.of("ansa", "reuters", "apnews", "yonhap", "bbc", "dw",
      "lemonde", "repubblica", "corriere", "kyiv_independent", "meduza", "tass", "interfax", "belta", "irna",
      "xinhua", "nknews", "38north", "politico", "ft", "guardian", "elpais", "rferl", "aljazeera", "nikkei",
      "koreaherald", "euronews", "france24", "ukrinform", "novaya_gazeta");

  private static final List<String> PLACES = List.of("the Kursk region", "the Belgorod region", "occupied "
      + "Zaporizhzhia", "the Donetsk front", "Crimea", "the Kherson direction", "the Bryansk border area");

  private static final List<String> REPORTERS = List.of("South Korean intelligence", "Ukraine's military "
      + "intelligence", "a senior Western official", "the Institute for the Study of War", "state media",
      "two people familiar with the matter", "the defence ministry");

  private static final List<String> CITIES = List.of("Moscow", "Minsk", "Pyongyang", "Tehran", "Beijing",
      "Caracas", "Vladivostok", "Sochi", "St Petersburg", "Kazan");

  private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday");

  private static final List<String> LANGUAGES = List.of("en", "en", "en", "it", "it", "fr", "de", "es", "ru", "uk");

  private final Random random;
  /** Cumulative Zipf weights over {@link #ENTITIES}: the k-th entity is reported about 1/k as often as the first. */
  private final double[] cumulative = new double[ENTITIES.size()];

  PreviewCorpus(long seed) {
    this.random = new Random(seed);
    double sum = 0;
    for (int k = 0; k < ENTITIES.size(); k++) {
      sum += 1.0 / (k + 1);
      cumulative[k] = sum;
    }
    for (int k = 0; k < cumulative.length; k++) {
      cumulative[k] /= sum;
    }
  }

  static String nameOf(String id) {
    return NAMES.getOrDefault(id, id);
  }

  /**
   * The {@code i}-th development, decided at {@code detectedAt} on a claim read in an article an hour or two
   * earlier.
   */
  Development development(long i, Instant detectedAt) {
    Instant published = detectedAt.minus(Duration.ofMinutes(30 + random.nextInt(150)));
    String source = pick(SOURCES);
    String url = url(source, published, "d", i);
    String articleId = Ids.of(url);
    Claim claim = claim(published);
    Verdict verdict = verdict();
    int severity = Math.max(1, Math.min(5, SEVERITY.get(claim.event()) + (verdict == Verdict.CONFIRMED ? 1 : 0)
        + random.nextInt(3) - 1));
    List<String> compared = List.of();
    List<KnownFact> facts = List.of();
    String known = null;
    if (verdict != Verdict.NEW) {
      String factId = claim.subject() + "_" + claim.event() + "_" + (1 + random.nextInt(40));
      compared = List.of(factId);
      Quantity was = claim.quantity() == null ? null
          : new Quantity(claim.quantity().low() * 2 / 3, claim.quantity().low() * 4 / 5, claim.quantity().unit(),
              Qualifier.ABOUT);
      String asOf = String.format(Locale.ROOT, "2025-%02d", 1 + random.nextInt(10));
      facts = List.of(new KnownFact(claim.subject(), claim.event(), claim.treaty(), was, asOf));
      known = (was == null ? "signed" : was.describe()) + ", " + asOf;
    }
    String figure = claim.quantity() == null ? "-" : claim.quantity().low() + ".." + claim.quantity().high();
    Evidence evidence = new Evidence(articleId, source, url, title(claim), published);
    return new Development(Development.SCHEMA, Ids.of(claim.key(), figure, articleId), claim.key(), verdict,
        severity, headline(claim), claim, evidence, compared, known, facts, detectedAt);
  }

  /** The {@code i}-th tagged article: two to six mentions of tracked names and up to three claims. */
  TaggedArticle article(long i, Instant publishedAt) {
    String source = pick(SOURCES);
    String url = url(source, publishedAt, "a", i);
    String articleId = Ids.of(url);
    int claimCount = random.nextInt(4);
    List<Claim> claims = new ArrayList<>(claimCount);
    for (int c = 0; c < claimCount; c++) {
      claims.add(claim(publishedAt));
    }
    List<String> named = new ArrayList<>();
    claims.forEach(c -> named.add(c.subject()));
    if (named.isEmpty()) {
      named.add(entity());
    }
    named.add("russia");
    for (int extra = random.nextInt(3); extra > 0; extra--) {
      named.add(entity());
    }
    List<Mention> mentions = new ArrayList<>(named.size());
    int at = random.nextInt(200);
    for (String id : named) {
      String surface = nameOf(id);
      mentions.add(new Mention(id, EntityKind.STATE, surface, at, at + surface.length(), false));
      at += surface.length() + 40 + random.nextInt(800);
    }
    String title = claims.isEmpty() ? nameOf(named.get(0)) + " and Russia: what the latest talks mean"
        : title(claims.get(0));
    String duplicateOf = random.nextInt(10) == 0 ? Ids.of("origin", String.valueOf(i / 7)) : null;
    List<TaggedArticle.Corroboration> corroborations = random.nextInt(10) == 0
        ? List.of(new TaggedArticle.Corroboration(Ids.of("development", String.valueOf(i / 3)), articleId))
        : List.of();
    return new TaggedArticle(TaggedArticle.SCHEMA, articleId, source, url, title, pick(LANGUAGES), publishedAt,
        mentions, claims, duplicateOf, corroborations);
  }

  private Claim claim(Instant published) {
    String subject = entity();
    String event = pick(EVENTS);
    String counterparty = random.nextInt(10) == 0 ? entity() : "russia";
    if (counterparty.equals(subject)) {
      counterparty = "russia";
    }
    String name = nameOf(subject);
    String reporter = pick(REPORTERS);
    String day = pick(DAYS);
    LocalDate date = published.atZone(ZoneOffset.UTC).toLocalDate().minusDays(random.nextInt(5));
    String treaty = null;
    Quantity quantity = null;
    String sentence;
    switch (event) {
      case "troop_deployment" -> {
        quantity = soldiers(1_000, 20_000);
        sentence = String.format(Locale.ROOT, "%s has sent %s to %s, %s said on %s, adding that the contingent "
                + "had trained with Russian units for several weeks before it was moved closer to the front line.",
            name, quantity.describe(), pick(PLACES), reporter, day);
      }
      case "casualties" -> {
        quantity = soldiers(100, 6_000);
        sentence = String.format(Locale.ROOT, "%s were killed or wounded while fighting for Russia in %s, "
                + "according to %s, which cited intercepted radio traffic and drone footage published on %s.",
            capitalised(quantity.describe()) + " from " + name, pick(PLACES), reporter, day);
      }
      case "arms_supply" -> {
        long shells = 10_000L * (10 + random.nextInt(500));
        quantity = new Quantity(shells, shells, "artillery shells", Qualifier.ABOUT);
        sentence = String.format(Locale.ROOT, "%s delivered %s and several dozen short-range missiles to Russia "
                + "in recent months, %s said on %s, describing the shipments as the largest so far.", name,
            quantity.describe(), reporter, day);
      }
      case "treaty_ratified" -> {
        treaty = pick(TREATIES);
        sentence = String.format(Locale.ROOT, "The parliament of %s ratified the %s on %s, a step Moscow welcomed "
                + "as deepening military and economic cooperation between the two countries, %s reported.", name,
            treaty.replace('_', ' '), day, reporter);
      }
      default -> sentence = String.format(Locale.ROOT, "The leader of %s met Vladimir Putin in %s on %s to discuss "
              + "military cooperation, energy supplies and the war in Ukraine, %s reported, calling the talks long.",
          name, pick(CITIES), day, reporter);
    }
    int start = random.nextInt(4_000);
    int nameAt = Math.max(0, sentence.indexOf(name));
    List<Claim.Span> highlights = List.of(new Claim.Span(start + nameAt, start + nameAt + name.length()));
    String attribution = random.nextInt(8) == 0 ? (random.nextBoolean() ? "kcna" : "tass") : null;
    String confirms = random.nextInt(12) == 0 ? event : null;
    return new Claim(subject, event, counterparty, treaty, quantity, date, sentence, start,
        start + sentence.length(), attribution, highlights, confirms);
  }

  /** As the matcher writes it: "North Korea — troop deployment: about 15,000 soldiers". */
  private static String headline(Claim c) {
    StringBuilder h = new StringBuilder(nameOf(c.subject())).append(" — ").append(LABELS.get(c.event()));
    if (c.treaty() != null) {
      h.append(": ").append(c.treaty().replace('_', ' '));
    } else if (c.quantity() != null) {
      h.append(": ").append(c.quantity().describe());
    }
    if (!"russia".equals(c.counterparty()) && c.treaty() == null) {
      h.append(" (").append(nameOf(c.counterparty())).append(')');
    }
    return h.toString();
  }

  private static String title(Claim c) {
    return nameOf(c.subject()) + ": " + LABELS.get(c.event()) + " reported as Moscow leans on its partners";
  }

  private Quantity soldiers(int min, int max) {
    long low = (min + random.nextInt(max - min)) / 100 * 100;
    return switch (random.nextInt(4)) {
      case 0 -> new Quantity(low, low + low / 5 / 100 * 100, "soldiers", Qualifier.ABOUT);
      case 1 -> new Quantity(low, low, "soldiers", Qualifier.AT_LEAST);
      default -> new Quantity(low, low, "soldiers", Qualifier.ABOUT);
    };
  }

  private Verdict verdict() {
    int r = random.nextInt(10);
    return r < 6 ? Verdict.NEW : r < 9 ? Verdict.CHANGED : Verdict.CONFIRMED;
  }

  private String entity() {
    double r = random.nextDouble();
    for (int k = 0; k < cumulative.length; k++) {
      if (r < cumulative[k]) {
        return ENTITIES.get(k);
      }
    }
    return ENTITIES.get(ENTITIES.size() - 1);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static String url(String source, Instant at, String kind, long i) {
    return String.format(Locale.ROOT, "https://www.%s.example/%s/world/europe/%s-%d", source,
        at.atZone(ZoneOffset.UTC).toLocalDate(), kind, i);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
