package org.vedetta.ingest.internal;

import java.time.Instant;

/**
 * What an article page says about itself; see {@link PageMetadata} for where each field comes from.
 *
 * @param canonicalUrl its {@code <link rel=canonical>}, absolute, or {@code null}
 * @param title        the headline; may be empty
 * @param author       the author or authors (joined by {@code ", "}), or {@code null}
 * @param publishedAt  publication time, or {@code null}
 * @param language     ISO 639-1: declared by the page, else the hint, else detected from the text; or
 *                     {@code null}
 * @param text         the main text, paragraphs separated by blank lines; may be empty
 */
public record ExtractedPage(
    String canonicalUrl, String title, String author, Instant publishedAt, String language, String text) {}
