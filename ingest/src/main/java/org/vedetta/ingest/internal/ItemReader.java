package org.vedetta.ingest.internal;

import java.util.List;

/** The parse stage: what items a source's document offers, in document order. */
@FunctionalInterface
public interface ItemReader {

  List<Candidate> read(Fetched document) throws DocumentException;
}
