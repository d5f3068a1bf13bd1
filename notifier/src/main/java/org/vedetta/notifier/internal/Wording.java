package org.vedetta.notifier.internal;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.model.KnownFact;
import org.vedetta.model.Qualifier;
import org.vedetta.model.Quantity;
import org.vedetta.model.Verdict;
import org.vedetta.notifier.DisplayNames;
import org.vedetta.notifier.Subscriber;

/**
 * The words of a mail in one language: messages from {@code i18n/digest[_xx].properties}, numbers and dates
 * of its locale, and entity and treaty names. A language without a bundle reads English.
 */
public final class Wording {

  private static final String BUNDLE = "i18n/digest";

  private final String language;
  private final Locale locale;
  private final ResourceBundle bundle;
  private final DisplayNames names;
  private final String focus;
  private final DateTimeFormatter day;
  private final DateTimeFormatter month;

  /** Words that name every counterparty. */
  public Wording(String language, DisplayNames names) {
    this(language, names, null);
  }

  /** @param focus the state headlines leave unnamed as counterparty ({@code russia}); {@code null} names every one */
  public Wording(String language, DisplayNames names, String focus) {
    this.language = Subscriber.LANGUAGES.contains(language) ? language : "en";
    this.locale = Locale.forLanguageTag(this.language);
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.names = names;
    this.focus = focus;
    this.day = DateTimeFormatter.ofPattern(bundle.getString("date.day"), locale);
    this.month = DateTimeFormatter.ofPattern(bundle.getString("date.month"), locale);
  }

  public Locale locale() {
    return locale;
  }

