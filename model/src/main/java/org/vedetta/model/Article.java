package org.vedetta.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One news item as ingest read it.
 *
 * @param schema      version of this record's JSON shape
 * @param id          {@link Ids#of} the canonical URL
 * @param sourceId    id of the source in {@code sources.yml}
 * @param url         canonical URL
 * @param title       headline, plain text
 * @param text        main text, plain text, paragraphs separated by blank lines
 * @param language    ISO 639-1 code, or {@code null} when unknown
 * @param publishedAt publication time, or {@code null} when the source does not say
 * @param fetchedAt   when ingest read it
 * @param author      who wrote it, as the page names them (its metadata or byline), or {@code null}
 */
public record Article(
    int schema,
    String id,
    String sourceId,
    String url,
    String title,
    String text,
    String language,
    Instant publishedAt,
    Instant fetchedAt,
    String author) {

  public static final int SCHEMA = 1;

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(url, "url");
    title = title == null ? "" : title;
    text = text == null ? "" : text;
  }

  /** An article whose author is not known. */
  public Article(int schema, String id, String sourceId, String url, String title, String text, String language,
      Instant publishedAt, Instant fetchedAt) {
    this(schema, id, sourceId, url, title, text, language, publishedAt, fetchedAt, null);
  }

  /** The same article, by {@code author}. */
  public Article withAuthor(String author) {
    return new Article(schema, id, sourceId, url, title, text, language, publishedAt, fetchedAt,
        author == null || author.isBlank() ? null : author);
  }

  /** A new article whose id is derived from its canonical URL. */
  public static Article of(
      String sourceId, String canonicalUrl, String title, String text, String language,
      Instant publishedAt, Instant fetchedAt) {
    return new Article(SCHEMA, idFor(canonicalUrl), sourceId, canonicalUrl, title, text, language,
        publishedAt, fetchedAt);
  }

  public static String idFor(String canonicalUrl) {
    return Ids.of(canonicalUrl);
  }
}
