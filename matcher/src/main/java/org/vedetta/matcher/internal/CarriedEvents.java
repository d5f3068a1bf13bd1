package org.vedetta.matcher.internal;

import java.util.Set;

/**
 * The events a run of sentences goes on with (see {@code carried_by} in events.yml): those the last sentence naming
 * one carries, kept over one sentence that names none; and whether the run began in the article's lead, so that
 * what a later sentence goes on with is the article's news ("19e paquet de sanctions. Il vise ...").
 */
public final class CarriedEvents {

  private Set<String> carried = Set.of();
  private boolean lastCarried;
  private boolean fromLead;

  /** The events the next sentence may go on with. */
  public Set<String> carried() {
    return carried;
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
    } else if (!lastCarried) {
      carried = Set.of();
      fromLead = false;
    }
    lastCarried = !reading.carries().isEmpty();
  }
}
