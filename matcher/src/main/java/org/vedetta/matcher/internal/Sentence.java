package org.vedetta.matcher.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One folded sentence and what the claim readers share about it.
 *
 * @param text        the folded sentence
 * @param tokens      its words
 * @param mentions    its mentions, offsets relative to the sentence
 * @param dated       reads the date it states, or {@code null}, when a claim first asks (most sentences make none)
 * @param topic       the ally the surrounding text is about, used when the sentence names none
 * @param treatyTopic the treaty the surrounding text is about, used when a treaty step names none
 * @param markers     where it states plans, negations and background
 * @param attribution the state medium it cites, or {@code null}
 */
record Sentence(String text, Tokens tokens, List<MentionFinder.Found> mentions, Supplier<DateReader.StatedDate> dated,
    Optional<String> topic, Optional<String> treatyTopic, SentenceMarkers markers, String attribution) {

  /** The date the sentence states, or {@code null}. */
  DateReader.StatedDate date() {
    return dated.get();
  }

  /** A date read once, when first asked for. */
  static Supplier<DateReader.StatedDate> once(Supplier<DateReader.StatedDate> read) {
    return new Supplier<>() {
      private boolean done;
      private DateReader.StatedDate date;

      @Override
      public DateReader.StatedDate get() {
        if (!done) {
          date = read.get();
          done = true;
        }
        return date;
      }
    };
  }
}
