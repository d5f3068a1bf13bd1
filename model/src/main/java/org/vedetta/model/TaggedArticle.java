package org.vedetta.model;

import java.time.Instant;
import java.util.List;

/**
 * An article that mentions something tracked, with what the matcher found in it.
 *
 * @param schema      version of this record's JSON shape
 * @param articleId   the article's id
 * @param sourceId    the source it came from
 * @param url         its canonical URL
 * @param title       its headline
 * @param language    ISO 639-1 code, or {@code null}
 * @param publishedAt publication time, or {@code null}
 * @param mentions    every tracked name, in text order
 * @param claims      every claim read, in text order
 * @param duplicateOf id of an earlier article this one nearly repeats (a syndicated copy), or {@code null}
 * @param corroborations developments this article repeats, each with the outlet it counts as
 */
public record TaggedArticle(
    int schema,
    String articleId,
    String sourceId,
    String url,
    String title,
    String language,
    Instant publishedAt,
    List<Mention> mentions,
    List<Claim> claims,
    String duplicateOf,
    List<Corroboration> corroborations) {

  public static final int SCHEMA = 1;

  /**
   * This article repeats a development already emitted.
   *
   * @param developmentId the development
   * @param origin        id of the first article of this article's near-duplicate group: copies of one wire
   *                      story share it, so distinct origins count independent outlets
   */
  public record Corroboration(String developmentId, String origin) {}

  public TaggedArticle {
    mentions = List.copyOf(mentions);
    claims = List.copyOf(claims);
    corroborations = corroborations == null ? List.of() : List.copyOf(corroborations);
  }
}
