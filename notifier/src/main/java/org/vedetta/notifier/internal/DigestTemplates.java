package org.vedetta.notifier.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.vedetta.model.Development;
import org.vedetta.model.Evidence;

/**
 * Renders a {@link Digest} with the Thymeleaf templates {@code templates/digest.html} (HTML mode: everything
 * from an article is escaped) and {@code templates/digest.txt} (text mode). English only for now.
 */
public final class DigestTemplates {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  /** The rendered bodies of one mail. */
  public record Rendered(String subject, String text, String html) {}

  /**
   * One development as the templates show it; every field is plain text, escaped by the HTML template.
   *
   * @param verdict    {@code new}, {@code changed} or {@code confirmed}
   * @param severity   1 to 5
   * @param headline   one line for people
   * @param known      what was known before, or {@code null}
   * @param sentence   the evidence sentence as written
   * @param source     the source id
   * @param title      the article's headline
   * @param link       the article's URL when it is http(s), else {@code null}
   * @param date       the date the claim states, else the article's publication date, or {@code null}
   * @param watchlists titles of the subscriber's watchlists it matched
   * @param stateMedia the state medium the claim is sourced to (KCNA, TASS), or {@code null}
   */
  public record Item(String verdict, int severity, String headline, String known, String sentence,
      String source, String title, String link, String date, List<String> watchlists, String stateMedia) {}

  private final TemplateEngine engine = new TemplateEngine();

  public DigestTemplates() {
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
  }

  /**
   * @param reasons     the titles of the watchlists each development matched
   * @param unsubscribe the {@code mailto:} URI that unsubscribes
   */
  public Rendered render(Digest digest, Function<Development, List<String>> reasons, String unsubscribe) {
    ZoneId zone = digest.subscriber().timeZone();
    List<Item> items = digest.items().stream().map(d -> item(d, zone, reasons.apply(d))).toList();
    Context context = new Context(Locale.ENGLISH);
    context.setVariable("heading", heading(digest));
    context.setVariable("name", digest.subscriber().name());
    context.setVariable("immediate", digest.immediate());
    context.setVariable("items", items);
    context.setVariable("unsubscribe", unsubscribe);
    return new Rendered(subject(digest), engine.process("digest.txt", context),
        engine.process("digest.html", context));
  }

  /** "Vedetta: 3 new developments — North Korea — troop deployment: about 15,000 soldiers". */
  static String subject(Digest digest) {
    String headline = headline(digest.top());
    if (digest.immediate() && digest.items().size() == 1) {
      return "Vedetta alert: " + headline;
    }
    return (digest.immediate() ? "Vedetta alert: " : "Vedetta: ") + count(digest) + " — " + headline;
  }

  private static String heading(Digest digest) {
    return (digest.immediate() ? "Alert: " : "Digest: ") + count(digest);
  }

  private static String count(Digest digest) {
    int n = digest.items().size();
    return n + (n == 1 ? " new development" : " new developments");
  }

  static String headline(Development d) {
    if (d.headline() != null && !d.headline().isBlank()) {
      return d.headline();
    }
    return d.claim().subject().replace('_', ' ') + " — " + d.claim().event().replace('_', ' ');
  }

  private static Item item(Development d, ZoneId zone, List<String> watchlists) {
    Evidence evidence = d.evidence();
    LocalDate date = d.claim().date();
    if (date == null && evidence != null && evidence.publishedAt() != null) {
      date = LocalDate.ofInstant(evidence.publishedAt(), zone);
    }
    return new Item(
        d.verdict().name().toLowerCase(Locale.ROOT),
        d.severity(),
        headline(d),
        d.known(),
        d.claim().sentence(),
        evidence == null ? null : evidence.sourceId(),
        evidence == null ? null : evidence.title(),
        evidence == null ? null : webLink(evidence.url()),
        date == null ? null : DATE.format(date),
        watchlists,
        d.claim().attribution() == null ? null : d.claim().attribution().toUpperCase(Locale.ROOT));
  }

  /** Only http(s) links reach a mail: a {@code javascript:} or {@code data:} URL from a page is dropped. */
  static String webLink(String url) {
    if (url == null) {
      return null;
    }
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(DigestTemplates.class.getClassLoader());
    resolver.setPrefix("templates/");
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }
}
