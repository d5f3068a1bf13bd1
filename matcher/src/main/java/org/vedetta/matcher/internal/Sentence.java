package org.vedetta.matcher.internal;

import java.util.List;
import java.util.Optional;

/**
 * One folded sentence and what the claim readers share about it.
 *
 * @param text        the folded sentence
 * @param tokens      its words
 * @param mentions    its mentions, offsets relative to the sentence
 * @param date        the date it states, or {@code null}
 * @param topic       the ally the surrounding text is about, used when the sentence names none
 * @param treatyTopic the treaty the surrounding text is about, used when a treaty step names none
 * @param markers     where it states plans, negations and background
 * @param attribution the state medium it cites, or {@code null}
 */
record Sentence(String text, Tokens tokens, List<MentionFinder.Found> mentions, DateReader.StatedDate date,
    Optional<String> topic, Optional<String> treatyTopic, SentenceMarkers markers, String attribution) {}
