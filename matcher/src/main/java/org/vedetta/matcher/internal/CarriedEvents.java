package org.vedetta.matcher.internal;

import java.util.Set;

/**
 * The events a run of sentences goes on with (see {@code carried_by} in events.yml): those the last sentence naming
 * one carries, kept over two sentences that name none (a source line, a crosshead); and whether the run began in the
 * article's lead, so that what a later sentence goes on with is the article's news ("19e paquet de sanctions. Il
 * vise ..."); and the events the last sentence named with the words they require, which the next may name again
 * without them ("More deliveries are planned").
 */
public final class CarriedEvents {

  /** How many sentences naming none a run is kept over (a source line, a crosshead: "Details"). */
  private static final int GAP = 2;

  private Set<String> carried = Set.of();
  /** How many sentences naming none of the carried events were read since the last that did. */
  private int gap;
  private boolean fromLead;
  private Set<String> named = Set.of();

  /** The events the next sentence may go on with. */
  public Set<String> carried() {
    return carried;
  }

  /** The events the sentence before named with the words they require. */
  public Set<String> named() {
    return named;
  }

  /** Whether the run the next sentence may go on with began in the lead. */
  public boolean fromLead() {
    return fromLead;
  }

  /** Moves past a sentence read, {@code lead} when it is one of the article's lead. */
  public void after(ClaimReader.Reading reading, boolean lead) {
    if (!reading.carries().isEmpty()) {
      fromLead = lead || fromLead && !carried.isEmpty();
      carried = reading.carries();
    } else if (gap >= GAP) {
      carried = Set.of();
      fromLead = false;
    }
    gap = reading.carries().isEmpty() ? gap + 1 : 0;
    named = reading.named();
  }
}