  /** The message {@code key} with its arguments, or the key itself when the bundle lacks it. */
  public String message(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 && !pattern.contains("''") ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  public String name(String id) {
    return names.name(id, language);
  }

  /** "troop deployment", "dispiegamento di truppe"; an event without a message reads as its id. */
  public String event(String eventId) {
    return bundle.containsKey("event." + eventId) ? bundle.getString("event." + eventId) : eventId.replace('_', ' ');
  }

  /** "about 15,000 soldiers", "circa 15.000 soldati", "10,000–12,000 soldiers", "thousands of soldiers". */
  public String figure(Quantity q) {
    NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
    String amount = switch (q.qualifier()) {
      case VAGUE -> message("figure.vague");
      case UP_TO -> message("figure.up_to", numbers.format(q.high()));
      case AT_LEAST -> message("figure.at_least", numbers.format(q.low()));
      case ABOUT -> q.low() == q.high() ? message("figure.about", numbers.format(q.low()))
          : message("figure.range", numbers.format(q.low()), numbers.format(q.high()));
      case EXACT -> q.low() == q.high() ? message("figure.exact", numbers.format(q.low()))
          : message("figure.range", numbers.format(q.low()), numbers.format(q.high()));
    };
    String unit = q.unit() == null ? "" : bundle.containsKey("unit." + q.unit()) ? bundle.getString("unit." + q.unit())
        : q.unit();
    // The role says what the figure counts: "6,000 more soldiers", "about 300 soldiers killed".
    String role = q.role() == null ? null : "role." + q.role();
    if (role != null && bundle.containsKey(role)) {
      return message(role, amount, unit).strip();
    }
    return unit.isEmpty() ? amount : amount + " " + unit + (q.role() == null ? "" : " (" + q.role() + ")");
  }

  /** "North Korea — troop deployment: about 15,000 soldiers", in this language. */
  public String headline(Development d) {
    Claim c = d.claim();
    StringBuilder h = new StringBuilder(name(c.subject())).append(" — ").append(event(c.event()));
    if (c.treaty() != null) {
      h.append(": ").append(name(c.treaty()));
    } else if (c.quantity() != null) {
      h.append(": ").append(figure(c.quantity()));
    }
    if (c.planned()) {
      h.append(' ').append(message("planned"));
    }
    if (c.counterparty() != null && !c.counterparty().equals(focus) && c.treaty() == null) {
      h.append(" (").append(name(c.counterparty())).append(')');
    }
    return h.toString();
  }

  /** One known fact: "10,000–12,000 soldiers (October 2024)", "Russia: treaty ratified (27 Oct 2025)". */
  public String known(KnownFact f) {
    String what = f.quantity() != null ? figure(f.quantity()) : message("known.step", name(f.subject()), event(f.event()));
    return f.asOf() == null ? what : what + " (" + asOf(f.asOf()) + ")";
  }

  /**
   * What the development changes against what was known, in one sentence, or {@code null} when there is
   * nothing to say beyond the verdict.
   */
  public String change(Development d) {
    Claim c = d.claim();
    List<KnownFact> known = d.knownFacts();
    if (d.verdict() == Verdict.CONFIRMED) {
      return message("change.confirmed");
    }
    if (c.treaty() != null) {
      return d.verdict() == Verdict.CHANGED ? message("change.step") : null;
    }
    Quantity q = c.quantity();
    List<Quantity> precise = known.stream().map(KnownFact::quantity)
        .filter(k -> k != null && k.qualifier() != Qualifier.VAGUE)
        .filter(k -> q == null || q.unit() == null || q.unit().equals(k.unit()))
        .toList();
    if (q == null || q.qualifier() == Qualifier.VAGUE) {
      return d.verdict() == Verdict.NEW && !known.isEmpty() ? occurrence(known) : null;
    }
    // More sent, or a group sent for one task, is set against the known total: "6,000 more soldiers, on top of
    // the known 10,000–12,000 soldiers".
    if (isPart(q.role())) {
      return precise.stream().filter(k -> !isPart(k.role()))
          .max((a, b) -> Long.compare(a.high(), b.high()))
          .map(total -> message("change.part." + q.role(), figure(q), figure(total)))
          .orElse(null);
    }
    // Only figures of the same role are compared: killed with killed.
    List<Quantity> figures = precise.stream()
        .filter(k -> q.role() == null || k.role() == null || q.role().equals(k.role())).toList();
    if (figures.isEmpty()) {
      return d.verdict() == Verdict.CHANGED ? message("change.first", figure(q)) : null;
    }
    Quantity highest = figures.stream().max((a, b) -> Long.compare(a.high(), b.high())).orElseThrow();
    Quantity lowest = figures.stream().min((a, b) -> Long.compare(a.low(), b.low())).orElseThrow();
    if (q.low() > highest.high() && highest.high() > 0) {
      long percent = Math.round(100.0 * (q.low() - highest.high()) / highest.high());
      return message("change.up", figure(q), percent, figure(highest));
    }
    if (q.high() < lowest.low() && lowest.low() > 0) {
      long percent = Math.round(100.0 * (lowest.low() - q.high()) / lowest.low());
      return message("change.down", figure(q), percent, figure(lowest));
    }
    return null;
  }

  /**
   * Whether a role counts a part sent on top of or within the known total rather than the total: the roles the
   * bundle says how to set against the total ({@code change.part.increment}, {@code change.part.contingent}).
   */
  private boolean isPart(String role) {
    return role != null && bundle.containsKey("change.part." + role);
  }

  private String occurrence(List<KnownFact> known) {
    return known.stream().map(KnownFact::asOf).filter(a -> a != null).max(String::compareTo)
        .map(last -> message("change.occurrence", asOf(last)))
        .orElse(null);
  }

  /** A date as people read it here: "3 Nov 2025", "3 nov 2025". */
  public String date(LocalDate date) {
    return day.format(date);
  }

  /** A fact's {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} as people read it; anything else as is. */
  public String asOf(String asOf) {
    try {
      return switch (asOf.length()) {
        case 4 -> asOf;
        case 7 -> month.format(YearMonth.parse(asOf));
        default -> day.format(LocalDate.parse(asOf.substring(0, 10)));
      };
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      return asOf;
    }
  }
}
