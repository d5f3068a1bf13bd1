package org.vedetta.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the matcher read in one sentence.
 *
 * @param subject       entity id of who acts
 * @param event         event type id ({@code troop_deployment}, {@code casualties}, ...)
 * @param counterparty  entity id of the other side, {@code russia} unless the sentence says otherwise
 * @param treaty        treaty id for treaty events, else {@code null}
 * @param quantity      the amount stated, or {@code null}
 * @param date          the date the sentence states or implies, or {@code null}
 * @param sentence      the sentence, as written
 * @param start         offset of the sentence in the article text
 * @param end           offset after the sentence
 * @param attribution   entity id of the state medium the sentence cites ({@code kcna}, {@code tass}), or {@code null}
 * @param highlights    what to highlight in the article text: the subject's mention and the figure
 * @param confirms      for an official confirmation, the event it confirms ({@code troop_deployment},
 *                      {@code casualties}); for a figure stated as official, its own event; else {@code null}
 * @param planned       whether the sentence states a plan, a promise or an announcement ("will send 6,000 more")
 *                      rather than something done
 */
public record Claim(
    String subject,
    String event,
    String counterparty,
    String treaty,
    Quantity quantity,
    LocalDate date,
    String sentence,
    int start,
    int end,
    String attribution,
    List<Span> highlights,
    String confirms,
    boolean planned) {

  /** {@code [start, end)} in the article text. */
  public record Span(int start, int end) {}

  public Claim {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(event, "event");
    highlights = highlights == null ? List.of() : List.copyOf(highlights);
  }

  /** A claim of something done (not planned). */
  public Claim(String subject, String event, String counterparty, String treaty, Quantity quantity, LocalDate date,
      String sentence, int start, int end, String attribution, List<Span> highlights, String confirms) {
    this(subject, event, counterparty, treaty, quantity, date, sentence, start, end, attribution, highlights,
        confirms, false);
  }

  /** A claim without attribution or highlights. */
  public Claim(String subject, String event, String counterparty, String treaty, Quantity quantity, LocalDate date,
      String sentence, int start, int end) {
    this(subject, event, counterparty, treaty, quantity, date, sentence, start, end, null, List.of(), null, false);
  }

  /** The claim key: subject | event | counterparty | treaty. Novelty is decided once per key. */
  public String key() {
    return keyOf(subject, event, counterparty, treaty);
  }

  public static String keyOf(String subject, String event, String counterparty, String treaty) {
    return subject + "|" + event + "|" + (counterparty == null ? "-" : counterparty) + "|"
        + (treaty == null ? "-" : treaty);
  }
}
