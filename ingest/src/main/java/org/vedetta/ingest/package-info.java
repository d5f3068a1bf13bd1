/**
 * Ingest: polls the sources of {@code sources.yml} (RSS/Atom feeds, HTML article and listing pages) on a
 * schedule and publishes each new item once as an {@link org.vedetta.model.Article}.
 *
 * <p>{@link org.vedetta.ingest.Ingest} is the entry; {@link org.vedetta.ingest.SourcesSettings} reads the
 * sources; {@link org.vedetta.ingest.ArticleSink} is where articles go. Everything in
 * {@code org.vedetta.ingest.internal} may change without notice.
 */
package org.vedetta.ingest;
