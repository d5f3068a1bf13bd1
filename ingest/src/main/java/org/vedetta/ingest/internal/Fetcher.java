package org.vedetta.ingest.internal;

import java.net.URI;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.ingest.SourceSettings;

/** The fetch stage: GETs a URL on behalf of a source, within the source's limits. */
public interface Fetcher {

  /**
   * Fetches {@code url}, following redirects, for {@code source} (whose id names failures and whose
   * {@code allow_private} decides which addresses may be reached).
   *
   * @param known validators of the previous copy, or {@link Validators#NONE} for an unconditional GET
   * @return the document, or a 304 {@link Fetched} when it did not change
   */
  Fetched fetch(SourceSettings source, URI url, Validators known) throws SourceFetchException;
}
