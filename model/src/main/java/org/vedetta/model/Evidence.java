package org.vedetta.model;

import java.time.Instant;

/**
 * Where a claim was read.
 *
 * @param articleId   the article's id
 * @param sourceId    the source it came from
 * @param url         the article's URL
 * @param title       the article's headline
 * @param publishedAt publication time, or {@code null}
 */
public record Evidence(String articleId, String sourceId, String url, String title, Instant publishedAt) {}
