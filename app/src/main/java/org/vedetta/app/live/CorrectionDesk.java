package org.vedetta.app.live;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.vedetta.model.Correction;
import org.vedetta.model.Correction.Decision;
import org.vedetta.model.Correction.Reason;
import org.vedetta.model.Development;
import org.vedetta.model.Json;
import org.vedetta.model.Topics;

/**
 * Where analysts' judgements are made: checks one, publishes it on {@code vedetta.corrections} (the matchers
 * retract what a wrong development taught, the notifiers take it out of unsent digests) and records it in the
 * console's {@link CorrectionLog}. A development can be judged while the console holds it: the live view's recent
 * developments, or one judged before.
 */
public final class CorrectionDesk {

  static final int MAX_ANALYST = 100;
  static final int MAX_NOTE = 2000;

  private final DevelopmentFeed feed;
  private final CorrectionLog log;
  private final KafkaProducer<String, byte[]> producer;
  private final Clock clock;

  public CorrectionDesk(DevelopmentFeed feed, CorrectionLog log, KafkaProducer<String, byte[]> producer,
      Clock clock) {
    this.feed = feed;
    this.log = log;
    this.producer = producer;
    this.clock = clock;
  }

  /** A judgement as a form or a request gives it: words, checked by {@link #judge}. */
  public record Judgement(String decision, String reason, String note, String analyst) {}

  /** A judgement that cannot be made as given, with what is wrong, for the person who gave it. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  /** The development the console holds with this id, from the live view or an earlier judgement. */
  public Optional<Development> development(String id) {
    return feed.find(id).or(() -> log.of(id).map(Correction::development));
  }

  /** The development's latest judgement. */
  public Optional<Correction> judgementOf(String developmentId) {
    return log.of(developmentId);
  }

  /**
   * Judges the development and publishes the judgement; it is on the topic when this returns.
   *
   * @return empty when the console holds no development with this id
   * @throws Refused when the judgement is incomplete or malformed
   */
  public Optional<Correction> judge(String developmentId, Judgement judgement) {
    Decision decision = decision(judgement.decision());
    Reason reason = decision == Decision.WRONG ? reason(judgement.reason()) : null;
    String analyst = blankToNull(judgement.analyst());
    if (analyst == null) {
      throw new Refused("say who judges: analyst is required");
    }
    if (analyst.length() > MAX_ANALYST) {
      throw new Refused("analyst: at most " + MAX_ANALYST + " characters");
    }
    String note = blankToNull(judgement.note());
    if (note != null && note.length() > MAX_NOTE) {
      throw new Refused("note: at most " + MAX_NOTE + " characters");
    }
    Optional<Development> development = development(developmentId);
    if (development.isEmpty()) {
      return Optional.empty();
    }
    Correction correction = Correction.of(development.get(), decision, reason, note, analyst, clock.instant());
    publish(correction);
    log.add(correction);
    return Optional.of(correction);
  }

  private void publish(Correction correction) {
    try {
      producer.send(new ProducerRecord<>(Topics.CORRECTIONS, correction.developmentId(), Json.write(correction)))
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish the correction to " + Topics.CORRECTIONS + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing the correction", e);
    }
  }

  private static Decision decision(String given) {
    String value = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "right" -> Decision.RIGHT;
      case "wrong" -> Decision.WRONG;
      default -> throw new Refused("decision must be 'right' or 'wrong'" + (value.isEmpty() ? "" : ", not '" + value + "'"));
    };
  }

  private static Reason reason(String given) {
    String value = blankToNull(given);
    if (value == null) {
      throw new Refused("say why it is wrong: reason is one of wrong_figure, wrong_event, wrong_country, not_news,"
          + " duplicate");
    }
    try {
      return Reason.ofCode(value.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Refused(e.getMessage());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
