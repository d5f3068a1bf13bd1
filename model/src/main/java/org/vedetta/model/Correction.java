package org.vedetta.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An analyst's judgement of a development, keyed by the development's id on a compacted topic: the latest one
 * stands. A development judged {@link Decision#WRONG} is withdrawn: the fact it taught the matcher is retracted
 * and it leaves every digest not yet sent.
 *
 * @param schema      version of this record's JSON shape
 * @param id          {@link Ids#of} the development, the decision and the time: one per judgement
 * @param decision    right or wrong
 * @param reason      why it is wrong; {@code null} when it is right
 * @param note        the analyst's words, or {@code null}
 * @param analyst     who judged
 * @param correctedAt when
 * @param development the development judged, as it was published
 */
public record Correction(
    int schema,
    String id,
    Decision decision,
    Reason reason,
    String note,
    String analyst,
    Instant correctedAt,
    Development development) {

  public static final int SCHEMA = 1;

  public Correction {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(development, "development");
    if (decision == Decision.WRONG && reason == null) {
      throw new IllegalArgumentException("a development marked wrong needs a reason");
    }
    if (decision == Decision.RIGHT && reason != null) {
      throw new IllegalArgumentException("a development marked right has no reason to be wrong");
    }
  }

  /** A judgement made now, with its id. */
  public static Correction of(Development development, Decision decision, Reason reason, String note, String analyst,
      Instant at) {
    return new Correction(SCHEMA, Ids.of("correction", development.id(), decision.name(), at.toString()), decision,
        reason, note, analyst, at, development);
  }

  /** The id of the development judged: this record's key. */
  public String developmentId() {
    return development.id();
  }

  /** Right or wrong. */
  public enum Decision {
    @JsonProperty("right") RIGHT,
    @JsonProperty("wrong") WRONG;

    /** {@code right} or {@code wrong}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What was wrong with a development. */
  public enum Reason {
    /** The figure is not the one the article gives, or counts something else. */
    @JsonProperty("wrong_figure") WRONG_FIGURE,
    /** The article tells of another kind of event. */
    @JsonProperty("wrong_event") WRONG_EVENT,
    /** The event is another state's (or person's). */
    @JsonProperty("wrong_country") WRONG_COUNTRY,
    /** Background, recalled or already known: not the article's news. */
    @JsonProperty("not_news") NOT_NEWS,
    /** The same development came out before. */
    @JsonProperty("duplicate") DUPLICATE;

    /** The form used in JSON and forms, e.g. {@code wrong_figure}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** For people, e.g. "wrong figure". */
    public String label() {
      return code().replace('_', ' ');
    }

    /** The reason of this code. */
    public static Reason ofCode(String code) {
      for (Reason r : values()) {
        if (r.code().equals(code)) {
          return r;
        }
      }
      throw new IllegalArgumentException("unknown reason '" + code + "'; one of wrong_figure, wrong_event,"
          + " wrong_country, not_news, duplicate");
    }
  }
}
