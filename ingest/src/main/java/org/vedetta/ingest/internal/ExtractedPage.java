package org.vedetta.ingest.internal;

import java.time.Instant;

/**
 * What an article page says about itself.
 *
 * @param canonicalUrl its {@code <link rel=canonical>}, absolute, or {@code null}
 * @param title        {@code og:title}, else the first {@code <h1>}, else {@code <title>}; may be empty
 * @param publishedAt  {@code article:published_time}, else the first {@code <time datetime>}, else JSON-LD
 *                     {@code datePublished}; or {@code null}
 * @param language     ISO 639-1 from {@code <html lang>}, else the hint; or {@code null}
 * @param text         the main text, paragraphs separated by blank lines; may be empty
 */
public record ExtractedPage(String canonicalUrl, String title, Instant publishedAt, String language, String text) {}
