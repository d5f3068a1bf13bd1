package org.vedetta.model;

/**
 * A tracked entity or treaty named in an article.
 *
 * @param entityId id in the knowledge set
 * @param kind     what the id refers to
 * @param surface  the words as written in the article
 * @param start    offset of the first character in {@link Article#text()} (or in the title, when {@code inTitle})
 * @param end      offset after the last character
 * @param inTitle  whether the offsets refer to the title rather than the text
 */
public record Mention(String entityId, EntityKind kind, String surface, int start, int end, boolean inTitle) {}
